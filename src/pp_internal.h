/*
 * Internals shared across src/. Nothing here is part of the public API.
 *
 * Naming: pp_ is public (include/pngplot.h), pp__ is shared between files
 * of src/, plain static names stay inside one file.
 */
#ifndef PP_INTERNAL_H
#define PP_INTERNAL_H

#include "pngplot.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PP__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PP__PRINTF(fmt, args)
#endif

/* ------------------------------------------------------------------------ */
/* Errors and warnings (error.c)                                             */
/* ------------------------------------------------------------------------ */

/*
 * Records a failure in err (which may be NULL) and returns status, so a
 * caller can write `return pp__fail(err, PP_ERR_CSV, "%s:%zu: ...", ...)`.
 */
pp_status pp__fail(pp_error_t *err, pp_status status, const char *fmt, ...)
    PP__PRINTF(3, 4);

/* Records the generic message for status ("out of memory"). */
pp_status pp__fail_status(pp_error_t *err, pp_status status);

/*
 * Formats a message as vsnprintf would, but as one line: control
 * characters from the input are written \n, \r, \t or \xHH, and when the
 * text would not fit in size, each part between single quotes longer than
 * 60 bytes (a huge cell or name) is shortened with "...", so what follows
 * it is kept. pp__fail and pp__warn format this way.
 */
void pp__vformat(char *out, size_t size, const char *fmt, va_list args);

/* A place warnings go; fn may be NULL, then warnings are dropped. */
/* Passing a figure to several outputs (PNG, HTML page) lays it out again;
   a warning already given is not repeated. */
#define PP__WARNINGS_REMEMBERED 32

typedef struct pp__warnings {
    pp_warning_fn fn;
    void *user;
    uint64_t given[PP__WARNINGS_REMEMBERED];    /* hashes of messages */
    unsigned ngiven;
} pp__warnings;

void pp__warn(pp__warnings *sink, const char *fmt, ...)
    PP__PRINTF(2, 3);

/* ------------------------------------------------------------------------ */
/* Small helpers (util.c)                                                    */
/* ------------------------------------------------------------------------ */

char *pp__strdup(const char *s);
char *pp__strndup(const char *s, size_t n);

/* FNV-1a over a NUL-terminated string, for hash tables and for knowing a
   message or text seen before. */
uint64_t pp__hash_text(const char *text);

/* Frees n strings and the array holding them; NULL is a no-op. */
void pp__free_strings(char **items, size_t n);

/* A growable byte string; data is always NUL-terminated once used. */
typedef struct pp__str {
    char *data;
    size_t len, cap;
    bool failed;    /* an allocation failed; the contents are incomplete */
} pp__str;

void pp__str_append(pp__str *s, const char *text, size_t len);
void pp__str_puts(pp__str *s, const char *text);
void pp__str_printf(pp__str *s, const char *fmt, ...) PP__PRINTF(2, 3);
void pp__str_free(pp__str *s);

/*
 * Grows an array so it can hold at least `needed` items of item_size bytes,
 * doubling its capacity. Returns false when out of memory (the array is
 * unchanged then).
 */
bool pp__grow(void **items, size_t *capacity, size_t needed, size_t item_size);

/*
 * The length of the valid multi-byte UTF-8 sequence at s (at most n bytes),
 * or 0 for an ASCII byte or an invalid sequence (overlong forms, surrogates,
 * code points above U+10FFFF).
 */
size_t pp__utf8_sequence(const unsigned char *s, size_t n);

/*
 * A zeroed buffer of size bytes whose pages are mapped at once when it is
 * large (bigmem.c); free it with pp__big_free and the same size.
 */
void *pp__big_alloc(size_t size);
/* The same, not necessarily zeroed: for buffers written before read. */
void *pp__big_scratch(size_t size);
void pp__big_free(void *p, size_t size);

/* True when the machine has two processors or more to share work. */
bool pp__threads_help(void);

/* Edit distance (a swap of neighbours is one edit), for "did you mean". */
size_t pp__edit_distance(const char *a, const char *b);

/*
 * The name nearest a misspelt one, for "did you mean": offer each
 * candidate, then ask. One equal but for case wins; otherwise the first of
 * the fewest edits, if they are few (a third of the name, at least 2, and
 * at most half the longer name, so 'x' does not suggest 'y').
 */
