/*
 * Reading each renderer's data: loading the CSV of its source and turning
 * its data specs (values, columns, transforms) into arrays of coordinates
 * and colours ready to draw.
 */
#include "model.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Messages                                                                  */
/* ------------------------------------------------------------------------ */

/* Fails with "spec.json:L:C: renderers[0].y: message". */
static pp_status data_fail(const pp_figure_t *fig, const pp__loc *loc,
                           pp_error_t *err, const char *fmt, ...)
    PP__PRINTF(4, 5);

static pp_status data_fail(const pp_figure_t *fig, const pp__loc *loc,
                           pp_error_t *err, const char *fmt, ...)
{
    char prefix[512], where[256], message[PP_ERROR_MESSAGE_SIZE];
    va_list args;

    va_start(args, fmt);
    pp__vformat(message, sizeof message, fmt, args);
    va_end(args);
    pp__loc_prefix(fig, loc, false, prefix, sizeof prefix);
    pp__loc_describe(loc, where, sizeof where);
    return pp__fail(err, PP_ERR_DATA, "%s%s%s%s", prefix, where,
                    where[0] ? ": " : "", message);
}

static void cell_place(const pp_figure_t *fig, const pp__table *table,
                       const char *column, size_t row, char *buf,
                       size_t size);

/* A row of a concat is placed in the source it comes from. */
static bool concat_cell_place(const pp_figure_t *fig, const pp__table *table,
                              const char *column, size_t row, char *buf,
                              size_t size)
{
    const pp__source *src = NULL;
    size_t i, k;

    for (i = 0; i < fig->nsources && src == NULL; i++)
        if (fig->sources[i].table == table && fig->sources[i].concat != NULL)
            src = &fig->sources[i];
    for (k = 0; src != NULL && k < src->nconcat; k++) {
        const pp__table *part = NULL;
        for (i = 0; i < fig->nsources && part == NULL; i++)
            if (strcmp(fig->sources[i].name, src->concat[k]) == 0)
                part = fig->sources[i].table;
        if (part == NULL)
            return false;
        if (row < part->nrows) {
            cell_place(fig, part, column, row, buf, size);
            return true;
        }
        row -= part->nrows;
    }
    return false;
}

/*
 * Where a cell is, for messages: "data/conn.csv:4" (the file and the line
 * its row starts on), or for inline data the cell's place in the spec,
 * "fig.json:12:9" (found in the spec's text only when a message needs it).
 */
static void cell_place(const pp_figure_t *fig, const pp__table *table,
                       const char *column, size_t row, char *buf,
                       size_t size)
{
    char index[32], prefix[512], *path;
    size_t len, n;
    pp__loc loc;

    if (concat_cell_place(fig, table, column, row, buf, size))
        return;
    snprintf(buf, size, "%s:%zu", table->path, table->row_line[row]);
    if (table->spec_place == NULL)
        return;
    snprintf(index, sizeof index, "%c%zu", PP__PATH_INDEX, row);
    len = strlen(table->spec_place);
    path = malloc(len + strlen(column) + strlen(index) + 2);
    if (path == NULL)
        return;
    sprintf(path, "%s%c%s%s", table->spec_place, PP__PATH_KEY, column, index);
    loc.path = path;
    pp__loc_prefix(fig, &loc, false, prefix, sizeof prefix);
    free(path);
    /* "fig.json:12:9: " without its ": " */
    n = strlen(prefix);
    if (n >= 2 && prefix[n - 2] == ':')
        prefix[n - 2] = '\0';
    snprintf(buf, size, "%s", prefix);
}

/* Cell text for a message, shortened so one message stays one line. */
static void quote_cell(const char *text, char *buf, size_t size)
{
    size_t n = strlen(text), keep = 57;

    if (n + 1 <= size && n <= 60) {
        memcpy(buf, text, n + 1);
        return;
    }
    /* Cut at the start of a character, not inside one. */
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
        keep--;
    snprintf(buf, size, "%.*s...", (int)keep, text);
}

/* ------------------------------------------------------------------------ */
/* Sources                                                                   */
/* ------------------------------------------------------------------------ */

static pp__source *find_source(pp_figure_t *fig, const char *name)
{
    size_t i;

    for (i = 0; i < fig->nsources; i++)
        if (strcmp(fig->sources[i].name, name) == 0)
            return &fig->sources[i];
    return NULL;
}

static char *join_path(const char *dir, const char *file)
{
    size_t dlen = strlen(dir), flen = strlen(file);
    char *path;

    if (file[0] == '/' || strcmp(dir, ".") == 0)
        return pp__strdup(file);
    path = malloc(dlen + flen + 2);
    if (path == NULL)
        return NULL;
    memcpy(path, dir, dlen);
    path[dlen] = '/';
    memcpy(path + dlen + 1, file, flen + 1);
    return path;
}

const char *pp_figure_source_file(pp_figure_t *fig, size_t index)
{
    pp__source *src;

    if (fig == NULL || index >= fig->nsources)
        return NULL;
    src = &fig->sources[index];
    if (src->csv_path == NULL)
        return "";
    if (src->file == NULL)
        src->file = join_path(fig->base_dir != NULL ? fig->base_dir : ".",
                              src->csv_path);
    return src->file;
}

/* A CSV file that cannot be read: the message also says where the spec
   names it, since --data-dir or data_dir may have moved it. */
static pp_status unreadable_source(const pp_figure_t *fig,
                                   const pp__source *src, pp_error_t *err)
{
    char prefix[512], where[256], message[PP_ERROR_MESSAGE_SIZE];

    memcpy(message, err->message, sizeof message);
    pp__loc_prefix(fig, &src->loc, false, prefix, sizeof prefix);
    pp__loc_describe(&src->loc, where, sizeof where);
    return pp__fail(err, PP_ERR_IO, "%s%s: %s", prefix, where, message);
}

/* The rows of a concat's sources, one after another, and the columns of
   all of them (in first-seen order); a source without a column has
   missing cells in it. */
typedef struct concat_rows {
    pp__table **parts;
    size_t nparts;
    const pp__column ***columns;   /* per part, per column; NULL: absent */
} concat_rows;

static void concat_cell(void *user, size_t row, size_t column,
                        char *scratch, pp__csv_field *out)
{
    const concat_rows *c = user;
    const pp__column *col;
    size_t k = 0;

    (void)scratch;
    while (k + 1 < c->nparts && row >= c->parts[k]->nrows)
        row -= c->parts[k++]->nrows;
    col = c->columns[k][column];
    out->text = col != NULL && col->strings[row] != NULL ? col->strings[row]
                                                         : "";
    out->len = strlen(out->text);
}

