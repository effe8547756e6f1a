/*
 * The spec reader: what it accepts, and that every fault gives one message
 * naming the spec, line and column, and what was expected.
 */
#include "check.h"
#include "model.h"

static pp_status load(const char *json, pp_figure_t **fig, pp_error_t *err)
{
    err->message[0] = '\0';
    return pp_figure_load_json(json, strlen(json), "fig.json", NULL, fig, err);
}

/* Loading must fail with this status and a message holding each part. */
static void expect_failure(const char *json, pp_status status,
                           const char *part1, const char *part2)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    CHECK_INT(load(json, &fig, &err), status);
    CHECK(fig == NULL);
    CHECK_CONTAINS(err.message, part1);
    if (part2 != NULL)
        CHECK_CONTAINS(err.message, part2);
    pp_figure_destroy(fig);
}

#define LINE_SPEC(extra)                                                    \
    "{\"width\": 800, \"height\": 350,\n"                                   \
    " \"sources\": {\"s\": {\"csv\": \"data.csv\"}},\n"                     \
    " \"renderers\": [\n"                                                   \
    "  {\"glyph\": \"line\", \"source\": \"s\", \"x\": \"index\",\n"        \
    "   \"y\": \"count\"" extra "}\n"                                       \
    " ]}\n"

static void test_valid_spec_loads_with_bokeh_defaults(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    CHECK_INT(load(LINE_SPEC(", \"line_color\": \"navy\", \"line_alpha\": "
                             "0.5"), &fig, &err), PP_OK);
    if (fig == NULL)
        return;
    CHECK_INT(fig->width, 800);
    CHECK_INT(fig->nrenderers, 1);
    CHECK_INT(fig->renderers[0].kind, PP__GLYPH_LINE);
    CHECK_INT(fig->renderers[0].line.color.color.b, 128);
    CHECK_NEAR(fig->renderers[0].line.alpha, 0.5, 1e-9);
    CHECK_NEAR(fig->renderers[0].line.width, 1.0, 1e-9);
    CHECK_INT(fig->renderers[0].line.cap, PP_CAP_BUTT);
    CHECK_INT(fig->renderers[0].line.join, PP_JOIN_BEVEL);
    CHECK_NEAR(fig->xaxis.major_label_font.size_px, 11.0, 1e-9);
    CHECK(fig->x_range.automatic);
    pp_figure_destroy(fig);
}

static void test_typo_names_key_line_column_and_suggestion(void)
{
    /* "line_colour" starts at line 5, column 18. */
    expect_failure(LINE_SPEC(", \"line_colour\": \"navy\""), PP_ERR_SPEC,
                   "fig.json:5:18: renderers[0].line_colour: unknown key "
                   "'line_colour'", "did you mean 'line_color'?");
}

static void test_unknown_top_level_key_without_close_match(void)
{
    expect_failure("{\"width\": 800, \"zzzzzzzzz\": 1}", PP_ERR_SPEC,
                   "fig.json:1:16: zzzzzzzzz: unknown key 'zzzzzzzzz'", NULL);
}

/* Bokeh names a notebook uses that pngplot takes differently, or ignores. */
static void test_bokeh_names_tools_radius_factor_range(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    /* tools act in the browser: accepted as Bokeh takes them, unused. */
    CHECK_INT(load("{\"tools\": \"pan,wheel_zoom,hover\"}", &fig, &err),
              PP_OK);
    pp_figure_destroy(fig);
    fig = NULL;
    CHECK_INT(load("{\"tools\": [\"pan\", \"hover\"]}", &fig, &err), PP_OK);
    pp_figure_destroy(fig);
    expect_failure("{\"tools\": 3}", PP_ERR_SPEC, "fig.json:1:11: tools: "
                   "must be a string such as \"pan,hover\" or a list of tool "
                   "names, not a number", NULL);

    expect_failure("{\"sources\": {\"s\": {\"csv\": \"d.csv\"}}, "
                   "\"renderers\": [{\"glyph\": \"scatter\", \"source\": "
                   "\"s\", \"x\": \"x\", \"y\": \"y\", \"radius\": 3}]}",
                   PP_ERR_SPEC, "fig.json:1:108: renderers[0].radius: unknown "
                   "key 'radius': markers take \"size\", a diameter in "
                   "pixels, as Bokeh's scatter does", NULL);

    expect_failure("{\"x_range\": [\"source\", \"target\"]}", PP_ERR_SPEC,
                   "fig.json:1:13: x_range: a list of factors (Bokeh's "
                   "FactorRange) is not supported: place the text with a "
                   "factor_index transform and name the ticks with the "
                   "axis's major_label_overrides", NULL);
}

