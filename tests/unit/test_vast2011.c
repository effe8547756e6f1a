/*
 * The VAST Challenge 2011 figures of examples/vast2011/, rendered over the
 * real per-minute counts in ../shared/data/vast2011 (skipped when absent):
 * date-time tick labels, tick labels that never overlap, log ticks at
 * powers of ten, absent minutes left as gaps, every incident marked,
 * incident bands exactly over the incident minutes, and the network laid
 * out in rows.
 */
#include "check.h"
#include "model.h"

typedef struct figure {
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    pp__layout layout;
    pp_canvas_t *canvas;
} figure;

/*
 * Loads examples/vast2011/NAME.json over the shared data and renders it;
 * with x_range (JSON text) the spec gets that "x_range" first, to look at
 * a stretch of it closely.
 */
static bool load_range(const char *name, const char *x_range, figure *f)
{
    char spec[1024], fonts[1024], data[1024], *text = NULL;
    pp_load_options_t opt = {0};
    pp_error_t err = {0};
    pp_status st;

    memset(f, 0, sizeof *f);
    snprintf(spec, sizeof spec, "%s/examples/vast2011/%s.json",
             check_repo_dir(), name);
    snprintf(fonts, sizeof fonts, "%s/fonts", check_repo_dir());
    snprintf(data, sizeof data, "%s/data/vast2011", check_shared_dir("data/vast2011"));
    opt.data_dir = data;
    if (x_range == NULL) {
        st = pp_figure_load(spec, &opt, &f->fig, &err);
    } else {
        const size_t size = 1 << 20;
        FILE *in = fopen(spec, "rb");
        size_t len = 0, head = 0;

        text = malloc(size);
        if (text != NULL && in != NULL) {
            head = (size_t)snprintf(text, 1024, "{\"x_range\": %s,", x_range);
            len = fread(text + head, 1, size - head - 1, in);
        }
        if (in != NULL)
            fclose(in);
        /* The spec's own opening brace becomes a space. */
        if (len > 0)
            text[head] = ' ';
        st = len > 0 ? pp_figure_load_json(text, head + len, spec, &opt,
                                           &f->fig, &err)
                     : PP_ERR_IO;
    }
    free(text);
    if (st != PP_OK ||
        pp_fonts_load(fonts, &f->fonts, &err) != PP_OK ||
        pp__figure_prepare(f->fig, f->fonts, &f->layout, &err) != PP_OK ||
        pp_figure_render(f->fig, f->fonts, &f->canvas, &err) != PP_OK) {
        CHECK_MSG(0, "%s: %s", name, err.message);
        return false;
    }
    return true;
}

static bool load(const char *name, figure *f)
{
    return load_range(name, NULL, f);
}

static void release(figure *f)
{
    pp__layout_free(&f->layout);
    pp_canvas_destroy(f->canvas);
    pp_fonts_destroy(f->fonts);
    pp_figure_destroy(f->fig);
}

static bool have_data(void)
{
    if (check_shared_dir("data/vast2011") != NULL)
        return true;
    SKIP("../shared/data/vast2011 is absent: the VAST 2011 figures are not "
         "rendered");
    return false;
}

static double label_size(figure *f, const pp__axis *axis, const char *text,
                         bool along_x)
{
    pp_text_style_t style;
    pp_text_metrics_t m;

    memset(&style, 0, sizeof style);
    style.font_style = axis->major_label_font.style;
    style.size_px = axis->major_label_font.size_px;
    if (pp_text_measure(f->fonts, text, &style, &m) != PP_OK)
        return 1e9;
    if (along_x)
        return m.width;
    return pp__is_math_like(text) ? m.cap_height : m.ascent + m.descent;
}

/* Neighbouring tick labels leave at least 2 px between them. */
static void check_no_overlap(figure *f, bool x_axis)
{
    const pp__axis_layout *al = x_axis ? &f->layout.x : &f->layout.y;
    const pp__axis *axis = x_axis ? &f->fig->xaxis : &f->fig->yaxis;
    size_t i;

    for (i = 1; i < al->ticks.nmajor; i++) {
        double a = x_axis ? pp__scale_x(f->fig, &f->layout,
                                        al->ticks.major[i - 1])
                          : pp__scale_y(f->fig, &f->layout,
                                        al->ticks.major[i - 1]);
        double b = x_axis ? pp__scale_x(f->fig, &f->layout,
                                        al->ticks.major[i])
                          : pp__scale_y(f->fig, &f->layout,
                                        al->ticks.major[i]);
        double room = fabs(b - a) -
                      label_size(f, axis, al->labels[i - 1], x_axis) / 2.0 -
                      label_size(f, axis, al->labels[i], x_axis) / 2.0;
        CHECK_MSG(room >= 2.0, "labels '%s' and '%s' are %.1f px apart",
                  al->labels[i - 1], al->labels[i], room);
    }
}

