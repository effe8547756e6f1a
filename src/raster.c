/*
 * The exact-area scan converter.
 *
 * Cells are pixels in "cell coordinates" (screen + 0.5), where pixel i
 * spans [i, i + 1]. Each edge adds to the cells of every row it crosses
 * an amount chosen so that the running sum along the row, from the left,
 * is the signed area of each pixel that lies to the right of the edge.
 * Summed over all edges of a closed shape, that running sum is the
 * pixel's winding-weighted area, exactly, with no sampling.
 *
 * For an edge piece inside one row that falls by d (signed: + going down)
 * while x moves linearly from lo to hi, the area to the right of it inside
 * pixel c is d * (R(c + 1) - R(c)), where R(u) is the mean of
 * max(0, u - x) over the piece:
 *
 *     R(u) = 0                     for u <= lo
 *            (u - lo)^2 / 2(hi-lo) for lo < u < hi
 *            u - (lo + hi) / 2     for u >= hi
 *
 * The cell itself stores the difference between neighbours, which is the
 * second difference d * (R(c+1) - 2 R(c) + R(c-1)), non-zero only from
 * floor(lo) to floor(hi) + 1.
 */
#include "raster.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Coverage this close to 0 or 1 is taken as 0 or 1 (rounding noise). */
#define COVERAGE_EPSILON 1e-9

/* Edge pieces flatter than this (in pixels) add nothing visible. */
#define MIN_EDGE_HEIGHT 1e-12

struct pp__raster {
    int width, height;
    size_t stride;          /* cells a row: width + 2, for the carry cell */
    double *cells;          /* differences of the running sums */
    int *span_lo, *span_hi; /* per row, the cells touched; lo > hi: none */
    int row_lo, row_hi;     /* the rows touched; lo > hi: none */
    int nbands, band;       /* the canvas's rows (pp__canvas_owns_row):
                               other rows are skipped, and cells and spans
                               hold only this band's rows */
    int nrows;              /* rows held */
    double left, top, right, bottom;   /* visible area, cell coordinates */
};

static bool owns_row(const pp__raster *raster, int row)
{
    return raster->nbands <= 1 || (row & 1) == raster->band;
}

/* Where a row this band owns is held in cells and spans. */
static int local_row(const pp__raster *raster, int row)
{
    return raster->nbands <= 1 ? row : row >> 1;
}

/*
 * Whether any row this band owns meets [top, bottom] (cell coordinates):
 * a piece that meets none changes nothing here and can be skipped.
 */
static bool owns_any_row(const pp__raster *raster, double top, double bottom)
{
    double first;

    if (raster->nbands <= 1)
        return true;
    /* Two rows or more hold one of each parity. */
    first = floor(top);
    if (!(first > -1e9 && first < 1e9) || bottom > first + 1.0)
        return true;
    return owns_row(raster, (int)first);
}

static void reset_spans(pp__raster *raster)
{
    int row;

    for (row = 0; row < raster->nrows; row++) {
        raster->span_lo[row] = INT_MAX;
        raster->span_hi[row] = -1;
    }
    raster->row_lo = INT_MAX;
    raster->row_hi = -1;
}

void pp__raster_destroy(pp__raster *raster)
{
    if (raster == NULL)
        return;
    pp__big_free(raster->cells,
                 raster->stride * (size_t)raster->nrows * sizeof(double));
    free(raster->span_lo);
    free(raster->span_hi);
    free(raster);
}

static pp__raster *raster_create(int width, int height, int nbands,
                                  int band)
{
    size_t nrows = nbands <= 1 ? (size_t)height : (size_t)(height + 1) / 2;
    pp__raster *raster = calloc(1, sizeof *raster);

    if (raster == NULL)
        return NULL;
    raster->width = width;
    raster->height = height;
    raster->nbands = nbands;
    raster->band = band;
    raster->nrows = (int)nrows;
    raster->stride = (size_t)width + 2;

    /* Zeroed: the buffer must start at zero, and stays so between shapes.
       All-zero bits are 0.0 in IEEE 754. */
    raster->cells = pp__big_alloc(raster->stride * nrows * sizeof(double));
    raster->span_lo = malloc((nrows + 1) * sizeof(int));
    raster->span_hi = malloc((nrows + 1) * sizeof(int));
    if (raster->cells == NULL || raster->span_lo == NULL ||
        raster->span_hi == NULL) {
        pp__raster_destroy(raster);
        return NULL;
    }
    reset_spans(raster);
    return raster;
}

