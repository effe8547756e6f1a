/*
 * Spec features beyond the notebook figures: breaks in a line where rows
 * are absent, shaded bands, text transforms and text node keys, the rows
 * layout of a graph, and the spec's own data folder.
 */
#include "check.h"
#include "render_harness.h"

#include <sys/stat.h>

#define LINE_SPEC(extra)                                                    \
    "{\"width\": 400, \"height\": 200,"                                     \
    " \"sources\": {\"s\": {\"csv\": \"data.csv\"}},"                       \
    " \"renderers\": [" extra "{\"glyph\": \"line\", \"source\": \"s\","    \
    "   \"x\": \"x\", \"y\": \"y\", \"line_color\": \"navy\","              \
    "   \"line_width\": 2, \"max_x_step\": 1.5}]}"

static void test_max_x_step_breaks_line(void)
{
    rendered r;

    render_text(LINE_SPEC(""), "x,y\n0,1\n1,2\n2,1\n5,2\n6,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas != NULL) {
        CHECK_INT(count_in_columns(&r, px(&r, 2) + 2, px(&r, 5) - 2,
                                   is_navy), 0);
        CHECK(count_in_columns(&r, px(&r, 0), px(&r, 2), is_navy) > 50);
        CHECK(count_in_columns(&r, px(&r, 5), px(&r, 6), is_navy) > 20);
    }
    release(&r);
}

static void test_max_x_step_duration_needs_unit(void)
{
    rendered r;

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"}},"
                " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","
                " \"x\": \"x\", \"y\": \"y\", \"max_x_step\": \"5 parsecs\"}]}",
                "x,y\n0,1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "renderers[0].max_x_step: '5 parsecs' is "
                   "not a duration");
    release(&r);

    /* A duration on a linear axis would be that many x units. */
    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"}},"
                " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","
                " \"x\": \"x\", \"y\": \"y\", \"max_x_step\": \"5min\"}]}",
                "x,y\n0,1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_STR(r.err.message, "case.json:1:122: renderers[0].max_x_step: a "
              "duration such as '5min' needs \"x_axis_type\": \"datetime\"; "
              "on this axis give a number of x units");
    release(&r);

    /* A number on a date-time axis is milliseconds: below every step, it
       breaks the line everywhere, with a warning that says so. */
    render_text("{\"x_axis_type\": \"datetime\", \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\", "
                "\"max_x_step\": 5}]}",
                "x,y\n2011-04-13 11:39,1\n2011-04-13 11:40,2\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_STR(r.warnings, "case.json:1:149: renderers[0].max_x_step: 5 is "
              "below every step between rows, so the line is broken "
              "everywhere and not drawn (on a datetime axis a number is "
              "milliseconds: write a duration such as \"5min\")\n");
    release(&r);

    /* 0 is no step at all: the default, never given. */
    render_text("{\"x_axis_type\": \"datetime\", \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\", "
                "\"max_x_step\": \"0s\"}]}",
                "x,y\n2011-04-13 11:39,1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_STR(r.err.message, "case.json:1:149: renderers[0].max_x_step: "
              "must be greater than 0; leave \"max_x_step\" out for its "
              "default");
    release(&r);

    render_text("{\"x_axis_type\": \"datetime\", \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\", "
                "\"max_x_step\": \"-1min\"}]}",
                "x,y\n2011-04-13 11:39,1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "renderers[0].max_x_step: must be greater "
                   "than 0");
    release(&r);
}

