/*
 * CSV files: a row-by-row reader on top of libcsv, and the typed table
 * built from it.
 *
 * libcsv splits fields and rows but knows nothing of lines, headers or
 * text encodings. The reader adds those: it counts physical lines (libcsv
 * reports every unquoted line break with CSV_REPALL_NL, and quoted ones are
 * in the field text), checks UTF-8, compares each row with the header and
 * turns libcsv's silence about an unclosed quote into an error.
 */
#include "pp_internal.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files of this size are read at once and, without quotes, parsed in two
   halves on two threads. Below it a thread costs more than it saves: on a
   two-core VM, starting one, its memory and the kernel's cross-processor
   work come to half a millisecond (see bench/NOTES.md). */
#define SPLIT_MIN_BYTES (1024 * 1024)
#define SPLIT_MAX_BYTES (256 * 1024 * 1024)

/* Bytes handed to libcsv at a time when reading a file. */
#define READ_CHUNK (1024 * 1024)

/*
 * The longest row read, in bytes. Without it a file with no line breaks (a
 * binary file, /dev/zero) would be read into memory whole, or forever.
 */
#define ROW_MAX_BYTES (64 * 1024 * 1024)

/* The most fields a row may have: each costs memory beyond its text. */
#define ROW_MAX_FIELDS 1000000

/* libcsv grows its field buffer by this much (its default is 128 bytes,
   which makes a 1 MB field cost thousands of reallocs). */
#define LIBCSV_BLOCK (64 * 1024)

/*
 * libcsv's state inside a field that has not ended (FIELD_BEGUN in its
 * source). Together with `quoted` it tells an unclosed quote at the end of
 * the input, which libcsv would otherwise hand over as a normal field.
 */
#if CSV_MAJOR != 3
#error "the unclosed-quote check knows libcsv 3's parser states"
#endif
#define LIBCSV_FIELD_BEGUN 2

typedef struct reader {
    struct csv_parser parser;
    const char *name;
    pp__csv_row_fn on_header, on_row;
    void *user;
    pp_error_t *err;
    pp_status status;       /* the first failure; then callbacks do nothing */

    size_t line;            /* the file line the parser has reached */
    bool after_cr;          /* the last line break was a CR, so an LF right
                               after it ends the same line */
    bool have_header;
    size_t ncolumns;        /* fields in the header */

    /* The row being read. */
    size_t row_line;        /* where it starts */
    size_t nfound;          /* fields seen so far */
    size_t row_bytes;       /* their bytes, kept or only counted */
    size_t nstored;         /* fields kept (extra ones are only counted) */
    char *text;             /* the kept fields, each NUL-terminated */
    size_t text_len, text_cap;
    size_t *starts;         /* where each kept field starts in text */
    size_t starts_cap;
    pp__csv_field *fields;  /* what the callbacks receive */
    size_t fields_cap;
} reader;

/* ------------------------------------------------------------------------ */
/* Checking field text                                                       */
/* ------------------------------------------------------------------------ */

/*
 * What a file is when its first field does not read as UTF-8, if its first
 * bytes tell: UTF-16 (a byte order mark, or NUL every other byte, as in
 * "i\0n\0d\0e\0x\0" for "index") or gzip. NULL when they do not.
 */
static const char *binary_kind(const unsigned char *s, size_t len)
{
    size_t i, n = len < 64 ? len : 64, odd_nuls = 0, even_nuls = 0;

    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
                     (s[0] == 0xFE && s[1] == 0xFF)))
        return s[0] == 0xFF ? "UTF-16 text (it starts with FF FE)"
                            : "UTF-16 text (it starts with FE FF)";
    if (len >= 2 && s[0] == 0x1F && s[1] == 0x8B)
        return "gzip";
    for (i = 0; i + 1 < n; i += 2) {
        even_nuls += s[i] == 0;
        odd_nuls += s[i + 1] == 0;
    }
    if (n >= 2 && (odd_nuls == n / 2 || even_nuls == n / 2) &&
        odd_nuls + even_nuls == n / 2)
        return "UTF-16 text (every other byte is NUL)";
    return NULL;
}

/* Fails on a byte that is not text: s[i] of a field. */
static void not_text(reader *r, const unsigned char *s, size_t len, size_t i)
{
    const char *kind = NULL;

    /* The first field of the file starts at its first byte (past a BOM). */
    if (!r->have_header && r->nfound == 0 && r->row_line == 1)
        kind = binary_kind(s, len);
    if (kind != NULL && strcmp(kind, "gzip") == 0)
        r->status = pp__fail(r->err, PP_ERR_CSV, "%s:%zu: the file is "
                             "gzip-compressed (it starts with 1F 8B): "
                             "decompress it first (gunzip)", r->name,
                             r->line);
    else if (kind != NULL)
        r->status = pp__fail(r->err, PP_ERR_CSV, "%s:%zu: the file looks "
                             "like %s; pngplot reads UTF-8: convert it "
                             "(iconv -f UTF-16 -t UTF-8)", r->name, r->line,
                             kind);
    else if (s[i] == 0)
        r->status = pp__fail(r->err, PP_ERR_CSV, "%s:%zu: a NUL byte (field "
                             "%zu): is this a text file?", r->name, r->line,
                             r->nfound + 1);
    else
        r->status = pp__fail(r->err, PP_ERR_CSV,
                             "%s:%zu: not valid UTF-8 text (byte 0x%02X "
                             "in field %zu)", r->name, r->line, s[i],
                             r->nfound + 1);
}

/*
 * Checks that a field is UTF-8 text without NUL bytes, and counts the line
 * breaks inside it (quoted fields may hold CR, LF or CRLF).
 */
