/*
 * Reading a JSON figure spec into the figure model.
 *
 * jansson parses the text; this file checks every key and value against
 * what the model accepts. Each object kind has a list of known keys, so a
 * typo is reported (with the nearest known key) instead of being ignored:
 * a misspelt property must never silently draw a different figure.
 *
 * Keys written with dots, as a Bokeh notebook sets attributes
 * ("xaxis.axis_label": "Time" for p.xaxis.axis_label = "Time"), are
 * expanded into nested objects first.
 */
#include "model.h"
#include "imagemap.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    pp_figure_t *fig;
    pp_error_t *err;
    int max_side;
} reader;

/* ------------------------------------------------------------------------ */
/* Paths and messages                                                        */
/* ------------------------------------------------------------------------ */

static char *path_key(const char *parent, const char *key)
{
    size_t plen = parent != NULL ? strlen(parent) : 0;
    size_t klen = strlen(key);
    char *path = malloc(plen + klen + 2);

    if (path == NULL)
        return NULL;
    if (plen > 0)
        memcpy(path, parent, plen);
    path[plen] = PP__PATH_KEY;
    memcpy(path + plen + 1, key, klen + 1);
    return path;
}

static char *path_index(const char *parent, size_t index)
{
    char segment[32];
    size_t plen = parent != NULL ? strlen(parent) : 0;
    char *path;

    snprintf(segment, sizeof segment, "%c%zu", PP__PATH_INDEX, index);
    path = malloc(plen + strlen(segment) + 1);
    if (path == NULL)
        return NULL;
    if (plen > 0)
        memcpy(path, parent, plen);
    strcpy(path + plen, segment);
    return path;
}

static pp_status spec_fail(reader *r, const char *path, bool at_key,
                           const char *fmt, ...) PP__PRINTF(4, 5);

/* Fails with "spec.json:LINE:COL: PATH: message". */
static pp_status spec_fail(reader *r, const char *path, bool at_key,
                           const char *fmt, ...)
{
    char prefix[512], where[256], message[PP_ERROR_MESSAGE_SIZE];
    pp__loc loc = {(char *)path};
    va_list args;

    va_start(args, fmt);
    pp__vformat(message, sizeof message, fmt, args);
    va_end(args);
    pp__loc_prefix(r->fig, &loc, at_key, prefix, sizeof prefix);
    pp__loc_describe(&loc, where, sizeof where);
    if (where[0] != '\0')
        return pp__fail(r->err, PP_ERR_SPEC, "%s%s: %s", prefix, where,
                        message);
    return pp__fail(r->err, PP_ERR_SPEC, "%s%s", prefix, message);
}

static pp_status nomem(reader *r)
{
    return pp__fail_status(r->err, PP_ERR_NOMEM);
}

static const char *json_type_name(const json_t *value)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "a list";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* ------------------------------------------------------------------------ */
/* Known keys                                                                */
/* ------------------------------------------------------------------------ */

static bool in_list(const char *key, const char *const *known)
{
    for (; *known != NULL; known++)
        if (strcmp(key, *known) == 0)
            return true;
    return false;
}

/* Bokeh's dash properties (line_dash, border_line_dash_offset...). */
static bool is_dash_key(const char *key)
{
    size_t n = strlen(key);

    return (n >= 9 && strcmp(key + n - 9, "line_dash") == 0) ||
           (n >= 16 && strcmp(key + n - 16, "line_dash_offset") == 0);
}

/* The known key closest to a typo, or NULL when none is close. */
static const char *nearest_key(const char *key, const char *const *known)
{
    pp__nearest n;

    pp__nearest_init(&n, key);
    for (; *known != NULL; known++)
        pp__nearest_offer(&n, *known);
    return pp__nearest_found(&n);
}

/* The keys of a bands renderer (here: check_keys names the ones they lack). */
static const char *const bands_keys[] = {
    "glyph", "source", "legend_label", "x", "by", "width", "color", "alpha",
    "fill_color", "fill_alpha", "label", "label_prefix",
    "label_text_font_size", "label_text_color", NULL
};

