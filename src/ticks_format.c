/*
 * Tick labels for numbers: BokehJS 3.10's BasicTickFormatter and
 * LogTickFormatter, with JavaScript's Number.prototype.toFixed and
 * toExponential rebuilt here.
 *
 * printf cannot stand in for them: JavaScript rounds a value exactly halfway
 * up (1.0625.toFixed(3) is "1.063", printf's "%.3f" gives "1.062"), writes
 * exponents as "e+5" rather than "e+05", and never looks at the locale. So
 * each value is first turned into its exact decimal digits (every double has
 * a finite expansion, at most 767 significant digits, which printf prints
 * exactly when asked for enough of them) and rounded here.
 *
 * snprintf is locale-safe here because only its digits are read (the
 * decimal point it writes is skipped), so pp__format_number is not needed.
 */
#include "pp_internal.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* U+2212 MINUS SIGN, which Bokeh draws for every '-' in a label. */
#define MINUS_SIGN "\xe2\x88\x92"

/*
 * Enough leading digits of an exact expansion for any label: toFixed keeps
 * at most 21 integer and 15 fractional digits, toExponential 16, and the
 * digit after the last kept one decides the rounding.
 */
#define KEPT_DIGITS 40

/* A label never needs more: 21 digits, '.', 15 digits, a sign, "e+308". */
#define LABEL_SIZE 64

/* |x| as digits d[0].d[1]d[2]... times 10^exp10; no digits means zero. */
typedef struct decimal {
    char digits[KEPT_DIGITS + 1];
    int ndigits;
    int exp10;
} decimal;

static void strip_zeros(decimal *d)
{
    while (d->ndigits > 0 && d->digits[d->ndigits - 1] == '0')
        d->ndigits--;
    d->digits[d->ndigits] = '\0';
}

/* Reads the digits and exponent of printf's "%e" text, whatever the
 * locale's decimal point; digits past KEPT_DIGITS are dropped. */
static void parse_exponential(const char *text, decimal *d)
{
    const char *p = text;

    d->ndigits = 0;
    d->exp10 = 0;
    for (; *p != '\0' && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9' && d->ndigits < KEPT_DIGITS)
            d->digits[d->ndigits++] = *p;
    }
    if (*p == 'e')
        d->exp10 = (int)strtol(p + 1, NULL, 10);
    strip_zeros(d);
    if (d->ndigits == 0)
        d->exp10 = 0;
}

/* The fewest digits of |value| that read back as the same double. */
static void shortest_decimal(double value, decimal *d)
{
    char text[40];
    int precision;

    for (precision = 1; precision < 17; precision++) {
        snprintf(text, sizeof text, "%.*e", precision - 1, value);
        if (strtod(text, NULL) == value)
            break;
    }
    snprintf(text, sizeof text, "%.*e", precision - 1, fabs(value));
    parse_exponential(text, d);
}

/*
 * The leading exact decimal digits of |value| (finite), which toFixed and
 * toExponential round; but a subnormal (below DBL_MIN, about 2.2e-308)
 * gets its shortest digits. It holds only a few: 2e-321 is stored as
 * 2.00097e-321 and would be labelled "2.001e-321", a digit the data never
 * had, where "2.000e-321" reads back as the same double.
 */
static void exact_decimal(double value, decimal *d)
{
    char text[900];
    int i;

    if (value != 0.0 && fabs(value) < DBL_MIN) {
        shortest_decimal(value, d);
        return;
    }

    /* Whole numbers below 2^53 (most ticks) print exactly and fast. */
    if (value == floor(value) && fabs(value) < 9007199254740992.0) {
        snprintf(text, sizeof text, "%.0f", fabs(value));
        for (i = 0; text[i] != '\0' && i < KEPT_DIGITS; i++)
            d->digits[i] = text[i];
        d->ndigits = i;
        d->exp10 = (int)strlen(text) - 1;
        strip_zeros(d);
        if (d->ndigits == 0)
            d->exp10 = 0;
        return;
    }

    /* 800 significant digits exceed any double's expansion, so printf
     * does no rounding of its own. */
    snprintf(text, sizeof text, "%.799e", fabs(value));
    parse_exponential(text, d);
}

/*
 * Keeps the first `keep` digits, rounding half up as JavaScript does (of two
 * equally near candidates it takes the larger). keep may be 0 or negative:
 * the value then rounds to one unit at 10^(exp10 + 1) or to zero.
 */
