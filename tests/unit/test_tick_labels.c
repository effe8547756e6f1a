/*
 * Tick labels that would overlap: an automatic ticker is asked for fewer
 * ticks until its labels fit side by side (4 px apart on the x axis, 2 px
 * on the y axis) or two remain; labels the spec gives are drawn as given,
 * with one warning. The label boxes are computed here from the text's
 * measure and the tick's position, not taken from the library's own check.
 */
#include "check.h"
#include "render_harness.h"

#define MINUS "\xe2\x88\x92"           /* U+2212, Bokeh's minus */
#define MAX_BOXES 256
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* A drawn tick label's box along its axis, in canvas px. */
typedef struct box {
    double low, high;
    const char *text;
} box;

static const pp__axis *axis_of(const rendered *r, bool vertical)
{
    return vertical ? &r->fig->yaxis : &r->fig->xaxis;
}

static const pp__axis_layout *layout_of(const rendered *r, bool vertical)
{
    return vertical ? &r->layout.y : &r->layout.x;
}

/*
 * The boxes of the drawn labels: width (x) or height (y, the cap height of
 * a number) around the tick, moved inside the canvas where the label would
 * pass its edge, as render.c draws them.
 */
static size_t label_boxes(const rendered *r, bool vertical, box *out)
{
    const pp__axis *axis = axis_of(r, vertical);
    const pp__axis_layout *al = layout_of(r, vertical);
    pp_text_style_t style = pp__text_style(&axis->major_label_font,
                                           PP_ALIGN_LEFT);
    double limit = vertical ? r->fig->height : r->fig->width;
    size_t i, n = 0;

    if (!axis->visible || axis->major_label_font.size_px <= 0.0)
        return 0;
    for (i = 0; i < al->ticks.nmajor && n < MAX_BOXES; i++) {
        double tick = al->ticks.major[i], extent, at;
        pp_text_metrics_t m;

        if (al->labels[i][0] == '\0')
            continue;
        if (vertical) {
            CHECK_INT(pp__text_height(r->fonts, al->labels[i],
                                      &axis->major_label_font, &extent, NULL),
                      PP_OK);
            at = py(r, tick);
        } else {
            CHECK_INT(pp_text_measure(r->fonts, al->labels[i], &style, &m),
                      PP_OK);
            extent = m.width;
            at = px(r, tick);
        }
        out[n].low = fmin(fmax(at - extent / 2.0, 0.0), limit - extent);
        out[n].high = out[n].low + extent;
        out[n].text = al->labels[i];
        n++;
    }
    return n;
}

/* Whether every two boxes are at least gap px apart. */
static bool boxes_apart(const box *b, size_t n, double gap, bool report)
{
    size_t i, j;
    bool apart = true;

    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++) {
            if (b[j].low - b[i].high >= gap || b[i].low - b[j].high >= gap)
                continue;
            apart = false;
            if (report)
                CHECK_MSG(false, "labels '%s' [%.1f, %.1f] and '%s' [%.1f, "
                          "%.1f] are less than %g px apart", b[i].text,
                          b[i].low, b[i].high, b[j].text, b[j].low,
                          b[j].high, gap);
        }
    return apart;
}

static void check_labels_apart(const rendered *r, bool vertical)
{
    box b[MAX_BOXES];
    size_t n = label_boxes(r, vertical, b);

    boxes_apart(b, n, vertical ? 2.0 : 4.0, true);
}

/*
 * Whether the given ticks' labels, formatted as the axis formats them,
 * would leave less than the gap between two labels in r's frame. The x
 * ticks do not move the frame, so this is what the x axis would draw.
 */
static bool x_ticks_would_overlap(rendered *r, const pp__ticks *ticks,
                                  double gap)
{
    pp__axis_layout *al = &r->layout.x;
    pp__axis_layout kept = *al;
    box b[MAX_BOXES];
    bool apart;
    size_t n;

    al->ticks = *ticks;
    if (r->fig->xaxis.type == PP__AXIS_LOG)
        CHECK_INT(pp__format_ticks_log(ticks->major, ticks->nmajor,
                                       pp__superscript_mask(r->fonts),
                                       &al->labels), PP_OK);
    else if (r->fig->xaxis.type == PP__AXIS_DATETIME)
        CHECK_INT(pp__format_ticks_datetime(ticks->major, ticks->nmajor,
                                            &al->labels), PP_OK);
    else
        CHECK_INT(pp__format_ticks_basic(ticks->major, ticks->nmajor,
                                         &al->labels), PP_OK);
    n = label_boxes(r, false, b);
    CHECK_INT(n, ticks->nmajor);
    apart = boxes_apart(b, n, gap, false);
    pp__labels_free(al->labels, ticks->nmajor);
    *al = kept;
    return !apart;
}

