/* Tests of pp_image_diff on small hand-made canvases. */
#include "check.h"
#include "pp_internal.h"

static pp_canvas_t *filled(int width, int height, uint8_t r, uint8_t g,
                           uint8_t b)
{
    pp_color_t color;
    pp_canvas_t *c = NULL;

    color.r = r;
    color.g = g;
    color.b = b;
    color.a = 1.0f;
    pp_canvas_create(width, height, color, &c);
    return c;
}

static void set_pixel(pp_canvas_t *c, int x, int y, uint8_t r, uint8_t g,
                      uint8_t b, uint8_t a)
{
    uint8_t *p = c->rgba + ((size_t)y * c->width + x) * 4;

    p[0] = r;
    p[1] = g;
    p[2] = b;
    p[3] = a;
}

static void test_identical_images_have_no_difference(void)
{
    pp_canvas_t *a = filled(5, 4, 10, 20, 30), *b = filled(5, 4, 10, 20, 30);
    pp_diff_result_t r;

    CHECK_INT(pp_image_diff(a, b, 0, &r, NULL), PP_OK);
    CHECK_INT(r.size_mismatch, 0);
    CHECK_INT(r.differing_pixels, 0);
    CHECK_INT(r.max_channel_diff, 0);
    CHECK_INT(r.first_x, -1);
    CHECK_INT(r.first_y, -1);
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
}

static void test_counts_pixels_beyond_tolerance(void)
{
    pp_canvas_t *a = filled(5, 4, 100, 100, 100);
    pp_canvas_t *b = filled(5, 4, 100, 100, 100);
    pp_diff_result_t r;

    set_pixel(b, 1, 0, 102, 100, 100, 255);    /* within 2 */
    set_pixel(b, 3, 2, 100, 97, 100, 255);     /* 3 off in green */
    set_pixel(b, 0, 3, 100, 100, 100, 240);    /* 15 off in alpha */
    CHECK_INT(pp_image_diff(a, b, 2, &r, NULL), PP_OK);
    CHECK_INT(r.differing_pixels, 2);
    CHECK_INT(r.max_channel_diff, 15);
    CHECK_INT(pp_image_diff(a, b, 0, &r, NULL), PP_OK);
    CHECK_INT(r.differing_pixels, 3);
    CHECK_INT(pp_image_diff(a, b, 15, &r, NULL), PP_OK);
    CHECK_INT(r.differing_pixels, 0);
    CHECK_INT(r.max_channel_diff, 15);
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
}

static void test_reports_first_difference_in_row_order(void)
{
    pp_canvas_t *a = filled(6, 5, 0, 0, 255), *b = filled(6, 5, 0, 0, 255);
    pp_diff_result_t r;

    set_pixel(b, 4, 3, 255, 0, 0, 255);
    set_pixel(b, 5, 1, 0, 200, 255, 255);
    CHECK_INT(pp_image_diff(a, b, 0, &r, NULL), PP_OK);
    CHECK_INT(r.first_x, 5);
    CHECK_INT(r.first_y, 1);
    CHECK(memcmp(r.first_expected, "\x00\x00\xff\xff", 4) == 0);
    CHECK(memcmp(r.first_actual, "\x00\xc8\xff\xff", 4) == 0);
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
}

static void test_size_mismatch_is_flagged(void)
{
    pp_canvas_t *a = filled(4, 3, 9, 9, 9), *b = filled(5, 3, 9, 9, 9);
    pp_diff_result_t r;

    CHECK_INT(pp_image_diff(a, b, 0, &r, NULL), PP_OK);
    CHECK_INT(r.size_mismatch, 1);
    /* The extra column of the wider image: 3 pixels, first at (4, 0). */
    CHECK_INT(r.differing_pixels, 3);
    CHECK_INT(r.first_x, 4);
    CHECK_INT(r.first_y, 0);
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
}