static void test_bands_from_runs(void)
{
    rendered r;
    const pp__resolved *d;

    render_text(LINE_SPEC("{\"glyph\": \"bands\", \"source\": \"s\", "
                          "\"x\": \"x\", \"by\": \"flag\", "
                          "\"fill_color\": \"red\", \"fill_alpha\": 0.5},"),
                "x,y,flag\n0,1,0\n1,2,3\n2,1,3\n3,2,3\n4,1,0\n5,2,7\n"
                "6,1,\n7,2,0\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    d = &r.fig->renderers[0].data;
    CHECK_INT(d->n, 2);
    if (d->n == 2) {
        CHECK_NEAR(d->band_left[0], 0.5, 0.0);
        CHECK_NEAR(d->band_right[0], 3.5, 0.0);
        CHECK_STR(d->band_labels[0], "3");
        CHECK_NEAR(d->band_left[1], 4.5, 0.0);
        CHECK_NEAR(d->band_right[1], 5.5, 0.0);
        CHECK_STR(d->band_labels[1], "7");
    }
    /* Red at half alpha fills the band's pixels, from top to bottom. */
    CHECK_COLOR(&r, px(&r, 2.5), r.layout.frame.y + 1, 255, 128, 128, 2);
    CHECK_COLOR(&r, px(&r, 2.5), r.layout.frame.y + r.layout.frame.height - 1,
                255, 128, 128, 2);
    CHECK_COLOR(&r, px(&r, 4.2), r.layout.frame.y + 1, 255, 255, 255, 0);
    release(&r);
}

/* A band narrower than a pixel fills the one pixel its middle is in. */
static void test_thin_band_fills_one_pixel(void)
{
    rendered r;
    double middle;
    int column;

    render_text(LINE_SPEC("{\"glyph\": \"bands\", \"source\": \"s\", "
                          "\"x\": \"x\", \"by\": \"flag\", \"width\": 0.01, "
                          "\"fill_color\": \"red\", \"fill_alpha\": 0.5},"),
                "x,y,flag\n0,1,0\n1.3,2,1\n4,1,0\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    middle = px(&r, 1.3);
    column = (int)floor(middle + 0.5);
    CHECK_COLOR(&r, column, r.layout.frame.y + 1, 255, 128, 128, 2);
    CHECK_COLOR(&r, column - 1, r.layout.frame.y + 1, 255, 255, 255, 0);
    CHECK_COLOR(&r, column + 1, r.layout.frame.y + 1, 255, 255, 255, 0);
    release(&r);
}

#define GRAPH_SPEC(layout, end)                                             \
    "{\"width\": 400, \"height\": 300, \"x_range\": [0, 1],"                \
    " \"y_range\": [0, 3], \"sources\": {\"hosts\": {\"csv\": \"data.csv\"}},"\
    " \"renderers\": [{\"glyph\": \"graph\","                               \
    "   \"node_renderer\": {\"source\": \"hosts\", \"index\": \"ip\"},"     \
    "   \"edge_renderer\": {\"source\": \"hosts\", \"start\": \"ip\","       \
    "     \"end\": " end "},"                                               \
    "   \"layout_provider\": " layout "}]}"

#define ROWS "{\"type\": \"rows\", \"by\": \"kind\","                       \
             " \"rows\": [[\"gateway\"], [\"*\"]]}"
#define GATEWAY "{\"field\": \"ip\", \"transform\": {\"type\": \"replace\"," \
                " \"pattern\": \"[0-9]+$\", \"with\": \"1\"}}"

static const char hosts_csv[] =
    "ip,kind\n10.0.0.1,gateway\n10.0.0.7,host\n10.0.0.9,host\n"
    "10.0.0.12,printer\n";

static void test_rows_layout_and_text_keys(void)
{
    rendered r;
    const pp__resolved *d;
    size_t i;

    render_text(GRAPH_SPEC(ROWS, GATEWAY), hosts_csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.fig == NULL || r.status != PP_OK) {
        release(&r);
        return;
    }
    d = &r.fig->renderers[0].data;
    /* The gateway alone on the top row, three others below in file
       order, evenly spread. */
    CHECK_NEAR(d->x[0], 0.5, 0.0);
    CHECK_NEAR(d->y[0], 2.0, 0.0);
    for (i = 1; i < 4; i++) {
        CHECK_NEAR(d->x[i], (i - 0.5) / 3.0, 1e-12);
        CHECK_NEAR(d->y[i], 1.0, 0.0);
    }
    /* Each host's edge ends at 10.0.0.1, found by its text. */
    CHECK_INT(d->nedges, 4);
    for (i = 0; i < d->nedges; i++)
        CHECK_INT(d->edge_to[i], 0);
    release(&r);
}

static void test_rows_layout_category_without_row(void)
{
    rendered r;

    render_text(GRAPH_SPEC("{\"type\": \"rows\", \"by\": \"kind\", "
                           "\"rows\": [[\"gateway\"], [\"host\"]]}", GATEWAY),
                hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "data.csv:5: 'printer' of column 'kind' "
                   "is in none of the layout's rows");
    release(&r);
}

/* A "by" column that is not in the data: the message points at "by". */
static void test_by_column_missing_points_at_by(void)
{
    rendered r;

    render_text(GRAPH_SPEC("{\"type\": \"rows\", \"by\": \"role\", "
                           "\"rows\": [[\"*\"]]}", GATEWAY), hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, ".layout_provider.by: graph renderer: "
                   "column 'role' is not in ");
    CHECK_CONTAINS(r.err.message, "case.json:1:396: ");
    release(&r);

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"bands\", \"source\": "
                "\"s\", \"x\": \"x\", \"by\": \"incident\"}]}",
                "x,inc\n0,0\n1,1\n", &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "case.json:1:105: renderers[0].by: bands "
                   "renderer: column 'incident' is not in ");
    release(&r);
}

static void test_edge_to_unknown_node(void)
{
    rendered r;

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"pattern\": \"^10\", "
                           "\"with\": \"11\"}}"), hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "data.csv:2: edge ip '11.0.0.1' is not the "
                   "index of any node (node indices are in column 'ip')");
    release(&r);
}


/* Number keys are matched by their "%.15g" text: 1e3 finds 1000. */
static const char number_keys_csv[] =
    "ip,kind,peer\n1000,gateway,1e3\n-42,host,-42.0\n"
    "999999999999999,host,999999999999999\n2.5,host,2.50\n";

