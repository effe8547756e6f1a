/*
 * Tests of what bad input turns into: messages that stay one line whatever
 * they quote, spec bytes JSON does not allow, ranges that data at the ends
 * of the doubles would push out of them, and wide headers and long factor
 * lists that once took quadratic time. Each property here was first
 * broken by a fuzzer's input or a case of tests/bad/.
 */
#include "check.h"
#include "model.h"

#include <float.h>

static pp_error_t err;

static void test_fail_escapes_control_characters(void)
{
    pp_status st = pp__fail(&err, PP_ERR_CSV, "x.csv:3: has '%s'",
                            "a\nb\rc\td\x01" "e\x7F" "f");

    CHECK_INT(st, PP_ERR_CSV);
    CHECK_INT(err.status, PP_ERR_CSV);
    CHECK_STR(err.message, "x.csv:3: has 'a\\nb\\rc\\td\\x01e\\x7Ff'");
}

static void test_fail_keeps_utf8_text(void)
{
    pp__fail(&err, PP_ERR_SPEC, "%s", "dur\xC3\xA9" "e \xE2\x80\xA6");
    CHECK_STR(err.message, "dur\xC3\xA9" "e \xE2\x80\xA6");
}

/* Bytes that are not UTF-8 (a character cut by a buffer upstream, a
   Latin-1 byte) are written as escapes: a message is always text. */
static void test_fail_escapes_bytes_that_are_not_utf8(void)
{
    pp__fail(&err, PP_ERR_SPEC, "near '%s' and '%s'", "\"Z\\\xC3",
             "caf\xE9!");
    CHECK_STR(err.message, "near '\"Z\\\\xC3' and 'caf\\xE9!'");
}

/* A long message is cut before an escape that would not fit, never in it. */
static void test_fail_cuts_before_an_escape(void)
{
    char text[PP_ERROR_MESSAGE_SIZE];
    size_t len;

    /* 1022 letters fit with the NUL; "\\n" after them would not. */
    memset(text, 'a', sizeof text - 2);
    text[sizeof text - 2] = '\n';
    text[sizeof text - 1] = '\0';
    pp__fail(&err, PP_ERR_CSV, "%s", text);
    len = strlen(err.message);
    CHECK_INT(len, PP_ERROR_MESSAGE_SIZE - 2);
    CHECK(len > 0 && err.message[len - 1] == 'a');
}

/* A message that would not fit keeps its end: long quotes are cut. */
static void test_fail_shortens_long_quotes_to_fit(void)
{
    char value[5000], expected[200];

    memset(value, 'v', sizeof value - 1);
    value[sizeof value - 1] = '\0';
    pp__fail(&err, PP_ERR_SPEC, "t.json:1:2: source '%s' is not defined",
             value);
    snprintf(expected, sizeof expected, "t.json:1:2: source '%.60s...' is "
             "not defined", value);
    CHECK_STR(err.message, expected);

    /* A message that fits is left whole, however long its quotes. */
    value[300] = '\0';
    pp__fail(&err, PP_ERR_SPEC, "source '%s' is not defined", value);
    CHECK_INT(strlen(err.message), 300 + strlen("source '' is not defined"));
}

/* The cut falls at the start of a character, never inside one. */
static void test_fail_shortens_quotes_at_characters(void)
{
    char value[3000];
    size_t i;

    for (i = 0; i + 2 < sizeof value; i += 2)
        memcpy(value + i, "\xC3\xA9", 2);
    value[i] = '\0';
    pp__fail(&err, PP_ERR_CSV, "has '%s'", value);
    CHECK_INT(strlen(err.message), strlen("has '...'") + 60);
    CHECK(strstr(err.message, "\xC3\xA9...'") != NULL);
}

static char warning[PP_ERROR_MESSAGE_SIZE];

static void keep_warning(void *user, const char *message)
{
    (void)user;
    snprintf(warning, sizeof warning, "%s", message);
}

static void test_warn_escapes_control_characters(void)
{
    pp__warnings sink = {.fn = keep_warning};

    pp__warn(&sink, "shortened the tick label '%s'", "two\nlines");
    CHECK_STR(warning, "shortened the tick label 'two\\nlines'");
}

/* A figure laid out twice (PNG, then HTML page) gives each warning once. */
static void test_warn_gives_a_message_once(void)
{
    pp__warnings sink = {.fn = keep_warning};

    pp__warn(&sink, "first %d", 1);
    warning[0] = '\0';
    pp__warn(&sink, "first %d", 1);
    CHECK_STR(warning, "");
    pp__warn(&sink, "second");
    CHECK_STR(warning, "second");
    CHECK_INT((int)sink.ngiven, 2);
}

static pp_status load(const char *json, size_t len, pp_figure_t **fig)
{
    return pp_figure_load_json(json, len, "t.json", NULL, fig, &err);
}

/* A byte-order mark is skipped; places are counted after it. */
static void test_spec_byte_order_mark_is_skipped(void)
{
    static const char good[] = "\xEF\xBB\xBF{\"width\": 200}";
    static const char bad[] = "\xEF\xBB\xBF{\"width\": \"x\"}";
    pp_figure_t *fig = NULL;

    CHECK_INT(load(good, sizeof good - 1, &fig), PP_OK);
    CHECK_INT(fig != NULL ? fig->width : 0, 200);
    pp_figure_destroy(fig);
    CHECK_INT(load(bad, sizeof bad - 1, &fig), PP_ERR_SPEC);
    CHECK_CONTAINS(err.message, "t.json:1:11: width: must be a number");
}

