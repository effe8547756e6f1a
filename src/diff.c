/* Pixel-by-pixel image comparison, for golden tests and tools. */
#include "pp_internal.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t magenta[4] = {255, 0, 255, 255};

/*
 * The largest absolute channel difference between two RGBA pixels. Two
 * fully transparent pixels show nothing, so they are alike whatever RGB
 * they hold: encoders and canvases leave different colours under alpha 0.
 */
static int channel_diff(const uint8_t *a, const uint8_t *b)
{
    int i, worst = 0;

    if (a[3] == 0 && b[3] == 0)
        return 0;
    for (i = 0; i < 4; i++) {
        int d = abs((int)a[i] - (int)b[i]);

        if (d > worst)
            worst = d;
    }
    return worst;
}

/* A pixel that only one image has (their sizes differ), or NULL. */
static const uint8_t *pixel_at(const pp_canvas_t *c, int x, int y)
{
    if (x >= c->width || y >= c->height)
        return NULL;
    return c->rgba + ((size_t)y * c->width + x) * 4;
}

static void note_difference(pp_diff_result_t *r, int x, int y,
                            const uint8_t *e, const uint8_t *a)
{
    static const uint8_t none[4] = {0, 0, 0, 0};

    if (r->differing_pixels++ > 0)
        return;
    r->first_x = x;
    r->first_y = y;
    memcpy(r->first_expected, e ? e : none, 4);
    memcpy(r->first_actual, a ? a : none, 4);
}

/*
 * The expected pixel faded three quarters of the way to white, so the
 * magenta marks stand out while the picture stays recognisable.
 */
static void faded(const uint8_t *e, uint8_t *out)
{
    int i;

    for (i = 0; i < 3; i++)
        out[i] = (uint8_t)(255 - (255 - e[i]) / 4);
    out[3] = 255;
}

/*
 * Compares the union of both images' areas: where only one image has
 * pixels (the sizes differ), every pixel counts as differing.
 */
pp_status pp_image_diff(const pp_canvas_t *expected, const pp_canvas_t *actual,
                        int tolerance, pp_diff_result_t *result,
                        pp_canvas_t **diff_image)
{
    pp_color_t white = {255, 255, 255, 1.0f};
    pp_canvas_t *diff = NULL;
    int width, height, x, y;

    if (diff_image != NULL)
        *diff_image = NULL;
    if (expected == NULL || actual == NULL || result == NULL ||
        tolerance < 0 || tolerance > 255)
        return PP_ERR_ARGUMENT;
    memset(result, 0, sizeof *result);
    result->first_x = result->first_y = -1;
    result->size_mismatch = expected->width != actual->width ||
                            expected->height != actual->height;
    width = expected->width > actual->width ? expected->width : actual->width;
    height = expected->height > actual->height ? expected->height
                                               : actual->height;
    if (diff_image != NULL &&
        pp_canvas_create(width, height, white, &diff) != PP_OK)
        return PP_ERR_NOMEM;

    for (y = 0; y < height; y++) {
        for (x = 0; x < width; x++) {
            const uint8_t *e = pixel_at(expected, x, y);
            const uint8_t *a = pixel_at(actual, x, y);
            uint8_t *d = diff ? diff->rgba + ((size_t)y * width + x) * 4
                              : NULL;
            int worst = e && a ? channel_diff(e, a) : 256;

            if (worst <= 255 && worst > result->max_channel_diff)
                result->max_channel_diff = worst;
            if (worst > tolerance)
                note_difference(result, x, y, e, a);
            if (d != NULL && worst > tolerance)
                memcpy(d, magenta, 4);
            else if (d != NULL)
                faded(e, d);
        }
    }
    if (diff_image != NULL)
        *diff_image = diff;
    return PP_OK;
}