/* Zeroes whatever a shape left behind without being painted. */
static void discard(pp__raster *raster)
{
    int row, c;

    for (row = raster->row_lo; row <= raster->row_hi; row++) {
        int i = local_row(raster, row);
        double *cell;

        if (!owns_row(raster, row))
            continue;
        cell = raster->cells + (size_t)i * raster->stride;
        for (c = raster->span_lo[i]; c <= raster->span_hi[i]; c++)
            cell[c] = 0.0;
        raster->span_lo[i] = INT_MAX;
        raster->span_hi[i] = -1;
    }
    raster->row_lo = INT_MAX;
    raster->row_hi = -1;
}

/* The clip rectangle cut to the canvas, in cell coordinates. */
static void set_visible(pp__raster *raster, const pp_canvas_t *canvas)
{
    double x0, y0, x1, y1;

    raster->left = 0.0;
    raster->top = 0.0;
    raster->right = raster->width;
    raster->bottom = raster->height;
    if (!canvas->has_clip)
        return;

    /* A side at screen c is the cell edge c + 0.5. */
    x0 = canvas->clip.x + 0.5;
    y0 = canvas->clip.y + 0.5;
    x1 = canvas->clip.x + canvas->clip.width + 0.5;
    y1 = canvas->clip.y + canvas->clip.height + 0.5;
    if (!(x0 < x1 && y0 < y1)) {
        /* Empty, negative or NaN: nothing is visible. */
        raster->right = raster->left;
        raster->bottom = raster->top;
        return;
    }
    raster->left = fmax(raster->left, x0);
    raster->top = fmax(raster->top, y0);
    raster->right = fmin(raster->right, x1);
    raster->bottom = fmin(raster->bottom, y1);
    if (raster->left >= raster->right || raster->top >= raster->bottom) {
        /* The clip lies off the canvas. */
        raster->right = raster->left;
        raster->bottom = raster->top;
    }
}

pp_status pp__raster_begin(pp_canvas_t *canvas, pp__raster **out)
{
    pp__raster *raster = canvas->raster;

    *out = NULL;
    if (raster != NULL && (raster->nbands != canvas->nbands ||
                           raster->band != canvas->band)) {
        pp__raster_destroy(raster);
        canvas->raster = raster = NULL;
    }
    if (raster == NULL) {
        raster = raster_create(canvas->width, canvas->height,
                               canvas->nbands, canvas->band);
        if (raster == NULL)
            return PP_ERR_NOMEM;
        canvas->raster = raster;
    }
    discard(raster);
    set_visible(raster, canvas);
    *out = raster;
    return PP_OK;
}

void pp__raster_visible(const pp__raster *raster, double *x0, double *y0,
                        double *x1, double *y1)
{
    *x0 = raster->left - 0.5;
    *y0 = raster->top - 0.5;
    *x1 = raster->right - 0.5;
    *y1 = raster->bottom - 0.5;
}

/* Inline: it runs for every row piece of every edge. */
static inline void touch(pp__raster *raster, int row, int c0, int c1)
{
    int i = local_row(raster, row);

    if (c0 < raster->span_lo[i])
        raster->span_lo[i] = c0;
    if (c1 > raster->span_hi[i])
        raster->span_hi[i] = c1;
    if (row < raster->row_lo)
        raster->row_lo = row;
    if (row > raster->row_hi)
        raster->row_hi = row;
}

/*
 * Adds an edge piece that stays inside one row and falls by d (signed),
 * from x = xs to x = xe, both inside the visible columns.
 */