/* Bokeh keys pngplot does not draw say so rather than suggest a near key. */
static void test_dash_and_legend_keys_say_what_to_do(void)
{
    expect_failure(LINE_SPEC(", \"line_dash\": \"dashed\""), PP_ERR_SPEC,
                   "fig.json:5:18: renderers[0].line_dash: line_dash is not "
                   "supported: lines are solid", NULL);
    expect_failure(LINE_SPEC(", \"line_dash_offset\": 2"), PP_ERR_SPEC,
                   "renderers[0].line_dash_offset: line_dash_offset is not "
                   "supported: lines are solid", NULL);
    expect_failure("{\"ygrid\": {\"grid_line_dash\": [6, 4]}}", PP_ERR_SPEC,
                   "ygrid.grid_line_dash: grid_line_dash is not supported: "
                   "lines are solid", NULL);
    expect_failure(LINE_SPEC(", \"legend\": \"hits\""), PP_ERR_SPEC,
                   "fig.json:5:18: renderers[0].legend: unknown key 'legend': "
                   "use \"legend_label\" ('legend' is Bokeh's old, deprecated "
                   "alias of it)", NULL);
}

static void test_invalid_json_gives_line_and_column(void)
{
    expect_failure("{\"width\": 800,\n \"height\": 350,,\n}", PP_ERR_SPEC,
                   "fig.json:2:16: invalid JSON", NULL);
}

static void test_width_given_as_string(void)
{
    expect_failure("{\"width\": \"800\"}", PP_ERR_SPEC,
                   "fig.json:1:11: width: must be a number of pixels, not a "
                   "string (\"800\")", NULL);
}

/* A bad marker size or title type is named at its own key, said once. */
static void test_size_and_title_messages_point_at_the_value(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    CHECK_INT(load("{\"sources\": {\"s\": {\"csv\": \"d.csv\"}},\n"
                   " \"renderers\": [{\"glyph\": \"scatter\", \"source\": "
                   "\"s\", \"x\": \"a\", \"y\": \"b\", \"size\": -3}]}",
                   &fig, &err), PP_ERR_SPEC);
    CHECK_STR(err.message, "fig.json:2:80: renderers[0].size: must be "
              "between 0 and 10000 pixels, not -3");
    CHECK_INT(load("{\"title\": 5}", &fig, &err), PP_ERR_SPEC);
    CHECK_STR(err.message, "fig.json:1:11: title: must be a string or an "
              "object, not a number");
    CHECK(fig == NULL);
}

/* A graph's node or edge glyph "type" pngplot does not draw is an error,
   not circles and lines in its place. */
static void test_graph_glyph_type_is_checked(void)
{
    static const char graph[] =
        "{\"sources\": {\"n\": {\"csv\": \"n.csv\"}, \"e\": {\"csv\": "
        "\"e.csv\"}},\n \"renderers\": [{\"glyph\": \"graph\", "
        "\"node_renderer\": {\"source\": \"n\", \"glyph\": {\"type\": "
        "\"%s\"}}, \"edge_renderer\": {\"source\": \"e\", \"glyph\": "
        "{\"type\": \"%s\"}}, \"layout_provider\": {\"x\": \"x\", \"y\": "
        "\"y\"}}]}";
    pp_figure_t *fig = NULL;
    pp_error_t err;
    char json[512];

    snprintf(json, sizeof json, graph, "triangle", "multi_line");
    CHECK_INT(load(json, &fig, &err), PP_ERR_SPEC);
    CHECK_STR(err.message, "fig.json:2:86: renderers[0].node_renderer.glyph"
              ".type: must be one of scatter, circle, not 'triangle'");
    snprintf(json, sizeof json, graph, "circle", "line");
    CHECK_INT(load(json, &fig, &err), PP_ERR_SPEC);
    CHECK_STR(err.message, "fig.json:2:149: renderers[0].edge_renderer.glyph"
              ".type: must be one of multi_line, not 'line'");
    snprintf(json, sizeof json, graph, "scatter", "multi_line");
    CHECK_INT(load(json, &fig, &err), PP_OK);
    pp_figure_destroy(fig);
}

