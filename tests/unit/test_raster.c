/*
 * Tests of the scan converter through the canvas calls: strokes, fills,
 * clipping and compositing. Expected values are worked out by hand from
 * the geometry: a pixel (i, j) spans [i - 0.5, i + 0.5] x [j - 0.5, j + 0.5]
 * in screen coordinates, and black drawn over white with coverage c gives
 * the grey 255 (1 - c).
 */
#include "check.h"
#include "pp_internal.h"

#include <math.h>

#define PI 3.14159265358979323846

static const pp_color_t WHITE = {255, 255, 255, 1.0f};
static const pp_color_t BLACK = {0, 0, 0, 1.0f};
static const pp_color_t NAVY_HALF = {0, 0, 128, 0.5f};

/* Checks the RGB of one pixel, each channel within tol. */
#define CHECK_RGB(canvas, x, y, r, g, b, tol)                               \
    do {                                                                    \
        uint8_t px_[4];                                                     \
        pp_canvas_get_pixel((canvas), (x), (y), px_);                       \
        CHECK_NEAR(px_[0], (r), (tol));                                     \
        CHECK_NEAR(px_[1], (g), (tol));                                     \
        CHECK_NEAR(px_[2], (b), (tol));                                     \
    } while (0)

static pp_canvas_t *white_canvas(int width, int height)
{
    pp_canvas_t *canvas = NULL;

    if (pp_canvas_create(width, height, WHITE, &canvas) != PP_OK)
        return NULL;
    return canvas;
}

static pp_stroke_style_t style_of(pp_color_t color, double width,
                                  pp_line_cap cap, pp_line_join join)
{
    pp_stroke_style_t style;

    style.color = color;
    style.width = width;
    style.cap = cap;
    style.join = join;
    style.miter_limit = 0.0;
    return style;
}

/* How much of a pixel black covers, from its red channel. */
static double coverage_at(const pp_canvas_t *canvas, int x, int y)
{
    uint8_t px[4];

    pp_canvas_get_pixel(canvas, x, y, px);
    return (255 - px[0]) / 255.0;
}

/* The summed black coverage of the pixels x0 <= x < x1, y0 <= y < y1. */
static double coverage_sum_in(const pp_canvas_t *canvas, int x0, int y0,
                              int x1, int y1)
{
    double sum = 0.0;
    int x, y;

    for (y = y0; y < y1; y++)
        for (x = x0; x < x1; x++)
            sum += coverage_at(canvas, x, y);
    return sum;
}

static double coverage_sum(const pp_canvas_t *canvas)
{
    return coverage_sum_in(canvas, 0, 0, pp_canvas_width(canvas),
                           pp_canvas_height(canvas));
}

static pp_status stroke_line(pp_canvas_t *canvas, double x0, double y0,
                             double x1, double y1,
                             const pp_stroke_style_t *style)
{
    double xy[4];

    xy[0] = x0;
    xy[1] = y0;
    xy[2] = x1;
    xy[3] = y1;
    return pp_canvas_stroke_polyline(canvas, xy, 2, style);
}

/* ---- coordinates ------------------------------------------------------ */

static void test_line_1px_at_integer_y_fills_one_row(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_stroke_style_t st = style_of(BLACK, 1.0, PP_CAP_BUTT, PP_JOIN_BEVEL);

    CHECK_INT(stroke_line(c, 2, 10, 35, 10, &st), PP_OK);
    CHECK_RGB(c, 20, 10, 0, 0, 0, 0);
    CHECK_RGB(c, 20, 9, 255, 255, 255, 0);
    CHECK_RGB(c, 20, 11, 255, 255, 255, 0);
    /* Butt ends at pixel centres cover half of the end pixels. */
    CHECK_RGB(c, 2, 10, 128, 128, 128, 1);
    CHECK_RGB(c, 35, 10, 128, 128, 128, 1);
    CHECK_RGB(c, 1, 10, 255, 255, 255, 0);
    CHECK_NEAR(coverage_sum(c), 33.0, 0.05);
    pp_canvas_destroy(c);
}