static void round_digits(decimal *d, int keep)
{
    int i;

    if (keep >= d->ndigits)
        return;
    if (keep < 0 || d->digits[keep] < '5') {
        d->ndigits = keep < 0 ? 0 : keep;
        strip_zeros(d);
        return;
    }

    d->ndigits = keep;
    for (i = keep - 1; i >= 0 && d->digits[i] == '9'; i--)
        d->digits[i] = '0';
    if (i >= 0) {
        d->digits[i]++;
    } else {
        d->digits[0] = '1';
        d->ndigits = 1;
        d->exp10++;
    }
    strip_zeros(d);
}

static char digit_at(const decimal *d, int i)
{
    return i >= 0 && i < d->ndigits ? d->digits[i] : '0';
}

/* Appends text to buf (of LABEL_SIZE bytes) at *len, never overflowing. */
static void put(char *buf, size_t *len, const char *text)
{
    size_t n = strlen(text);

    if (*len + n >= LABEL_SIZE)
        n = LABEL_SIZE - 1 - *len;
    memcpy(buf + *len, text, n);
    *len += n;
    buf[*len] = '\0';
}

static void put_char(char *buf, size_t *len, char c)
{
    char text[2] = {c, '\0'};

    put(buf, len, text);
}

/*
 * JavaScript's Number::toString, which toFixed uses for |x| >= 1e21: the
 * fewest digits that read back as the same double, in exponential form
 * there. (Unreachable from pp__format_ticks_basic, which switches to
 * scientific notation from 1e5 on, but kept so js_to_fixed is whole.)
 */
static void js_shortest_exponential(double value, char *buf)
{
    char text[40];
    decimal d;
    size_t len = 0;
    int i;

    shortest_decimal(value, &d);

    buf[0] = '\0';
    if (value < 0)
        put_char(buf, &len, '-');
    put_char(buf, &len, digit_at(&d, 0));
    if (d.ndigits > 1)
        put_char(buf, &len, '.');
    for (i = 1; i < d.ndigits; i++)
        put_char(buf, &len, d.digits[i]);
    snprintf(text, sizeof text, "e%c%d", d.exp10 < 0 ? '-' : '+',
             abs(d.exp10));
    put(buf, &len, text);
}

/*
 * Bokeh's to_fixed: toFixed(precision) with trailing fractional zeros and a
 * bare '.' removed. A value that rounds to zero loses its sign (JavaScript
 * would write "-0" for -1e-20; we want "0").
 */
static void js_to_fixed(double value, const decimal *exact, int precision,
                        char *buf)
{
    decimal d = *exact;
    size_t len = 0;
    int i;

    if (fabs(value) >= 1e21) {
        js_shortest_exponential(value, buf);
        return;
    }
    round_digits(&d, d.exp10 + 1 + precision);
    buf[0] = '\0';
    if (value < 0 && d.ndigits > 0)
        put_char(buf, &len, '-');
    if (d.ndigits == 0 || d.exp10 < 0)
        put_char(buf, &len, '0');
    for (i = 0; d.ndigits > 0 && i <= d.exp10; i++)
        put_char(buf, &len, digit_at(&d, i));

    /* Only the fractional digits up to the last non-zero one survive. */
    if (d.ndigits > 0 && d.ndigits > d.exp10 + 1) {
        put_char(buf, &len, '.');
        for (i = d.exp10 + 1; i < d.ndigits; i++)
            put_char(buf, &len, digit_at(&d, i));
    }
}

/* JavaScript's toExponential(precision): "1.400e+5", "-2.000e-4". */
static void js_to_exponential(double value, const decimal *exact,
                              int precision, char *buf)
{
    decimal d = *exact;
    char exponent[16];
    size_t len = 0;
    int i;

    round_digits(&d, precision + 1);
    if (d.ndigits == 0)
        d.exp10 = 0;
    buf[0] = '\0';
    if (value < 0 && d.ndigits > 0)
        put_char(buf, &len, '-');
    put_char(buf, &len, digit_at(&d, 0));
    if (precision > 0)
        put_char(buf, &len, '.');
    for (i = 1; i <= precision; i++)
        put_char(buf, &len, digit_at(&d, i));
    snprintf(exponent, sizeof exponent, "e%c%d", d.exp10 < 0 ? '-' : '+',
             abs(d.exp10));
    put(buf, &len, exponent);
}

static void format_one(double value, const decimal *exact, bool scientific,
                       int precision, char *buf)
{
    if (scientific)
        js_to_exponential(value, exact, precision, buf);
    else
        js_to_fixed(value, exact, precision, buf);
}