static void test_width_zero_negative_fractional_too_big(void)
{
    expect_failure("{\"width\": 0}", PP_ERR_SPEC,
                   "width: must be between 1 and 16384 pixels", NULL);
    expect_failure("{\"height\": -5}", PP_ERR_SPEC,
                   "height: must be between 1 and 16384 pixels", NULL);
    expect_failure("{\"width\": 800.5}", PP_ERR_SPEC,
                   "width: must be a whole number of pixels, not 800.5", NULL);
    expect_failure("{\"width\": 16385}", PP_ERR_SPEC,
                   "must be between 1 and 16384 pixels, not 16385", NULL);
}

static void test_unknown_glyph_type(void)
{
    expect_failure("{\"sources\": {\"s\": {\"csv\": \"a.csv\"}},\n"
                   " \"renderers\": [{\"glyph\": \"lnie\", \"source\": \"s\"}]}",
                   PP_ERR_SPEC, "fig.json:2:26: renderers[0].glyph: must be "
                   "one of line, segment", "not 'lnie'");
}

static void test_missing_required_property(void)
{
    expect_failure("{\"sources\": {\"s\": {\"csv\": \"a.csv\"}},\n"
                   " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                   "\"x\": \"a\"}]}",
                   PP_ERR_SPEC, "fig.json:2:16: renderers[0]: a line needs "
                   "\"y\"", NULL);
}

static void test_ranges_equal_reversed(void)
{
    expect_failure("{\"x_range\": [3, 3]}", PP_ERR_SPEC,
                   "fig.json:1:13: x_range: must have start < end, not [3, 3]",
                   NULL);
    expect_failure("{\"y_range\": [5, 1]}", PP_ERR_SPEC,
                   "y_range: must have start < end, not [5, 1] (reversed",
                   NULL);
    expect_failure("{\"y_range\": {\"start\": 0, \"end\": \"x\"}}",
                   PP_ERR_SPEC, "fig.json:1:33: y_range.end: must be a finite "
                   "number, not a string", NULL);
}

/* A date-time axis takes its range ends as the data's text, as Range1d does. */
static void test_datetime_range_ends_as_text(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    CHECK_INT(load("{\"x_axis_type\": \"datetime\", \"x_range\": "
                   "[\"2011-04-13 11:39\", \"2011-04-13T12:00:30Z\"]}",
                   &fig, &err), PP_OK);
    if (fig != NULL) {
        CHECK_NEAR(fig->x_range.start, 1302694740000.0, 0.5);
        CHECK_NEAR(fig->x_range.end, 1302696030000.0, 0.5);
    }
    pp_figure_destroy(fig);
    fig = NULL;
    CHECK_INT(load("{\"x_axis_type\": \"datetime\", "
                   "\"x_range\": {\"start\": \"2011-04-14\"}}", &fig, &err),
              PP_OK);
    if (fig != NULL) {
        CHECK(fig->x_range.start_given);
        CHECK_NEAR(fig->x_range.given_start, 1302739200000.0, 0.5);
    }
    pp_figure_destroy(fig);
    expect_failure("{\"x_axis_type\": \"datetime\", \"x_range\": "
                   "[\"2011-04-13\", \"13/04/2011\"]}", PP_ERR_SPEC,
                   "x_range[1]: '13/04/2011' is not a date-time like "
                   "\"2011-04-13 11:39\"", NULL);
    expect_failure("{\"x_range\": [\"2011-04-13\", \"2011-04-14\"]}",
                   PP_ERR_SPEC, "x_range[0]: a date-time needs "
                   "\"x_axis_type\": \"datetime\"", NULL);
    expect_failure("{\"y_axis_type\": \"datetime\", \"y_range\": "
                   "{\"end\": true}}", PP_ERR_SPEC, "y_range.end: must be a "
                   "finite number (milliseconds) or a date-time, not a "
                   "boolean", NULL);
    /* Text that is not a date-time, first or second, is named as such. */
    expect_failure("{\"x_axis_type\": \"datetime\", \"x_range\": "
                   "[\"yesterday\", \"2011-04-13 12:40\"]}", PP_ERR_SPEC,
                   "x_range[0]: 'yesterday' is not a date-time like "
                   "\"2011-04-13 11:39\"", NULL);
    /* A reversed range is shown as the date-times it was written as. */
    expect_failure("{\"x_axis_type\": \"datetime\", \"x_range\": "
                   "[\"2011-04-13 12:40\", \"2011-04-13 10:50:30.5\"]}",
                   PP_ERR_SPEC, "x_range: must have start < end, not "
                   "[2011-04-13 12:40, 2011-04-13 10:50:30.500] (reversed",
                   NULL);
}