static void test_number_keys_match_by_their_text(void)
{
    rendered r;
    const pp__resolved *d;
    size_t i;

    render_text(GRAPH_SPEC(ROWS, "\"peer\""), number_keys_csv, &r);
    CHECK_INT(r.status, PP_OK);
    if (r.fig == NULL || r.status != PP_OK) {
        release(&r);
        return;
    }
    d = &r.fig->renderers[0].data;
    CHECK_INT(d->nedges, 4);
    for (i = 0; i < d->nedges && i < 4; i++)
        CHECK_INT(d->edge_to[i], (long)i);
    release(&r);

    /* -0 prints as "-0", so it is not node 0; 1e15 and its digits both
       print as "1e+15". */
    render_text(GRAPH_SPEC(ROWS, "\"peer\""),
                "ip,kind,peer\n0,gateway,-0\n", &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "edge peer '-0' is not the index");
    release(&r);
    render_text(GRAPH_SPEC(ROWS, "\"peer\""),
                "ip,kind,peer\n1e15,gateway,1000000000000000\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.status == PP_OK)
        CHECK_INT(r.fig->renderers[0].data.edge_to[0], 0);
    release(&r);

    /* Two nodes with one index: edges reach the first, with a warning. */
    render_text(GRAPH_SPEC(ROWS, "\"peer\""),
                "ip,kind,peer\n2,gateway,3\n2.0,host,2\n3,host,2\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_CONTAINS(r.warnings, "data.csv:3: node index '2' is also the "
                   "index of ");
    CHECK_CONTAINS(r.warnings, "data.csv:2 (1 repeated index in all); edges "
                   "go to the first\n");
    CHECK_INT(r.nwarnings, 1);
    if (r.status == PP_OK && r.fig->renderers[0].data.nedges == 3)
        CHECK_INT(r.fig->renderers[0].data.edge_to[1], 0);
    release(&r);

    /* The same when a column also holds text: its numbers are keyed as
       numbers, its text as written. */
    render_text(GRAPH_SPEC(ROWS, "\"peer\""),
                "ip,kind,peer\n2.0,gateway,inet\n3,host,2\n"
                "inet,host,3.00\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.status == PP_OK && r.fig->renderers[0].data.nedges == 3) {
        d = &r.fig->renderers[0].data;
        CHECK_INT(d->edge_to[0], 2);
        CHECK_INT(d->edge_to[1], 0);
        CHECK_INT(d->edge_to[2], 1);
    } else {
        CHECK(0);
    }
    release(&r);
}

static void test_replace_needs_a_valid_pattern(void)
{
    rendered r;

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"pattern\": \"[0-9\", "
                           "\"with\": \"1\"}}"), hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "transform.pattern: '[0-9' is not a "
                   "regular expression");
    release(&r);
}

/*
 * replace with rules: the first rule whose pattern matches applies, and
 * text no rule matches stays. Here the gateway's edge goes to the printer,
 * each host's to the gateway, and the printer's is a loop.
 */
static void test_replace_rules_first_match(void)
{
    rendered r;
    const pp__resolved *d;

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"rules\": ["
                           "{\"pattern\": \"^10\\\\.0\\\\.0\\\\.1$\", "
                           "\"with\": \"10.0.0.12\"}, "
                           "{\"pattern\": \"[79]$\", \"with\": \"1\"}]}}"),
                hosts_csv, &r);
    CHECK_MSG(r.status == PP_OK, "%s", r.err.message);
    if (r.fig == NULL || r.status != PP_OK) {
        release(&r);
        return;
    }
    d = &r.fig->renderers[0].data;
    CHECK_INT(d->nedges, 4);
    if (d->nedges == 4) {
        CHECK_INT(d->edge_to[0], 3);    /* 10.0.0.1 -> 10.0.0.12 */
        CHECK_INT(d->edge_to[1], 0);    /* 10.0.0.7 -> 10.0.0.1 */
        CHECK_INT(d->edge_to[2], 0);
        CHECK_INT(d->edge_to[3], 3);    /* 10.0.0.12 matches no rule */
    }
    release(&r);

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"rules\": ["
                           "{\"pattern\": \"x\", \"with\": \"y\"}, "
                           "{\"pattern\": \"(\", \"with\": \"1\"}]}}"),
                hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "transform.rules[1].pattern: '(' is not a "
                   "regular expression");
    release(&r);

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"rules\": ["
                           "{\"pattern\": \"x\"}]}}"), hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "transform.rules[0]: a 'replace' rule needs "
                   "\"pattern\" (a regular expression) and \"with\"");
    release(&r);

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"rules\": []}}"),
                hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "transform.rules: \"rules\" must be a "
                   "non-empty list");
    release(&r);

    render_text(GRAPH_SPEC(ROWS, "{\"field\": \"ip\", \"transform\": "
                           "{\"type\": \"replace\", \"pattern\": \"x\", "
                           "\"with\": \"y\", \"rules\": []}}"),
                hosts_csv, &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "has \"pattern\" and \"with\", or "
                   "\"rules\", not both");
    release(&r);
}

static void test_spec_data_dir_and_override(void)
{
    char spec_path[600], sub[600];
    pp_figure_t *fig = NULL;
    pp_load_options_t opt = {0};
    pp_error_t err;
    FILE *f;

    snprintf(sub, sizeof sub, "%s/sub", tmpdir);
    mkdir(sub, 0777);
    write_file("sub/data.csv", "x,y\n0,1\n1,5\n", 12);
    write_file("data.csv", "x,y\n0,1\n1,9\n", 12);
    snprintf(spec_path, sizeof spec_path, "%s/spec.json", tmpdir);
    f = fopen(spec_path, "w");
    if (f == NULL) {
        CHECK_MSG(0, "cannot write %s", spec_path);
        return;
    }
    fputs("{\"data_dir\": \"sub\", \"sources\": {\"s\": {\"csv\": "
          "\"data.csv\"}}, \"renderers\": [{\"glyph\": \"line\", \"source\":"
          " \"s\", \"x\": \"x\", \"y\": \"y\"}]}", f);
    fclose(f);

    /* The spec's data_dir is relative to the spec's folder... */
    CHECK_INT(pp_figure_load(spec_path, NULL, &fig, &err), PP_OK);
    if (fig != NULL) {
        CHECK_INT(pp__resolve_renderer(fig, &fig->renderers[0], &err), PP_OK);
        CHECK_NEAR(fig->renderers[0].data.y[1], 5.0, 0.0);
        pp_figure_destroy(fig);
    }
    /* ...and --data-dir replaces it. */
    opt.data_dir = tmpdir;
    CHECK_INT(pp_figure_load(spec_path, &opt, &fig, &err), PP_OK);
    if (fig != NULL) {
        CHECK_INT(pp__resolve_renderer(fig, &fig->renderers[0], &err), PP_OK);
        CHECK_NEAR(fig->renderers[0].data.y[1], 9.0, 0.0);
        pp_figure_destroy(fig);
    }
}