static void test_line_1px_at_half_y_splits_two_rows(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_stroke_style_t st = style_of(BLACK, 1.0, PP_CAP_BUTT, PP_JOIN_BEVEL);

    CHECK_INT(stroke_line(c, 2, 10.5, 35, 10.5, &st), PP_OK);
    CHECK_RGB(c, 20, 10, 128, 128, 128, 1);
    CHECK_RGB(c, 20, 11, 128, 128, 128, 1);
    CHECK_RGB(c, 20, 9, 255, 255, 255, 0);
    CHECK_RGB(c, 20, 12, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

static void test_line_2px_between_rows_fills_both(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_stroke_style_t st = style_of(BLACK, 2.0, PP_CAP_BUTT, PP_JOIN_BEVEL);

    CHECK_INT(stroke_line(c, 2, 10.5, 35, 10.5, &st), PP_OK);
    CHECK_RGB(c, 20, 10, 0, 0, 0, 0);
    CHECK_RGB(c, 20, 11, 0, 0, 0, 0);
    CHECK_RGB(c, 20, 9, 255, 255, 255, 0);
    CHECK_RGB(c, 20, 12, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

static void test_vertical_line_at_quarter_x_splits_columns(void)
{
    pp_canvas_t *c = white_canvas(20, 40);
    pp_stroke_style_t st = style_of(BLACK, 1.0, PP_CAP_BUTT, PP_JOIN_BEVEL);

    /* The band [9.75, 10.75] covers 3/4 of column 10, 1/4 of column 11. */
    CHECK_INT(stroke_line(c, 10.25, 2, 10.25, 35, &st), PP_OK);
    CHECK_NEAR(coverage_at(c, 10, 20), 0.75, 0.5 / 255 + 1e-9);
    CHECK_NEAR(coverage_at(c, 11, 20), 0.25, 0.5 / 255 + 1e-9);
    CHECK_NEAR(coverage_at(c, 9, 20), 0.0, 0.0);
    pp_canvas_destroy(c);
}

static void test_diagonal_area_is_length_times_width(void)
{
    pp_canvas_t *c = white_canvas(200, 160);
    pp_stroke_style_t st = style_of(BLACK, 3.0, PP_CAP_BUTT, PP_JOIN_BEVEL);
    double area = 3.0 * hypot(180.0, 140.0);

    CHECK_INT(stroke_line(c, 10, 10, 190, 150, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.005 * area);
    pp_canvas_destroy(c);
}

static void test_thin_diagonal_area(void)
{
    pp_canvas_t *c = white_canvas(300, 300);
    pp_stroke_style_t st = style_of(BLACK, 0.5, PP_CAP_BUTT, PP_JOIN_BEVEL);
    double area = 0.5 * hypot(270.0, 231.0);

    CHECK_INT(stroke_line(c, 13.3, 21.7, 283.3, 252.7, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.005 * area);
    pp_canvas_destroy(c);
}

/* A wide stroke at a fractional width, off the pixel grid at both ends. */
static void test_wide_diagonal_area(void)
{
    pp_canvas_t *c = white_canvas(300, 240);
    pp_stroke_style_t st = style_of(BLACK, 7.3, PP_CAP_BUTT, PP_JOIN_BEVEL);
    double area = 7.3 * hypot(250.2 - 20.6, 201.9 - 30.35);

    CHECK_INT(stroke_line(c, 20.6, 30.35, 250.2, 201.9, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.005 * area);
    pp_canvas_destroy(c);
}

/* ---- compositing ------------------------------------------------------ */

static void test_navy_half_alpha_over_white(void)
{
    pp_canvas_t *c = white_canvas(20, 20);
    pp_rect_t r = {2, 2, 10, 10};

    CHECK_INT(pp_canvas_fill_rect(c, r, NAVY_HALF), PP_OK);
    CHECK_RGB(c, 6, 6, 128, 128, 191, 1);
    pp_canvas_destroy(c);
}

static void test_navy_half_alpha_twice(void)
{
    pp_canvas_t *c = white_canvas(20, 20);
    pp_rect_t r = {2, 2, 10, 10};

    CHECK_INT(pp_canvas_fill_rect(c, r, NAVY_HALF), PP_OK);
    CHECK_INT(pp_canvas_fill_rect(c, r, NAVY_HALF), PP_OK);
    CHECK_RGB(c, 6, 6, 64, 64, 160, 1);
    pp_canvas_destroy(c);
}

static void test_alpha_scales_partial_coverage(void)
{
    pp_canvas_t *c = white_canvas(20, 20);
    pp_color_t half_black = {0, 0, 0, 0.5f};
    pp_rect_t r = {2, 2, 10.25, 10};

    /* The right side at 12.25 covers 3/4 of column 12: 255 (1 - 3/8). */
    CHECK_INT(pp_canvas_fill_rect(c, r, half_black), PP_OK);
    CHECK_RGB(c, 12, 6, 159, 159, 159, 1);
    pp_canvas_destroy(c);
}

/* ---- one stroke is one shape ------------------------------------------ */

static void test_zigzag_translucent_polyline_single_layer(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(NAVY_HALF, 6.0, PP_CAP_ROUND,
                                    PP_JOIN_ROUND);
    /* Its first and third segments cross at (50, 50). */
    double zz[] = {10, 10, 90, 90, 90, 10, 10, 90};
    uint8_t px[4];
    int x, y, darkest = 255;

    CHECK_INT(pp_canvas_stroke_polyline(c, zz, 4, &st), PP_OK);
    CHECK_RGB(c, 50, 50, 128, 128, 191, 1);
    /* The inner side of the joins overlaps too. */
    CHECK_RGB(c, 88, 85, 128, 128, 191, 1);
    for (y = 0; y < 100; y++)
        for (x = 0; x < 100; x++) {
            pp_canvas_get_pixel(c, x, y, px);
            if (px[0] < darkest)
                darkest = px[0];
        }
    CHECK_INT(darkest, 128);
    pp_canvas_destroy(c);
}

static void test_separate_strokes_darken(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(NAVY_HALF, 6.0, PP_CAP_BUTT,
                                    PP_JOIN_BEVEL);

    CHECK_INT(stroke_line(c, 10, 10, 90, 90, &st), PP_OK);
    CHECK_INT(stroke_line(c, 90, 10, 10, 90, &st), PP_OK);
    CHECK_RGB(c, 50, 50, 64, 64, 160, 1);
    CHECK_RGB(c, 30, 30, 128, 128, 191, 1);
    pp_canvas_destroy(c);
}

static void test_nan_breaks_polyline_into_one_shape(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(NAVY_HALF, 4.0, PP_CAP_BUTT,
                                    PP_JOIN_BEVEL);
    double xy[] = {10, 50, 90, 50, NAN, NAN, 50, 10, 50, 90};

    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 5, &st), PP_OK);
    /* The two pieces cross without darkening... */
    CHECK_RGB(c, 50, 50, 128, 128, 191, 1);
    CHECK_RGB(c, 30, 50, 128, 128, 191, 1);
    CHECK_RGB(c, 50, 30, 128, 128, 191, 1);
    /* ...and nothing joins (90, 50) to (50, 10). */
    CHECK_RGB(c, 70, 30, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

/* ---- caps ------------------------------------------------------------- */

/*
 * A subpath whose points coincide draws a dot (round caps) or a square
 * (square caps), as SVG specifies; butt caps draw nothing.
 */
static void test_zero_length_round_is_dot(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 20.0, PP_CAP_ROUND,
                                    PP_JOIN_BEVEL);

    CHECK_INT(stroke_line(c, 50.2, 49.7, 50.2, 49.7, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), PI * 100.0, 0.01 * PI * 100.0);
    CHECK_RGB(c, 50, 50, 0, 0, 0, 0);
    pp_canvas_destroy(c);
}

static void test_zero_length_butt_draws_nothing(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 20.0, PP_CAP_BUTT,
                                    PP_JOIN_BEVEL);
    double three[] = {30, 30, 30, 30, 30, 30};

    CHECK_INT(stroke_line(c, 50, 50, 50, 50, &st), PP_OK);
    CHECK_INT(pp_canvas_stroke_polyline(c, three, 3, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), 0.0, 0.0);
    pp_canvas_destroy(c);
}

static void test_zero_length_square_is_axis_aligned_square(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 20.0, PP_CAP_SQUARE,
                                    PP_JOIN_BEVEL);

    /* [40.5, 60.5] on both axes: pixels 41..60 exactly. */
    CHECK_INT(stroke_line(c, 50.5, 50.5, 50.5, 50.5, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), 400.0, 1e-9);
    CHECK_RGB(c, 41, 41, 0, 0, 0, 0);
    CHECK_RGB(c, 60, 60, 0, 0, 0, 0);
    CHECK_RGB(c, 40, 50, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

static void test_repeated_points_add_no_cap_or_join(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 10.0, PP_CAP_ROUND,
                                    PP_JOIN_ROUND);
    double once[] = {20.5, 50.5, 60.5, 50.5};
    double repeated[] = {20.5, 50.5, 20.5, 50.5, 40.5, 50.5, 40.5, 50.5,
                         60.5, 50.5, 60.5, 50.5};
    double area;

    /* The same straight line with its points repeated: same pixels. */
    CHECK_INT(pp_canvas_stroke_polyline(c, once, 2, &st), PP_OK);
    area = coverage_sum(c);
    pp_canvas_destroy(c);
    c = white_canvas(100, 100);
    CHECK_INT(pp_canvas_stroke_polyline(c, repeated, 6, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 1e-9);
    CHECK_NEAR(area, 400.0 + PI * 25.0, 0.005 * (400.0 + PI * 25.0));
    pp_canvas_destroy(c);
}

static void test_single_point_draws_nothing(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 20.0, PP_CAP_ROUND,
                                    PP_JOIN_BEVEL);
    double xy[] = {50, 50};

    /* A subpath of one point has no line to cap. */
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 1, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), 0.0, 0.0);
    pp_canvas_destroy(c);
}

static void test_butt_cap_ends_at_end_points(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 10.0, PP_CAP_BUTT,
                                    PP_JOIN_BEVEL);

    /* [20.5, 60.5] x [45.5, 55.5]: pixels 21..60 x 46..55. */
    CHECK_INT(stroke_line(c, 20.5, 50.5, 60.5, 50.5, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), 400.0, 1e-9);
    CHECK_RGB(c, 21, 46, 0, 0, 0, 0);
    CHECK_RGB(c, 20, 50, 255, 255, 255, 0);
    CHECK_RGB(c, 61, 50, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

static void test_square_cap_extends_half_width(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 10.0, PP_CAP_SQUARE,
                                    PP_JOIN_BEVEL);

    /* Extended by 5 at each end: [15.5, 65.5], pixels 16..65. */
    CHECK_INT(stroke_line(c, 20.5, 50.5, 60.5, 50.5, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), 500.0, 1e-9);
    CHECK_RGB(c, 16, 46, 0, 0, 0, 0);
    CHECK_RGB(c, 65, 55, 0, 0, 0, 0);
    CHECK_RGB(c, 15, 50, 255, 255, 255, 0);
    CHECK_RGB(c, 66, 50, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

static void test_round_cap_adds_half_disk(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 10.0, PP_CAP_ROUND,
                                    PP_JOIN_BEVEL);
    double half_disk = 0.5 * PI * 25.0;

    CHECK_INT(stroke_line(c, 20.5, 50.5, 60.5, 50.5, &st), PP_OK);
    /* Each half disk lies wholly in the columns beyond its end. */
    CHECK_NEAR(coverage_sum_in(c, 0, 0, 21, 100), half_disk,
               0.005 * half_disk);
    CHECK_NEAR(coverage_sum_in(c, 61, 0, 100, 100), half_disk,
               0.005 * half_disk);
    CHECK_NEAR(coverage_sum_in(c, 21, 0, 61, 100), 400.0, 1e-9);
    CHECK_RGB(c, 15, 50, 255, 255, 255, 0);
    CHECK_RGB(c, 66, 50, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

/* ---- joins ------------------------------------------------------------ */

/*
 * Strokes a right-angle turn at (100.5, 100.5), a pixel corner, going
 * right then up with width 40, and returns the coverage in the quadrant
 * beyond the corner (pixels x, y >= 101): the join's outer part alone.
 */
static double right_angle_join_area(pp_line_join join, double miter_limit)
{
    pp_canvas_t *c = white_canvas(160, 160);
    pp_stroke_style_t st = style_of(BLACK, 40.0, PP_CAP_BUTT, join);
    double xy[] = {20.5, 100.5, 100.5, 100.5, 100.5, 20.5};
    double area;

    st.miter_limit = miter_limit;
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 3, &st), PP_OK);
    area = coverage_sum_in(c, 101, 101, 160, 160);
    pp_canvas_destroy(c);
    return area;
}

static void test_bevel_join_area(void)
{
    /* The triangle (0, 0), (20, 0), (0, 20). */
    CHECK_NEAR(right_angle_join_area(PP_JOIN_BEVEL, 0.0), 200.0, 1.0);
}

static void test_miter_join_area(void)
{
    /* The square 20 x 20: the miter ratio sqrt(2) is within 10. */
    CHECK_NEAR(right_angle_join_area(PP_JOIN_MITER, 0.0), 400.0, 2.0);
}

static void test_round_join_area(void)
{
    double quarter = PI * 400.0 / 4.0;

    CHECK_NEAR(right_angle_join_area(PP_JOIN_ROUND, 0.0), quarter,
               0.005 * quarter);
}

static void test_miter_limit_falls_back_to_bevel(void)
{
    CHECK_NEAR(right_angle_join_area(PP_JOIN_MITER, 1.4), 200.0, 1.0);
    CHECK_NEAR(right_angle_join_area(PP_JOIN_MITER, 1.5), 400.0, 2.0);
}

static void test_joined_polyline_has_no_gap_or_double_layer(void)
{
    pp_canvas_t *c = white_canvas(160, 160);
    pp_stroke_style_t st = style_of(NAVY_HALF, 40.0, PP_CAP_BUTT,
                                    PP_JOIN_MITER);
    double xy[] = {20.5, 100.5, 100.5, 100.5, 100.5, 20.5};

    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 3, &st), PP_OK);
    CHECK_RGB(c, 90, 90, 128, 128, 191, 1);    /* both segments overlap */
    CHECK_RGB(c, 110, 110, 128, 128, 191, 1);  /* the miter */
    CHECK_RGB(c, 100, 100, 128, 128, 191, 1);  /* the vertex */
    pp_canvas_destroy(c);
}

/* ---- clipping --------------------------------------------------------- */

static void test_clip_edge_partial_coverage(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_stroke_style_t st = style_of(BLACK, 1.0, PP_CAP_BUTT, PP_JOIN_BEVEL);
    pp_rect_t clip = {-100.0, 4.75, 110.25, 100.0};

    /* Column 10 spans [9.5, 10.5]: 3/4 of it is left of 10.25. */
    pp_canvas_set_clip(c, &clip);
    CHECK_INT(stroke_line(c, 0, 10, 30, 10, &st), PP_OK);
    CHECK_RGB(c, 9, 10, 0, 0, 0, 0);
    CHECK_RGB(c, 10, 10, 64, 64, 64, 1);
    CHECK_RGB(c, 11, 10, 255, 255, 255, 0);

    /* Row 5 spans [4.5, 5.5]: 3/4 of it is below 4.75. */
    CHECK_INT(stroke_line(c, 5, 0, 5, 19, &st), PP_OK);
    CHECK_RGB(c, 5, 5, 64, 64, 64, 1);
    CHECK_RGB(c, 5, 4, 255, 255, 255, 0);
    CHECK_RGB(c, 5, 6, 0, 0, 0, 0);
    pp_canvas_destroy(c);
}

static void test_clip_removed_with_null(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_rect_t clip = {0, 0, 5, 5}, r = {10, 10, 5, 5};

    pp_canvas_set_clip(c, &clip);
    CHECK_INT(pp_canvas_fill_rect(c, r, BLACK), PP_OK);
    CHECK_RGB(c, 12, 12, 255, 255, 255, 0);
    pp_canvas_set_clip(c, NULL);
    CHECK_INT(pp_canvas_fill_rect(c, r, BLACK), PP_OK);
    CHECK_RGB(c, 12, 12, 0, 0, 0, 0);
    pp_canvas_destroy(c);
}

static void test_shape_past_canvas_sides_stays_in_its_rows(void)
{
    pp_canvas_t *c = white_canvas(100, 30);
    pp_rect_t r = {-50.0, 9.5, 1100.0, 10.0};
    int x;

    /* Rows 10..19, every column; nothing wraps into another row. */
    CHECK_INT(pp_canvas_fill_rect(c, r, BLACK), PP_OK);
    for (x = 0; x < 100; x++) {
        CHECK_NEAR(coverage_at(c, x, 10), 1.0, 0.0);
        CHECK_NEAR(coverage_at(c, x, 19), 1.0, 0.0);
        CHECK_NEAR(coverage_at(c, x, 9), 0.0, 0.0);
        CHECK_NEAR(coverage_at(c, x, 20), 0.0, 0.0);
    }
    pp_canvas_destroy(c);
}

static void test_far_coordinates_draw_visible_part(void)
{
    pp_canvas_t *far = white_canvas(100, 100), *near = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 3.0, PP_CAP_ROUND,
                                    PP_JOIN_MITER);
    int i;

    /* The same diagonal from 1e9 px away and from just outside. */
    CHECK_INT(stroke_line(far, -1e9, -1e9 + 7, 1e9, 1e9 + 7, &st), PP_OK);
    CHECK_INT(stroke_line(near, -20, -13, 120, 127, &st), PP_OK);
    for (i = 0; i < 100; i += 7) {
        CHECK_NEAR(coverage_at(far, i, i + 7), coverage_at(near, i, i + 7),
                   1.0 / 255);
        CHECK_NEAR(coverage_at(far, i, i + 8), coverage_at(near, i, i + 8),
                   1.0 / 255);
    }
    CHECK_NEAR(coverage_sum(far), coverage_sum(near), 0.5);
    pp_canvas_destroy(far);
    pp_canvas_destroy(near);
}

static void test_huge_coordinates_do_not_overflow(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    pp_stroke_style_t st = style_of(BLACK, 4.0, PP_CAP_SQUARE,
                                    PP_JOIN_MITER);
    double xy[] = {50, -1e300, 50, 1e300, 1.7e308, 1e300};

    /* Columns 49..51 in full, 48 and 52 half, every row. */
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 3, &st), PP_OK);
    CHECK_RGB(c, 50, 0, 0, 0, 0, 0);
    CHECK_RGB(c, 51, 99, 0, 0, 0, 0);
    CHECK_NEAR(coverage_at(c, 48, 50), 0.5, 1.0 / 255);
    CHECK_NEAR(coverage_sum(c), 400.0, 0.5);
    pp_canvas_destroy(c);
}

