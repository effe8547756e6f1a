/*
 * Tests of the CSV reader and tables: quoting, line ends, typing, missing
 * values and the messages for broken files. The case inputs (C01, C10...)
 * are written out here; the shared case files are read too when present.
 */
#include "check.h"
#include "pp_internal.h"

#include <locale.h>
#include <unistd.h>

static pp_error_t last_error;

/* Parses a CSV text that must load; NULL (and a failure) otherwise. */
static pp__table *parse_bytes(const char *name, const char *data, size_t len)
{
    pp__table *table = NULL;
    pp_status status = pp__table_parse_csv(name, data, len, &table,
                                           &last_error);

    CHECK_MSG(status == PP_OK, "%s failed: %s", name, last_error.message);
    return table;
}

static pp__table *parse(const char *name, const char *text)
{
    return parse_bytes(name, text, strlen(text));
}

/* Parses a CSV text that must fail; returns the message. */
static const char *parse_error_bytes(const char *name, const char *data,
                                     size_t len, pp_status expected)
{
    pp__table *table = (pp__table *)&table;
    pp_status status = pp__table_parse_csv(name, data, len, &table,
                                           &last_error);

    CHECK_MSG(status == expected, "%s gave status %d, expected %d", name,
              (int)status, (int)expected);
    CHECK(table == NULL);
    return status == PP_OK ? "" : last_error.message;
}

static const char *parse_error(const char *name, const char *text)
{
    return parse_error_bytes(name, text, strlen(text), PP_ERR_CSV);
}

/* The column, which must exist. */
static const pp__column *column(const pp__table *table, const char *name)
{
    const pp__column *found = table ? pp__table_find(table, name) : NULL;

    CHECK_MSG(found != NULL, "no column '%s'", name);
    return found;
}

static bool is_missing_cell(const pp__column *c, size_t row)
{
    return isnan(c->numbers[row]) && c->strings[row] == NULL;
}

/* ------------------------------------------------------------------------ */
/* The cases                                                                 */
/* ------------------------------------------------------------------------ */

static const char c10_data[] =
    "index,rule,count\n"
    "0,\"portscan, TCP\",3\n"
    "1,\"portscan, TCP\",5\n"
    "2,\"decoder: \"\"window\"\" option\",2\n"
    "3,\"decoder: \"\"window\"\" option\",4\n"
    "4,\"multi\nline rule\",1\n"
    "5,\"multi\nline rule\",2\n";

static void test_c10_quoted_fields_keep_commas_quotes_newlines(void)
{
    pp__table *t = parse("data.csv", c10_data);
    const pp__column *rule, *count;

    if (t == NULL)
        return;
    CHECK_INT(t->nrows, 6);
    CHECK_INT(t->ncols, 3);
    rule = column(t, "rule");
    count = column(t, "count");
    if (rule != NULL && count != NULL) {
        CHECK_INT(rule->kind, PP__COLUMN_STRING);
        CHECK_STR(rule->strings[0], "portscan, TCP");
        CHECK_STR(rule->strings[2], "decoder: \"window\" option");
        CHECK_STR(rule->strings[4], "multi\nline rule");
        CHECK_STR(rule->strings[5], "multi\nline rule");
        CHECK_INT(count->kind, PP__COLUMN_NUMBER);
        CHECK(count->numbers[1] == 5.0 && count->numbers[5] == 2.0);
    }
    pp__table_destroy(t);
}

static void test_c10_row_lines_count_embedded_newlines(void)
{
    pp__table *t = parse("data.csv", c10_data);
    static const size_t expected[6] = {2, 3, 4, 5, 6, 8};
    size_t i;

    if (t == NULL)
        return;
    for (i = 0; i < 6; i++)
        CHECK_MSG(t->row_line[i] == expected[i], "row %zu on line %zu, not "
                  "%zu", i, t->row_line[i], expected[i]);
    pp__table_destroy(t);
}

static void test_c10_unclosed_quote_names_its_line(void)
{
    const char *message = parse_error("data2.csv",
                                      "index,rule,count\n"
                                      "0,\"portscan, TCP\",3\n"
                                      "1,\"portscan, TCP,5\n"
                                      "2,other,2\n");

    CHECK_CONTAINS(message, "data2.csv:3: ");
    CHECK_CONTAINS(message, "quote is not closed");
}

static void test_unclosed_quote_in_first_field_and_header(void)
{
    CHECK_CONTAINS(parse_error("a.csv", "x,y\n1,2\n\n\"3,4\n5,6\n"),
                   "a.csv:4: quote is not closed");
    CHECK_CONTAINS(parse_error("b.csv", "x,\"y\n1,2\n"),
                   "b.csv:1: quote is not closed");
}

/*
 * Text after a closing quote is an error at the line it is on (not a field
 * that runs on into the rows below, libcsv's lenient reading).
 */