/* p.y_range.start = 0 fixes one end; the other stays automatic. */
static void test_range_with_one_end_given(void)
{
    rendered r;

    render_text("{\"y_range.start\": 0, \"sources\": {\"s\": {\"csv\": "
                "\"data.csv\"}}, \"renderers\": [{\"glyph\": \"line\", "
                "\"source\": \"s\", \"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n0,5\n1,8\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.fig != NULL) {
        CHECK_NEAR(r.fig->y_range.start, 0.0, 0.0);
        CHECK_NEAR(r.fig->y_range.end, 8.15, 1e-12);
        CHECK_NEAR(r.fig->x_range.start, -0.05, 1e-12);
    }
    release(&r);

    render_text("{\"y_range.start\": \"zero\", \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": []}",
                "x,y\n0,5\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "case.json:1:19: y_range.start: must be a "
                   "finite number, not a string");
    release(&r);

    /* A start above all the data: one unit of range, and a warning. */
    render_text("{\"y_range\": {\"start\": 100}, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": "
                "\"y\"}]}", "x,y\n0,5\n1,8\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_STR(r.warnings, "case.json:1:13: y_range: the given start 100 "
              "leaves all the data outside the range\n");
    if (r.fig != NULL) {
        CHECK_NEAR(r.fig->y_range.start, 100.0, 0.0);
        CHECK_NEAR(r.fig->y_range.end, 101.0, 0.0);
    }
    release(&r);

    /* On a date-time axis the given end is named as a date-time. */
    render_text("{\"x_axis_type\": \"datetime\", \"x_range\": {\"start\": "
                "\"2011-04-13 13:00:30\"}, \"sources\": {\"s\": {\"csv\": "
                "\"data.csv\"}}, \"renderers\": [{\"glyph\": \"line\", "
                "\"source\": \"s\", \"x\": \"t\", \"y\": \"y\"}]}",
                "t,y\n2011-04-13 11:00,5\n2011-04-13 12:00,8\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_STR(r.warnings, "case.json:1:40: x_range: the given start "
              "2011-04-13 13:00:30 leaves all the data outside the range\n");
    release(&r);
}

/* Factors past the end of a short palette get nan_color, with a warning. */
static void test_short_factor_palette_warns(void)
{
    rendered r;

    render_text("{\"width\": 200, \"height\": 200, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"scatter\", \"source\": \"s\", \"x\": \"x\", \"y\": "
                "\"y\", \"fill_color\": {\"field\": \"k\", \"transform\": "
                "{\"type\": \"factor_cmap\", \"factors\": [\"a\", \"b\", "
                "\"c\"], \"palette\": [\"red\", \"blue\"], \"nan_color\": "
                "\"lime\"}}}]}",
                "x,y,k\n1,1,a\n2,2,b\n3,3,c\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_STR(r.warnings, "case.json:1:154: renderers[0].fill_color: "
              "factor_cmap has 2 colours for 3 factors, so 'c' and the "
              "factors after it get nan_color\n");
    if (r.fig != NULL) {
        const pp_color_t *fill = r.fig->renderers[0].data.fill_colors;
        CHECK_INT(fill[1].b, 255);                  /* b: blue */
        CHECK_INT(fill[2].r, 0);                    /* c: lime, 0 255 0 */
        CHECK_INT(fill[2].g, 255);
        CHECK_INT(fill[2].b, 0);
    }
    release(&r);
}

/* One colour for two factors: the count is in the singular. */
static void test_one_colour_palette_warns_in_the_singular(void)
{
    rendered r;

    render_text("{\"width\": 200, \"height\": 200, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"scatter\", \"source\": \"s\", \"x\": \"x\", \"y\": "
                "\"y\", \"fill_color\": {\"field\": \"k\", \"transform\": "
                "{\"type\": \"factor_cmap\", \"factors\": [\"a\", \"b\"], "
                "\"palette\": [\"red\"]}}}]}",
                "x,y,k\n1,1,a\n2,2,b\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_CONTAINS(r.warnings, "factor_cmap has 1 colour for 2 factors, so "
                   "'b' and the factors after it get nan_color");
    release(&r);
}

/*
 * Marker sizes from a column beyond 0..10000 px (1e10, 1e300, -3) are not
 * drawn, with one warning naming the first row; 30 px beside them draws.
 */