static void add_row_piece(pp__raster *raster, int row, double xs, double xe,
                          double d)
{
    double *cell = raster->cells +
                   (size_t)local_row(raster, row) * raster->stride;
    double lo = xs < xe ? xs : xe, hi = xs < xe ? xe : xs;
    double k, r, r_prev = 0.0, g, g_prev = 0.0;
    int c0 = (int)lo, c1 = (int)hi, c;

    if (c0 == c1) {
        /* Within one pixel: the area right of the edge is linear in x. */
        double frac = 0.5 * (lo + hi) - c0;

        cell[c0] += d * (1.0 - frac);
        cell[c0 + 1] += d * frac;
        touch(raster, row, c0, c0 + 1);
        return;
    }

    /* G(c) = R(c + 1) - R(c) is the fraction of pixel c right of the edge;
       each cell takes G(c) - G(c - 1). R(c + 1) is quadratic for c < c1
       (c + 1 <= hi) and linear at c1 (c1 + 1 > hi); G is 1 past c1. */
    k = 0.5 / (hi - lo);
    for (c = c0; c < c1; c++) {
        r = (c + 1.0 - lo) * (c + 1.0 - lo) * k;
        g = r - r_prev;
        cell[c] += d * (g - g_prev);
        r_prev = r;
        g_prev = g;
    }
    g = (c1 + 1.0 - 0.5 * (lo + hi)) - r_prev;
    cell[c1] += d * (g - g_prev);
    cell[c1 + 1] += d * (1.0 - g);
    touch(raster, row, c0, c1 + 1);
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/*
 * Adds an edge from (xa, ya) down to (xb, yb), ya < yb, inside the visible
 * area, with winding dir (+1 when the original edge went down).
 */
static void add_line(pp__raster *raster, double xa, double ya, double xb,
                     double yb, double dir)
{
    double dxdy, y = ya, x = xa;
    int row, last;

    if (!(yb - ya > MIN_EDGE_HEIGHT))
        return;
    if (!owns_any_row(raster, ya, yb))
        return;
    dxdy = (xb - xa) / (yb - ya);
    row = (int)ya;
    last = (int)ceil(yb) - 1;
    if (last >= raster->height)
        last = raster->height - 1;

    for (; row <= last; row++) {
        double y_next = row + 1.0 < yb ? row + 1.0 : yb, x_next;

        if (y_next == yb)
            x_next = xb;
        else
            x_next = clamp(xa + (y_next - ya) * dxdy, raster->left,
                           raster->right);
        /* Other threads' rows are stepped over, not cut: x and y go on
           exactly as they would, so this band's pixels are the same. */
        if (y_next > y && owns_row(raster, row))
            add_row_piece(raster, row, x, x_next, dir * (y_next - y));
        x = x_next;
        y = y_next;
    }
}

/*
 * Adds an edge already cut to the visible rows. Where it runs left or right
 * of the visible columns it is moved onto the nearest side: its winding
 * must still reach the visible pixels to its right, and a closed shape
 * stays closed.
 */
static void add_within_rows(pp__raster *raster, double xa, double ya,
                            double xb, double yb, double dir)
{
    double t[4];
    int n = 0, i;

    t[n++] = 0.0;
    if ((xa < raster->left) != (xb < raster->left))
        t[n++] = pp__param(xa, xb, raster->left);
    if ((xa > raster->right) != (xb > raster->right))
        t[n++] = pp__param(xa, xb, raster->right);
    t[n++] = 1.0;
    if (n == 4 && t[1] > t[2]) {
        double swap = t[1];

        t[1] = t[2];
        t[2] = swap;
    }

    for (i = 0; i + 1 < n; i++) {
        bool first = i == 0, last = i + 2 == n;
        double ys = first ? ya : pp__lerp(ya, yb, t[i]);
        double ye = last ? yb : pp__lerp(ya, yb, t[i + 1]);
        double xs = first ? xa : pp__lerp(xa, xb, t[i]);
        double xe = last ? xb : pp__lerp(xa, xb, t[i + 1]);

        add_line(raster, clamp(xs, raster->left, raster->right), ys,
                 clamp(xe, raster->left, raster->right), ye, dir);
    }
}

void pp__raster_add_edge(pp__raster *raster, double x0, double y0,
                         double x1, double y1)
{
    double dir = 1.0, xa, ya, xb, yb;

    /* Shift to cell coordinates; then work top to bottom, so that an edge
       and its reverse give exactly opposite sums. */
    x0 += 0.5;
    y0 += 0.5;
    x1 += 0.5;
    y1 += 0.5;
    if (y0 == y1 || !isfinite(x0) || !isfinite(y0) || !isfinite(x1) ||
        !isfinite(y1))
        return;
    if (y0 > y1) {
        double sx = x0, sy = y0;

        x0 = x1;
        y0 = y1;
        x1 = sx;
        y1 = sy;
        dir = -1.0;
    }

    /* The common case: wholly visible, nothing to cut. */
    if (y0 >= raster->top && y1 <= raster->bottom && x0 >= raster->left &&
        x0 <= raster->right && x1 >= raster->left && x1 <= raster->right) {
        add_line(raster, x0, y0, x1, y1, dir);
        return;
    }

    /* Rows outside the visible area are never swept: drop those parts. */
    if (y1 <= raster->top || y0 >= raster->bottom ||
        !(raster->left < raster->right))
        return;
    xa = x0;
    ya = y0;
    xb = x1;
    yb = y1;
    if (y0 < raster->top) {
        xa = pp__lerp(x0, x1, pp__param(y0, y1, raster->top));
        ya = raster->top;
    }
    if (y1 > raster->bottom) {
        xb = pp__lerp(x0, x1, pp__param(y0, y1, raster->bottom));
        yb = raster->bottom;
    }
    add_within_rows(raster, xa, ya, xb, yb, dir);
}

void pp__raster_add_convex(pp__raster *raster, const double *xy, int n)
{
    double area2 = 0.0, top = xy[1], bottom = xy[1];
    int i;

    if (n < 3)
        return;
    /* Pieces away from this band's rows (render.c) change nothing here. */
    for (i = 1; i < n; i++) {
        top = xy[2 * i + 1] < top ? xy[2 * i + 1] : top;
        bottom = xy[2 * i + 1] > bottom ? xy[2 * i + 1] : bottom;
    }
    if (!owns_any_row(raster, top + 0.5, bottom + 0.5))
        return;

    /* Twice the signed area, relative to the first point for precision. */
    for (i = 1; i + 1 < n; i++) {
        double ax = xy[2 * i] - xy[0], ay = xy[2 * i + 1] - xy[1];
        double bx = xy[2 * i + 2] - xy[0], by = xy[2 * i + 3] - xy[1];

        area2 += ax * by - bx * ay;
    }
    if (!(fabs(area2) > 1e-12))
        return;

    for (i = 0; i < n; i++) {
        int j = (i + 1) % n;

        if (area2 > 0.0)
            pp__raster_add_edge(raster, xy[2 * i], xy[2 * i + 1], xy[2 * j],
                                xy[2 * j + 1]);
        else
            pp__raster_add_edge(raster, xy[2 * j], xy[2 * j + 1], xy[2 * i],
                                xy[2 * i + 1]);
    }
}

/*
 * How many straight pieces an arc of this radius and angle needs so that
 * each strays at most PP__FLATTEN_TOLERANCE from the circle. At least one
 * per 45 degrees, so tiny circles keep their shape.
 */
static int arc_segments(double radius, double sweep)
{
    const double max_step = PP__PI / 4.0;
    double step = max_step, n;

    if (radius > PP__FLATTEN_TOLERANCE)
        step = fmin(max_step, 2.0 * acos(1.0 - PP__FLATTEN_TOLERANCE / radius));
    n = ceil(sweep / step);
    /* XXX: a circle thousands of pixels wide would need more; the cap keeps
       the cost bounded and the error below a pixel up to r ~ 1e7. */
    return n > 65536.0 ? 65536 : (int)n;
}

/* True when the visible area lies wholly inside a circle. */
static bool covers_visible(const pp__raster *raster, double cx, double cy,
                           double radius)
{
    double x0, y0, x1, y1, dx, dy;

    pp__raster_visible(raster, &x0, &y0, &x1, &y1);
    dx = fmax(fabs(x0 - cx), fabs(x1 - cx)) + 1.0;
    dy = fmax(fabs(y0 - cy), fabs(y1 - cy)) + 1.0;
    return hypot(dx, dy) < radius * (1.0 - 1e-6);
}

/* Adds the visible rectangle itself, as a stand-in for a huge circle. */
static void add_visible_box(pp__raster *raster, bool reverse)
{
    double x0, y0, x1, y1, xs[4], ys[4];
    int i;

    pp__raster_visible(raster, &x0, &y0, &x1, &y1);
    xs[0] = xs[3] = x0 - 1.0;
    xs[1] = xs[2] = x1 + 1.0;
    ys[0] = ys[1] = y0 - 1.0;
    ys[2] = ys[3] = y1 + 1.0;

    /* Same turning sense as an unreversed circle: +x towards +y. */
    for (i = 0; i < 4; i++) {
        int j = (i + 1) % 4;

        if (reverse)
            pp__raster_add_edge(raster, xs[j], ys[j], xs[i], ys[i]);
        else
            pp__raster_add_edge(raster, xs[i], ys[i], xs[j], ys[j]);
    }
}

void pp__raster_add_circle(pp__raster *raster, double cx, double cy,
                           double radius, bool reverse)
{
    double x0, y0, x1, y1, step, rho, c, s, ux = 1.0, uy = 0.0;
    double px, py;
    int n, i;

    /* Nothing to do for a circle that misses the visible area. */
    pp__raster_visible(raster, &x0, &y0, &x1, &y1);
    if (!(radius > 0.0) || cx + radius < x0 - 1.0 ||
        cx - radius > x1 + 1.0 || cy + radius < y0 - 1.0 ||
        cy - radius > y1 + 1.0)
        return;
    if (covers_visible(raster, cx, cy, radius)) {
        add_visible_box(raster, reverse);
        return;
    }

    /* A regular polygon whose vertices sit slightly outside the circle, at
       the radius that gives it exactly the circle's area. */
    n = arc_segments(radius, 2.0 * PP__PI);
    if (n < 8)
        n = 8;
    step = 2.0 * PP__PI / n;
    rho = radius * sqrt(step / sin(step));
    c = cos(step);
    s = reverse ? -sin(step) : sin(step);
    px = cx + rho;
    py = cy;
    for (i = 1; i <= n; i++) {
        double nx = ux * c - uy * s, ny = ux * s + uy * c;
        double qx = cx + rho * nx, qy = cy + rho * ny;

        if (i == n) {
            qx = cx + rho;
            qy = cy;
        }
        pp__raster_add_edge(raster, px, py, qx, qy);
        ux = nx;
        uy = ny;
        px = qx;
        py = qy;
    }
}

/*
 * The radius for the inner vertices of an arc of k pieces of angle delta
 * whose two end vertices stay on the circle of radius r, so that the fan
 * from the centre has exactly the sector's area r^2 k delta / 2.
 */
static double inner_radius(double r, int k, double delta)
{
    double ratio = delta / sin(delta);

    if (k == 2)
        return r * ratio;
    return r * (sqrt(1.0 + (k - 2.0) * k * ratio) - 1.0) / (k - 2.0);
}

void pp__raster_add_sector(pp__raster *raster, double cx, double cy,
                           double sx, double sy, double sweep)
{
    double radius = hypot(sx, sy), delta, rho, c, s, ux, uy, px, py;
    int k, i;

    if (!(radius > 0.0) || !(sweep > 0.0))
        return;
    k = arc_segments(radius, sweep);
    if (k < 2)
        k = 2;
    delta = sweep / k;
    rho = inner_radius(radius, k, delta);
    c = cos(delta);
    s = sin(delta);
    ux = sx / radius;
    uy = sy / radius;

    /* Centre, start point, inner vertices, end point, back to the centre. */
    px = cx + sx;
    py = cy + sy;
    pp__raster_add_edge(raster, cx, cy, px, py);
    for (i = 1; i <= k; i++) {
        double nx = ux * c - uy * s, ny = ux * s + uy * c, qx, qy;

        if (i < k) {
            qx = cx + rho * nx;
            qy = cy + rho * ny;
        } else {
            double ce = cos(sweep), se = sin(sweep);

            qx = cx + sx * ce - sy * se;
            qy = cy + sx * se + sy * ce;
        }
        pp__raster_add_edge(raster, px, py, qx, qy);
        ux = nx;
        uy = ny;
        px = qx;
        py = qy;
    }
    pp__raster_add_edge(raster, px, py, cx, cy);
}

/*
 * Turns one row's cells into coverage in place: the running sum's
 * magnitude, saturated at 1 (so overlapping parts count once), with
 * rounding noise near 0 and 1 snapped away.
 */
static void row_coverage(double *cell, int lo, int hi)
{
    double sum = 0.0;
    int c;

    for (c = lo; c <= hi; c++) {
        double coverage;

        sum += cell[c];
        coverage = fabs(sum);
        if (coverage <= COVERAGE_EPSILON)
            coverage = 0.0;
        else if (coverage >= 1.0 - COVERAGE_EPSILON)
            coverage = 1.0;
        cell[c] = coverage;
    }
}

void pp__raster_paint(pp__raster *raster, pp_canvas_t *canvas,
                      pp_color_t color)
{
    int col_lo = (int)floor(raster->left), col_hi = (int)ceil(raster->right);
    int row;

    /* Columns col_lo .. col_hi - 1 are visible, at least in part. */
    if (col_hi > raster->width)
        col_hi = raster->width;
    /* The alpha scales the coverage; keep it a fraction. */
    color.a = color.a > 1.0f ? 1.0f : color.a;
    if (!(color.a > 0.0f)) {
        discard(raster);
        return;
    }

    for (row = raster->row_lo; row <= raster->row_hi; row++) {
        int i = local_row(raster, row), lo, hi, from, to;
        double *cell = raster->cells + (size_t)i * raster->stride;

        if (!owns_row(raster, row))
            continue;
        lo = raster->span_lo[i];
        hi = raster->span_hi[i];
        from = lo > col_lo ? lo : col_lo;
        to = hi < col_hi - 1 ? hi : col_hi - 1;
        if (lo > hi)
            continue;
        row_coverage(cell, lo, hi);
        if (from <= to)
            pp__canvas_blend_span(canvas, from, row, to - from + 1, color,
                                  cell + from);
        memset(cell + lo, 0, (size_t)(hi - lo + 1) * sizeof *cell);
        raster->span_lo[i] = INT_MAX;
        raster->span_hi[i] = -1;
    }
    raster->row_lo = INT_MAX;
    raster->row_hi = -1;
}