static void test_text_after_closing_quote_explains_quoting(void)
{
    CHECK_STR(parse_error("c.csv", "x,y\n\"a\"b,2\n3,4\n"),
              "c.csv:2: 'b' after the closing quote of field 1: a quoted "
              "field ends at its closing quote, before the comma; a quote "
              "inside it is written \"\"");
    CHECK_CONTAINS(parse_error("d.csv", "x,y,name\n1,2,\"a\" \n2,3,b\n"),
                   "d.csv:2: ' ' after the closing quote of field 3");
    /* The quoted field spans lines 2 and 3; the stray text is on line 3. */
    CHECK_CONTAINS(parse_error("e.csv", "x,y\n1,\"two\nlines\"!\n3,4\n"),
                   "e.csv:3: '!' after the closing quote of field 2");
}

/* A quote inside an unquoted field is text, as Python and pandas read it. */
static void test_quote_inside_unquoted_field_is_text(void)
{
    pp__table *t = parse("q.csv", "x,height\n1,5'11\"\n2,ab\"c\"d\n3,\"ok\"\n");
    const pp__column *height;

    if (t == NULL)
        return;
    CHECK_INT(t->nrows, 3);
    height = column(t, "height");
    if (height != NULL) {
        CHECK_STR(height->strings[0], "5'11\"");
        CHECK_STR(height->strings[1], "ab\"c\"d");
        CHECK_STR(height->strings[2], "ok");
    }
    pp__table_destroy(t);
}

static void check_c11_table(const pp__table *t)
{
    const pp__column *index = column(t, "index");
    const pp__column *count = column(t, "count");

    CHECK_INT(t->nrows, 4);
    if (index != NULL && count != NULL) {
        CHECK(index->numbers[0] == 0.0 && index->numbers[3] == 3.0);
        CHECK(count->numbers[0] == 5.0 && count->numbers[3] == 9.0);
        CHECK_STR(index->name, "index");
    }
}

static void test_c11_byte_order_mark_is_stripped(void)
{
    pp__table *with = parse("data.csv",
                            "\xEF\xBB\xBFindex,count\n0,5\n1,8\n2,6\n3,9\n");
    pp__table *without = parse("data2.csv",
                               "index,count\n0,5\n1,8\n2,6\n3,9\n");

    if (with != NULL && without != NULL) {
        check_c11_table(with);
        check_c11_table(without);
        CHECK_INT(with->row_line[0], 2);
    }
    pp__table_destroy(with);
    pp__table_destroy(without);
}

static void check_c12_table(const pp__table *t)
{
    const pp__column *count = column(t, "count");
    size_t i;

    CHECK_INT(t->nrows, 4);
    if (count == NULL || t->nrows != 4)
        return;
    CHECK(count->numbers[0] == 5.0 && count->numbers[1] == 8.0 &&
          count->numbers[2] == 6.0 && count->numbers[3] == 9.0);
    for (i = 0; i < 4; i++)
        CHECK_INT(t->row_line[i], i + 2);
}

static void test_c12_crlf_and_missing_final_newline(void)
{
    pp__table *crlf = parse("data.csv", "index,count\r\n0,5\r\n1,8\r\n"
                                        "2,6\r\n3,9\r\n\r\n");
    pp__table *lf = parse("data2.csv", "index,count\n0,5\n1,8\n2,6\n3,9");

    if (crlf != NULL)
        check_c12_table(crlf);
    if (lf != NULL)
        check_c12_table(lf);
    pp__table_destroy(crlf);
    pp__table_destroy(lf);
}

static void test_c13_extra_field_fails_with_both_counts(void)
{
    const char *message = parse_error("data.csv", "index,count\n0,5\n1,7\n"
                                                  "2,6,99\n3,8\n");

    CHECK_STR(message, "data.csv:4: expected 2 fields, found 3");
}

static void test_extra_field_after_spaces_is_not_a_blank_line(void)
{
    CHECK_STR(parse_error("one.csv", "v\n1\n  ,2\n"),
              "one.csv:3: expected 1 field, found 2");
}

static void test_c13_short_row_is_padded_with_missing(void)
{
    pp__table *t = parse("data2.csv",
                         "index,datetime,count\n"
                         "0,2011-04-13 08:52,5\n"
                         "1,2011-04-13 08:53\n"
                         "2,2011-04-13 08:54,6\n"
                         "3,2011-04-13 08:55,4\n");
    const pp__column *count, *datetime;

    if (t == NULL)
        return;
    count = column(t, "count");
    datetime = column(t, "datetime");
    CHECK_INT(t->nrows, 4);
    if (count != NULL && datetime != NULL) {
        CHECK_INT(count->kind, PP__COLUMN_NUMBER);
        CHECK(is_missing_cell(count, 1));
        CHECK(count->numbers[2] == 6.0);
        CHECK_STR(datetime->strings[1], "2011-04-13 08:53");
    }
    pp__table_destroy(t);
}