static void check_majors(const rendered *r, bool vertical,
                         const double *want, const char *const *labels,
                         size_t n)
{
    const pp__axis_layout *al = layout_of(r, vertical);
    size_t i;

    CHECK_MSG(al->ticks.nmajor == n, "%s axis: %zu ticks, expected %zu",
              vertical ? "y" : "x", al->ticks.nmajor, n);
    for (i = 0; i < n && i < al->ticks.nmajor; i++) {
        CHECK_MSG(al->ticks.major[i] == want[i], "tick %zu is %.17g, "
                  "expected %.17g", i, al->ticks.major[i], want[i]);
        CHECK_STR(al->labels[i], labels[i]);
    }
}

/*
 * Runs of columns with ink in the band where the x tick labels are drawn
 * (below the ticks and the standoff, a cap height tall), split where at
 * least `apart` columns are blank: one run per label when they stand
 * apart. Within a number no 3 columns are blank; a label with a space in
 * it needs more.
 */
static int ink_runs_under_x_axis(const rendered *r, int apart)
{
    const pp_rect_t *f = &r->layout.frame;
    int top = (int)(f->y + f->height + r->layout.x.tick_extent +
                    r->fig->xaxis.major_label_standoff);
    int x, y, runs = 0, blank = apart;

    for (x = 0; x < r->fig->width; x++) {
        bool ink = false;
        for (y = top; y < top + 9 && y < r->fig->height; y++) {
            uint8_t p[4];
            pp_canvas_get_pixel(r->canvas, x, y, p);
            ink |= p[0] < 160 && p[1] < 160 && p[2] < 160;
        }
        if (ink && blank >= apart)
            runs++;
        blank = ink ? 0 : blank + 1;
    }
    return runs;
}

/* The reviewer's case: 123456..987654 on a 250 px figure. */
#define WIDE_SPEC(xaxis)                                                    \
    "{\"width\": 250, \"height\": 200, " xaxis                              \
    "\"sources\": {\"s\": {\"csv\": \"data.csv\"}},"                        \
    " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","             \
    " \"x\": \"x\", \"y\": \"y\"}]}"
#define WIDE_CSV "x,y\n123456,0\n987654,49\n"

static void test_wide_numbers_get_fewer_ticks(void)
{
    static const double want[] = {500000, 1000000};
    static const char *const labels[] = {"5.000e+5", "1.000e+6"};
    rendered r;

    render_text(WIDE_SPEC(""), WIDE_CSV, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        pp__ticks ticks;

        check_majors(&r, false, want, labels, 2);
        check_labels_apart(&r, false);
        CHECK_INT(ink_runs_under_x_axis(&r, 3), 2);

        /* Bokeh's six desired ticks, 200000 to 1000000, run together in
           this frame ("2.000e+54.000e+5..."), and so do the five and
           four desired (the same ticks); three give these two. */
        CHECK_INT(pp__ticks_basic(r.fig->x_range.start, r.fig->x_range.end,
                                  6, 5, &ticks), PP_OK);
        CHECK_INT(ticks.nmajor, 5);
        CHECK(x_ticks_would_overlap(&r, &ticks, 0.0));
        pp__ticks_free(&ticks);
        CHECK_INT(pp__ticks_basic(r.fig->x_range.start, r.fig->x_range.end,
                                  4, 5, &ticks), PP_OK);
        CHECK_INT(ticks.nmajor, 5);
        pp__ticks_free(&ticks);
        CHECK_INT(pp__ticks_basic(r.fig->x_range.start, r.fig->x_range.end,
                                  3, 5, &ticks), PP_OK);
        CHECK_INT(ticks.nmajor, 2);
        pp__ticks_free(&ticks);
    }
    release(&r);
}

