/* Tests of number parsing and formatting: exactness and locale. */
#include "check.h"
#include "pp_internal.h"

#include <float.h>
#include <locale.h>
#include <stdint.h>

/* A small deterministic generator, so failures repeat. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t rng(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33);
}

static bool same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* Parses text with pp__parse_number and strtod; reports any difference. */
static void check_like_strtod(const char *text)
{
    double ours = 0.0, theirs = strtod(text, NULL);

    if (!pp__parse_number(text, strlen(text), &ours))
        CHECK_MSG(0, "\"%s\" was rejected", text);
    else if (!same_bits(ours, theirs))
        CHECK_MSG(0, "\"%s\" gave %.17g, strtod %.17g", text, ours, theirs);
}

static bool parses(const char *text)
{
    double value;

    return pp__parse_number(text, strlen(text), &value);
}

static double parsed(const char *text)
{
    double value = -12345.0;

    CHECK_MSG(pp__parse_number(text, strlen(text), &value),
              "\"%s\" was rejected", text);
    return value;
}

/* Writes random digits with a point somewhere and maybe an exponent. */
static void random_number(char *buf, int max_digits, int max_exponent)
{
    int ndigits = 1 + (int)(rng() % (uint32_t)max_digits);
    int point = (int)(rng() % (uint32_t)(ndigits + 1)), i;
    char *p = buf;

    if (rng() % 2)
        *p++ = '-';
    for (i = 0; i < ndigits; i++) {
        if (i == point)
            *p++ = '.';
        *p++ = (char)('0' + rng() % 10);
    }
    if (rng() % 3 != 0)
        p += sprintf(p, "e%d", (int)(rng() % (uint32_t)(2 * max_exponent + 1))
                                   - max_exponent);
    *p = '\0';
}

static void test_parse_matches_strtod_on_short_numbers(void)
{
    char buf[64];
    int i;

    /* Mostly the fast path: few digits, small exponents. */
    for (i = 0; i < 300000 && !check_failed; i++) {
        random_number(buf, 15, 25);
        check_like_strtod(buf);
    }
}

static void test_parse_matches_strtod_on_long_numbers(void)
{
    char buf[128];
    int i;

    /* Mostly strtod: many digits, exponents up to overflow and below. */
    for (i = 0; i < 200000 && !check_failed; i++) {
        random_number(buf, 40, 340);
        check_like_strtod(buf);
    }
}