typedef struct pp__nearest {
    const char *wanted;
    const char *best;
    size_t distance;
    bool folded;            /* best equals wanted but for case */
} pp__nearest;

void pp__nearest_init(pp__nearest *n, const char *wanted);
void pp__nearest_offer(pp__nearest *n, const char *candidate);
/* The suggestion, or NULL when no candidate was close. */
const char *pp__nearest_found(const pp__nearest *n);

/*
 * Writes bytes to a file as pp_canvas_write_png writes a PNG (png.c): to a
 * temporary file renamed into place when complete (over the file a
 * symbolic link leads to), or in place for a device or a FIFO. PP_ERR_IO
 * with the path and the reason.
 */
pp_status pp__write_file(const char *path, const uint8_t *data, size_t size,
                         pp_error_t *err);

/* ------------------------------------------------------------------------ */
/* Canvas (canvas.c, raster.c, stroke.c, fill.c)                             */
/* ------------------------------------------------------------------------ */

/* The exact-area scan converter's scratch state, owned by a canvas. */
typedef struct pp__raster pp__raster;

struct pp_canvas {
    int width, height;
    uint8_t *rgba;          /* straight RGBA, 4 * width bytes a row */
    bool has_clip;
    pp_rect_t clip;         /* screen coordinates, when has_clip */
    pp__raster *raster;     /* created on first use */
    /* The rows drawing may change: all of them (nbands 1), or, while two
       threads paint one canvas, each through its own copy of this struct,
       every other row: those whose number is band modulo 2 (nbands 2;
       render.c). Alternate rows share out dense bands of a few rows, such
       as lines resting on an axis. */
    int nbands, band;
};

static inline bool pp__canvas_owns_row(const pp_canvas_t *canvas, int row)
{
    return canvas->nbands <= 1 || (row & 1) == canvas->band;
}

/* Frees the scan converter's scratch state (raster.c); NULL is a no-op. */
void pp__raster_destroy(pp__raster *raster);

/*
 * Composites one colour over a pixel with a coverage in 0..1 (source-over
 * in sRGB space, as a browser canvas does). No bounds or clip checks.
 */
void pp__canvas_blend_pixel(pp_canvas_t *canvas, int x, int y,
                            pp_color_t color, double coverage);

/*
 * Composites one colour over n pixels of row y from column x, pixel i with
 * coverage[i] in 0..1, exactly as pp__canvas_blend_pixel would one by one.
 * No bounds or clip checks.
 */
void pp__canvas_blend_span(pp_canvas_t *canvas, int x, int y, int n,
                           pp_color_t color, const double *coverage);

/* The same with every coverage 1 (color.a in 0..1), for solid fills. */
void pp__canvas_fill_span(pp_canvas_t *canvas, int x, int y, int n,
                          pp_color_t color);

/*
 * Composites an 8-bit coverage mask (a glyph bitmap) whose top-left pixel
 * lands on pixel (x, y). Clipped to the canvas and to its clip rectangle.
 */
void pp__canvas_blend_mask(pp_canvas_t *canvas, int x, int y,
                           const uint8_t *mask, int mask_width,
                           int mask_height, int mask_stride,
                           pp_color_t color);

/* ------------------------------------------------------------------------ */
/* Numbers (number.c)                                                        */
/* ------------------------------------------------------------------------ */

/*
 * Parses a whole field as a decimal number, independent of the locale:
 * optional sign, digits with an optional '.', optional exponent, and
 * "inf"/"infinity"/"nan" in any case. Surrounding spaces are allowed.
 * Gives exactly the double strtod would give in the C locale. Returns false
 * when the text is not entirely a number.
 */
bool pp__parse_number(const char *text, size_t len, double *out);

/* Why text is not a colour (pp_color_parse refused it), as a phrase. */
const char *pp__color_problem(const char *text);

/*
 * True when a field is a missing value: empty (after trimming spaces),
 * "NaN", "NA", "N/A" or "null" (any case for nan and null).
 */
bool pp__is_missing(const char *text, size_t len);

/*
 * Formats a double in the C locale as printf("%.*g") or ("%.*f") would.
 * Writes at most size bytes including the NUL.
 */
void pp__format_number(char *buf, size_t size, const char *format,
                       double value);

/* ------------------------------------------------------------------------ */
/* Date-times (datetime.c)                                                   */
/* ------------------------------------------------------------------------ */