/* Whether a pixel column of the frame holds a pixel the test accepts. */
static bool column_has(const figure *f, int x, bool (*want)(const uint8_t *))
{
    int y, top = (int)f->layout.frame.y;

    for (y = top; y < top + (int)f->layout.frame.height; y++) {
        uint8_t px[4];
        pp_canvas_get_pixel(f->canvas, x, y, px);
        if (want(px))
            return true;
    }
    return false;
}

/* The three lines' colours over white: red IDS (r above g), navy
   firewall (b above g), green security events (g above r and b). */
static bool ids_pixel(const uint8_t *px)
{
    return px[0] > px[1] + 20 && px[0] > px[2] + 20;
}

static bool firewall_pixel(const uint8_t *px)
{
    return px[2] > px[1] + 20 && px[2] > px[0] + 20;
}

static bool security_pixel(const uint8_t *px)
{
    return px[1] > px[0] + 20 && px[1] > px[2] + 20;
}

static double screen_x(const figure *f, const char *datetime)
{
    double t = NAN;

    CHECK(pp__parse_datetime(datetime, strlen(datetime), &t));
    return pp__scale_x(f->fig, &f->layout, t);
}

/*
 * Minutes absent from a file break its line. On the whole three days a
 * minute is a fifth of a pixel, so each stretch is looked at an hour or so
 * wide (the same spec with an x_range): no IDS alerts from 14 April 08:02
 * to 08:11 nor from 15 April 07:59 to 08:07, no firewall entries at
 * 15 April 07:55; the security log has every minute, so its line runs on.
 */
static void test_three_sources_absent_minutes_are_gaps(void)
{
    static const struct {
        const char *range, *before, *after;
        bool (*broken)(const uint8_t *);
    } gaps[] = {
        {"[\"2011-04-14 07:30\", \"2011-04-14 08:45\"]",
         "2011-04-14 08:01", "2011-04-14 08:12", ids_pixel},
        {"[\"2011-04-15 07:30\", \"2011-04-15 08:40\"]",
         "2011-04-15 07:58", "2011-04-15 08:08", ids_pixel},
        {"[\"2011-04-15 07:30\", \"2011-04-15 08:40\"]",
         "2011-04-15 07:54", "2011-04-15 07:56", firewall_pixel},
    };
    size_t i;

    if (!have_data())
        return;
    for (i = 0; i < sizeof gaps / sizeof gaps[0]; i++) {
        figure f;
        double left, right;
        int x;

        if (!load_range("three_sources", gaps[i].range, &f)) {
            release(&f);
            return;
        }
        left = screen_x(&f, gaps[i].before);
        right = screen_x(&f, gaps[i].after);
        /* The line reaches its last minute and starts again at the next
           one; half a pixel of line width and a pixel of smoothing on
           each side aside, the columns between hold none of it. */
        CHECK(right - left > 10.0);
        for (x = (int)ceil(left + 2.0); x <= (int)floor(right - 2.0); x++) {
            CHECK_MSG(!column_has(&f, x, gaps[i].broken), "gap %zu: line "
                      "pixels at x %d, between %s and %s", i, x,
                      gaps[i].before, gaps[i].after);
            CHECK_MSG(column_has(&f, x, security_pixel), "gap %zu: no "
                      "security line at x %d", i, x);
        }
        CHECK_MSG(column_has(&f, (int)floor(left - 1.0), gaps[i].broken),
                  "gap %zu: no line left of %s", i, gaps[i].before);
        CHECK_MSG(column_has(&f, (int)ceil(right + 1.0), gaps[i].broken),
                  "gap %zu: no line right of %s", i, gaps[i].after);
        release(&f);
    }
}

/* The incidents of firewall_per_minute.csv: start and end minute, and
   their rows (the index column). */
static const struct {
    const char *label, *first, *last;
    int first_row, last_row;
} incidents[] = {
    {"1", "2011-04-13 11:39", "2011-04-13 12:51", 167, 239},
    {"2", "2011-04-14 10:56", "2011-04-14 12:28", 1564, 1656},
    {"3", "2011-04-14 13:31", "2011-04-14 13:31", 1719, 1719},
    {"4", "2011-04-15 14:06", "2011-04-15 14:06", 3193, 3193},
};