/* Hidden labels take no room: the ticks (and grid lines) stay Bokeh's. */
static void test_hidden_labels_keep_bokeh_ticks(void)
{
    static const double want[] = {200000, 400000, 600000, 800000, 1000000};
    static const char *const labels[] = {"2.000e+5", "4.000e+5", "6.000e+5",
                                         "8.000e+5", "1.000e+6"};
    rendered r;

    render_text(WIDE_SPEC("\"xaxis\": {\"major_label_text_font_size\": "
                          "\"0pt\"}, "), WIDE_CSV, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        check_majors(&r, false, want, labels, 5);
        CHECK_INT(ink_runs_under_x_axis(&r, 3), 0);
    }
    release(&r);

    /* Nor does a hidden axis. */
    render_text(WIDE_SPEC("\"xaxis\": {\"visible\": false}, "), WIDE_CSV, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL)
        check_majors(&r, false, want, labels, 5);
    release(&r);
}

/*
 * [0, 1e-320] lies in the subnormals, where pow(10, -321) is 9.98e-322:
 * Bokeh's ticks fall at 1.996e-321, 3.992e-321, ... and the data's own
 * 1e-320 reads 9.980e-321. Ours are the doubles nearest 2e-321, 4e-321,
 * ..., labelled with the digits they hold; the x labels, as long as those
 * of 1e-300, thin out to fit.
 */
static void test_subnormal_range_labels(void)
{
    static const double want_x[] = {0, 5e-321, 1e-320};
    static const char *const labels_x[] = {"0.000e+0", "5.000e" MINUS "321",
                                           "1.000e" MINUS "320"};
    static const double want_y[] = {0, 2e-321, 4e-321, 6e-321, 8e-321,
                                    1e-320};
    static const char *const labels_y[] = {
        "0.000e+0", "2.000e" MINUS "321", "4.000e" MINUS "321",
        "6.000e" MINUS "321", "8.000e" MINUS "321", "1.000e" MINUS "320"};
    rendered r;

    render_text("{\"width\": 400, \"height\": 300, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n0,0\n1e-320,1e-320\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        check_majors(&r, false, want_x, labels_x, 3);
        check_majors(&r, true, want_y, labels_y, 6);
        check_labels_apart(&r, false);
        check_labels_apart(&r, true);
        CHECK_INT(ink_runs_under_x_axis(&r, 3), 3);
    }
    release(&r);

    /* The range given: its end is a tick, whose label is moved in from
       the canvas's edge, onto its neighbour's place at Bokeh's count. */
    render_text("{\"width\": 300, \"height\": 150, \"x_range\": {\"start\": "
                "0, \"end\": 1e-320}, \"y_range\": {\"start\": 0, \"end\": "
                "1e-320}, \"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n0,0\n1e-320,1e-320\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        check_majors(&r, false, want_x, labels_x, 3);
        check_majors(&r, true, want_y, labels_y, 6);
        check_labels_apart(&r, false);
        check_labels_apart(&r, true);
        CHECK_INT(ink_runs_under_x_axis(&r, 3), 3);
    }
    release(&r);
}

/* Stacked labels need their heights: 0..100 on an 80 px figure. */
static void test_y_labels_thin_by_height(void)
{
    static const double want[] = {0, 50, 100};
    static const char *const labels[] = {"0", "50", "100"};
    rendered r;

    render_text("{\"width\": 200, \"height\": 80, \"sources\": {\"s\": "
                "{\"csv\": \"data.csv\"}}, \"renderers\": [{\"glyph\": "
                "\"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n0,0\n100,100\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        check_majors(&r, true, want, labels, 3);
        check_labels_apart(&r, true);
        /* Bokeh's 0, 20, ... 100 would be 10 px apart, 8 px tall. */
        CHECK_NEAR(py(&r, 0) - py(&r, 20), 10.0, 1.0);
        check_labels_apart(&r, false);
    }
    release(&r);
}

