/*
 * The cases of ../shared/cases/README.md: small inputs that broke other
 * plotting tools, each checked here against its right answer. The inputs
 * are copied into the tests, so they run without ../shared.
 */
#include "check.h"
#include "render_harness.h"

#include <locale.h>

/* The default kind-1 figure of the cases: a navy 2 px line of count. */
#define KIND1(y_column, extra)                                              \
    "{\"width\": 800, \"height\": 350,"                                     \
    " \"title\": {\"text\": \"Case\", \"align\": \"center\"},"              \
    " \"sources\": {\"s\": {\"csv\": \"data.csv\"}}," extra                 \
    " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","             \
    "   \"x\": \"index\", \"y\": \"" y_column "\","                         \
    "   \"line_color\": \"navy\", \"line_width\": 2}]}"

/* ------------------------------------------------------------------------ */
/* C01: missing values leave gaps                                            */
/* ------------------------------------------------------------------------ */

static const char c01_csv[] =
    "index,count\n0,10\n1,20\n2,15\n3,\n4,25\n5,30\n6,NaN\n7,20\n8,12\n";

static void test_c01_missing_values_leave_gaps(void)
{
    rendered r;

    render_text(KIND1("count", ""), c01_csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas != NULL) {
        CHECK_INT(pp_canvas_width(r.canvas), 800);
        CHECK_INT(pp_canvas_height(r.canvas), 350);
        CHECK_NEAR(r.fig->y_range.start, 9.0, 1e-9);
        CHECK_NEAR(r.fig->y_range.end, 31.0, 1e-9);
        CHECK_INT(count_in_columns(&r, px(&r, 2) + 2, px(&r, 4) - 2,
                                   is_navy), 0);
        CHECK_INT(count_in_columns(&r, px(&r, 5) + 2, px(&r, 7) - 2,
                                   is_navy), 0);
        /* Drawn pieces are there: 0-1-2 and 4-5. */
        CHECK(count_in_columns(&r, px(&r, 0), px(&r, 2), is_navy) > 50);
        CHECK(count_in_columns(&r, px(&r, 4), px(&r, 5), is_navy) > 50);
        CHECK(!labels_contain(&r.layout.y, "nan") &&
              !labels_contain(&r.layout.y, "inf") &&
              !labels_contain(&r.layout.y, "NaN"));
    }
    release(&r);
}

static void test_c01_nothing_drawn_toward_zero(void)
{
    rendered r;
    int x, y, below = 0;

    render_text(KIND1("count", ""), c01_csv, &r);
    if (r.canvas == NULL) {
        CHECK_MSG(0, "render failed: %s", r.err.message);
        release(&r);
        return;
    }
    for (x = 0; x < 800; x++)
        for (y = (int)ceil(py(&r, 10) + 2.0 + 1e-9);
             y < r.layout.frame.y + r.layout.frame.height; y++) {
            uint8_t p[4];
            pp_canvas_get_pixel(r.canvas, x, y, p);
            below += is_navy(p);
        }
    CHECK_INT(below, 0);
    release(&r);
}

static void test_c01_other_missing_markers_give_same_png(void)
{
    static const char *const markers[] = {"NA", "N/A", "null"};
    rendered base, other;
    size_t i;

    render_text(KIND1("count", ""), c01_csv, &base);
    for (i = 0; i < 3; i++) {
        char csv[256];
        snprintf(csv, sizeof csv, "index,count\n0,10\n1,20\n2,15\n3,%s\n4,25"
                 "\n5,30\n6,NaN\n7,20\n8,12\n", markers[i]);
        render_text(KIND1("count", ""), csv, &other);
        CHECK_MSG(same_png(&base, &other), "'%s' renders differently from "
                  "an empty cell", markers[i]);
        release(&other);
    }
    release(&base);
}

/* ------------------------------------------------------------------------ */
/* C03: zero-height ranges and a single row                                  */
/* ------------------------------------------------------------------------ */

static bool neighbours_distinct(const pp__axis_layout *al)
{
    size_t i;

    for (i = 1; i < al->ticks.nmajor; i++)
        if (strcmp(al->labels[i], al->labels[i - 1]) == 0)
            return false;
    return al->ticks.nmajor >= 2;
}

