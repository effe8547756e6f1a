/*
 * The four notebook figures laid out as Bokeh lays them out: our example
 * specs, rendered on the data Bokeh drew its reference images from
 * (../shared/reference/bokeh), must give the frame, ticks, tick labels and
 * legend box recorded in its layout.json. Skips when ../shared is absent.
 */
#include "check.h"
#include "model.h"

#include <jansson.h>
#include <stdbool.h>

typedef struct figure_case {
    const char *spec;      /* examples/NAME.json */
    const char *image;     /* key in layout.json */
} figure_case;

static const figure_case cases[] = {
    {"timeline", "fig1_timeline.png"},
    {"bipartite", "fig2_bipartite.png"},
    {"intrusions", "fig3_ids.png"},
    {"network", "fig4_network.png"},
};

static json_t *reference_layout(const char *image)
{
    char path[1024];
    json_t *root;

    snprintf(path, sizeof path, "%s/reference/bokeh/layout.json",
             check_shared_dir("reference/bokeh"));
    root = json_load_file(path, 0, NULL);
    if (root == NULL)
        return NULL;
    json_incref(json_object_get(json_object_get(root, "images"), image));
    {
        json_t *im = json_object_get(json_object_get(root, "images"), image);
        json_decref(root);
        return im;
    }
}

/* Loads examples/NAME.json over the reference data and lays it out. */
static pp_status prepare(const char *name, pp_figure_t **fig,
                         pp_fonts_t **fonts, pp__layout *layout)
{
    char spec[1024], data[1024], font_dir[1024];
    pp_load_options_t opt = {0};
    pp_error_t err;
    pp_status st;

    snprintf(spec, sizeof spec, "%s/examples/%s.json", check_repo_dir(), name);
    snprintf(data, sizeof data, "%s/reference/bokeh/data",
             check_shared_dir("reference/bokeh"));
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    opt.data_dir = data;
    *fig = NULL;
    *fonts = NULL;
    if ((st = pp_figure_load(spec, &opt, fig, &err)) ||
        (st = pp_fonts_load(font_dir, fonts, &err)) ||
        (st = pp__figure_prepare(*fig, *fonts, layout, &err)))
        fprintf(stderr, "    %s\n", err.message);
    return st;
}

static void check_list(const char *what, json_t *expected,
                       const double *actual, size_t n)
{
    size_t i;

    CHECK_MSG(json_array_size(expected) == n, "%s: %zu values, Bokeh has %zu",
              what, n, json_array_size(expected));
    for (i = 0; i < n && i < json_array_size(expected); i++)
        CHECK_MSG(fabs(json_number_value(json_array_get(expected, i)) -
                       actual[i]) <= 1e-9 * fmax(1.0, fabs(actual[i])),
                  "%s[%zu] is %.17g, Bokeh has %.17g", what, i, actual[i],
                  json_number_value(json_array_get(expected, i)));
}

static void check_axis(const char *figure, json_t *axis,
                       const pp__axis_layout *al)
{
    json_t *labels = json_object_get(axis, "labels");
    const char *side = json_string_value(json_object_get(axis, "side"));
    char what[128];
    size_t i;

    snprintf(what, sizeof what, "%s %s major ticks", figure, side);
    check_list(what, json_object_get(axis, "major_ticks"), al->ticks.major,
               al->ticks.nmajor);
    snprintf(what, sizeof what, "%s %s minor ticks", figure, side);
    check_list(what, json_object_get(axis, "minor_ticks"), al->ticks.minor,
               al->ticks.nminor);
    for (i = 0; i < al->ticks.nmajor && i < json_array_size(labels); i++)
        CHECK_MSG(strcmp(al->labels[i],
                         json_string_value(json_array_get(labels, i))) == 0,
                  "%s %s label %zu is '%s', Bokeh has '%s'", figure, side, i,
                  al->labels[i],
                  json_string_value(json_array_get(labels, i)));
}

static double number_at(json_t *obj, const char *a, const char *b)
{
    return json_number_value(json_object_get(json_object_get(obj, a), b));
}