static bool is_red(const uint8_t px[4])
{
    return px[0] > 200 && px[1] < 80 && px[2] < 80;
}

static void test_firewall_timeline_labels_readable(void)
{
    figure f;
    const pp__axis_layout *y;

    if (!have_data())
        return;
    if (!load("firewall_timeline", &f)) {
        release(&f);
        return;
    }
    y = &f.layout.y;
    CHECK_INT(pp_canvas_width(f.canvas), 1200);
    CHECK_INT(pp_canvas_height(f.canvas), 350);
    /* The peak of incident 1 is about 150,000 entries a minute. */
    CHECK(f.fig->y_range.end > 140000.0 && f.fig->y_range.end < 170000.0);
    CHECK(y->ticks.nmajor >= 5);
    if (y->ticks.nmajor > 0)
        CHECK_STR(y->labels[y->ticks.nmajor - 1], "1.400e+5");
    check_no_overlap(&f, false);
    check_no_overlap(&f, true);
    release(&f);
}

/*
 * A red marker on every incident minute: the one-minute incidents 3 and 4
 * too, which a line through the incident minutes would not draw.
 */
static void test_firewall_timeline_marks_every_incident(void)
{
    const pp__resolved *marks;
    figure f;
    size_t i, k, marked = 0;

    if (!have_data())
        return;
    if (!load("firewall_timeline", &f)) {
        release(&f);
        return;
    }
    CHECK_INT(f.fig->nrenderers, 3);
    if (f.fig->nrenderers != 3) {
        release(&f);
        return;
    }
    marks = &f.fig->renderers[2].data;
    CHECK_INT(marks->n, 4268);
    for (i = 0; i < marks->n; i++)
        marked += isfinite(marks->y[i]) != 0;
    CHECK_INT(marked, 73 + 93 + 1 + 1);
    for (k = 0; k < 4; k++) {
        int rows[2] = {incidents[k].first_row, incidents[k].last_row};
        for (i = 0; i < 2 && (size_t)rows[i] < marks->n; i++) {
            size_t row = (size_t)rows[i];
            uint8_t px[4];
            int x = (int)lround(pp__scale_x(f.fig, &f.layout, marks->x[row]));
            int y = (int)lround(pp__scale_y(f.fig, &f.layout, marks->y[row]));
            CHECK_NEAR(marks->x[row], rows[i], 0.0);
            pp_canvas_get_pixel(f.canvas, x, y, px);
            CHECK_MSG(is_red(px), "incident %s, row %d: (%d,%d,%d) at %d,%d",
                      incidents[k].label, rows[i], px[0], px[1], px[2], x, y);
        }
    }
    /* Ten pixels left of incident 4 the line runs unmarked. */
    if (marks->n > 3193) {
        int x = (int)lround(pp__scale_x(f.fig, &f.layout, 3193.0)) - 10;
        int y;
        for (y = (int)f.layout.frame.y;
             y < (int)(f.layout.frame.y + f.layout.frame.height); y++) {
            uint8_t px[4];
            pp_canvas_get_pixel(f.canvas, x, y, px);
            if (is_red(px)) {
                CHECK_MSG(0, "red at %d,%d, left of incident 4", x, y);
                break;
            }
        }
    }
    release(&f);
}

static void test_datetime_axis_labels(void)
{
    figure f;
    const pp__axis_layout *x;

    if (!have_data())
        return;
    if (!load("firewall_datetime", &f)) {
        release(&f);
        return;
    }
    x = &f.layout.x;
    CHECK(x->ticks.nmajor >= 2);
    if (x->ticks.nmajor >= 2) {
        /* Six-hour steps over 13 April 08:52 to 16 April 08:00. */
        CHECK_STR(x->labels[0], "04/13 06:00");
        CHECK_STR(x->labels[x->ticks.nmajor - 1], "04/16 06:00");
        CHECK_NEAR(x->ticks.major[1] - x->ticks.major[0], 6 * 3600e3, 0.0);
    }
    check_no_overlap(&f, true);
    check_no_overlap(&f, false);
    release(&f);
}

static void test_three_sources_log_axis(void)
{
    figure f;
    const pp__axis_layout *y;
    size_t i;

    if (!have_data())
        return;
    if (!load("three_sources", &f)) {
        release(&f);
        return;
    }
    y = &f.layout.y;
    CHECK(y->ticks.nmajor >= 5);
    for (i = 0; i < y->ticks.nmajor; i++) {
        double e = log10(y->ticks.major[i]);
        CHECK_MSG(e == floor(e) && pow(10.0, e) == y->ticks.major[i],
                  "log tick %g is not a power of ten", y->ticks.major[i]);
    }
    CHECK_STR(y->labels[0], "1");
    CHECK_INT(f.layout.legend.nitems, 3);
    check_no_overlap(&f, true);
    check_no_overlap(&f, false);
    release(&f);
}