static void test_colour_that_does_not_parse(void)
{
    expect_failure("{\"title\": {\"text\": \"T\", \"text_color\": \"bleu\"}}",
                   PP_ERR_SPEC, "title.text_color: 'bleu' is not a colour",
                   NULL);
    expect_failure("{\"background_fill_color\": 12}", PP_ERR_SPEC,
                   "background_fill_color: must be a colour string or null",
                   NULL);
}

static void test_font_size_without_unit_or_negative(void)
{
    expect_failure("{\"xaxis\": {\"major_label_text_font_size\": \"11\"}}",
                   PP_ERR_SPEC, "'11' needs a unit: px, pt or em", NULL);
    expect_failure("{\"xaxis\": {\"major_label_text_font_size\": \"-3px\"}}",
                   PP_ERR_SPEC, "'-3px' must be between 0 and 1000px", NULL);
    expect_failure("{\"xaxis\": {\"axis_label_text_font_size\": 13}}",
                   PP_ERR_SPEC, "must be a string with a unit", NULL);
}

/* Each fault is named for what it is, with the fix when there is one. */
static void test_font_size_faults_say_what_is_wrong(void)
{
#define FONT(size) "{\"title\": {\"text\": \"T\", \"text_font_size\": \"" \
                   size "\"}}"
    expect_failure(FONT("1e300em"), PP_ERR_SPEC, "title.text_font_size: "
                   "'1e300em' is too large: font sizes go up to 1000px", NULL);
    expect_failure(FONT("1e4px"), PP_ERR_SPEC,
                   "'1e4px' is too large: font sizes go up to 1000px", NULL);
    expect_failure(FONT("1e400px"), PP_ERR_SPEC, "'1e400px' is too large",
                   NULL);
    expect_failure(FONT("13px;"), PP_ERR_SPEC,
                   "'13px;' has text after its unit: write \"13px\"", NULL);
    expect_failure(FONT("13 px"), PP_ERR_SPEC, "'13 px' has spaces: a font "
                   "size is written without them, as \"13px\"", NULL);
    expect_failure(FONT(" 13px"), PP_ERR_SPEC,
                   "' 13px' has spaces", "as \"13px\"");
    expect_failure(FONT("13px "), PP_ERR_SPEC,
                   "'13px ' has spaces", "as \"13px\"");
    expect_failure(FONT("13rem"), PP_ERR_SPEC, "'13rem' has the unit 'rem', "
                   "which pngplot does not know: use px, pt or em", NULL);
    expect_failure(FONT("120%"), PP_ERR_SPEC, "'120%': percentages are not "
                   "supported; write \"1.2em\" (of 16px)", NULL);
    expect_failure(FONT("-5%"), PP_ERR_SPEC, "'-5%': percentages are not "
                   "supported (use px, pt or em), and a font size is between "
                   "0 and 1000px", NULL);
    /* The example keeps the number's value, exponent and all. */
    expect_failure(FONT("1.5e1"), PP_ERR_SPEC, "'1.5e1' needs a unit: px, "
                   "pt or em (for example \"15px\")", NULL);
    expect_failure(FONT("13;"), PP_ERR_SPEC, "'13;' is not a font size", NULL);
    expect_failure(FONT("px"), PP_ERR_SPEC, "'px' is not a font size", NULL);
#undef FONT
}

