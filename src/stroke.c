/*
 * Strokes: polylines and circle outlines.
 *
 * A polyline's stroke is the union of convex pieces: one rectangle per
 * segment, one wedge per join on the outer side of the turn, one piece per
 * cap. They all go into the same accumulation before one paint, so where
 * they overlap (the inner side of a turn, a line crossing itself, pieces
 * separated by NaN) the coverage saturates and a translucent line is never
 * blended over itself, as a browser canvas does for lines wider than 1 px.
 *
 * TODO: Chromium draws strokes of width <= 1 px differently, as Skia
 * hairlines: each column (or row, for steep lines) gets coverage equal to
 * the width, split between the two pixels nearest the line, and each
 * segment is blended on its own, so overlaps darken. Exact area gives
 * diagonal thin lines up to sqrt(2) times that ink (a 1 px circle outline
 * of radius 10: 62.8 against Chromium's 53.3), and never darkens overlaps.
 */
#include "raster.h"

#include <math.h>

/* Half widths beyond this are treated as this (XXX: only far outside the
   canvas could the difference show). */
#define MAX_HALF_WIDTH 1e100

/* Segments shorter than this (in pixels) have no usable direction. */
#define MIN_SEGMENT_LENGTH 1e-9

typedef struct stroker {
    pp__raster *raster;
    double hw;                  /* half the line width */
    pp_line_cap cap;
    pp_line_join join;
    double miter_limit;
    /* The visible area grown by the stroke's reach: a piece around a point
       outside it cannot reach a visible pixel. */
    double x0, y0, x1, y1;
} stroker;

static pp_status check_style(const pp_stroke_style_t *style)
{
    if (style == NULL || !isfinite(style->width) || style->width <= 0.0 ||
        !pp__color_is_valid(style->color))
        return PP_ERR_ARGUMENT;
    if (style->cap != PP_CAP_BUTT && style->cap != PP_CAP_ROUND &&
        style->cap != PP_CAP_SQUARE)
        return PP_ERR_ARGUMENT;
    if (style->join != PP_JOIN_MITER && style->join != PP_JOIN_ROUND &&
        style->join != PP_JOIN_BEVEL)
        return PP_ERR_ARGUMENT;
    return PP_OK;
}

static void stroker_init(stroker *s, pp__raster *raster,
                         const pp_stroke_style_t *style)
{
    double reach;

    s->raster = raster;
    s->hw = fmin(0.5 * style->width, MAX_HALF_WIDTH);
    s->cap = style->cap;
    s->join = style->join;

    /* As a canvas: 0 (or a value a canvas would ignore) means 10. */
    s->miter_limit = style->miter_limit;
    if (!(s->miter_limit > 0.0) || !isfinite(s->miter_limit))
        s->miter_limit = 10.0;

    /* A miter tip lies at most hw * limit from its vertex, a square cap's
       corner hw * sqrt(2) from its end; one more pixel for the edge. */
    reach = s->hw * fmax(s->miter_limit, 1.5) + 1.0;
    reach = fmin(reach, 1e300);
    pp__raster_visible(raster, &s->x0, &s->y0, &s->x1, &s->y1);
    s->x0 -= reach;
    s->y0 -= reach;
    s->x1 += reach;
    s->y1 += reach;
}

static bool near_visible(const stroker *s, double x, double y)
{
    return x >= s->x0 && x <= s->x1 && y >= s->y0 && y <= s->y1;
}

/*
 * The unit vector from (x0, y0) to (x1, y1). Halving first keeps the
 * difference finite for any finite coordinates. False when too short.
 */
static bool unit_direction(double x0, double y0, double x1, double y1,
                           double *ux, double *uy)
{
    double dx = 0.5 * x1 - 0.5 * x0, dy = 0.5 * y1 - 0.5 * y0;
    double len = hypot(dx, dy);

    if (!(2.0 * len >= MIN_SEGMENT_LENGTH))
        return false;
    *ux = dx / len;
    *uy = dy / len;
    return true;
}

/* Moves p along p-q onto the line where coordinate k (0: x, 1: y) is v. */
static void cut_at(double p[2], const double q[2], int k, double v)
{
    double t = pp__param(p[k], q[k], v);

    p[1 - k] = pp__lerp(p[1 - k], q[1 - k], t);
    p[k] = v;
}

/*
 * Keeps the part of a-b where coordinate k is >= v (upper false) or <= v
 * (upper true). False when nothing is left.
 */