/* A date-time axis picks a coarser step: 6 hours instead of 2. */
static void test_datetime_labels_thin(void)
{
    static const double want[] = {1302696000000.0, 1302717600000.0};
    static const char *const labels[] = {"04/13 12:00", "04/13 18:00"};
    rendered r;

    render_text("{\"width\": 250, \"height\": 150, \"x_axis_type\": "
                "\"datetime\", \"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n2011-04-13 08:00,1\n2011-04-13 20:00,5\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        pp__ticks bokeh;

        check_majors(&r, false, want, labels, 2);
        check_labels_apart(&r, false);
        CHECK_INT(ink_runs_under_x_axis(&r, 10), 2);
        CHECK_INT(pp__ticks_datetime(r.fig->x_range.start,
                                     r.fig->x_range.end, 6, &bokeh), PP_OK);
        CHECK_INT(bokeh.nmajor, 7);     /* 08:00 to 20:00 every 2 hours */
        CHECK(x_ticks_would_overlap(&r, &bokeh, 4.0));
        pp__ticks_free(&bokeh);
    }
    release(&r);
}

/*
 * Twelve hours, 11:39 to 23:39, on a narrow date-time axis (13.2 hours with
 * the range's padding). Bokeh's 2 h step runs together, and so does the
 * 6 h step of two desired ticks (12:00, 18:00, 00:00, the last pulled in
 * from the canvas's edge onto the middle one); one desired tick switches
 * to the days ticker, a single tick at 00:00. Counts between 2 and 1 give
 * 8 h (16:00, 00:00) at 1.5 and 12 h (12:00, 00:00) at 1.25.
 */
#define T_0413_1200 1302696000000.0
#define T_0413_1600 (T_0413_1200 + 4 * 3600000.0)
#define T_0414_0000 (T_0413_1200 + 12 * 3600000.0)

static void render_half_day(int width, rendered *r)
{
    char spec[512];

    snprintf(spec, sizeof spec, "{\"width\": %d, \"height\": 150, "
             "\"x_axis_type\": \"datetime\", \"sources\": {\"s\": "
             "{\"data\": {\"t\": [\"2011-04-13 11:39:07\", "
             "\"2011-04-13 23:39:07\"], \"y\": [0, 1]}}}, \"renderers\": "
             "[{\"glyph\": \"line\", \"source\": \"s\", \"x\": \"t\", "
             "\"y\": \"y\"}]}", width);
    render_text(spec, "", r);
}