static void test_far_polygon_fills_visible_part(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    /* The half plane below the diagonal y = x, from 1e9 px out: pixels
       below it are full, those on it half covered (100 x 99 / 2 + 50). */
    double tri[] = {-1e9, -1e9, 1e9, 1e9, -1e9, 1e9};
    double huge[] = {-1e300, -1e300, 1e300, -1e300, 1e300, 1e300,
                     -1e300, 1e300};

    CHECK_INT(pp_canvas_fill_polygon(c, tri, 3, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), 5000.0, 0.5);
    CHECK_RGB(c, 10, 60, 0, 0, 0, 0);
    CHECK_RGB(c, 60, 10, 255, 255, 255, 0);
    CHECK_RGB(c, 30, 30, 128, 128, 128, 1);
    CHECK_INT(pp_canvas_fill_polygon(c, huge, 4, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), 10000.0, 0.0);
    pp_canvas_destroy(c);
}

static void test_clip_off_canvas_draws_nothing(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_rect_t clip = {100, 100, 50, 50}, r = {-10, -10, 100, 100};

    pp_canvas_set_clip(c, &clip);
    CHECK_INT(pp_canvas_fill_rect(c, r, BLACK), PP_OK);
    CHECK_INT(pp_canvas_fill_circle(c, 10, 10, 50, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), 0.0, 0.0);
    pp_canvas_destroy(c);
}

