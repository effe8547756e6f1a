/* The canvas: pixel storage, clipping and compositing of one pixel. */
#include "pp_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

pp_status pp_canvas_create(int width, int height, pp_color_t background,
                           pp_canvas_t **out)
{
    pp_canvas_t *canvas;
    uint8_t pixel[4];
    size_t i, count;

    *out = NULL;
    if (width < 1 || height < 1 || width > PP_MAX_CANVAS_SIDE ||
        height > PP_MAX_CANVAS_SIDE)
        return PP_ERR_LIMIT;

    canvas = calloc(1, sizeof *canvas);
    if (canvas == NULL)
        return PP_ERR_NOMEM;
    count = (size_t)width * (size_t)height;
    canvas->rgba = pp__big_alloc(count * 4);
    if (canvas->rgba == NULL) {
        free(canvas);
        return PP_ERR_NOMEM;
    }
    canvas->width = width;
    canvas->height = height;
    canvas->nbands = 1;
    canvas->band = 0;

    pixel[0] = background.r;
    pixel[1] = background.g;
    pixel[2] = background.b;
    pixel[3] = (uint8_t)lround(fmin(fmax(background.a, 0.0), 1.0) * 255.0);
    /* One row pixel by pixel, then whole rows. */
    for (i = 0; i < (size_t)width; i++)
        memcpy(canvas->rgba + i * 4, pixel, 4);
    for (i = 1; i < (size_t)height; i++)
        memcpy(canvas->rgba + i * (size_t)width * 4, canvas->rgba,
               (size_t)width * 4);
    *out = canvas;
    return PP_OK;
}

void pp_canvas_destroy(pp_canvas_t *canvas)
{
    if (canvas == NULL)
        return;
    pp__raster_destroy(canvas->raster);
    pp__big_free(canvas->rgba,
                 (size_t)canvas->width * (size_t)canvas->height * 4);
    free(canvas);
}

int pp_canvas_width(const pp_canvas_t *canvas)
{
    return canvas->width;
}

int pp_canvas_height(const pp_canvas_t *canvas)
{
    return canvas->height;
}

const uint8_t *pp_canvas_pixels(const pp_canvas_t *canvas)
{
    return canvas->rgba;
}

void pp_canvas_get_pixel(const pp_canvas_t *canvas, int x, int y,
                         uint8_t rgba[4])
{
    if (x < 0 || y < 0 || x >= canvas->width || y >= canvas->height) {
        memset(rgba, 0, 4);
        return;
    }
    memcpy(rgba, canvas->rgba + ((size_t)y * canvas->width + x) * 4, 4);
}

void pp_canvas_set_clip(pp_canvas_t *canvas, const pp_rect_t *clip)
{
    canvas->has_clip = clip != NULL;
    if (clip != NULL)
        canvas->clip = *clip;
}

static uint8_t to_byte(double v)
{
    if (v <= 0.0)
        return 0;
    if (v >= 255.0)
        return 255;
    return (uint8_t)(v + 0.5);
}

/* Source-over of a colour with alpha a (0..1) onto one RGBA pixel. */
static void blend_into(uint8_t *p, pp_color_t color, double a)
{
    double dst_a, out_a;

    if (a <= 0.0)
        return;
    if (p[3] == 255) {
        /* The common case: an opaque destination stays opaque. */
        p[0] = to_byte(p[0] + (color.r - p[0]) * a);
        p[1] = to_byte(p[1] + (color.g - p[1]) * a);
        p[2] = to_byte(p[2] + (color.b - p[2]) * a);
        return;
    }
    dst_a = p[3] / 255.0;
    out_a = a + dst_a * (1.0 - a);
    if (out_a <= 0.0)
        return;
    p[0] = to_byte((color.r * a + p[0] * dst_a * (1.0 - a)) / out_a);
    p[1] = to_byte((color.g * a + p[1] * dst_a * (1.0 - a)) / out_a);
    p[2] = to_byte((color.b * a + p[2] * dst_a * (1.0 - a)) / out_a);
    p[3] = to_byte(out_a * 255.0);
}

void pp__canvas_blend_pixel(pp_canvas_t *canvas, int x, int y,
                            pp_color_t color, double coverage)
{
    blend_into(canvas->rgba + ((size_t)y * canvas->width + x) * 4, color,
               color.a * coverage);
}

/*
 * blend_into's opaque case, without its test of a: with 0 <= a <= 1 the
 * value stays between the two bytes, so to_byte's clamps never act, the
 * rounding is the same, and a = 0 leaves the pixel as it was.
 */
static void blend_opaque(uint8_t *p, double r, double g, double b, double a)
{
    p[0] = (uint8_t)(p[0] + (r - p[0]) * a + 0.5);
    p[1] = (uint8_t)(p[1] + (g - p[1]) * a + 0.5);
    p[2] = (uint8_t)(p[2] + (b - p[2]) * a + 0.5);
}