static bool scan_field(reader *r, const unsigned char *s, size_t len)
{
    size_t i = 0, n;

    while (i < len) {
        if (s[i] >= 0x20 && s[i] < 0x80) {
            i++;
        } else if (s[i] == '\n' || s[i] == '\r') {
            r->line++;
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
        } else if (s[i] != 0 && s[i] < 0x80) {
            i++;                        /* tabs and other controls */
        } else if ((n = pp__utf8_sequence(s + i, len - i)) > 0) {
            i += n;
        } else {
            not_text(r, s, len, i);
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------------ */
/* Collecting a row                                                          */
/* ------------------------------------------------------------------------ */

static bool store_field(reader *r, const char *s, size_t len)
{
    /* Checked here first: pp__grow is a call per field, and this runs
       for each of millions of fields. */
    if ((r->text_len + len + 1 > r->text_cap &&
         !pp__grow((void **)&r->text, &r->text_cap, r->text_len + len + 1,
                   1)) ||
        (r->nstored == r->starts_cap &&
         !pp__grow((void **)&r->starts, &r->starts_cap, r->nstored + 1,
                   sizeof *r->starts)))
        return false;
    r->starts[r->nstored++] = r->text_len;
    memcpy(r->text + r->text_len, s, len);
    r->text[r->text_len + len] = '\0';
    r->text_len += len + 1;
    return true;
}

/* libcsv's field callback. */
static void on_field(void *data, size_t len, void *context)
{
    reader *r = context;
    const char *s = data != NULL ? data : "";

    if (r->status != PP_OK)
        return;
    if (r->nfound == 0)
        r->row_line = r->line;
    r->after_cr = false;
    r->row_bytes += len + 1;
    if (!scan_field(r, (const unsigned char *)s, len))
        return;

    /* Extra fields are only counted, for the message at the row's end. */
    if ((!r->have_header || r->nfound < r->ncolumns) &&
        !store_field(r, s, len)) {
        r->status = pp__fail(r->err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                             r->name, r->row_line);
        return;
    }
    if (++r->nfound > ROW_MAX_FIELDS)
        r->status = pp__fail(r->err, PP_ERR_LIMIT, "%s:%zu: a row of more "
                             "than %d fields; is this a CSV file?", r->name,
                             r->row_line, ROW_MAX_FIELDS);
}

/* Points the fields at the stored text, padding up to n empty fields. */
static bool build_fields(reader *r, size_t n)
{
    size_t i;

    if (n > r->fields_cap &&
        !pp__grow((void **)&r->fields, &r->fields_cap, n, sizeof *r->fields))
        return false;
    for (i = 0; i < n; i++) {
        if (i < r->nstored) {
            size_t next = i + 1 < r->nstored ? r->starts[i + 1] : r->text_len;
            r->fields[i].text = r->text + r->starts[i];
            r->fields[i].len = next - r->starts[i] - 1;
        } else {
            r->fields[i].text = "";
            r->fields[i].len = 0;
        }
    }
    return true;
}

/* A line holding only spaces or tabs counts as blank, as an empty one. */
static bool is_blank_row(const reader *r)
{
    size_t i;

    if (r->nfound != 1 || r->text_len <= 1)
        return false;
    for (i = 0; i + 1 < r->text_len; i++)
        if (r->text[i] != ' ' && r->text[i] != '\t')
            return false;
    return true;
}

/* A header field, for finding a name that appears twice. */
typedef struct name_ref {
    const char *text;
    size_t len, index;
} name_ref;

static int compare_names(const void *a, const void *b)
{
    const name_ref *x = a, *y = b;
    int c;

    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    c = memcmp(x->text, y->text, x->len);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Column names must differ. Sorted, equal names are neighbours, so a wide
 * header (100 000 columns) costs n log n rather than n^2 comparisons. The
 * message names the pair a reader going left to right meets first: the
 * earliest second occurrence, and the first occurrence of its name.
 */
static pp_status check_names(const reader *r)
{
    name_ref *refs;
    size_t i, start = 0, first = 0, second = 0;

    if (r->nfound < 2)
        return PP_OK;
    refs = malloc(r->nfound * sizeof *refs);
    if (refs == NULL)
        return pp__fail(r->err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                        r->name, r->row_line);
    for (i = 0; i < r->nfound; i++)
        refs[i] = (name_ref){r->fields[i].text, r->fields[i].len, i};
    qsort(refs, r->nfound, sizeof *refs, compare_names);
    for (i = 1; i <= r->nfound; i++) {
        if (i < r->nfound && refs[i].len == refs[start].len &&
            memcmp(refs[i].text, refs[start].text, refs[i].len) == 0)
            continue;
        /* refs[start..i) is one name, in column order. */
        if (i - start > 1 && (second == 0 || refs[start + 1].index < second)) {
            first = refs[start].index;
            second = refs[start + 1].index;
        }
        start = i;
    }
    free(refs);
    if (second == 0)
        return PP_OK;
    return pp__fail(r->err, PP_ERR_CSV, "%s:%zu: column '%s' appears twice "
                    "(fields %zu and %zu)", r->name, r->row_line,
                    r->fields[second].text, first + 1, second + 1);
}

static pp_status deliver_header(reader *r)
{
    pp_status status;

    if (!build_fields(r, r->nfound))
        return pp__fail(r->err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                        r->name, r->row_line);
    status = check_names(r);
    if (status != PP_OK)
        return status;
    r->have_header = true;
    r->ncolumns = r->nfound;
    if (r->on_header == NULL)
        return PP_OK;
    return r->on_header(r->user, r->fields, r->nfound, r->row_line, r->err);
}

static pp_status deliver_row(reader *r)
{
    if (r->nfound > r->ncolumns)
        return pp__fail(r->err, PP_ERR_CSV,
                        "%s:%zu: expected %zu field%s, found %zu", r->name,
                        r->row_line, r->ncolumns,
                        r->ncolumns == 1 ? "" : "s", r->nfound);
    if (!build_fields(r, r->ncolumns))
        return pp__fail(r->err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                        r->name, r->row_line);
    if (r->on_row == NULL)
        return PP_OK;
    return r->on_row(r->user, r->fields, r->ncolumns, r->row_line, r->err);
}

/* libcsv's end-of-row callback; with CSV_REPALL_NL also for blank lines. */
static void on_line_end(int c, void *context)
{
    reader *r = context;

    if (r->status != PP_OK)
        return;
    if (r->nfound > 0 && !is_blank_row(r))
        r->status = r->have_header ? deliver_row(r) : deliver_header(r);
    r->nfound = r->nstored = r->text_len = r->row_bytes = 0;

    if (c == '\r' || (c == '\n' && !r->after_cr))
        r->line++;
    r->after_cr = c == '\r';
}

/* ------------------------------------------------------------------------ */
/* Driving libcsv                                                            */
/* ------------------------------------------------------------------------ */

/*
 * Strict, so that text after a closing quote ("a" x) is an error: without
 * it libcsv reads the field as going on, quoted, into the rows below.
 */
#define PARSER_OPTIONS (CSV_REPALL_NL | CSV_STRICT)

/* Spaces around unquoted fields are part of the text. */
static int no_spaces(unsigned char c)
{
    (void)c;
    return 0;
}

static pp_status reader_init(reader *r, const char *name,
                             pp__csv_row_fn on_header, pp__csv_row_fn on_row,
                             void *user, pp_error_t *err)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->on_header = on_header;
    r->on_row = on_row;
    r->user = user;
    r->err = err;
    r->line = 1;
    if (csv_init(&r->parser, PARSER_OPTIONS) != 0)
        return pp__fail(err, PP_ERR_NOMEM, "%s: out of memory", name);
    csv_set_space_func(&r->parser, no_spaces);
    csv_set_blk_size(&r->parser, LIBCSV_BLOCK);
    return PP_OK;
}

static void reader_free(reader *r)
{
    csv_free(&r->parser);
    free(r->text);
    free(r->starts);
    free(r->fields);
}

/* The line libcsv has reached: r->line and the breaks of the open field. */
static size_t parser_line(const reader *r)
{
    size_t line = r->line, i;
    const unsigned char *text = r->parser.entry_buf;

    for (i = 0; text != NULL && i < r->parser.entry_pos; i++)
        if (text[i] == '\n' || (text[i] == '\r' &&
                                 (i + 1 == r->parser.entry_pos ||
                                  text[i + 1] != '\n')))
            line++;
    return line;
}

/*
 * Where strict libcsv stopped at data[0]: a quote inside an unquoted field
 * (ab"c) is taken as text, as Python's csv module and pandas read it, by
 * handing that one byte over without CSV_STRICT; text after a closing
 * quote fails. Returns how many bytes were consumed (0 or 1).
 */
static size_t strict_fault(reader *r, const char *data)
{
    if (csv_error(&r->parser) != CSV_EPARSE) {
        r->status = pp__fail(r->err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                             r->name, parser_line(r));
        return 0;
    }
    r->parser.status = CSV_SUCCESS;
    if (!r->parser.quoted) {
        csv_set_opts(&r->parser, PARSER_OPTIONS & ~CSV_STRICT);
        csv_parse(&r->parser, data, 1, on_field, on_line_end, r);
        csv_set_opts(&r->parser, PARSER_OPTIONS);
        return 1;
    }
    r->status = pp__fail(r->err, PP_ERR_CSV,
                         "%s:%zu: '%.1s' after the closing quote of field "
                         "%zu: a quoted field ends at its closing quote, "
                         "before the comma; a quote inside it is written \"\"",
                         r->name, parser_line(r), data, r->nfound + 1);
    return 0;
}

/* Parses in chunks, checking the row's length after each. */
static void feed(reader *r, const char *data, size_t len)
{
    size_t chunk, done;

    while (r->status == PP_OK && len > 0) {
        chunk = len < READ_CHUNK ? len : READ_CHUNK;
        done = csv_parse(&r->parser, data, chunk, on_field, on_line_end, r);
        /* A strict-mode fault (or out of memory) stops libcsv early. */
        if (done != chunk && r->status == PP_OK) {
            done += strict_fault(r, data + done);
            chunk = done;
        }
        if (r->status == PP_OK &&
            r->row_bytes + r->parser.entry_pos > ROW_MAX_BYTES)
            r->status = pp__fail(r->err, PP_ERR_LIMIT, "%s:%zu: a row "
                                 "longer than %d MB; is this a CSV file?",
                                 r->name, r->nfound > 0 ? r->row_line
                                                        : r->line,
                                 ROW_MAX_BYTES / (1024 * 1024));
        data += chunk;
        len -= chunk;
    }
}

/* Ends the input: the last row may lack its line break. */
static pp_status finish(reader *r)
{
    if (r->status != PP_OK)
        return r->status;

    /* The open field started on the line counted so far. */
    if (r->parser.quoted && r->parser.pstate == LIBCSV_FIELD_BEGUN)
        return pp__fail(r->err, PP_ERR_CSV,
                        "%s:%zu: quote is not closed (field %zu): the quoted "
                        "field runs to the end of the file; a quote inside "
                        "a quoted field is written \"\"", r->name, r->line,
                        r->nfound + 1);
    if (csv_fini(&r->parser, on_field, on_line_end, r) != 0 &&
        r->status == PP_OK)
        r->status = pp__fail(r->err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                             r->name, r->line);
    if (r->status == PP_OK && !r->have_header)
        r->status = pp__fail(r->err, PP_ERR_CSV, "%s:%zu: no header row",
                             r->name, r->line);
    return r->status;
}

static size_t bom_length(const char *data, size_t len)
{
    return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

pp_status pp__csv_parse(const char *name, const char *data, size_t len,
                        pp__csv_row_fn on_header, pp__csv_row_fn on_row,
                        void *user, pp_error_t *err)
{
    reader r;
    size_t skip = bom_length(data, len);
    pp_status status;

    status = reader_init(&r, name, on_header, on_row, user, err);
    if (status != PP_OK)
        return status;
    feed(&r, data + skip, len - skip);
    status = finish(&r);
    reader_free(&r);
    return status;
}

/*
 * Parses the header (data[0, header_len)) and then the rows of
 * data[from, len), counting lines from first_line there: the second half
 * of a file split at a line break, with its own header row for the columns.
 */
static pp_status parse_after_header(const char *name, const char *data,
                                    size_t header_len, size_t from,
                                    size_t len, size_t first_line,
                                    pp__csv_row_fn on_header,
                                    pp__csv_row_fn on_row, void *user,
                                    pp_error_t *err)
{
    reader r;
    size_t skip = bom_length(data, header_len);
    pp_status status;

    status = reader_init(&r, name, on_header, on_row, user, err);
    if (status != PP_OK)
        return status;
    feed(&r, data + skip, header_len - skip);
    r.line = first_line;
    feed(&r, data + from, len - from);
    status = finish(&r);
    reader_free(&r);
    return status;
}

/* ------------------------------------------------------------------------ */
/* Reading files                                                             */
/* ------------------------------------------------------------------------ */

/* Reads until the buffer is full or the file ends; -1 on error. */
static long read_full(int fd, char *buffer, size_t size)
{
    size_t done = 0;

    while (done < size) {
        ssize_t n = read(fd, buffer + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += (size_t)n;
    }
    return (long)done;
}

/*
 * Feeds the file from its current offset in chunks, at most limit bytes
 * (-1: to the end); the first chunk of the file may start with a BOM.
 */
static void feed_file(reader *r, int fd, char *buffer, long long limit,
                      bool at_start, bool *quote)
{
    bool first = at_start;

    while (r->status == PP_OK && limit != 0) {
        size_t want = limit < 0 || limit > READ_CHUNK ? READ_CHUNK
                                                      : (size_t)limit;
        long n = read_full(fd, buffer, want);
        size_t skip;
        if (n < 0) {
            r->status = pp__fail(r->err, PP_ERR_IO, "%s: cannot read: %s",
                                 r->name, strerror(errno));
            return;
        }
        skip = first ? bom_length(buffer, (size_t)n) : 0;
        if (quote != NULL && !*quote && memchr(buffer, '"', (size_t)n))
            *quote = true;
        feed(r, buffer + skip, (size_t)n - skip);
        first = false;
        if (limit > 0)
            limit -= n;
        if ((size_t)n < want)
            return;
    }
}

static pp_status open_file(const char *path, int *fd, pp_error_t *err)
{
    struct stat info;

    *fd = open(path, O_RDONLY);
    if (*fd < 0)
        return pp__fail(err, PP_ERR_IO, "%s: cannot open: %s", path,
                        strerror(errno));
    if (fstat(*fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        close(*fd);
        return pp__fail(err, PP_ERR_IO, "%s: cannot read: %s", path,
                        strerror(EISDIR));
    }
    return PP_OK;
}

/* Opens the file, reads the part into the reader, closes. */
static pp_status read_file(const pp__csv_part *part, pp__csv_row_fn on_header,
                           pp__csv_row_fn on_row, void *user,
                           pp_error_t *err)
{
    reader r;
    char *buffer;
    int fd;
    bool quote = false;
    pp_status status;

    status = open_file(part->path, &fd, err);
    if (status != PP_OK)
        return status;
    if (part->offset > 0 && lseek(fd, (off_t)part->offset, SEEK_SET) < 0) {
        status = pp__fail(err, PP_ERR_IO, "%s: cannot read: %s", part->path,
                          strerror(errno));
        close(fd);
        return status;
    }

    buffer = malloc(READ_CHUNK);
    status = buffer == NULL
        ? pp__fail(err, PP_ERR_NOMEM, "%s: out of memory", part->path)
        : reader_init(&r, part->path, on_header, on_row, user, err);
    if (status != PP_OK) {
        free(buffer);
        close(fd);
        return status;
    }
    if (part->ncolumns > 0) {
        r.have_header = true;
        r.ncolumns = part->ncolumns;
    }
    if (part->first_line > 0)
        r.line = part->first_line;

    feed_file(&r, fd, buffer, part->length, part->offset == 0, &quote);
    status = finish(&r);
    reader_free(&r);
    free(buffer);
    close(fd);
    if (part->saw_quote != NULL)
        *part->saw_quote = quote;
    return status;
}

pp_status pp__csv_read(const char *path, pp__csv_row_fn on_header,
                       pp__csv_row_fn on_row, void *user, pp_error_t *err)
{
    pp__csv_part whole = {path, 0, -1, 0, 0, NULL};

    return read_file(&whole, on_header, on_row, user, err);
}

pp_status pp__csv_read_part(const pp__csv_part *part,
                            pp__csv_row_fn on_header, pp__csv_row_fn on_row,
                            void *user, pp_error_t *err)
{
    return read_file(part, on_header, on_row, user, err);
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                    */
/* ------------------------------------------------------------------------ */

/* Cell text lives in blocks, freed together with the table. */
typedef struct text_block {
    struct text_block *next;
    size_t used, size;
    char data[];
} text_block;

#define TEXT_BLOCK_SIZE (64 * 1024)

static char *keep_text(pp__table *table, const char *text, size_t len)
{
    text_block *block = table->storage;
    char *copy;

    if (block == NULL || block->size - block->used < len + 1) {
        bool big = len + 1 > TEXT_BLOCK_SIZE / 4;
        size_t size = big ? len + 1 : TEXT_BLOCK_SIZE;
        text_block *fresh = malloc(sizeof *fresh + size);
        if (fresh == NULL)
            return NULL;
        fresh->used = 0;
        fresh->size = size;
        /* A big field gets its own block behind the current one, so the
           space left in the current one is not lost. */
        if (block != NULL && big) {
            fresh->next = block->next;
            block->next = fresh;
        } else {
            fresh->next = block;
            table->storage = fresh;
        }
        block = fresh;
    }
    copy = block->data + block->used;
    memcpy(copy, text, len);
    copy[len] = '\0';
    block->used += len + 1;
    return copy;
}

/* The table under construction and how many rows its arrays hold. */
typedef struct builder {
    pp__table *table;
    size_t capacity;
    size_t file_bytes;          /* the file's size when known, else 0 */
    size_t row_bytes;           /* the first row's bytes, once read */
} builder;

static pp_status table_header(void *user, const pp__csv_field *fields,
                              size_t nfields, size_t line, pp_error_t *err)
{
    builder *b = user;
    pp__table *table = b->table;
    size_t i;

    table->columns = calloc(nfields, sizeof *table->columns);
    if (table->columns == NULL)
        return pp__fail(err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                        table->path, line);
    table->ncols = nfields;
    for (i = 0; i < nfields; i++) {
        table->columns[i].kind = PP__COLUMN_NUMBER;
        table->columns[i].name = keep_text(table, fields[i].text,
                                           fields[i].len);
        if (table->columns[i].name == NULL)
            return pp__fail(err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                            table->path, line);
    }
    return PP_OK;
}

/*
 * The rows a file of file_bytes holds if its rows are about as long as the
 * first, with an eighth more: growing the columns by doubling instead
 * copies them over and over, into fresh pages each time (a hundred page
 * faults for 4,000 rows of 4 columns). Unused room costs address space
 * only. Never more than one row per ncols bytes, the shortest a row is.
 */
static size_t rows_expected(const builder *b)
{
    size_t rows = b->file_bytes / b->row_bytes + 1, most;

    rows += rows / 8 + 64;
    most = b->file_bytes / (b->table->ncols > 0 ? b->table->ncols : 1) + 1;
    return rows < most ? rows : most;
}

/* Makes room for one more row in every column. */
static bool grow_rows(builder *b)
{
    pp__table *table = b->table;
    size_t capacity = b->capacity ? b->capacity * 2 : 64, i;
    void *grown;

    if (table->nrows < b->capacity)
        return true;
    if (b->capacity == 0 && b->row_bytes > 0)
        capacity = rows_expected(b);
    /* Wide tables start smaller: 64 rows of 200 000 columns would take
       200 MB before the second row is read. */
    if (b->capacity == 0 && table->ncols > 256)
        capacity = table->ncols < 16384 ? 16384 / table->ncols : 1;
    if (capacity > SIZE_MAX / sizeof(double))
        return false;
    for (i = 0; i < table->ncols; i++) {
        pp__column *column = &table->columns[i];
        grown = realloc(column->numbers, capacity * sizeof *column->numbers);
        if (grown == NULL)
            return false;
        column->numbers = grown;
        grown = realloc(column->strings, capacity * sizeof *column->strings);
        if (grown == NULL)
            return false;
        column->strings = grown;
    }
    grown = realloc(table->row_line, capacity * sizeof *table->row_line);
    if (grown == NULL)
        return false;
    table->row_line = grown;
    b->capacity = capacity;
    return true;
}

/* Stores one cell and retypes its column when the cell is text. */
static bool add_cell(pp__table *table, pp__column *column,
                     const pp__csv_field *field, size_t row)
{
    bool number;

    /* Numbers first: nearly every cell is one, and only "NaN" among them
       is also a missing marker (it reads as NaN either way). */
    number = pp__parse_number(field->text, field->len,
                              &column->numbers[row]);
    column->strings[row] = NULL;
    if ((!number || isnan(column->numbers[row])) &&
        pp__is_missing(field->text, field->len)) {
        column->numbers[row] = NAN;
        return true;
    }

    column->strings[row] = keep_text(table, field->text, field->len);
    if (column->strings[row] == NULL)
        return false;
    if (!number) {
        column->numbers[row] = NAN;
        if (column->kind == PP__COLUMN_NUMBER) {
            column->kind = PP__COLUMN_STRING;
            column->first_text_row = row;
        }
    }
    return true;
}

static pp_status table_row(void *user, const pp__csv_field *fields,
                           size_t nfields, size_t line, pp_error_t *err)
{
    builder *b = user;
    pp__table *table = b->table;
    size_t row = table->nrows, i;

    if (row == 0 && b->file_bytes > 0)
        for (i = 0; i < nfields; i++)
            b->row_bytes += fields[i].len + 1;
    if (!grow_rows(b))
        return pp__fail(err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                        table->path, line);
    for (i = 0; i < nfields; i++)
        if (!add_cell(table, &table->columns[i], &fields[i], row))
            return pp__fail(err, PP_ERR_NOMEM, "%s:%zu: out of memory",
                            table->path, line);
    table->row_line[row] = line;
    table->nrows++;
    return PP_OK;
}

/* An empty table named for messages, with its builder. */
static bool builder_init(builder *b, const char *name)
{
    b->capacity = 0;
    b->file_bytes = 0;
    b->row_bytes = 0;
    b->table = calloc(1, sizeof *b->table);
    if (b->table == NULL || (b->table->path = pp__strdup(name)) == NULL) {
        free(b->table);
        b->table = NULL;
        return false;
    }
    return true;
}

/* Whether two tables have the same column names, in the same order. */
static bool same_columns(const pp__table *a, const pp__table *b)
{
    size_t i;

    if (a->ncols != b->ncols)
        return false;
    for (i = 0; i < a->ncols; i++)
        if (strcmp(a->columns[i].name, b->columns[i].name) != 0)
            return false;
    return true;
}

/*
 * Appends b's rows to a and frees b. False (b kept): the columns differ,
 * or no memory.
 */
static bool append_rows(pp__table *a, pp__table *b)
{
    size_t na = a->nrows, nb = b->nrows, n = na + nb + 1, i;
    text_block *last;
    void *grown;

    if (!same_columns(a, b))
        return false;
    for (i = 0; i < a->ncols; i++) {
        pp__column *ca = &a->columns[i], *cb = &b->columns[i];

        if ((grown = realloc(ca->numbers, n * sizeof *ca->numbers)) == NULL)
            return false;
        ca->numbers = grown;
        if ((grown = realloc(ca->strings, n * sizeof *ca->strings)) == NULL)
            return false;
        ca->strings = grown;
        if (nb > 0) {
            memcpy(ca->numbers + na, cb->numbers, nb * sizeof *ca->numbers);
            memcpy(ca->strings + na, cb->strings, nb * sizeof *ca->strings);
        }
        if (ca->kind == PP__COLUMN_NUMBER && cb->kind == PP__COLUMN_STRING) {
            ca->kind = PP__COLUMN_STRING;
            ca->first_text_row = na + cb->first_text_row;
        }
    }
    if ((grown = realloc(a->row_line, n * sizeof *a->row_line)) == NULL)
        return false;
    a->row_line = grown;
    if (nb > 0)
        memcpy(a->row_line + na, b->row_line, nb * sizeof *a->row_line);
    a->nrows = na + nb;

    /* b's cell text now belongs to a. */
    for (last = b->storage; last != NULL && last->next != NULL;
         last = last->next)
        ;
    if (last != NULL) {
        last->next = a->storage;
        a->storage = b->storage;
        b->storage = NULL;
    }
    pp__table_destroy(b);
    return true;
}

/* The second half of a split file, parsed on its own thread. */
typedef struct half {
    const char *name, *data;
    size_t header_len, from, len, first_line;
    builder b;
    pp_status status;
} half;

static void *parse_half(void *arg)
{
    half *h = arg;
    pp_error_t scratch;

    h->status = parse_after_header(h->name, h->data, h->header_len, h->from,
                                   h->len, h->first_line, table_header,
                                   table_row, &h->b, &scratch);
    return NULL;
}

/* Where the line that contains offset ends (past its LF), or len. */
static size_t line_end(const char *data, size_t len, size_t offset)
{
    const char *nl = offset < len ? memchr(data + offset, '\n', len - offset)
                                  : NULL;

    return nl == NULL ? len : (size_t)(nl - data) + 1;
}

/* Lines the reader counts in data[0, len) where every CR is in a CRLF. */
static size_t count_lines(const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    size_t n = 0;

    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

/* True when the only CRs in data are those of CRLF line ends. */
static bool crs_end_lines(const char *data, size_t len)
{
    const char *p = data, *end = data + len;

    while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
        if (p + 1 >= end || p[1] != '\n')
            return false;
        p += 2;
    }
    return true;
}

/*
 * Parses a whole file held in memory in two halves on two threads, when it
 * has no quote (so a line break always ends a row) and no lone CR (so
 * line numbers are counts of LF). The second half gets the header too, for
 * its columns, and its rows are appended to the first half's table. False
 * when the split does not apply or a half failed: then parse it in one
 * go, which gives any message with its exact line.
 */
static bool load_split(const char *name, const char *data, size_t len,
                       pp__table **out)
{
    builder first;
    pthread_t thread;
    half second;
    pp_error_t scratch;
    size_t header_len = line_end(data, len, 0), split;
    pp_status status;

    if (len < SPLIT_MIN_BYTES || len > SPLIT_MAX_BYTES ||
        !pp__threads_help() || memchr(data, '"', len) != NULL ||
        !crs_end_lines(data, len))
        return false;
    split = line_end(data, len, len / 2 > header_len ? len / 2 : header_len);
    if (split >= len || !builder_init(&first, name))
        return false;
    first.file_bytes = split;
    memset(&second, 0, sizeof second);
    second.name = name;
    second.data = data;
    second.header_len = header_len;
    second.from = split;
    second.len = len;
    second.first_line = 1 + count_lines(data, split);
    if (!builder_init(&second.b, name)) {
        pp__table_destroy(first.table);
        return false;
    }
    second.b.file_bytes = len - split;
    if (pthread_create(&thread, NULL, parse_half, &second) != 0) {
        pp__table_destroy(first.table);
        pp__table_destroy(second.b.table);
        return false;
    }

    status = pp__csv_parse(name, data, split, table_header, table_row,
                           &first, &scratch);
    pthread_join(thread, NULL);
    if (status == PP_OK && second.status == PP_OK &&
        append_rows(first.table, second.b.table)) {
        *out = first.table;
        return true;
    }
    /* append_rows frees the second table only when it succeeds. */
    if (status == PP_OK && second.status == PP_OK)
        second.b.table = NULL;
    pp__table_destroy(first.table);
    pp__table_destroy(second.b.table);
    return false;
}

int pp__csv_open_regular(const char *path, long long *size)
{
    struct stat info;
    int fd;

    /* The path may be swapped between the two looks: fstat is the truth. */
    if (stat(path, &info) != 0 || !S_ISREG(info.st_mode))
        return -1;
    fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        close(fd);
        return -1;
    }
    *size = (long long)info.st_size;
    return fd;
}

/*
 * The whole file in memory, for the split parse; NULL to stream it. Sets
 * *file_bytes to its size either way (0 when unknown).
 */
static char *read_whole_file(const char *path, size_t *len,
                             size_t *file_bytes)
{
    long long size = 0;
    char *data = NULL;
    long n;
    int fd = pp__csv_open_regular(path, &size);

    *file_bytes = 0;
    if (fd < 0)
        return NULL;
    *file_bytes = size > 0 ? (size_t)size : 0;
    if (size >= SPLIT_MIN_BYTES && size <= SPLIT_MAX_BYTES &&
        (data = malloc((size_t)size + 1)) != NULL) {
        n = read_full(fd, data, (size_t)size + 1);
        /* The file must not have changed size under us. */
        if (n != (long)size) {
            free(data);
            data = NULL;
        }
        *len = (size_t)n;
    }
    close(fd);
    return data;
}

/* Makes an empty table, reads into it, and hands it over on success. */
static pp_status load(const char *name, const char *data, size_t len,
                      size_t file_bytes, pp__table **out, pp_error_t *err)
{
    builder b = {NULL, 0, 0, 0};
    pp_status status;

    *out = NULL;
    if (!builder_init(&b, name))
        return pp__fail(err, PP_ERR_NOMEM, "%s: out of memory", name);
    b.file_bytes = file_bytes;

    status = data != NULL
        ? pp__csv_parse(name, data, len, table_header, table_row, &b, err)
        : pp__csv_read(name, table_header, table_row, &b, err);
    if (status != PP_OK) {
        pp__table_destroy(b.table);
        return status;
    }
    *out = b.table;
    return PP_OK;
}

pp_status pp__table_load_csv(const char *path, pp__table **out,
                             pp_error_t *err)
{
    size_t len = 0, file_bytes = 0;
    char *data = read_whole_file(path, &len, &file_bytes);
    pp_status status;

    if (data == NULL)
        return load(path, NULL, 0, file_bytes, out, err);
    status = load_split(path, data, len, out)
        ? PP_OK : load(path, data, len, len, out, err);
    free(data);
    return status;
}

pp_status pp__table_parse_csv(const char *name, const char *data, size_t len,
                              pp__table **out, pp_error_t *err)
{
    return load(name, data != NULL ? data : "", len, len, out, err);
}

pp_status pp__table_from_cells(const char *name, const char *spec_place,
                               const pp__csv_field *header, size_t ncols,
                               size_t nrows, pp__cell_fn cell, void *user,
                               pp__table **out, pp_error_t *err)
{
    builder b = {NULL, 0, 0, 0};
    pp__csv_field *fields = calloc(ncols + 1, sizeof *fields);
    char (*scratch)[32] = calloc(ncols + 1, sizeof *scratch);
    pp_status status = PP_OK;
    size_t row, column;

    *out = NULL;
    if (fields == NULL || scratch == NULL || !builder_init(&b, name))
        status = pp__fail(err, PP_ERR_NOMEM, "%s: out of memory", name);
    if (status == PP_OK)
        status = table_header(&b, header, ncols, 1, err);
    /* Rows are numbered as a CSV file's lines would be. */
    for (row = 0; status == PP_OK && row < nrows; row++) {
        for (column = 0; column < ncols; column++)
            cell(user, row, column, scratch[column], &fields[column]);
        status = table_row(&b, fields, ncols, row + 2, err);
    }
    if (status == PP_OK && spec_place != NULL &&
        (b.table->spec_place = pp__strdup(spec_place)) == NULL)
        status = pp__fail(err, PP_ERR_NOMEM, "%s: out of memory", name);
    free(fields);
    free(scratch);
    if (status != PP_OK) {
        pp__table_destroy(b.table);
        return status;
    }
    *out = b.table;
    return PP_OK;
}

/* Replaces or appends a column of numbers, keeping their text as well. */
static pp_status set_column(pp__table *table, const char *name,
                            const double *values, size_t count)
{
    pp__column *column = NULL, *grown;
    size_t i;

    for (i = 0; i < table->ncols; i++)
        if (strcmp(table->columns[i].name, name) == 0)
            column = &table->columns[i];
    if (column == NULL) {
        grown = realloc(table->columns, (table->ncols + 1) * sizeof *grown);
        if (grown == NULL)
            return PP_ERR_NOMEM;
        table->columns = grown;
        column = &table->columns[table->ncols++];
        memset(column, 0, sizeof *column);
        column->name = keep_text(table, name, strlen(name));
        if (column->name == NULL)
            return PP_ERR_NOMEM;
    }
    free(column->numbers);
    free(column->strings);
    column->kind = PP__COLUMN_NUMBER;
    column->numbers = malloc((count + 1) * sizeof *column->numbers);
    column->strings = calloc(count + 1, sizeof *column->strings);
    if (column->numbers == NULL || column->strings == NULL)
        return PP_ERR_NOMEM;
    for (i = 0; i < count; i++) {
        char text[32];
        column->numbers[i] = values[i];
        if (isnan(values[i]))
            continue;
        pp__format_number(text, sizeof text, "%.17g", values[i]);
        column->strings[i] = keep_text(table, text, strlen(text));
        if (column->strings[i] == NULL)
            return PP_ERR_NOMEM;
    }
    return PP_OK;
}

pp_status pp__table_set_numbers(pp__table **table, const char *name,
                                const char *column, const double *values,
                                size_t count, pp_error_t *err)
{
    pp__table *t = *table;
    size_t i;

    if (t == NULL) {
        t = calloc(1, sizeof *t);
        if (t == NULL || (t->path = pp__strdup(name)) == NULL) {
            free(t);
            return pp__fail_status(err, PP_ERR_NOMEM);
        }
        t->nrows = count;
        *table = t;
    } else if (t->ncols > 0 && t->nrows != count) {
        return pp__fail(err, PP_ERR_ARGUMENT, "%s: column '%s' has %zu "
                        "value%s, but the other columns have %zu", name,
                        column, count, count == 1 ? "" : "s", t->nrows);
    }
    t->nrows = count;
    free(t->row_line);
    t->row_line = malloc((count + 1) * sizeof *t->row_line);
    if (t->row_line == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    /* Rows from memory have no file line; number them as a CSV would. */
    for (i = 0; i < count; i++)
        t->row_line[i] = i + 2;
    if (set_column(t, column, values, count) != PP_OK)
        return pp__fail_status(err, PP_ERR_NOMEM);
    return PP_OK;
}

void pp__table_destroy(pp__table *table)
{
    text_block *block, *next;
    size_t i;

    if (table == NULL)
        return;
    for (i = 0; i < table->ncols; i++) {
        free(table->columns[i].numbers);
        free(table->columns[i].strings);
    }
    for (block = table->storage; block != NULL; block = next) {
        next = block->next;
        free(block);
    }
    free(table->columns);
    free(table->row_line);
    free(table->path);
    free(table->spec_place);
    free(table);
}

const pp__column *pp__table_find(const pp__table *table, const char *name)
{
    size_t i;

    for (i = 0; i < table->ncols; i++)
        if (strcmp(table->columns[i].name, name) == 0)
            return &table->columns[i];
    return NULL;
}

/*
 * The longest column list in a message, and the longest name in it: a
 * message is one line of PP_ERROR_MESSAGE_SIZE bytes, and the list must
 * leave room for what follows it ("; did you mean ...").
 */
#define COLUMN_LIST_MAX 400
#define COLUMN_NAME_MAX 60

/*
 * Appends len bytes of a column name with the characters that print as
 * nothing spelled out ("<U+FEFF>" for a second byte-order mark, "<TAB>"),
 * so that "whose columns are: x" cannot hide a name that is not "x".
 */
static void put_visible(pp__str *out, const char *name, size_t len)
{
    static const struct {
        const char *bytes;
        const char *shown;
    } invisible[] = {
        {"\xEF\xBB\xBF", "<U+FEFF>"}, {"\xC2\xA0", "<U+00A0>"},
        {"\xE2\x80\x8B", "<U+200B>"}, {"\xE2\x80\x8C", "<U+200C>"},
        {"\xE2\x80\x8D", "<U+200D>"}, {"\xE2\x81\xA0", "<U+2060>"},
    };
    size_t i = 0, k;

    while (i < len) {
        unsigned char c = (unsigned char)name[i];
        for (k = 0; k < sizeof invisible / sizeof *invisible; k++) {
            size_t n = strlen(invisible[k].bytes);
            if (n <= len - i && memcmp(name + i, invisible[k].bytes, n) == 0)
                break;
        }
        if (k < sizeof invisible / sizeof *invisible) {
            pp__str_puts(out, invisible[k].shown);
            i += strlen(invisible[k].bytes);
        } else if (c == '\t') {
            pp__str_puts(out, "<TAB>");
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            pp__str_printf(out, "<0x%02X>", c);
            i++;
        } else {
            pp__str_append(out, name + i, 1);
            i++;
        }
    }
}

char *pp__table_column_list(const pp__table *table)
{
    pp__str list = {0};
    size_t i;

    pp__str_puts(&list, "");
    for (i = 0; i < table->ncols; i++) {
        const char *name = table->columns[i].name;
        size_t len = strlen(name), keep = len;
        if (len > COLUMN_NAME_MAX) {
            /* Cut at the start of a character, not inside one. */
            keep = COLUMN_NAME_MAX - 3;
            while (keep > 0 && ((unsigned char)name[keep] & 0xC0) == 0x80)
                keep--;
        }
        /* Names are cut whole: "c16" of "c168" would name another column. */
        if (i > 0 && list.len + 2 + keep > COLUMN_LIST_MAX) {
            pp__str_printf(&list, ", ... (%zu columns)", table->ncols);
            break;
        }
        if (i > 0)
            pp__str_puts(&list, ", ");
        put_visible(&list, name, keep);
        if (keep < len)
            pp__str_puts(&list, "...");
    }
    if (list.failed) {
        pp__str_free(&list);
        return NULL;
    }
    return list.data;
}

/* A header read as one column because its file is not comma-separated. */
static const char *other_separator(const pp__table *table)
{
    const char *name;

    if (table->ncols != 1 || table->spec_place != NULL)
        return NULL;
    name = table->columns[0].name;
    if (strchr(name, '\t') != NULL)
        return "tabs";
    if (strchr(name, ';') != NULL)
        return "semicolons";
    return NULL;
}

char *pp__table_column_advice(const pp__table *table, const char *name,
                              size_t len)
{
    pp__str advice = {0};
    const char *separator = other_separator(table), *nearest;
    char *wanted = pp__strndup(name, len);
    pp__nearest n;
    size_t i;

    if (wanted == NULL)
        return NULL;
    pp__nearest_init(&n, wanted);
    for (i = 0; i < table->ncols; i++)
        pp__nearest_offer(&n, table->columns[i].name);
    nearest = pp__nearest_found(&n);
    pp__str_puts(&advice, "");
    if (nearest != NULL && strlen(nearest) <= COLUMN_NAME_MAX) {
        pp__str_puts(&advice, "; did you mean '");
        put_visible(&advice, nearest, strlen(nearest));
        pp__str_puts(&advice, "'?");
    }
    if (separator != NULL)
        pp__str_printf(&advice, "; the file seems to be separated by %s; "
                       "pngplot reads comma-separated files", separator);
    free(wanted);
    if (advice.failed) {
        pp__str_free(&advice);
        return NULL;
    }
    return advice.data;
}