/* ---- fills ------------------------------------------------------------ */

static void test_polygon_opposite_inner_winding_is_hole(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    /* Outer square, a bridge, the inner square the other way round; all
       on pixel edges, so every pixel is fully in or out. */
    double xy[] = {19.5, 19.5, 79.5, 19.5, 79.5, 79.5, 19.5, 79.5, 19.5, 19.5,
                   39.5, 39.5, 39.5, 59.5, 59.5, 59.5, 59.5, 39.5, 39.5, 39.5};

    CHECK_INT(pp_canvas_fill_polygon(c, xy, 10, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), 3600.0 - 400.0, 1e-6);
    CHECK_RGB(c, 50, 50, 255, 255, 255, 0);
    CHECK_RGB(c, 30, 30, 0, 0, 0, 0);
    pp_canvas_destroy(c);
}

static void test_polygon_same_inner_winding_is_filled(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    double xy[] = {20, 20, 80, 20, 80, 80, 20, 80, 20, 20,
                   40, 40, 60, 40, 60, 60, 40, 60, 40, 40};

    /* Winding 2 inside the inner square still counts once. */
    CHECK_INT(pp_canvas_fill_polygon(c, xy, 10, NAVY_HALF), PP_OK);
    CHECK_RGB(c, 50, 50, 128, 128, 191, 1);
    CHECK_RGB(c, 30, 30, 128, 128, 191, 1);
    pp_canvas_destroy(c);
}