/*
 * Parses an ISO-8601 date-time: "YYYY-MM-DD", optionally followed by ' ' or
 * 'T' and "HH:MM", ":SS" and ".fff", and optionally "Z". The result is
 * milliseconds since 1970-01-01T00:00 UTC (Bokeh's datetime unit); the
 * text's time zone is taken as UTC. Returns false when it is not one.
 */
bool pp__parse_datetime(const char *text, size_t len, double *ms_out);

/*
 * Formats milliseconds since the epoch with strftime-like codes, in UTC and
 * English whatever the locale: %Y %y %m %d %e %H %I %p %M %S %j %b %B %a %A,
 * %f (microseconds), %3N %6N %9N (digits of the second's fraction) and %%.
 * Other codes are copied as they are. NaN, infinities and times beyond
 * JavaScript's Date range (8.64e15 ms) give "".
 */
void pp__format_datetime(char *buf, size_t size, const char *format,
                         double ms);

/*
 * A range end as a message names it: on a date-time axis as the spec and
 * data write it, "2011-04-13 11:39", with ":SS" and ".fff" only when they
 * are not zero ("N ms" beyond the dates the formatter knows); otherwise
 * as "%g".
 */
void pp__format_range_value(char *buf, size_t size, double value,
                            bool datetime);

/* ------------------------------------------------------------------------ */
/* CSV tables (csv.c)                                                        */
/* ------------------------------------------------------------------------ */

/* One field of a CSV row: NUL-terminated text; len excludes the NUL. */
typedef struct pp__csv_field {
    const char *text;
    size_t len;
} pp__csv_field;

/*
 * Receives the header or one data row of a CSV file. The fields are valid
 * only during the call. line is the file line where the row starts (1 for
 * a header on the first line), even when earlier rows span several lines.
 * A data row always has as many fields as the header: a short row is padded
 * with empty fields, which are missing values. Returning anything but PP_OK
 * (after filling err) stops the reading, which then returns that status.
 */
typedef pp_status (*pp__csv_row_fn)(void *user, const pp__csv_field *fields,
                                    size_t nfields, size_t line,
                                    pp_error_t *err);

/*
 * Reads a CSV file row by row in bounded memory (a few buffers of the size
 * of the longest row), with the rules of pp__table_load_csv: RFC 4180
 * quoting, LF or CRLF, a byte-order mark, blank lines skipped (a line of
 * only spaces counts as blank), UTF-8 checked. A row with more fields than
 * the header, an unclosed quote or bad text fails with the file and line.
 * A row longer than 64 MB or of more than a million fields is PP_ERR_LIMIT
 * (a file with no line breaks would otherwise be read into memory whole).
 */
pp_status pp__csv_read(const char *path, pp__csv_row_fn on_header,
                       pp__csv_row_fn on_row, void *user, pp_error_t *err);

/*
 * Opens path for reading only if it is a regular file, setting *size; -1
 * (with nothing opened) otherwise. For looks at a CSV file before the real
 * read: opening a named pipe waits for its writer, and closing it again
 * would lose what the writer sent (or kill the writer with SIGPIPE), so the
 * real read would wait for a writer that never comes.
 */
int pp__csv_open_regular(const char *path, long long *size);

/*
 * A part of a CSV file for pp__csv_read_part: length bytes (-1: to the end)
 * from offset, which starts a line. A part past the header gives ncolumns
 * (its rows are checked against it, and there is no header to read) and the
 * file line it starts on. saw_quote, when not NULL, is set when the part
 * holds a '"': a part boundary chosen at a line break is only sure to be a
 * row boundary in a file without quotes.
 */
typedef struct pp__csv_part {
    const char *path;
    long long offset, length;
    size_t ncolumns;        /* 0: the part starts with the header */
    size_t first_line;      /* 0: line 1 */
    bool *saw_quote;
} pp__csv_part;

pp_status pp__csv_read_part(const pp__csv_part *part,
                            pp__csv_row_fn on_header, pp__csv_row_fn on_row,
                            void *user, pp_error_t *err);

/* The same from bytes in memory; name is used in messages. */
pp_status pp__csv_parse(const char *name, const char *data, size_t len,
                        pp__csv_row_fn on_header, pp__csv_row_fn on_row,
                        void *user, pp_error_t *err);

