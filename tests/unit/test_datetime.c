/* Tests of ISO-8601 date-time parsing and strftime-like formatting. */
#include "check.h"
#include "pp_internal.h"

#define DAY_MS 86400000.0

static double parsed(const char *text)
{
    double ms = -1.0;

    CHECK_MSG(pp__parse_datetime(text, strlen(text), &ms),
              "\"%s\" was rejected", text);
    return ms;
}

static bool parses(const char *text)
{
    double ms;

    return pp__parse_datetime(text, strlen(text), &ms);
}

static const char *formatted(const char *format, double ms)
{
    static char buf[128];

    pp__format_datetime(buf, sizeof buf, format, ms);
    return buf;
}

static void test_known_epoch_values(void)
{
    CHECK(parsed("1970-01-01") == 0.0);
    CHECK(parsed("2011-04-13 11:39") == 1302694740000.0);
    CHECK(parsed("2011-04-13T11:39:00Z") == 1302694740000.0);
    CHECK(parsed("2000-01-01T00:00:00") == 946684800000.0);
    CHECK(parsed("2038-01-19 03:14:07") == 2147483647000.0);
    CHECK(parsed("1969-12-31T23:59:59") == -1000.0);
    CHECK(parsed("1900-01-01") == -2208988800000.0);
    CHECK(parsed("0001-01-01") == -62135596800000.0);
}

static void test_fractional_seconds(void)
{
    CHECK(parsed("1970-01-01T00:00:01.5") == 1500.0);
    CHECK(parsed("2011-04-13 11:39:05.123Z") == 1302694745123.0);
    CHECK(parsed("1969-12-31T23:59:59.5Z") == -500.0);
    CHECK_NEAR(parsed("1970-01-01 00:00:00.000250"), 0.25, 1e-9);
}

static void test_leap_years(void)
{
    CHECK(parsed("2000-03-01") - parsed("2000-02-28") == 2 * DAY_MS);
    CHECK(parsed("1900-03-01") - parsed("1900-02-28") == 1 * DAY_MS);
    CHECK(parsed("2024-12-31") - parsed("2024-01-01") == 365 * DAY_MS);
    CHECK(parsed("2023-12-31") - parsed("2023-01-01") == 364 * DAY_MS);
    CHECK(parses("2000-02-29"));
    CHECK(parses("2024-02-29"));
    CHECK(!parses("1900-02-29"));
    CHECK(!parses("2023-02-29"));
}

static void test_invalid_dates_are_rejected(void)
{
    static const char *const cases[] = {
        "", "2011", "2011-04", "2011-13-01", "2011-00-10", "2011-04-00",
        "2011-04-31", "2011-02-30", "2011-4-13", "11-04-13", "2011/04/13",
        "2011-04-13x", "2011-04-13 11", "2011-04-13 11:3",
        "2011-04-13 24:00", "2011-04-13 11:60", "2011-04-13 11:39:60",
        "2011-04-13 11:39:05.", "2011-04-13 11:39:05.1x", "2011-04-13Z",
        "2011-04-13 11:39ZZ", "2011-04-13 11:39+01:00", "13/04/2011",
        "1302694740000", "2011-04-13t11:39",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_MSG(!parses(cases[i]), "\"%s\" was accepted", cases[i]);
    /* Surrounding spaces are allowed, as around numbers in cells. */
    CHECK(parses(" 2011-04-13 "));
}

static void test_parse_reads_only_len_bytes(void)
{
    double ms = 0.0;

    CHECK(pp__parse_datetime("2011-04-13 11:39 and more", 16, &ms));
    CHECK(ms == 1302694740000.0);
}

static void test_format_codes(void)
{
    double t = parsed("2011-04-13 11:39:05.123");

    CHECK_STR(formatted("%Y-%m-%d %H:%M:%S", t), "2011-04-13 11:39:05");
    CHECK_STR(formatted("%b %d, %a", t), "Apr 13, Wed");
    CHECK_STR(formatted("%B %A", t), "April Wednesday");
    CHECK_STR(formatted("%j", t), "103");
    CHECK_STR(formatted("%y %e %I%p", t), "11 13 11AM");
    CHECK_STR(formatted("%3Nms", t), "123ms");
    CHECK_STR(formatted("100%% at %H:%M", t), "100% at 11:39");
    CHECK_STR(formatted("%m/%d", t), "04/13");
    CHECK_STR(formatted("%Q %", t), "%Q %");
}

static void test_format_before_the_epoch(void)
{
    CHECK_STR(formatted("%Y-%m-%d %H:%M:%S %a", -1000.0),
              "1969-12-31 23:59:59 Wed");
    CHECK_STR(formatted("%Y-%m-%d %j", parsed("1900-03-01")),
              "1900-03-01 060");
    CHECK_STR(formatted("%Y-%m-%d %a", parsed("0001-01-01")),
              "0001-01-01 Mon");
}

static void test_format_truncates_and_rejects_nan(void)
{
    char buf[5];

    pp__format_datetime(buf, sizeof buf, "%Y-%m-%d", 0.0);
    CHECK_STR(buf, "1970");
    CHECK_STR(formatted("%Y", NAN), "");
    CHECK_STR(formatted("%Y", INFINITY), "");
}

/* Every day from 1600 to 2400 formats and parses back to itself. */
static void test_round_trip_every_day(void)
{
    double start = parsed("1600-01-01"), end = parsed("2400-12-31"), ms;
    char text[64];

    for (ms = start; ms <= end && !check_failed; ms += DAY_MS) {
        double back = -1.0, noon = ms + 12 * 3600000.0 + 34 * 60000.0;
        pp__format_datetime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", noon);
        CHECK_MSG(pp__parse_datetime(text, strlen(text), &back) &&
                  back == noon, "%.0f formats as \"%s\", which parses to "
                  "%.0f", noon, text, back);
    }
    CHECK_STR(formatted("%Y-%m-%d", end), "2400-12-31");
    CHECK_STR(formatted("%j", end), "366");
}

int main(void)
{
    RUN(test_known_epoch_values);
    RUN(test_fractional_seconds);
    RUN(test_leap_years);
    RUN(test_invalid_dates_are_rejected);
    RUN(test_parse_reads_only_len_bytes);
    RUN(test_format_codes);
    RUN(test_format_before_the_epoch);
    RUN(test_format_truncates_and_rejects_nan);
    RUN(test_round_trip_every_day);
    CHECK_EXIT();
}
