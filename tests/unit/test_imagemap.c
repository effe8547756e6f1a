/*
 * The HTML image map: tooltip and URL templates, escaping, and the areas
 * made for each kind of glyph (exact coordinates, titles and links), on
 * figures whose frame is the whole 100 x 100 canvas with ranges 0..10, so
 * data (x, y) is at screen pixel (10 x, 100 - 10 y).
 */
#include "check.h"
#include "imagemap.h"

#include <sys/stat.h>
#include <unistd.h>

static char tmp_dir[64];

/* Writes a file in the test's temporary folder; returns its path. */
static const char *write_tmp(const char *name, const char *text)
{
    static char path[128];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
    f = fopen(path, "w");
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* ------------------------------------------------------------------------ */
/* Values and escaping                                                       */
/* ------------------------------------------------------------------------ */

static const char *value(double v)
{
    static char buf[64];

    pp__format_value(buf, sizeof buf, v);
    return buf;
}

static void test_values_are_formatted_as_bokeh_tooltips_do(void)
{
    CHECK_STR(value(63), "63");
    CHECK_STR(value(-0.0), "0");
    CHECK_STR(value(-4200), "-4200");
    CHECK_STR(value(12.5), "12.500");
    CHECK_STR(value(-0.25), "-0.250");
    CHECK_STR(value(0.05), "5.000e-2");
    CHECK_STR(value(123456.5), "1.235e+5");
    CHECK_STR(value(NAN), "NaN");
    CHECK_STR(value(-INFINITY), "-Infinity");
}

static void test_exact_ties_round_up_as_javascript_does(void)
{
    /* printf rounds these to even: "1.062" and "1.000e+03". */
    CHECK_STR(value(1.0625), "1.063");
    CHECK_STR(value(1000.5), "1.001e+3");
    CHECK_STR(value(-1.0625), "-1.063");
}

static char *escaped(const char *text, bool url)
{
    static char buf[256];
    pp__str s = {0};

    if (url)
        pp__url_encode(&s, text, strlen(text));
    else
        pp__html_escape(&s, text);
    snprintf(buf, sizeof buf, "%s", s.data != NULL ? s.data : "");
    pp__str_free(&s);
    return buf;
}

static void test_html_escape_for_attributes(void)
{
    CHECK_STR(escaped("a&b<c>\"d'e", false), "a&amp;b&lt;c&gt;&quot;d&#39;e");
    CHECK_STR(escaped("1\n2\r\n3\r4\t5", false),
              "1&#10;2&#10;3&#10;4\t5");
    CHECK_STR(escaped("bell\x07!", false), "bell\xef\xbf\xbd!");
    CHECK_STR(escaped("caf\xc3\xa9", false), "caf\xc3\xa9");
}

static void test_url_encoding_is_encode_uri_component(void)
{
    CHECK_STR(escaped("a b/\xc3\xbc?&=#%+", true),
              "a%20b%2F%C3%BC%3F%26%3D%23%25%2B");
    CHECK_STR(escaped("Az09-_.!~*'()", true), "Az09-_.!~*'()");
}

static void test_only_safe_url_schemes_are_links(void)
{
    char scheme[32] = "";

    CHECK(pp__url_allowed("inc3.html", scheme, sizeof scheme));
    CHECK(pp__url_allowed("../a/b:c.html", scheme, sizeof scheme));
    CHECK(pp__url_allowed("HTTPS://example.org/x", scheme, sizeof scheme));
    CHECK(pp__url_allowed("mailto:soc@example.org", scheme, sizeof scheme));
    CHECK(!pp__url_allowed("javascript:alert(1)", scheme, sizeof scheme));
    CHECK_STR(scheme, "javascript");
    CHECK(!pp__url_allowed(" java\nscript:x", scheme, sizeof scheme));
    CHECK_STR(scheme, "javascript");
    CHECK(!pp__url_allowed("Data:text/html,x", scheme, sizeof scheme));
    CHECK_STR(scheme, "data");
}

/* ------------------------------------------------------------------------ */
/* Templates                                                                 */
/* ------------------------------------------------------------------------ */

static void test_template_check_names_the_fault(void)
{
    char why[256] = "";

    CHECK(pp__template_check("@count and @{a b}{safe} at $index, $x $sy",
                             false, why, sizeof why));
    CHECK(pp__template_check("mail @ home, 5$", false, why, sizeof why));
    CHECK(!pp__template_check("$foo", false, why, sizeof why));
    CHECK_STR(why, "unknown special variable '$foo' (known: $index, $x, $y, "
              "$sx, $sy)");
    CHECK(!pp__template_check("@count{0.00}", false, why, sizeof why));
    CHECK_CONTAINS(why, "the format {0.00} after @count is not supported");
    CHECK(!pp__template_check("@$name", false, why, sizeof why));
    CHECK_CONTAINS(why, "'@$name' is not supported");
    CHECK(!pp__template_check(" JavaScript:go(@x)", true, why, sizeof why));
    CHECK_CONTAINS(why, "a link of scheme 'javascript:' is not allowed");
    CHECK(pp__template_check("javascript:go(@x)", false, why, sizeof why));
}

static void test_template_fill_from_a_row(void)
{
    static const char csv[] =
        "index,name,count,when\n"
        "0,a b,63,2011-04-13 08:52\n"
        "1,x&y,12.5,\n";
    pp__table *table = NULL;
    pp_error_t err;
    pp__str s = {0};
    pp__template_row row = {NULL, 0, 3.0, 0.25, 41.0, 7.0};

    CHECK_INT(pp__table_parse_csv("t.csv", csv, strlen(csv), &table, &err),
              PP_OK);
    if (table == NULL)
        return;
    row.table = table;
    pp__template_fill(&s, "@name has @count at @{when}; @@count", &row,
                      false);
    CHECK_STR(s.data, "a b has 63 at 2011-04-13 08:52; @63");
    pp__str_free(&s);

    row.row = 1;
    pp__template_fill(&s, "@name: @count, @when ($index: $x, $y @ $sx $sy)",
                      &row, false);
    CHECK_STR(s.data, "x&y: 12.500, NaN (1: 3, 0.250 @ 41 7)");
    pp__str_free(&s);

    pp__template_fill(&s, "inc@{name}.html?c=@count&n=@name{safe}", &row,
                      true);
    CHECK_STR(s.data, "incx%26y.html?c=12.500&n=x&y");
    pp__str_free(&s);
    pp__table_destroy(table);
}

/* ------------------------------------------------------------------------ */
/* The spec                                                                  */
/* ------------------------------------------------------------------------ */

static pp_status load(const char *json, pp_figure_t **fig, pp_error_t *err)
{
    err->message[0] = '\0';
    *fig = NULL;
    return pp_figure_load_json(json, strlen(json), "fig.json", NULL, fig,
                               err);
}

#define TWO_LINES(figure, first)                                            \
    "{\"sources\": {\"s\": {\"data\": {}}},\n"                              \
    figure                                                                  \
    " \"renderers\": [\n"                                                   \
    "  {\"glyph\": \"line\", \"source\": \"s\", \"x\": \"a\", \"y\": \"b\""  \
    first "},\n"                                                            \
    "  {\"glyph\": \"line\", \"source\": \"s\", \"x\": \"a\", \"y\": \"b\"}\n" \
    " ]}\n"

static void test_spec_reads_figure_and_renderer_tooltips(void)
{
    pp_figure_t *fig;
    pp_error_t err;
    pp__interact use;

    CHECK_INT(load(TWO_LINES(" \"tooltips\": [[\"a\", \"@a\"], [\"b\", "
                             "\"@b\"]],\n \"tap\": \"p@a.html\",\n",
                             ", \"tooltips\": \"row $index\", \"tap\": "
                             "{\"url\": \"q@a.html\", \"same_tab\": true}"),
                   &fig, &err), PP_OK);
    if (fig == NULL)
        return;
    CHECK_INT(fig->interact.ntooltips, 2);
    CHECK_STR(fig->interact.tooltips[1].label, "b");
    CHECK_STR(fig->interact.tooltips[1].text, "@b");
    CHECK_STR(fig->interact.tap_url, "p@a.html");

    pp__interact_effective(fig, &fig->renderers[0], &use);
    CHECK_INT(use.ntooltips, 1);
    CHECK(use.tooltips[0].label == NULL);
    CHECK_STR(use.tooltips[0].text, "row $index");
    CHECK_STR(use.tap_url, "q@a.html");
    CHECK(use.tap_same_tab);

    pp__interact_effective(fig, &fig->renderers[1], &use);
    CHECK_INT(use.ntooltips, 2);
    CHECK_STR(use.tap_url, "p@a.html");
    CHECK(!use.tap_same_tab);
    pp_figure_destroy(fig);
}

static void test_null_turns_the_figure_tooltips_off(void)
{
    pp_figure_t *fig;
    pp_error_t err;
    pp__interact use;

    CHECK_INT(load(TWO_LINES(" \"tooltips\": [[\"a\", \"@a\"]],\n \"tap\": "
                             "\"p.html\",\n",
                             ", \"tooltips\": null, \"tap\": null"),
                   &fig, &err), PP_OK);
    if (fig == NULL)
        return;
    pp__interact_effective(fig, &fig->renderers[0], &use);
    CHECK_INT(use.ntooltips, 0);
    CHECK(use.tap_url == NULL);
    pp_figure_destroy(fig);
}

static void expect_spec_error(const char *json, const char *message)
{
    pp_figure_t *fig;
    pp_error_t err;

    CHECK_INT(load(json, &fig, &err), PP_ERR_SPEC);
    CHECK(fig == NULL);
    CHECK_STR(err.message, message);
    pp_figure_destroy(fig);
}

static void test_spec_errors_name_the_place(void)
{
    expect_spec_error(TWO_LINES(" \"tooltips\": [[\"n\", \"$foo\"]],\n", ""),
                      "fig.json:2:21: tooltips[0][1]: unknown special "
                      "variable '$foo' (known: $index, $x, $y, $sx, $sy)");
    expect_spec_error(TWO_LINES(" \"tooltips\": [\"@a\"],\n", ""),
                      "fig.json:2:15: tooltips[0]: must be a pair [label, "
                      "template] such as [\"count\", \"@count\"]");
    expect_spec_error(TWO_LINES(" \"tooltips\": 3,\n", ""),
                      "fig.json:2:14: tooltips: must be a list of [label, "
                      "template] pairs, one template string or null, not a "
                      "number");
    expect_spec_error(TWO_LINES("", ", \"tap\": {\"ulr\": \"x.html\"}"),
                      "fig.json:3:64: renderers[0].tap.ulr: unknown key "
                      "'ulr'; did you mean 'url'?");
    expect_spec_error(TWO_LINES("", ", \"tap\": \"javascript:go()\""),
                      "fig.json:3:63: renderers[0].tap: a link of scheme "
                      "'javascript:' is not allowed: the page has no scripts "
                      "(use http, https, mailto, ftp, file or a relative "
                      "URL)");
    expect_spec_error(TWO_LINES("", ", \"tooltip\": \"@a\""),
                      "fig.json:3:56: renderers[0].tooltip: unknown key "
                      "'tooltip'; did you mean 'tooltips'?");
}

/* ------------------------------------------------------------------------ */
/* Areas                                                                     */
/* ------------------------------------------------------------------------ */

/* A 100 x 100 frame filling the canvas, data 0..10 on both axes. */
#define FIGURE(extra, renderers)                                            \
    "{\"width\": 100, \"height\": 100, \"min_border\": 0,\n"                \
    " \"x_range\": [0, 10], \"y_range\": [0, 10],\n"                        \
    " \"xaxis\": {\"visible\": false}, \"yaxis\": {\"visible\": false},\n"  \
    " \"sources\": {\"s\": {\"csv\": \"s.csv\"}}" extra ",\n"               \
    " \"renderers\": [" renderers "]}\n"

typedef struct built {
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    pp__imagemap map;
    pp_status status;
    pp_error_t err;
} built;

/* Loads a spec over s.csv (both written to the temporary folder). */
static void build(built *b, const char *json, const char *csv)
{
    pp_load_options_t opt = {0};
    pp__layout layout;
    char font_dir[512];

    memset(b, 0, sizeof *b);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    write_tmp("s.csv", csv);
    opt.data_dir = tmp_dir;
    b->status = pp_figure_load_json(json, strlen(json), "fig.json", &opt,
                                    &b->fig, &b->err);
    if (b->status == PP_OK)
        b->status = pp_fonts_load(font_dir, &b->fonts, &b->err);
    if (b->status == PP_OK)
        b->status = pp__figure_prepare(b->fig, b->fonts, &layout, &b->err);
    if (b->status != PP_OK)
        return;
    CHECK_INT(layout.frame.x, 0);
    CHECK_INT(layout.frame.width, 100);
    b->status = pp__imagemap_build(b->fig, &layout, &b->map, &b->err);
    pp__layout_free(&layout);
}

static void unbuild(built *b)
{
    pp__imagemap_free(&b->map);
    pp_fonts_destroy(b->fonts);
    pp_figure_destroy(b->fig);
}

/* "circle 20,70,4" */
static const char *shape(const pp__area *a)
{
    static const char *const names[] = {"circle", "rect", "poly"};
    static char buf[512];
    size_t i, len;

    len = (size_t)snprintf(buf, sizeof buf, "%s ", names[a->shape]);
    for (i = 0; i < a->ncoords && len < sizeof buf; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, i ? ",%d" : "%d",
                                a->coords[i]);
    return buf;
}

/* The browser's rule: the first area holding the point, edges included. */
static bool holds(const pp__area *a, double x, double y)
{
    const int *c = a->coords;
    size_t i, j, n = a->ncoords / 2;
    bool inside = false;

    if (a->shape == PP__AREA_CIRCLE)
        return hypot(x - c[0], y - c[1]) <= c[2];
    if (a->shape == PP__AREA_RECT)
        return x >= c[0] && x <= c[2] && y >= c[1] && y <= c[3];
    for (i = 0, j = n - 1; i < n; j = i++) {
        double xi = c[2 * i], yi = c[2 * i + 1];
        double xj = c[2 * j], yj = c[2 * j + 1];
        double cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
        if (cross == 0 && x >= fmin(xi, xj) && x <= fmax(xi, xj) &&
            y >= fmin(yi, yj) && y <= fmax(yi, yj))
            return true;
        if ((yi > y) != (yj > y) &&
            x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

static long hit(const pp__imagemap *map, double x, double y)
{
    size_t i;

    for (i = 0; i < map->n; i++)
        if (holds(&map->areas[i], x, y))
            return (long)map->areas[i].row;
    return -1;
}

static void test_markers_are_circles_with_title_and_link(void)
{
    built b;

    build(&b, FIGURE(", \"tooltips\": [[\"x\", \"@x\"], [\"name\", "
                     "\"@name\"]], \"tap\": \"p@{name}.html\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\", \"size\": \"size\"}"),
          "x,y,size,name\n2,3,6,a\n8,8,10,b\n5,5,2,a<b\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 3);
    if (b.map.n == 3) {
        /* The last row is drawn on top, so it comes first. */
        CHECK_STR(shape(&b.map.areas[0]), "circle 50,50,3");
        CHECK_STR(b.map.areas[0].title, "x: 5\nname: a<b");
        CHECK_STR(b.map.areas[0].href, "pa%3Cb.html");
        CHECK_STR(shape(&b.map.areas[1]), "circle 80,20,5");
        CHECK_STR(shape(&b.map.areas[2]), "circle 20,70,3");
        CHECK_INT(b.map.areas[2].row, 0);
        CHECK(b.map.areas[2].new_tab);
    }
    unbuild(&b);
}

static void test_overlapping_markers_split_at_the_midline(void)
{
    built b;

    build(&b, FIGURE(", \"tooltips\": \"$index\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\", \"size\": 10, \"marker\": "
                     "\"square\"}"),
          "x,y\n5,5\n5.6,5\n5.6,5\n2,2\n");
    CHECK_INT(b.status, PP_OK);
    /* Rows 1 and 2 share a pixel: the later one takes it. */
    CHECK_INT(b.map.n, 3);
    CHECK_INT(hit(&b.map, 50, 50), 0);
    CHECK_INT(hit(&b.map, 52, 50), 0);
    CHECK_INT(hit(&b.map, 54, 50), 2);
    CHECK_INT(hit(&b.map, 56, 50), 2);
    CHECK_INT(hit(&b.map, 47, 46), 0);
    CHECK_INT(hit(&b.map, 61, 55), 2);
    CHECK_INT(hit(&b.map, 62, 50), -1);
    if (b.map.n == 3) {
        CHECK_STR(shape(&b.map.areas[0]), "rect 15,75,25,85");
        CHECK_INT(b.map.areas[2].shape, PP__AREA_POLY);
    }
    unbuild(&b);
}

static void test_sparse_line_gets_a_circle_per_vertex(void)
{
    built b;

    build(&b, FIGURE(", \"tooltips\": [[\"y\", \"$y\"]]",
                     "{\"glyph\": \"line\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\", \"line_width\": 3}"),
          "x,y\n1,1\n5,\n5,5\n9,2.5\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 3);
    if (b.map.n == 3) {
        /* Width 3: half of it, rounded up, and 3 more. */
        CHECK_STR(shape(&b.map.areas[0]), "circle 90,75,5");
        CHECK_STR(b.map.areas[0].title, "y: 2.500");
        CHECK_STR(shape(&b.map.areas[1]), "circle 50,50,5");
        CHECK_INT(b.map.areas[2].row, 0);
        CHECK(b.map.areas[2].href == NULL);
    }
    unbuild(&b);
}

static void test_dense_line_gets_areas_by_pixel_column(void)
{
    char csv[8192];
    size_t len = (size_t)snprintf(csv, sizeof csv, "x,y\n"), i;
    built b;

    /* 300 rows over 100 columns, flat at 5 but for a spike at row 150. */
    for (i = 0; i < 300; i++)
        len += (size_t)snprintf(csv + len, sizeof csv - len, "%g,%d\n",
                                i / 30.0, i == 150 ? 9 : 5);
    build(&b, FIGURE(", \"tooltips\": \"$index\"",
                     "{\"glyph\": \"line\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\"}"), csv);
    CHECK_INT(b.status, PP_OK);

    /* Right to left, one rect a column, two where the spike is. */
    CHECK_INT(b.map.n, 101);
    if (b.map.n == 101) {
        CHECK_STR(shape(&b.map.areas[0]), "rect 99,46,100,54");
        CHECK_INT(b.map.areas[0].row, 297);
        CHECK_STR(shape(&b.map.areas[48]), "rect 51,46,52,54");
        CHECK_STR(shape(&b.map.areas[49]), "rect 50,30,51,54");
        CHECK_INT(b.map.areas[49].row, 149);
        CHECK_STR(shape(&b.map.areas[50]), "rect 50,6,51,30");
        CHECK_INT(b.map.areas[50].row, 150);
        CHECK_STR(b.map.areas[50].title, "150");
        CHECK_STR(shape(&b.map.areas[51]), "rect 49,46,50,54");
        CHECK_STR(shape(&b.map.areas[100]), "rect 0,46,1,54");
        CHECK_INT(b.map.areas[100].row, 0);
    }
    CHECK_INT(hit(&b.map, 50, 10), 150);
    CHECK_INT(hit(&b.map, 50, 30), 149);
    CHECK_INT(hit(&b.map, 99, 50), 297);
    CHECK_INT(hit(&b.map, 100, 50), 297);
    CHECK_INT(hit(&b.map, 49, 50), 147);
    unbuild(&b);
}

static void test_dense_line_hidden_under_another_gets_no_areas(void)
{
    char csv[8192];
    size_t len = (size_t)snprintf(csv, sizeof csv, "x,y,flat\n"), i;
    built b;

    for (i = 0; i < 300; i++)
        len += (size_t)snprintf(csv + len, sizeof csv - len, "%g,%d,5\n",
                                i / 30.0, i == 150 ? 9 : 5);
    build(&b, FIGURE(", \"tooltips\": \"$index\"",
                     "{\"glyph\": \"line\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\"},"
                     "{\"glyph\": \"line\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"flat\"}"), csv);
    CHECK_INT(b.status, PP_OK);

    /* The flat line on top holds rows 46..54 of every column; of the line
       below only the spike's two bands can still be hovered. */
    CHECK_INT(b.map.n, 102);
    if (b.map.n == 102) {
        CHECK_INT(b.map.areas[99].renderer, 1);
        CHECK_STR(shape(&b.map.areas[100]), "rect 50,30,51,54");
        CHECK_INT(b.map.areas[100].renderer, 0);
        CHECK_STR(shape(&b.map.areas[101]), "rect 50,6,51,30");
    }
    CHECK_INT(hit(&b.map, 50, 40), 149);
    unbuild(&b);
}

/* The areas of a page, counted, and the first line holding text. */
static size_t count_areas(const char *page, const char *text, char *line,
                          size_t size)
{
    const char *p = page;
    size_t n = 0;

    line[0] = '\0';
    while ((p = strstr(p, "<area ")) != NULL) {
        size_t len = strcspn(p, "\n");
        const char *hit = strstr(p, text);
        if (line[0] == '\0' && hit != NULL && hit < p + len)
            snprintf(line, size, "%.*s", (int)len, p);
        n++;
        p += len;
    }
    return n;
}

/*
 * A line over more than 1 MB of CSV is streamed for its PNG, which keeps
 * a few points per quarter pixel and no table; its page still needs every
 * row, or the map would be empty (issue 8). 80,000 rows flat at 5 over
 * 100 columns: a rect a column, each showing the row at its centre.
 */
static void test_page_of_a_streamed_line_keeps_its_rows(void)
{
    const char *json = FIGURE(", \"tooltips\": [[\"x\", \"@x\"], "
                              "[\"name\", \"@name\"]]",
                              "{\"glyph\": \"line\", \"source\": \"s\", "
                              "\"x\": \"x\", \"y\": \"y\"}");
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_fonts_t *fonts = NULL;
    pp_canvas_t *canvas = NULL;
    char csv[128], png[128], html[128], font_dir[512], line[256];
    char *page = NULL;
    size_t size = 0;
    struct stat st;
    pp_error_t err;
    long i;
    FILE *f;

    snprintf(csv, sizeof csv, "%s/s.csv", tmp_dir);
    f = fopen(csv, "w");
    if (f == NULL) {
        CHECK_MSG(0, "cannot write %s", csv);
        return;
    }
    fputs("x,y,name\n", f);
    for (i = 0; i < 80000; i++)
        fprintf(f, "%.6f,5,row%ld\n", i / 8000.0, i);
    fclose(f);
    CHECK(stat(csv, &st) == 0 && st.st_size > (1 << 20));

    snprintf(png, sizeof png, "%s/big.png", tmp_dir);
    snprintf(html, sizeof html, "%s/big.html", tmp_dir);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    opt.data_dir = tmp_dir;
    CHECK_INT(pp_figure_load_json(json, strlen(json), "fig.json", &opt, &fig,
                                  &err), PP_OK);
    CHECK_INT(pp_fonts_load(font_dir, &fonts, &err), PP_OK);
    if (fig == NULL || fonts == NULL)
        goto done;

    /* The PNG first, as the command draws them: streamed. */
    CHECK_INT(pp_figure_render(fig, fonts, &canvas, &err), PP_OK);
    CHECK_MSG(fig->renderers[0].data.n < 4000, "the PNG's line has %zu "
              "points: not streamed", fig->renderers[0].data.n);
    CHECK_INT(pp_figure_html(fig, fonts, png, html, &page, &size, &err),
              PP_OK);
    CHECK_INT(fig->renderers[0].data.n, 80000);
    if (page == NULL)
        goto done;
    CHECK_INT(count_areas(page, "", line, sizeof line), 100);
    count_areas(page, "coords=\"37,", line, sizeof line);
    CHECK_STR(line, "<area shape=\"rect\" coords=\"37,46,38,54\" "
              "title=\"x: 3.700&#10;name: row29600\">");
done:
    free(page);
    pp_canvas_destroy(canvas);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
}

static void test_segments_are_bands_cut_to_the_frame(void)
{
    built b;

    build(&b, FIGURE(", \"tap\": {\"url\": \"s@a.html\", \"same_tab\": "
                     "true}",
                     "{\"glyph\": \"segment\", \"source\": \"s\", \"x0\": "
                     "\"a\", \"y0\": \"a\", \"x1\": \"b\", \"y1\": \"b\"}"),
          "a,b\n1,9\n-5,5\n4,4\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 3);
    if (b.map.n == 3) {
        /* A zero-length segment is a circle of the reach. */
        CHECK_STR(shape(&b.map.areas[0]), "circle 40,60,4");
        /* Cut at the frame's left and bottom edges. */
        CHECK_STR(shape(&b.map.areas[1]),
                  "poly 6,100,53,53,47,47,0,94,0,100");
        CHECK_STR(shape(&b.map.areas[2]), "poly 13,93,93,13,87,7,7,87");
        CHECK_STR(b.map.areas[2].href, "s1.html");
        CHECK(!b.map.areas[2].new_tab);
        CHECK(b.map.areas[2].title == NULL);
    }
    unbuild(&b);
}

static void test_circles_are_cut_at_the_frame(void)
{
    built b;
    size_t i;

    build(&b, FIGURE(", \"tooltips\": \"$index\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\", \"size\": 20}"),
          "x,y\n0,5\n10.5,10.5\n12,5\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 2);
    for (i = 0; i < b.map.n; i++) {
        size_t k;
        CHECK_INT(b.map.areas[i].shape, PP__AREA_POLY);
        for (k = 0; k < b.map.areas[i].ncoords; k++)
            CHECK(b.map.areas[i].coords[k] >= 0 &&
                  b.map.areas[i].coords[k] <= 100);
    }
    CHECK_INT(hit(&b.map, 5, 50), 0);
    CHECK_INT(hit(&b.map, 99, 1), 1);
    unbuild(&b);
}

static void test_renderer_without_tooltips_or_tap_has_no_areas(void)
{
    built b;

    build(&b, FIGURE(", \"tooltips\": \"$index\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\", \"tooltips\": null},"
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"y\", \"y\": \"x\"}"),
          "x,y\n1,2\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 1);
    if (b.map.n == 1) {
        CHECK_INT(b.map.areas[0].renderer, 1);
        CHECK_STR(shape(&b.map.areas[0]), "circle 20,90,3");
    }
    unbuild(&b);
}

/*
 * Bands have no areas: the figure's tooltips and tap, written for the other
 * renderers' rows, are neither checked against the bands' source nor
 * allowed on a band itself.
 */
static void test_bands_ignore_the_figure_tooltips(void)
{
    built b;

    write_tmp("b.csv", "x,inc\n1,0\n2,5\n3,0\n");
    build(&b, "{\"width\": 100, \"height\": 100, \"min_border\": 0,\n"
              " \"x_range\": [0, 10], \"y_range\": [0, 10],\n"
              " \"axis\": {\"visible\": false},\n"
              " \"sources\": {\"s\": {\"csv\": \"s.csv\"}, \"b\": {\"csv\": "
              "\"b.csv\"}},\n"
              " \"tooltips\": [[\"y\", \"@y\"]], \"tap\": \"p@y.html\",\n"
              " \"renderers\": [{\"glyph\": \"bands\", \"source\": \"b\", "
              "\"x\": \"x\", \"by\": \"inc\"},\n"
              "  {\"glyph\": \"scatter\", \"source\": \"s\", \"x\": \"x\", "
              "\"y\": \"y\"}]}\n",
          "x,y\n2,4\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 1);
    if (b.map.n == 1) {
        CHECK_INT(b.map.areas[0].renderer, 1);
        CHECK_STR(b.map.areas[0].title, "y: 4");
        CHECK_STR(b.map.areas[0].href, "p4.html");
    }
    unbuild(&b);

    /* null, "none", is what bands have anyway; anything else is refused. */
    build(&b, FIGURE("", "{\"glyph\": \"bands\", \"source\": \"s\", "
                     "\"x\": \"x\", \"by\": \"y\", \"tooltips\": null, "
                     "\"tap\": null}"),
          "x,y\n2,4\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 0);
    unbuild(&b);

    build(&b, FIGURE("", "{\"glyph\": \"bands\", \"source\": \"s\", "
                     "\"x\": \"x\", \"by\": \"y\", \"tooltips\": "
                     "\"@x\"}"),
          "x,y\n2,4\n");
    CHECK_INT(b.status, PP_ERR_SPEC);
    CHECK_CONTAINS(b.err.message, "renderers[0].tooltips: bands take no "
                   "tooltips: the HTML page has areas for lines, segments, "
                   "markers and graph nodes only");
    unbuild(&b);
}

static void test_graph_nodes_get_areas_from_the_node_source(void)
{
    built b;

    write_tmp("e.csv", "start,end\n0,1\n");
    build(&b, "{\"width\": 100, \"height\": 100, \"min_border\": 0,\n"
              " \"x_range\": [0, 10], \"y_range\": [0, 10],\n"
              " \"axis\": {\"visible\": false},\n"
              " \"sources\": {\"s\": {\"csv\": \"s.csv\"}, \"e\": {\"csv\": "
              "\"e.csv\"}},\n"
              " \"renderers\": [{\"glyph\": \"graph\",\n"
              "  \"node_renderer\": {\"source\": \"s\", \"glyph\": "
              "{\"size\": 7}},\n"
              "  \"edge_renderer\": {\"source\": \"e\"},\n"
              "  \"layout_provider\": {\"x\": \"x\", \"y\": \"y\"},\n"
              "  \"tooltips\": [[\"IP\", \"@ip\"]]}]}\n",
          "index,x,y,ip\n0,1,1,10.0.0.1\n1,9,9,10.0.0.2\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 2);
    if (b.map.n == 2) {
        CHECK_STR(shape(&b.map.areas[0]), "circle 90,10,4");
        CHECK_STR(b.map.areas[0].title, "IP: 10.0.0.2");
    }
    unbuild(&b);
}

static void test_unknown_column_fails_when_the_data_is_read(void)
{
    built b;

    build(&b, FIGURE(",\n \"tooltips\": [[\"n\", \"@x\"], [\"c\", \"@cnt\"]]",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\"}"),
          "x,y\n1,2\n");
    CHECK_INT(b.status, PP_ERR_DATA);
    CHECK_CONTAINS(b.err.message, "fig.json:5:34: tooltips[1][1]: scatter "
                   "renderer renderers[0]: column 'cnt' is not in ");
    CHECK_CONTAINS(b.err.message, "s.csv, whose columns are: x, y");
    unbuild(&b);

    build(&b, FIGURE("", "{\"glyph\": \"line\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\", \"tap\": \"@{no such}.html\"}"),
          "x,y\n1,2\n");
    CHECK_INT(b.status, PP_ERR_DATA);
    CHECK_CONTAINS(b.err.message, "fig.json:5:76: renderers[0].tap: line "
                   "renderer: column 'no such' is not in ");
    unbuild(&b);
}

static void test_links_of_unsafe_schemes_are_left_out(void)
{
    built b;

    build(&b, FIGURE(", \"tap\": \"@u{safe}\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\"}"),
          "x,y,u\n1,2,javascript:alert(1)\n3,4,ok.html\n");
    CHECK_INT(b.status, PP_OK);
    CHECK_INT(b.map.n, 2);
    CHECK_INT(b.map.dropped_links, 1);
    CHECK_STR(b.map.dropped_example, "javascript:alert(1)");
    if (b.map.n == 2) {
        CHECK_STR(b.map.areas[0].href, "ok.html");
        CHECK(b.map.areas[1].href == NULL);
    }
    unbuild(&b);
}

static void keep_warning(void *user, const char *message)
{
    snprintf(user, 512, "%s", message);
}

/* The page's warning counts the links left out, in the singular for one. */
static void test_left_out_links_are_counted_in_the_warning(void)
{
    char warning[512] = "", *page = NULL;
    size_t size;
    built b;

    build(&b, FIGURE(", \"tap\": \"@u{safe}\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\"}"),
          "x,y,u\n1,2,javascript:alert(1)\n3,4,ok.html\n");
    CHECK_INT(b.status, PP_OK);
    if (b.status == PP_OK) {
        b.fig->warnings.fn = keep_warning;
        b.fig->warnings.user = warning;
        CHECK_INT(pp_figure_html(b.fig, b.fonts, "f.png", "f.html", &page,
                                 &size, &b.err), PP_OK);
        CHECK_STR(warning, "f.html: 1 tap link left out, as a page without "
                  "scripts links to no such scheme; the first: "
                  "javascript:alert(1)");
        free(page);
    }
    unbuild(&b);
}

/* ------------------------------------------------------------------------ */
/* The page                                                                  */
/* ------------------------------------------------------------------------ */

static void test_page_holds_the_image_and_escaped_areas(void)
{
    pp__str page = {0};
    built b;

    build(&b, FIGURE(", \"title\": \"A & B\", \"tooltips\": [[\"n\", "
                     "\"@n\"]], \"tap\": \"p?n=@n\"",
                     "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": "
                     "\"x\", \"y\": \"y\"}"),
          "x,y,n\n2,3,\"say \"\"hi\"\"\"\n");
    CHECK_INT(b.status, PP_OK);
    if (b.status != PP_OK) {
        unbuild(&b);
        return;
    }
    /* The title takes 25 px, so the point (2, 3) is at y 77.5. */
    pp__imagemap_html(b.fig, &b.map, "my%20fig.png", &page);
    CHECK_STR(page.data,
              "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
              "<title>A &amp; B</title>\n</head>\n<body>\n"
              "<img src=\"my%20fig.png\" width=\"100\" height=\"100\" "
              "alt=\"A &amp; B\" usemap=\"#figure\">\n"
              "<map name=\"figure\">\n"
              "<area shape=\"circle\" coords=\"20,78,3\" title=\"n: say "
              "&quot;hi&quot;\" href=\"p?n=say%20%22hi%22\" "
              "target=\"_blank\" alt=\"n: say &quot;hi&quot;\">\n"
              "</map>\n</body>\n</html>\n");
    pp__str_free(&page);
    unbuild(&b);
}

static void test_image_is_found_relative_to_the_page(void)
{
    char png[160], html[160], dir[128];
    pp__str s = {0};
    pp_error_t err;

    snprintf(dir, sizeof dir, "%s/a", tmp_dir);
    mkdir(dir, 0777);
    snprintf(dir, sizeof dir, "%s/a/b c", tmp_dir);
    mkdir(dir, 0777);
    snprintf(dir, sizeof dir, "%s/d", tmp_dir);
    mkdir(dir, 0777);

    snprintf(png, sizeof png, "%s/a/b c/f#1.png", tmp_dir);
    snprintf(html, sizeof html, "%s/d/page.html", tmp_dir);
    CHECK_INT(pp__relative_href(png, html, &s, &err), PP_OK);
    CHECK_STR(s.data, "../a/b%20c/f%231.png");
    pp__str_free(&s);

    snprintf(html, sizeof html, "%s/a/b c/../b c/p.html", tmp_dir);
    CHECK_INT(pp__relative_href(png, html, &s, &err), PP_OK);
    CHECK_STR(s.data, "f%231.png");
    pp__str_free(&s);

    snprintf(html, sizeof html, "%s/none/p.html", tmp_dir);
    CHECK_INT(pp__relative_href(png, html, &s, &err), PP_ERR_IO);
    CHECK_CONTAINS(err.message, "none/p.html: No such file or directory");
    pp__str_free(&s);
}

/* A page on a descriptor has no folder: the link starts from the current
   directory (`--html /dev/stdout >page.html`), not from /dev. */
static void test_page_on_a_descriptor_links_from_the_current_directory(void)
{
    static const char *const pages[] = {"/dev/stdout", "/dev/fd/1",
                                        "/proc/self/fd/7", "/dev/stderr"};
    char png[160], dir[128], cwd[4096];
    pp__str s = {0};
    pp_error_t err;
    size_t i;

    snprintf(dir, sizeof dir, "%s/a", tmp_dir);
    mkdir(dir, 0777);
    snprintf(dir, sizeof dir, "%s/a/b c", tmp_dir);
    mkdir(dir, 0777);
    snprintf(dir, sizeof dir, "%s/e", tmp_dir);
    mkdir(dir, 0777);
    snprintf(png, sizeof png, "%s/a/b c/f#1.png", tmp_dir);
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK_INT(chdir(dir), 0);
    for (i = 0; i < sizeof pages / sizeof *pages; i++) {
        CHECK_INT(pp__relative_href(png, pages[i], &s, &err), PP_OK);
        CHECK_STR(s.data, "../a/b%20c/f%231.png");
        pp__str_free(&s);
    }
    CHECK_INT(pp__relative_href("f.png", "/dev/stdout", &s, &err), PP_OK);
    CHECK_STR(s.data, "f.png");
    pp__str_free(&s);
    CHECK_INT(chdir(cwd), 0);
}

static void test_write_html_leaves_nothing_on_failure(void)
{
    pp_figure_t *fig = NULL;
    pp_fonts_t *fonts = NULL;
    pp_load_options_t opt = {0};
    pp_error_t err;
    char font_dir[512], html[160], png[160];
    const char *json = FIGURE(", \"tooltips\": \"@nope\"",
                              "{\"glyph\": \"scatter\", \"source\": \"s\", "
                              "\"x\": \"x\", \"y\": \"y\"}");
    struct stat st;

    write_tmp("s.csv", "x,y\n1,2\n");
    snprintf(html, sizeof html, "%s/fail.html", tmp_dir);
    snprintf(png, sizeof png, "%s/fail.png", tmp_dir);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    opt.data_dir = tmp_dir;
    CHECK_INT(pp_figure_load_json(json, strlen(json), "fig.json", &opt, &fig,
                                  &err), PP_OK);
    CHECK_INT(pp_fonts_load(font_dir, &fonts, &err), PP_OK);
    if (fig != NULL && fonts != NULL) {
        CHECK_INT(pp_figure_write_html(fig, fonts, png, html, &err),
                  PP_ERR_DATA);
        CHECK_CONTAINS(err.message, "column 'nope' is not in");
        CHECK(stat(html, &st) != 0);
    }
    CHECK_INT(pp_figure_write_html(NULL, fonts, png, html, &err),
              PP_ERR_ARGUMENT);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
}

int main(void)
{
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/pp_imagemap_XXXXXX");
    if (mkdtemp(tmp_dir) == NULL) {
        printf("FAIL test_imagemap: cannot make a temporary folder\n");
        return 1;
    }
    RUN(test_values_are_formatted_as_bokeh_tooltips_do);
    RUN(test_exact_ties_round_up_as_javascript_does);
    RUN(test_html_escape_for_attributes);
    RUN(test_url_encoding_is_encode_uri_component);
    RUN(test_only_safe_url_schemes_are_links);
    RUN(test_template_check_names_the_fault);
    RUN(test_template_fill_from_a_row);
    RUN(test_spec_reads_figure_and_renderer_tooltips);
    RUN(test_null_turns_the_figure_tooltips_off);
    RUN(test_spec_errors_name_the_place);
    RUN(test_markers_are_circles_with_title_and_link);
    RUN(test_overlapping_markers_split_at_the_midline);
    RUN(test_sparse_line_gets_a_circle_per_vertex);
    RUN(test_dense_line_gets_areas_by_pixel_column);
    RUN(test_dense_line_hidden_under_another_gets_no_areas);
    RUN(test_page_of_a_streamed_line_keeps_its_rows);
    RUN(test_segments_are_bands_cut_to_the_frame);
    RUN(test_circles_are_cut_at_the_frame);
    RUN(test_renderer_without_tooltips_or_tap_has_no_areas);
    RUN(test_bands_ignore_the_figure_tooltips);
    RUN(test_graph_nodes_get_areas_from_the_node_source);
    RUN(test_unknown_column_fails_when_the_data_is_read);
    RUN(test_links_of_unsafe_schemes_are_left_out);
    RUN(test_left_out_links_are_counted_in_the_warning);
    RUN(test_page_holds_the_image_and_escaped_areas);
    RUN(test_image_is_found_relative_to_the_page);
    RUN(test_page_on_a_descriptor_links_from_the_current_directory);
    RUN(test_write_html_leaves_nothing_on_failure);
    if (system(NULL)) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
        if (system(cmd) != 0)
            fprintf(stderr, "note: could not remove %s\n", tmp_dir);
    }
    CHECK_EXIT();
}
