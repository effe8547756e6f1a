/* Tests of the small shared helpers: strings, arrays, edit distance. */
#include "check.h"
#include "pp_internal.h"

static void test_edit_distance(void)
{
    CHECK_INT(pp__edit_distance("line_color", "line_colour"), 1);
    CHECK_INT(pp__edit_distance("", "abc"), 3);
    CHECK_INT(pp__edit_distance("width", "width"), 0);
    /* A swap of neighbours is one edit, not two. */
    CHECK_INT(pp__edit_distance("ulr", "url"), 1);
    CHECK_INT(pp__edit_distance("ocunt", "count"), 1);
    CHECK_INT(pp__edit_distance("kitten", "sitting"), 3);
}

static const char *nearest(const char *wanted, const char *const *names)
{
    pp__nearest n;

    pp__nearest_init(&n, wanted);
    for (; *names != NULL; names++)
        pp__nearest_offer(&n, *names);
    return pp__nearest_found(&n);
}

static void test_nearest_name(void)
{
    static const char *const columns[] = {"index", "cnt2", "Count", "c0",
                                          "y", NULL};
    static const char *const keys[] = {"line_color", "line_width", NULL};

    /* Equal but for case wins over a closer spelling met first. */
    CHECK_STR(nearest("count", columns), "Count");
    CHECK_STR(nearest("idnex", columns), "index");
    CHECK_STR(nearest("line_colour", keys), "line_color");
    /* Half of the name changed is not a typo. */
    CHECK(nearest("x", columns) == NULL);
    CHECK(nearest("c", (const char *const[]){"ab", NULL}) == NULL);
    CHECK(nearest("zzzzzz", keys) == NULL);
}

static void test_str_printf_grows(void)
{
    pp__str s = {0};
    int i;

    for (i = 0; i < 1000; i++)
        pp__str_printf(&s, "%d,", i);
    CHECK(!s.failed);
    CHECK_INT(strncmp(s.data, "0,1,2,", 6), 0);
    CHECK_INT(s.len, strlen(s.data));
    pp__str_free(&s);
}

static void test_fail_formats_message(void)
{
    pp_error_t err;

    CHECK_INT(pp__fail(&err, PP_ERR_CSV, "%s:%d: bad", "a.csv", 4), PP_ERR_CSV);
    CHECK_STR(err.message, "a.csv:4: bad");
    CHECK_STR(pp_strerror(PP_ERR_NOMEM), "out of memory");
}

int main(void)
{
    RUN(test_edit_distance);
    RUN(test_nearest_name);
    RUN(test_str_printf_grows);
    RUN(test_fail_formats_message);
    CHECK_EXIT();
}