/* The header of a concat: every part's columns, each name once. */
static pp_status concat_header(concat_rows *c, pp__csv_field **header,
                               size_t *ncols)
{
    size_t k, i, j, most = 0;

    for (k = 0; k < c->nparts; k++)
        most += c->parts[k]->ncols;
    *header = calloc(most + 1, sizeof **header);
    c->columns = calloc(c->nparts, sizeof *c->columns);
    if (*header == NULL || c->columns == NULL)
        return PP_ERR_NOMEM;
    *ncols = 0;
    for (k = 0; k < c->nparts; k++)
        for (i = 0; i < c->parts[k]->ncols; i++) {
            const char *name = c->parts[k]->columns[i].name;
            for (j = 0; j < *ncols && strcmp((*header)[j].text, name); j++)
                ;
            if (j < *ncols)
                continue;
            (*header)[*ncols].text = name;
            (*header)[(*ncols)++].len = strlen(name);
        }
    for (k = 0; k < c->nparts; k++) {
        c->columns[k] = calloc(*ncols + 1, sizeof *c->columns[k]);
        if (c->columns[k] == NULL)
            return PP_ERR_NOMEM;
        for (j = 0; j < *ncols; j++)
            c->columns[k][j] = pp__table_find(c->parts[k], (*header)[j].text);
    }
    return PP_OK;
}