/* jansson would skip a NUL; the spec is refused at its place. */
static void test_spec_nul_byte_is_refused(void)
{
    static const char json[] = "{\"width\": 200,\n \0\"height\": 100}";
    pp_figure_t *fig = NULL;

    CHECK_INT(load(json, sizeof json - 1, &fig), PP_ERR_SPEC);
    CHECK(fig == NULL);
    CHECK_STR(err.message, "t.json:2:2: invalid JSON: a NUL byte (0x00), "
              "which JSON text cannot hold");
}

/* The automatic range of a log axis over a figure's x data. */
static pp_status log_range(const double *x, size_t n, pp__range *range)
{
    static const char json[] =
        "{\"x_axis_type\": \"log\", \"sources\": {\"s\": {\"data\": {}}},"
        " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","
        " \"x\": \"x\", \"y\": \"x\"}]}";
    pp_figure_t *fig = NULL;
    pp_status st = load(json, sizeof json - 1, &fig);

    if (st == PP_OK)
        st = pp_figure_set_column(fig, "s", "x", x, n, &err);
    if (st == PP_OK)
        st = pp__resolve_renderer(fig, &fig->renderers[0], &err);
    if (st == PP_OK) {
        pp__compute_ranges(fig);
        *range = fig->x_range;
    }
    pp_figure_destroy(fig);
    return st;
}

/*
 * Padding data at the ends of the doubles keeps the range inside them: from
 * the least positive double, so that data all below DBL_MIN (subnormal)
 * stays inside too.
 */
static void test_log_range_of_extreme_data_stays_finite(void)
{
    static const double extreme[] = {1e-300, 1.0, 1e300};
    static const double subnormal[] = {5e-324, 1e-320};
    static const double usual[] = {1.0, 100.0};
    pp__range range;

    CHECK_INT(log_range(extreme, 3, &range), PP_OK);
    CHECK(range.start == nextafter(0.0, 1.0));
    CHECK(range.end == DBL_MAX);
    CHECK_INT(log_range(subnormal, 2, &range), PP_OK);
    CHECK(range.start > 0.0 && range.start <= 5e-324);
    CHECK(range.end >= 1e-320 && range.end < 1e-300);
    CHECK_INT(log_range(usual, 2, &range), PP_OK);
    CHECK_NEAR(range.start, pow(10.0, -0.1), 1e-12);
    CHECK_NEAR(range.end, pow(10.0, 2.1), 1e-9);
}

/* Reads a CSV text as the table of a figure's first source. */
static pp_status load_with_csv(const char *json, const char *csv,
                               pp_figure_t **fig)
{
    pp_status st = load(json, strlen(json), fig);

    if (st == PP_OK)
        st = pp__table_parse_csv("t.csv", csv, strlen(csv),
                                 &(*fig)->sources[0].table, &err);
    return st;
}

/* A wide header is checked by sorting: the message is still the pair met
   first from the left. */
static void test_duplicate_column_in_wide_header(void)
{
    pp__str csv = {0};
    pp__table *table = NULL;
    int i;

    for (i = 0; i < 1000; i++)
        pp__str_printf(&csv, "a%d,", i);
    pp__str_puts(&csv, "a500,a3,a7,a7\n");
    CHECK(!csv.failed);
    CHECK_INT(pp__table_parse_csv("t.csv", csv.data, csv.len, &table, &err),
              PP_ERR_CSV);
    CHECK_STR(err.message, "t.csv:1: column 'a500' appears twice (fields 501 "
              "and 1001)");
    pp__table_destroy(table);
    pp__str_free(&csv);
}

/* Long factor lists are looked up by hash: same positions as in order,
   the first of two equal factors counting. */
static void test_long_factor_list_positions(void)
{
    pp__str json = {0};
    const char *csv = "cat\nf0\nf39\nf5\nzz\n";
    pp_figure_t *fig = NULL;
    const double *y;
    int i;

    pp__str_puts(&json, "{\"sources\": {\"s\": {\"csv\": \"t.csv\"}}, "
                 "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                 "\"x\": 1, \"y\": {\"field\": \"cat\", \"transform\": "
                 "{\"type\": \"factor_index\", \"factors\": [");
    for (i = 0; i < 40; i++)
        pp__str_printf(&json, "\"f%d\", ", i);
    pp__str_puts(&json, "\"f5\"]}}}]}");
    CHECK(!json.failed);
    CHECK_INT(load_with_csv(json.data, csv, &fig), PP_OK);
    if (fig != NULL &&
        pp__resolve_renderer(fig, &fig->renderers[0], &err) == PP_OK) {
        y = fig->renderers[0].data.y;
        CHECK_INT(fig->renderers[0].data.n, 4);
        CHECK_NEAR(y[0], 1.0, 0.0);
        CHECK_NEAR(y[1], 40.0, 0.0);
        CHECK_NEAR(y[2], 6.0, 0.0);
        CHECK(isnan(y[3]));
    } else {
        CHECK_MSG(0, "%s", err.message);
    }
    pp_figure_destroy(fig);
    pp__str_free(&json);
}

int main(void)
{
    RUN(test_fail_escapes_control_characters);
    RUN(test_fail_keeps_utf8_text);
    RUN(test_fail_escapes_bytes_that_are_not_utf8);
    RUN(test_fail_cuts_before_an_escape);
    RUN(test_fail_shortens_long_quotes_to_fit);
    RUN(test_fail_shortens_quotes_at_characters);
    RUN(test_warn_escapes_control_characters);
    RUN(test_warn_gives_a_message_once);
    RUN(test_spec_byte_order_mark_is_skipped);
    RUN(test_spec_nul_byte_is_refused);
    RUN(test_log_range_of_extreme_data_stays_finite);
    RUN(test_duplicate_column_in_wide_header);
    RUN(test_long_factor_list_positions);
    CHECK_EXIT();
}