static void test_diff_image_marks_magenta_on_faded_expected(void)
{
    pp_canvas_t *a = filled(3, 2, 0, 100, 255), *b = filled(3, 2, 0, 100, 255);
    pp_canvas_t *d = NULL;
    pp_diff_result_t r;
    uint8_t px[4];

    set_pixel(b, 2, 1, 0, 0, 0, 255);
    CHECK_INT(pp_image_diff(a, b, 0, &r, &d), PP_OK);
    CHECK(d != NULL);
    if (d == NULL)
        goto done;
    CHECK_INT(pp_canvas_width(d), 3);
    pp_canvas_get_pixel(d, 2, 1, px);
    CHECK(px[0] == 255 && px[1] == 0 && px[2] == 255 && px[3] == 255);
    /* Faded three quarters of the way to white: 255 - (255 - c) / 4. */
    pp_canvas_get_pixel(d, 0, 0, px);
    CHECK_INT(px[0], 192);
    CHECK_INT(px[1], 217);
    CHECK_INT(px[2], 255);
done:
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
    pp_canvas_destroy(d);
}

/* A canvas of width x height pixels all of one RGBA value. */
static pp_canvas_t *filled_rgba(int width, int height, uint8_t r, uint8_t g,
                                uint8_t b, uint8_t a)
{
    pp_canvas_t *c = filled(width, height, r, g, b);
    int x, y;

    for (y = 0; y < height; y++)
        for (x = 0; x < width; x++)
            set_pixel(c, x, y, r, g, b, a);
    return c;
}

/* Pixels that show nothing cannot differ: two 4x3 images, all
   rgba(255,255,255,0) and all rgba(0,0,0,0), once counted 12. */
static void test_invisible_pixels_are_alike_whatever_their_rgb(void)
{
    pp_canvas_t *white = filled_rgba(4, 3, 255, 255, 255, 0);
    pp_canvas_t *black = filled_rgba(4, 3, 0, 0, 0, 0);
    pp_canvas_t *d = NULL;
    pp_diff_result_t r;
    uint8_t px[4];

    CHECK_INT(pp_image_diff(white, black, 0, &r, &d), PP_OK);
    CHECK_INT(r.differing_pixels, 0);
    CHECK_INT(r.max_channel_diff, 0);
    CHECK_INT(r.first_x, -1);
    CHECK_INT(r.first_y, -1);
    /* Not marked in the diff image either. */
    if (d != NULL) {
        pp_canvas_get_pixel(d, 3, 2, px);
        CHECK(!(px[0] == 255 && px[1] == 0 && px[2] == 255));
    }
    pp_canvas_destroy(d);

    /* Alpha 0 against alpha 1 is no longer invisible on both sides: every
       channel counts, the RGB hidden under alpha 0 too. */
    set_pixel(black, 2, 1, 0, 0, 0, 1);
    CHECK_INT(pp_image_diff(white, black, 0, &r, NULL), PP_OK);
    CHECK_INT(r.differing_pixels, 1);
    CHECK_INT(r.max_channel_diff, 255);
    CHECK_INT(r.first_x, 2);
    CHECK_INT(r.first_y, 1);
    CHECK(memcmp(r.first_expected, "\xff\xff\xff\x00", 4) == 0);
    CHECK(memcmp(r.first_actual, "\x00\x00\x00\x01", 4) == 0);

    /* A transparent pixel against an opaque one of the same RGB differs
       by its alpha. */
    set_pixel(black, 0, 0, 255, 255, 255, 255);
    CHECK_INT(pp_image_diff(white, black, 0, &r, NULL), PP_OK);
    CHECK_INT(r.differing_pixels, 2);
    CHECK_INT(r.first_x, 0);
    CHECK_INT(r.first_y, 0);
    pp_canvas_destroy(white);
    pp_canvas_destroy(black);
}

static void test_bad_arguments_are_rejected(void)
{
    pp_canvas_t *a = filled(2, 2, 0, 0, 0);
    pp_diff_result_t r;

    CHECK_INT(pp_image_diff(a, NULL, 0, &r, NULL), PP_ERR_ARGUMENT);
    CHECK_INT(pp_image_diff(a, a, 256, &r, NULL), PP_ERR_ARGUMENT);
    CHECK_INT(pp_image_diff(a, a, -1, &r, NULL), PP_ERR_ARGUMENT);
    pp_canvas_destroy(a);
}

int main(void)
{
    RUN(test_identical_images_have_no_difference);
    RUN(test_counts_pixels_beyond_tolerance);
    RUN(test_reports_first_difference_in_row_order);
    RUN(test_size_mismatch_is_flagged);
    RUN(test_diff_image_marks_magenta_on_faded_expected);
    RUN(test_invisible_pixels_are_alike_whatever_their_rgb);
    RUN(test_bad_arguments_are_rejected);
    CHECK_EXIT();
}