static void test_polygon_triangle_area(void)
{
    pp_canvas_t *c = white_canvas(100, 100);
    double xy[] = {10.3, 12.9, 91.1, 33.7, 27.5, 88.2};
    double area = 0.5 * fabs((91.1 - 10.3) * (88.2 - 12.9) -
                             (27.5 - 10.3) * (33.7 - 12.9));

    CHECK_INT(pp_canvas_fill_polygon(c, xy, 3, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.001 * area);
    pp_canvas_destroy(c);
}

static void test_fill_rect_fractional_edges(void)
{
    pp_canvas_t *c = white_canvas(40, 20);
    pp_rect_t r = {10.0, 5.5, 5.5, 3.0};

    /* [10, 15.5] x [5.5, 8.5]: column 10 half, 11..15 full, rows 6..8. */
    CHECK_INT(pp_canvas_fill_rect(c, r, BLACK), PP_OK);
    CHECK_NEAR(coverage_at(c, 10, 7), 0.5, 0.5 / 255 + 1e-9);
    CHECK_NEAR(coverage_at(c, 15, 7), 1.0, 0.0);
    CHECK_NEAR(coverage_at(c, 16, 7), 0.0, 0.0);
    CHECK_NEAR(coverage_at(c, 12, 5), 0.0, 0.0);
    CHECK_NEAR(coverage_sum(c), 16.5, 0.02);
    pp_canvas_destroy(c);
}

static void test_circle_area(void)
{
    pp_canvas_t *c = white_canvas(120, 100);
    double area = PI * 400.0;

    CHECK_INT(pp_canvas_fill_circle(c, 60.3, 50.7, 20.0, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.001 * area);
    CHECK_RGB(c, 60, 51, 0, 0, 0, 0);
    CHECK_RGB(c, 60, 29, 255, 255, 255, 0);
    pp_canvas_destroy(c);
}

static void test_small_marker_circle_area(void)
{
    pp_canvas_t *c = white_canvas(20, 20);
    double area = PI * 3.5 * 3.5;

    /* Bokeh's circle marker of size 7. */
    CHECK_INT(pp_canvas_fill_circle(c, 10.0, 10.0, 3.5, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.005 * area);
    pp_canvas_destroy(c);
}

static void test_stroked_circle_ring_area(void)
{
    pp_canvas_t *c = white_canvas(120, 100);
    pp_stroke_style_t st = style_of(BLACK, 4.0, PP_CAP_BUTT, PP_JOIN_BEVEL);
    double area = 2.0 * PI * 20.0 * 4.0;

    CHECK_INT(pp_canvas_stroke_circle(c, 60.3, 50.7, 20.0, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), area, 0.005 * area);
    CHECK_RGB(c, 60, 51, 255, 255, 255, 0);
    CHECK_RGB(c, 80, 51, 0, 0, 0, 0);
    pp_canvas_destroy(c);
}

static void test_stroked_circle_wider_than_radius_is_disk(void)
{
    pp_canvas_t *c = white_canvas(20, 20);
    pp_stroke_style_t st = style_of(BLACK, 4.0, PP_CAP_BUTT, PP_JOIN_BEVEL);

    /* Radius 1, half width 2: the disk of radius 3, no hole. */
    CHECK_INT(pp_canvas_stroke_circle(c, 10.0, 10.0, 1.0, &st), PP_OK);
    CHECK_NEAR(coverage_sum(c), 9.0 * PI, 0.01 * 9.0 * PI);
    CHECK_RGB(c, 10, 10, 0, 0, 0, 0);
    pp_canvas_destroy(c);
}

static void test_huge_circle_covers_canvas(void)
{
    pp_canvas_t *c = white_canvas(50, 40);

    CHECK_INT(pp_canvas_fill_circle(c, 25.0, 20.0, 1e9, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), 50.0 * 40.0, 0.0);
    pp_canvas_destroy(c);
}

static void test_circle_cut_by_canvas_corner(void)
{
    pp_canvas_t *c = white_canvas(50, 40);
    double quarter = PI * 400.0 / 4.0;

    /* Centred on the canvas corner (-0.5, -0.5): one quarter shows. */
    CHECK_INT(pp_canvas_fill_circle(c, -0.5, -0.5, 20.0, BLACK), PP_OK);
    CHECK_NEAR(coverage_sum(c), quarter, 0.002 * quarter);
    pp_canvas_destroy(c);
}

/* ---- arguments -------------------------------------------------------- */

static void test_bad_arguments(void)
{
    pp_canvas_t *c = white_canvas(20, 20);
    pp_stroke_style_t st = style_of(BLACK, 1.0, PP_CAP_BUTT, PP_JOIN_BEVEL);
    pp_color_t nan_alpha = {0, 0, 0, NAN};
    pp_rect_t r = {1, 1, 5, 5}, bad_rect = {1, NAN, 5, 5};
    double xy[] = {1, 1, 10, 10};

    CHECK_INT(pp_canvas_stroke_polyline(NULL, xy, 2, &st), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_stroke_polyline(c, NULL, 2, &st), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 0, &st), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 2, NULL), PP_ERR_ARGUMENT);
    st.width = 0.0;
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 2, &st), PP_ERR_ARGUMENT);
    st.width = -1.0;
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 2, &st), PP_ERR_ARGUMENT);
    st.width = NAN;
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 2, &st), PP_ERR_ARGUMENT);
    st.width = INFINITY;
    CHECK_INT(pp_canvas_stroke_circle(c, 5, 5, 2, &st), PP_ERR_ARGUMENT);
    st.width = 1.0;
    st.cap = (pp_line_cap)7;
    CHECK_INT(pp_canvas_stroke_polyline(c, xy, 2, &st), PP_ERR_ARGUMENT);

    CHECK_INT(pp_canvas_fill_polygon(c, xy, 0, BLACK), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_fill_polygon(c, NULL, 2, BLACK), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_fill_polygon(c, xy, 2, nan_alpha), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_fill_rect(NULL, r, BLACK), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_fill_rect(c, bad_rect, BLACK), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_fill_circle(c, 5, 5, -1, BLACK), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_fill_circle(c, NAN, 5, 1, BLACK), PP_ERR_ARGUMENT);
    CHECK_INT(pp_canvas_stroke_circle(NULL, 5, 5, 2, &st), PP_ERR_ARGUMENT);

    /* Nothing was drawn by any of them. */
    CHECK_NEAR(coverage_sum(c), 0.0, 0.0);
    pp_canvas_destroy(c);
}