typedef enum pp__column_kind {
    PP__COLUMN_NUMBER,   /* every non-missing cell is a number */
    PP__COLUMN_STRING    /* some cell is not a number */
} pp__column_kind;

typedef struct pp__column {
    char *name;
    pp__column_kind kind;
    double *numbers;       /* NaN marks a missing value (and, in STRING
                              columns, a cell that is not a number) */
    char **strings;        /* every column: the cell text, NULL if missing */
    size_t first_text_row; /* STRING columns: first row that is not a
                              number, for messages */
} pp__column;

typedef struct pp__table {
    char *path;            /* the path as shown in messages */
    size_t nrows, ncols;
    pp__column *columns;
    size_t *row_line;      /* file line where each data row starts (1-based,
                              the header is line 1) */
    char *spec_place;      /* inline data: the spec path of its "data"
                              object, where messages find a cell; NULL for
                              a file */
    void *storage;         /* owned cell text */
} pp__table;

/*
 * Loads a CSV file with a header row (RFC 4180 quoting, LF or CRLF, a UTF-8
 * byte-order mark, blank trailing lines). Columns are typed as numbers when
 * every non-missing cell is a number (see pp__is_missing); a short row is
 * padded with missing cells. Errors name the file and line:
 * "data.csv:4: expected 2 fields, found 3". Built on pp__csv_read, and
 * keeps every cell's text: for very large files, stream instead.
 */
pp_status pp__table_load_csv(const char *path, pp__table **out,
                             pp_error_t *err);

/* The same from bytes in memory; name is used in messages. */
pp_status pp__table_parse_csv(const char *name, const char *data, size_t len,
                              pp__table **out, pp_error_t *err);

/*
 * Sets a column of numbers in a table made in memory (created when *table
 * is NULL, with name as its path); every column must have count rows.
 */
pp_status pp__table_set_numbers(pp__table **table, const char *name,
                                const char *column, const double *values,
                                size_t count, pp_error_t *err);

/*
 * Fills one cell of a table made from memory: its text, which may point
 * into the caller's data or into scratch (32 bytes, valid until the next
 * call).
 */
typedef void (*pp__cell_fn)(void *user, size_t row, size_t column,
                            char *scratch, pp__csv_field *out);

/*
 * A table of nrows rows whose cells cell() gives, typed as a CSV file's
 * cells are: "12" is a number, "" and "NA" are missing. name is used as the
 * table's path in messages; spec_place (may be NULL) becomes the table's
 * spec_place.
 */
pp_status pp__table_from_cells(const char *name, const char *spec_place,
                               const pp__csv_field *header, size_t ncols,
                               size_t nrows, pp__cell_fn cell, void *user,
                               pp__table **out, pp_error_t *err);

void pp__table_destroy(pp__table *table);

/* The column of that exact name, or NULL. */
const pp__column *pp__table_find(const pp__table *table, const char *name);

/*
 * "index, datetime, count": the column names for messages (malloc'ed).
 * A long list ends at a name with "... (N columns)", a long name with "...".
 */
char *pp__table_column_list(const pp__table *table);

/*
 * What to add to "column 'NAME' is not in FILE" (malloc'ed, maybe ""):
 * "; did you mean 'Count'?" for a close name, and a hint when the header
 * is one field holding tabs or semicolons.
 */
char *pp__table_column_advice(const pp__table *table, const char *name,
                              size_t len);

/* ------------------------------------------------------------------------ */
/* Ticks and tick labels (ticks.c, ticks_format.c, ticks_datetime.c)         */
/* ------------------------------------------------------------------------ */

/*
 * The tickers follow BokehJS 3.10 (models/tickers/) operation for operation,
 * so they give the same doubles Bokeh does (0.6000000000000001, not 0.6).
 * Every ticker returns only the ticks inside [min(start, end),
 * max(start, end)], both ends included, which is what a Bokeh axis draws
 * and what layout.json lists; a reversed range gives the same ticks as the
 * ordered one. The lists keep Bokeh's order: majors ascend; minors start
 * with those below the first major, nearest first (descending), then rise,
 * and a minor may equal a major (Bokeh draws both). Two deviations: a major
 * equal to the one before is dropped where Bokeh would repeat it (spans of a
 * few ulps; Bokeh's years ticker at half-year steps); and a major interval
 * below DBL_MIN gives the doubles nearest its decimal multiples (2e-321),
 * where Bokeh's few-digit subnormal products give 1.996e-321.
 *
 * Failures: PP_ERR_ARGUMENT for a non-finite end or a count out of range,
 * PP_ERR_LIMIT when a list would exceed PP__TICKS_MAX, PP_ERR_NOMEM. On
 * failure *out is empty. start == end gives two empty lists (PP_OK).
 */