static void test_bands_cover_incident_minutes(void)
{
    const double minute = 60e3;
    const pp__resolved *bands;
    figure f;
    size_t i;
    int y;

    if (!have_data())
        return;
    if (!load("incident_bands", &f)) {
        release(&f);
        return;
    }
    bands = &f.fig->renderers[0].data;
    CHECK_INT(bands->n, 4);
    if (bands->n != 4) {
        release(&f);
        return;
    }
    for (i = 0; i < 4; i++) {
        double first, last;
        CHECK(pp__parse_datetime(incidents[i].first,
                                 strlen(incidents[i].first), &first));
        CHECK(pp__parse_datetime(incidents[i].last,
                                 strlen(incidents[i].last), &last));
        /* Each minute is a bar one minute wide centred on its time. */
        CHECK_NEAR(bands->band_left[i], first - minute / 2, 0.0);
        CHECK_NEAR(bands->band_right[i], last + minute / 2, 0.0);
        CHECK_STR(bands->band_labels[i], incidents[i].label);
    }
    /* In pixels: each band's edge columns, the first and last wholly
       inside it, are shaded; the columns just outside are white. Looked
       at below the zero line (the range's padding), where no line runs. */
    y = (int)lround((pp__scale_y(f.fig, &f.layout, 0.0) +
                     f.layout.frame.y + f.layout.frame.height) / 2.0);
    for (i = 0; i < bands->n; i++) {
        double left = pp__scale_x(f.fig, &f.layout, bands->band_left[i]);
        double right = pp__scale_x(f.fig, &f.layout, bands->band_right[i]);
        int columns[4], k;

        if (right - left < 1.0) {
            /* The one-minute bands: the one pixel their middle is in. */
            columns[0] = columns[1] = (int)floor((left + right) / 2.0 + 0.5);
            columns[2] = columns[0] - 1;
            columns[3] = columns[0] + 1;
        } else {
            /* Pixel c spans c - 0.5 to c + 0.5. */
            columns[0] = (int)ceil(left + 0.5);
            columns[1] = (int)floor(right - 0.5);
            columns[2] = (int)floor(left - 0.5);
            columns[3] = (int)ceil(right + 0.5);
        }
        for (k = 0; k < 4; k++) {
            uint8_t px[4];
            bool inside = k < 2;
            pp_canvas_get_pixel(f.canvas, columns[k], y, px);
            /* Red at alpha 0.2 over white is (255, 204, 204). */
            CHECK_MSG(inside ? px[0] == 255 && abs(px[1] - 204) <= 1 &&
                               abs(px[2] - 204) <= 1
                             : px[0] == 255 && px[1] == 255 && px[2] == 255,
                      "band %s, %s column %d: (%d,%d,%d)", incidents[i].label,
                      inside ? "inner" : "outer", columns[k], px[0], px[1],
                      px[2]);
        }
    }
    release(&f);
}

/* The node row of an IP address in the network's node table, or -1. */
static long node_of(const figure *f, const char *ip)
{
    const pp__table *nodes = NULL;
    const pp__column *col;
    size_t i;

    for (i = 0; i < f->fig->nsources; i++)
        if (strcmp(f->fig->sources[i].name, "nodes") == 0)
            nodes = f->fig->sources[i].table;
    col = nodes != NULL ? pp__table_find(nodes, "ip") : NULL;
    for (i = 0; col != NULL && i < nodes->nrows; i++)
        if (col->strings[i] != NULL && strcmp(col->strings[i], ip) == 0)
            return (long)i;
    return -1;
}

/* The node a node's edge leads to (each host has one, toward the
   Internet), or -1. */
static long uplink_of(const pp__resolved *d, long node)
{
    size_t i;

    for (i = 0; i < d->nedges; i++)
        if ((long)d->edge_from[i] == node)
            return (long)d->edge_to[i];
    return -1;
}

/*
 * The network's shape as the data README tells it: the Internet reaches
 * the company through 10.200.150.1, the firewall joins its other three
 * interfaces to it, and behind each interface its network (the web server,
 * the data-center servers, the office workstations). Every host reaches
 * the Internet by its edges; each kind of host has its own colour and
 * legend entry; the rows are labelled.
 */