static void test_c01_missing_values(void)
{
    pp__table *t = parse("data.csv",
                         "index,count\n0,10\n1,20\n2,15\n3,\n4,25\n5,30\n"
                         "6,NaN\n7,NA\n8,N/A\n9,null\n10,NULL\n11,nan\n");
    const pp__column *count;
    size_t row;

    if (t == NULL)
        return;
    count = column(t, "count");
    if (count != NULL) {
        CHECK_INT(count->kind, PP__COLUMN_NUMBER);
        CHECK(count->numbers[2] == 15.0 && count->numbers[5] == 30.0);
        for (row = 6; row < 12; row++)
            CHECK_MSG(is_missing_cell(count, row), "row %zu is not missing",
                      row);
        CHECK(is_missing_cell(count, 3));
        CHECK_STR(count->strings[4], "25");
    }
    pp__table_destroy(t);
}

static void test_c23_decimals_and_exponent(void)
{
    pp__table *t = parse("data.csv",
                         "index,count\n0,1.5\n1,2.25\n2,2.5e1\n3,0.75\n");
    const pp__column *count = t ? column(t, "count") : NULL;

    if (count != NULL) {
        CHECK(count->numbers[0] == 1.5 && count->numbers[1] == 2.25);
        CHECK(count->numbers[2] == 25.0 && count->numbers[3] == 0.75);
    }
    pp__table_destroy(t);
}

static void test_c23_decimal_comma_makes_a_text_column(void)
{
    pp__table *t = parse("data2.csv", "index,count\n0,\"1,5\"\n1,2\n");
    const pp__column *count = t ? column(t, "count") : NULL;

    if (count != NULL) {
        CHECK_INT(count->kind, PP__COLUMN_STRING);
        CHECK_INT(count->first_text_row, 0);
        CHECK_INT(t->row_line[count->first_text_row], 2);
        CHECK_STR(count->strings[0], "1,5");
        CHECK(isnan(count->numbers[0]) && count->numbers[1] == 2.0);
    }
    pp__table_destroy(t);
}

/* C23 again with a decimal comma locale, as a host program may set one. */
static void test_c23_locale_does_not_change_cells(void)
{
    pp__table *t;
    const pp__column *count;

    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
        SKIP("the de_DE.UTF-8 locale is not installed (locale-gen it)");
        return;
    }
    t = parse("data.csv", "index,count\n0,1.5\n1,2.25\n2,2.5e1\n"
                          "3,0.1000000000000000055511151231257827\n");
    count = t ? column(t, "count") : NULL;
    if (count != NULL) {
        CHECK_INT(count->kind, PP__COLUMN_NUMBER);
        CHECK(count->numbers[0] == 1.5 && count->numbers[2] == 25.0);
        CHECK(count->numbers[3] == 0.1);
    }
    pp__table_destroy(t);
    t = parse("data2.csv", "index,count\n0,\"1,5\"\n1,2\n");
    if (t != NULL)
        CHECK_INT(t->columns[1].kind, PP__COLUMN_STRING);
    pp__table_destroy(t);
    setlocale(LC_ALL, "C");
}

/* ------------------------------------------------------------------------ */
/* Malformed files                                                           */
/* ------------------------------------------------------------------------ */

static void test_duplicate_column_names_fail(void)
{
    CHECK_STR(parse_error("d.csv", "x,y,x\n1,2,3\n"),
              "d.csv:1: column 'x' appears twice (fields 1 and 3)");
}

static void test_empty_file_has_no_header(void)
{
    CHECK_CONTAINS(parse_error("e.csv", ""), "e.csv:1: no header row");
    CHECK_CONTAINS(parse_error("e.csv", "\xEF\xBB\xBF"), "no header row");
    CHECK_CONTAINS(parse_error("e.csv", "\n\r\n  \n"), "no header row");
}

static void test_header_only_gives_zero_rows(void)
{
    pp__table *t = parse("h.csv", "index,count\n");

    if (t == NULL)
        return;
    CHECK_INT(t->nrows, 0);
    CHECK_INT(t->ncols, 2);
    CHECK(column(t, "count") != NULL);
    pp__table_destroy(t);
}

static void test_invalid_utf8_names_its_line(void)
{
    const char *message = parse_error("u.csv", "name,count\nabc,1\n"
                                               "\"two\nlines\",2\ncaf\xE9,3\n");

    CHECK_CONTAINS(message, "u.csv:5: not valid UTF-8");
    CHECK_CONTAINS(parse_error("u.csv", "a,b\n1,\xED\xA0\x80\n"),
                   "u.csv:2: not valid UTF-8");      /* a surrogate */
    CHECK_CONTAINS(parse_error("u.csv", "a,b\n1,\xC0\xAF\n"),
                   "u.csv:2: not valid UTF-8");      /* overlong '/' */
    CHECK_CONTAINS(parse_error("u.csv", "a,\xE2\x82\n"),
                   "u.csv:1: not valid UTF-8");      /* cut short */
}

static void test_nul_bytes_fail_as_binary(void)
{
    static const char data[] = "a,b\n1,2\n3,\0\x01\x02\x03\n";

    CHECK_STR(parse_error_bytes("bin.csv", data, sizeof data - 1, PP_ERR_CSV),
              "bin.csv:3: a NUL byte (field 2): is this a text file?");
}