void pp__canvas_blend_span(pp_canvas_t *canvas, int x, int y, int n,
                           pp_color_t color, const double *coverage)
{
    uint8_t *p = canvas->rgba + ((size_t)y * canvas->width + x) * 4;
    double r = color.r, g = color.g, b = color.b, alpha = color.a;
    int i;

    for (i = 0; i < n; i++, p += 4) {
        double a = alpha * coverage[i];

        if (p[3] != 255)
            blend_into(p, color, a);
        else if (a > 0.0)
            blend_opaque(p, r, g, b, a);
    }
}

void pp__canvas_fill_span(pp_canvas_t *canvas, int x, int y, int n,
                          pp_color_t color)
{
    uint8_t *p = canvas->rgba + ((size_t)y * canvas->width + x) * 4;
    double r = color.r, g = color.g, b = color.b, a = color.a;
    const uint8_t solid[4] = {color.r, color.g, color.b, 255};
    int i;

    if (a >= 1.0) {
        /* An opaque colour replaces an opaque pixel (what blend_opaque
           gives for a = 1, exactly): four bytes at a time. Frames and
           backgrounds are most of the pixels filled. */
        for (i = 0; i < n; i++, p += 4) {
            if (p[3] == 255)
                memcpy(p, solid, 4);
            else
                blend_into(p, color, a);
        }
        return;
    }
    for (i = 0; i < n; i++, p += 4) {
        if (p[3] != 255)
            blend_into(p, color, a);
        else if (a > 0.0)
            blend_opaque(p, r, g, b, a);
    }
}

/* The pixel rows and columns a clip rectangle lets through, at least in part. */
static void clip_pixel_bounds(const pp_canvas_t *canvas, int *x0, int *y0,
                              int *x1, int *y1)
{
    *x0 = 0;
    *y0 = 0;
    *x1 = canvas->width;
    *y1 = canvas->height;
    if (!canvas->has_clip)
        return;
    /* Screen coordinate c is the centre of pixel c: edges sit at c +- 0.5. */
    *x0 = (int)fmax(*x0, floor(canvas->clip.x + 0.5));
    *y0 = (int)fmax(*y0, floor(canvas->clip.y + 0.5));
    *x1 = (int)fmin(*x1, ceil(canvas->clip.x + canvas->clip.width + 0.5));
    *y1 = (int)fmin(*y1, ceil(canvas->clip.y + canvas->clip.height + 0.5));
}

/* How much of pixel column (or row) i a clip interval [lo, hi] covers. */
static double clip_fraction(int i, double lo, double hi)
{
    double left = fmax(i - 0.5, lo), right = fmin(i + 0.5, hi);

    return right > left ? right - left : 0.0;
}

/* Source-over of one channel of an opaque pixel, as in blend_pixel. */
static uint8_t mix_channel(uint8_t from, uint8_t to, double a)
{
    return (uint8_t)(from + (to - from) * a + 0.5);
}

/*
 * Glyph masks are blended many times a figure, so opaque pixels inside the
 * clip take a short path (with the same arithmetic, so the same result);
 * clip edges and translucent pixels go through pp__canvas_blend_pixel.
 */
void pp__canvas_blend_mask(pp_canvas_t *canvas, int x, int y,
                           const uint8_t *mask, int mask_width,
                           int mask_height, int mask_stride,
                           pp_color_t color)
{
    int cx0, cy0, cx1, cy1, row, col, col0, col1;

    clip_pixel_bounds(canvas, &cx0, &cy0, &cx1, &cy1);
    col0 = cx0 - x > 0 ? cx0 - x : 0;
    col1 = cx1 - x < mask_width ? cx1 - x : mask_width;
    if (!(color.a > 0.0f))
        return;
    for (row = 0; row < mask_height; row++) {
        int py = y + row;
        double fy = 1.0;

        if (py < cy0 || py >= cy1 || !pp__canvas_owns_row(canvas, py))
            continue;
        if (canvas->has_clip)
            fy = clip_fraction(py, canvas->clip.y,
                               canvas->clip.y + canvas->clip.height);
        for (col = col0; col < col1; col++) {
            int px = x + col;
            uint8_t m = mask[(size_t)row * mask_stride + col];
            uint8_t *p = canvas->rgba + ((size_t)py * canvas->width + px) * 4;
            double f = fy;

            if (m == 0)
                continue;
            if (canvas->has_clip)
                f *= clip_fraction(px, canvas->clip.x,
                                   canvas->clip.x + canvas->clip.width);
            if (f == 1.0 && p[3] == 255 && color.a <= 1.0f) {
                double a = color.a * (f * m / 255.0);

                p[0] = mix_channel(p[0], color.r, a);
                p[1] = mix_channel(p[1], color.g, a);
                p[2] = mix_channel(p[2], color.b, a);
            } else {
                pp__canvas_blend_pixel(canvas, px, py, color, f * m / 255.0);
            }
        }
    }
}