/*
 * Bokeh's _need_sci: some tick that is not about zero (within a ten
 * thousandth of the first spacing) is >= 1e5 or <= 1e-3 in magnitude.
 */
static bool need_scientific(const double *ticks, size_t n)
{
    double zeroish = n < 2 ? 0.0 : fabs(ticks[1] - ticks[0]) / 10000;
    double high = pow(10.0, 5), low = pow(10.0, -3);
    size_t i;

    for (i = 0; i < n; i++) {
        double magnitude = fabs(ticks[i]);

        if (magnitude <= zeroish)
            continue;
        if (magnitude >= high || magnitude <= low)
            return true;
    }
    return false;
}

/*
 * Whether a label reads as its tick: within a hundredth of the ticks'
 * spacing. Bokeh checks only that neighbouring labels differ, which two
 * ticks at 0.002 and 0.0025 pass as "0.002" and "0.003"; with Bokeh's own
 * tick counts three or more ticks catch that as a repeat, but an axis
 * thinned to two ticks would keep the wrong label.
 */
static bool label_reads_as(const char *label, double tick, double spacing)
{
    double value;

    return pp__parse_number(label, strlen(label), &value) &&
           fabs(value - tick) <= spacing / 100.0;
}

/* Bokeh's auto precision: the first of 3..15 whose neighbouring labels all
 * differ (and, unlike Bokeh, read as their ticks), or 3 when none does. */
static int auto_precision(const double *ticks, const decimal *exact,
                          size_t n, bool scientific)
{
    char labels[2][LABEL_SIZE];
    double spacing = INFINITY;
    int precision;
    size_t i;

    for (i = 1; i < n; i++)
        spacing = fmin(spacing, fabs(ticks[i] - ticks[i - 1]));
    for (precision = 3; precision <= 15; precision++) {
        format_one(ticks[0], &exact[0], scientific, precision, labels[0]);
        if (n > 1 && !label_reads_as(labels[0], ticks[0], spacing))
            continue;
        for (i = 1; i < n; i++) {
            format_one(ticks[i], &exact[i], scientific, precision,
                       labels[i % 2]);
            if (strcmp(labels[i % 2], labels[(i - 1) % 2]) == 0 ||
                !label_reads_as(labels[i % 2], ticks[i], spacing))
                break;
        }
        if (i == n)
            return precision;
    }
    return 3;
}

/* A copy of text with each '-' written as U+2212, as Bokeh draws it. */
static char *with_minus_signs(const char *text)
{
    char out[LABEL_SIZE * 3];
    size_t len = 0;

    for (; *text != '\0' && len + 4 < sizeof out; text++) {
        if (*text == '-') {
            memcpy(out + len, MINUS_SIGN, 3);
            len += 3;
        } else {
            out[len++] = *text;
        }
    }
    out[len] = '\0';
    return pp__strdup(out);
}

void pp__labels_free(char **labels, size_t n)
{
    size_t i;

    if (labels == NULL)
        return;
    for (i = 0; i < n; i++)
        free(labels[i]);
    free(labels);
}

/* Takes ownership of a label; frees everything made so far on failure. */
static bool store_label(char **labels, size_t i, char *label)
{
    if (label != NULL) {
        labels[i] = label;
        return true;
    }
    pp__labels_free(labels, i);
    return false;
}

static pp_status new_labels(size_t n, char ***labels)
{
    *labels = NULL;
    if (n == 0)
        return PP_OK;
    if (n > SIZE_MAX / sizeof **labels)
        return PP_ERR_NOMEM;
    *labels = calloc(n, sizeof **labels);
    return *labels == NULL ? PP_ERR_NOMEM : PP_OK;
}

pp_status pp__format_ticks_basic(const double *ticks, size_t n,
                                 char ***labels)
{
    char text[LABEL_SIZE];
    decimal *exact;
    bool scientific;
    int precision;
    size_t i;

    *labels = NULL;
    for (i = 0; i < n; i++) {
        if (!isfinite(ticks[i]))
            return PP_ERR_ARGUMENT;
    }
    if (n == 0)
        return PP_OK;

    /* The exact digits are found once per tick; the precision search then
     * only rounds them. */
    exact = malloc(n * sizeof *exact);
    if (exact == NULL || new_labels(n, labels) != PP_OK) {
        free(exact);
        return PP_ERR_NOMEM;
    }
    for (i = 0; i < n; i++)
        exact_decimal(ticks[i], &exact[i]);

    scientific = need_scientific(ticks, n);
    precision = auto_precision(ticks, exact, n, scientific);
    for (i = 0; i < n; i++) {
        format_one(ticks[i], &exact[i], scientific, precision, text);
        if (!store_label(*labels, i, with_minus_signs(text))) {
            *labels = NULL;
            free(exact);
            return PP_ERR_NOMEM;
        }
    }
    free(exact);
    return PP_OK;
}