/* CSS numbers: an exponent, a leading point, units in any case. */
static void test_font_size_css_numbers(void)
{
    static const struct { const char *text; double px; } sizes[] = {
        {"1.5e1px", 15.0}, {"1e3px", 1000.0}, {".5em", 8.0}, {"13PX", 13.0},
        {"2em", 32.0}, {"7.5pt", 10.0}
    };
    size_t i;

    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char json[128];
        pp_figure_t *fig = NULL;
        pp_error_t err;

        snprintf(json, sizeof json, "{\"title\": {\"text\": \"T\", "
                 "\"text_font_size\": \"%s\"}}", sizes[i].text);
        CHECK_INT(load(json, &fig, &err), PP_OK);
        if (fig != NULL)
            CHECK_NEAR(fig->title.font.size_px, sizes[i].px, 1e-9);
        pp_figure_destroy(fig);
    }
}

static void test_font_size_units(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    CHECK_INT(load("{\"xaxis\": {\"major_label_text_font_size\": \"0pt\", "
                   "\"axis_label_text_font_size\": \"10pt\"},"
                   " \"yaxis.axis_label_text_font_size\": \"1.5em\"}",
                   &fig, &err), PP_OK);
    if (fig == NULL)
        return;
    CHECK_NEAR(fig->xaxis.major_label_font.size_px, 0.0, 1e-12);
    CHECK_NEAR(fig->xaxis.axis_label_font.size_px, 40.0 / 3.0, 1e-9);
    CHECK_NEAR(fig->yaxis.axis_label_font.size_px, 24.0, 1e-9);
    pp_figure_destroy(fig);
}

static void test_alpha_outside_unit_interval(void)
{
    expect_failure(LINE_SPEC(", \"line_alpha\": 1.5"), PP_ERR_SPEC,
                   "renderers[0].line_alpha: must be between 0 and 1, not 1.5",
                   NULL);
}

static void test_negative_or_absurd_line_width(void)
{
    expect_failure(LINE_SPEC(", \"line_width\": -2"), PP_ERR_SPEC,
                   "line_width: must be between 0 and 1000, not -2", NULL);
    expect_failure(LINE_SPEC(", \"line_width\": 1e9"), PP_ERR_SPEC,
                   "line_width: must be between 0 and 1000", NULL);
}

static void test_ticker_and_override_keys_must_be_numbers(void)
{
    expect_failure("{\"xaxis\": {\"ticker\": [1, \"two\"]}}", PP_ERR_SPEC,
                   "xaxis.ticker[1]: ticker values must be finite numbers",
                   NULL);
    expect_failure("{\"xaxis\": {\"major_label_overrides\": {\"one\": \"a\"}}}",
                   PP_ERR_SPEC, "key 'one' is not a number", NULL);
}

static void test_undefined_source_and_factor_list(void)
{
    expect_failure("{\"renderers\": [{\"glyph\": \"line\", \"source\": "
                   "\"nope\", \"x\": \"a\", \"y\": \"b\"}]}", PP_ERR_SPEC,
                   "renderers[0]: source 'nope' is not defined", NULL);
    expect_failure("{\"yaxis\": {\"ticker\": {\"factors\": \"ips\"}}}",
                   PP_ERR_SPEC, "factor list 'ips' is not defined", NULL);
    expect_failure("{\"sources\": {\"s\": {\"csv\": \"a.csv\"}},"
                   " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","
                   " \"x\": \"a\", \"y\": {\"field\": \"b\", \"transform\":"
                   " {\"type\": \"factor_index\", \"factors\": \"f\"}}}]}",
                   PP_ERR_SPEC, "factor list 'f' is not defined", NULL);
}

static void test_dotted_keys_set_nested_properties(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    CHECK_INT(load("{\"title\": \"T\", \"title.align\": \"center\","
                   " \"xaxis.axis_label\": \"Time\","
                   " \"xaxis.major_tick_line_color\": null}", &fig, &err),
              PP_OK);
    if (fig == NULL)
        return;
    CHECK_STR(fig->title.text, "T");
    CHECK_INT(fig->title.align, PP_ALIGN_CENTER);
    CHECK_STR(fig->xaxis.axis_label, "Time");
    CHECK_NEAR(fig->xaxis.major_tick_line_color.a, 0.0, 1e-9);
    pp_figure_destroy(fig);
}