/* UTF-16 and gzip files are named for what they are, with the way out. */
static void test_utf16_and_gzip_are_recognised(void)
{
    static const char le_bom[] = "\xFF\xFEx\0,\0y\0\n\0";
    static const char be_bom[] = "\xFE\xFF\0x\0,\0y\0\n";
    static const char le[] = "i\0n\0d\0e\0x\0,\0y\0\n\0";
    static const char be[] = "\0x\0,\0y\0\n";
    static const char gzip[] = "\x1F\x8B\x08\0\0\0\0\0\0\x03";
    const char *utf16 = "; pngplot reads UTF-8: convert it "
                        "(iconv -f UTF-16 -t UTF-8)";
    char expected[256];

    snprintf(expected, sizeof expected, "w.csv:1: the file looks like UTF-16 "
             "text (it starts with FF FE)%s", utf16);
    CHECK_STR(parse_error_bytes("w.csv", le_bom, sizeof le_bom - 1,
                                PP_ERR_CSV), expected);
    snprintf(expected, sizeof expected, "w.csv:1: the file looks like UTF-16 "
             "text (it starts with FE FF)%s", utf16);
    CHECK_STR(parse_error_bytes("w.csv", be_bom, sizeof be_bom - 1,
                                PP_ERR_CSV), expected);
    snprintf(expected, sizeof expected, "w.csv:1: the file looks like UTF-16 "
             "text (every other byte is NUL)%s", utf16);
    CHECK_STR(parse_error_bytes("w.csv", le, sizeof le - 1, PP_ERR_CSV),
              expected);
    CHECK_STR(parse_error_bytes("w.csv", be, sizeof be - 1, PP_ERR_CSV),
              expected);
    CHECK_STR(parse_error_bytes("z.csv", gzip, sizeof gzip - 1, PP_ERR_CSV),
              "z.csv:1: the file is gzip-compressed (it starts with 1F 8B): "
              "decompress it first (gunzip)");
    /* Only the file's start tells: a NUL further on is just a NUL. */
    CHECK_STR(parse_error_bytes("n.csv", "a,b\nx\0y\0,1\n", 11, PP_ERR_CSV),
              "n.csv:2: a NUL byte (field 1): is this a text file?");
}

static void test_utf8_text_is_kept(void)
{
    pp__table *t = parse("t.csv", "index,dur\xC3\xA9""e\n0,\xE6\x8E\xA5\n"
                                  "1,\xF0\x9F\x94\xA5\n");

    if (t == NULL)
        return;
    CHECK(column(t, "dur\xC3\xA9""e") != NULL);
    CHECK_STR(t->columns[1].strings[0], "\xE6\x8E\xA5");
    CHECK_STR(t->columns[1].strings[1], "\xF0\x9F\x94\xA5");
    pp__table_destroy(t);
}

/* ------------------------------------------------------------------------ */
/* Cell contents                                                             */
/* ------------------------------------------------------------------------ */

static void test_one_megabyte_field(void)
{
    size_t size = 1024 * 1024, i;
    pp__str csv = {0};
    pp__table *t;

    pp__str_puts(&csv, "id,text\n1,\"");
    for (i = 0; i < size; i++)
        pp__str_append(&csv, i % 100 == 99 ? "," : "x", 1);
    pp__str_puts(&csv, "\"\n2,short\n");
    CHECK(!csv.failed);
    t = csv.failed ? NULL : parse("big.csv", csv.data);
    if (t != NULL) {
        CHECK_INT(t->nrows, 2);
        CHECK_INT(strlen(t->columns[1].strings[0]), size);
        CHECK_STR(t->columns[1].strings[1], "short");
        CHECK_INT(t->row_line[1], 3);
    }
    pp__table_destroy(t);
    pp__str_free(&csv);
}

static void test_extreme_numbers_stay_numbers(void)
{
    pp__table *t = parse("x.csv", "v\n1e308\n-1e308\ninf\n-inf\n"
                                  "9007199254740993\n");
    const pp__column *v = t ? column(t, "v") : NULL;

    if (v != NULL) {
        CHECK_INT(v->kind, PP__COLUMN_NUMBER);
        CHECK(v->numbers[0] == 1e308 && v->numbers[1] == -1e308);
        CHECK(v->numbers[2] == INFINITY && v->numbers[3] == -INFINITY);
        CHECK(v->numbers[4] == 9007199254740992.0);
    }
    pp__table_destroy(t);
}

static void test_spaces_around_fields_are_kept(void)
{
    pp__table *t = parse("s.csv", "name, count\n a ,  12 \n");

    if (t == NULL)
        return;
    CHECK(pp__table_find(t, "count") == NULL);
    CHECK(pp__table_find(t, " count") != NULL);
    CHECK_STR(t->columns[0].strings[0], " a ");
    CHECK_INT(t->columns[1].kind, PP__COLUMN_NUMBER);
    CHECK(t->columns[1].numbers[0] == 12.0);
    CHECK_STR(t->columns[1].strings[0], "  12 ");
    pp__table_destroy(t);
}