static bool clip_side(double a[2], double b[2], int k, double v, bool upper)
{
    bool a_out = upper ? a[k] > v : a[k] < v;
    bool b_out = upper ? b[k] > v : b[k] < v;

    if (a_out && b_out)
        return false;
    if (a_out)
        cut_at(a, b, k, v);
    else if (b_out)
        cut_at(b, a, k, v);
    return true;
}

/*
 * Cuts the segment a-b to the grown visible area, one side at a time. The
 * cut coordinate is set exactly and the other interpolated, so a segment
 * from 1e300 px away still lands precisely: a parameter along it could not
 * resolve a canvas-sized part.
 */
static bool clip_segment(const stroker *s, double a[2], double b[2])
{
    return clip_side(a, b, 0, s->x0, false) &&
           clip_side(a, b, 0, s->x1, true) &&
           clip_side(a, b, 1, s->y0, false) &&
           clip_side(a, b, 1, s->y1, true);
}

/* The rectangle of one segment, of direction (ux, uy). */
static void add_segment(stroker *s, double x0, double y0, double x1,
                        double y1, double ux, double uy)
{
    double a[2], b[2], nx = -uy * s->hw, ny = ux * s->hw, quad[8];

    a[0] = x0;
    a[1] = y0;
    b[0] = x1;
    b[1] = y1;
    if (!clip_segment(s, a, b))
        return;
    quad[0] = a[0] + nx;
    quad[1] = a[1] + ny;
    quad[2] = b[0] + nx;
    quad[3] = b[1] + ny;
    quad[4] = b[0] - nx;
    quad[5] = b[1] - ny;
    quad[6] = a[0] - nx;
    quad[7] = a[1] - ny;
    pp__raster_add_convex(s->raster, quad, 4);
}

/* The half disk beyond an end point, (ux, uy) pointing outwards. */
static void add_round_end(stroker *s, double x, double y, double ux,
                          double uy)
{
    /* Starting on the side from which a positive turn passes through u. */
    pp__raster_add_sector(s->raster, x, y, uy * s->hw, -ux * s->hw, PP__PI);
}

/* The cap at an end of a subpath, (ux, uy) pointing outwards. */
static void add_cap(stroker *s, double x, double y, double ux, double uy)
{
    double nx = -uy * s->hw, ny = ux * s->hw, ex = ux * s->hw;
    double ey = uy * s->hw, box[8];

    if (s->cap == PP_CAP_BUTT || !near_visible(s, x, y))
        return;
    if (s->cap == PP_CAP_ROUND) {
        add_round_end(s, x, y, ux, uy);
        return;
    }
    box[0] = x + nx;
    box[1] = y + ny;
    box[2] = x + nx + ex;
    box[3] = y + ny + ey;
    box[4] = x - nx + ex;
    box[5] = y - ny + ey;
    box[6] = x - nx;
    box[7] = y - ny;
    pp__raster_add_convex(s->raster, box, 4);
}

/*
 * A subpath whose points all coincide: a dot of the line's width for round
 * caps, an axis-aligned square for square caps, nothing for butt caps, as
 * SVG specifies. (The HTML canvas spec and Chromium 156 draw nothing here;
 * pngplot keeps the SVG rule so a one-minute burst stays visible.)
 */
static void add_dot(stroker *s, double x, double y)
{
    double h = s->hw, box[8];

    if (s->cap == PP_CAP_BUTT || !near_visible(s, x, y))
        return;
    if (s->cap == PP_CAP_ROUND) {
        pp__raster_add_circle(s->raster, x, y, h, false);
        return;
    }
    box[0] = x - h;
    box[1] = y - h;
    box[2] = x + h;
    box[3] = y - h;
    box[4] = x + h;
    box[5] = y + h;
    box[6] = x - h;
    box[7] = y + h;
    pp__raster_add_convex(s->raster, box, 4);
}

/*
 * The join at (x, y) between a segment of direction u and the next one of
 * direction v, filling the notch on the outer side of the turn.
 */
