/*
 * Locale-independent decimal numbers: parsing CSV cells and formatting
 * labels.
 *
 * Parsing checks the syntax by hand, so hex floats ("0x10") and decimal
 * commas ("1,5") are never numbers, whatever strtod would say. Most cells
 * take the fast path below; the rest go to strtod under a C locale object,
 * which is slow but exact.
 */
#include "pp_internal.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Inputs shorter than this are copied to the stack for strtod. */
#define SHORT_NUMBER 128

/* Significant digits the fast path collects: 19 always fit in a u64. */
#define FAST_DIGITS 19

/* Powers of ten that a double holds exactly. */
static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};
#define MAX_EXACT_POW10 22

/* 2^53: every integer up to it is exact in a double. */
#define MAX_EXACT_INT 9007199254740992ULL

/* The fast path needs double arithmetic without extended precision. */
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
#define FAST_PATH_EXACT true
#else
#define FAST_PATH_EXACT false
#endif

/* ------------------------------------------------------------------------ */
/* The C locale                                                              */
/* ------------------------------------------------------------------------ */

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/*
 * Switches this thread to the C locale and returns the locale to restore,
 * or (locale_t)0 when no C locale object could be made.
 * XXX: without one (out of memory at first use) we run in the caller's
 * locale, which only matters when it has a decimal comma.
 */
static locale_t enter_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    if (c_locale == (locale_t)0)
        return (locale_t)0;
    return uselocale(c_locale);
}

static void leave_c_locale(locale_t previous)
{
    if (previous != (locale_t)0)
        uselocale(previous);
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                   */
/* ------------------------------------------------------------------------ */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void trim(const char **begin, const char **end)
{
    while (*begin < *end && is_blank(**begin))
        (*begin)++;
    while (*end > *begin && is_blank((*end)[-1]))
        (*end)--;
}

/* Compares [p, end) with a lowercase word, ignoring the case of p. */
static bool equals_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word), i;

    if ((size_t)(end - p) != n)
        return false;
    for (i = 0; i < n; i++) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

/* "inf", "infinity" and "nan" after the sign. */
static bool parse_special(const char *p, const char *end, bool negative,
                          double *out)
{
    double value;

    if (equals_word(p, end, "inf") || equals_word(p, end, "infinity"))
        value = INFINITY;
    else if (equals_word(p, end, "nan"))
        value = NAN;
    else
        return false;
    *out = negative ? -value : value;
    return true;
}

/* What the syntax check learned about a decimal number. */
typedef struct decimal {
    uint64_t mantissa;   /* the first FAST_DIGITS significant digits */
    long scale;          /* the value is mantissa * 10^scale, when exact */
    bool exact;          /* no significant digit was left out */
} decimal;

/*
 * Checks digits, an optional '.', more digits and an optional exponent, and
 * collects the significant digits. At least one digit is needed before the
 * exponent. Returns false on anything else.
 */
static bool scan_decimal(const char *p, const char *end, decimal *d)
{
    int ndigits = 0, nsignificant = 0;
    long exponent = 0;
    bool seen_point = false, exponent_negative = false;

    d->mantissa = 0;
    d->scale = 0;
    d->exact = true;
    for (; p < end; p++) {
        if (*p == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (!is_digit(*p))
            break;
        ndigits++;
        if (d->mantissa == 0 && *p == '0') {
            d->scale -= seen_point;     /* a leading zero only shifts */
        } else if (nsignificant < FAST_DIGITS) {
            d->mantissa = d->mantissa * 10 + (uint64_t)(*p - '0');
            nsignificant++;
            d->scale -= seen_point;
        } else {
            /* Dropped zeros keep the value exact; other digits need
               strtod's rounding. */
            d->exact = d->exact && *p == '0';
            d->scale += !seen_point;
        }
    }
    if (ndigits == 0)
        return false;

    /* The exponent saturates: 1e99999 is as infinite as 1e400. */
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            exponent_negative = *p++ == '-';
        if (p == end || !is_digit(*p))
            return false;
        for (; p < end && is_digit(*p); p++)
            if (exponent < 100000)
                exponent = exponent * 10 + (*p - '0');
        d->scale += exponent_negative ? -exponent : exponent;
    }
    return p == end;
}

/*
 * Clinger's fast path: when the digits and the power of ten are both exact
 * doubles, one correctly rounded multiplication or division gives the
 * correctly rounded result.
 */
static bool fast_path(const decimal *d, bool negative, double *out)
{
    double value;
    uint64_t mantissa = d->mantissa;
    long scale = d->scale;

    if (!FAST_PATH_EXACT || !d->exact)
        return false;
    if (mantissa == 0) {
        *out = negative ? -0.0 : 0.0;
        return true;
    }
    /* 15e23 is 1500e21: move zeros into the digits while they stay exact. */
    while (scale > MAX_EXACT_POW10 && mantissa <= MAX_EXACT_INT / 10) {
        mantissa *= 10;
        scale--;
    }
    if (mantissa > MAX_EXACT_INT || scale > MAX_EXACT_POW10 ||
        scale < -MAX_EXACT_POW10)
        return false;
    value = (double)mantissa;
    value = scale < 0 ? value / exact_pow10[-scale]
                      : value * exact_pow10[scale];
    *out = negative ? -value : value;
    return true;
}

/* strtod in the C locale on [p, end), which scan_decimal accepted. */
static bool slow_path(const char *p, const char *end, double *out)
{
    char small[SHORT_NUMBER], *copy = small, *stop;
    size_t n = (size_t)(end - p);
    locale_t previous;

    /* XXX: out of memory, a huge cell reads as "not a number". */
    if (n >= sizeof small) {
        copy = malloc(n + 1);
        if (copy == NULL)
            return false;
    }
    memcpy(copy, p, n);
    copy[n] = '\0';

    previous = enter_c_locale();
    *out = strtod(copy, &stop);
    leave_c_locale(previous);

    if (copy != small)
        free(copy);
    return stop == copy + n;
}

bool pp__parse_number(const char *text, size_t len, double *out)
{
    const char *start = text, *end = text + len, *p;
    bool negative = false;
    decimal d;

    trim(&start, &end);
    p = start;
    if (p < end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
    if (p == end)
        return false;
    if (!is_digit(*p) && *p != '.')
        return parse_special(p, end, negative, out);

    if (!scan_decimal(p, end, &d))
        return false;
    if (fast_path(&d, negative, out))
        return true;
    return slow_path(start, end, out);
}

bool pp__is_missing(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    size_t n;

    trim(&p, &end);
    n = (size_t)(end - p);
    if (n == 0)
        return true;
    if ((n == 2 && memcmp(p, "NA", 2) == 0) ||
        (n == 3 && memcmp(p, "N/A", 3) == 0))
        return true;
    return equals_word(p, end, "nan") || equals_word(p, end, "null");
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */
/* ------------------------------------------------------------------------ */

void pp__format_number(char *buf, size_t size, const char *format,
                       double value)
{
    locale_t previous;
    int written;

    if (size == 0)
        return;
    previous = enter_c_locale();
    written = snprintf(buf, size, format, value);
    leave_c_locale(previous);
    if (written < 0)
        buf[0] = '\0';
}