static void check_figure(const figure_case *c)
{
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    pp__layout layout;
    json_t *ref, *axes;
    size_t i;

    ref = reference_layout(c->image);
    CHECK_MSG(ref != NULL, "no %s in layout.json", c->image);
    if (ref == NULL)
        return;
    CHECK_INT(prepare(c->spec, &fig, &fonts, &layout), PP_OK);
    if (fig == NULL || fonts == NULL) {
        json_decref(ref);
        pp_fonts_destroy(fonts);
        pp_figure_destroy(fig);
        return;
    }

    /* The frame within a pixel (Bokeh's are whole pixels here). */
    CHECK_NEAR(layout.frame.x, number_at(ref, "frame", "x"), 1.0);
    CHECK_NEAR(layout.frame.y, number_at(ref, "frame", "y"), 1.0);
    CHECK_NEAR(layout.frame.width, number_at(ref, "frame", "width"), 1.0);
    CHECK_NEAR(layout.frame.height, number_at(ref, "frame", "height"), 1.0);
    CHECK_NEAR(layout.title_height, number_at(ref, "title", "height"), 1.0);

    axes = json_object_get(ref, "axes");
    for (i = 0; i < json_array_size(axes); i++) {
        json_t *axis = json_array_get(axes, i);
        const char *side = json_string_value(json_object_get(axis, "side"));
        check_axis(c->image, axis, strcmp(side, "below") == 0 ? &layout.x
                                                              : &layout.y);
    }

    /* The legend box, where there is one. */
    if (json_array_size(json_object_get(ref, "legends")) > 0) {
        json_t *box = json_object_get(
            json_array_get(json_object_get(ref, "legends"), 0), "bbox");
        CHECK_NEAR(layout.legend.x, json_number_value(json_object_get(box, "x")),
                   1.0);
        CHECK_NEAR(layout.legend.y, json_number_value(json_object_get(box, "y")),
                   1.0);
        CHECK_NEAR(layout.legend.width,
                   json_number_value(json_object_get(box, "width")), 1.0);
        CHECK_NEAR(layout.legend.height,
                   json_number_value(json_object_get(box, "height")), 1.0);
    } else {
        CHECK_INT(layout.legend.nitems, 0);
    }

    pp__layout_free(&layout);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
    json_decref(ref);
}

/* The centre of the title's ink over the frame's columns. */
static double title_ink_centre(const pp_canvas_t *canvas, int panel_height,
                               const pp_rect_t *frame)
{
    int x, y, lo = -1, hi = -1;

    for (x = (int)frame->x; x < frame->x + frame->width; x++) {
        for (y = 0; y < panel_height; y++) {
            uint8_t rgba[4];
            pp_canvas_get_pixel(canvas, x, y, rgba);
            if (rgba[0] < 200) {
                if (lo < 0)
                    lo = x;
                hi = x;
                break;
            }
        }
    }
    return (lo + hi) / 2.0;
}

static void check_title_centred_over_frame(const figure_case *c)
{
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    pp__layout layout;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;
    double frame_centre;
    pp_rect_t frame;

    if (prepare(c->spec, &fig, &fonts, &layout) != PP_OK) {
        CHECK_MSG(0, "%s does not lay out", c->spec);
        pp_fonts_destroy(fonts);
        pp_figure_destroy(fig);
        return;
    }
    frame = layout.frame;
    frame_centre = frame.x + frame.width / 2.0;
    pp__layout_free(&layout);
    CHECK_INT(pp_figure_render(fig, fonts, &canvas, &err), PP_OK);
    if (canvas != NULL) {
        /* Within 2 px: ink is not quite symmetric in its advance box. */
        CHECK_NEAR(title_ink_centre(canvas, 25, &frame), frame_centre, 2.0);
        /* ...and not over the canvas's centre, when the two differ. */
        if (fabs(frame_centre - fig->width / 2.0) > 4.0)
            CHECK(fabs(title_ink_centre(canvas, 25, &frame) - fig->width / 2.0) >
                  2.0);
    }
    pp_canvas_destroy(canvas);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
}

/* Pixel (x, y) of a and b within tol per channel; counts those that are not. */
static int count_unlike(const pp_canvas_t *a, const pp_canvas_t *b, int x,
                        int y, int tol, char *first, size_t first_size)
{
    uint8_t pa[4], pb[4];
    int c;

    pp_canvas_get_pixel(a, x, y, pa);
    pp_canvas_get_pixel(b, x, y, pb);
    for (c = 0; c < 3; c++) {
        if (abs(pa[c] - pb[c]) > tol) {
            if (first[0] == '\0')
                snprintf(first, first_size, "(%d, %d): ours (%d,%d,%d), "
                         "Bokeh's (%d,%d,%d)", x, y, pa[0], pa[1], pa[2],
                         pb[0], pb[1], pb[2]);
            return 1;
        }
    }
    return 0;
}

/*
 * The rendered image, not only the layout: the frame's outline, the two
 * axis lines and (figure 3) the legend's border have Bokeh's pixels, and
 * the rows between the x axis line and its label are Bokeh's too, so a
 * legend that spills out of the frame would show.
 */
