/* Tests of the small shared helpers: strings, arrays, edit distance. */
#include "check.h"
#include "pp_internal.h"

static void test_edit_distance(void)
{
    CHECK_INT(pp__edit_distance("line_color", "line_colour"), 1);
    CHECK_INT(pp__edit_distance("", "abc"), 3);
    CHECK_INT(pp__edit_distance("width", "width"), 0);
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
    RUN(test_str_printf_grows);
    RUN(test_fail_formats_message);
    CHECK_EXIT();
}