static void test_absurd_marker_sizes_warn_once(void)
{
    rendered r;
    uint8_t p[4];

    render_text("{\"width\": 200, \"height\": 200, \"x_range\": [0, 10], "
                "\"y_range\": [0, 10], \"sources\": {\"s\": {\"csv\": "
                "\"data.csv\"}}, \"renderers\": [{\"glyph\": \"scatter\", "
                "\"source\": \"s\", \"x\": \"x\", \"y\": \"y\", "
                "\"size\": \"bytes\", \"color\": \"red\"}]}",
                "x,y,bytes\n2,5,30\n8,5,1e10\n5,2,1e300\n5,8,-3\n5,5,\n",
                &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_CONTAINS(r.warnings, "case.json:1:188: renderers[0].size: "
                   "scatter renderer: column 'bytes' gives the size 1e+10 at ");
    CHECK_CONTAINS(r.warnings, "/data.csv:3, outside 0 to 10000 px, so its "
                   "marker is not drawn (nor those of 2 more rows)\n");
    if (r.canvas != NULL) {
        pixel(&r, px(&r, 2), py(&r, 5), p);
        CHECK_MSG(is_red(p), "the 30 px marker is (%d,%d,%d)", p[0], p[1],
                  p[2]);
        pixel(&r, px(&r, 8), py(&r, 5), p);
        CHECK_MSG(!is_red(p), "the 1e10 px marker is drawn");
        pixel(&r, px(&r, 5), py(&r, 2), p);
        CHECK_MSG(!is_red(p), "the 1e300 px marker is drawn");
    }
    release(&r);
}

/* A title wider than the image is cut at its edge, with a warning. */
static void test_title_cut_at_the_edge_warns(void)
{
    rendered r;

    render_text("{\"width\": 200, \"height\": 150, \"title\": \"Number of "
                "New Connections Over Time\", \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_CONTAINS(r.warnings, "the title is ");
    CHECK_CONTAINS(r.warnings, " px wide and passes the image's edge (200 px "
                   "wide), where it is cut\n");
    release(&r);

    render_text("{\"width\": 400, \"height\": 150, \"title\": \"Number of "
                "New Connections Over Time\", \"renderers\": []}", "x\n1\n",
                &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    release(&r);
}

/*
 * Inline data, Bokeh's ColumnDataSource(data=dict(...)): the same figure
 * as the same cells in a CSV file, to the byte, and its cells typed alike
 * (null and "NA" missing, "12" a number, text a colour or a category).
 */
static void test_inline_data_draws_as_csv(void)
{
    static const char *const renderers =
        "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
        "\"x\": \"x\", \"y\": \"y\", \"line_color\": \"navy\"}, "
        "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": \"x\", "
        "\"y\": \"y\", \"size\": 9, \"fill_color\": \"c\"}]}";
    char spec[1024];
    rendered from_csv, from_spec;
    const pp__column *y;

    snprintf(spec, sizeof spec, "{\"width\": 300, \"height\": 200, "
             "\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, %s",
             renderers);
    render_text(spec, "x,y,c\n1,4,red\n2,,navy\n3,6.25,#00ff00\n"
                "4,NA,black\n5,12,red\n", &from_csv);
    snprintf(spec, sizeof spec, "{\"width\": 300, \"height\": 200, "
             "\"sources\": {\"s\": {\"data\": {"
             "\"x\": [1, 2, 3, 4, 5], \"y\": [4, null, 6.25, \"NA\", \"12\"], "
             "\"c\": [\"red\", \"navy\", \"#00ff00\", \"black\", \"red\"]"
             "}}}, %s", renderers);
    render_text(spec, "unused\n", &from_spec);
    CHECK_INT(from_csv.status, PP_OK);
    CHECK_INT(from_spec.status, PP_OK);
    CHECK(same_png(&from_csv, &from_spec));
    if (from_spec.fig != NULL) {
        y = pp__table_find(from_spec.fig->sources[0].table, "y");
        CHECK(y != NULL && y->kind == PP__COLUMN_NUMBER);
        if (y != NULL) {
            CHECK(isnan(y->numbers[1]) && isnan(y->numbers[3]));
            CHECK_NEAR(y->numbers[4], 12.0, 0.0);
        }
        /* The point at (3, 6.25) is filled green. */
        CHECK_COLOR(&from_spec, px(&from_spec, 3), py(&from_spec, 6.25),
                    0, 255, 0, 0);
    }
    release(&from_csv);
    release(&from_spec);
}

/* Mistakes in inline data are found while the spec is read, at their place. */
static void test_inline_data_errors(void)
{
    static const struct {
        const char *data, *message;
    } cases[] = {
        {"{\"x\": [1, 2], \"y\": [1]}",
         "case.json:1:47: sources.s.data.y: column 'y' has 1 value, but "
         "column 'x' has 2: the columns of a source are equally long"},
        {"{\"x\": [1, true]}",
         "case.json:1:38: sources.s.data.x[1]: a value of inline data is a "
         "number, a string or null, not a boolean"},
        {"{\"x\": 5}",
         "case.json:1:34: sources.s.data.x: column 'x' must be a list of "
         "values, not a number"},
        {"[1, 2]",
         "case.json:1:28: sources.s.data: \"data\" must be an object of "
         "columns, like {\"x\": [1, 2], \"y\": [3, 4]}"},
    };
    char spec[512];
    rendered r;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(spec, sizeof spec, "{\"sources\": {\"s\": {\"data\": %s}}, "
                 "\"renderers\": []}", cases[i].data);
        render_text(spec, "unused\n", &r);
        CHECK_INT(r.status, PP_ERR_SPEC);
        CHECK_STR(r.err.message, cases[i].message);
        release(&r);
    }

    /* A cell that is not a number is named at its place in the spec. */
    render_text("{\"sources\": {\"s\": {\"data\": {\"x\": [1, 2],\n"
                "\"y\": [3, \"three\"]}}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\"}]}",
                "unused\n", &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_STR(r.err.message, "case.json:2:85: renderers[0].y: column 'y' "
              "must hold numbers, but case.json:2:10 has 'three'");
    release(&r);

    render_text("{\"sources\": {\"s\": {\"data\": {\"x\": [1]}}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"z\"}]}", "unused\n", &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "column 'z' is not in sources.s, whose "
                   "columns are: x");
    release(&r);

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\", \"data\": "
                "{\"x\": [1]}}}, \"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_STR(r.err.message, "case.json:1:19: sources.s: a source has one "
              "of \"csv\", \"data\" and \"concat\", not more");
    release(&r);
}

/*
 * A concat source is the rows of other sources one after another, with
 * the columns of all of them: a node added to a file's hosts, say. A cell
 * is named in the source it comes from.
 */
static void test_concat_source(void)
{
    static const char spec[] =
        "{\"sources\": {\"extra\": {\"data\": {\"ip\": [\"inet\"], "
        "\"kind\": [\"cloud\"], \"size\": [9]}},\n"
        " \"hosts\": {\"csv\": \"data.csv\"},\n"
        " \"all\": {\"concat\": [\"extra\", \"hosts\"]}},\n"
        " \"renderers\": [{\"glyph\": \"scatter\", \"source\": \"all\", "
        "\"x\": {\"field\": \"ip\", \"transform\": {\"type\": "
        "\"factor_index\", \"factors\": [\"inet\", \"10.0.0.1\", "
        "\"10.0.0.7\"]}}, \"y\": \"n\"}]}";
    const pp__table *t;
    rendered r;

    render_text(spec, "ip,kind,n\n10.0.0.1,gateway,2\n10.0.0.7,host,3\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.fig == NULL || r.fig->nsources != 3 ||
        (t = r.fig->sources[2].table) == NULL) {
        CHECK(0);
        release(&r);
        return;
    }
    CHECK_INT(t->nrows, 3);
    CHECK_INT(t->ncols, 4);
    CHECK_STR(t->columns[0].name, "ip");
    CHECK_STR(t->columns[3].name, "n");
    CHECK_STR(t->columns[0].strings[0], "inet");
    CHECK_STR(t->columns[0].strings[2], "10.0.0.7");
    /* A column one source lacks is missing in its rows; numbers stay
       numbers. */
    CHECK(t->columns[2].kind == PP__COLUMN_NUMBER);
    CHECK(isnan(t->columns[2].numbers[1]));
    CHECK(isnan(t->columns[3].numbers[0]));
    CHECK_NEAR(t->columns[3].numbers[2], 3.0, 0.0);
    CHECK_NEAR(r.fig->renderers[0].data.x[0], 1.0, 0.0);
    CHECK_NEAR(r.fig->renderers[0].data.y[2], 3.0, 0.0);
    {
        double v = 1.0;
        pp_error_t err;
        CHECK_INT(pp_figure_set_column(r.fig, "all", "n", &v, 1, &err),
                  PP_ERR_ARGUMENT);
        CHECK_CONTAINS(err.message, "source 'all' reads other sources");
    }
    release(&r);

    /* The file's second data row is line 3 of data.csv. */
    render_text(spec, "ip,kind,n\n10.0.0.1,gateway,2\n10.0.0.7,host,x\n", &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "column 'n' must hold numbers, but ");
    CHECK_CONTAINS(r.err.message, "data.csv:3 has 'x'");
    release(&r);

    render_text("{\"sources\": {\"a\": {\"concat\": [\"b\"]}}, "
                "\"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_STR(r.err.message, "case.json:1:31: sources.a.concat[0]: source "
              "'b' is not defined under \"sources\"");
    release(&r);

    render_text("{\"sources\": {\"a\": {\"csv\": \"data.csv\"}, \"b\": "
                "{\"concat\": [\"a\"]}, \"c\": {\"concat\": [\"a\", "
                "\"b\"]}}, \"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "sources.c.concat[1]: source 'b' is "
                   "itself a concat: name the sources it is made of");
    release(&r);

    render_text("{\"sources\": {\"a\": {\"concat\": []}}, "
                "\"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "sources.a.concat: \"concat\" must name "
                   "at least one source");
    release(&r);
}

/*
 * One instant on a date-time axis: half an hour either side (Bokeh's one
 * unit, a millisecond, would be ticked in microseconds); a figure of bands
 * alone spans its bands.
 */
static void test_zero_span_datetime_and_bands_alone(void)
{
    rendered r;
    double t;

    render_text("{\"x_axis_type\": \"datetime\", \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"t\", \"y\": "
                "\"y\"}]}", "t,y\n2011-04-13 11:39,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK(pp__parse_datetime("2011-04-13 11:39", 16, &t));
    if (r.fig != NULL) {
        CHECK_NEAR(r.fig->x_range.start, t - 1800000.0, 0.0);
        CHECK_NEAR(r.fig->x_range.end, t + 1800000.0, 0.0);
        CHECK_NEAR(r.fig->y_range.start, 0.0, 0.0);    /* linear: ±1 */
        CHECK_NEAR(r.fig->y_range.end, 2.0, 0.0);
    }
    release(&r);

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"bands\", \"source\": \"s\", "
                "\"x\": \"x\", \"by\": \"flag\"}]}",
                "x,flag\n10,0\n11,1\n12,1\n13,0\n14,2\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.fig != NULL) {
        /* Bands [10.5, 12.5] and [13.5, 14.5], padded 5% a side. */
        CHECK_NEAR(r.fig->x_range.start, 10.5 - 0.2, 1e-12);
        CHECK_NEAR(r.fig->x_range.end, 14.5 + 0.2, 1e-12);
    }
    release(&r);
}

/* The centre of legend entry i's glyph, in screen pixels. */
static void legend_glyph_centre(const rendered *r, size_t i, double *x,
                                double *y)
{
    const pp__legend *legend = &r->fig->legend;
    const pp__legend_layout *ll = &r->layout.legend;

    *x = ll->x + 1.0 + legend->padding + legend->glyph_width / 2.0;
    *y = ll->y + 1.0 + legend->padding +
         i * (legend->glyph_height + legend->spacing) +
         legend->glyph_height / 2.0;
}

/*
 * legend_field: an entry per value of the column, in first-seen order,
 * drawn in the colours of the value's first row (Bokeh's legend_field);
 * a missing value gets none. On a graph the column is the nodes'.
 */
static void test_legend_field_entries(void)
{
    static const char csv[] = "x,y,k\n1,1,a\n2,2,b\n3,3,a\n4,4,\n5,5,c\n";
    static const char *const labels[] = {"a", "b", "c"};
    static const int rows[] = {0, 1, 4};
    static const int colours[][3] = {{255, 0, 0}, {0, 128, 0}, {0, 0, 255}};
    rendered r;
    size_t i;

    render_text("{\"width\": 300, \"height\": 200, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"scatter\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\", "
                "\"size\": 10, \"line_color\": null, \"legend_field\": \"k\", "
                "\"fill_color\": {\"field\": \"k\", \"transform\": {\"type\": "
                "\"factor_cmap\", \"factors\": [\"a\", \"b\", \"c\"], "
                "\"palette\": [\"red\", \"green\", \"blue\"]}}}]}", csv, &r);
    CHECK_MSG(r.status == PP_OK, "%s", r.err.message);
    if (r.canvas == NULL) {
        release(&r);
        return;
    }
    CHECK_INT(r.layout.legend.nitems, 3);
    for (i = 0; i < 3 && i < r.layout.legend.nitems; i++) {
        double x, y;
        CHECK_STR(r.layout.legend.items[i].label, labels[i]);
        CHECK_INT(r.layout.legend.items[i].row, rows[i]);
        legend_glyph_centre(&r, i, &x, &y);
        CHECK_COLOR(&r, x, y, colours[i][0], colours[i][1], colours[i][2], 0);
    }
    release(&r);

    render_text("{\"sources\": {\"hosts\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"graph\", \"legend_field\": "
                "\"kind\", \"node_renderer\": {\"source\": \"hosts\", "
                "\"index\": \"ip\", \"glyph\": {\"size\": 10, \"fill_color\": "
                "{\"field\": \"kind\", \"transform\": {\"type\": "
                "\"factor_cmap\", \"factors\": [\"host\"], \"palette\": "
                "[\"red\"], \"nan_color\": \"blue\"}}}}, \"edge_renderer\": "
                "{\"source\": \"hosts\", \"start\": \"ip\", \"end\": \"ip\"}, "
                "\"layout_provider\": {\"type\": \"rows\", \"by\": \"kind\", "
                "\"rows\": [[\"*\"]]}}]}", hosts_csv, &r);
    CHECK_MSG(r.status == PP_OK, "%s", r.err.message);
    if (r.canvas != NULL) {
        double x, y;
        CHECK_INT(r.layout.legend.nitems, 3);
        if (r.layout.legend.nitems == 3) {
            CHECK_STR(r.layout.legend.items[0].label, "gateway");
            CHECK_STR(r.layout.legend.items[1].label, "host");
            CHECK_STR(r.layout.legend.items[2].label, "printer");
            legend_glyph_centre(&r, 0, &x, &y);
            CHECK_COLOR(&r, x, y, 0, 0, 255, 0);
            legend_glyph_centre(&r, 1, &x, &y);
            CHECK_COLOR(&r, x, y, 255, 0, 0, 0);
        }
    }
    release(&r);

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"scatter\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\", \"legend_label\": \"all\", "
                "\"legend_field\": \"k\"}]}", csv, &r);
    CHECK_INT(r.status, PP_ERR_SPEC);
    CHECK_CONTAINS(r.err.message, "renderers[0].legend_field: a renderer has "
                   "\"legend_label\" (one entry) or \"legend_field\" (one per "
                   "value), not both");
    release(&r);

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"scatter\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\", \"legend_field\": \"kind\"}]}",
                csv, &r);
    CHECK_INT(r.status, PP_ERR_DATA);
    CHECK_CONTAINS(r.err.message, "renderers[0].legend_field: scatter "
                   "renderer: column 'kind' is not in ");
    release(&r);
}