static void add_join(stroker *s, double x, double y, double ux, double uy,
                     double vx, double vy)
{
    double cross = ux * vy - uy * vx, dot = ux * vx + uy * vy;
    double side, ax, ay, bx, by, piece[8];

    if (!near_visible(s, x, y) || (cross == 0.0 && dot > 0.0))
        return;
    if (cross == 0.0) {
        /* The line turns straight back: only a round join shows. */
        if (s->join == PP_JOIN_ROUND)
            add_round_end(s, x, y, ux, uy);
        return;
    }

    /* The outer corners, on the side away from the turn. */
    side = cross > 0.0 ? -s->hw : s->hw;
    ax = x - side * uy;
    ay = y + side * ux;
    bx = x - side * vy;
    by = y + side * vx;

    if (s->join == PP_JOIN_ROUND) {
        double sweep = atan2(fabs(cross), dot);

        if (cross > 0.0)
            pp__raster_add_sector(s->raster, x, y, ax - x, ay - y, sweep);
        else
            pp__raster_add_sector(s->raster, x, y, bx - x, by - y, sweep);
        return;
    }

    piece[0] = x;
    piece[1] = y;
    piece[2] = ax;
    piece[3] = ay;
    /* The miter tip is hw / cos(turn / 2) away; the canvas limit compares
       that ratio, 1 / cos(turn / 2), with miter_limit. */
    if (s->join == PP_JOIN_MITER &&
        s->miter_limit * sqrt(0.5 * (1.0 + dot)) >= 1.0) {
        double k = side / (1.0 + dot);

        piece[4] = x - k * (uy + vy);
        piece[5] = y + k * (ux + vx);
        piece[6] = bx;
        piece[7] = by;
        pp__raster_add_convex(s->raster, piece, 4);
        return;
    }
    piece[4] = bx;
    piece[5] = by;
    pp__raster_add_convex(s->raster, piece, 3);
}

/* Strokes one run of finite points (x0, y0, x1, y1, ...), n >= 1. */
static void stroke_run(stroker *s, const double *xy, size_t n)
{
    double lx = xy[0], ly = xy[1], ux = 0.0, uy = 0.0;
    bool have_segment = false;
    size_t i;

    for (i = 1; i < n; i++) {
        double x = xy[2 * i], y = xy[2 * i + 1], vx, vy;

        /* A repeated point adds no segment, and no join. */
        if (!unit_direction(lx, ly, x, y, &vx, &vy))
            continue;
        if (have_segment)
            add_join(s, lx, ly, ux, uy, vx, vy);
        else
            add_cap(s, lx, ly, -vx, -vy);
        add_segment(s, lx, ly, x, y, vx, vy);
        lx = x;
        ly = y;
        ux = vx;
        uy = vy;
        have_segment = true;
    }
    if (have_segment)
        add_cap(s, lx, ly, ux, uy);
    else if (n >= 2)
        add_dot(s, lx, ly);
}

static bool point_is_finite(const double *p)
{
    return isfinite(p[0]) && isfinite(p[1]);
}

pp_status pp_canvas_stroke_polyline(pp_canvas_t *canvas, const double *xy,
                                    size_t npoints,
                                    const pp_stroke_style_t *style)
{
    pp__raster *raster;
    stroker s;
    pp_status status;
    size_t start = 0;

    if (canvas == NULL || xy == NULL || npoints == 0)
        return PP_ERR_ARGUMENT;
    status = check_style(style);
    if (status != PP_OK)
        return status;
    status = pp__raster_begin(canvas, &raster);
    if (status != PP_OK)
        return status;
    stroker_init(&s, raster, style);

    /* Points that are not finite split the line into runs; all the runs
       still make one shape. */
    while (start < npoints) {
        size_t end;

        if (!point_is_finite(xy + 2 * start)) {
            start++;
            continue;
        }
        end = start + 1;
        while (end < npoints && point_is_finite(xy + 2 * end))
            end++;
        stroke_run(&s, xy + 2 * start, end - start);
        start = end;
    }

    pp__raster_paint(raster, canvas, style->color);
    return PP_OK;
}

pp_status pp_canvas_stroke_circle(pp_canvas_t *canvas, double cx, double cy,
                                  double radius,
                                  const pp_stroke_style_t *style)
{
    pp__raster *raster;
    pp_status status;
    double hw;

    if (canvas == NULL || !isfinite(cx) || !isfinite(cy) ||
        !isfinite(radius) || radius < 0.0)
        return PP_ERR_ARGUMENT;
    status = check_style(style);
    if (status != PP_OK)
        return status;
    status = pp__raster_begin(canvas, &raster);
    if (status != PP_OK)
        return status;

    /* The ring between radius +- hw: the outer disk, with the inner one cut
       out by opposite winding. A closed outline has no caps. */
    hw = fmin(0.5 * style->width, MAX_HALF_WIDTH);
    if (radius > 0.0) {
        pp__raster_add_circle(raster, cx, cy, radius + hw, false);
        if (radius > hw)
            pp__raster_add_circle(raster, cx, cy, radius - hw, true);
    }
    pp__raster_paint(raster, canvas, style->color);
    return PP_OK;
}