/* The most ticks one list may hold; bounds memory for absurd inputs. */
#define PP__TICKS_MAX 4096

/*
 * The largest desired_num_ticks and num_minor_ticks accepted. The tickers
 * take desired_num_ticks as a double, 1..PP__TICKS_MAX_DESIRED: Bokeh's is
 * a whole number, and a whole number gives Bokeh's ticks exactly; a count
 * between two lets labels that overlap thin out by steps finer than one
 * tick (see layout_axes), reaching intervals a whole count skips over.
 */
#define PP__TICKS_MAX_DESIRED 1000

typedef struct pp__ticks {
    double *major;      /* NULL when nmajor is 0 */
    size_t nmajor;
    double *minor;      /* NULL when nminor is 0 */
    size_t nminor;
} pp__ticks;

/* Frees both lists and empties *ticks; NULL is a no-op. */
void pp__ticks_free(pp__ticks *ticks);

/*
 * An AdaptiveTicker: intervals are M * base^N * (min_interval or 1) for a
 * mantissa M and an integer N, clamped to [min_interval, max_interval]
 * (max_interval is INFINITY when unbounded).
 */
typedef struct pp__adaptive {
    const double *mantissas;    /* ascending */
    size_t nmantissas;
    double base;
    double min_interval;
    double max_interval;
} pp__adaptive;

/*
 * Ticks of an adaptive ticker (Bokeh's ContinuousTicker.get_ticks): majors
 * at multiples of the interval, num_minor_ticks minor intervals in each
 * major one. Spans too large for a double (1e308 - -1e308) are measured in
 * halves, so they still get ticks.
 */
pp_status pp__ticks_adaptive(const pp__adaptive *ticker, double start,
                             double end, double desired_num_ticks,
                             int num_minor_ticks, pp__ticks *out);

/*
 * Bokeh's BasicTicker: the adaptive ticker with mantissas 1, 2, 5, base 10
 * and no interval bounds (Bokeh's defaults: desired_num_ticks 6,
 * num_minor_ticks 5). desired_num_ticks is 1..PP__TICKS_MAX_DESIRED,
 * num_minor_ticks 0..PP__TICKS_MAX_DESIRED.
 */
pp_status pp__ticks_basic(double start, double end, double desired_num_ticks,
                          int num_minor_ticks, pp__ticks *out);

/*
 * Bokeh's LogTicker (base 10, mantissas 1, 5). Spans of two decades or more
 * get powers of ten (every k-th, at most about ten) with minor ticks at
 * 2, 4, 6, 8 times each (Bokeh's choice, not 2..9); shorter spans get
 * linear ticks that skip 0. Both ends must be > 0 (PP_ERR_ARGUMENT).
 */
pp_status pp__ticks_log(double start, double end, double desired_num_ticks,
                        int num_minor_ticks, pp__ticks *out);

/*
 * pp__ticks_log with the powers of ten extra_decades (0..
 * PP__TICKS_MAX_DESIRED) further apart than Bokeh's step, for labels that
 * would overlap at Bokeh's; spans under two decades ignore it (their
 * linear ticks thin out with a smaller desired_num_ticks instead).
 */
pp_status pp__ticks_log_sparser(double start, double end,
                                double desired_num_ticks,
                                int num_minor_ticks, int extra_decades,
                                pp__ticks *out);

/*
 * Bokeh's DatetimeTicker; values are milliseconds since 1970-01-01 UTC
 * (|value| <= 8.64e15, JavaScript's date range). It picks, by the ideal
 * interval, one of: sub-second steps (1, 2, 5 x 10^N ms up to 500 ms),
 * seconds and minutes (1, 2, 5, 10, 15, 20, 30 s or min), hours (1, 2, 4,
 * 6, 8, 12 h), days (every day, every 3rd, 1/8/15/22, 1/15), months (every
 * 1, 2, 4, 6) or years (a BasicTicker over year numbers). No minor ticks,
 * as in Bokeh. Ticks fall on UTC boundaries: a 12-hour step gives 00:00
 * and 12:00.
 */