static void test_datetime_thins_between_counts(void)
{
    static const double eight[] = {T_0413_1600, T_0414_0000};
    static const char *const eight_labels[] = {"04/13 16:00", "04/14 00:00"};
    static const double twelve[] = {T_0413_1200, T_0414_0000};
    static const char *const twelve_labels[] = {"04/13 12:00",
                                                "04/14 00:00"};
    static const struct {
        int width;
        const double *want;
        const char *const *labels;
    } cases[] = {
        {200, eight, eight_labels},
        {175, eight, eight_labels},
        /* 8 h labels would meet here: the one at 00:00 is pulled in from
           the edge, so 12 h, which moves 16:00 out to 12:00, is taken. */
        {150, twelve, twelve_labels},
    };
    rendered r;
    size_t i;

    for (i = 0; i < COUNT(cases); i++) {
        render_half_day(cases[i].width, &r);
        CHECK_INT(r.status, PP_OK);
        CHECK_MSG(r.nwarnings == 0, "width %d: %s", cases[i].width,
                  r.warnings);
        if (r.canvas != NULL) {
            pp__ticks t;

            check_majors(&r, false, cases[i].want, cases[i].labels, 2);
            check_labels_apart(&r, false);
            /* The space in a label leaves up to 5 blank columns; at
               175 px the labels stand 7 apart. */
            CHECK_INT(ink_runs_under_x_axis(&r, 6), 2);
            /* Whole counts: the 6 h step of 2 overlaps, 1 is one tick. */
            CHECK_INT(pp__ticks_datetime(r.fig->x_range.start,
                                         r.fig->x_range.end, 2, &t), PP_OK);
            CHECK_INT(t.nmajor, 3);
            CHECK(x_ticks_would_overlap(&r, &t, 4.0));
            pp__ticks_free(&t);
            CHECK_INT(pp__ticks_datetime(r.fig->x_range.start,
                                         r.fig->x_range.end, 1, &t), PP_OK);
            CHECK_INT(t.nmajor, 1);
            pp__ticks_free(&t);
        }
        release(&r);
    }

    /* At 100 px two labels 58 px wide cannot stand 4 px apart: the 12 h
       step puts them as far apart as they go, with the warning. */
    render_half_day(100, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_CONTAINS(r.warnings, "xaxis: 2 tick labels up to 58 px wide on "
                   "ticks 60.0 px apart overlap even with the fewest "
                   "ticks");
    if (r.canvas != NULL)
        check_majors(&r, false, twelve, twelve_labels, 2);
    release(&r);

    /* Wide enough for Bokeh's ticks: they are kept. */
    render_half_day(600, &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        pp__ticks bokeh;

        CHECK_INT(pp__ticks_datetime(r.fig->x_range.start,
                                     r.fig->x_range.end, 6, &bokeh), PP_OK);
        CHECK_INT(bokeh.nmajor, 7);     /* 12:00 to 00:00 every 2 hours */
        CHECK_INT(r.layout.x.ticks.nmajor, bokeh.nmajor);
        CHECK(r.layout.x.ticks.nmajor == bokeh.nmajor &&
              memcmp(r.layout.x.ticks.major, bokeh.major,
                     bokeh.nmajor * sizeof *bokeh.major) == 0);
        check_labels_apart(&r, false);
        pp__ticks_free(&bokeh);
    }
    release(&r);
}

/*
 * A log axis over decades labels every k-th power, k above Bokeh's: the
 * range is 1e-110..1e110, where Bokeh labels every 25th power (9 labels up
 * to 36 px wide, 28 px apart). The first k whose labels fit is 39.
 */
static void test_log_decades_thin(void)
{
    char label[6][16];
    const char *labels[6];
    double want[6];
    rendered r;
    int i;

    for (i = 0; i < 6; i++) {
        int e = -110 + 39 * i;
        want[i] = pow(10.0, e);
        snprintf(label[i], sizeof label[i], "1e%s%d", e < 0 ? MINUS : "",
                 abs(e));
        labels[i] = label[i];
    }
    render_text("{\"width\": 250, \"height\": 120, \"x_axis_type\": \"log\", "
                "\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n1e-100,0\n1e100,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        pp__ticks ticks;
        int extra;

        check_majors(&r, false, want, labels, 6);
        check_labels_apart(&r, false);
        CHECK_INT(ink_runs_under_x_axis(&r, 3), 6);
        for (extra = 0; extra < 14; extra++) {
            CHECK_INT(pp__ticks_log_sparser(r.fig->x_range.start,
                                            r.fig->x_range.end, 6, 5, extra,
                                            &ticks), PP_OK);
            CHECK_MSG(x_ticks_would_overlap(&r, &ticks, 4.0), "every %dth "
                      "power would fit", 25 + extra);
            pp__ticks_free(&ticks);
        }
    }
    release(&r);
}

/* Labels the spec gives are drawn as given, with one warning. */
static void test_given_labels_overlap_warns_once(void)
{
    char expected[512];
    rendered r;

    render_text("{\"width\": 300, \"height\": 150, \"x_range\": {\"start\": "
                "0, \"end\": 6}, \"xaxis\": {\"ticker\": [1, 2, 3, 4, 5], "
                "\"major_label_overrides\": {\"1\": \"first source address\", "
                "\"2\": \"second source address\", \"3\": \"third source "
                "address\", \"4\": \"fourth\", \"5\": \"fifth\"}}, "
                "\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n1,0\n5,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    if (r.canvas != NULL) {
        pp_text_style_t style = pp__text_style(
            &r.fig->xaxis.major_label_font, PP_ALIGN_LEFT);
        pp_text_metrics_t m;

        CHECK_INT(r.layout.x.ticks.nmajor, 5);
        CHECK_STR(r.layout.x.labels[2], "third source address");
        pp_text_measure(r.fonts, "second source address", &style, &m);
        snprintf(expected, sizeof expected, "xaxis: 5 tick labels up to "
                 "%.0f px wide on ticks %.1f px apart overlap; a wider "
                 "figure, a smaller xaxis.major_label_text_font_size or "
                 "fewer ticks (xaxis.ticker) would make them fit\n", m.width,
                 px(&r, 2) - px(&r, 1));
        CHECK_STR(r.warnings, expected);
        /* The numbers: 300 px less the y axis (29 px) and the border
           (5) leave a 266 px frame over 6 units, 44.3 px a tick; the
           longest label is 21 characters of about 5.4 px. */
        CHECK_INT(r.layout.frame.width, 266);
        CHECK_CONTAINS(r.warnings, "up to 114 px wide on ticks 44.3 px "
                       "apart");
    }
    release(&r);

    /* Overrides on an automatic ticker: its ticks carry them, so they stay;
       the y axis is named and taller is the advice. */
    render_text("{\"width\": 300, \"height\": 60, \"yaxis\": "
                "{\"major_label_overrides\": {\"0\": \"none\", \"0.5\": "
                "\"half\", \"1\": \"all\"}}, \"sources\": {\"s\": {\"csv\": "
                "\"data.csv\"}}, \"renderers\": [{\"glyph\": \"line\", "
                "\"source\": \"s\", \"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n0,0\n1,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_CONTAINS(r.warnings, "yaxis: 6 tick labels up to 12 px high on "
                   "ticks ");
    CHECK_CONTAINS(r.warnings, " apart overlap; a taller figure, a "
                   "smaller yaxis.major_label_text_font_size or fewer ticks "
                   "(yaxis.ticker) would make them fit\n");
    CHECK_INT(r.layout.y.ticks.nmajor, 6);
    release(&r);

    /* Given labels that fit: no warning. */
    render_text("{\"width\": 600, \"height\": 150, \"x_range\": {\"start\": "
                "0, \"end\": 3}, \"xaxis\": {\"ticker\": [1, 2], "
                "\"major_label_overrides\": {\"1\": \"source\", \"2\": "
                "\"target\"}}, \"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n1,0\n2,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    release(&r);
}

/*
 * A log axis under two decades has Bokeh's linear steps of 1 and 5: from
 * 10, the next is 50, a single tick. Thinned, it may take steps of 2.
 */
static void test_log_axis_under_two_decades_thins_by_twos(void)
{
    static const double want[] = {20, 40, 60};
    static const char *const labels[] = {"20", "40", "60"};
    rendered r;

    render_text("{\"width\": 300, \"height\": 300, \"x_axis_type\": \"log\", "
                "\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n1,1\n50,2\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 0);
    if (r.canvas != NULL) {
        check_majors(&r, false, want, labels, 3);
        check_labels_apart(&r, false);
    }
    release(&r);
}

/* Two automatic labels that still overlap: the warning says so. */
static void test_fewest_ticks_still_overlap_warns(void)
{
    rendered r;

    render_text("{\"width\": 120, \"height\": 100, \"x_axis_type\": \"log\", "
                "\"sources\": {\"s\": {\"csv\": \"data.csv\"}}, "
                "\"renderers\": [{\"glyph\": \"line\", \"source\": \"s\", "
                "\"x\": \"x\", \"y\": \"y\"}]}",
                "x,y\n2,0\n30,1\n", &r);
    CHECK_INT(r.status, PP_OK);
    CHECK_INT(r.nwarnings, 1);
    CHECK_CONTAINS(r.warnings, "xaxis: 3 tick labels up to ");
    CHECK_CONTAINS(r.warnings, " px apart overlap even with the fewest "
                   "ticks; a wider figure or a smaller "
                   "xaxis.major_label_text_font_size would make them fit\n");
    release(&r);
}

/* The ticks Bokeh's own ticker gives an automatic axis of r. */
static pp_status bokeh_ticks(const rendered *r, bool vertical, pp__ticks *t)
{
    const pp__axis *a = axis_of(r, vertical);
    const pp__range *range = vertical ? &r->fig->y_range : &r->fig->x_range;

    if (a->type == PP__AXIS_LOG)
        return pp__ticks_log(range->start, range->end, a->desired_num_ticks,
                             a->num_minor_ticks, t);
    if (a->type == PP__AXIS_DATETIME)
        return pp__ticks_datetime(range->start, range->end,
                                  a->desired_num_ticks, t);
    return pp__ticks_basic(range->start, range->end, a->desired_num_ticks,
                           a->num_minor_ticks, t);
}

/*
 * Loads a spec file (over data_dir when given) and lays it out; then every
 * automatic axis must have exactly the ticks of Bokeh's ticker, and its
 * labels must stand apart, and no tick label warning be given but the one
 * expected (NULL: none).
 */
static void check_keeps_ticks(const char *spec, const char *data_dir,
                              const char *warning)
{
    char font_dir[512];
    pp_load_options_t opt = {0};
    rendered r;
    int v;

    memset(&r, 0, sizeof r);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    opt.data_dir = data_dir;
    opt.warning = collect_warning;
    opt.warning_user = &r;
    r.status = pp_figure_load(spec, &opt, &r.fig, &r.err);
    if (r.status == PP_OK)
        r.status = pp_fonts_load(font_dir, &r.fonts, &r.err);
    if (r.status == PP_OK)
        r.status = pp__figure_prepare(r.fig, r.fonts, &r.layout, &r.err);
    CHECK_MSG(r.status == PP_OK, "%s: %s", spec, r.err.message);
    for (v = 0; v < 2 && r.status == PP_OK; v++) {
        const pp__axis_layout *al = layout_of(&r, v);
        pp__ticks t;

        if (axis_of(&r, v)->ticker != PP__TICKER_AUTO)
            continue;
        CHECK_INT(bokeh_ticks(&r, v, &t), PP_OK);
        CHECK_MSG(t.nmajor == al->ticks.nmajor &&
                  t.nminor == al->ticks.nminor &&
                  (t.nmajor == 0 ||
                   memcmp(t.major, al->ticks.major,
                          t.nmajor * sizeof *t.major) == 0),
                  "%s: the %s axis has %zu ticks, Bokeh's ticker %zu", spec,
                  v ? "y" : "x", al->ticks.nmajor, t.nmajor);
        pp__ticks_free(&t);
        check_labels_apart(&r, v);
    }
    if (warning == NULL)
        CHECK_MSG(strstr(r.warnings, "tick labels") == NULL, "%s: %s", spec,
                  r.warnings);
    else
        CHECK_CONTAINS(r.warnings, warning);
    release(&r);
}

/*
 * The example figures keep Bokeh's ticks (the notebook's four are also
 * checked against Bokeh's own layout in test_reference), and so do the
 * VAST 2011 ones where their data is present. The bipartite figure's 165
 * addresses overlap in Bokeh too: drawn so, with the warning.
 */
static void test_examples_keep_bokeh_ticks(void)
{
    static const char *const examples[] = {"timeline", "intrusions",
                                           "network"};
    static const char *const vast[] = {"firewall_datetime",
                                       "firewall_timeline", "incident_bands",
                                       "network", "three_sources"};
    char spec[512], data[512];
    size_t i;

    for (i = 0; i < COUNT(examples); i++) {
        snprintf(spec, sizeof spec, "%s/examples/%s.json", check_repo_dir(),
                 examples[i]);
        check_keeps_ticks(spec, NULL, NULL);
    }
    snprintf(spec, sizeof spec, "%s/examples/bipartite.json",
             check_repo_dir());
    check_keeps_ticks(spec, NULL, "yaxis: 165 tick labels up to 8 px high on "
                      "ticks 1.8 px apart overlap; a taller figure, a "
                      "smaller yaxis.major_label_text_font_size or fewer "
                      "ticks (yaxis.ticker) would make them fit\n");
    if (check_shared_dir("data/vast2011") == NULL)
        return;
    snprintf(data, sizeof data, "%s/data/vast2011",
             check_shared_dir("data/vast2011"));
    for (i = 0; i < COUNT(vast); i++) {
        snprintf(spec, sizeof spec, "%s/examples/vast2011/%s.json",
                 check_repo_dir(), vast[i]);
        check_keeps_ticks(spec, data, NULL);
    }
}

int main(void)
{
    if (!harness_begin()) {
        printf("FAIL test_tick_labels: cannot make a temporary folder\n");
        return 1;
    }
    RUN(test_wide_numbers_get_fewer_ticks);
    RUN(test_hidden_labels_keep_bokeh_ticks);
    RUN(test_subnormal_range_labels);
    RUN(test_y_labels_thin_by_height);
    RUN(test_datetime_labels_thin);
    RUN(test_datetime_thins_between_counts);
    RUN(test_log_decades_thin);
    RUN(test_given_labels_overlap_warns_once);
    RUN(test_log_axis_under_two_decades_thins_by_twos);
    RUN(test_fewest_ticks_still_overlap_warns);
    RUN(test_examples_keep_bokeh_ticks);
    harness_end();
    CHECK_EXIT();
}