static void test_blank_lines_add_no_rows(void)
{
    pp__table *t = parse("b.csv", "\nx,y\n1,2\n\n   \n3,4\r\n\r\n\t\n");

    if (t == NULL)
        return;
    CHECK_INT(t->nrows, 2);
    CHECK_INT(t->row_line[0], 3);
    CHECK_INT(t->row_line[1], 6);
    CHECK(t->columns[0].numbers[1] == 3.0);
    pp__table_destroy(t);
}

static void test_find_and_column_list(void)
{
    pp__table *t = parse("f.csv", "index,datetime,count\n0,x,1\n");
    char *list;

    if (t == NULL)
        return;
    list = pp__table_column_list(t);
    CHECK_STR(list, "index, datetime, count");
    CHECK(pp__table_find(t, "count") == &t->columns[2]);
    CHECK(pp__table_find(t, "Count") == NULL);
    CHECK_STR(t->path, "f.csv");
    free(list);
    pp__table_destroy(t);
    pp__table_destroy(NULL);
}

/* Characters that print as nothing are spelled out in the list. */
static void test_column_list_shows_invisible_characters(void)
{
    pp__table *t = parse("b.csv", "\xEF\xBB\xBF\xEF\xBB\xBFx,y\xC2\xA0,"
                         "\"a\tb\"\n1,2,3\n");
    char *list;

    if (t == NULL)
        return;
    /* The first byte-order mark is the file's; a second is in the name. */
    CHECK_STR(t->columns[0].name, "\xEF\xBB\xBFx");
    list = pp__table_column_list(t);
    CHECK_STR(list, "<U+FEFF>x, y<U+00A0>, a<TAB>b");
    free(list);
    pp__table_destroy(t);
}

/* A long list ends at a whole name, with the count; a long name is cut. */
static void test_column_list_is_cut_at_a_name(void)
{
    pp__str csv = {0};
    pp__table *t;
    char *list;
    size_t i;

    pp__str_puts(&csv, "index");
    for (i = 0; i < 1000; i++)
        pp__str_printf(&csv, ",c%zu", i);
    pp__str_puts(&csv, "\n");
    t = csv.failed ? NULL : parse("w.csv", csv.data);
    list = t != NULL ? pp__table_column_list(t) : NULL;
    if (list != NULL) {
        const char *tail = strstr(list, ", ... (1001 columns)");
        CHECK_MSG(tail != NULL && tail[strlen(", ... (1001 columns)")] == 0,
                  "list ends '%s'", list + strlen(list) - 30);
        CHECK_CONTAINS(list, "index, c0, c1, c2, ");
        /* Each name before "..." is whole: "c99", not "c9" of it. */
        if (tail != NULL) {
            const char *p = list;
            for (i = 0; p < tail; i++) {
                size_t n = strcspn(p, ",");
                CHECK_MSG(i < t->ncols && strlen(t->columns[i].name) == n &&
                          strncmp(p, t->columns[i].name, n) == 0,
                          "item %zu is '%.*s'", i, (int)n, p);
                p += n + 2;
            }
        }
        CHECK(strlen(list) <= 430);
    }
    free(list);
    pp__table_destroy(t);
    pp__str_free(&csv);

    pp__str_puts(&csv, "index,");
    for (i = 0; i < 100; i++)
        pp__str_puts(&csv, "b");
    pp__str_puts(&csv, "\n");
    t = csv.failed ? NULL : parse("l.csv", csv.data);
    list = t != NULL ? pp__table_column_list(t) : NULL;
    /* 57 of the 100 bytes, then "...". */
    CHECK_STR(list, "index, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
              "bbbbbbbbbbbbbbbbbbbbbbbbbbb...");
    free(list);
    pp__table_destroy(t);
    pp__str_free(&csv);
}

/* What follows "column 'X' is not in FILE, whose columns are: ..." */
static void test_column_advice(void)
{
    pp__table *t = parse("a.csv", "index,Count,hits\n0,1,2\n");
    char *advice;

    if (t != NULL) {
        advice = pp__table_column_advice(t, "count", 5);
        CHECK_STR(advice, "; did you mean 'Count'?");
        free(advice);
        /* The name need not end where its length does (a template's). */
        advice = pp__table_column_advice(t, "hist}", 4);
        CHECK_STR(advice, "; did you mean 'hits'?");
        free(advice);
        advice = pp__table_column_advice(t, "x", 1);
        CHECK_STR(advice, "");
        free(advice);
    }
    pp__table_destroy(t);

    t = parse("s.csv", "index;count\n0;1\n");
    if (t != NULL) {
        advice = pp__table_column_advice(t, "count", 5);
        CHECK_STR(advice, "; the file seems to be separated by semicolons; "
                  "pngplot reads comma-separated files");
        free(advice);
    }
    pp__table_destroy(t);
    t = parse("t.csv", "index\tcount;x\n0\t1\n");
    if (t != NULL) {
        advice = pp__table_column_advice(t, "index", 5);
        CHECK_STR(advice, "; the file seems to be separated by tabs; "
                  "pngplot reads comma-separated files");
        free(advice);
    }
    pp__table_destroy(t);
}