pp_status pp__ticks_datetime(double start, double end,
                             double desired_num_ticks, pp__ticks *out);

/*
 * Bokeh's BasicTickFormatter with its defaults (precision "auto",
 * use_scientific, power_limit_high 5, power_limit_low -3). The ticks are
 * formatted together: the precision is the smallest of 3..15 that keeps
 * neighbouring labels apart. Scientific notation (JavaScript toExponential:
 * "1.400e+5") is used when some tick that is not about zero has
 * |tick| >= 1e5 or <= 1e-3; otherwise toFixed with trailing zeros removed
 * ("1000", "0.25"). As in Bokeh, every '-' is written as U+2212 MINUS SIGN
 * (in "-2.5" and in "1.000e-4"); a value that rounds to zero prints "0".
 * A subnormal value is rounded from its shortest digits, not its exact
 * expansion: 2e-321 (2.00097e-321) prints "2.000e-321", not "2.001e-321".
 * *labels receives n malloc'ed strings in a malloc'ed array (NULL when n is
 * 0). PP_ERR_ARGUMENT for a non-finite tick.
 */
pp_status pp__format_ticks_basic(const double *ticks, size_t n,
                                 char ***labels);

/* Bits of the superscript characters a font has: 1 << d for digit d. */
#define PP__SUPERSCRIPT_MINUS (1u << 10)
#define PP__SUPERSCRIPT_ALL 0x7ffu

/*
 * Which superscript digits (U+2070, U+00B9, U+00B2, U+00B3, U+2074..2079)
 * and superscript minus (U+207B) the regular face has, as a mask of the
 * bits above. Liberation Sans 2 lacks U+2070 and U+207B.
 */
unsigned pp__superscript_mask(pp_fonts_t *fonts);

/*
 * The same faces loaded again, with the same settings and no warning
 * handler: FreeType faces serve one thread at a time, so a second painting
 * thread needs its own (text.c).
 */
pp_status pp__fonts_clone(const pp_fonts_t *fonts, pp_fonts_t **out);

/*
 * Gives a clone what the original has measured and laid out already (the
 * results are the same either way); neither may be in use meanwhile.
 */
void pp__fonts_copy_caches(pp_fonts_t *to, const pp_fonts_t *from);

/* True when a face of the fonts has a glyph for the code point (text.c). */
bool pp__fonts_has_char(pp_fonts_t *fonts, pp_font_style style,
                        uint32_t code);

/*
 * Bokeh's LogTickFormatter for base 10. Bokeh draws "10" with a raised
 * exponent; we draw plain text, so the label is "10" followed by the
 * exponent in Unicode superscripts ("10" U+2075 for 1e5; 1e0 and 1e1 are
 * "1" and "10") when every character the axis needs is in superscripts
 * (a mask from
 * pp__superscript_mask), else "1e5" for the whole axis, so one axis never
 * mixes styles. The fallback writes minus as U+2212 ("1e" U+2212 "3").
 * When two ticks share a rounded exponent, or a tick is <= 0, the labels
 * come from pp__format_ticks_basic, as in Bokeh.
 */
pp_status pp__format_ticks_log(const double *ticks, size_t n,
                               unsigned superscripts, char ***labels);

/*
 * Date-time labels for ticks in milliseconds (UTC), in a format chosen by
 * the tick spacing as Bokeh's DatetimeTickFormatter chooses its resolution
 * (spacing * 1.1 against 1 ms, 1 s, 1 min, 1 h, 1 day, 30 days, 365 days):
 * microseconds "%H:%M:%S.%6N", milliseconds "%H:%M:%S.%3N", seconds
 * "%H:%M:%S", minutes "%H:%M", hours "%m/%d %H:%M" ("04/13 12:00"), days
 * "%m/%d", months "%m/%Y", years "%Y". A single tick takes the coarsest
 * format that shows it exactly. If two neighbouring labels still come out
 * equal, all are written as "%Y-%m-%d %H:%M:%S" (plus the sub-second
 * digits at those resolutions).
 */
pp_status pp__format_ticks_datetime(const double *ticks, size_t n,
                                    char ***labels);

/* Frees n labels and the array; NULL is a no-op. */
void pp__labels_free(char **labels, size_t n);

#endif /* PP_INTERNAL_H */