/*
 * Sides are 1..PP_MAX_CANVAS_SIDE (16384): one more is PP_ERR_LIMIT, with
 * *out NULL, before any memory is taken. The function takes no pp_error_t,
 * so the status's phrase is all a caller can say.
 */
static void test_canvas_side_limit(void)
{
    pp_canvas_t *c = (pp_canvas_t *)&c;

    CHECK_INT(PP_MAX_CANVAS_SIDE, 16384);
    CHECK_INT(pp_canvas_create(16385, 1, WHITE, &c), PP_ERR_LIMIT);
    CHECK(c == NULL);
    c = (pp_canvas_t *)&c;
    CHECK_INT(pp_canvas_create(1, 16385, WHITE, &c), PP_ERR_LIMIT);
    CHECK(c == NULL);
    CHECK_INT(pp_canvas_create(0, 1, WHITE, &c), PP_ERR_LIMIT);
    CHECK_INT(pp_canvas_create(1, -1, WHITE, &c), PP_ERR_LIMIT);
    CHECK_STR(pp_strerror(PP_ERR_LIMIT), "size limit exceeded");

    CHECK_INT(pp_canvas_create(16384, 1, WHITE, &c), PP_OK);
    if (c != NULL) {
        uint8_t px[4];
        CHECK_INT(pp_canvas_width(c), 16384);
        CHECK_INT(pp_canvas_height(c), 1);
        pp_canvas_get_pixel(c, 16383, 0, px);
        CHECK_INT(px[0] + px[1] + px[2] + px[3], 4 * 255);
    }
    pp_canvas_destroy(c);
    CHECK_INT(pp_canvas_create(1, 16384, WHITE, &c), PP_OK);
    pp_canvas_destroy(c);
}