static void check_lines_match_bokeh_pixels(const figure_case *c)
{
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    pp__layout layout;
    pp_canvas_t *canvas = NULL, *ref = NULL;
    pp_error_t err;
    char path[1024], first[200] = "";
    int x, y, unlike = 0, x0, y0, x1, y1;

    snprintf(path, sizeof path, "%s/reference/bokeh/%s",
             check_shared_dir("reference/bokeh"), c->image);
    CHECK_INT(pp_canvas_read_png(path, &ref, &err), PP_OK);
    if (prepare(c->spec, &fig, &fonts, &layout) != PP_OK || ref == NULL) {
        CHECK_MSG(0, "%s does not lay out", c->spec);
        pp_canvas_destroy(ref);
        pp_fonts_destroy(fonts);
        pp_figure_destroy(fig);
        return;
    }
    x0 = (int)layout.frame.x;
    y0 = (int)layout.frame.y;
    x1 = x0 + (int)layout.frame.width;      /* first column right of it */
    y1 = y0 + (int)layout.frame.height;     /* the x axis line's row */
    CHECK_INT(pp_figure_render(fig, fonts, &canvas, &err), PP_OK);
    if (canvas != NULL) {
        for (x = x0; x < x1; x++) {
            unlike += count_unlike(canvas, ref, x, y0, 6, first, sizeof first);
            unlike += count_unlike(canvas, ref, x, y1, 6, first, sizeof first);
            /* Below the axis line, above the tick labels (figures 1 and 3
               hide them): the axis's own pixels. */
            for (y = y1 + 1; y < y1 + 4; y++)
                unlike += count_unlike(canvas, ref, x, y, 6, first,
                                       sizeof first);
        }
        for (y = y0; y < y1; y++) {
            unlike += count_unlike(canvas, ref, x0 - 1, y, 6, first,
                                   sizeof first);
            unlike += count_unlike(canvas, ref, x1 - 1, y, 6, first,
                                   sizeof first);
        }
        if (layout.legend.nitems > 0) {
            int lx = (int)layout.legend.x, ly = (int)layout.legend.y;
            int lw = (int)layout.legend.width;

            for (x = lx; x < lx + lw; x++)
                unlike += count_unlike(canvas, ref, x, ly, 6, first,
                                       sizeof first);
            for (y = ly; y < y1; y++) {
                unlike += count_unlike(canvas, ref, lx, y, 6, first,
                                       sizeof first);
                unlike += count_unlike(canvas, ref, lx + lw - 1, y, 6, first,
                                       sizeof first);
            }
        }
        /* Allowed: Chromium's one grey pixel in the middle of each x axis
           line, and a few where its data lines, which it blends darker
           where they fold back (hairlines), cross the legend's edge. A
           line one pixel off gives hundreds. */
        CHECK_MSG(unlike <= 8, "%s: %d pixels of the outline, axis lines or "
                  "legend border differ from Bokeh's by more than 6; first %s",
                  c->spec, unlike, first);
    }
    pp__layout_free(&layout);
    pp_canvas_destroy(canvas);
    pp_canvas_destroy(ref);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
}

static bool have_reference(void)
{
    if (check_shared_dir("reference/bokeh") != NULL)
        return true;
    SKIP("../shared/reference/bokeh is absent: no Bokeh reference to compare");
    return false;
}

#define FIGURE_TESTS(n, name)                                               \
    static void test_##name##_layout_matches_bokeh(void)                    \
    {                                                                       \
        if (have_reference())                                               \
            check_figure(&cases[n]);                                        \
    }                                                                       \
    static void test_##name##_title_centred_over_frame(void)                \
    {                                                                       \
        if (have_reference())                                               \
            check_title_centred_over_frame(&cases[n]);                      \
    }                                                                       \
    static void test_##name##_lines_match_bokeh_pixels(void)                \
    {                                                                       \
        if (have_reference())                                               \
            check_lines_match_bokeh_pixels(&cases[n]);                      \
    }

FIGURE_TESTS(0, timeline)
FIGURE_TESTS(1, bipartite)
FIGURE_TESTS(2, intrusions)
FIGURE_TESTS(3, network)

int main(void)
{
    RUN(test_timeline_layout_matches_bokeh);
    RUN(test_bipartite_layout_matches_bokeh);
    RUN(test_intrusions_layout_matches_bokeh);
    RUN(test_network_layout_matches_bokeh);
    RUN(test_timeline_title_centred_over_frame);
    RUN(test_bipartite_title_centred_over_frame);
    RUN(test_intrusions_title_centred_over_frame);
    RUN(test_network_title_centred_over_frame);
    RUN(test_timeline_lines_match_bokeh_pixels);
    RUN(test_bipartite_lines_match_bokeh_pixels);
    RUN(test_intrusions_lines_match_bokeh_pixels);
    RUN(test_network_lines_match_bokeh_pixels);
    CHECK_EXIT();
}