static pp_status check_keys(reader *r, json_t *obj, const char *path,
                            const char *const *known)
{
    const char *key;
    json_t *value;

    json_object_foreach(obj, key, value) {
        char *key_path;
        const char *hint;
        pp_status st;

        if (in_list(key, known))
            continue;
        /* A band's "tooltips": null says what bands have anyway: none. */
        if (known == bands_keys && json_is_null(value) &&
            (strcmp(key, "tooltips") == 0 || strcmp(key, "tap") == 0))
            continue;
        if (strlen(key) > 60) {
            /* Garbage rather than a typo: quoted whole, it would crowd
               the rest of the message out. */
            char shown[64];
            size_t keep = 57;
            while (keep > 0 && ((unsigned char)key[keep] & 0xC0) == 0x80)
                keep--;
            snprintf(shown, sizeof shown, "%.*s...", (int)keep, key);
            key_path = path_key(path, shown);
            if (key_path == NULL)
                return nomem(r);
            st = spec_fail(r, key_path, true, "unknown key '%s' (%zu bytes)",
                           shown, strlen(key));
            free(key_path);
            return st;
        }
        key_path = path_key(path, key);
        if (key_path == NULL)
            return nomem(r);
        hint = nearest_key(key, known);
        if (strcmp(key, "radius") == 0 && in_list("size", known))
            st = spec_fail(r, key_path, true, "unknown key 'radius': markers "
                           "take \"size\", a diameter in pixels, as Bokeh's "
                           "scatter does");
        else if (is_dash_key(key))
            st = spec_fail(r, key_path, true, "%s is not supported: lines "
                           "are solid", key);
        else if ((strcmp(key, "tooltips") == 0 || strcmp(key, "tap") == 0) &&
                 known == bands_keys)
            st = spec_fail(r, key_path, true, "bands take no %s: the HTML "
                           "page has areas for lines, segments, markers and "
                           "graph nodes only", key);
        else if (strcmp(key, "legend") == 0 && in_list("legend_label", known))
            st = spec_fail(r, key_path, true, "unknown key 'legend': use "
                           "\"legend_label\" ('legend' is Bokeh's old, "
                           "deprecated alias of it)");
        else if (hint != NULL)
            st = spec_fail(r, key_path, true,
                           "unknown key '%s'; did you mean '%s'?", key, hint);
        else
            st = spec_fail(r, key_path, true, "unknown key '%s'", key);
        free(key_path);
        return st;
    }
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Dotted keys                                                               */
/* ------------------------------------------------------------------------ */

/* Objects whose properties may be set with "object.property" keys. */
static const char *const dotted_parents[] = {
    "title", "xaxis", "yaxis", "axis", "xgrid", "ygrid", "grid", "legend",
    "x_range", "y_range", NULL
};

/* Moves "a.b": v into "a": {"b": v} (recursively for "a.b.c"). */
static pp_status expand_dotted_keys(reader *r, json_t *root)
{
    const char *key;
    json_t *value;
    void *tmp;

    json_object_foreach_safe(root, tmp, key, value) {
        const char *dot = strchr(key, '.');
        char parent[64];
        json_t *nested;

        if (dot == NULL || (size_t)(dot - key) >= sizeof parent)
            continue;
        memcpy(parent, key, (size_t)(dot - key));
        parent[dot - key] = '\0';
        if (!in_list(parent, dotted_parents))
            continue;

        nested = json_object_get(root, parent);
        if (json_is_string(nested) && strcmp(parent, "title") == 0) {
            /* figure(title="T") then p.title.align = "center". */
            json_t *text = json_pack("{s:O}", "text", nested);
            if (text == NULL || json_object_set_new(root, parent, text))
                return nomem(r);
            nested = text;
        }
        if (nested == NULL) {
            nested = json_object();
            if (nested == NULL || json_object_set_new(root, parent, nested))
                return nomem(r);
        } else if (!json_is_object(nested)) {
            char *p = path_key(NULL, key);
            pp_status st = p == NULL ? nomem(r)
                : spec_fail(r, p, true, "'%s' sets a property of '%s', "
                            "which is not an object here", key, parent);
            free(p);
            return st;
        }
        if (json_object_get(nested, dot + 1) != NULL) {
            char *p = path_key(NULL, key);
            pp_status st = p == NULL ? nomem(r)
                : spec_fail(r, p, true, "'%s' is set twice", key);
            free(p);
            return st;
        }
        if (json_object_set(nested, dot + 1, value) != 0)
            return nomem(r);
        json_object_del(root, key);
    }
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Typed values                                                              */
/* ------------------------------------------------------------------------ */

/*
 * Each getter reads obj[key] when present, leaving *out unchanged (the
 * default) when the key is absent.
 */

static pp_status get_number(reader *r, json_t *obj, const char *path,
                            const char *key, double min, double max,
                            double *out)
{
    json_t *value = json_object_get(obj, key);
    char *p;
    double v;
    pp_status st = PP_OK;

    if (value == NULL)
        return PP_OK;
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    if (!json_is_number(value)) {
        st = spec_fail(r, p, false, "must be a number, not %s",
                       json_type_name(value));
    } else {
        v = json_number_value(value);
        if (!isfinite(v) || v < min || v > max)
            st = spec_fail(r, p, false, "must be between %g and %g, not %g",
                           min, max, v);
        else
            *out = v;
    }
    free(p);
    return st;
}

static pp_status get_int(reader *r, json_t *obj, const char *path,
                         const char *key, int min, int max, const char *unit,
                         int *out)
{
    json_t *value = json_object_get(obj, key);
    char *p;
    pp_status st = PP_OK;

    if (value == NULL)
        return PP_OK;
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    if (json_is_string(value)) {
        st = spec_fail(r, p, false,
                       "must be a number of %s, not a string (\"%s\")", unit,
                       json_string_value(value));
    } else if (!json_is_number(value)) {
        st = spec_fail(r, p, false, "must be a number of %s, not %s",
                       unit, json_type_name(value));
    } else {
        double v = json_number_value(value);
        if (v != floor(v))
            st = spec_fail(r, p, false, "must be a whole number of %s, "
                           "not %g", unit, v);
        else if (v < min || v > max)
            st = spec_fail(r, p, false, "must be between %d and %d %s, "
                           "not %g", min, max, unit, v);
        else
            *out = (int)v;
    }
    free(p);
    return st;
}

static pp_status get_bool(reader *r, json_t *obj, const char *path,
                          const char *key, bool *out)
{
    json_t *value = json_object_get(obj, key);
    char *p;
    pp_status st;

    if (value == NULL)
        return PP_OK;
    if (json_is_boolean(value)) {
        *out = json_is_true(value);
        return PP_OK;
    }
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    st = spec_fail(r, p, false, "must be true or false, not %s",
                   json_type_name(value));
    free(p);
    return st;
}

/* A string; *out is replaced (the old value freed). null clears it. */
static pp_status get_string(reader *r, json_t *obj, const char *path,
                            const char *key, char **out)
{
    json_t *value = json_object_get(obj, key);
    char *p, *copy;
    pp_status st;

    if (value == NULL)
        return PP_OK;
    if (json_is_null(value)) {
        free(*out);
        *out = NULL;
        return PP_OK;
    }
    if (json_is_string(value)) {
        copy = pp__strdup(json_string_value(value));
        if (copy == NULL)
            return nomem(r);
        free(*out);
        *out = copy;
        return PP_OK;
    }
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    st = spec_fail(r, p, false, "must be a string, not %s",
                   json_type_name(value));
    free(p);
    return st;
}

/* A string naming one of choices; *out receives its index. */
static pp_status get_choice(reader *r, json_t *obj, const char *path,
                            const char *key, const char *const *choices,
                            int *out)
{
    json_t *value = json_object_get(obj, key);
    pp__str list = {0};
    char *p;
    pp_status st;
    int i;

    if (value == NULL)
        return PP_OK;
    if (json_is_string(value)) {
        for (i = 0; choices[i] != NULL; i++) {
            if (strcmp(json_string_value(value), choices[i]) == 0) {
                *out = i;
                return PP_OK;
            }
        }
    }
    for (i = 0; choices[i] != NULL; i++)
        pp__str_printf(&list, "%s%s", i ? ", " : "", choices[i]);
    p = path_key(path, key);
    if (p == NULL || list.failed) {
        free(p);
        pp__str_free(&list);
        return nomem(r);
    }
    if (json_is_string(value))
        st = spec_fail(r, p, false, "must be one of %s, not '%s'",
                       list.data, json_string_value(value));
    else
        st = spec_fail(r, p, false, "must be one of %s, not %s",
                       list.data, json_type_name(value));
    free(p);
    pp__str_free(&list);
    return st;
}

/* A colour, or null for none (alpha 0). */
static pp_status parse_color_value(reader *r, json_t *value, const char *p,
                                   pp_color_t *out)
{
    if (json_is_null(value)) {
        *out = (pp_color_t){0, 0, 0, 0.0f};
        return PP_OK;
    }
    if (json_is_string(value) &&
        pp_color_parse(json_string_value(value), out) == PP_OK)
        return PP_OK;
    if (json_is_string(value))
        return spec_fail(r, p, false, "'%s' is not a colour: %s",
                         json_string_value(value),
                         pp__color_problem(json_string_value(value)));
    return spec_fail(r, p, false, "must be a colour string or null, "
                     "not %s", json_type_name(value));
}

static pp_status get_color(reader *r, json_t *obj, const char *path,
                           const char *key, pp_color_t *out)
{
    json_t *value = json_object_get(obj, key);
    float alpha = out->a;
    char *p;
    pp_status st;

    if (value == NULL)
        return PP_OK;
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    st = parse_color_value(r, value, p, out);
    free(p);
    /* A colour without its own alpha keeps the property's alpha. */
    if (st == PP_OK && !json_is_null(value) && out->a == 1.0f)
        out->a = alpha;
    return st;
}

/* An alpha in 0..1 that scales a colour's own alpha. */
static pp_status get_alpha(reader *r, json_t *obj, const char *path,
                           const char *key, float *alpha)
{
    double v = *alpha;
    pp_status st = get_number(r, obj, path, key, 0.0, 1.0, &v);

    *alpha = (float)v;
    return st;
}

/*
 * A CSS number at s: digits with an optional fraction and exponent ("13",
 * "1.5", ".5", "1e3"), with an optional sign. Returns its length, 0 if
 * there is none. An "e" not followed by digits is not an exponent, so
 * "2em" is 2 and "em".
 */
static size_t css_number_length(const char *s)
{
    size_t i = 0, digits = 0;

    if (s[i] == '+' || s[i] == '-')
        i++;
    for (; s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (digits == 0)
        return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1;
        if (s[j] == '+' || s[j] == '-')
            j++;
        if (s[j] >= '0' && s[j] <= '9') {
            while (s[j] >= '0' && s[j] <= '9')
                j++;
            i = j;
        }
    }
    return i;
}

/*
 * Pixels per unit for px, pt (4/3 px, as in CSS) and em (16 px), else 0.
 * Units are in any case, as in CSS ("13PX").
 */
static double font_unit_scale(const char *unit, size_t len)
{
    char lower[2];

    if (len != 2)
        return 0.0;
    lower[0] = (char)(unit[0] | 0x20);
    lower[1] = (char)(unit[1] | 0x20);
    if (memcmp(lower, "px", 2) == 0)
        return 1.0;
    if (memcmp(lower, "pt", 2) == 0)
        return 4.0 / 3.0;
    if (memcmp(lower, "em", 2) == 0)
        return 16.0;
    return 0.0;
}

static size_t unit_length(const char *s)
{
    size_t n = 0;

    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
           s[n] == '%')
        n++;
    return n;
}

typedef enum font_size_fault {
    FONT_SIZE_OK,
    FONT_SIZE_NOT_NUMBER,
    FONT_SIZE_NO_UNIT,
    FONT_SIZE_UNKNOWN_UNIT,
    FONT_SIZE_TRAILING,         /* "13px;" */
    FONT_SIZE_NEGATIVE,
    FONT_SIZE_TOO_LARGE
} font_size_fault;

/*
 * Reads a font size strictly as CSS writes one: a number and its unit
 * with nothing around or between them (Bokeh's FontSize refuses spaces
 * too). CSS allows an exponent ("1.5e1px" is 15px), so pngplot does.
 */
static font_size_fault parse_font_size(const char *text, double *px)
{
    size_t nlen = css_number_length(text);
    const char *unit = text + nlen;
    size_t ulen = unit_length(unit);
    double v = 0.0, scale = font_unit_scale(unit, ulen);

    if (nlen == 0 || (ulen == 0 && unit[0] != '\0'))
        return FONT_SIZE_NOT_NUMBER;
    if (ulen == 0)
        return FONT_SIZE_NO_UNIT;
    if (scale == 0.0)
        return FONT_SIZE_UNKNOWN_UNIT;
    if (unit[ulen] != '\0')
        return FONT_SIZE_TRAILING;
    /* An exponent past a double's range ("1e400px") is too large too. */
    if (!pp__parse_number(text, nlen, &v) || !(v * scale <= 1000.0))
        return v < 0.0 ? FONT_SIZE_NEGATIVE : FONT_SIZE_TOO_LARGE;
    if (!(v >= 0.0))
        return FONT_SIZE_NEGATIVE;
    *px = v * scale;
    return FONT_SIZE_OK;
}

/*
 * " 13px", "13 px": the size without spaces around its number and unit,
 * when that reads as one (so the message can show it).
 */
static bool font_size_without_spaces(const char *text, char *out,
                                     size_t size)
{
    size_t nlen, ulen, n;
    double px;

    text += strspn(text, " \t");
    nlen = css_number_length(text);
    n = nlen + strspn(text + nlen, " \t");
    ulen = unit_length(text + n);
    if (nlen == 0 || ulen == 0 || nlen + ulen >= size ||
        text[n + ulen + strspn(text + n + ulen, " \t")] != '\0')
        return false;
    memcpy(out, text, nlen);
    memcpy(out + nlen, text + n, ulen);
    out[nlen + ulen] = '\0';
    return parse_font_size(out, &px) == FONT_SIZE_OK;
}

/*
 * A font size with a unit: "13px", "10pt" (1pt = 4/3 px, as in CSS) or
 * "1.2em" (of 16px, the browser default). "0pt" draws nothing. A message
 * says what is wrong with the text, and shows the fix when there is one.
 */
static pp_status get_font_size(reader *r, json_t *obj, const char *path,
                               const char *key, double *px)
{
    json_t *value = json_object_get(obj, key);
    const char *text, *unit;
    char *p, fixed[64];
    size_t nlen, ulen;
    double v = 0.0;
    pp_status st;

    if (value == NULL)
        return PP_OK;
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    if (!json_is_string(value)) {
        st = spec_fail(r, p, false, "must be a string with a unit such as "
                       "\"13px\" or \"10pt\", not %s",
                       json_type_name(value));
        free(p);
        return st;
    }
    text = json_string_value(value);
    nlen = css_number_length(text);
    unit = text + nlen;
    ulen = unit_length(unit);
    if (nlen > 0)
        pp__parse_number(text, nlen, &v);

    switch (parse_font_size(text, px)) {
    case FONT_SIZE_OK:
        st = PP_OK;
        break;
    case FONT_SIZE_NO_UNIT:
        if (font_size_without_spaces(text, fixed, sizeof fixed))
            goto spaces;
        st = spec_fail(r, p, false, "'%s' needs a unit: px, pt or em "
                       "(for example \"%gpx\")", text, v);
        break;
    case FONT_SIZE_UNKNOWN_UNIT:
        if (unit[0] == '%' && unit[1] == '\0') {
            /* A percentage of the parent's size, 16px here, as em is. */
            if (v >= 0.0 && v / 100.0 * 16.0 <= 1000.0)
                st = spec_fail(r, p, false, "'%s': percentages are not "
                               "supported; write \"%gem\" (of 16px)", text,
                               v / 100.0);
            else
                st = spec_fail(r, p, false, "'%s': percentages are not "
                               "supported (use px, pt or em), and a font "
                               "size is between 0 and 1000px", text);
            break;
        }
        st = spec_fail(r, p, false, "'%s' has the unit '%.*s', which pngplot "
                       "does not know: use px, pt or em (for example "
                       "\"%gpx\")", text, (int)ulen, unit, v);
        break;
    case FONT_SIZE_TRAILING:
        if (font_size_without_spaces(text, fixed, sizeof fixed))
            goto spaces;
        st = spec_fail(r, p, false, "'%s' has text after its unit: write "
                       "\"%.*s\"", text, (int)(nlen + ulen), text);
        break;
    case FONT_SIZE_NEGATIVE:
        st = spec_fail(r, p, false, "'%s' must be between 0 and 1000px",
                       text);
        break;
    case FONT_SIZE_TOO_LARGE:
        st = spec_fail(r, p, false, "'%s' is too large: font sizes go up to "
                       "1000px", text);
        break;
    default:
        if (font_size_without_spaces(text, fixed, sizeof fixed))
            goto spaces;
        st = spec_fail(r, p, false, "'%s' is not a font size such as "
                       "\"13px\" or \"10pt\"", text);
        break;
    }
    free(p);
    return st;

spaces:
    st = spec_fail(r, p, false, "'%s' has spaces: a font size is written "
                   "without them, as \"%s\"", text, fixed);
    free(p);
    return st;
}

static const char *const font_styles[] = {"normal", "bold", "italic", NULL};
static const char *const align_names[] = {"left", "center", "right", NULL};
static const char *const cap_names[] = {"butt", "round", "square", NULL};
static const char *const join_names[] = {"miter", "round", "bevel", NULL};

static pp_status get_font_style(reader *r, json_t *obj, const char *path,
                                const char *key, pp_font_style *out)
{
    int choice = (int)*out;
    pp_status st = get_choice(r, obj, path, key, font_styles, &choice);

    *out = (pp_font_style)choice;
    return st;
}

/* ------------------------------------------------------------------------ */
/* Data specs and transforms                                                 */
/* ------------------------------------------------------------------------ */

typedef enum spec_type {
    NUMBER_SPEC,
    COLOR_SPEC,
    TEXT_SPEC       /* a column's text, such as a node index an edge names */
} spec_type;

static pp_status read_string_list(reader *r, json_t *array, const char *path,
                                  char ***out, size_t *n)
{
    size_t i;

    if (!json_is_array(array))
        return spec_fail(r, path, false, "must be a list of strings, "
                         "not %s", json_type_name(array));
    *out = calloc(json_array_size(array) + 1, sizeof **out);
    if (*out == NULL)
        return nomem(r);
    for (i = 0; i < json_array_size(array); i++) {
        json_t *item = json_array_get(array, i);
        if (!json_is_string(item)) {
            char *p = path_index(path, i);
            pp_status st = p == NULL ? nomem(r)
                : spec_fail(r, p, false, "must hold strings, not %s",
                            json_type_name(item));
            free(p);
            return st;
        }
        (*out)[i] = pp__strdup(json_string_value(item));
        if ((*out)[i] == NULL)
            return nomem(r);
        *n = i + 1;
    }
    return PP_OK;
}

static pp_status read_palette(reader *r, json_t *array, const char *path,
                              pp__transform *t)
{
    size_t i;

    if (!json_is_array(array) || json_array_size(array) == 0)
        return spec_fail(r, path, false, "palette must be a non-empty list "
                         "of colours");
    t->palette = calloc(json_array_size(array), sizeof *t->palette);
    if (t->palette == NULL)
        return nomem(r);
    for (i = 0; i < json_array_size(array); i++) {
        char *p = path_index(path, i);
        pp_status st = p == NULL ? nomem(r)
            : parse_color_value(r, json_array_get(array, i), p,
                                &t->palette[i]);
        free(p);
        if (st != PP_OK)
            return st;
    }
    t->npalette = json_array_size(array);
    return PP_OK;
}

static const char *const transform_types[] = {
    "where", "factor_index", "threshold_cmap", "factor_cmap", "replace", NULL
};

/*
 * One rule of a replace, "pattern" (checked to compile) and "with": the
 * transform's own keys, or an item of its "rules".
 */
static pp_status read_replace_rule(reader *r, json_t *obj, const char *path,
                                   bool in_rules, pp__transform *t)
{
    static const char *const rule_keys[] = {"pattern", "with", NULL};
    size_t i = t->nrules;
    regex_t compiled;
    char message[160];
    int code;
    pp_status st;

    if (in_rules && !json_is_object(obj))
        return spec_fail(r, path, false, "a rule must be {\"pattern\": "
                         "\"...\", \"with\": \"...\"}");
    t->nrules = i + 1;
    if ((in_rules && (st = check_keys(r, obj, path, rule_keys))) ||
        (st = get_string(r, obj, path, "pattern", &t->patterns[i])) ||
        (st = get_string(r, obj, path, "with", &t->replacements[i])))
        return st;
    if (t->patterns[i] == NULL || t->replacements[i] == NULL)
        return spec_fail(r, path, false, "a 'replace' %s needs \"pattern\" "
                         "(a regular expression) and \"with\"",
                         in_rules ? "rule" : "transform");
    code = regcomp(&compiled, t->patterns[i], REG_EXTENDED);
    if (code != 0) {
        char *p = path_key(path, "pattern");
        regerror(code, &compiled, message, sizeof message);
        st = p == NULL ? nomem(r)
            : spec_fail(r, p, false, "'%s' is not a regular expression: %s",
                        t->patterns[i], message);
        free(p);
        return st;
    }
    regfree(&compiled);
    return PP_OK;
}

/*
 * replace: {"pattern": POSIX extended regex, "with": text}, or
 * {"rules": [{"pattern": ..., "with": ...}, ...]} of which the first that
 * matches applies.
 */
static pp_status read_replace(reader *r, json_t *obj, const char *path,
                              pp__transform *t)
{
    static const char *const keys[] = {"type", "pattern", "with", "rules",
                                       NULL};
    json_t *rules = json_object_get(obj, "rules");
    size_t i, n = json_is_array(rules) ? json_array_size(rules) : 1;
    char *rules_path;
    pp_status st;

    if ((st = check_keys(r, obj, path, keys)) != PP_OK)
        return st;
    if (rules != NULL && (json_object_get(obj, "pattern") != NULL ||
                          json_object_get(obj, "with") != NULL))
        return spec_fail(r, path, false, "a 'replace' transform has "
                         "\"pattern\" and \"with\", or \"rules\", not both");
    t->patterns = calloc(n + 1, sizeof *t->patterns);
    t->replacements = calloc(n + 1, sizeof *t->replacements);
    if (t->patterns == NULL || t->replacements == NULL)
        return nomem(r);
    if (rules == NULL)
        return read_replace_rule(r, obj, path, false, t);

    if ((rules_path = path_key(path, "rules")) == NULL)
        return nomem(r);
    if (!json_is_array(rules) || n == 0)
        st = spec_fail(r, rules_path, false, "\"rules\" must be a non-empty "
                       "list of {\"pattern\": \"...\", \"with\": \"...\"}");
    for (i = 0; i < n && st == PP_OK && json_is_array(rules); i++) {
        char *p = path_index(rules_path, i);
        st = p == NULL ? nomem(r)
            : read_replace_rule(r, json_array_get(rules, i), p, true, t);
        free(p);
    }
    free(rules_path);
    return st;
}

static pp_status read_transform_body(reader *r, json_t *obj, const char *path,
                                     spec_type type, pp__transform *t)
{
    static const char *const where_keys[] = {
        "type", "column", "equals", "not_equals", "otherwise", NULL};
    static const char *const index_keys[] = {"type", "factors", NULL};
    static const char *const threshold_keys[] = {
        "type", "thresholds", "palette", "nan_color", NULL};
    static const char *const cmap_keys[] = {
        "type", "factors", "palette", "nan_color", NULL};
    json_t *value;
    pp_status st;
    char *p;

    switch (t->kind) {
    case PP__TRANSFORM_WHERE:
        if ((st = check_keys(r, obj, path, where_keys)) != PP_OK)
            return st;
        if ((st = get_string(r, obj, path, "column", &t->where_column)))
            return st;
        value = json_object_get(obj, "equals");
        t->where_not = value == NULL;
        if (value == NULL)
            value = json_object_get(obj, "not_equals");
        if (t->where_column == NULL || value == NULL ||
            (json_object_get(obj, "equals") != NULL &&
             json_object_get(obj, "not_equals") != NULL))
            return spec_fail(r, path, false, "a 'where' transform needs "
                             "\"column\" and one of \"equals\" or "
                             "\"not_equals\"");
        if (json_is_string(value)) {
            t->where_text = pp__strdup(json_string_value(value));
            if (t->where_text == NULL)
                return nomem(r);
        } else if (json_is_number(value)) {
            t->where_number = json_number_value(value);
        } else {
            p = path_key(path, "equals");
            st = p == NULL ? nomem(r) : spec_fail(r, p, false, "equals must "
                "be a string or a number, not %s", json_type_name(value));
            free(p);
            return st;
        }
        /* "otherwise": null leaves the other rows missing (gaps). */
        if (json_is_null(json_object_get(obj, "otherwise"))) {
            t->otherwise = NAN;
            return PP_OK;
        }
        return get_number(r, obj, path, "otherwise", -HUGE_VAL, HUGE_VAL,
                          &t->otherwise);

    case PP__TRANSFORM_REPLACE:
        return read_replace(r, obj, path, t);

    case PP__TRANSFORM_FACTOR_INDEX:
    case PP__TRANSFORM_FACTOR_CMAP:
        st = check_keys(r, obj, path, t->kind == PP__TRANSFORM_FACTOR_INDEX
                        ? index_keys : cmap_keys);
        if (st != PP_OK)
            return st;
        value = json_object_get(obj, "factors");
        if (value == NULL)
            return spec_fail(r, path, false, "this transform needs "
                             "\"factors\": the name of a factor list or a "
                             "list of strings");
        p = path_key(path, "factors");
        if (p == NULL)
            return nomem(r);
        if (json_is_string(value)) {
            t->factors_name = pp__strdup(json_string_value(value));
            st = t->factors_name == NULL ? nomem(r) : PP_OK;
        } else {
            st = read_string_list(r, value, p, &t->factors,
                                  &t->nfactors);
        }
        free(p);
        if (st != PP_OK || t->kind == PP__TRANSFORM_FACTOR_INDEX)
            return st;
        break;

    case PP__TRANSFORM_THRESHOLD_CMAP:
        if ((st = check_keys(r, obj, path, threshold_keys)) != PP_OK)
            return st;
        value = json_object_get(obj, "thresholds");
        if (!json_is_array(value) || json_array_size(value) == 0)
            return spec_fail(r, path, false, "a threshold_cmap needs "
                             "\"thresholds\": a list of numbers");
        t->thresholds = calloc(json_array_size(value), sizeof(double));
        if (t->thresholds == NULL)
            return nomem(r);
        for (t->nthresholds = 0; t->nthresholds < json_array_size(value);
             t->nthresholds++) {
            json_t *item = json_array_get(value, t->nthresholds);
            if (!json_is_number(item) ||
                (t->nthresholds > 0 && json_number_value(item) <=
                 t->thresholds[t->nthresholds - 1]))
                return spec_fail(r, path, false, "thresholds must be "
                                 "increasing numbers");
            t->thresholds[t->nthresholds] = json_number_value(item);
        }
        break;

    default:
        return PP_OK;
    }

    /* The colour maps: a palette, and a colour for values outside it. */
    if (type != COLOR_SPEC)
        return spec_fail(r, path, false, "a colour map gives colours; use "
                         "it on a colour property such as line_color");
    value = json_object_get(obj, "palette");
    p = path_key(path, "palette");
    if (p == NULL)
        return nomem(r);
    st = value == NULL ? spec_fail(r, path, false, "a colour map needs a "
                                   "\"palette\"")
                       : read_palette(r, value, p, t);
    free(p);
    if (st != PP_OK)
        return st;
    if (t->kind == PP__TRANSFORM_THRESHOLD_CMAP &&
        t->npalette != t->nthresholds + 1)
        return spec_fail(r, path, false, "%zu threshold%s need%s %zu palette "
                         "colour%s, not %zu", t->nthresholds,
                         t->nthresholds == 1 ? "" : "s",
                         t->nthresholds == 1 ? "s" : "",
                         t->nthresholds + 1,
                         t->nthresholds + 1 == 1 ? "" : "s", t->npalette);
    t->nan_color = (pp_color_t){128, 128, 128, 1.0f};
    return get_color(r, obj, path, "nan_color", &t->nan_color);
}

static pp_status read_transform(reader *r, json_t *obj, const char *path,
                                spec_type type, pp__transform **out)
{
    pp__transform *t;
    int kind = -1;
    pp_status st;

    if (!json_is_object(obj))
        return spec_fail(r, path, false, "transform must be an object with "
                         "a \"type\", not %s", json_type_name(obj));
    if (json_object_get(obj, "type") == NULL)
        return spec_fail(r, path, false, "transform needs a \"type\": where, "
                         "factor_index, threshold_cmap, factor_cmap or "
                         "replace");
    st = get_choice(r, obj, path, "type", transform_types, &kind);
    if (st != PP_OK)
        return st;

    t = calloc(1, sizeof *t);
    if (t == NULL)
        return nomem(r);
    *out = t;
    t->kind = (pp__transform_kind)(kind + 1);
    t->loc.path = pp__strdup(path);
    if (t->loc.path == NULL)
        return nomem(r);
    if (type == COLOR_SPEC && (t->kind == PP__TRANSFORM_WHERE ||
                               t->kind == PP__TRANSFORM_FACTOR_INDEX))
        return spec_fail(r, path, false, "a '%s' transform gives numbers, "
                         "not colours", transform_types[kind]);
    if ((type == TEXT_SPEC) != (t->kind == PP__TRANSFORM_REPLACE))
        return spec_fail(r, path, false, "a '%s' transform does not give %s",
                         transform_types[kind], type == TEXT_SPEC
                         ? "text here: use 'replace'" : "numbers or colours");
    return read_transform_body(r, obj, path, type, t);
}

/*
 * A property that is a value or a column: a number (or colour), a string
 * naming a column, {"value": v}, or {"field": "col", "transform": {...}}.
 * For colours a string is a colour when it parses as one, and otherwise a
 * column name (checked against the source when the data is read).
 */
static pp_status read_dataspec_value(reader *r, json_t *value,
                                     const char *path, const char *key,
                                     spec_type type, pp__dataspec *out)
{
    static const char *const keys[] = {"field", "value", "transform", NULL};
    json_t *field, *inner;
    pp_status st;

    pp__dataspec_free(out);
    out->loc.path = pp__strdup(path);
    if (out->loc.path == NULL)
        return nomem(r);

    if (type == NUMBER_SPEC && json_is_number(value)) {
        out->kind = PP__SPEC_NUMBER;
        out->number = json_number_value(value);
        return PP_OK;
    }
    if (type == COLOR_SPEC && json_is_null(value)) {
        out->kind = PP__SPEC_NONE;
        return PP_OK;
    }
    if (type == TEXT_SPEC && !json_is_string(value) &&
        (!json_is_object(value) || json_object_get(value, "field") == NULL))
        return spec_fail(r, path, false, "must be a column name or "
                         "{\"field\": ..., \"transform\": ...}, not %s",
                         json_type_name(value));
    if (json_is_string(value)) {
        if (type == COLOR_SPEC &&
            pp_color_parse(json_string_value(value), &out->color) == PP_OK) {
            out->kind = PP__SPEC_COLOR;
            return PP_OK;
        }
        out->kind = PP__SPEC_FIELD;
        out->field = pp__strdup(json_string_value(value));
        return out->field == NULL ? nomem(r) : PP_OK;
    }
    if (!json_is_object(value))
        return spec_fail(r, path, false, "must be %s, a column name or "
                         "{\"field\": ...}, not %s",
                         type == NUMBER_SPEC ? "a number" : "a colour",
                         json_type_name(value));
    if ((st = check_keys(r, value, path, keys)) != PP_OK)
        return st;

    inner = json_object_get(value, "value");
    field = json_object_get(value, "field");
    if (inner != NULL && field == NULL) {
        /* A value is never a column name, as in Bokeh. */
        const char *text = json_string_value(inner);
        if (json_is_object(inner))
            return spec_fail(r, path, false, "\"value\" must be a plain "
                             "value");
        if (type == NUMBER_SPEC && !json_is_number(inner))
            return spec_fail(r, path, false, "\"value\" must be a number, "
                             "not %s%s%s%s", json_type_name(inner),
                             text != NULL ? " '" : "", text != NULL ? text : "",
                             text != NULL ? "'" : "");
        if (type == COLOR_SPEC && text == NULL && !json_is_null(inner))
            return spec_fail(r, path, false, "\"value\" must be a colour "
                             "string or null, not %s", json_type_name(inner));
        if (type == COLOR_SPEC && text != NULL &&
            pp_color_parse(text, &out->color) != PP_OK)
            return spec_fail(r, path, false, "\"value\": '%s' is not a "
                             "colour: %s", text, pp__color_problem(text));
        return read_dataspec_value(r, inner, path, key, type, out);
    }
    if (!json_is_string(field) || inner != NULL)
        return spec_fail(r, path, false, "needs either \"field\" (a column "
                         "name) or \"value\"");
    out->kind = PP__SPEC_FIELD;
    out->field = pp__strdup(json_string_value(field));
    if (out->field == NULL)
        return nomem(r);
    if (json_object_get(value, "transform") != NULL) {
        char *p = path_key(path, "transform");
        st = p == NULL ? nomem(r)
            : read_transform(r, json_object_get(value, "transform"), p, type,
                             &out->transform);
        free(p);
        return st;
    }
    if (type == COLOR_SPEC)
        out->kind = PP__SPEC_FIELD;
    return PP_OK;
}

static pp_status get_dataspec(reader *r, json_t *obj, const char *path,
                              const char *key, spec_type type,
                              pp__dataspec *out)
{
    json_t *value = json_object_get(obj, key);
    char *p;
    pp_status st;

    if (value == NULL)
        return PP_OK;
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    st = read_dataspec_value(r, value, p, key, type, out);
    free(p);
    return st;
}

/* ------------------------------------------------------------------------ */
/* Line and fill properties                                                  */
/* ------------------------------------------------------------------------ */

static pp_status read_line_props(reader *r, json_t *obj, const char *path,
                                 pp__line_props *line)
{
    int cap = (int)line->cap, join = (int)line->join;
    pp_status st;

    /* Bokeh's shorthands "color" and "alpha" set line and fill alike. */
    if ((st = get_dataspec(r, obj, path, "color", COLOR_SPEC, &line->color)) ||
        (st = get_dataspec(r, obj, path, "line_color", COLOR_SPEC,
                           &line->color)) ||
        (st = get_number(r, obj, path, "alpha", 0.0, 1.0, &line->alpha)) ||
        (st = get_number(r, obj, path, "line_alpha", 0.0, 1.0,
                         &line->alpha)) ||
        (st = get_number(r, obj, path, "line_width", 0.0, 1000.0,
                         &line->width)) ||
        (st = get_choice(r, obj, path, "line_cap", cap_names, &cap)) ||
        (st = get_choice(r, obj, path, "line_join", join_names, &join)))
        return st;
    line->cap = (pp_line_cap)cap;
    line->join = (pp_line_join)join;
    return PP_OK;
}

static pp_status read_fill_props(reader *r, json_t *obj, const char *path,
                                 pp__fill_props *fill)
{
    pp_status st;

    if ((st = get_dataspec(r, obj, path, "color", COLOR_SPEC, &fill->color)) ||
        (st = get_dataspec(r, obj, path, "fill_color", COLOR_SPEC,
                           &fill->color)) ||
        (st = get_number(r, obj, path, "alpha", 0.0, 1.0, &fill->alpha)) ||
        (st = get_number(r, obj, path, "fill_alpha", 0.0, 1.0, &fill->alpha)))
        return st;
    return PP_OK;
}

/*
 * The colour bokeh.plotting's glyph methods (p.line, p.scatter, ...) give
 * every line and fill not set, whatever the model's own default; models
 * made directly, such as a graph's node and edge glyphs, keep theirs.
 */
static const pp_color_t plotting_default = {31, 119, 180, 1.0f};

static void line_defaults(pp__line_props *line)
{
    line->color.kind = PP__SPEC_COLOR;
    line->color.color = (pp_color_t){0, 0, 0, 1.0f};
    line->alpha = 1.0;
    line->width = 1.0;
    line->cap = PP_CAP_BUTT;
    line->join = PP_JOIN_BEVEL;
}

/* ------------------------------------------------------------------------ */
/* Renderers                                                                 */
/* ------------------------------------------------------------------------ */

/*
 * A length along x: a number in data units, or on a datetime axis a
 * duration such as "90s", "1min", "2h" or "1d" (kept in milliseconds).
 */
static pp_status get_x_length(reader *r, json_t *obj, const char *path,
                              const char *key, double *out)
{
    static const struct {
        const char *unit;
        double ms;
    } units[] = {{"ms", 1}, {"s", 1e3}, {"min", 6e4}, {"h", 3.6e6},
                 {"d", 8.64e7}};
    json_t *value = json_object_get(obj, key);
    const char *text, *unit;
    char *p;
    double v;
    size_t i;
    pp_status st;

    if (value == NULL)
        return PP_OK;
    p = path_key(path, key);
    if (p == NULL)
        return nomem(r);
    /* 0 is the default's marker (no breaks, the smallest step); given,
       it would read as "break everywhere" or "no width". */
    if (json_is_number(value)) {
        st = json_number_value(value) <= 0.0
            ? spec_fail(r, p, false, "must be greater than 0; leave \"%s\" "
                        "out for its default", key)
            : get_number(r, obj, path, key, 0.0, HUGE_VAL, out);
        free(p);
        return st;
    }
    if (!json_is_string(value)) {
        st = spec_fail(r, p, false, "must be a number or a duration such as "
                       "\"1min\", not %s", json_type_name(value));
        free(p);
        return st;
    }
    text = json_string_value(value);
    unit = text + strcspn(text, "abcdefghijklmnopqrstuvwxyz");
    for (i = 0; i < sizeof units / sizeof *units; i++) {
        if (strcmp(unit, units[i].unit) == 0 &&
            pp__parse_number(text, (size_t)(unit - text), &v) && isfinite(v))
            break;
    }
    if (i == sizeof units / sizeof *units)
        st = spec_fail(r, p, false, "'%s' is not a duration: give a number "
                       "with ms, s, min, h or d, such as \"1min\"", text);
    else if (!(v > 0.0))
        st = spec_fail(r, p, false, "must be greater than 0; leave \"%s\" "
                       "out for its default", key);
    /* A duration is milliseconds of a date-time axis; on another axis it
       would be taken as that many x units. */
    else if (r->fig->xaxis.type != PP__AXIS_DATETIME)
        st = spec_fail(r, p, false, "a duration such as '%s' needs "
                       "\"x_axis_type\": \"datetime\"; on this axis give a "
                       "number of x units", text);
    else {
        *out = v * units[i].ms;
        st = PP_OK;
    }
    free(p);
    return st;
}

static const char *const glyph_names[] = {
    "line", "segment", "multi_line", "scatter", "circle", "graph", "bands",
    NULL
};

static const char *const line_keys[] = {
    "glyph", "source", "legend_label", "x", "y", "color", "alpha",
    "line_color", "line_alpha", "line_width", "line_cap", "line_join",
    "max_x_step", "tooltips", "tap", NULL
};
static const char *const segment_keys[] = {
    "glyph", "source", "legend_label", "x0", "y0", "x1", "y1", "color",
    "alpha", "line_color", "line_alpha", "line_width", "line_cap",
    "line_join", "tooltips", "tap", NULL
};
static const char *const multi_line_keys[] = {
    "glyph", "source", "legend_label", "xs", "ys", "color", "alpha",
    "line_color", "line_alpha", "line_width", "line_cap", "line_join",
    "tooltips", "tap", NULL
};
static const char *const scatter_keys[] = {
    "glyph", "source", "legend_label", "legend_field", "x", "y", "size",
    "marker", "color", "alpha", "fill_color", "fill_alpha", "line_color",
    "line_alpha", "line_width", "tooltips", "tap", NULL
};
static const char *const graph_keys[] = {
    "glyph", "legend_label", "legend_field", "node_renderer",
    "edge_renderer", "layout_provider", "tooltips", "tap", NULL
};

static pp_status alloc_vertices(reader *r, pp__renderer *rend, size_t n)
{
    rend->xs = calloc(n, sizeof *rend->xs);
    rend->ys = calloc(n, sizeof *rend->ys);
    if (rend->xs == NULL || rend->ys == NULL)
        return nomem(r);
    rend->nvertices = n;
    return PP_OK;
}

/* A coordinate that must be given. */
static pp_status require_spec(reader *r, json_t *obj, const char *path,
                              const char *key, const char *glyph,
                              pp__dataspec *out)
{
    if (json_object_get(obj, key) == NULL)
        return spec_fail(r, path, false, "a %s needs \"%s\"", glyph, key);
    return get_dataspec(r, obj, path, key, NUMBER_SPEC, out);
}

static pp_status read_source_name(reader *r, json_t *obj, const char *path,
                                  const char *glyph, char **out)
{
    pp_status st = get_string(r, obj, path, "source", out);

    if (st == PP_OK && *out == NULL)
        return spec_fail(r, path, false, "a %s needs \"source\": the name of "
                         "one of the spec's sources", glyph);
    return st;
}

static pp_status read_line_glyph(reader *r, json_t *obj, const char *path,
                                 pp__renderer *rend)
{
    pp_status st;

    if ((st = check_keys(r, obj, path, line_keys)) ||
        (st = read_source_name(r, obj, path, "line", &rend->source)) ||
        (st = alloc_vertices(r, rend, 1)) ||
        (st = require_spec(r, obj, path, "x", "line", &rend->xs[0])) ||
        (st = require_spec(r, obj, path, "y", "line", &rend->ys[0])) ||
        (st = get_x_length(r, obj, path, "max_x_step", &rend->max_x_step)))
        return st;
    return read_line_props(r, obj, path, &rend->line);
}

static pp_status read_segment_glyph(reader *r, json_t *obj, const char *path,
                                    pp__renderer *rend)
{
    pp_status st;

    if ((st = check_keys(r, obj, path, segment_keys)) ||
        (st = read_source_name(r, obj, path, "segment", &rend->source)) ||
        (st = alloc_vertices(r, rend, 2)) ||
        (st = require_spec(r, obj, path, "x0", "segment", &rend->xs[0])) ||
        (st = require_spec(r, obj, path, "y0", "segment", &rend->ys[0])) ||
        (st = require_spec(r, obj, path, "x1", "segment", &rend->xs[1])) ||
        (st = require_spec(r, obj, path, "y1", "segment", &rend->ys[1])))
        return st;
    return read_line_props(r, obj, path, &rend->line);
}

/* multi_line: "xs" and "ys" list one coordinate spec per vertex. */
static pp_status read_multi_line_glyph(reader *r, json_t *obj,
                                       const char *path, pp__renderer *rend)
{
    json_t *xs = json_object_get(obj, "xs"), *ys = json_object_get(obj, "ys");
    size_t i;
    pp_status st;

    if ((st = check_keys(r, obj, path, multi_line_keys)) ||
        (st = read_source_name(r, obj, path, "multi_line", &rend->source)))
        return st;
    if (!json_is_array(xs) || !json_is_array(ys) ||
        json_array_size(xs) != json_array_size(ys) || json_array_size(xs) < 1)
        return spec_fail(r, path, false, "a multi_line needs \"xs\" and "
                         "\"ys\": lists of the same length, one coordinate "
                         "(a number or a column) per vertex");
    if ((st = alloc_vertices(r, rend, json_array_size(xs))) != PP_OK)
        return st;
    for (i = 0; i < rend->nvertices; i++) {
        char *px = path_key(path, "xs"), *py = path_key(path, "ys");
        char *pxi = px ? path_index(px, i) : NULL;
        char *pyi = py ? path_index(py, i) : NULL;

        st = pxi == NULL || pyi == NULL ? nomem(r)
            : read_dataspec_value(r, json_array_get(xs, i), pxi, "xs",
                                  NUMBER_SPEC, &rend->xs[i]);
        if (st == PP_OK)
            st = read_dataspec_value(r, json_array_get(ys, i), pyi, "ys",
                                     NUMBER_SPEC, &rend->ys[i]);
        free(px);
        free(py);
        free(pxi);
        free(pyi);
        if (st != PP_OK)
            return st;
    }
    return read_line_props(r, obj, path, &rend->line);
}

static const char *const marker_names[] = {"circle", "square", NULL};

static pp_status read_marker_props(reader *r, json_t *obj, const char *path,
                                   pp__renderer *rend, pp_color_t fill)
{
    int marker = (int)rend->marker;
    pp_status st;

    rend->size.kind = PP__SPEC_NUMBER;
    rend->size.number = 4.0;
    rend->fill.color.kind = PP__SPEC_COLOR;
    rend->fill.color.color = fill;
    rend->fill.alpha = 1.0;
    if ((st = get_dataspec(r, obj, path, "size", NUMBER_SPEC, &rend->size)) ||
        (st = get_choice(r, obj, path, "marker", marker_names, &marker)) ||
        (st = read_fill_props(r, obj, path, &rend->fill)) ||
        (st = read_line_props(r, obj, path, &rend->line)))
        return st;
    rend->marker = (pp__marker)marker;
    if (rend->size.kind == PP__SPEC_NUMBER &&
        !(rend->size.number >= 0.0 && rend->size.number <= 10000.0)) {
        /* Point at the size itself, as every other bad value does. */
        char *p = path_key(path, "size");

        if (p == NULL)
            return nomem(r);
        st = spec_fail(r, p, false, "must be between 0 and 10000 pixels, "
                       "not %g", rend->size.number);
        free(p);
        return st;
    }
    return PP_OK;
}

static pp_status read_scatter_glyph(reader *r, json_t *obj, const char *path,
                                    pp__renderer *rend)
{
    pp_status st;

    if ((st = check_keys(r, obj, path, scatter_keys)) ||
        (st = read_source_name(r, obj, path, "scatter", &rend->source)) ||
        (st = alloc_vertices(r, rend, 1)) ||
        (st = require_spec(r, obj, path, "x", "scatter", &rend->xs[0])) ||
        (st = require_spec(r, obj, path, "y", "scatter", &rend->ys[0])))
        return st;
    return read_marker_props(r, obj, path, rend, plotting_default);
}

/*
 * graph: nodes from node_renderer.source (positions from layout_provider's
 * x and y columns), edges from edge_renderer.source naming node indices.
 */
/* An edge end: a column of node indices, "start" or "end" by default. */
static pp_status read_edge_end(reader *r, json_t *edges, const char *path,
                               const char *key, pp__dataspec *out)
{
    out->kind = PP__SPEC_FIELD;
    out->field = pp__strdup(key);
    out->loc.path = path_key(path, key);
    if (out->field == NULL || out->loc.path == NULL)
        return nomem(r);
    return get_dataspec(r, edges, path, key, TEXT_SPEC, out);
}

/*
 * layout_provider: {"x": column, "y": column}, or {"type": "rows", "by":
 * column, "rows": [[category, ...], ...]} with "*" for every category no
 * other row names.
 */
static pp_status read_node_layout(reader *r, json_t *layout, const char *pl,
                                  pp__renderer *rend)
{
    static const char *const columns_keys[] = {"type", "x", "y", NULL};
    static const char *const rows_keys[] = {"type", "by", "rows", NULL};
    static const char *const layout_types[] = {"columns", "rows", NULL};
    json_t *rows;
    int type = 0;
    size_t i;
    pp_status st;

    if ((st = get_choice(r, layout, pl, "type", layout_types, &type)) ||
        (st = alloc_vertices(r, rend, 1)))
        return st;
    if (type == 0) {
        rend->node_layout = PP__NODES_AT_COLUMNS;
        if ((st = check_keys(r, layout, pl, columns_keys)) ||
            (st = require_spec(r, layout, pl, "x", "layout_provider",
                               &rend->xs[0])))
            return st;
        return require_spec(r, layout, pl, "y", "layout_provider",
                            &rend->ys[0]);
    }

    rend->node_layout = PP__NODES_IN_ROWS;
    rows = json_object_get(layout, "rows");
    if ((st = check_keys(r, layout, pl, rows_keys)) ||
        (st = get_string(r, layout, pl, "by", &rend->rows_by)))
        return st;
    if ((rend->by_loc.path = path_key(pl, "by")) == NULL)
        return nomem(r);
    if (rend->rows_by == NULL || !json_is_array(rows) ||
        json_array_size(rows) == 0)
        return spec_fail(r, pl, false, "a rows layout needs \"by\" (a "
                         "column) and \"rows\": lists of its categories, "
                         "top row first");
    rend->rows = calloc(json_array_size(rows), sizeof *rend->rows);
    if (rend->rows == NULL)
        return nomem(r);
    for (i = 0; i < json_array_size(rows); i++) {
        char *pr = path_key(pl, "rows"), *pi = pr ? path_index(pr, i) : NULL;
        size_t count = 0;
        rend->nrows = i + 1;
        st = pi == NULL ? nomem(r)
            : read_string_list(r, json_array_get(rows, i), pi, &rend->rows[i],
                               &count);
        free(pr);
        free(pi);
        if (st != PP_OK)
            return st;
    }
    return PP_OK;
}

static pp_status read_graph_glyph(reader *r, json_t *obj, const char *path,
                                  pp__renderer *rend)
{
    static const char *const node_keys[] = {"source", "index", "glyph", NULL};
    static const char *const edge_keys[] = {
        "source", "start", "end", "glyph", NULL};
    static const char *const node_glyph_keys[] = {
        "type", "size", "marker", "color", "alpha", "fill_color",
        "fill_alpha", "line_color", "line_alpha", "line_width", NULL};
    static const char *const edge_glyph_keys[] = {
        "type", "color", "alpha", "line_color", "line_alpha", "line_width",
        "line_cap", "line_join", NULL};
    static const char *const node_types[] = {"scatter", "circle", NULL};
    static const char *const edge_types[] = {"multi_line", NULL};
    int type = 0;
    json_t *nodes = json_object_get(obj, "node_renderer");
    json_t *edges = json_object_get(obj, "edge_renderer");
    json_t *layout = json_object_get(obj, "layout_provider");
    json_t *glyph;
    char *pn = NULL, *pe = NULL, *pl = NULL, *pg = NULL;
    pp_status st;

    if ((st = check_keys(r, obj, path, graph_keys)) != PP_OK)
        return st;
    if (!json_is_object(nodes) || !json_is_object(edges) ||
        !json_is_object(layout))
        return spec_fail(r, path, false, "a graph needs \"node_renderer\", "
                         "\"edge_renderer\" and \"layout_provider\" objects");
    pn = path_key(path, "node_renderer");
    pe = path_key(path, "edge_renderer");
    pl = path_key(path, "layout_provider");
    if (pn == NULL || pe == NULL || pl == NULL) {
        st = nomem(r);
        goto done;
    }

    rend->node_index = pp__strdup("index");
    if (rend->node_index == NULL) {
        st = nomem(r);
        goto done;
    }
    if ((st = check_keys(r, nodes, pn, node_keys)) ||
        (st = read_source_name(r, nodes, pn, "node_renderer",
                               &rend->source)) ||
        (st = get_string(r, nodes, pn, "index", &rend->node_index)) ||
        (st = check_keys(r, edges, pe, edge_keys)) ||
        (st = read_source_name(r, edges, pe, "edge_renderer",
                               &rend->edge_source)) ||
        (st = read_edge_end(r, edges, pe, "start", &rend->edge_start)) ||
        (st = read_edge_end(r, edges, pe, "end", &rend->edge_end)) ||
        (st = read_node_layout(r, layout, pl, rend)))
        goto done;

    /* Bokeh's defaults: nodes are circles, edges black 1 px lines. */
    glyph = json_object_get(nodes, "glyph");
    pg = path_key(pn, "glyph");
    if (pg == NULL) {
        st = nomem(r);
        goto done;
    }
    if (glyph == NULL)
        glyph = json_object();
    else
        json_incref(glyph);
    if (glyph == NULL || !json_is_object(glyph)) {
        st = glyph == NULL ? nomem(r)
            : spec_fail(r, pg, false, "glyph must be an object");
        json_decref(glyph);
        goto done;
    }
    /* "type" names Bokeh's glyph; one pngplot does not draw is an error,
       not a circle in its place. */
    st = check_keys(r, glyph, pg, node_glyph_keys);
    if (st == PP_OK)
        st = get_choice(r, glyph, pg, "type", node_types, &type);
    if (st == PP_OK)
        st = read_marker_props(r, glyph, pg, rend,
                               (pp_color_t){128, 128, 128, 1.0f});
    json_decref(glyph);
    if (st != PP_OK)
        goto done;

    free(pg);
    pg = path_key(pe, "glyph");
    glyph = json_object_get(edges, "glyph");
    line_defaults(&rend->edge_line);
    if (pg == NULL) {
        st = nomem(r);
    } else if (glyph != NULL) {
        if (!json_is_object(glyph))
            st = spec_fail(r, pg, false, "glyph must be an object");
        else if ((st = check_keys(r, glyph, pg, edge_glyph_keys)) == PP_OK &&
                 (st = get_choice(r, glyph, pg, "type", edge_types,
                                  &type)) == PP_OK)
            st = read_line_props(r, glyph, pg, &rend->edge_line);
    }
done:
    free(pn);
    free(pe);
    free(pl);
    free(pg);
    return st;
}

/* bands: shaded runs of rows whose "by" column is set (not 0 or missing). */
static pp_status read_bands_glyph(reader *r, json_t *obj, const char *path,
                                  pp__renderer *rend)
{
    pp_status st;

    rend->fill.color.kind = PP__SPEC_COLOR;
    rend->fill.color.color = (pp_color_t){255, 0, 0, 1.0f};
    rend->fill.alpha = 0.15;
    rend->band_labels = true;
    rend->band_label_font = (pp__font){11.0, PP_FONT_NORMAL,
                                       {0x44, 0x44, 0x44, 1.0f}};
    if ((st = check_keys(r, obj, path, bands_keys)) ||
        (st = read_source_name(r, obj, path, "bands", &rend->source)) ||
        (st = alloc_vertices(r, rend, 1)) ||
        (st = require_spec(r, obj, path, "x", "bands", &rend->xs[0])) ||
        (st = get_string(r, obj, path, "by", &rend->bands_by)) ||
        (st = get_x_length(r, obj, path, "width", &rend->band_width)) ||
        (st = read_fill_props(r, obj, path, &rend->fill)) ||
        (st = get_bool(r, obj, path, "label", &rend->band_labels)) ||
        (st = get_string(r, obj, path, "label_prefix",
                         &rend->band_label_prefix)) ||
        (st = get_font_size(r, obj, path, "label_text_font_size",
                            &rend->band_label_font.size_px)) ||
        (st = get_color(r, obj, path, "label_text_color",
                        &rend->band_label_font.color)))
        return st;
    if (rend->bands_by == NULL)
        return spec_fail(r, path, false, "bands need \"by\": the column "
                         "whose non-zero values mark the rows to shade");
    if ((rend->by_loc.path = path_key(path, "by")) == NULL)
        return nomem(r);
    if (rend->fill.color.kind == PP__SPEC_FIELD)
        return spec_fail(r, path, false, "bands have one colour; '%s' is not "
                         "a colour", rend->fill.color.field);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Tooltips and tap links (for the HTML image map, see imagemap.c)           */
/* ------------------------------------------------------------------------ */

/* A template string, checked (see pp__template_check), into *out. */
static pp_status read_template(reader *r, json_t *value, const char *path,
                               bool url, char **out)
{
    char why[256];

    if (!json_is_string(value))
        return spec_fail(r, path, false, "must be a template string such "
                         "as \"@count\", not %s", json_type_name(value));
    if (!pp__template_check(json_string_value(value), url, why, sizeof why))
        return spec_fail(r, path, false, "%s", why);
    *out = pp__strdup(json_string_value(value));
    return *out == NULL ? nomem(r) : PP_OK;
}

static pp_status read_tooltip_pair(reader *r, json_t *pair, const char *path,
                                   pp__tooltip *tip)
{
    if (!json_is_array(pair) || json_array_size(pair) != 2 ||
        !json_is_string(json_array_get(pair, 0)))
        return spec_fail(r, path, false, "must be a pair [label, template] "
                         "such as [\"count\", \"@count\"]");
    tip->label = pp__strdup(json_string_value(json_array_get(pair, 0)));
    tip->loc.path = path_index(path, 1);
    if (tip->label == NULL || tip->loc.path == NULL)
        return nomem(r);
    return read_template(r, json_array_get(pair, 1), tip->loc.path, false,
                         &tip->text);
}

/* tooltips: [[label, template], ...], one template string, or null. */
static pp_status read_tooltips(reader *r, json_t *value, const char *path,
                               pp__interact *out)
{
    size_t i, n = json_is_array(value) ? json_array_size(value) : 1;
    pp_status st = PP_OK;

    out->tooltips_given = true;
    if (json_is_null(value))
        return PP_OK;
    if (!json_is_array(value) && !json_is_string(value))
        return spec_fail(r, path, false, "must be a list of [label, "
                         "template] pairs, one template string or null, not "
                         "%s", json_type_name(value));
    out->tooltips = calloc(n + 1, sizeof *out->tooltips);
    if (out->tooltips == NULL)
        return nomem(r);
    if (json_is_string(value)) {
        out->ntooltips = 1;
        out->tooltips[0].loc.path = pp__strdup(path);
        if (out->tooltips[0].loc.path == NULL)
            return nomem(r);
        return read_template(r, value, path, false, &out->tooltips[0].text);
    }
    for (i = 0; i < n && st == PP_OK; i++) {
        char *p = path_index(path, i);

        out->ntooltips = i + 1;
        st = p == NULL ? nomem(r)
            : read_tooltip_pair(r, json_array_get(value, i), p,
                                &out->tooltips[i]);
        free(p);
    }
    return st;
}

/* tap: a URL template, {"url": template, "same_tab": bool}, or null. */
static pp_status read_tap(reader *r, json_t *value, const char *path,
                          pp__interact *out)
{
    static const char *const tap_keys[] = {"url", "same_tab", NULL};
    json_t *url = value;
    pp_status st;

    out->tap_given = true;
    if (json_is_null(value))
        return PP_OK;
    if (json_is_object(value)) {
        if ((st = check_keys(r, value, path, tap_keys)) ||
            (st = get_bool(r, value, path, "same_tab", &out->tap_same_tab)))
            return st;
        url = json_object_get(value, "url");
        if (url == NULL)
            return spec_fail(r, path, false, "tap needs \"url\": a URL "
                             "template such as \"inc@incidentnum.html\"");
        out->tap_loc.path = path_key(path, "url");
    } else {
        out->tap_loc.path = pp__strdup(path);
    }
    if (out->tap_loc.path == NULL)
        return nomem(r);
    return read_template(r, url, out->tap_loc.path, true, &out->tap_url);
}

/* The "tooltips" and "tap" keys of the figure or of a renderer. */
static pp_status read_interact(reader *r, json_t *obj, const char *path,
                               pp__interact *out)
{
    json_t *tooltips = json_object_get(obj, "tooltips");
    json_t *tap = json_object_get(obj, "tap");
    pp_status st = PP_OK;
    char *p;

    if (tooltips != NULL) {
        if ((p = path_key(path, "tooltips")) == NULL)
            return nomem(r);
        st = read_tooltips(r, tooltips, p, out);
        free(p);
    }
    if (st == PP_OK && tap != NULL) {
        if ((p = path_key(path, "tap")) == NULL)
            return nomem(r);
        st = read_tap(r, tap, p, out);
        free(p);
    }
    return st;
}

/* legend_field: a column whose values each get a legend entry. */
static pp_status read_legend_field(reader *r, json_t *obj, const char *path,
                                   pp__renderer *rend)
{
    pp_status st;

    if (json_object_get(obj, "legend_field") == NULL)
        return PP_OK;
    if ((rend->legend_field_loc.path = path_key(path, "legend_field")) == NULL)
        return nomem(r);
    if ((st = get_string(r, obj, path, "legend_field", &rend->legend_field)))
        return st;
    if (rend->legend_field != NULL && rend->legend_label != NULL)
        return spec_fail(r, rend->legend_field_loc.path, false, "a renderer "
                         "has \"legend_label\" (one entry) or "
                         "\"legend_field\" (one per value), not both");
    return PP_OK;
}

static pp_status read_renderer(reader *r, json_t *obj, const char *path,
                               pp__renderer *rend)
{
    int glyph = -1;
    pp_status st;

    if (!json_is_object(obj))
        return spec_fail(r, path, false, "a renderer must be an object, "
                         "not %s", json_type_name(obj));
    if (json_object_get(obj, "glyph") == NULL)
        return spec_fail(r, path, false, "a renderer needs \"glyph\": line, "
                         "segment, multi_line, scatter, circle, graph or "
                         "bands");
    if ((st = get_choice(r, obj, path, "glyph", glyph_names, &glyph)))
        return st;
    rend->loc.path = pp__strdup(path);
    if (rend->loc.path == NULL)
        return nomem(r);
    line_defaults(&rend->line);
    if (glyph <= 4)     /* line to circle: bokeh.plotting's glyph methods */
        rend->line.color.color = plotting_default;
    if ((st = get_string(r, obj, path, "legend_label", &rend->legend_label)) ||
        (st = read_legend_field(r, obj, path, rend)) ||
        (st = read_interact(r, obj, path, &rend->interact)))
        return st;

    switch (glyph) {
    case 0:
        rend->kind = PP__GLYPH_LINE;
        return read_line_glyph(r, obj, path, rend);
    case 1:
        rend->kind = PP__GLYPH_SEGMENT;
        return read_segment_glyph(r, obj, path, rend);
    case 2:
        rend->kind = PP__GLYPH_MULTI_LINE;
        return read_multi_line_glyph(r, obj, path, rend);
    case 3:
    case 4:
        rend->kind = PP__GLYPH_SCATTER;
        return read_scatter_glyph(r, obj, path, rend);
    case 5:
        rend->kind = PP__GLYPH_GRAPH;
        return read_graph_glyph(r, obj, path, rend);
    default:
        rend->kind = PP__GLYPH_BANDS;
        return read_bands_glyph(r, obj, path, rend);
    }
}

static pp_status read_renderers(reader *r, json_t *root)
{
    json_t *list = json_object_get(root, "renderers");
    char *path = path_key(NULL, "renderers");
    size_t i;
    pp_status st = PP_OK;

    if (path == NULL)
        return nomem(r);
    if (list != NULL && !json_is_array(list)) {
        st = spec_fail(r, path, false, "renderers must be a list, not %s",
                       json_type_name(list));
        free(path);
        return st;
    }
    r->fig->renderers = calloc(json_array_size(list) + 1,
                               sizeof *r->fig->renderers);
    if (r->fig->renderers == NULL) {
        free(path);
        return nomem(r);
    }
    for (i = 0; i < json_array_size(list) && st == PP_OK; i++) {
        char *p = path_index(path, i);
        r->fig->nrenderers = i + 1;
        st = p == NULL ? nomem(r)
            : read_renderer(r, json_array_get(list, i), p,
                            &r->fig->renderers[i]);
        free(p);
    }
    free(path);
    return st;
}

/* ------------------------------------------------------------------------ */
/* Sources and factor lists                                                  */
/* ------------------------------------------------------------------------ */

/*
 * An object mapping names to definitions, root[key] ("sources", "factors"):
 * the object (NULL when absent), its path and a zeroed array with room for
 * one item a name. Nothing to free on failure.
 */
static pp_status read_named_map(reader *r, json_t *root, const char *key,
                                const char *item_shape, size_t item_size,
                                json_t **map, char **path, void **items)
{
    pp_status st;

    *map = json_object_get(root, key);
    *items = NULL;
    if ((*path = path_key(NULL, key)) == NULL)
        return nomem(r);
    if (*map != NULL && !json_is_object(*map))
        st = spec_fail(r, *path, false, "%s must be an object mapping names "
                       "to %s", key, item_shape);
    else if ((*items = calloc(json_object_size(*map) + 1, item_size)) == NULL)
        st = nomem(r);
    else
        return PP_OK;
    free(*path);
    *path = NULL;
    return st;
}

/* A value inline data may hold. */
static bool is_cell(const json_t *value)
{
    return json_is_string(value) || json_is_number(value) ||
           json_is_null(value);
}

/* The columns of inline data, in the order of the spec. */
typedef struct inline_columns {
    json_t **lists;
} inline_columns;

/*
 * One cell of inline data as the text a CSV file would hold, so that it is
 * typed and read as a CSV cell: a number's shortest exact digits, a
 * string's own text, null as an empty (missing) cell.
 */
static void inline_cell(void *user, size_t row, size_t column,
                        char *scratch, pp__csv_field *out)
{
    const inline_columns *columns = user;
    const json_t *value = json_array_get(columns->lists[column], row);

    if (json_is_string(value)) {
        out->text = json_string_value(value);
        out->len = json_string_length(value);
        return;
    }
    if (json_is_integer(value))
        snprintf(scratch, 32, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(value));
    else if (json_is_real(value))
        pp__format_number(scratch, 32, "%.17g", json_real_value(value));
    else
        scratch[0] = '\0';         /* null (checked before) */
    out->text = scratch;
    out->len = strlen(scratch);
}

/* Every column a list of cells, all of one length; sets *nrows. */
static pp_status check_inline_data(reader *r, json_t *data,
                                   const char *data_path, size_t *nrows)
{
    const char *first = NULL, *name;
    json_t *column;
    size_t row;
    char *path = NULL, *cell_path;
    pp_status st = PP_OK;

    *nrows = 0;
    json_object_foreach(data, name, column) {
        if ((path = path_key(data_path, name)) == NULL)
            return nomem(r);
        if (!json_is_array(column)) {
            st = spec_fail(r, path, false, "column '%s' must be a list of "
                           "values, not %s", name, json_type_name(column));
        } else if (first == NULL) {
            first = name;
            *nrows = json_array_size(column);
        } else if (json_array_size(column) != *nrows) {
            st = spec_fail(r, path, false, "column '%s' has %zu value%s, "
                           "but column '%s' has %zu: the columns of a source "
                           "are equally long", name, json_array_size(column),
                           json_array_size(column) == 1 ? "" : "s", first,
                           *nrows);
        }
        for (row = 0; st == PP_OK && row < *nrows; row++) {
            if (is_cell(json_array_get(column, row)))
                continue;
            if ((cell_path = path_index(path, row)) == NULL) {
                st = nomem(r);
                break;
            }
            st = spec_fail(r, cell_path, false, "a value of inline data is "
                           "a number, a string or null, not %s",
                           json_type_name(json_array_get(column, row)));
            free(cell_path);
        }
        free(path);
        if (st != PP_OK)
            return st;
    }
    return PP_OK;
}

/*
 * Inline data, as Bokeh's ColumnDataSource(data=dict(...)): an object of
 * equally long lists, one a column. The cells become a table at once, so
 * that a mistake is found while the spec is read.
 */
static pp_status read_inline_data(reader *r, pp__source *src, json_t *data,
                                  const char *source_path)
{
    size_t ncols = json_object_size(data), nrows = 0, c = 0;
    char *data_path = path_key(source_path, "data");
    pp__csv_field *header = NULL;
    inline_columns columns = {NULL};
    char described[256];
    pp__loc loc = {(char *)source_path};
    const char *name;
    json_t *column;
    pp_status st;

    if (data_path == NULL)
        return nomem(r);
    if (!json_is_object(data))
        st = spec_fail(r, data_path, false, "\"data\" must be an object of "
                       "columns, like {\"x\": [1, 2], \"y\": [3, 4]}");
    else
        st = check_inline_data(r, data, data_path, &nrows);
    if (st == PP_OK) {
        header = calloc(ncols + 1, sizeof *header);
        columns.lists = calloc(ncols + 1, sizeof *columns.lists);
        if (header == NULL || columns.lists == NULL)
            st = nomem(r);
    }
    if (st == PP_OK) {
        json_object_foreach(data, name, column) {
            header[c].text = name;
            header[c].len = strlen(name);
            columns.lists[c++] = column;
        }
        /* Messages name the table "sources.NAME" ("column 'z' is not in
           sources.s, whose columns are: x, y"). */
        pp__loc_describe(&loc, described, sizeof described);
        st = pp__table_from_cells(described, data_path, header, ncols, nrows,
                                  inline_cell, &columns, &src->table,
                                  r->err);
    }
    free(header);
    free(columns.lists);
    free(data_path);
    return st;
}

/* concat: a non-empty list naming other sources, checked once all are read. */
static pp_status read_concat(reader *r, json_t *def, const char *source_path,
                             pp__source *src)
{
    json_t *list = json_object_get(def, "concat");
    char *path = path_key(source_path, "concat");
    pp_status st;

    if (path == NULL)
        return nomem(r);
    if (json_is_array(list) && json_array_size(list) == 0)
        st = spec_fail(r, path, false, "\"concat\" must name at least one "
                       "source");
    else
        st = read_string_list(r, list, path, &src->concat, &src->nconcat);
    free(path);
    return st;
}

/* Each source a concat names is defined, and holds rows of its own. */
static pp_status check_concat(reader *r, const pp__source *src)
{
    size_t i, k;

    for (i = 0; i < src->nconcat; i++) {
        const pp__source *part = NULL;
        char *path, *p;
        pp_status st = PP_OK;

        for (k = 0; k < r->fig->nsources && part == NULL; k++)
            if (strcmp(r->fig->sources[k].name, src->concat[i]) == 0)
                part = &r->fig->sources[k];
        if (part != NULL && part->concat == NULL)
            continue;
        if ((path = path_key(src->loc.path, "concat")) == NULL ||
            (p = path_index(path, i)) == NULL) {
            free(path);
            return nomem(r);
        }
        if (part == NULL)
            st = spec_fail(r, p, false, "source '%s' is not defined under "
                           "\"sources\"", src->concat[i]);
        else
            st = spec_fail(r, p, false, "source '%s' is itself a concat: "
                           "name the sources it is made of", src->concat[i]);
        free(p);
        free(path);
        return st;
    }
    return PP_OK;
}

static pp_status read_sources(reader *r, json_t *root)
{
    static const char *const source_keys[] = {"csv", "data", "concat", NULL};
    json_t *sources, *def;
    char *path;
    void *items;
    const char *name;
    size_t i;
    pp_status st;

    st = read_named_map(r, root, "sources", "{\"csv\": \"file.csv\"}",
                        sizeof *r->fig->sources, &sources, &path, &items);
    if (st != PP_OK)
        return st;
    r->fig->sources = items;
    json_object_foreach(sources, name, def) {
        pp__source *src = &r->fig->sources[r->fig->nsources++];
        char *p = path_key(path, name);
        int kinds = 0;

        if (p == NULL || (src->name = pp__strdup(name)) == NULL) {
            free(p);
            st = nomem(r);
            break;
        }
        src->loc.path = p;
        if (!json_is_object(def))
            st = spec_fail(r, p, false, "a source must be {\"csv\": "
                           "\"file.csv\"}, {\"data\": {...}} or "
                           "{\"concat\": [\"a\", \"b\"]}");
        else if ((st = check_keys(r, def, p, source_keys)) == PP_OK)
            st = get_string(r, def, p, "csv", &src->csv_path);
        if (st == PP_OK && src->csv_path != NULL && src->csv_path[0] == '\0') {
            char *cp = path_key(p, "csv");
            st = cp == NULL ? nomem(r)
                : spec_fail(r, cp, false, "must name a CSV file, not \"\"");
            free(cp);
        }
        if (st == PP_OK) {
            kinds = (src->csv_path != NULL) +
                    (json_object_get(def, "data") != NULL) +
                    (json_object_get(def, "concat") != NULL);
            if (kinds == 0)
                st = spec_fail(r, p, false, "a source needs \"csv\" (a "
                               "file), \"data\" or \"concat\" (the rows of "
                               "other sources)");
            else if (kinds > 1)
                st = spec_fail(r, p, false, "a source has one of \"csv\", "
                               "\"data\" and \"concat\", not more");
        }
        if (st == PP_OK && json_object_get(def, "concat") != NULL)
            st = read_concat(r, def, p, src);
        /* {"data": {}} is filled from C (pp_figure_set_column). */
        else if (st == PP_OK && src->csv_path == NULL &&
                 (!json_is_object(json_object_get(def, "data")) ||
                  json_object_size(json_object_get(def, "data")) > 0))
            st = read_inline_data(r, src, json_object_get(def, "data"), p);
        if (st != PP_OK)
            break;
    }
    for (i = 0; st == PP_OK && i < r->fig->nsources; i++)
        st = check_concat(r, &r->fig->sources[i]);
    free(path);
    return st;
}

static pp_status read_factor_lists(reader *r, json_t *root)
{
    static const char *const keys[] = {"source", "columns", NULL};
    json_t *lists, *def;
    char *path;
    void *items;
    const char *name;
    pp_status st;

    st = read_named_map(r, root, "factors", "factor lists",
                        sizeof *r->fig->factor_lists, &lists, &path, &items);
    if (st != PP_OK)
        return st;
    r->fig->factor_lists = items;
    json_object_foreach(lists, name, def) {
        pp__factor_list *list = &r->fig->factor_lists[r->fig->nfactor_lists++];
        char *p = path_key(path, name);

        if (p == NULL || (list->name = pp__strdup(name)) == NULL) {
            free(p);
            st = nomem(r);
            break;
        }
        list->loc.path = p;
        if (json_is_array(def)) {
            st = read_string_list(r, def, p, &list->items,
                                  &list->nitems);
            list->resolved = true;
        } else if (!json_is_object(def)) {
            st = spec_fail(r, p, false, "a factor list is a list of strings "
                           "or {\"source\": name, \"columns\": [...]}");
        } else if ((st = check_keys(r, def, p, keys)) == PP_OK &&
                   (st = get_string(r, def, p, "source", &list->source)) ==
                       PP_OK) {
            json_t *cols = json_object_get(def, "columns");
            if (list->source == NULL || cols == NULL)
                st = spec_fail(r, p, false, "a factor list from data needs "
                               "\"source\" and \"columns\"");
            else
                st = read_string_list(r, cols, p, &list->columns,
                                      &list->ncolumns);
        }
        if (st != PP_OK)
            break;
    }
    free(path);
    return st;
}

/* ------------------------------------------------------------------------ */
/* Title, axes, grids, ranges, legend                                        */
/* ------------------------------------------------------------------------ */

static pp_status read_title(reader *r, json_t *root)
{
    static const char *const keys[] = {
        "text", "align", "text_font_size", "text_font_style", "text_color",
        "text_alpha", "standoff", "visible", NULL};
    json_t *title = json_object_get(root, "title");
    char *path = path_key(NULL, "title");
    int align = (int)r->fig->title.align;
    bool visible = true;
    pp_status st;

    if (path == NULL)
        return nomem(r);
    if (title == NULL || json_is_null(title)) {
        st = PP_OK;
    } else if (json_is_string(title)) {
        st = get_string(r, root, NULL, "title", &r->fig->title.text);
    } else if (!json_is_object(title)) {
        st = spec_fail(r, path, false, "must be a string or an object, "
                       "not %s", json_type_name(title));
    } else if ((st = check_keys(r, title, path, keys)) ||
               (st = get_string(r, title, path, "text", &r->fig->title.text)) ||
               (st = get_choice(r, title, path, "align", align_names,
                                &align)) ||
               (st = get_font_size(r, title, path, "text_font_size",
                                   &r->fig->title.font.size_px)) ||
               (st = get_font_style(r, title, path, "text_font_style",
                                    &r->fig->title.font.style)) ||
               (st = get_color(r, title, path, "text_color",
                               &r->fig->title.font.color)) ||
               (st = get_alpha(r, title, path, "text_alpha",
                               &r->fig->title.font.color.a)) ||
               (st = get_number(r, title, path, "standoff", 0.0, 1000.0,
                                &r->fig->title.standoff)) ||
               (st = get_bool(r, title, path, "visible", &visible))) {
        /* st holds the failure */
    }
    r->fig->title.align = (pp_text_align)align;
    if (st == PP_OK && !visible) {
        free(r->fig->title.text);
        r->fig->title.text = NULL;
    }
    free(path);
    return st;
}

static pp_status read_overrides(reader *r, json_t *obj, const char *path,
                                pp__axis *axis)
{
    json_t *map = json_object_get(obj, "major_label_overrides"), *text;
    char *p = path_key(path, "major_label_overrides");
    const char *key;
    pp_status st = PP_OK;

    if (map == NULL || p == NULL) {
        free(p);
        return map == NULL ? PP_OK : nomem(r);
    }
    if (!json_is_object(map)) {
        st = spec_fail(r, p, false, "major_label_overrides must map tick "
                       "values to labels, like {\"1\": \"source\"}");
        free(p);
        return st;
    }
    axis->overrides = calloc(json_object_size(map) + 1,
                             sizeof *axis->overrides);
    if (axis->overrides == NULL) {
        free(p);
        return nomem(r);
    }
    json_object_foreach(map, key, text) {
        pp__label_override *o = &axis->overrides[axis->noverrides];
        char *kp = path_key(p, key);

        if (kp == NULL) {
            st = nomem(r);
        } else if (!pp__parse_number(key, strlen(key), &o->value) ||
                   !isfinite(o->value)) {
            st = spec_fail(r, kp, true, "major_label_overrides: key '%s' is "
                           "not a number; keys are tick values", key);
        } else if (!json_is_string(text)) {
            st = spec_fail(r, kp, false, "major_label_overrides: the label "
                           "for %s must be a string", key);
        } else if ((o->text = pp__strdup(json_string_value(text))) == NULL) {
            st = nomem(r);
        } else {
            axis->noverrides++;
        }
        free(kp);
        if (st != PP_OK)
            break;
    }
    free(p);
    return st;
}

/* ticker: a list of values, {"factors": name}, or tick counts. */
static pp_status read_ticker(reader *r, json_t *obj, const char *path,
                             pp__axis *axis)
{
    static const char *const keys[] = {
        "ticks", "factors", "desired_num_ticks", "num_minor_ticks", NULL};
    json_t *ticker = json_object_get(obj, "ticker"), *ticks;
    char *p = path_key(path, "ticker");
    pp_status st = PP_OK;
    size_t i;

    if (ticker == NULL || p == NULL) {
        free(p);
        return ticker == NULL ? PP_OK : nomem(r);
    }
    ticks = ticker;
    if (json_is_object(ticker)) {
        if ((st = check_keys(r, ticker, p, keys)) ||
            (st = get_string(r, ticker, p, "factors",
                             &axis->ticker_factors)) ||
            (st = get_int(r, ticker, p, "desired_num_ticks", 1, 100, "ticks",
                          &axis->desired_num_ticks)) ||
            (st = get_int(r, ticker, p, "num_minor_ticks", 0, 100, "ticks",
                          &axis->num_minor_ticks))) {
            free(p);
            return st;
        }
        if (axis->ticker_factors != NULL)
            axis->ticker = PP__TICKER_FACTORS;
        ticks = json_object_get(ticker, "ticks");
    }
    if (ticks != NULL && !json_is_array(ticks)) {
        st = spec_fail(r, p, false, "ticker must be a list of numbers, "
                       "{\"ticks\": [...]} or {\"factors\": name}");
    } else if (ticks != NULL) {
        axis->ticker = PP__TICKER_FIXED;
        axis->fixed_ticks = calloc(json_array_size(ticks) + 1, sizeof(double));
        if (axis->fixed_ticks == NULL)
            st = nomem(r);
        for (i = 0; st == PP_OK && i < json_array_size(ticks); i++) {
            json_t *v = json_array_get(ticks, i);
            if (!json_is_number(v) || !isfinite(json_number_value(v))) {
                char *ip = path_index(p, i);
                st = ip == NULL ? nomem(r)
                    : spec_fail(r, ip, false, "ticker values must be finite "
                                "numbers, not %s", json_type_name(v));
                free(ip);
            } else {
                axis->fixed_ticks[axis->nfixed_ticks++] = json_number_value(v);
            }
        }
    }
    free(p);
    return st;
}

static const char *const axis_keys[] = {
    "visible", "axis_label", "axis_label_text_font_size",
    "axis_label_text_font_style", "axis_label_text_color",
    "axis_label_standoff", "major_label_text_font_size",
    "major_label_text_font_style", "major_label_text_color",
    "major_label_standoff", "major_label_overrides", "axis_line_color",
    "major_tick_line_color", "minor_tick_line_color", "major_tick_in",
    "major_tick_out", "minor_tick_in", "minor_tick_out", "ticker", NULL
};

static pp_status read_axis(reader *r, json_t *root, const char *key,
                           pp__axis *axis)
{
    json_t *obj = json_object_get(root, key);
    char *path = path_key(NULL, key);
    pp_status st;

    if (obj == NULL || path == NULL) {
        free(path);
        return obj == NULL ? PP_OK : nomem(r);
    }
    if (!json_is_object(obj))
        st = spec_fail(r, path, false, "must be an object");
    else if ((st = check_keys(r, obj, path, axis_keys)) ||
             (st = get_bool(r, obj, path, "visible", &axis->visible)) ||
             (st = get_string(r, obj, path, "axis_label", &axis->axis_label)) ||
             (st = get_font_size(r, obj, path, "axis_label_text_font_size",
                                 &axis->axis_label_font.size_px)) ||
             (st = get_font_style(r, obj, path, "axis_label_text_font_style",
                                  &axis->axis_label_font.style)) ||
             (st = get_color(r, obj, path, "axis_label_text_color",
                             &axis->axis_label_font.color)) ||
             (st = get_number(r, obj, path, "axis_label_standoff", 0, 1000,
                              &axis->axis_label_standoff)) ||
             (st = get_font_size(r, obj, path, "major_label_text_font_size",
                                 &axis->major_label_font.size_px)) ||
             (st = get_font_style(r, obj, path, "major_label_text_font_style",
                                  &axis->major_label_font.style)) ||
             (st = get_color(r, obj, path, "major_label_text_color",
                             &axis->major_label_font.color)) ||
             (st = get_number(r, obj, path, "major_label_standoff", 0, 1000,
                              &axis->major_label_standoff)) ||
             (st = read_overrides(r, obj, path, axis)) ||
             (st = get_color(r, obj, path, "axis_line_color",
                             &axis->axis_line_color)) ||
             (st = get_color(r, obj, path, "major_tick_line_color",
                             &axis->major_tick_line_color)) ||
             (st = get_color(r, obj, path, "minor_tick_line_color",
                             &axis->minor_tick_line_color)) ||
             (st = get_number(r, obj, path, "major_tick_in", 0, 1000,
                              &axis->major_tick_in)) ||
             (st = get_number(r, obj, path, "major_tick_out", 0, 1000,
                              &axis->major_tick_out)) ||
             (st = get_number(r, obj, path, "minor_tick_in", 0, 1000,
                              &axis->minor_tick_in)) ||
             (st = get_number(r, obj, path, "minor_tick_out", 0, 1000,
                              &axis->minor_tick_out)) ||
             (st = read_ticker(r, obj, path, axis))) {
        /* st holds the failure */
    }
    free(path);
    return st;
}

static pp_status read_grid(reader *r, json_t *root, const char *key,
                           pp__axis *axis)
{
    static const char *const keys[] = {
        "visible", "grid_line_color", "grid_line_alpha", "grid_line_width",
        NULL};
    json_t *obj = json_object_get(root, key);
    char *path = path_key(NULL, key);
    pp_status st;

    if (obj == NULL || path == NULL) {
        free(path);
        return obj == NULL ? PP_OK : nomem(r);
    }
    if (!json_is_object(obj))
        st = spec_fail(r, path, false, "must be an object");
    else if ((st = check_keys(r, obj, path, keys)) ||
             (st = get_bool(r, obj, path, "visible", &axis->grid_visible)) ||
             (st = get_color(r, obj, path, "grid_line_color",
                             &axis->grid_line_color)) ||
             (st = get_alpha(r, obj, path, "grid_line_alpha",
                             &axis->grid_line_color.a)) ||
             (st = get_number(r, obj, path, "grid_line_width", 0, 1000,
                              &axis->grid_line_width))) {
        /* st holds the failure */
    }
    free(path);
    return st;
}

static bool is_datetime_text(const json_t *value, double *out)
{
    return json_is_string(value) &&
           pp__parse_datetime(json_string_value(value),
                              json_string_length(value), out);
}

/*
 * An end of a range: a finite number, or on a date-time axis also a
 * date-time as the data's ("2011-04-13 11:39"), as Bokeh's Range1d takes a
 * datetime.
 */
static bool range_value(const json_t *value, pp__axis_type type, double *out)
{
    if (json_is_number(value)) {
        *out = json_number_value(value);
        return isfinite(*out);
    }
    return type == PP__AXIS_DATETIME && is_datetime_text(value, out);
}

static pp_status range_value_fail(reader *r, const char *path,
                                  const json_t *value, pp__axis_type type,
                                  char axis)
{
    if (type == PP__AXIS_DATETIME && json_is_string(value))
        return spec_fail(r, path, false, "'%s' is not a date-time like "
                         "\"2011-04-13 11:39\"", json_string_value(value));
    if (type == PP__AXIS_DATETIME)
        return spec_fail(r, path, false, "must be a finite number "
                         "(milliseconds) or a date-time, not %s",
                         json_type_name(value));
    if (is_datetime_text(value, &(double){0}))
        return spec_fail(r, path, false, "a date-time needs \"%c_axis_type\": "
                         "\"datetime\"", axis);
    return spec_fail(r, path, false, "must be a finite number, not %s",
                     json_type_name(value));
}

/*
 * One end given, as a notebook sets p.y_range.start = 0: that end is fixed
 * and the other stays automatic (Bokeh's DataRange1d with a start).
 */
static pp_status read_range_end(reader *r, json_t *value, const char *path,
                                bool is_start, pp__range *range,
                                pp__axis_type type, char axis)
{
    char *p = path_key(path, is_start ? "start" : "end");
    double v;
    pp_status st = PP_OK;

    if (p == NULL)
        return nomem(r);
    if (!range_value(value, type, &v))
        st = range_value_fail(r, p, value, type, axis);
    if (st == PP_OK && is_start) {
        range->start_given = true;
        range->given_start = v;
    } else if (st == PP_OK) {
        range->end_given = true;
        range->given_end = v;
    }
    free(p);
    return st;
}

/* x_range: [start, end] or {"start": s, "end": e, "range_padding": p}. */
static pp_status read_range(reader *r, json_t *root, const char *key,
                            pp__range *range, pp__axis_type type)
{
    static const char *const keys[] = {"start", "end", "range_padding", NULL};
    json_t *value = json_object_get(root, key), *start = NULL, *end = NULL;
    char *path = path_key(NULL, key);
    bool bad_start;
    pp_status st = PP_OK;

    if (path == NULL)
        return nomem(r);
    range->loc.path = path;
    if (value == NULL)
        return PP_OK;
    /* Two date-times are a range (on a linear axis, a mistake named below);
       so are two ends on a date-time axis, where text that is not a
       date-time is named as such below. */
    if (json_is_array(value) && json_is_string(json_array_get(value, 0)) &&
        !(json_array_size(value) == 2 &&
          (type == PP__AXIS_DATETIME ||
           is_datetime_text(json_array_get(value, 0), &(double){0}))))
        return spec_fail(r, path, false, "a list of factors (Bokeh's "
                         "FactorRange) is not supported: place the text with "
                         "a factor_index transform and name the ticks with "
                         "the axis's major_label_overrides");
    if (json_is_array(value) && json_array_size(value) == 2) {
        start = json_array_get(value, 0);
        end = json_array_get(value, 1);
    } else if (json_is_object(value)) {
        if ((st = check_keys(r, value, path, keys)) ||
            (st = get_number(r, value, path, "range_padding", 0.0, 10.0,
                             &range->range_padding)))
            return st;
        start = json_object_get(value, "start");
        end = json_object_get(value, "end");
        if (start == NULL && end == NULL)
            return PP_OK;
        if (start == NULL || end == NULL)
            return read_range_end(r, start != NULL ? start : end, path,
                                  start != NULL, range, type, key[0]);
    } else {
        return spec_fail(r, path, false, "must be [start, end] or "
                         "{\"start\": ..., \"end\": ...}");
    }
    bad_start = !range_value(start, type, &range->start);
    if (bad_start || !range_value(end, type, &range->end)) {
        char *p = json_is_array(value) ? path_index(path, bad_start ? 0 : 1)
                  : path_key(path, bad_start ? "start" : "end");

        st = p == NULL ? nomem(r)
            : range_value_fail(r, p, bad_start ? start : end, type, key[0]);
        free(p);
        return st;
    }
    if (!(range->start < range->end)) {
        char from[64], to[64];
        pp__format_range_value(from, sizeof from, range->start,
                               type == PP__AXIS_DATETIME);
        pp__format_range_value(to, sizeof to, range->end,
                               type == PP__AXIS_DATETIME);
        return spec_fail(r, path, false, "must have start < end, not "
                         "[%s, %s]%s", from, to, range->start > range->end
                             ? " (reversed ranges are not supported)" : "");
    }
    range->automatic = false;
    return PP_OK;
}

static const char *const location_names[] = {
    "top_right", "top_left", "bottom_right", "bottom_left", "top_center",
    "bottom_center", "center_left", "center_right", "center", NULL
};

static pp_status read_legend(reader *r, json_t *root)
{
    static const char *const keys[] = {
        "visible", "location", "background_fill_color",
        "background_fill_alpha", "border_line_color", "border_line_alpha",
        "label_text_font_size", "label_text_font_style", "label_text_color",
        "margin", "padding", "spacing", "glyph_width", "glyph_height",
        "label_standoff", "label_width", NULL};
    json_t *obj = json_object_get(root, "legend");
    char *path = path_key(NULL, "legend");
    pp__legend *legend = &r->fig->legend;
    int location = (int)legend->location;
    pp_status st;

    if (obj == NULL || path == NULL) {
        free(path);
        return obj == NULL ? PP_OK : nomem(r);
    }
    if (!json_is_object(obj))
        st = spec_fail(r, path, false, "legend must be an object");
    else if ((st = check_keys(r, obj, path, keys)) ||
             (st = get_bool(r, obj, path, "visible", &legend->visible)) ||
             (st = get_choice(r, obj, path, "location", location_names,
                              &location)) ||
             (st = get_color(r, obj, path, "background_fill_color",
                             &legend->background_fill_color)) ||
             (st = get_alpha(r, obj, path, "background_fill_alpha",
                             &legend->background_fill_color.a)) ||
             (st = get_color(r, obj, path, "border_line_color",
                             &legend->border_line_color)) ||
             (st = get_alpha(r, obj, path, "border_line_alpha",
                             &legend->border_line_color.a)) ||
             (st = get_font_size(r, obj, path, "label_text_font_size",
                                 &legend->label_font.size_px)) ||
             (st = get_font_style(r, obj, path, "label_text_font_style",
                                  &legend->label_font.style)) ||
             (st = get_color(r, obj, path, "label_text_color",
                             &legend->label_font.color)) ||
             (st = get_number(r, obj, path, "margin", 0, 1000,
                              &legend->margin)) ||
             (st = get_number(r, obj, path, "padding", 0, 1000,
                              &legend->padding)) ||
             (st = get_number(r, obj, path, "spacing", 0, 1000,
                              &legend->spacing)) ||
             (st = get_number(r, obj, path, "glyph_width", 0, 1000,
                              &legend->glyph_width)) ||
             (st = get_number(r, obj, path, "glyph_height", 0, 1000,
                              &legend->glyph_height)) ||
             (st = get_number(r, obj, path, "label_standoff", 0, 1000,
                              &legend->label_standoff)) ||
             (st = get_number(r, obj, path, "label_width", 0, 10000,
                              &legend->label_width))) {
        /* st holds the failure */
    }
    legend->location = (pp__legend_location)location;
    free(path);
    return st;
}

/* ------------------------------------------------------------------------ */
/* The figure                                                                */
/* ------------------------------------------------------------------------ */

/*
 * figure(x_axis_label=...) sets what xaxis.axis_label sets: both given is
 * a conflict (a JSON object has no order to say which came last), while
 * "axis": {"axis_label": ...}, meant for both axes, gives way to it.
 */
static pp_status take_axis_label(reader *r, json_t *root, char axis,
                                 char **label, char **axis_label)
{
    char flat[] = "x_axis_label", nested[] = "xaxis";
    json_t *own;

    if (*label == NULL)
        return PP_OK;
    flat[0] = axis;
    nested[0] = axis;
    own = json_object_get(root, nested);
    if (json_is_object(own) && json_object_get(own, "axis_label") != NULL) {
        char *p = path_key(NULL, flat);
        pp_status st = p == NULL ? nomem(r)
            : spec_fail(r, p, true, "'%s' and '%s.axis_label' both set the "
                        "%c axis's label: keep one", flat, nested, axis);
        free(p);
        return st;
    }
    free(*axis_label);
    *axis_label = *label;
    *label = NULL;
    return PP_OK;
}

static const char *const figure_keys[] = {
    "width", "height", "title", "sources", "factors", "renderers",
    "x_range", "y_range", "x_axis_type", "y_axis_type", "x_axis_label",
    "y_axis_label", "xaxis", "yaxis", "axis", "xgrid", "ygrid", "grid",
    "legend", "background_fill_color", "background_fill_alpha",
    "border_fill_color", "border_fill_alpha", "outline_line_color",
    "outline_line_alpha", "min_border", "toolbar_location", "tools",
    "data_dir",
    "tooltips", "tap", NULL
};

static const char *const axis_type_names[] = {
    "linear", "log", "datetime", "auto", NULL
};

static pp_status read_axis_types(reader *r, json_t *root)
{
    int x = 0, y = 0;
    pp_status st;

    if ((st = get_choice(r, root, NULL, "x_axis_type", axis_type_names, &x)) ||
        (st = get_choice(r, root, NULL, "y_axis_type", axis_type_names, &y)))
        return st;
    /* "auto" is linear unless the data is date-times; we keep it linear. */
    r->fig->xaxis.type = x == 3 ? PP__AXIS_LINEAR : (pp__axis_type)x;
    r->fig->yaxis.type = y == 3 ? PP__AXIS_LINEAR : (pp__axis_type)y;
    return PP_OK;
}

/* Checks that every name a renderer or factor list uses is defined. */
static pp_status check_references(reader *r)
{
    pp_figure_t *fig = r->fig;
    size_t i, j;

    for (i = 0; i < fig->nrenderers; i++) {
        pp__renderer *rend = &fig->renderers[i];
        const char *names[2] = {rend->source, rend->edge_source};
        for (j = 0; j < 2; j++) {
            size_t k;
            bool found = false;
            if (names[j] == NULL)
                continue;
            for (k = 0; k < fig->nsources; k++)
                found |= strcmp(fig->sources[k].name, names[j]) == 0;
            if (!found)
                return spec_fail(r, rend->loc.path, false, "source '%s' is "
                                 "not defined under \"sources\"", names[j]);
        }
    }
    for (i = 0; i < fig->nfactor_lists; i++) {
        pp__factor_list *list = &fig->factor_lists[i];
        size_t k;
        bool found = list->source == NULL;
        for (k = 0; k < fig->nsources && !found; k++)
            found = strcmp(fig->sources[k].name, list->source) == 0;
        if (!found)
            return spec_fail(r, list->loc.path, false, "source '%s' is not "
                             "defined under \"sources\"", list->source);
    }
    return PP_OK;
}

static bool names_equal(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/*
 * A source nothing reads is never opened, so a misspelt or missing file
 * there would pass unnoticed: say so (most likely a renderer names another
 * source by mistake). A factor list counts when something names it.
 */
static void warn_unused_sources(pp_figure_t *fig)
{
    size_t i, k;

    for (i = 0; i < fig->nsources; i++) {
        const char *name = fig->sources[i].name;
        bool used = false;
        char prefix[512], where[256];

        for (k = 0; k < fig->nrenderers && !used; k++)
            used = names_equal(fig->renderers[k].source, name) ||
                   names_equal(fig->renderers[k].edge_source, name);
        for (k = 0; k < fig->nfactor_lists && !used; k++)
            used = fig->factor_lists[k].used &&
                   names_equal(fig->factor_lists[k].source, name);
        for (k = 0; k < fig->nsources && !used; k++) {
            size_t j;
            for (j = 0; j < fig->sources[k].nconcat && !used; j++)
                used = names_equal(fig->sources[k].concat[j], name);
        }
        if (used)
            continue;
        pp__loc_prefix(fig, &fig->sources[i].loc, true, prefix,
                       sizeof prefix);
        pp__loc_describe(&fig->sources[i].loc, where, sizeof where);
        pp__warn(&fig->warnings, "%s%s: no renderer uses source '%s', so "
                 "its data is not read", prefix, where, name);
    }
}

static pp_status check_factor_name(reader *r, const char *name,
                                   const char *path)
{
    size_t i;

    if (name == NULL)
        return PP_OK;
    for (i = 0; i < r->fig->nfactor_lists; i++)
        if (strcmp(r->fig->factor_lists[i].name, name) == 0) {
            r->fig->factor_lists[i].used = true;
            return PP_OK;
        }
    return spec_fail(r, path, false, "factor list '%s' is not defined under "
                     "\"factors\"", name);
}

static pp_status check_spec_factors(reader *r, const pp__dataspec *spec)
{
    if (spec->transform == NULL)
        return PP_OK;
    return check_factor_name(r, spec->transform->factors_name,
                             spec->transform->loc.path);
}

static pp_status check_factor_references(reader *r)
{
    pp_figure_t *fig = r->fig;
    pp_status st;
    size_t i, v;

    if ((st = check_factor_name(r, fig->xaxis.ticker_factors,
                                "\x1fxaxis\x1fticker")) ||
        (st = check_factor_name(r, fig->yaxis.ticker_factors,
                                "\x1fyaxis\x1fticker")))
        return st;
    for (i = 0; i < fig->nrenderers; i++) {
        pp__renderer *rend = &fig->renderers[i];

        for (v = 0; v < rend->nvertices; v++)
            if ((st = check_spec_factors(r, &rend->xs[v])) ||
                (st = check_spec_factors(r, &rend->ys[v])))
                return st;
        if ((st = check_spec_factors(r, &rend->line.color)) ||
            (st = check_spec_factors(r, &rend->fill.color)) ||
            (st = check_spec_factors(r, &rend->size)) ||
            (st = check_spec_factors(r, &rend->edge_line.color)))
            return st;
    }
    return PP_OK;
}

/*
 * figure(tools="pan,hover") in a notebook: the tools act in the browser,
 * so a static image has none, but a spec translated line by line keeps
 * the key. Its value is checked as Bokeh would: a string or a list of
 * tool names.
 */
static pp_status check_tools(reader *r, json_t *root)
{
    json_t *tools = json_object_get(root, "tools"), *item;
    size_t i;
    bool names = json_is_array(tools);
    char *path;
    pp_status st;

    json_array_foreach(tools, i, item)
        names = names && json_is_string(item);
    if (tools == NULL || json_is_string(tools) || json_is_null(tools) ||
        names)
        return PP_OK;
    if ((path = path_key(NULL, "tools")) == NULL)
        return nomem(r);
    st = spec_fail(r, path, false, "must be a string such as \"pan,hover\" "
                   "or a list of tool names, not %s", json_type_name(tools));
    free(path);
    return st;
}

static pp_status read_figure(reader *r, json_t *root)
{
    pp_figure_t *fig = r->fig;
    char *x_label = NULL, *y_label = NULL, *toolbar = NULL;
    pp_status st;

    if (!json_is_object(root))
        return spec_fail(r, NULL, false, "a spec must be a JSON object, not "
                         "%s", json_type_name(root));
    if ((st = expand_dotted_keys(r, root)) ||
        (st = check_keys(r, root, NULL, figure_keys)) ||
        (st = get_string(r, root, NULL, "data_dir", &fig->data_dir)) ||
        (st = get_int(r, root, NULL, "width", 1, r->max_side, "pixels",
                      &fig->width)) ||
        (st = get_int(r, root, NULL, "height", 1, r->max_side, "pixels",
                      &fig->height)) ||
        (st = read_title(r, root)) ||
        (st = read_sources(r, root)) ||
        (st = read_factor_lists(r, root)) ||
        (st = read_axis_types(r, root)) ||
        (st = read_range(r, root, "x_range", &fig->x_range,
                         fig->xaxis.type)) ||
        (st = read_range(r, root, "y_range", &fig->y_range,
                         fig->yaxis.type)))
        return st;

    /* "axis" and "grid" set both, then "xaxis" and friends one of them. */
    if ((st = read_axis(r, root, "axis", &fig->xaxis)) ||
        (st = read_axis(r, root, "axis", &fig->yaxis)) ||
        (st = read_axis(r, root, "xaxis", &fig->xaxis)) ||
        (st = read_axis(r, root, "yaxis", &fig->yaxis)) ||
        (st = read_grid(r, root, "grid", &fig->xaxis)) ||
        (st = read_grid(r, root, "grid", &fig->yaxis)) ||
        (st = read_grid(r, root, "xgrid", &fig->xaxis)) ||
        (st = read_grid(r, root, "ygrid", &fig->yaxis)) ||
        (st = read_legend(r, root)) ||
        (st = read_interact(r, root, NULL, &fig->interact)))
        return st;

    /* figure(x_axis_label=...) in Bokeh; xaxis.axis_label wins if both. */
    if ((st = get_string(r, root, NULL, "x_axis_label", &x_label)) ||
        (st = get_string(r, root, NULL, "y_axis_label", &y_label)) ||
        (st = get_string(r, root, NULL, "toolbar_location", &toolbar))) {
        free(x_label);
        free(y_label);
        return st;
    }
    free(toolbar); /* accepted for Bokeh compatibility; nothing is drawn */
    if ((st = check_tools(r, root)) != PP_OK) {
        free(x_label);
        free(y_label);
        return st;
    }
    if ((st = take_axis_label(r, root, 'x', &x_label,
                              &fig->xaxis.axis_label)) ||
        (st = take_axis_label(r, root, 'y', &y_label,
                              &fig->yaxis.axis_label))) {
        free(x_label);
        free(y_label);
        return st;
    }

    if ((st = get_color(r, root, NULL, "background_fill_color",
                        &fig->background_fill_color)) ||
        (st = get_alpha(r, root, NULL, "background_fill_alpha",
                        &fig->background_fill_color.a)) ||
        (st = get_color(r, root, NULL, "border_fill_color",
                        &fig->border_fill_color)) ||
        (st = get_alpha(r, root, NULL, "border_fill_alpha",
                        &fig->border_fill_color.a)) ||
        (st = get_color(r, root, NULL, "outline_line_color",
                        &fig->outline_line_color)) ||
        (st = get_alpha(r, root, NULL, "outline_line_alpha",
                        &fig->outline_line_color.a)) ||
        (st = get_number(r, root, NULL, "min_border", 0, 10000,
                         &fig->min_border)) ||
        (st = read_renderers(r, root)) ||
        (st = check_references(r)) ||
        (st = check_factor_references(r)))
        return st;
    warn_unused_sources(r->fig);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                              */
/* ------------------------------------------------------------------------ */

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL)
        return pp__strdup(".");
    if (slash == path)
        return pp__strdup("/");
    return pp__strndup(path, (size_t)(slash - path));
}

/* The line and column (1-based, in characters) of a byte of the text. */
static void text_position(const char *text, size_t offset, int *line,
                          int *column)
{
    size_t k;

    *line = 1;
    *column = 1;
    for (k = 0; k < offset; k++) {
        if (text[k] == '\n') {
            (*line)++;
            *column = 1;
        } else if ((text[k] & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

/*
 * jansson skips NUL bytes as if they were not there, so a spec with binary
 * garbage in it could still load; it is an error, with its place.
 */
static pp_status reject_nul(const pp_figure_t *fig, pp_error_t *err)
{
    const char *nul = memchr(fig->spec_text, '\0', fig->spec_len);
    int line, column;

    if (nul == NULL)
        return PP_OK;
    text_position(fig->spec_text, (size_t)(nul - fig->spec_text), &line,
                  &column);
    return pp__fail(err, PP_ERR_SPEC, "%s:%d:%d: invalid JSON: a NUL byte "
                    "(0x00), which JSON text cannot hold", fig->spec_path,
                    line, column);
}

/*
 * JSON must be UTF-8, but a title typed in another encoding should not cost
 * the figure: each invalid byte becomes U+FFFD (drawn as the font's box),
 * with one warning that points at the first.
 */
static pp_status replace_invalid_utf8(pp_figure_t *fig)
{
    const unsigned char *text = (const unsigned char *)fig->spec_text;
    size_t i = 0, first = (size_t)-1, count = 0;
    pp__str clean = {0};

    while (i < fig->spec_len) {
        size_t n = text[i] < 0x80 ? 1 : pp__utf8_sequence(text + i,
                                                          fig->spec_len - i);
        if (n == 0) {
            if (count++ == 0)
                first = i;
            pp__str_append(&clean, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        pp__str_append(&clean, (const char *)text + i, n);
        i += n;
    }
    if (count == 0) {
        pp__str_free(&clean);
        return PP_OK;
    }
    if (clean.failed) {
        pp__str_free(&clean);
        return PP_ERR_NOMEM;
    }
    {
        int line, column;
        text_position(fig->spec_text, first, &line, &column);
        pp__warn(&fig->warnings, "%s:%d:%d: %zu byte%s of invalid UTF-8 "
                 "(first 0x%02X) drawn as U+FFFD", fig->spec_path, line,
                 column, count, count == 1 ? "" : "s", text[first]);
    }
    free(fig->spec_text);
    fig->spec_text = clean.data;
    fig->spec_len = clean.len;
    return PP_OK;
}

/* Where relative CSV paths resolve: --data-dir, else the spec's data_dir
   (relative to the spec's folder), else the spec's folder. */
static char *resolve_base_dir(const pp_figure_t *fig,
                              const pp_load_options_t *opt)
{
    const char *dir = fig->data_dir;
    size_t n;
    char *joined;

    if (opt != NULL && opt->data_dir != NULL)
        return pp__strdup(opt->data_dir);
    if (dir == NULL)
        return pp__strdup(fig->spec_dir);
    if (dir[0] == '/' || strcmp(fig->spec_dir, ".") == 0)
        return pp__strdup(dir);
    n = strlen(fig->spec_dir) + strlen(dir) + 2;
    joined = malloc(n);
    if (joined != NULL)
        snprintf(joined, n, "%s/%s", fig->spec_dir, dir);
    return joined;
}

static pp_status load_spec(const char *json, size_t len, const char *name,
                           const char *spec_dir, const pp_load_options_t *opt,
                           pp_figure_t **out, pp_error_t *err)
{
    reader r;
    json_error_t jerr;
    json_t *root;
    pp_figure_t *fig;
    pp_status st;

    *out = NULL;
    /* A byte-order mark (Windows editors write one) is not JSON, and
       harmless: skipped, as in CSV files. */
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) {
        json += 3;
        len -= 3;
    }
    fig = calloc(1, sizeof *fig);
    if (fig == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    pp__figure_init(fig, 600, 600);
    fig->spec_path = pp__strdup(name != NULL ? name : "spec");
    fig->spec_dir = pp__strdup(spec_dir);
    fig->spec_text = pp__strndup(json, len);
    fig->spec_len = len;
    if (fig->spec_path == NULL || fig->spec_dir == NULL ||
        fig->spec_text == NULL) {
        pp_figure_destroy(fig);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    if (opt != NULL) {
        fig->warnings.fn = opt->warning;
        fig->warnings.user = opt->warning_user;
    }

    if ((st = replace_invalid_utf8(fig)) != PP_OK) {
        pp_figure_destroy(fig);
        return pp__fail_status(err, st);
    }
    if ((st = reject_nul(fig, err)) != PP_OK) {
        pp_figure_destroy(fig);
        return st;
    }
    root = json_loadb(fig->spec_text, fig->spec_len, JSON_REJECT_DUPLICATES,
                      &jerr);
    if (root == NULL) {
        st = pp__fail(err, PP_ERR_SPEC, "%s:%d:%d: invalid JSON: %s",
                      fig->spec_path, jerr.line, jerr.column, jerr.text);
        pp_figure_destroy(fig);
        return st;
    }
    r.fig = fig;
    r.err = err;
    r.max_side = opt != NULL && opt->max_side > 0 ? opt->max_side
                                                  : PP_MAX_CANVAS_SIDE;
    st = read_figure(&r, root);
    json_decref(root);
    if (st == PP_OK && (fig->base_dir = resolve_base_dir(fig, opt)) == NULL)
        st = pp__fail_status(err, PP_ERR_NOMEM);
    if (st != PP_OK) {
        pp_figure_destroy(fig);
        return st;
    }
    *out = fig;
    return PP_OK;
}

pp_status pp_figure_load_json(const char *json, size_t len, const char *name,
                              const pp_load_options_t *opt, pp_figure_t **out,
                              pp_error_t *err)
{
    return load_spec(json, len, name, ".", opt, out, err);
}

/*
 * The largest spec read. A spec describes a figure and names its data; a
 * wrong path (a device, a data file) must not fill memory.
 */
#define SPEC_MAX_BYTES (16 * 1024 * 1024)

pp_status pp_figure_load(const char *spec_path, const pp_load_options_t *opt,
                         pp_figure_t **out, pp_error_t *err)
{
    pp__str text = {0};
    char chunk[65536], *dir;
    FILE *f;
    size_t n;
    pp_status st;

    *out = NULL;
    f = fopen(spec_path, "rb");
    if (f == NULL)
        return pp__fail(err, PP_ERR_IO, "%s: cannot open spec: %s",
                        spec_path, strerror(errno));
    while (!text.failed && text.len <= SPEC_MAX_BYTES &&
           (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        pp__str_append(&text, chunk, n);
    if (text.len > SPEC_MAX_BYTES) {
        fclose(f);
        pp__str_free(&text);
        return pp__fail(err, PP_ERR_LIMIT, "%s: cannot read spec: larger "
                        "than %d MB, which no figure spec is", spec_path,
                        SPEC_MAX_BYTES / (1024 * 1024));
    }
    if (ferror(f)) {
        /* A folder opens but does not read. */
        st = pp__fail(err, PP_ERR_IO, "%s: cannot read spec: %s", spec_path,
                      strerror(errno));
        fclose(f);
        pp__str_free(&text);
        return st;
    }
    fclose(f);
    dir = folder_of(spec_path);
    if (text.failed || dir == NULL) {
        pp__str_free(&text);
        free(dir);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    st = load_spec(text.data != NULL ? text.data : "", text.len, spec_path,
                   dir, opt, out, err);
    free(dir);
    pp__str_free(&text);
    return st;
}