/* ---- shared case C05 -------------------------------------------------- */

/*
 * C05 (shared/cases/README.md) at raster level: five rows, each its own
 * stroke, alpha 0.6, width 2, round caps, painted in order. Rows 1 and 2
 * coincide; red rows 4 and 5 share their end (500, 150) and cross the
 * navy row 3 at (300, 150) and (340, 170), both pixel centres.
 */
static void test_c05_overlapping_segments(void)
{
    pp_canvas_t *c = white_canvas(600, 400);
    pp_color_t navy = {0, 0, 128, 0.6f}, red = {255, 0, 0, 0.6f};
    pp_stroke_style_t nv = style_of(navy, 2.0, PP_CAP_ROUND, PP_JOIN_BEVEL);
    pp_stroke_style_t rd = style_of(red, 2.0, PP_CAP_ROUND, PP_JOIN_BEVEL);

    CHECK_INT(stroke_line(c, 100, 300, 500, 350, &nv), PP_OK);
    CHECK_INT(stroke_line(c, 100, 300, 500, 350, &nv), PP_OK);
    CHECK_INT(stroke_line(c, 100, 50, 500, 250, &nv), PP_OK);
    CHECK_INT(stroke_line(c, 100, 150, 500, 150, &rd), PP_OK);
    CHECK_INT(stroke_line(c, 100, 200, 500, 150, &rd), PP_OK);

    CHECK_RGB(c, 300, 325, 41, 41, 148, 1);    /* rows 1 + 2 */
    CHECK_RGB(c, 200, 100, 102, 102, 179, 1);  /* row 3 */
    CHECK_RGB(c, 420, 150, 255, 102, 102, 1);  /* row 4 alone */
    CHECK_RGB(c, 420, 160, 255, 102, 102, 1);  /* row 5 alone */
    CHECK_RGB(c, 500, 150, 255, 41, 41, 1);    /* rows 4 + 5 share an end */
    CHECK_RGB(c, 300, 150, 194, 41, 72, 1);    /* red over navy */
    CHECK_RGB(c, 340, 170, 194, 41, 72, 1);
    /* Row 3's ends: its caps are not blended over its own body. */
    CHECK_RGB(c, 100, 50, 102, 102, 179, 10);
    CHECK_RGB(c, 500, 250, 102, 102, 179, 10);
    pp_canvas_destroy(c);
}

