/*
 * Bokeh's tooltip and URL templates: "@count", "@{column name}", "$index",
 * each optionally followed by a {format}, filled from one row of data the
 * way BokehJS 3.10 fills them (core/util/templating.ts), then escaped for
 * an HTML attribute or a URL.
 */
#include "imagemap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Placeholders                                                              */
/* ------------------------------------------------------------------------ */

/* One "@name{format}" in a template; the pointers are into the text. */
typedef struct placeholder {
    char type;                  /* '@' a column, '$' a special variable */
    bool column_of_name;        /* "@$name": Bokeh's column named by $name */
    const char *name;
    size_t name_len;
    const char *format;         /* NULL when none */
    size_t format_len;
    size_t start, end;          /* its span in the text */
} placeholder;

/* Bokeh's names are Unicode letters, digits and '_'; every byte of a
   UTF-8 sequence counts as a letter here. */
static bool is_name_byte(unsigned char c)
{
    return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The length of "{...}" at s (no braces inside, not empty), or 0. */
static size_t braced(const char *s)
{
    size_t n = 1;

    if (s[0] != '{')
        return 0;
    while (s[n] != '\0' && s[n] != '{' && s[n] != '}')
        n++;
    return s[n] == '}' && n > 1 ? n + 1 : 0;
}

/* Trims spaces around a braced name, as Bokeh does. */
static void trim_name(placeholder *ph)
{
    while (ph->name_len > 0 && ph->name[0] == ' ') {
        ph->name++;
        ph->name_len--;
    }
    while (ph->name_len > 0 && ph->name[ph->name_len - 1] == ' ')
        ph->name_len--;
}

/* Reads a placeholder at text + i, if one starts there. */
static bool placeholder_at(const char *text, size_t i, placeholder *ph)
{
    size_t p = i, n;

    memset(ph, 0, sizeof *ph);
    if (text[p] != '@' && text[p] != '$')
        return false;
    ph->type = text[p++];
    if (ph->type == '@' && text[p] == '$') {
        ph->column_of_name = true;
        p++;
    }
    if ((n = braced(text + p)) > 0) {
        ph->name = text + p + 1;
        ph->name_len = n - 2;
        trim_name(ph);
    } else {
        for (n = 0; is_name_byte((unsigned char)text[p + n]); n++)
            ;
        ph->name = text + p;
        ph->name_len = n;
    }
    if (n == 0)
        return false;
    p += n;
    if ((n = braced(text + p)) > 0) {
        ph->format = text + p + 1;
        ph->format_len = n - 2;
        p += n;
    }
    ph->start = i;
    ph->end = p;
    return true;
}

/* The next placeholder at or after *pos; *pos moves past it. */
static bool next_placeholder(const char *text, size_t *pos, placeholder *ph)
{
    size_t i;

    for (i = *pos; text[i] != '\0'; i++) {
        if (placeholder_at(text, i, ph)) {
            *pos = ph->end;
            return true;
        }
    }
    *pos = i;
    return false;
}

static bool name_is(const placeholder *ph, const char *name)
{
    return ph->name_len == strlen(name) &&
           memcmp(ph->name, name, ph->name_len) == 0;
}

static bool is_safe(const placeholder *ph)
{
    return ph->format != NULL && ph->format_len == 4 &&
           memcmp(ph->format, "safe", 4) == 0;
}

/* The literal start of a URL template, up to its first placeholder. */
static bool literal_scheme_allowed(const char *text, char *why, size_t size)
{
    size_t pos = 0;
    placeholder ph;
    char scheme[32], *prefix;
    bool allowed;

    if (!next_placeholder(text, &pos, &ph))
        ph.start = pos;
    prefix = pp__strndup(text, ph.start);
    allowed = prefix == NULL || pp__url_allowed(prefix, scheme, sizeof scheme);
    free(prefix);
    if (!allowed)
        snprintf(why, size, "a link of scheme '%s:' is not allowed: the page "
                 "has no scripts (use http, https, mailto, ftp, file or a "
                 "relative URL)", scheme);
    return allowed;
}

static const char *const special_names[] = {
    "index", "x", "y", "sx", "sy", NULL
};

bool pp__template_check(const char *text, bool url, char *why, size_t size)
{
    size_t pos = 0, k;
    placeholder ph;

    if (url && !literal_scheme_allowed(text, why, size))
        return false;

    while (next_placeholder(text, &pos, &ph)) {
        bool known = ph.type == '@' && !ph.column_of_name;

        for (k = 0; ph.type == '$' && special_names[k] != NULL; k++)
            known |= name_is(&ph, special_names[k]);
        if (ph.column_of_name) {
            snprintf(why, size, "'@$%.*s' is not supported: name the column "
                     "with @", (int)ph.name_len, ph.name);
            return false;
        }
        if (!known) {
            snprintf(why, size, "unknown special variable '$%.*s' (known: "
                     "$index, $x, $y, $sx, $sy)", (int)ph.name_len, ph.name);
            return false;
        }
        if (ph.format != NULL && !is_safe(&ph)) {
            snprintf(why, size, "the format {%.*s} after %c%.*s is not "
                     "supported: values are shown as Bokeh shows them "
                     "without a format; only {safe} is accepted",
                     (int)ph.format_len, ph.format, ph.type,
                     (int)ph.name_len, ph.name);
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------------ */
/* Values                                                                    */
/* ------------------------------------------------------------------------ */

/*
 * printf rounds an exact tie to even; JavaScript's toFixed and
 * toExponential take the larger magnitude. A tie is exactly
 * representable, so stepping one ulp away from zero breaks it upward.
 */
static double break_tie(double value, const char *format)
{
    char exact[80], *digit;
    size_t kept;

    /* The digits after those the format keeps: a tie reads "5000...". */
    pp__format_number(exact, sizeof exact,
                      format[3] == 'f' ? "%.40f" : "%.40e", fabs(value));
    digit = strchr(exact, '.');
    if (digit == NULL)
        return value;
    kept = 3;
    digit += 1 + kept;
    if (*digit != '5')
        return value;
    for (digit++; *digit >= '0' && *digit <= '9'; digit++)
        if (*digit != '0')
            return value;
    return nextafter(value, value < 0 ? -INFINITY : INFINITY);
}

/* toExponential writes "e+5" where printf writes "e+05". */
static void js_exponent(char *buf)
{
    char *e = strchr(buf, 'e');

    if (e == NULL || (e[1] != '+' && e[1] != '-'))
        return;
    e += 2;
    while (e[0] == '0' && e[1] != '\0')
        memmove(e, e + 1, strlen(e));
}

void pp__format_value(char *buf, size_t size, double value)
{
    if (isnan(value)) {
        snprintf(buf, size, "NaN");
    } else if (isinf(value)) {
        snprintf(buf, size, "%sInfinity", value < 0 ? "-" : "");
    } else if (value == floor(value)) {
        /* sprintf-js's %d drops the sign of -0. */
        pp__format_number(buf, size, "%.0f", value == 0 ? 0.0 : value);
    } else if (fabs(value) > 0.1 && fabs(value) < 1000) {
        pp__format_number(buf, size, "%.3f", break_tie(value, "%.3f"));
    } else {
        pp__format_number(buf, size, "%.3e", break_tie(value, "%.3e"));
        js_exponent(buf);
    }
}

static const pp__column *find_column_n(const pp__table *table,
                                       const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < table->ncols; i++) {
        const char *col = table->columns[i].name;
        if (strlen(col) == len && memcmp(col, name, len) == 0)
            return &table->columns[i];
    }
    return NULL;
}

/* A column's cell: text as written, numbers as Bokeh formats them. */
static void cell_text(const pp__column *col, size_t row, char *buf,
                      size_t size, const char **text)
{
    if (col->kind == PP__COLUMN_NUMBER) {
        pp__format_value(buf, size, col->numbers[row]);
        *text = buf;
    } else {
        *text = col->strings[row] != NULL ? col->strings[row] : "NaN";
    }
}

static void special_text(const placeholder *ph, const pp__template_row *r,
                         char *buf, size_t size)
{
    if (name_is(ph, "index"))
        snprintf(buf, size, "%zu", r->row);
    else if (name_is(ph, "x"))
        pp__format_value(buf, size, r->x);
    else if (name_is(ph, "y"))
        pp__format_value(buf, size, r->y);
    else if (name_is(ph, "sx"))
        pp__format_value(buf, size, r->sx);
    else
        pp__format_value(buf, size, r->sy);
}

void pp__template_fill(pp__str *out, const char *text,
                       const pp__template_row *row, bool url)
{
    size_t pos = 0, literal = 0;
    placeholder ph;

    while (next_placeholder(text, &pos, &ph)) {
        char buf[64];
        const char *value = buf;

        pp__str_append(out, text + literal, ph.start - literal);
        literal = ph.end;
        if (ph.type == '$') {
            special_text(&ph, row, buf, sizeof buf);
        } else {
            const pp__column *col = find_column_n(row->table, ph.name,
                                                  ph.name_len);
            if (col == NULL)
                value = "???";  /* Bokeh's mark; checked away before */
            else
                cell_text(col, row->row, buf, sizeof buf, &value);
        }
        if (url && !is_safe(&ph))
            pp__url_encode(out, value, strlen(value));
        else
            pp__str_puts(out, value);
    }
    pp__str_append(out, text + literal, strlen(text + literal));
}

/* ------------------------------------------------------------------------ */
/* Escaping                                                                  */
/* ------------------------------------------------------------------------ */

void pp__html_escape(pp__str *out, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t run = 0;

    /* Plain bytes are copied in runs; the rest one by one. */
    for (;; p++) {
        const char *entity = NULL;

        switch (*p) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        case '\n': entity = "&#10;"; break;
        case '\r': entity = p[1] == '\n' ? "" : "&#10;"; break;
        case '\t': break;
        default:
            if (*p != '\0' && (*p < 0x20 || *p == 0x7f))
                entity = "\xef\xbf\xbd";
        }
        if (entity == NULL && *p != '\0') {
            run++;
            continue;
        }
        pp__str_append(out, (const char *)p - run, run);
        run = 0;
        if (*p == '\0')
            return;
        pp__str_puts(out, entity);
    }
}

void pp__url_encode(pp__str *out, const char *text, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        char escaped[3];

        if ((c < 0x80 && is_name_byte(c)) ||
            (c != '\0' && strchr("-.!~*'()", c) != NULL)) {
            pp__str_append(out, text + i, 1);
            continue;
        }
        escaped[0] = '%';
        escaped[1] = hex[c >> 4];
        escaped[2] = hex[c & 15];
        pp__str_append(out, escaped, 3);
    }
}

bool pp__url_allowed(const char *url, char *scheme, size_t size)
{
    static const char *const allowed[] = {
        "http", "https", "mailto", "ftp", "file", NULL};
    char name[32];
    size_t n = 0, k;
    const unsigned char *p = (const unsigned char *)url;

    /* A browser skips leading spaces and controls and drops tabs and line
       breaks anywhere, so "java\nscript:" is a javascript: URL. */
    while (*p != '\0' && *p <= ' ')
        p++;
    for (; *p != '\0' && *p != ':'; p++) {
        if (*p == '\t' || *p == '\n' || *p == '\r')
            continue;
        if (!(((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') ||
              (n > 0 && ((*p >= '0' && *p <= '9') || *p == '+' ||
                         *p == '-' || *p == '.'))))
            return true;        /* not a scheme: a relative URL */
        if (n + 1 < sizeof name)
            name[n++] = (char)(*p | 0x20);
    }
    name[n] = '\0';
    if (*p != ':' || n == 0)
        return true;
    for (k = 0; allowed[k] != NULL; k++)
        if (strcmp(name, allowed[k]) == 0)
            return true;
    snprintf(scheme, size, "%s", name);
    return false;
}

/* ------------------------------------------------------------------------ */
/* The model                                                                 */
/* ------------------------------------------------------------------------ */

void pp__interact_free(pp__interact *interact)
{
    size_t i;

    for (i = 0; i < interact->ntooltips; i++) {
        free(interact->tooltips[i].label);
        free(interact->tooltips[i].text);
        pp__loc_free(&interact->tooltips[i].loc);
    }
    free(interact->tooltips);
    free(interact->tap_url);
    pp__loc_free(&interact->tap_loc);
    memset(interact, 0, sizeof *interact);
}

void pp__interact_effective(const pp_figure_t *fig, const pp__renderer *rend,
                            pp__interact *out)
{
    const pp__interact *own = &rend->interact, *all = &fig->interact;

    /* Bands have no areas on the page, so the figure's templates, written
       for the rows of the other renderers, are not theirs to check. */
    if (rend->kind == PP__GLYPH_BANDS) {
        memset(out, 0, sizeof *out);
        return;
    }
    *out = own->tooltips_given ? *own : *all;
    out->tap_given = own->tap_given || all->tap_given;
    out->tap_url = own->tap_given ? own->tap_url : all->tap_url;
    out->tap_same_tab = own->tap_given ? own->tap_same_tab
                                       : all->tap_same_tab;
    out->tap_loc = own->tap_given ? own->tap_loc : all->tap_loc;
}

/* "fig.json:9:30: tooltips[1][1]: line renderer renderers[0]: column..." */
static pp_status unknown_column(pp_figure_t *fig, const pp__renderer *rend,
                                const pp__table *table, const pp__loc *loc,
                                const placeholder *ph, pp_error_t *err)
{
    char prefix[512], where[256], which[256] = "";
    char *columns = pp__table_column_list(table);
    char *advice = pp__table_column_advice(table, ph->name, ph->name_len);
    pp_status st;

    pp__loc_prefix(fig, loc, false, prefix, sizeof prefix);
    pp__loc_describe(loc, where, sizeof where);
    if (loc->path == NULL || rend->loc.path == NULL ||
        strncmp(loc->path, rend->loc.path, strlen(rend->loc.path)) != 0) {
        which[0] = ' ';
        pp__loc_describe(&rend->loc, which + 1, sizeof which - 1);
    }
    st = pp__fail(err, PP_ERR_DATA, "%s%s: %s renderer%s: column '%.*s' is "
                  "not in %s, whose columns are: %s%s", prefix, where,
                  pp__glyph_name(rend->kind), which, (int)ph->name_len,
                  ph->name, table->path, columns != NULL ? columns : "(none)",
                  advice != NULL ? advice : "");
    free(columns);
    free(advice);
    return st;
}

static pp_status check_template(pp_figure_t *fig, const pp__renderer *rend,
                                const pp__table *table, const char *text,
                                const pp__loc *loc, pp_error_t *err)
{
    size_t pos = 0;
    placeholder ph;

    while (text != NULL && next_placeholder(text, &pos, &ph))
        if (ph.type == '@' &&
            find_column_n(table, ph.name, ph.name_len) == NULL)
            return unknown_column(fig, rend, table, loc, &ph, err);
    return PP_OK;
}

/* Whether every @column of text is a name among the header's fields. */
static bool template_in_header(const char *text, const pp__csv_field *fields,
                               size_t nfields)
{
    size_t pos = 0, i;
    placeholder ph;

    while (text != NULL && next_placeholder(text, &pos, &ph)) {
        if (ph.type != '@')
            continue;
        for (i = 0; i < nfields; i++)
            if (fields[i].len == ph.name_len &&
                memcmp(fields[i].text, ph.name, ph.name_len) == 0)
                break;
        if (i == nfields)
            return false;
    }
    return true;
}

bool pp__interact_in_header(const pp_figure_t *fig, const pp__renderer *rend,
                            const pp__csv_field *fields, size_t nfields)
{
    pp__interact use;
    size_t i;

    pp__interact_effective(fig, rend, &use);
    for (i = 0; i < use.ntooltips; i++)
        if (!template_in_header(use.tooltips[i].text, fields, nfields))
            return false;
    return template_in_header(use.tap_url, fields, nfields);
}

pp_status pp__interact_check(pp_figure_t *fig, const pp__renderer *rend,
                             const pp__table *table, pp_error_t *err)
{
    pp__interact use;
    pp_status st;
    size_t i;

    pp__interact_effective(fig, rend, &use);
    for (i = 0; i < use.ntooltips; i++) {
        st = check_template(fig, rend, table, use.tooltips[i].text,
                            &use.tooltips[i].loc, err);
        if (st != PP_OK)
            return st;
    }
    return check_template(fig, rend, table, use.tap_url, &use.tap_loc, err);
}