/* ------------------------------------------------------------------------ */
/* The streaming reader                                                      */
/* ------------------------------------------------------------------------ */

typedef struct seen {
    size_t nrows, line[8], nfields[8], len[8][3];
    size_t stop_after;     /* fail in the row after this many, if nonzero */
} seen;

static pp_status collect_row(void *user, const pp__csv_field *fields,
                             size_t nfields, size_t line, pp_error_t *err)
{
    seen *s = user;
    size_t i;

    if (s->stop_after != 0 && s->nrows == s->stop_after)
        return pp__fail(err, PP_ERR_DATA, "stopped at line %zu", line);
    if (s->nrows < 8) {
        s->line[s->nrows] = line;
        s->nfields[s->nrows] = nfields;
        for (i = 0; i < nfields && i < 3; i++)
            s->len[s->nrows][i] = fields[i].len;
    }
    s->nrows++;
    return PP_OK;
}

static void test_reader_gives_fields_lines_and_padding(void)
{
    static const char data[] = "a,b,c\r\n\"x\r\ny\",22,\r\n4\r\n\r\n5,,666";
    seen s = {0};
    pp_status status;

    status = pp__csv_parse("r.csv", data, sizeof data - 1, NULL, collect_row,
                           &s, &last_error);
    CHECK_INT(status, PP_OK);
    CHECK_INT(s.nrows, 3);
    CHECK(s.line[0] == 2 && s.line[1] == 4 && s.line[2] == 6);
    CHECK(s.nfields[0] == 3 && s.nfields[1] == 3 && s.nfields[2] == 3);
    CHECK(s.len[0][0] == 4 && s.len[0][1] == 2 && s.len[0][2] == 0);
    CHECK(s.len[1][0] == 1 && s.len[1][1] == 0 && s.len[1][2] == 0);
    CHECK(s.len[2][0] == 1 && s.len[2][1] == 0 && s.len[2][2] == 3);
}

static void test_reader_stops_when_a_callback_fails(void)
{
    seen s = {0};
    pp_status status;

    s.stop_after = 2;
    status = pp__csv_parse("r.csv", "a\n1\n2\n3\n4\n", 10, NULL, collect_row,
                           &s, &last_error);
    CHECK_INT(status, PP_ERR_DATA);
    CHECK_STR(last_error.message, "stopped at line 4");
    CHECK_INT(s.nrows, 2);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */
/* ------------------------------------------------------------------------ */

/* Writes bytes to a new temporary file; its path goes to path. */
static bool write_temp(char path[64], const char *data, size_t len)
{
    const char *dir = getenv("TMPDIR");
    FILE *f;
    int fd;

    snprintf(path, 64, "%s/pp_test_csv_XXXXXX", dir ? dir : "/tmp");
    fd = mkstemp(path);
    if (fd < 0)
        return false;
    f = fdopen(fd, "wb");
    if (f == NULL) {
        close(fd);
        return false;
    }
    fwrite(data, 1, len, f);
    return fclose(f) == 0;
}

static void test_load_reports_missing_file_and_folder(void)
{
    pp__table *t = (pp__table *)&t;

    CHECK_INT(pp__table_load_csv("/nonexistent/data.csv", &t, &last_error),
              PP_ERR_IO);
    CHECK(t == NULL);
    CHECK_STR(last_error.message,
              "/nonexistent/data.csv: cannot open: No such file or directory");

    CHECK_INT(pp__table_load_csv("/tmp", &t, &last_error), PP_ERR_IO);
    CHECK_STR(last_error.message, "/tmp: cannot read: Is a directory");
}

/*
 * A file over 2 MB read in 1 MB chunks: the BOM, a CRLF split between two
 * chunks and multi-line quoted fields after it must not matter.
 */
static void test_load_file_across_chunks(void)
{
    pp__str csv = {0};
    pp__table *t = NULL;
    const pp__column *value;
    char path[64];
    size_t nrows = 0, padded;

    pp__str_puts(&csv, "\xEF\xBB\xBFindex,value\r\n");
    while (csv.len < 1024 * 1024 - 40) {
        pp__str_printf(&csv, "%zu,%zu.5\r\n", nrows, nrows);
        nrows++;
    }
    /* Pad one row so its CR is the last byte of the first chunk. */
    padded = nrows++;
    pp__str_printf(&csv, "%zu,\"", padded);
    while (csv.len < 1024 * 1024 - 2)
        pp__str_puts(&csv, " ");
    pp__str_puts(&csv, "\"\r\n");
    while (csv.len < 2 * 1024 * 1024 + 20) {
        pp__str_printf(&csv, "%zu,\"%zu\n\"\r\n", nrows, nrows);
        nrows++;
    }

    CHECK(!csv.failed && write_temp(path, csv.data, csv.len));
    if (check_failed)
        return;
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_OK);
    unlink(path);
    pp__str_free(&csv);
    if (t == NULL)
        return;
    value = column(t, "value");
    CHECK(column(t, "index") != NULL);
    CHECK_INT(t->nrows, nrows);
    if (value != NULL && t->nrows == nrows) {
        CHECK(value->numbers[0] == 0.5);
        CHECK(is_missing_cell(value, padded));
        CHECK_INT(t->row_line[padded], padded + 2);
        CHECK_INT(t->row_line[padded + 1], padded + 3);
        /* Each row after the padded one spans two lines. */
        CHECK_INT(t->row_line[nrows - 1],
                  padded + 3 + 2 * (nrows - padded - 2));
        CHECK_INT(strtoul(value->strings[nrows - 1], NULL, 10), nrows - 1);
    }
    pp__table_destroy(t);
}