/* UTF-8 superscripts: digits 0..9, then minus. */
static const char *const superscript[11] = {
    "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
    "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8",
    "\xe2\x81\xb9", "\xe2\x81\xbb"
};

static const unsigned long superscript_code[11] = {
    0x2070, 0x00b9, 0x00b2, 0x00b3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078,
    0x2079, 0x207b
};

unsigned pp__superscript_mask(pp_fonts_t *fonts)
{
    unsigned mask = 0;
    int i;

    for (i = 0; i < 11; i++)
        if (pp__fonts_has_char(fonts, PP_FONT_NORMAL, superscript_code[i]))
            mask |= 1u << i;
    return mask;
}

/* JavaScript's Math.round: halves go up, also for negatives. */
static double js_round(double x)
{
    double down = floor(x);

    return x - down >= 0.5 ? down + 1 : down;
}

/*
 * The rounded exponent of each tick, or false when Bokeh would fall back to
 * the basic formatter: a tick that is not > 0, or two neighbours sharing an
 * exponent. Unlike Bokeh, also a tick that is not a power of ten: ticks at
 * 0.003 and 0.004 (an axis thinned to two, or within one decade) round to
 * exponents -3 and -2 and would read "10⁻³" and "10⁻²".
 */
static bool log_exponents(const double *ticks, size_t n, int *exponents)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (!(ticks[i] > 0) || !isfinite(ticks[i]))
            return false;
        exponents[i] = (int)js_round(log(ticks[i]) / log(10.0));
        if (i > 0 && exponents[i] == exponents[i - 1])
            return false;
        if (fabs(ticks[i] / pow(10.0, exponents[i]) - 1.0) > 1e-9)
            return false;
    }
    return true;
}

/* The superscript characters an exponent needs, as a mask. */
static unsigned superscripts_needed(int exponent)
{
    unsigned needed = exponent < 0 ? PP__SUPERSCRIPT_MINUS : 0;
    int rest = abs(exponent);

    /* 10^0 and 10^1 are written "1" and "10". */
    if (exponent == 0 || exponent == 1)
        return 0;

    do {
        needed |= 1u << (rest % 10);
        rest /= 10;
    } while (rest > 0);
    return needed;
}

static char *log_label(int exponent, bool use_superscripts)
{
    char digits[16], text[LABEL_SIZE];
    size_t len = 0;
    const char *p;

    if (!use_superscripts) {
        snprintf(text, sizeof text, "1e%d", exponent);
        return with_minus_signs(text);
    }
    if (exponent == 0 || exponent == 1)
        return pp__strdup(exponent == 0 ? "1" : "10");
    snprintf(digits, sizeof digits, "%d", abs(exponent));
    text[0] = '\0';
    put(text, &len, "10");
    if (exponent < 0)
        put(text, &len, superscript[10]);
    for (p = digits; *p != '\0'; p++)
        put(text, &len, superscript[*p - '0']);
    return pp__strdup(text);
}

pp_status pp__format_ticks_log(const double *ticks, size_t n,
                               unsigned superscripts, char ***labels)
{
    unsigned needed = 0;
    int *exponents;
    size_t i;

    *labels = NULL;
    if (n == 0)
        return PP_OK;
    exponents = malloc(n * sizeof *exponents);
    if (exponents == NULL)
        return PP_ERR_NOMEM;
    if (!log_exponents(ticks, n, exponents)) {
        free(exponents);
        return pp__format_ticks_basic(ticks, n, labels);
    }

    /* One style for the whole axis: superscripts only if the font has
     * every one the labels need. */
    for (i = 0; i < n; i++)
        needed |= superscripts_needed(exponents[i]);
    if (new_labels(n, labels) != PP_OK) {
        free(exponents);
        return PP_ERR_NOMEM;
    }
    for (i = 0; i < n; i++) {
        char *label = log_label(exponents[i], (needed & ~superscripts) == 0);

        if (!store_label(*labels, i, label)) {
            *labels = NULL;
            free(exponents);
            return PP_ERR_NOMEM;
        }
    }
    free(exponents);
    return PP_OK;
}