static void check_flat_line(const char *spec, const char *csv, double value)
{
    rendered r;
    double middle;
    int x, y, top = 10000, bottom = -1;

    render_text(spec, csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    CHECK_NEAR(r.fig->y_range.start, value - 1.0, 1e-9);
    CHECK_NEAR(r.fig->y_range.end, value + 1.0, 1e-9);
    CHECK(neighbours_distinct(&r.layout.y));
    CHECK(!labels_contain(&r.layout.y, "nan") &&
          !labels_contain(&r.layout.y, "inf"));
    /* The line is horizontal through the frame's middle... */
    middle = r.layout.frame.y + r.layout.frame.height / 2.0;
    x = (int)lround(px(&r, 2));
    for (y = 0; y < 350; y++) {
        uint8_t p[4];
        pp_canvas_get_pixel(r.canvas, x, y, p);
        if (is_navy(p) && p[2] > 0 && p[0] < 100) {
            top = y < top ? y : top;
            bottom = y > bottom ? y : bottom;
        }
    }
    CHECK_NEAR((top + bottom) / 2.0, middle, 1.0);
    /* ...from px(0) to px(4), not beyond. */
    CHECK(count_in_columns(&r, px(&r, 0) + 1, px(&r, 4) - 1, is_navy) > 0);
    CHECK_INT(count_in_columns(&r, px(&r, 4) + 1, 800, is_navy), 0);
    CHECK_INT(count_in_columns(&r, 0, px(&r, 0) - 1, is_navy), 0);
    release(&r);
}

static const char c03_csv[] = "index,count\n0,42\n1,42\n2,42\n3,42\n4,42\n";

static void test_c03_equal_values_widen_range(void)
{
    check_flat_line(KIND1("count", ""), c03_csv, 42.0);
}

static void test_c03_equal_zeros_widen_range(void)
{
    check_flat_line(KIND1("count", ""),
                    "index,count\n0,0\n1,0\n2,0\n3,0\n4,0\n", 0.0);
}

static void test_c03_equal_values_without_padding(void)
{
    check_flat_line(KIND1("count", " \"x_range\": {\"range_padding\": 0},"
                                   " \"y_range\": {\"range_padding\": 0},"),
                    c03_csv, 42.0);
}

static void check_single_point(const char *csv, double value,
                               const char *extra_spec)
{
    char spec[1024];
    rendered r;
    int x, y, far = 0;

    snprintf(spec, sizeof spec, KIND1("count", "%s"), extra_spec);
    render_text(spec, csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    CHECK_NEAR(r.fig->x_range.start, -1.0, 1e-9);
    CHECK_NEAR(r.fig->x_range.end, 1.0, 1e-9);
    CHECK_NEAR(r.fig->y_range.start, value - 1.0, 1e-9);
    CHECK_NEAR(r.fig->y_range.end, value + 1.0, 1e-9);
    CHECK(neighbours_distinct(&r.layout.x));
    CHECK(neighbours_distinct(&r.layout.y));
    for (x = 0; x < 800; x++)
        for (y = 0; y < 350; y++) {
            uint8_t p[4];
            pp_canvas_get_pixel(r.canvas, x, y, p);
            if (is_navy(p) && hypot(x - px(&r, 0), y - py(&r, value)) > 3.0)
                far++;
        }
    CHECK_INT(far, 0);
    release(&r);
}

static void test_c03_single_row_draws_at_most_a_dot(void)
{
    check_single_point("index,count\n0,42\n", 42.0, "");
    check_single_point("index,count\n0,0\n", 0.0, "");
    check_single_point("index,count\n0,42\n", 42.0,
                       " \"x_range\": {\"range_padding\": 0},"
                       " \"y_range\": {\"range_padding\": 0},");
}

/* ------------------------------------------------------------------------ */
/* C05: overlapping translucent segments                                     */
/* ------------------------------------------------------------------------ */

/* Without grid lines, so a pixel shows only the segments over white. */
#define BIPARTITE(width, height)                                            \
    "{\"width\": " #width ", \"height\": " #height ","                      \
    " \"x_range\": [0, 3], \"grid.visible\": false,"                        \
    " \"sources\": {\"s\": {\"csv\": \"data.csv\"}},"                       \
    " \"factors\": {\"ips\": {\"source\": \"s\","                           \
    "   \"columns\": [\"source\", \"target\"]}},"                           \
    " \"yaxis\": {\"ticker\": {\"factors\": \"ips\"}},"                     \
    " \"renderers\": [{\"glyph\": \"segment\", \"source\": \"s\","          \
    "   \"x0\": 1, \"x1\": 2,"                                              \
    "   \"y0\": {\"field\": \"source\", \"transform\": "                    \
    "     {\"type\": \"factor_index\", \"factors\": \"ips\"}},"             \
    "   \"y1\": {\"field\": \"target\", \"transform\": "                    \
    "     {\"type\": \"factor_index\", \"factors\": \"ips\"}},"             \
    "   \"line_color\": {\"field\": \"newconnections\", \"transform\": "    \
    "     {\"type\": \"threshold_cmap\", \"thresholds\": [1000],"           \
    "      \"palette\": [\"navy\", \"red\"]}},"                             \
    "   \"line_width\": 2, \"line_alpha\": 0.6, \"line_cap\": \"round\"}]}"

static const char c05_csv[] =
    "source,target,newconnections\n"
    "10.0.0.1,192.0.2.1,200\n"
    "10.0.0.1,192.0.2.1,200\n"
    "10.0.0.2,192.0.2.2,300\n"
    "10.0.0.3,192.0.2.3,5000\n"
    "10.0.0.4,192.0.2.3,5000\n";

/*
 * The pixel on the segment from (1, from) to (2, to) at data x: of the
 * pixels near that point whose centre lies within 0.3 px of the line (so a
 * 2 px line covers them fully), the nearest. Writes its screen position.
 */
static void on_segment(const rendered *r, double from, double to, double x,
                       double *sx, double *sy)
{
    double ax = px(r, 1), ay = py(r, from), bx = px(r, 2), by = py(r, to);
    double dx = bx - ax, dy = by - ay, len = hypot(dx, dy);
    double cx = px(r, x), cy = py(r, from + (x - 1.0) * (to - from));
    double best = 1e9;
    int i, j;

    *sx = round(cx);
    *sy = round(cy);
    for (i = -2; i <= 2; i++)
        for (j = -2; j <= 2; j++) {
            double qx = round(cx) + i, qy = round(cy) + j;
            double off = fabs((qx - ax) * dy - (qy - ay) * dx) / len;
            double along = hypot(qx - cx, qy - cy);
            if (off <= 0.3 && along < best) {
                best = along;
                *sx = qx;
                *sy = qy;
            }
        }
}

/* Checks the colour where a row's segment passes data x. */
#define CHECK_ON_SEGMENT(r, from, to, x, R, G, B, tol)                      \
    do {                                                                    \
        double seg_x = 0.0, seg_y = 0.0;                                    \
        on_segment(r, from, to, x, &seg_x, &seg_y);                         \
        CHECK_COLOR(r, seg_x, seg_y, R, G, B, tol);                         \
    } while (0)

/* The pixel nearest to both of two segments, around where they cross. */
static void crossing(const rendered *r, const double a[2], const double b[2],
                     double cx, double cy, double *sx, double *sy)
{
    *sx = *sy = 0.0;
    double best = 1e9;
    int i, j, k;

    for (i = -3; i <= 3; i++)
        for (j = -3; j <= 3; j++) {
            double qx = round(cx) + i, qy = round(cy) + j, worst = 0.0;
            for (k = 0; k < 2; k++) {
                const double *s = k == 0 ? a : b;
                double ax = px(r, 1), ay = py(r, s[0]);
                double dx = px(r, 2) - ax, dy = py(r, s[1]) - ay;
                double off = fabs((qx - ax) * dy - (qy - ay) * dx) /
                             hypot(dx, dy);
                worst = off > worst ? off : worst;
            }
            if (worst < best) {
                best = worst;
                *sx = qx;
                *sy = qy;
            }
        }
}

static void test_c05_overlapping_translucent_segments(void)
{
    rendered r;

    render_text(BIPARTITE(600, 400), c05_csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    /* Sources first, then new targets: 10.0.0.1..4 are 1..4 and
       192.0.2.1..3 are 5..7. Rows 1 and 2 coincide: navy twice. */
    CHECK_ON_SEGMENT(&r, 1, 5, 1.5, 41, 41, 148, 6);
    /* Row 3 alone. */
    CHECK_ON_SEGMENT(&r, 2, 6, 1.5, 102, 102, 179, 6);
    /* Rows 4 and 5, red, apart at x = 1.5, together at their target. */
    CHECK_ON_SEGMENT(&r, 3, 7, 1.5, 255, 102, 102, 6);
    CHECK_ON_SEGMENT(&r, 4, 7, 1.5, 255, 102, 102, 6);
    CHECK_COLOR(&r, px(&r, 2), py(&r, 7), 255, 41, 41, 6);
    /* Row 3's round caps are not blended over its own body: the end
       pixels, about a pixel in from each end, overlap both the cap's disk
       and the body. */
    {
        double len = hypot(px(&r, 2) - px(&r, 1), py(&r, 6) - py(&r, 2));
        CHECK_ON_SEGMENT(&r, 2, 6, 1.0 + 1.2 / len, 102, 102, 179, 10);
        CHECK_ON_SEGMENT(&r, 2, 6, 2.0 - 1.2 / len, 102, 102, 179, 10);
    }
    release(&r);
}

static void test_c05_rows_painted_in_csv_order(void)
{
    /* A navy row, then a red one crossing it: red over navy. */
    rendered r;
    double sx = 0.0, sy = 0.0;

    render_text(BIPARTITE(600, 400),
                "source,target,newconnections\n"
                "a,c,10\n"
                "b,a,2000\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    /* a=1, b=2, c=3: navy runs 1 -> 3, red 2 -> 1; they cross where
       1 + 2t = 2 - t, at t = 1/3, y = 5/3. */
    {
        static const double navy[2] = {1, 3}, red[2] = {2, 1};
        crossing(&r, navy, red, px(&r, 1.0 + 1.0 / 3.0), py(&r, 5.0 / 3.0),
                 &sx, &sy);
    }
    CHECK_COLOR(&r, sx, sy, 194, 41, 72, 6);
    release(&r);
}

/* ------------------------------------------------------------------------ */
/* C07: one very long tick label                                             */
/* ------------------------------------------------------------------------ */

static void test_c07_long_label_keeps_frame_usable(void)
{
    static const char csv[] =
        "source,target,newconnections\n"
        "10.0.0.1,192.0.2.1,500\n"
        "10.0.0.2 (also seen as host01.example.net-host02.example.net-host03"
        ".example.net-host04.example.net-host05.example.net-host06.example"
        ".net-host07.example.net-host08.example.net-host09.example.net),"
        "192.0.2.2,1500\n"
        "10.0.0.3,192.0.2.1,800\n";
    rendered r;
    const pp_rect_t *f;
    int x, y, ink_in_frame = 0;
    size_t i;
    bool shortened = false;

    render_text(BIPARTITE(800, 350), csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    f = &r.layout.frame;
    CHECK(f->width >= 320.0);
    CHECK(f->height >= 175.0);
    for (i = 0; i < r.layout.y.ticks.nmajor; i++)
        if (strstr(r.layout.y.labels[i], "\xE2\x80\xA6") != NULL)
            shortened = true;
    CHECK(shortened);
    CHECK_CONTAINS(r.warnings, "shortened the tick label '10.0.0.2 (also");
    /* All three segments show: navy rows 1 and 3, red row 2. */
    CHECK(count_in_columns(&r, px(&r, 1) + 3, px(&r, 2) - 3, is_red) > 20);
    CHECK(count_in_columns(&r, px(&r, 1) + 3, px(&r, 2) - 3, is_navy) > 40);
    /* No label ink inside the frame: past the ticks reaching in from the
       axes, it holds only grey grid, the outline and coloured lines, never
       grey text. */
    for (x = (int)(f->x + r.fig->yaxis.major_tick_in) + 1;
         x < f->x + f->width; x++)
        for (y = (int)f->y + 1;
             y < f->y + f->height - r.fig->xaxis.major_tick_in - 1; y++) {
            uint8_t p[4];
            pp_canvas_get_pixel(r.canvas, x, y, p);
            if (p[0] == p[1] && p[1] == p[2] && p[0] < 200)
                ink_in_frame++;
        }
    CHECK_INT(ink_in_frame, 0);
    release(&r);
}

/* ------------------------------------------------------------------------ */
/* C10: quoted fields with commas, quotes and newlines                       */
/* ------------------------------------------------------------------------ */

#define C10_SERIES(rule, color)                                             \
    "{\"glyph\": \"line\", \"source\": \"s\", \"x\": \"index\","            \
    " \"y\": {\"field\": \"count\", \"transform\": {\"type\": \"where\","   \
    "   \"column\": \"rule\", \"equals\": \"" rule "\","                    \
    "   \"otherwise\": null}},"                                             \
    " \"line_color\": \"" color "\", \"legend_label\": \"" rule "\"}"

static const char c10_spec[] =
    "{\"width\": 800, \"height\": 250,"
    " \"sources\": {\"s\": {\"csv\": \"data.csv\"}},"
    " \"renderers\": ["
    C10_SERIES("portscan, TCP", "navy") ","
    C10_SERIES("decoder: \\\"window\\\" option", "red") ","
    C10_SERIES("multi\\nline rule", "green") "]}";

static void test_c10_quoted_fields_make_three_series(void)
{
    static const char csv[] =
        "index,rule,count\n"
        "0,\"portscan, TCP\",3\n"
        "1,\"portscan, TCP\",5\n"
        "2,\"decoder: \"\"window\"\" option\",2\n"
        "3,\"decoder: \"\"window\"\" option\",4\n"
        "4,\"multi\nline rule\",1\n"
        "5,\"multi\nline rule\",2\n";
    static const double want[3][6] = {
        {3, 5, NAN, NAN, NAN, NAN},
        {NAN, NAN, 2, 4, NAN, NAN},
        {NAN, NAN, NAN, NAN, 1, 2},
    };
    rendered r;
    size_t s, i;

    render_text(c10_spec, csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    CHECK_INT(r.layout.legend.nitems, 3);
    CHECK_STR(r.fig->renderers[0].legend_label, "portscan, TCP");
    CHECK_STR(r.fig->renderers[1].legend_label, "decoder: \"window\" option");
    CHECK_STR(r.fig->renderers[2].legend_label, "multi\nline rule");
    for (s = 0; s < 3; s++) {
        const pp__resolved *d = &r.fig->renderers[s].data;
        CHECK_INT(d->n, 6);
        for (i = 0; i < 6 && i < d->n; i++) {
            CHECK_NEAR(d->x[i], (double)i, 0.0);
            CHECK_MSG(isnan(want[s][i]) ? isnan(d->y[i])
                                        : d->y[i] == want[s][i],
                      "series %zu row %zu is %g, expected %g", s, i, d->y[i],
                      want[s][i]);
        }
    }
    /* The newline in a label is drawn as a space, never as a box. */
    CHECK_INT(r.nwarnings, 0);
    release(&r);
}

static void test_c10_unclosed_quote_fails_at_its_line(void)
{
    rendered r;

    render_text(c10_spec, "index,rule,count\n0,\"portscan, TCP\",3\n"
                "1,\"portscan, TCP,5\n2,other,2\n", &r);
    CHECK_INT(r.status, PP_ERR_CSV);
    CHECK_CONTAINS(r.err.message, "data.csv:3: quote is not closed");
    CHECK(r.canvas == NULL);
    release(&r);
}

/* ------------------------------------------------------------------------ */
/* C11, C12: byte-order mark, CRLF, final newlines                           */
/* ------------------------------------------------------------------------ */

static void test_c11_byte_order_mark_is_invisible(void)
{
    static const char with_bom[] = "\xEF\xBB\xBFindex,count\n0,5\n1,8\n2,6\n3,9\n";
    rendered a, b;

    render_text(KIND1("count", ""), with_bom, &a);
    render_text(KIND1("count", ""), with_bom + 3, &b);
    CHECK_INT(a.status, PP_OK);
    CHECK_INT(b.status, PP_OK);
    CHECK(same_png(&a, &b));
    release(&a);
    release(&b);
}

static void test_c12_line_ends_and_final_newline(void)
{
    static const char crlf[] =
        "index,count\r\n0,5\r\n1,8\r\n2,6\r\n3,9\r\n\r\n";
    static const char no_final_newline[] = "index,count\n0,5\n1,8\n2,6\n3,9";
    rendered a, b;

    render_text(KIND1("count", ""), crlf, &a);
    render_text(KIND1("count", ""), no_final_newline, &b);
    CHECK_INT(a.status, PP_OK);
    CHECK_INT(b.status, PP_OK);
    if (a.fig != NULL && b.fig != NULL) {
        CHECK_INT(a.fig->renderers[0].data.n, 4);
        CHECK_INT(b.fig->renderers[0].data.n, 4);
        if (b.fig->renderers[0].data.n == 4)
            CHECK_NEAR(b.fig->renderers[0].data.y[3], 9.0, 0.0);
    }
    CHECK(same_png(&a, &b));
    release(&a);
    release(&b);
}

/* ------------------------------------------------------------------------ */
/* C13: rows with too many or too few fields                                 */
/* ------------------------------------------------------------------------ */

static void test_c13_extra_field_fails_with_line_and_counts(void)
{
    rendered r;

    render_text(KIND1("count", ""), "index,count\n0,5\n1,7\n2,6,99\n3,8\n",
                &r);
    CHECK_INT(r.status, PP_ERR_CSV);
    CHECK_CONTAINS(r.err.message, "data.csv:4: expected 2 fields, found 3");
    CHECK(r.canvas == NULL);
    release(&r);
}

static void test_c13_short_row_is_a_gap(void)
{
    rendered r;

    render_text(KIND1("count", ""),
                "index,datetime,count\n0,2011-04-13 08:52,5\n"
                "1,2011-04-13 08:53\n2,2011-04-13 08:54,6\n"
                "3,2011-04-13 08:55,4\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas != NULL)
        CHECK_INT(count_in_columns(&r, px(&r, 0) + 2, px(&r, 2) - 2,
                                   is_navy), 0);
    release(&r);
}

/* ------------------------------------------------------------------------ */
/* C14: non-ASCII text                                                       */
/* ------------------------------------------------------------------------ */

#define C14_SPEC(title)                                                     \
    "{\"width\": 800, \"height\": 350,"                                     \
    " \"title\": {\"text\": \"" title "\", \"align\": \"center\"},"         \
    " \"xaxis.axis_label\": \"Minute\", \"yaxis.axis_label\": \"dur\xC3\xA9" \
    "e\", \"sources\": {\"s\": {\"csv\": \"data.csv\"}},"                   \
    " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","             \
    "   \"x\": \"index\", \"y\": \"dur\xC3\xA9" "e\"}]}"

static const char c14_csv[] = "index,dur\xC3\xA9" "e\n0,3\n1,5\n2,4\n3,6\n";

/* Columns of title ink over the frame. */
static void title_ink(const rendered *r, int *lo, int *hi)
{
    int x, y;

    *lo = -1;
    *hi = -1;
    for (x = (int)r->layout.frame.x;
         x < r->layout.frame.x + r->layout.frame.width; x++)
        for (y = 0; y < (int)r->layout.title_height; y++) {
            uint8_t p[4];
            pp_canvas_get_pixel(r->canvas, x, y, p);
            if (p[0] < 200) {
                *lo = *lo < 0 ? x : *lo;
                *hi = x;
                break;
            }
        }
}

static void test_c14_utf8_column_and_accents(void)
{
    rendered r, e_only, accented;
    int lo, hi, lo2, hi2;

    render_text(C14_SPEC("Connexions \xC3\xA9tablies \xE2\x80\x93 "
                         "Z\xC3\xBCrich"), c14_csv, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    release(&r);

    /* One glyph per code point: a title "é" is as wide as "e". */
    render_text(C14_SPEC("e"), c14_csv, &e_only);
    render_text(C14_SPEC("\xC3\xA9"), c14_csv, &accented);
    if (e_only.canvas != NULL && accented.canvas != NULL) {
        title_ink(&e_only, &lo, &hi);
        title_ink(&accented, &lo2, &hi2);
        CHECK(lo >= 0 && lo2 >= 0);
        CHECK_NEAR(hi2 - lo2, hi - lo, 2.0);
    }
    release(&e_only);
    release(&accented);
}

static void test_c14_missing_glyphs_warn_once_each(void)
{
    rendered r;
    int lo, hi;
    double centre;

    /* 接続数 (CJK): three code points the font lacks. */
    render_text(C14_SPEC("\xE6\x8E\xA5\xE7\xB6\x9A\xE6\x95\xB0"), c14_csv,
                &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 3);
    CHECK_CONTAINS(r.warnings, "U+63A5");
    CHECK_CONTAINS(r.warnings, "U+7D9A");
    CHECK_CONTAINS(r.warnings, "U+6570");
    if (r.canvas != NULL) {
        /* Centred on the width actually drawn (three boxes). */
        title_ink(&r, &lo, &hi);
        centre = r.layout.frame.x + r.layout.frame.width / 2.0;
        CHECK_NEAR((lo + hi) / 2.0, centre, 2.0);
    }
    release(&r);

    render_text(C14_SPEC("\xF0\x9F\x94\xA5 alerts"), c14_csv, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_CONTAINS(r.warnings, "U+1F525");
    release(&r);
}

static void test_c14_invalid_utf8_warns_and_draws(void)
{
    rendered r;

    render_text(C14_SPEC("caf\xE9"), c14_csv, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK(r.canvas != NULL);
    CHECK(r.nwarnings >= 1);
    CHECK_CONTAINS(r.warnings, "UTF-8");
    release(&r);
}

/* ------------------------------------------------------------------------ */
/* C18: colour strings                                                       */
/* ------------------------------------------------------------------------ */

/* The expected colours are over white: no grid line through the centres. */
static const char c18_spec[] =
    "{\"width\": 800, \"height\": 255, \"x_range\": [0, 10],"
    " \"y_range\": [0, 2], \"grid.visible\": false,"
    " \"sources\": {\"nodes\": {\"csv\": \"data.csv\"},"
    "               \"edges\": {\"csv\": \"data2.csv\"}},"
    " \"renderers\": [{\"glyph\": \"graph\","
    "   \"node_renderer\": {\"source\": \"nodes\", \"glyph\": {\"size\": 20,"
    "     \"fill_color\": \"fill_color\", \"fill_alpha\": 1}},"
    "   \"edge_renderer\": {\"source\": \"edges\"},"
    "   \"layout_provider\": {\"x\": \"x\", \"y\": \"y\"}}]}";

static const char c18_csv[] =
    "index,node,type,x,y,fill_color\n"
    "0,a,T,1,1,red\n"
    "1,b,T,2,1,#3288bd\n"
    "2,c,T,3,1,#3288BD\n"
    "3,d,T,4,1,#f00\n"
    "4,e,T,5,1,\"rgb(50,136,189)\"\n"
    "5,f,T,6,1,#fc8d5980\n"
    "6,g,T,7,1,\"rgba(252,141,89,0.5)\"\n"
    "7,h,T,8,1,RED\n";

static void test_c18_colour_strings(void)
{
    static const int want[8][3] = {
        {255, 0, 0}, {50, 136, 189}, {50, 136, 189}, {255, 0, 0},
        {50, 136, 189}, {254, 198, 172}, {254, 198, 172}, {255, 0, 0},
    };
    rendered r;
    int i;

    /* The edge file: one edge between nodes 0 and 1, drawn under them. */
    write_file("data2.csv", "start,end\n0,1\n", 14);
    render_text(c18_spec, c18_csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas != NULL)
        for (i = 0; i < 8; i++)
            CHECK_COLOR(&r, px(&r, i + 1), py(&r, 1), want[i][0], want[i][1],
                        want[i][2], 3);
    release(&r);
}

static void test_c18_unknown_colour_name_fails(void)
{
    char csv[sizeof c18_csv + 8];
    rendered r;
    char *red;

    memcpy(csv, c18_csv, sizeof c18_csv);
    red = strstr(csv, "1,1,red");
    memcpy(red + 4, "bleu", 4);   /* "red\n" becomes "bleu" + "0,b..." */
    memmove(red + 8, red + 7, strlen(red + 7) + 1);
    red[8] = '\n';
    write_file("data2.csv", "start,end\n0,1\n", 14);
    render_text(c18_spec, csv, &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "data.csv:2: row 0");
    CHECK_CONTAINS(r.err.message, "'bleu', which is not a colour");
    CHECK(r.canvas == NULL);
    release(&r);
}

/* ------------------------------------------------------------------------ */
/* C23: the locale                                                           */
/* ------------------------------------------------------------------------ */

static const char c23_csv[] = "index,count\n0,1.5\n1,2.25\n2,2.5e1\n3,0.75\n";

static void test_c23_numbers_in_any_locale(void)
{
    rendered c, de;
    size_t i;

    render_text(KIND1("count", ""), c23_csv, &c);
    CHECK_INT(c.status, PP_OK);
    if (c.fig != NULL) {
        CHECK_NEAR(c.fig->y_range.start, -0.4625, 1e-12);
        CHECK_NEAR(c.fig->y_range.end, 26.2125, 1e-12);
        for (i = 0; i < c.layout.y.ticks.nmajor; i++)
            CHECK(strchr(c.layout.y.labels[i], ',') == NULL);
    }
    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
        release(&c);
        SKIP("the de_DE.UTF-8 locale is not installed (Debian: locales, "
             "then locale-gen de_DE.UTF-8)");
        return;
    }
    render_text(KIND1("count", ""), c23_csv, &de);
    setlocale(LC_ALL, "C");
    CHECK(same_png(&c, &de));
    release(&c);
    release(&de);
}

static void test_c23_decimal_comma_fails(void)
{
    rendered r;

    render_text(KIND1("count", ""), "index,count\n0,\"1,5\"\n1,2\n", &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "column 'count' must hold numbers, but ");
    CHECK_CONTAINS(r.err.message, "data.csv:2 has '1,5'");
    release(&r);
}

int main(void)
{
    if (!harness_begin()) {
        printf("FAIL test_cases: cannot make a temporary folder\n");
        return 1;
    }
    RUN(test_c01_missing_values_leave_gaps);
    RUN(test_c01_nothing_drawn_toward_zero);
    RUN(test_c01_other_missing_markers_give_same_png);
    RUN(test_c03_equal_values_widen_range);
    RUN(test_c03_equal_zeros_widen_range);
    RUN(test_c03_equal_values_without_padding);
    RUN(test_c03_single_row_draws_at_most_a_dot);
    RUN(test_c05_overlapping_translucent_segments);
    RUN(test_c05_rows_painted_in_csv_order);
    RUN(test_c07_long_label_keeps_frame_usable);
    RUN(test_c10_quoted_fields_make_three_series);
    RUN(test_c10_unclosed_quote_fails_at_its_line);
    RUN(test_c11_byte_order_mark_is_invisible);
    RUN(test_c12_line_ends_and_final_newline);
    RUN(test_c13_extra_field_fails_with_line_and_counts);
    RUN(test_c13_short_row_is_a_gap);
    RUN(test_c14_utf8_column_and_accents);
    RUN(test_c14_missing_glyphs_warn_once_each);
    RUN(test_c14_invalid_utf8_warns_and_draws);
    RUN(test_c18_colour_strings);
    RUN(test_c18_unknown_colour_name_fails);
    RUN(test_c23_numbers_in_any_locale);
    RUN(test_c23_decimal_comma_fails);
    harness_end();
    CHECK_EXIT();
}