/*
 * x_axis_label is xaxis.axis_label: both is a conflict, named at the flat
 * key; "axis" (both axes) gives way to it.
 */
static void test_axis_label_given_twice(void)
{
    pp_figure_t *fig = NULL;
    pp_error_t err;

    expect_failure("{\"xaxis.axis_label\": \"B\",\n \"x_axis_label\": \"A\"}",
                   PP_ERR_SPEC, "fig.json:2:2: x_axis_label: 'x_axis_label' "
                   "and 'xaxis.axis_label' both set the x axis's label: keep "
                   "one", NULL);
    expect_failure("{\"y_axis_label\": \"A\", \"yaxis\": {\"axis_label\": "
                   "\"B\"}}", PP_ERR_SPEC, "'y_axis_label' and "
                   "'yaxis.axis_label' both set the y axis's label", NULL);
    CHECK_INT(load("{\"axis\": {\"axis_label\": \"Z\"}, \"y_axis_label\": "
                   "\"A\"}", &fig, &err), PP_OK);
    if (fig == NULL)
        return;
    CHECK_STR(fig->xaxis.axis_label, "Z");
    CHECK_STR(fig->yaxis.axis_label, "A");
    pp_figure_destroy(fig);
}

static void test_dotted_key_typo_points_at_the_dotted_key(void)
{
    expect_failure("{\"title\": \"T\",\n \"xaxis.axis_lable\": \"x\"}",
                   PP_ERR_SPEC, "fig.json:2:2: xaxis.axis_lable: unknown key "
                   "'axis_lable'; did you mean 'axis_label'?", NULL);
}

static void test_threshold_palette_must_match_thresholds(void)
{
    expect_failure("{\"sources\": {\"s\": {\"csv\": \"a.csv\"}},"
                   " \"renderers\": [{\"glyph\": \"segment\", \"source\": "
                   "\"s\", \"x0\": 1, \"y0\": 1, \"x1\": 2, \"y1\": 2,"
                   " \"line_color\": {\"field\": \"n\", \"transform\": "
                   "{\"type\": \"threshold_cmap\", \"thresholds\": [1000],"
                   " \"palette\": [\"navy\"]}}}]}", PP_ERR_SPEC,
                   "1 threshold needs 2 palette colours, not 1", NULL);
}

int main(void)
{
    RUN(test_valid_spec_loads_with_bokeh_defaults);
    RUN(test_typo_names_key_line_column_and_suggestion);
    RUN(test_unknown_top_level_key_without_close_match);
    RUN(test_bokeh_names_tools_radius_factor_range);
    RUN(test_dash_and_legend_keys_say_what_to_do);
    RUN(test_invalid_json_gives_line_and_column);
    RUN(test_width_given_as_string);
    RUN(test_width_zero_negative_fractional_too_big);
    RUN(test_unknown_glyph_type);
    RUN(test_missing_required_property);
    RUN(test_ranges_equal_reversed);
    RUN(test_datetime_range_ends_as_text);
    RUN(test_colour_that_does_not_parse);
    RUN(test_font_size_without_unit_or_negative);
    RUN(test_size_and_title_messages_point_at_the_value);
    RUN(test_graph_glyph_type_is_checked);
    RUN(test_font_size_units);
    RUN(test_font_size_faults_say_what_is_wrong);
    RUN(test_font_size_css_numbers);
    RUN(test_alpha_outside_unit_interval);
    RUN(test_negative_or_absurd_line_width);
    RUN(test_ticker_and_override_keys_must_be_numbers);
    RUN(test_undefined_source_and_factor_list);
    RUN(test_dotted_keys_set_nested_properties);
    RUN(test_axis_label_given_twice);
    RUN(test_dotted_key_typo_points_at_the_dotted_key);
    RUN(test_threshold_palette_must_match_thresholds);
    CHECK_EXIT();
}