/* Columns are sized from the first row's length, and still grow when the
   rows after it are much shorter than it. */
static void test_rows_beyond_the_first_rows_estimate(void)
{
    pp__str csv = {0};
    pp__table *t;
    const pp__column *x, *note;
    size_t i, nrows = 20000;

    pp__str_puts(&csv, "x,note\n0,");
    for (i = 0; i < 500; i++)
        pp__str_puts(&csv, "a");
    pp__str_puts(&csv, "\n");
    for (i = 1; i < nrows; i++)
        pp__str_printf(&csv, "%zu,\n", i);
    CHECK(!csv.failed);
    t = parse_bytes("long_first.csv", csv.data, csv.len);
    pp__str_free(&csv);
    if (t == NULL)
        return;
    x = column(t, "x");
    note = column(t, "note");
    CHECK_INT(t->nrows, nrows);
    if (x != NULL && note != NULL && t->nrows == nrows) {
        CHECK_INT(strlen(note->strings[0]), 500);
        CHECK(x->numbers[nrows - 1] == (double)(nrows - 1));
        CHECK(is_missing_cell(note, nrows - 1));
        CHECK_INT(t->row_line[nrows - 1], nrows + 1);
    }
    pp__table_destroy(t);
}

static void test_load_file_matches_parse(void)
{
    pp__table *t = NULL;
    char path[64];

    if (!write_temp(path, c10_data, sizeof c10_data - 1)) {
        CHECK_MSG(0, "cannot write a temporary file");
        return;
    }
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_OK);
    unlink(path);
    if (t == NULL)
        return;
    CHECK_INT(t->nrows, 6);
    CHECK_INT(t->row_line[5], 8);
    CHECK_STR(t->columns[1].strings[4], "multi\nline rule");
    CHECK_STR(t->path, path);
    pp__table_destroy(t);
}

/* The shared case files, when ../shared is there. */
static void test_shared_case_files(void)
{
    const char *shared = check_shared_dir("cases");
    char path[512];
    pp__table *t = NULL;

    if (shared == NULL) {
        SKIP("../shared/cases is absent: no shared case files");
        return;
    }
    snprintf(path, sizeof path, "%s/cases/C10/data.csv", shared);
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_OK);
    if (t != NULL)
        CHECK_INT(t->nrows, 6);
    pp__table_destroy(t);

    snprintf(path, sizeof path, "%s/cases/C10/data2.csv", shared);
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_ERR_CSV);
    CHECK_CONTAINS(last_error.message, "data2.csv:3: quote is not closed");

    snprintf(path, sizeof path, "%s/cases/C13/data.csv", shared);
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_ERR_CSV);
    CHECK_CONTAINS(last_error.message, "data.csv:4: expected 2 fields, "
                                       "found 3");

    snprintf(path, sizeof path, "%s/cases/C11/data.csv", shared);
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_OK);
    if (t != NULL)
        check_c11_table(t);
    pp__table_destroy(t);
}

/* A file large enough to be parsed in two halves (csv.c, load_split). */
static void make_big_csv(pp__str *csv, const char *eol, size_t text_row,
                         size_t ragged_row, size_t *nrows)
{
    size_t n = 0;

    pp__str_printf(csv, "index,value,label%s", eol);
    while (csv->len < 1200 * 1024) {
        if (n == ragged_row)
            pp__str_printf(csv, "%zu,1,a,extra%s", n, eol);
        else if (n == text_row)
            pp__str_printf(csv, "%zu,ten,b%s", n, eol);
        else
            pp__str_printf(csv, "%zu,%zu.25,%s%s", n, n % 7,
                           n % 3 ? "x" : "", eol);
        n++;
    }
    *nrows = n;
}