static void test_parse_matches_strtod_on_halfway_cases(void)
{
    static const char *const cases[] = {
        "9007199254740993",         /* 2^53 + 1: ties to even, down */
        "9007199254740995",         /* ties to even, up */
        "9007199254740993.000000000000000000001",
        "18014398509481985",        /* above 2^53, exact integer part */
        "1e23", "8.98846567431158e307", "1.7976931348623157e308",
        "1.7976931348623158e308",   /* rounds to DBL_MAX */
        "1.7976931348623159e308",   /* overflows to inf */
        "2.2250738585072011e-308", "2.2250738585072012e-308",
        "4.9406564584124654e-324",  /* the smallest subnormal */
        "2.4703282292062327e-324",  /* just below half of it: 0 */
        "2.4703282292062328e-324",  /* just above: rounds up */
        "-1e-320", "1e-400", "0.1", "0.2", "0.3", "123456789012345678",
        "0.000000000000000000000000000000001", "1e22", "1e-22", "15e23",
        "123456789e-22", "4503599627370496.5", "4503599627370497.5",
        "10000000000000000000000000000", "0e999999", "-0.0",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_like_strtod(cases[i]);
}

/*
 * Exact midpoints between neighbouring doubles, which must round to even,
 * and the same nudged just above and below. A long double with a 64-bit
 * mantissa holds the midpoint exactly and glibc prints it digit for digit.
 */
static void test_parse_matches_strtod_on_generated_midpoints(void)
{
    static char text[1200];
    int i;

    if (LDBL_MANT_DIG < 64) {
        SKIP("long double cannot hold a midpoint between doubles");
        return;
    }
    for (i = 0; i < 3000 && !check_failed; i++) {
        uint64_t bits = ((uint64_t)rng() << 32 | rng()) &
                        0x7FEFFFFFFFFFFFFFULL;   /* finite, not the last */
        double low, high;
        size_t len;
        memcpy(&low, &bits, sizeof low);
        high = nextafter(low, INFINITY);
        snprintf(text, sizeof text, "%.1100Le",
                 ((long double)low + (long double)high) / 2);
        check_like_strtod(text);
        /* Nudge: a trailing 1 in the mantissa lifts it above halfway. */
        len = strcspn(text, "e");
        memmove(text + len + 1, text + len, strlen(text + len) + 1);
        text[len] = '1';
        check_like_strtod(text);
    }
}

static void test_parse_matches_strtod_on_long_inputs(void)
{
    static char digits[2100];
    size_t i;

    /* 2000 digits: longer than any stack buffer in the parser. */
    for (i = 0; i < 2000; i++)
        digits[i] = (char)('1' + i % 9);
    memcpy(digits + 2000, "e-1990", 7);
    check_like_strtod(digits);
    digits[1] = '.';
    check_like_strtod(digits);
}

static void test_parse_exact_known_values(void)
{
    CHECK(parsed("9007199254740993") == 9007199254740992.0);
    CHECK(parsed("1e308") == 1e308);
    CHECK(parsed("-1e308") == -1e308);
    CHECK(parsed("2.5e1") == 25.0);
    CHECK(parsed("-1e-320") < 0.0 && parsed("-1e-320") > -DBL_MIN);
    CHECK(parsed("1e400") == INFINITY);
    CHECK(same_bits(parsed("-0"), -0.0));
}

static void test_parse_accepts_cell_forms(void)
{
    CHECK(parsed(" 12 ") == 12.0);
    CHECK(parsed("\t7\t") == 7.0);
    CHECK(parsed("+3") == 3.0);
    CHECK(parsed(".5") == 0.5);
    CHECK(parsed("5.") == 5.0);
    CHECK(parsed("1E5") == 1e5);
    CHECK(parsed("1e+05") == 1e5);
    CHECK(parsed("007") == 7.0);
    CHECK(parsed("inf") == INFINITY);
    CHECK(parsed("-Infinity") == -INFINITY);
    CHECK(parsed("INF") == INFINITY);
    CHECK(isnan(parsed("nan")));
    CHECK(isnan(parsed("-NaN")));
}

static void test_parse_rejects_non_numbers(void)
{
    static const char *const cases[] = {
        "", " ", "0x10", "0X1p3", "1,5", "1e", "1e+", "e5", ".", "+", "-",
        "+-1", "--1", "1.2.3", "12a", "1 2", "1e5.5", "nan(1)", "infin",
        "infinityx", "1d5", "\xD9\xA1\xD9\xA2", "$5", "5%",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_MSG(!parses(cases[i]), "\"%s\" was accepted", cases[i]);
}

static void test_parse_reads_only_len_bytes(void)
{
    /* No NUL after the digits: the parser must stop at len. */
    static const char fast[3] = {'1', '2', '3'};
    static const char slow[25] = {'1', '2', '3', '4', '5', '6', '7', '8',
                                  '9', '0', '1', '2', '3', '4', '5', '6',
                                  '7', '8', '9', '0', '1', '2', '3', '4',
                                  '5'};
    double value = 0.0;

    CHECK(pp__parse_number(fast, sizeof fast, &value) && value == 123.0);
    CHECK(pp__parse_number("4567", 2, &value) && value == 45.0);
    CHECK(pp__parse_number(slow, sizeof slow, &value) &&
          value == 1234567890123456789012345.0);
}

static void test_is_missing_markers(void)
{
    static const char *const missing[] = {
        "", "  ", "NaN", "nan", "NAN", "NA", "N/A", "null", "NULL", "Null",
        " NA ",
    };
    static const char *const present[] = {
        "0", "na", "n/a", "none", "-", "NAN1", "nul",
    };
    size_t i;

    for (i = 0; i < sizeof missing / sizeof missing[0]; i++)
        CHECK_MSG(pp__is_missing(missing[i], strlen(missing[i])),
                  "\"%s\" is not missing", missing[i]);
    for (i = 0; i < sizeof present / sizeof present[0]; i++)
        CHECK_MSG(!pp__is_missing(present[i], strlen(present[i])),
                  "\"%s\" is missing", present[i]);
}

static void test_format_number_like_printf(void)
{
    char buf[64];

    pp__format_number(buf, sizeof buf, "%.3e", 12345.678);
    CHECK_STR(buf, "1.235e+04");
    pp__format_number(buf, sizeof buf, "%g", 0.5);
    CHECK_STR(buf, "0.5");
    pp__format_number(buf, sizeof buf, "%.2f", -2.5);
    CHECK_STR(buf, "-2.50");
    pp__format_number(buf, 5, "%.3f", 3.14159);
    CHECK_STR(buf, "3.14");
}

/*
 * A host program may switch to a locale with a decimal comma. Neither
 * parsing nor formatting may notice.
 */
static void test_locale_does_not_change_numbers(void)
{
    char buf[64];

    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
        SKIP("the de_DE.UTF-8 locale is not installed (locale-gen it)");
        return;
    }
    CHECK(parsed("1.5") == 1.5);
    CHECK(!parses("1,5"));
    CHECK(parsed("0.1000000000000000055511151231257827") == 0.1);
    CHECK(parsed("2.5e1") == 25.0);
    pp__format_number(buf, sizeof buf, "%.2f", 1.5);
    CHECK_STR(buf, "1.50");
    pp__format_number(buf, sizeof buf, "%g", 0.25);
    CHECK_STR(buf, "0.25");
    setlocale(LC_ALL, "C");
}

int main(void)
{
    RUN(test_parse_matches_strtod_on_short_numbers);
    RUN(test_parse_matches_strtod_on_long_numbers);
    RUN(test_parse_matches_strtod_on_halfway_cases);
    RUN(test_parse_matches_strtod_on_generated_midpoints);
    RUN(test_parse_matches_strtod_on_long_inputs);
    RUN(test_parse_exact_known_values);
    RUN(test_parse_accepts_cell_forms);
    RUN(test_parse_rejects_non_numbers);
    RUN(test_parse_reads_only_len_bytes);
    RUN(test_is_missing_markers);
    RUN(test_format_number_like_printf);
    RUN(test_locale_does_not_change_numbers);
    CHECK_EXIT();
}