static pp_status concat_table(pp_figure_t *fig, pp__source *src,
                              pp_error_t *err)
{
    concat_rows c = {NULL, 0, NULL};
    pp__csv_field *header = NULL;
    char described[256];
    size_t ncols = 0, nrows = 0, k;
    pp_status st = PP_OK;

    c.parts = calloc(src->nconcat, sizeof *c.parts);
    if (c.parts == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    for (k = 0; k < src->nconcat && st == PP_OK; k++) {
        st = pp__source_table(fig, src->concat[k], &c.parts[k], err);
        if (st == PP_OK)
            nrows += c.parts[k]->nrows;
    }
    c.nparts = src->nconcat;
    if (st == PP_OK && concat_header(&c, &header, &ncols) != PP_OK)
        st = pp__fail_status(err, PP_ERR_NOMEM);
    /* Messages name it "sources.NAME", as inline data. */
    pp__loc_describe(&src->loc, described, sizeof described);
    if (st == PP_OK)
        st = pp__table_from_cells(described, NULL, header, ncols, nrows,
                                  concat_cell, &c, &src->table, err);
    for (k = 0; c.columns != NULL && k < c.nparts; k++)
        free(c.columns[k]);
    free(c.columns);
    free(c.parts);
    free(header);
    return st;
}

pp_status pp__source_table(pp_figure_t *fig, const char *name,
                           pp__table **out, pp_error_t *err)
{
    pp__source *src = find_source(fig, name);
    char *path;
    pp_status st;

    *out = NULL;
    if (src == NULL)
        return pp__fail(err, PP_ERR_SPEC, "%s: source '%s' is not defined",
                        fig->spec_path, name);
    if (src->table == NULL && src->concat != NULL &&
        (st = concat_table(fig, src, err)) != PP_OK)
        return st;
    if (src->table == NULL && src->csv_path == NULL)
        return data_fail(fig, &src->loc, err, "source '%s' has no data: give "
                         "it a \"csv\" file or set its columns from C", name);
    if (src->table == NULL) {
        path = join_path(fig->base_dir, src->csv_path);
        if (path == NULL)
            return pp__fail_status(err, PP_ERR_NOMEM);
        st = pp__table_load_csv(path, &src->table, err);
        free(path);
        if (st == PP_ERR_IO)
            return unreadable_source(fig, src, err);
        if (st != PP_OK)
            return st;
    }
    *out = src->table;
    return PP_OK;
}

/* The column a spec names, or a message naming the source's columns. */
static pp_status find_column(const pp_figure_t *fig, const pp__table *table,
                             const char *name, const pp__loc *loc,
                             const pp__renderer *rend,
                             const pp__column **out, pp_error_t *err)
{
    char *columns, *advice;
    pp_status st;

    *out = pp__table_find(table, name);
    if (*out != NULL)
        return PP_OK;
    columns = pp__table_column_list(table);
    advice = pp__table_column_advice(table, name, strlen(name));
    st = data_fail(fig, loc, err, "%s renderer: column '%s' is not in %s, "
                   "whose columns are: %s%s", pp__glyph_name(rend->kind), name,
                   table->path, columns != NULL ? columns : "(none)",
                   advice != NULL ? advice : "");
    free(columns);
    free(advice);
    return st;
}

/* ------------------------------------------------------------------------ */
/* Factor lists                                                              */
/* ------------------------------------------------------------------------ */

/* A string set for first-seen order: open addressing on a power of two. */
typedef struct string_set {
    const char **slots;
    size_t capacity, count;
} string_set;

/* Adds s (not copied); returns 1 when new, 0 when present, -1 on no memory. */
static int set_add(string_set *set, const char *s)
{
    size_t i;

    if ((set->count + 1) * 2 > set->capacity) {
        string_set bigger = {NULL, set->capacity ? set->capacity * 2 : 64, 0};
        bigger.slots = calloc(bigger.capacity, sizeof *bigger.slots);
        if (bigger.slots == NULL)
            return -1;
        for (i = 0; i < set->capacity; i++)
            if (set->slots[i] != NULL)
                set_add(&bigger, set->slots[i]);
        free(set->slots);
        *set = bigger;
    }
    i = (size_t)pp__hash_text(s) & (set->capacity - 1);
    while (set->slots[i] != NULL) {
        if (strcmp(set->slots[i], s) == 0)
            return 0;
        i = (i + 1) & (set->capacity - 1);
    }
    set->slots[i] = s;
    set->count++;
    return 1;
}

static pp_status collect_factors(pp_figure_t *fig, pp__factor_list *list,
                                 pp_error_t *err)
{
    string_set seen = {NULL, 0, 0};
    pp__table *table;
    size_t c, row;
    pp_status st;
    pp__renderer none = {0};

    if ((st = pp__source_table(fig, list->source, &table, err)) != PP_OK)
        return st;
    list->items = calloc(table->nrows * list->ncolumns + 1,
                         sizeof *list->items);
    if (list->items == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    none.kind = PP__GLYPH_LINE;
    for (c = 0; c < list->ncolumns; c++) {
        const pp__column *col;
        st = find_column(fig, table, list->columns[c], &list->loc, &none,
                         &col, err);
        if (st != PP_OK)
            break;
        for (row = 0; row < table->nrows; row++) {
            const char *text = col->strings[row];
            int added;
            if (text == NULL)
                continue;
            added = set_add(&seen, text);
            if (added < 0) {
                st = pp__fail_status(err, PP_ERR_NOMEM);
                break;
            }
            if (added == 0)
                continue;
            list->items[list->nitems] = pp__strdup(text);
            if (list->items[list->nitems] == NULL) {
                st = pp__fail_status(err, PP_ERR_NOMEM);
                break;
            }
            list->nitems++;
        }
        if (st != PP_OK)
            break;
    }
    free(seen.slots);
    list->resolved = st == PP_OK;
    return st;
}

pp_status pp__factor_list_get(pp_figure_t *fig, const char *name,
                              pp__factor_list **out, pp_error_t *err)
{
    size_t i;

    *out = NULL;
    for (i = 0; i < fig->nfactor_lists; i++) {
        pp__factor_list *list = &fig->factor_lists[i];
        if (strcmp(list->name, name) != 0)
            continue;
        if (!list->resolved) {
            pp_status st = collect_factors(fig, list, err);
            if (st != PP_OK)
                return st;
        }
        *out = list;
        return PP_OK;
    }
    return pp__fail(err, PP_ERR_SPEC, "%s: factor list '%s' is not defined",
                    fig->spec_path, name);
}

/*
 * Where each factor of a list is. Lists up to FACTOR_SEARCH_MAX long are
 * searched in order; longer ones get a hash index, or a column of many
 * distinct values (a million IP addresses) would take quadratic time.
 */
#define FACTOR_SEARCH_MAX 16

typedef struct factor_index {
    char **items;
    size_t n;
    size_t *slots;          /* position + 1, 0 when empty; NULL: search */
    size_t mask;
} factor_index;

/* Indexes items; of equal factors, the first keeps its position. */
static bool factor_index_init(factor_index *fx, char **items, size_t n)
{
    size_t capacity = 64, i, s;

    fx->items = items;
    fx->n = n;
    fx->slots = NULL;
    fx->mask = 0;
    if (n <= FACTOR_SEARCH_MAX)
        return true;
    while (capacity < 2 * n)
        capacity *= 2;
    fx->slots = calloc(capacity, sizeof *fx->slots);
    if (fx->slots == NULL)
        return false;
    fx->mask = capacity - 1;
    for (i = 0; i < n; i++) {
        s = (size_t)pp__hash_text(items[i]) & fx->mask;
        while (fx->slots[s] != 0 &&
               strcmp(items[fx->slots[s] - 1], items[i]) != 0)
            s = (s + 1) & fx->mask;
        if (fx->slots[s] == 0)
            fx->slots[s] = i + 1;
    }
    return true;
}

/* Position (0-based) of text among the factors, or -1. */
static long factor_position(const factor_index *fx, const char *text)
{
    size_t i;

    if (text == NULL)
        return -1;
    if (fx->slots == NULL) {
        for (i = 0; i < fx->n; i++)
            if (strcmp(fx->items[i], text) == 0)
                return (long)i;
        return -1;
    }
    for (i = (size_t)pp__hash_text(text) & fx->mask; fx->slots[i] != 0;
         i = (i + 1) & fx->mask)
        if (strcmp(fx->items[fx->slots[i] - 1], text) == 0)
            return (long)(fx->slots[i] - 1);
    return -1;
}

/* The factors a transform uses, inline or from a named list, indexed;
   the caller frees fx->slots. */
static pp_status transform_factors(pp_figure_t *fig, const pp__transform *t,
                                   factor_index *fx, pp_error_t *err)
{
    pp__factor_list *list;
    char **items = t->factors;
    size_t n = t->nfactors;
    pp_status st;

    if (t->factors_name != NULL) {
        st = pp__factor_list_get(fig, t->factors_name, &list, err);
        if (st != PP_OK)
            return st;
        items = list->items;
        n = list->nitems;
    }
    if (!factor_index_init(fx, items, n))
        return pp__fail_status(err, PP_ERR_NOMEM);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                   */
/* ------------------------------------------------------------------------ */

/* Fails naming the first text cell of a column that should hold numbers. */
static pp_status not_numbers(const pp_figure_t *fig, const pp__table *table,
                             const pp__column *col, const pp__loc *loc,
                             pp_error_t *err)
{
    size_t row = col->first_text_row;
    const char *text = col->strings[row] != NULL ? col->strings[row] : "";
    char cell[80], place[600];
    double ms;
    /* Dates on a linear axis are a missing "x_axis_type", not bad data. */
    bool date = pp__parse_datetime(text, strlen(text), &ms);

    quote_cell(text, cell, sizeof cell);
    cell_place(fig, table, col->name, row, place, sizeof place);
    return data_fail(fig, loc, err, "column '%s' must hold numbers, but "
                     "%s has '%s'%s", col->name, place, cell,
                     date ? "; for date-times set \"x_axis_type\" or "
                     "\"y_axis_type\" to \"datetime\"" : "");
}

/* Values of a column on a date-time axis: ISO-8601 text or numbers (ms). */
static pp_status column_datetimes(const pp_figure_t *fig,
                                  const pp__table *table,
                                  const pp__column *col, const pp__loc *loc,
                                  double *out, pp_error_t *err)
{
    size_t row;

    for (row = 0; row < table->nrows; row++) {
        const char *text = col->strings[row];
        char cell[80], place[600];

        if (col->kind == PP__COLUMN_NUMBER) {
            out[row] = col->numbers[row];
            continue;
        }
        if (text == NULL) {
            out[row] = NAN;
            continue;
        }
        if (pp__parse_datetime(text, strlen(text), &out[row]))
            continue;
        quote_cell(text, cell, sizeof cell);
        cell_place(fig, table, col->name, row, place, sizeof place);
        return data_fail(fig, loc, err, "column '%s' is on a datetime axis, "
                         "but %s has '%s', not a date-time like "
                         "2011-04-13 11:39", col->name, place, cell);
    }
    return PP_OK;
}

static bool cell_equals(const pp__column *col, size_t row,
                        const pp__transform *t)
{
    if (t->where_text != NULL)
        return col->strings[row] != NULL &&
               strcmp(col->strings[row], t->where_text) == 0;
    return col->kind == PP__COLUMN_NUMBER &&
           col->numbers[row] == t->where_number;
}

pp_status pp__eval_numbers(pp_figure_t *fig, const pp__renderer *rend,
                           const pp__table *table, const pp__dataspec *spec,
                           pp__axis_type axis_type, double *out,
                           pp_error_t *err)
{
    size_t n = table != NULL ? table->nrows : 0, row;
    const pp__transform *t = spec->transform;
    const pp__column *col, *where;
    factor_index factors;
    pp_status st;

    if (spec->kind == PP__SPEC_NUMBER) {
        for (row = 0; row < n; row++)
            out[row] = spec->number;
        return PP_OK;
    }
    if (spec->kind != PP__SPEC_FIELD)
        return data_fail(fig, &spec->loc, err, "a number or a column is "
                         "needed here");
    st = find_column(fig, table, spec->field, &spec->loc, rend, &col, err);
    if (st != PP_OK)
        return st;

    if (t == NULL) {
        if (axis_type == PP__AXIS_DATETIME)
            return column_datetimes(fig, table, col, &spec->loc, out, err);
        if (col->kind != PP__COLUMN_NUMBER)
            return not_numbers(fig, table, col, &spec->loc, err);
        if (n > 0)  /* a header-only CSV has no array to copy from */
            memcpy(out, col->numbers, n * sizeof *out);
        return PP_OK;
    }

    switch (t->kind) {
    case PP__TRANSFORM_WHERE:
        if (col->kind != PP__COLUMN_NUMBER)
            return not_numbers(fig, table, col, &spec->loc, err);
        st = find_column(fig, table, t->where_column, &t->loc, rend, &where,
                         err);
        if (st != PP_OK)
            return st;
        for (row = 0; row < n; row++)
            out[row] = cell_equals(where, row, t) != t->where_not
                ? col->numbers[row] : t->otherwise;
        return PP_OK;

    case PP__TRANSFORM_FACTOR_INDEX:
        st = transform_factors(fig, t, &factors, err);
        if (st != PP_OK)
            return st;
        for (row = 0; row < n; row++) {
            long pos = factor_position(&factors, col->strings[row]);
            out[row] = pos < 0 ? NAN : (double)(pos + 1);
        }
        free(factors.slots);
        return PP_OK;

    default:
        return data_fail(fig, &t->loc, err, "this transform gives colours, "
                         "not numbers");
    }
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */
/* ------------------------------------------------------------------------ */

static void free_rules(regex_t *res, size_t n)
{
    size_t i;

    for (i = 0; res != NULL && i < n; i++)
        regfree(&res[i]);
    free(res);
}

/*
 * A copy of text with the first match of the first rule that matches
 * replaced by that rule's text (res: the rules' compiled patterns).
 */
static char *replace_first(const pp__transform *t, const regex_t *res,
                           const char *text)
{
    regmatch_t m;
    size_t head, tail, with, i;
    char *out;

    for (i = 0; i < t->nrules; i++)
        if (regexec(&res[i], text, 1, &m, 0) == 0 && m.rm_so >= 0)
            break;
    if (i == t->nrules)
        return pp__strdup(text);
    with = strlen(t->replacements[i]);
    head = (size_t)m.rm_so;
    tail = strlen(text + m.rm_eo);
    out = malloc(head + with + tail + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, text, head);
    memcpy(out + head, t->replacements[i], with);
    memcpy(out + head + with, text + m.rm_eo, tail + 1);
    return out;
}

/* Compiles the rules' patterns (checked when the spec was read). */
static pp_status compile_rules(pp_figure_t *fig, const pp__transform *t,
                               regex_t **out, pp_error_t *err)
{
    size_t i;

    *out = calloc(t->nrules + 1, sizeof **out);
    if (*out == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    for (i = 0; i < t->nrules; i++)
        if (regcomp(&(*out)[i], t->patterns[i], REG_EXTENDED) != 0) {
            free_rules(*out, i);
            *out = NULL;
            return data_fail(fig, &t->loc, err, "'%s' is not a regular "
                             "expression", t->patterns[i]);
        }
    return PP_OK;
}

/*
 * Writes a whole number below 1e15 in magnitude as its digits, which is
 * what "%.15g" prints for it (and reads back exactly); false for any other
 * value, -0 included. Such numbers are most keys (a graph's node indices),
 * and snprintf costs about a microsecond each.
 */
static bool whole_number_text(char buf[40], double value)
{
    char digits[20];
    long long n;
    int len = 0, i = 0;

    if (!(fabs(value) < 1e15) || value != floor(value) ||
        (value == 0.0 && signbit(value)))
        return false;
    n = (long long)value;
    if (n < 0) {
        buf[i++] = '-';
        n = -n;
    }
    do {
        digits[len++] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    while (len > 0)
        buf[i++] = digits[--len];
    buf[i] = '\0';
    return true;
}

/*
 * The text of a cell; a number (also one among text, as "2.0" in a column
 * that holds "host" too) as 15 digits when that reads back exactly, so that
 * 2, 2.0 and 2e0 give the same key whatever else their column holds.
 */
static char *cell_text(const pp__column *col, size_t row)
{
    char buf[40];
    double back;

    if (isnan(col->numbers[row]))
        return col->kind != PP__COLUMN_NUMBER && col->strings[row] != NULL
                   ? pp__strdup(col->strings[row])
                   : NULL;
    if (whole_number_text(buf, col->numbers[row]))
        return pp__strdup(buf);
    pp__format_number(buf, sizeof buf, "%.15g", col->numbers[row]);
    if (!pp__parse_number(buf, strlen(buf), &back) ||
        back != col->numbers[row])
        pp__format_number(buf, sizeof buf, "%.17g", col->numbers[row]);
    return pp__strdup(buf);
}

pp_status pp__eval_texts(pp_figure_t *fig, const pp__renderer *rend,
                         const pp__table *table, const pp__dataspec *spec,
                         char **out, pp_error_t *err)
{
    const pp__transform *t = spec->transform;
    const pp__column *col;
    regex_t *res = NULL;
    size_t row;
    pp_status st;

    if (spec->kind != PP__SPEC_FIELD)
        return data_fail(fig, &spec->loc, err, "a column is needed here");
    st = find_column(fig, table, spec->field, &spec->loc, rend, &col, err);
    if (st != PP_OK)
        return st;
    if (t != NULL && (st = compile_rules(fig, t, &res, err)) != PP_OK)
        return st;
    for (row = 0; row < table->nrows; row++) {
        char *text = cell_text(col, row);
        if (text != NULL && t != NULL) {
            char *replaced = replace_first(t, res, text);
            free(text);
            text = replaced;
            if (text == NULL)
                break;
        } else if (text == NULL && (col->kind == PP__COLUMN_NUMBER
                                        ? !isnan(col->numbers[row])
                                        : col->strings[row] != NULL)) {
            break;
        }
        out[row] = text;
    }
    if (t != NULL)
        free_rules(res, t->nrules);
    if (row < table->nrows)
        return pp__fail_status(err, PP_ERR_NOMEM);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Colours                                                                   */
/* ------------------------------------------------------------------------ */

static pp_color_t with_alpha(pp_color_t c, double alpha)
{
    c.a = (float)(c.a * alpha);
    return c;
}

static pp_color_t threshold_color(const pp__transform *t, double v)
{
    size_t i = 0;

    if (isnan(v))
        return t->nan_color;
    while (i < t->nthresholds && v >= t->thresholds[i])
        i++;
    return t->palette[i];
}

/* Bokeh colours the factors past the end of a short palette with nan_color
   without a word; a warning saves the reader from hunting for the reason. */
static void warn_short_palette(pp_figure_t *fig, const pp__dataspec *spec,
                               const pp__transform *t,
                               const factor_index *factors)
{
    char where[256], path[200];

    pp__loc_prefix(fig, &spec->loc, false, where, sizeof where);
    pp__loc_describe(&spec->loc, path, sizeof path);
    pp__warn(&fig->warnings, "%s%s: factor_cmap has %zu colour%s for %zu "
             "factors, so '%.60s' and the factors after it get nan_color",
             where, path, t->npalette, t->npalette == 1 ? "" : "s",
             factors->n, factors->items[t->npalette]);
}

pp_status pp__eval_colors(pp_figure_t *fig, const pp__renderer *rend,
                          const pp__table *table, const pp__dataspec *spec,
                          double alpha, pp_color_t *out, pp_error_t *err)
{
    size_t n = table != NULL ? table->nrows : 0, row;
    const pp__transform *t = spec->transform;
    const pp__column *col;
    factor_index factors;
    pp_status st;

    if (spec->kind == PP__SPEC_COLOR || spec->kind == PP__SPEC_NONE ||
        spec->kind == PP__SPEC_UNSET) {
        pp_color_t c = spec->kind == PP__SPEC_COLOR
            ? spec->color : (pp_color_t){0, 0, 0, 0.0f};
        for (row = 0; row < n; row++)
            out[row] = with_alpha(c, alpha);
        return PP_OK;
    }
    if (spec->kind != PP__SPEC_FIELD)
        return data_fail(fig, &spec->loc, err, "a colour or a column is "
                         "needed here");
    col = pp__table_find(table, spec->field);
    if (col == NULL && t == NULL) {
        char *columns = pp__table_column_list(table);
        char *advice = pp__table_column_advice(table, spec->field,
                                               strlen(spec->field));
        st = data_fail(fig, &spec->loc, err, "'%s' is neither a colour (%s) "
                       "nor a column of %s (columns: %s)%s", spec->field,
                       pp__color_problem(spec->field), table->path,
                       columns != NULL ? columns : "none",
                       advice != NULL ? advice : "");
        free(columns);
        free(advice);
        return st;
    }
    st = find_column(fig, table, spec->field, &spec->loc, rend, &col, err);
    if (st != PP_OK)
        return st;

    if (t == NULL) {
        for (row = 0; row < n; row++) {
            char cell[80], place[600];
            if (col->strings[row] != NULL &&
                pp_color_parse(col->strings[row], &out[row]) == PP_OK) {
                out[row] = with_alpha(out[row], alpha);
                continue;
            }
            quote_cell(col->strings[row] ? col->strings[row] : "", cell,
                       sizeof cell);
            cell_place(fig, table, col->name, row, place, sizeof place);
            return data_fail(fig, &spec->loc, err, "%s: row %zu of "
                             "column '%s' has '%s', which is not a colour: %s",
                             place, row, col->name, cell,
                             pp__color_problem(cell));
        }
        return PP_OK;
    }
    if (t->kind == PP__TRANSFORM_THRESHOLD_CMAP) {
        if (col->kind != PP__COLUMN_NUMBER)
            return not_numbers(fig, table, col, &spec->loc, err);
        for (row = 0; row < n; row++)
            out[row] = with_alpha(threshold_color(t, col->numbers[row]),
                                  alpha);
        return PP_OK;
    }
    st = transform_factors(fig, t, &factors, err);
    if (st != PP_OK)
        return st;
    if (factors.n > t->npalette)
        warn_short_palette(fig, spec, t, &factors);
    for (row = 0; row < n; row++) {
        long pos = factor_position(&factors, col->strings[row]);
        pp_color_t c = pos < 0 || (size_t)pos >= t->npalette
            ? t->nan_color : t->palette[pos];
        out[row] = with_alpha(c, alpha);
    }
    free(factors.slots);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Renderers                                                                 */
/* ------------------------------------------------------------------------ */

static void *alloc_array(size_t n, size_t size)
{
    /* One spare item keeps zero-row tables from asking malloc for 0. */
    return calloc(n + 1, size);
}

/* Non-finite coordinates become gaps, never giant or NaN geometry. */
static void finite_or_nan(double *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!isfinite(v[i]))
            v[i] = NAN;
}

static pp_status eval_points(pp_figure_t *fig, pp__renderer *rend,
                             const pp__table *table, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    pp_status st;

    d->n = table->nrows;
    d->x = alloc_array(d->n, sizeof *d->x);
    d->y = alloc_array(d->n, sizeof *d->y);
    if (d->x == NULL || d->y == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    if ((st = pp__eval_numbers(fig, rend, table, &rend->xs[0],
                               fig->xaxis.type, d->x, err)) ||
        (st = pp__eval_numbers(fig, rend, table, &rend->ys[0],
                               fig->yaxis.type, d->y, err)))
        return st;
    finite_or_nan(d->x, d->n);
    finite_or_nan(d->y, d->n);
    return PP_OK;
}

/* SEGMENT and MULTI_LINE: nvertices coordinates a row, row-major. */
static pp_status eval_vertices(pp_figure_t *fig, pp__renderer *rend,
                               const pp__table *table, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    size_t n = table->nrows, nv = rend->nvertices, v, row;
    double *column = alloc_array(n, sizeof *column);
    pp_status st = PP_OK;

    d->n = n;
    d->nvertices = nv;
    d->xs = alloc_array(n * nv, sizeof *d->xs);
    d->ys = alloc_array(n * nv, sizeof *d->ys);
    if (column == NULL || d->xs == NULL || d->ys == NULL) {
        free(column);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    for (v = 0; v < nv && st == PP_OK; v++) {
        st = pp__eval_numbers(fig, rend, table, &rend->xs[v], fig->xaxis.type,
                              column, err);
        for (row = 0; st == PP_OK && row < n; row++)
            d->xs[row * nv + v] = column[row];
        if (st == PP_OK)
            st = pp__eval_numbers(fig, rend, table, &rend->ys[v],
                                  fig->yaxis.type, column, err);
        for (row = 0; st == PP_OK && row < n; row++)
            d->ys[row * nv + v] = column[row];
    }
    free(column);
    finite_or_nan(d->xs, n * nv);
    finite_or_nan(d->ys, n * nv);
    return st;
}

static pp_status eval_line_colors(pp_figure_t *fig, pp__renderer *rend,
                                  const pp__table *table,
                                  const pp__line_props *line, pp_error_t *err)
{
    pp__resolved *d = &rend->data;

    d->line_colors = alloc_array(table->nrows, sizeof *d->line_colors);
    if (d->line_colors == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    return pp__eval_colors(fig, rend, table, &line->color, line->alpha,
                           d->line_colors, err);
}

/*
 * A size from a column outside 0..10000 px (1e10, -5, inf), the range a
 * constant size must keep to: the marker is not drawn, as Bokeh's canvas
 * would show nothing useful of it (a disk over the whole figure, or
 * nothing), and one warning names the first such row and counts the rest.
 * Missing sizes (NaN) are gaps and say nothing.
 */
static void drop_size(pp_figure_t *fig, pp__renderer *rend,
                      const pp__table *table, size_t row)
{
    const pp__dataspec *spec = &rend->size;
    double *sizes = rend->data.sizes;
    char where[512], path[256], place[600], more[64] = "";
    size_t i, others = 0;

    if (isnan(sizes[row]))
        return;
    for (i = row + 1; i < table->nrows; i++) {
        if (!isnan(sizes[i]) && !(sizes[i] >= 0.0 && sizes[i] <= 10000.0)) {
            others++;
            sizes[i] = NAN;
        }
    }
    if (others > 0)
        snprintf(more, sizeof more, " (nor those of %zu more row%s)",
                 others, others == 1 ? "" : "s");
    pp__loc_prefix(fig, &spec->loc, false, where, sizeof where);
    pp__loc_describe(&spec->loc, path, sizeof path);
    cell_place(fig, table, spec->field, row, place, sizeof place);
    pp__warn(&fig->warnings, "%s%s: %s renderer: column '%s' gives the size "
             "%g at %s, outside 0 to 10000 px, so its marker is not "
             "drawn%s", where, path, pp__glyph_name(rend->kind), spec->field,
             sizes[row], place, more);
    sizes[row] = NAN;
}

static pp_status eval_markers(pp_figure_t *fig, pp__renderer *rend,
                              const pp__table *table, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    pp_status st;
    size_t i;

    d->fill_colors = alloc_array(table->nrows, sizeof *d->fill_colors);
    d->sizes = alloc_array(table->nrows, sizeof *d->sizes);
    if (d->fill_colors == NULL || d->sizes == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    if ((st = pp__eval_colors(fig, rend, table, &rend->fill.color,
                              rend->fill.alpha, d->fill_colors, err)) ||
        (st = eval_line_colors(fig, rend, table, &rend->line, err)) ||
        (st = pp__eval_numbers(fig, rend, table, &rend->size,
                               PP__AXIS_LINEAR, d->sizes, err)))
        return st;
    for (i = 0; i < table->nrows; i++)
        if (!(d->sizes[i] >= 0.0 && d->sizes[i] <= 10000.0))
            drop_size(fig, rend, table, i);
    return PP_OK;
}

/* Node rows by the text of their index, for the edges to find them. */
typedef struct key_index {
    const char **keys;
    size_t *rows;
    size_t capacity;
} key_index;

static size_t slot_of(const key_index *index, const char *key)
{
    size_t i = (size_t)pp__hash_text(key) & (index->capacity - 1);

    while (index->keys[i] != NULL && strcmp(index->keys[i], key) != 0)
        i = (i + 1) & (index->capacity - 1);
    return i;
}

/*
 * Indexes nodes by key text (borrowed); the first of equal keys wins.
 * *repeats counts the nodes whose key an earlier node has, and *first_repeat
 * is the first of them (n when none).
 */
static bool index_nodes(key_index *index, char **keys, size_t n,
                        size_t *repeats, size_t *first_repeat)
{
    size_t i;

    *repeats = 0;
    *first_repeat = n;

    index->capacity = 16;
    while (index->capacity < 2 * n + 2)
        index->capacity *= 2;
    index->keys = calloc(index->capacity, sizeof *index->keys);
    index->rows = calloc(index->capacity, sizeof *index->rows);
    if (index->keys == NULL || index->rows == NULL)
        return false;
    for (i = 0; i < n; i++) {
        size_t slot;
        if (keys[i] == NULL)
            continue;
        slot = slot_of(index, keys[i]);
        if (index->keys[slot] == NULL) {
            index->keys[slot] = keys[i];
            index->rows[slot] = i;
        } else if ((*repeats)++ == 0) {
            *first_repeat = i;
        }
    }
    return true;
}

/* Finds the node each edge end names, or fails naming the edge's line. */
static pp_status match_edge_ends(pp_figure_t *fig, const pp__renderer *rend,
                                 const pp__table *edges,
                                 const pp__dataspec *spec, char **names,
                                 const key_index *index, size_t *out,
                                 pp_error_t *err)
{
    size_t i;

    for (i = 0; i < edges->nrows; i++) {
        char cell[80], place[600];
        size_t slot;

        if (names[i] != NULL) {
            slot = slot_of(index, names[i]);
            if (index->keys[slot] != NULL) {
                out[i] = index->rows[slot];
                continue;
            }
        }
        /* A plain column is quoted as written, not as its key text. */
        if (spec->transform == NULL && pp__table_find(edges, spec->field) &&
            pp__table_find(edges, spec->field)->strings[i] != NULL)
            quote_cell(pp__table_find(edges, spec->field)->strings[i], cell,
                       sizeof cell);
        else
            quote_cell(names[i] != NULL ? names[i] : "", cell, sizeof cell);
        cell_place(fig, edges, spec->field, i, place, sizeof place);
        return data_fail(fig, &spec->loc, err, "%s: edge %s '%s' is not "
                         "the index of any node (node indices are in column "
                         "'%s')", place, spec->field, cell, rend->node_index);
    }
    return PP_OK;
}

/* The row a node's category belongs to, or -1. */
static long row_of_category(const pp__renderer *rend, const char *category)
{
    long wildcard = -1;
    size_t r, k;

    for (r = 0; r < rend->nrows; r++)
        for (k = 0; rend->rows[r][k] != NULL; k++) {
            if (strcmp(rend->rows[r][k], "*") == 0)
                wildcard = (long)r;
            else if (category != NULL &&
                     strcmp(rend->rows[r][k], category) == 0)
                return (long)r;
        }
    return wildcard;
}

/*
 * Rows layout: row r (0 at the top) at y = nrows - r; the k-th of a row's
 * n nodes, in file order, at x = (k + 0.5) / n, so every row spans the
 * same width.
 */
static pp_status place_in_rows(pp_figure_t *fig, pp__renderer *rend,
                               const pp__table *nodes, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    const pp__column *by;
    size_t *count, *seen, i;
    long *row;
    pp_status st;

    st = find_column(fig, nodes, rend->rows_by, &rend->by_loc, rend, &by, err);
    if (st != PP_OK)
        return st;
    d->n = nodes->nrows;
    d->x = alloc_array(d->n, sizeof *d->x);
    d->y = alloc_array(d->n, sizeof *d->y);
    row = alloc_array(d->n, sizeof *row);
    count = alloc_array(rend->nrows, sizeof *count);
    seen = alloc_array(rend->nrows, sizeof *seen);
    if (d->x == NULL || d->y == NULL || row == NULL || count == NULL ||
        seen == NULL) {
        st = pp__fail_status(err, PP_ERR_NOMEM);
        goto done;
    }
    for (i = 0; i < d->n; i++) {
        char cell[80], place[600];
        row[i] = row_of_category(rend, by->strings[i]);
        if (row[i] >= 0) {
            count[row[i]]++;
            continue;
        }
        quote_cell(by->strings[i] != NULL ? by->strings[i] : "", cell,
                   sizeof cell);
        cell_place(fig, nodes, by->name, i, place, sizeof place);
        st = data_fail(fig, &rend->loc, err, "%s: '%s' of column '%s' "
                       "is in none of the layout's rows (add it, or a row "
                       "with \"*\")", place, cell, by->name);
        goto done;
    }
    for (i = 0; i < d->n; i++) {
        size_t r = (size_t)row[i];
        d->x[i] = (seen[r]++ + 0.5) / (double)count[r];
        d->y[i] = (double)(rend->nrows - r);
    }
done:
    free(row);
    free(count);
    free(seen);
    return st;
}

static pp_status eval_graph(pp_figure_t *fig, pp__renderer *rend,
                            const pp__table *nodes, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    pp__dataspec index_spec = {PP__SPEC_FIELD, 0, {0, 0, 0, 0}, NULL, NULL,
                               {NULL}};
    pp__table *edges;
    char **keys = NULL, **from = NULL, **to = NULL;
    key_index index = {NULL, NULL, 0};
    size_t repeats, repeat;
    pp_status st;

    st = rend->node_layout == PP__NODES_IN_ROWS
        ? place_in_rows(fig, rend, nodes, err)
        : eval_points(fig, rend, nodes, err);
    if (st != PP_OK ||
        (st = eval_markers(fig, rend, nodes, err)) ||
        (st = pp__source_table(fig, rend->edge_source, &edges, err)))
        return st;

    /* Edges find nodes by the text of their index. */
    index_spec.field = rend->node_index;
    index_spec.loc = rend->loc;
    keys = alloc_array(nodes->nrows, sizeof *keys);
    from = alloc_array(edges->nrows, sizeof *from);
    to = alloc_array(edges->nrows, sizeof *to);
    d->edge_from = alloc_array(edges->nrows, sizeof *d->edge_from);
    d->edge_to = alloc_array(edges->nrows, sizeof *d->edge_to);
    if (keys == NULL || from == NULL || to == NULL || d->edge_from == NULL ||
        d->edge_to == NULL) {
        st = pp__fail_status(err, PP_ERR_NOMEM);
        goto done;
    }
    if ((st = pp__eval_texts(fig, rend, nodes, &index_spec, keys, err)) ||
        (st = pp__eval_texts(fig, rend, edges, &rend->edge_start, from,
                             err)) ||
        (st = pp__eval_texts(fig, rend, edges, &rend->edge_end, to, err)))
        goto done;
    if (!index_nodes(&index, keys, nodes->nrows, &repeats, &repeat)) {
        st = pp__fail_status(err, PP_ERR_NOMEM);
        goto done;
    }
    if (repeats > 0) {
        /* Edges can reach only one of them: most likely a mistake. */
        char place[600], first[600], cell[80];
        size_t earlier = index.rows[slot_of(&index, keys[repeat])];

        cell_place(fig, nodes, rend->node_index, repeat, place, sizeof place);
        cell_place(fig, nodes, rend->node_index, earlier, first,
                   sizeof first);
        quote_cell(keys[repeat], cell, sizeof cell);
        pp__warn(&fig->warnings, "%s: node index '%s' is also the index of "
                 "%s (%zu repeated ind%s in all); edges go to the first",
                 place, cell, first, repeats, repeats == 1 ? "ex" : "ices");
    }
    if ((st = match_edge_ends(fig, rend, edges, &rend->edge_start, from,
                              &index, d->edge_from, err)) ||
        (st = match_edge_ends(fig, rend, edges, &rend->edge_end, to, &index,
                              d->edge_to, err)))
        goto done;
    d->nedges = edges->nrows;

    /* Edge colours, one per edge, from the edge source. */
    d->edge_colors = alloc_array(edges->nrows, sizeof *d->edge_colors);
    st = d->edge_colors == NULL
        ? pp__fail_status(err, PP_ERR_NOMEM)
        : pp__eval_colors(fig, rend, edges, &rend->edge_line.color,
                          rend->edge_line.alpha, d->edge_colors, err);
done:
    free(index.keys);
    free(index.rows);
    pp__free_strings(keys, nodes->nrows);
    pp__free_strings(from, edges != NULL ? edges->nrows : 0);
    pp__free_strings(to, edges != NULL ? edges->nrows : 0);
    return st;
}

/* The value of a bands row: NULL when the row is not marked. */
static const char *band_value(const pp__column *by, size_t row)
{
    if (by->strings[row] == NULL)
        return NULL;
    if (by->kind == PP__COLUMN_NUMBER && by->numbers[row] == 0.0)
        return NULL;
    return by->strings[row];
}

/* The default band width: the smallest positive step between rows. */
static double smallest_step(const double *x, size_t n)
{
    double step = HUGE_VAL;
    size_t i;

    for (i = 1; i < n; i++) {
        double d = fabs(x[i] - x[i - 1]);
        if (d > 0.0 && d < step)
            step = d;
    }
    return isfinite(step) ? step : 1.0;
}

static pp_status eval_bands(pp_figure_t *fig, pp__renderer *rend,
                            const pp__table *table, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    const pp__column *by;
    double *x = alloc_array(table->nrows, sizeof *x), half;
    size_t i, n = 0;
    pp_status st;

    if (x == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    if ((st = pp__eval_numbers(fig, rend, table, &rend->xs[0],
                               fig->xaxis.type, x, err)) ||
        (st = find_column(fig, table, rend->bands_by, &rend->by_loc, rend, &by,
                          err))) {
        free(x);
        return st;
    }
    half = (rend->band_width > 0.0 ? rend->band_width
                                   : smallest_step(x, table->nrows)) / 2.0;
    d->band_left = alloc_array(table->nrows, sizeof *d->band_left);
    d->band_right = alloc_array(table->nrows, sizeof *d->band_right);
    d->band_labels = alloc_array(table->nrows, sizeof *d->band_labels);
    if (d->band_left == NULL || d->band_right == NULL ||
        d->band_labels == NULL) {
        free(x);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }

    /* A run: consecutive rows with the same value; a gap in x ends it. */
    for (i = 0; i < table->nrows; i++) {
        const char *value = band_value(by, i);
        bool extends = n > 0 && value != NULL && i > 0 &&
                       band_value(by, i - 1) != NULL &&
                       strcmp(value, band_value(by, i - 1)) == 0 &&
                       x[i] - x[i - 1] <= 2.0 * half * 1.5;
        if (value == NULL || isnan(x[i]))
            continue;
        if (extends) {
            d->band_right[n - 1] = x[i] + half;
            continue;
        }
        d->band_left[n] = x[i] - half;
        d->band_right[n] = x[i] + half;
        d->band_labels[n] = pp__strdup(value);
        d->n = ++n;
        if (d->band_labels[n - 1] == NULL) {
            free(x);
            return pp__fail_status(err, PP_ERR_NOMEM);
        }
    }
    free(x);
    return PP_OK;
}

/*
 * A max_x_step below every step between rows breaks the line everywhere and
 * draws nothing: most likely a number meant as minutes on a date-time
 * axis, where numbers are milliseconds.
 */
static void warn_step_breaks_all(pp_figure_t *fig, const pp__renderer *rend)
{
    const pp__resolved *d = &rend->data;
    char where[PP_ERROR_MESSAGE_SIZE / 2], described[256], *path;
    pp__loc loc;
    size_t i, steps = 0;

    if (!(rend->max_x_step > 0.0) || rend->loc.path == NULL)
        return;
    for (i = 1; i < d->n; i++) {
        if (!isfinite(d->x[i]) || !isfinite(d->x[i - 1]))
            continue;
        if (d->x[i] - d->x[i - 1] <= rend->max_x_step)
            return;
        steps++;
    }
    if (steps == 0)
        return;
    path = malloc(strlen(rend->loc.path) + sizeof "max_x_step" + 1);
    if (path == NULL)
        return;
    sprintf(path, "%s%cmax_x_step", rend->loc.path, PP__PATH_KEY);
    loc.path = path;
    pp__loc_prefix(fig, &loc, false, where, sizeof where);
    pp__loc_describe(&loc, described, sizeof described);
    free(path);
    pp__warn(&fig->warnings, "%s%s: %g is below every step "
             "between rows, so the line is broken everywhere and not drawn%s",
             where, described, rend->max_x_step,
             fig->xaxis.type == PP__AXIS_DATETIME
                 ? " (on a datetime axis a number is milliseconds: write "
                   "a duration such as \"5min\")" : "");
}

/* legend_field: the column's values in first-seen order, each with its
   first row; missing values get no entry. */
static pp_status eval_legend_groups(pp_figure_t *fig, pp__renderer *rend,
                                    const pp__table *table, pp_error_t *err)
{
    pp__resolved *d = &rend->data;
    string_set seen = {NULL, 0, 0};
    const pp__column *col;
    size_t row;
    pp_status st;

    st = find_column(fig, table, rend->legend_field, &rend->legend_field_loc,
                     rend, &col, err);
    if (st != PP_OK)
        return st;
    d->legend_labels = alloc_array(table->nrows, sizeof *d->legend_labels);
    d->legend_rows = alloc_array(table->nrows, sizeof *d->legend_rows);
    if (d->legend_labels == NULL || d->legend_rows == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    for (row = 0; row < table->nrows && st == PP_OK; row++) {
        const char *text = col->strings[row];
        int added = text != NULL ? set_add(&seen, text) : 0;
        if (added < 0 ||
            (added > 0 &&
             (d->legend_labels[d->nlegend] = pp__strdup(text)) == NULL)) {
            st = pp__fail_status(err, PP_ERR_NOMEM);
            break;
        }
        if (added > 0)
            d->legend_rows[d->nlegend++] = row;
    }
    free(seen.slots);
    return st;
}

static pp_status resolve_glyph(pp_figure_t *fig, pp__renderer *rend,
                               pp__table *table, pp_error_t *err)
{
    pp_status st;

    switch (rend->kind) {
    case PP__GLYPH_LINE:
        if ((st = eval_points(fig, rend, table, err)) != PP_OK)
            return st;
        warn_step_breaks_all(fig, rend);
        /* A line has one colour; a column would colour nothing. */
        if (rend->line.color.kind == PP__SPEC_FIELD)
            return data_fail(fig, &rend->line.color.loc, err, "a line has "
                             "one colour; '%s' is not a colour: %s",
                             rend->line.color.field,
                             pp__color_problem(rend->line.color.field));
        return PP_OK;
    case PP__GLYPH_SEGMENT:
    case PP__GLYPH_MULTI_LINE:
        if ((st = eval_vertices(fig, rend, table, err)) != PP_OK)
            return st;
        return eval_line_colors(fig, rend, table, &rend->line, err);
    case PP__GLYPH_SCATTER:
        if ((st = eval_points(fig, rend, table, err)) != PP_OK)
            return st;
        return eval_markers(fig, rend, table, err);
    case PP__GLYPH_GRAPH:
        return eval_graph(fig, rend, table, err);
    case PP__GLYPH_BANDS:
        return eval_bands(fig, rend, table, err);
    }
    return PP_OK;
}

pp_status pp__resolve_renderer(pp_figure_t *fig, pp__renderer *rend,
                               pp_error_t *err)
{
    pp__table *table;
    pp_status st;

    pp__resolved_free(&rend->data);
    if (pp__stream_line(fig, rend))
        return PP_OK;
    st = pp__source_table(fig, rend->source, &table, err);
    if (st != PP_OK)
        return st;
    st = pp__interact_check(fig, rend, table, err);
    if (st != PP_OK)
        return st;
    st = resolve_glyph(fig, rend, table, err);
    if (st == PP_OK && rend->legend_field != NULL)
        st = eval_legend_groups(fig, rend, table, err);
    return st;
}