/* What the PNG's reader cannot tell was cut or squeezed gets a warning. */
static void test_legend_cut_and_frame_squeezed_warn(void)
{
    char spec[4096], csv[512];
    size_t n = 0, i;
    rendered r;

    n += (size_t)snprintf(spec + n, sizeof spec - n, "{\"width\": 300, "
                          "\"height\": 200, \"sources\": {\"s\": {\"csv\": "
                          "\"data.csv\"}}, \"renderers\": [");
    for (i = 0; i < 20; i++)
        n += (size_t)snprintf(spec + n, sizeof spec - n, "%s{\"glyph\": "
                              "\"line\", \"source\": \"s\", \"x\": \"x\", "
                              "\"y\": \"y\", \"legend_label\": \"rule %zu\"}",
                              i > 0 ? ", " : "", i);
    snprintf(spec + n, sizeof spec - n, "]}");
    snprintf(csv, sizeof csv, "x,y\n1,2\n2,3\n");
    render_text(spec, csv, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_CONTAINS(r.warnings, "the legend (20 entries) is ");
    CHECK_CONTAINS(r.warnings, " px and passes the edge of the ");
    CHECK_CONTAINS(r.warnings, " px frame, where it is cut; a smaller "
                   "legend.label_text_font_size or legend.spacing makes it "
                   "fit\n");
    release(&r);

    render_text("{\"width\": 300, \"height\": 200, \"min_border\": 120, "
                "\"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_STR(r.warnings, "the margins around the frame (top 120, right 120, "
              "bottom 120, left 120 px) leave no room for it in the 300x200 "
              "image, so the data is drawn in a 60x1 px frame\n");
    release(&r);

    /* Margins that fit: no warning. */
    render_text("{\"width\": 300, \"height\": 200, \"min_border\": 90, "
                "\"renderers\": []}", "x\n1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    release(&r);
}

/*
 * A source nothing reads is never opened, so a wrong file name there would
 * pass silently: a warning names it. One read by a concat or a factor list
 * counts as used.
 */
static void test_unused_source_warns(void)
{
    rendered r;

    render_text("{\"sources\": {\"s\": {\"csv\": \"data.csv\"},\n"
                " \"u\": {\"csv\": \"missing.csv\"}},\n"
                " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}", "x,y\n1,2\n2,3\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_STR(r.warnings, "case.json:2:2: sources.u: no renderer uses source "
              "'u', so its data is not read\n");
    release(&r);

    render_text("{\"sources\": {\"a\": {\"csv\": \"data.csv\"}, \"b\": "
                "{\"concat\": [\"a\"]}, \"f\": {\"csv\": \"data.csv\"}},\n"
                " \"factors\": {\"names\": {\"source\": \"f\", \"columns\": "
                "[\"x\"]}}, \"yaxis\": {\"ticker\": {\"factors\": "
                "\"names\"}},\n"
                " \"renderers\": [{\"glyph\": \"line\", \"source\": \"b\", "
                "\"x\": \"x\", \"y\": \"y\"}]}", "x,y\n1,2\n2,3\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    release(&r);

    /* A factor list nothing names does not read its source either. */
    render_text("{\"sources\": {\"a\": {\"csv\": \"data.csv\"}, \"n\": "
                "{\"csv\": \"missing.csv\"}},\n"
                " \"factors\": {\"k\": {\"source\": \"n\", \"columns\": "
                "[\"z\"]}},\n"
                " \"renderers\": [{\"glyph\": \"line\", \"source\": \"a\", "
                "\"x\": \"x\", \"y\": \"y\"}]}", "x,y\n1,2\n2,3\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_CONTAINS(r.warnings, "sources.n: no renderer uses source 'n', so "
                   "its data is not read\n");
    release(&r);
}

/*
 * Colours not given: bokeh.plotting's #1f77b4 for glyph methods (line and
 * marker, fill and outline), the models' own for a graph (gray nodes
 * outlined in black, black edges).
 */
static void test_default_colours_as_bokeh_plotting(void)
{
    rendered r;

    /* A line, a default marker at x = 4, a red one at x = 0. */
    render_text("{\"width\": 300, \"height\": 200, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\", "
                "\"line_width\": 5}, {\"glyph\": \"scatter\", \"source\": "
                "\"s\", \"x\": \"x\", \"y\": 0, \"size\": 20, "
                "\"line_width\": 4}, {\"glyph\": \"scatter\", \"source\": "
                "\"s\", \"x\": 0, \"y\": 0, \"size\": 20, "
                "\"line_width\": 4, \"fill_color\": \"red\"}]}",
                "x,y\n0,0\n4,0\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas != NULL) {
        CHECK_COLOR(&r, px(&r, 2), py(&r, 0), 31, 119, 180, 0);    /* line */
        CHECK_COLOR(&r, px(&r, 4) + 3, py(&r, 0) - 3, 31, 119, 180, 0);
        CHECK_COLOR(&r, px(&r, 0) + 3, py(&r, 0) - 3, 255, 0, 0, 0);
        CHECK_COLOR(&r, px(&r, 0), py(&r, 0) - 10.0, 31, 119, 180, 0);
    }
    release(&r);

    render_text("{\"width\": 300, \"height\": 200, \"sources\": {\"n\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"graph\", \"node_renderer\": {\"source\": \"n\", "
                "\"glyph\": {\"size\": 20, \"line_width\": 4}}, "
                "\"edge_renderer\": {\"source\": \"n\", \"start\": "
                "\"index\", \"end\": \"to\", \"glyph\": {\"line_width\": "
                "5}}, \"layout_provider\": {\"x\": \"x\", \"y\": \"y\"}}]}",
                "index,x,y,to\n0,0,0,1\n1,4,0,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    if (r.canvas != NULL) {
        CHECK_COLOR(&r, px(&r, 2), py(&r, 0), 0, 0, 0, 0);         /* edge */
        CHECK_COLOR(&r, px(&r, 4) + 3, py(&r, 0) - 3, 128, 128, 128, 0);
        CHECK_COLOR(&r, px(&r, 4), py(&r, 0) - 10.0, 0, 0, 0, 0);
    }
    release(&r);
}

int main(void)
{
    if (!harness_begin()) {
        printf("FAIL test_features: cannot make a temporary folder\n");
        return 1;
    }
    RUN(test_max_x_step_breaks_line);
    RUN(test_max_x_step_duration_needs_unit);
    RUN(test_bands_from_runs);
    RUN(test_thin_band_fills_one_pixel);
    RUN(test_rows_layout_and_text_keys);
    RUN(test_rows_layout_category_without_row);
    RUN(test_edge_to_unknown_node);
    RUN(test_by_column_missing_points_at_by);
    RUN(test_number_keys_match_by_their_text);
    RUN(test_replace_needs_a_valid_pattern);
    RUN(test_replace_rules_first_match);
    RUN(test_spec_data_dir_and_override);
    RUN(test_range_with_one_end_given);
    RUN(test_short_factor_palette_warns);
    RUN(test_one_colour_palette_warns_in_the_singular);
    RUN(test_absurd_marker_sizes_warn_once);
    RUN(test_title_cut_at_the_edge_warns);
    RUN(test_inline_data_draws_as_csv);
    RUN(test_inline_data_errors);
    RUN(test_zero_span_datetime_and_bands_alone);
    RUN(test_concat_source);
    RUN(test_legend_cut_and_frame_squeezed_warn);
    RUN(test_unused_source_warns);
    RUN(test_legend_field_entries);
    RUN(test_default_colours_as_bokeh_plotting);
    harness_end();
    CHECK_EXIT();
}