int main(void)
{
    RUN(test_line_1px_at_integer_y_fills_one_row);
    RUN(test_line_1px_at_half_y_splits_two_rows);
    RUN(test_line_2px_between_rows_fills_both);
    RUN(test_vertical_line_at_quarter_x_splits_columns);
    RUN(test_diagonal_area_is_length_times_width);
    RUN(test_thin_diagonal_area);
    RUN(test_wide_diagonal_area);
    RUN(test_navy_half_alpha_over_white);
    RUN(test_navy_half_alpha_twice);
    RUN(test_alpha_scales_partial_coverage);
    RUN(test_zigzag_translucent_polyline_single_layer);
    RUN(test_separate_strokes_darken);
    RUN(test_nan_breaks_polyline_into_one_shape);
    RUN(test_zero_length_round_is_dot);
    RUN(test_zero_length_square_is_axis_aligned_square);
    RUN(test_zero_length_butt_draws_nothing);
    RUN(test_repeated_points_add_no_cap_or_join);
    RUN(test_single_point_draws_nothing);
    RUN(test_butt_cap_ends_at_end_points);
    RUN(test_square_cap_extends_half_width);
    RUN(test_round_cap_adds_half_disk);
    RUN(test_bevel_join_area);
    RUN(test_miter_join_area);
    RUN(test_round_join_area);
    RUN(test_miter_limit_falls_back_to_bevel);
    RUN(test_joined_polyline_has_no_gap_or_double_layer);
    RUN(test_clip_edge_partial_coverage);
    RUN(test_clip_removed_with_null);
    RUN(test_shape_past_canvas_sides_stays_in_its_rows);
    RUN(test_far_coordinates_draw_visible_part);
    RUN(test_huge_coordinates_do_not_overflow);
    RUN(test_far_polygon_fills_visible_part);
    RUN(test_clip_off_canvas_draws_nothing);
    RUN(test_polygon_opposite_inner_winding_is_hole);
    RUN(test_polygon_same_inner_winding_is_filled);
    RUN(test_polygon_triangle_area);
    RUN(test_fill_rect_fractional_edges);
    RUN(test_circle_area);
    RUN(test_small_marker_circle_area);
    RUN(test_stroked_circle_ring_area);
    RUN(test_stroked_circle_wider_than_radius_is_disk);
    RUN(test_huge_circle_covers_canvas);
    RUN(test_circle_cut_by_canvas_corner);
    RUN(test_bad_arguments);
    RUN(test_canvas_side_limit);
    RUN(test_c05_overlapping_segments);
    CHECK_EXIT();
}
