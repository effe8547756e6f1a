/*
 * The exact-area scan converter shared by raster.c, stroke.c and fill.c.
 *
 * A shape is drawn in three steps:
 *
 *   1. pp__raster_begin() readies the canvas's accumulation buffer and
 *      takes the canvas's clip rectangle;
 *   2. edges and convex pieces are added, in screen coordinates (the point
 *      (i, j) is the centre of pixel i, j), in any order: each adds its
 *      signed area to the cells it crosses;
 *   3. pp__raster_paint() sweeps each touched row once, turns the running
 *      sum into a coverage min(1, |winding area|) (the non-zero rule),
 *      composites the colour with it and clears what it read.
 *
 * Everything added between begin and paint is one shape: where its parts
 * overlap the coverage saturates at 1 instead of adding up, so a stroke
 * built from overlapping convex pieces is painted once.
 */
#ifndef PP_RASTER_H
#define PP_RASTER_H

#include "pp_internal.h"

#include <math.h>

/*
 * How far (in pixels) a flattened arc may stray from the true circle
 * before its area correction; the correction then halves it.
 */
#define PP__FLATTEN_TOLERANCE 0.02

/* math.h gives M_PI only outside strict C99. */
#define PP__PI 3.14159265358979323846

/*
 * a + t (b - a), safe for any finite a and b: where b - a would overflow
 * (coordinates near 1e308) it falls back to the convex combination.
 */
static inline double pp__lerp(double a, double b, double t)
{
    double d = b - a;

    if (isfinite(d))
        return a + t * d;
    return (1.0 - t) * a + t * b;
}

/* The t at which pp__lerp(a, b, t) reaches v; a != b, overflow-safe. */
static inline double pp__param(double a, double b, double v)
{
    double d = b - a;

    if (isfinite(d))
        return (v - a) / d;
    return (0.5 * v - 0.5 * a) / (0.5 * b - 0.5 * a);
}

/*
 * Readies the canvas's scan converter for a new shape and returns it.
 * PP_ERR_NOMEM when its buffer cannot be allocated.
 */
pp_status pp__raster_begin(pp_canvas_t *canvas, pp__raster **out);

/*
 * The visible area in screen coordinates: the clip rectangle cut to the
 * canvas. Empty (x0 >= x1 or y0 >= y1) when nothing can be drawn.
 */
void pp__raster_visible(const pp__raster *raster, double *x0, double *y0,
                        double *x1, double *y1);

/* Adds one directed edge. Any finite coordinates, however far away. */
void pp__raster_add_edge(pp__raster *raster, double x0, double y0,
                         double x1, double y1);

/*
 * Adds a convex polygon of n points (x0, y0, x1, y1, ...), closed
 * implicitly. Its orientation is normalized, so overlapping pieces add up
 * (and saturate) instead of cancelling. Degenerate pieces add nothing.
 */
void pp__raster_add_convex(pp__raster *raster, const double *xy, int n);

/*
 * Adds a circle of the given radius, flattened finely and with a radius
 * corrected so that its area is exactly pi r^2. reverse gives it the
 * opposite winding, which cuts a hole in a shape of normal winding.
 */
void pp__raster_add_circle(pp__raster *raster, double cx, double cy,
                           double radius, bool reverse);

/*
 * Adds a circular sector (a pie slice) of centre (cx, cy) starting at
 * cx + sx, cy + sy and turning by sweep radians (0 < sweep <= pi) towards
 * the positive cross product. Its area is exactly sweep r^2 / 2 and its
 * two end points lie exactly on the circle, so it meets a neighbouring
 * piece without a seam.
 */
void pp__raster_add_sector(pp__raster *raster, double cx, double cy,
                           double sx, double sy, double sweep);

/*
 * Composites the shape added since begin with a colour (its alpha times
 * the coverage) and clears the buffer for the next shape.
 */
/* True when a colour's alpha is a number (NaN is a bad argument). */
static inline bool pp__color_is_valid(pp_color_t color)
{
    return !isnan(color.a);
}

void pp__raster_paint(pp__raster *raster, pp_canvas_t *canvas,
                      pp_color_t color);

#endif