/* The file loaded against the same bytes parsed in one go. */
static void check_same_tables(const pp__table *a, const pp__table *b)
{
    size_t i, row, bad = 0;

    CHECK_INT(a->nrows, b->nrows);
    CHECK_INT(a->ncols, b->ncols);
    if (a->nrows != b->nrows || a->ncols != b->ncols)
        return;
    for (row = 0; row < a->nrows; row++)
        bad += a->row_line[row] != b->row_line[row];
    for (i = 0; i < a->ncols; i++) {
        const pp__column *x = &a->columns[i], *y = &b->columns[i];

        CHECK_STR(x->name, y->name);
        CHECK_INT(x->kind, y->kind);
        if (x->kind == PP__COLUMN_STRING)
            CHECK_INT(x->first_text_row, y->first_text_row);
        for (row = 0; row < a->nrows; row++) {
            bool same_text = (x->strings[row] == NULL) ==
                             (y->strings[row] == NULL);
            if (same_text && x->strings[row] != NULL)
                same_text = strcmp(x->strings[row], y->strings[row]) == 0;
            bad += !same_text ||
                   !(x->numbers[row] == y->numbers[row] ||
                     (isnan(x->numbers[row]) && isnan(y->numbers[row])));
        }
    }
    CHECK_INT(bad, 0);
}

static void test_large_file_in_two_halves_matches_parse(void)
{
    static const char *const eols[] = {"\n", "\r\n"};
    size_t e, nrows;

    for (e = 0; e < 2; e++) {
        pp__str csv = {0};
        pp__table *t = NULL, *whole = NULL;
        char path[64];

        /* A text cell late in the file: the value column becomes text, and
           the first text row comes from the second half. */
        make_big_csv(&csv, eols[e], 70000, (size_t)-1, &nrows);
        CHECK(nrows > 70000);
        CHECK(!csv.failed && write_temp(path, csv.data, csv.len));
        if (check_failed)
            return;
        CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_OK);
        CHECK_INT(pp__table_parse_csv(path, csv.data, csv.len, &whole,
                                      &last_error), PP_OK);
        unlink(path);
        pp__str_free(&csv);
        if (t != NULL && whole != NULL) {
            check_same_tables(t, whole);
            CHECK_INT(t->columns[1].kind, PP__COLUMN_STRING);
            CHECK_INT(t->columns[1].first_text_row, 70000);
            CHECK_INT(t->row_line[nrows - 1], nrows + 1);
        }
        pp__table_destroy(t);
        pp__table_destroy(whole);
    }
}

static void test_large_file_error_in_second_half_names_its_line(void)
{
    pp__str csv = {0};
    pp__table *t = (pp__table *)&t;
    char path[64];
    size_t nrows;

    make_big_csv(&csv, "\n", (size_t)-1, 75000, &nrows);
    CHECK(!csv.failed && write_temp(path, csv.data, csv.len));
    if (check_failed)
        return;
    CHECK_INT(pp__table_load_csv(path, &t, &last_error), PP_ERR_CSV);
    CHECK(t == NULL);
    CHECK_CONTAINS(last_error.message, ":75002: expected 3 fields, found 4");
    unlink(path);
    pp__str_free(&csv);
}

int main(void)
{
    RUN(test_c10_quoted_fields_keep_commas_quotes_newlines);
    RUN(test_c10_row_lines_count_embedded_newlines);
    RUN(test_c10_unclosed_quote_names_its_line);
    RUN(test_unclosed_quote_in_first_field_and_header);
    RUN(test_text_after_closing_quote_explains_quoting);
    RUN(test_quote_inside_unquoted_field_is_text);
    RUN(test_c11_byte_order_mark_is_stripped);
    RUN(test_c12_crlf_and_missing_final_newline);
    RUN(test_c13_extra_field_fails_with_both_counts);
    RUN(test_extra_field_after_spaces_is_not_a_blank_line);
    RUN(test_c13_short_row_is_padded_with_missing);
    RUN(test_c01_missing_values);
    RUN(test_c23_decimals_and_exponent);
    RUN(test_c23_decimal_comma_makes_a_text_column);
    RUN(test_c23_locale_does_not_change_cells);
    RUN(test_duplicate_column_names_fail);
    RUN(test_empty_file_has_no_header);
    RUN(test_header_only_gives_zero_rows);
    RUN(test_invalid_utf8_names_its_line);
    RUN(test_nul_bytes_fail_as_binary);
    RUN(test_utf16_and_gzip_are_recognised);
    RUN(test_utf8_text_is_kept);
    RUN(test_one_megabyte_field);
    RUN(test_extreme_numbers_stay_numbers);
    RUN(test_spaces_around_fields_are_kept);
    RUN(test_blank_lines_add_no_rows);
    RUN(test_find_and_column_list);
    RUN(test_column_list_shows_invisible_characters);
    RUN(test_column_list_is_cut_at_a_name);
    RUN(test_column_advice);
    RUN(test_reader_gives_fields_lines_and_padding);
    RUN(test_reader_stops_when_a_callback_fails);
    RUN(test_load_reports_missing_file_and_folder);
    RUN(test_load_file_across_chunks);
    RUN(test_rows_beyond_the_first_rows_estimate);
    RUN(test_load_file_matches_parse);
    RUN(test_large_file_in_two_halves_matches_parse);
    RUN(test_large_file_error_in_second_half_names_its_line);
    RUN(test_shared_case_files);
    CHECK_EXIT();
}