static void test_network_in_rows(void)
{
    static const char *const interfaces[] = {
        "172.20.1.1", "192.168.1.1", "192.168.2.1"};
    const pp__resolved *d;
    figure f;
    size_t i, j, rows[5] = {0}, into[4] = {0}, self_loops = 0;
    long internet, outside;

    if (!have_data())
        return;
    if (!load("network", &f)) {
        release(&f);
        return;
    }
    d = &f.fig->renderers[0].data;
    /* The Internet and the 255 hosts of afc_hosts.csv. */
    CHECK_INT(d->n, 256);
    for (i = 0; i < d->n; i++)
        if (d->y[i] >= 1 && d->y[i] <= 4)
            rows[(int)d->y[i]]++;
    /* Top to bottom: the Internet and the web server, 4 firewall
       interfaces, 9 servers, 241 workstations. */
    CHECK_INT(rows[4], 2);
    CHECK_INT(rows[3], 4);
    CHECK_INT(rows[2], 9);
    CHECK_INT(rows[1], 241);

    /* One edge a host, none a loop. */
    CHECK_INT(d->nedges, 255);
    for (i = 0; i < d->nedges; i++)
        self_loops += d->edge_from[i] == d->edge_to[i];
    CHECK_INT(self_loops, 0);
    internet = node_of(&f, "Internet");
    outside = node_of(&f, "10.200.150.1");
    CHECK_INT(internet, 0);
    CHECK(outside > 0);
    CHECK_INT(uplink_of(d, outside), internet);
    CHECK_INT(uplink_of(d, internet), -1);
    for (i = 0; i < 3; i++) {
        long node = node_of(&f, interfaces[i]);
        CHECK_MSG(node > 0 && uplink_of(d, node) == outside,
                  "interface %s is not joined to 10.200.150.1", interfaces[i]);
    }
    CHECK_INT(uplink_of(d, node_of(&f, "172.20.1.5")),
              node_of(&f, "172.20.1.1"));
    /* Edges into each interface: the three others into the outside one,
       the web server, the 9 servers (the IDS among them) and the 241
       workstations into theirs. */
    for (i = 0; i < d->nedges; i++) {
        long to = (long)d->edge_to[i];
        into[0] += to == outside;
        for (j = 0; j < 3; j++)
            into[j + 1] += to == node_of(&f, interfaces[j]);
    }
    CHECK_INT(into[0], 3);
    CHECK_INT(into[1], 1);
    CHECK_INT(into[2], 9);
    CHECK_INT(into[3], 241);
    /* Every host reaches the Internet, in at most three steps. */
    for (i = 1; i < d->n; i++) {
        long node = (long)i;
        for (j = 0; j < 3 && node != internet && node >= 0; j++)
            node = uplink_of(d, node);
        CHECK_MSG(node == internet, "node %zu does not reach the Internet",
                  i);
    }

    /* A legend entry and a colour of its own for each of the 13 kinds. */
    CHECK_INT(f.layout.legend.nitems, 13);
    for (i = 0; i < f.layout.legend.nitems; i++)
        for (j = 0; j < i; j++) {
            pp_color_t a = d->fill_colors[f.layout.legend.items[i].row];
            pp_color_t b = d->fill_colors[f.layout.legend.items[j].row];
            CHECK_MSG(a.r != b.r || a.g != b.g || a.b != b.b,
                      "'%s' and '%s' have one colour",
                      f.layout.legend.items[i].label,
                      f.layout.legend.items[j].label);
        }
    if (f.layout.legend.nitems == 13) {
        CHECK_STR(f.layout.legend.items[0].label, "Internet");
        CHECK_STR(f.layout.legend.items[12].label, "Office workstation");
    }
    /* The rows are labelled on the y axis, bottom to top. */
    CHECK_INT(f.layout.y.ticks.nmajor, 4);
    if (f.layout.y.ticks.nmajor == 4) {
        CHECK_STR(f.layout.y.labels[0], "Workstations, 192.168.2.x");
        CHECK_STR(f.layout.y.labels[3], "Internet-facing");
    }
    release(&f);
}

int main(void)
{
    RUN(test_firewall_timeline_labels_readable);
    RUN(test_firewall_timeline_marks_every_incident);
    RUN(test_datetime_axis_labels);
    RUN(test_three_sources_log_axis);
    RUN(test_three_sources_absent_minutes_are_gaps);
    RUN(test_bands_cover_incident_minutes);
    RUN(test_network_in_rows);
    CHECK_EXIT();
}
