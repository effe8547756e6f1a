/*
 * An HTML image map beside the PNG, so hover tooltips and tap links
 * survive in a static report: one <area> per hoverable item, whose title
 * holds the tooltip text and whose href the filled URL template.
 *
 * Coordinates: the page shows the PNG at its own size, and a mouse over the
 * pixel whose centre is at screen coordinate (i, j) reports the point
 * (i, j) (the pixel's top-left corner in CSS pixels). So the areas are
 * written in screen coordinates, rounded to whole pixels (the only kind
 * every browser reads), and clipped to the frame's CSS box. Browsers pick
 * the first area in document order that holds the point, edges included.
 */
#include "imagemap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far from a line (beyond half its width) a hover still finds it. */
#define HOVER_REACH 3.0

/* Markers smaller than this radius still get an area this large. */
#define MIN_MARKER_RADIUS 3.0

/* Sides of the polygon that stands for a circle cut by the frame. */
#define CIRCLE_SIDES 16
#define TWO_PI 6.283185307179586

typedef struct box {
    double left, top, right, bottom;
} box;

typedef struct builder {
    const pp_figure_t *fig;
    const pp__layout *layout;
    pp__imagemap *map;
    box clip;
    size_t index;               /* of the renderer in the figure */
    const pp__renderer *rend;
    const pp__table *table;     /* its source (graph: the nodes) */
    pp__interact use;
    struct spans *taken;        /* per pixel column of the frame */
    bool nomem;
} builder;

/* A whole pixel, kept far from int's limits whatever the double. */
static int to_int(double v)
{
    if (!(v > -1e9))
        return -1000000000;
    if (v > 1e9)
        return 1000000000;
    return (int)lround(v);
}

static double reach_of(double line_width)
{
    return ceil(line_width / 2.0) + HOVER_REACH;
}

/* ------------------------------------------------------------------------ */
/* Area contents                                                             */
/* ------------------------------------------------------------------------ */

static char *fill_tooltips(builder *b, const pp__template_row *row)
{
    pp__str s = {0};
    size_t i;

    for (i = 0; i < b->use.ntooltips; i++) {
        const pp__tooltip *tip = &b->use.tooltips[i];
        if (i > 0)
            pp__str_puts(&s, "\n");
        /* Bokeh's tooltip table: "label: value" on each line. */
        if (tip->label != NULL) {
            pp__str_puts(&s, tip->label);
            pp__str_puts(&s, ": ");
        }
        pp__template_fill(&s, tip->text, row, false);
    }
    if (s.failed || s.data == NULL) {
        b->nomem |= s.failed;
        pp__str_free(&s);
        return NULL;
    }
    return s.data;
}

/* The filled URL, or NULL when there is none or it is left out. */
static char *fill_url(builder *b, const pp__template_row *row)
{
    pp__str s = {0};
    char scheme[32];

    if (b->use.tap_url == NULL)
        return NULL;
    pp__template_fill(&s, b->use.tap_url, row, true);
    if (s.failed || s.data == NULL) {
        b->nomem |= s.failed;
        pp__str_free(&s);
        return NULL;
    }
    if (!pp__url_allowed(s.data, scheme, sizeof scheme)) {
        if (b->map->dropped_links++ == 0)
            snprintf(b->map->dropped_example,
                     sizeof b->map->dropped_example, "%s", s.data);
        pp__str_free(&s);
        return NULL;
    }
    return s.data;
}

/* Appends an area for row; its geometry is filled in by the caller. */
static pp__area *new_area(builder *b, size_t row, double x, double y,
                          double sx, double sy)
{
    pp__template_row tr = {b->table, row, x, y, 0.0, 0.0};
    pp__imagemap *map = b->map;
    pp__area *area;

    if (b->nomem || !pp__grow((void **)&map->areas, &map->cap, map->n + 1,
                              sizeof *map->areas)) {
        b->nomem = true;
        return NULL;
    }
    tr.sx = to_int(sx);
    tr.sy = to_int(sy);
    area = &map->areas[map->n];
    memset(area, 0, sizeof *area);
    area->renderer = b->index;
    area->row = row;
    area->title = fill_tooltips(b, &tr);
    area->href = fill_url(b, &tr);
    area->new_tab = !b->use.tap_same_tab;
    if (b->nomem) {
        free(area->title);
        free(area->href);
        return NULL;
    }
    map->n++;
    return area;
}

/* ------------------------------------------------------------------------ */
/* Shapes                                                                    */
/* ------------------------------------------------------------------------ */

/* A convex polygon being cut down to an area. */
typedef struct polygon {
    double pts[2 * PP__AREA_MAX_POINTS];
    size_t n;
} polygon;

/*
 * Keeps the part where a * x + b * y <= c (one step of Sutherland-Hodgman).
 * Each cut adds at most one point; a polygon already full is left as it
 * is, which can only make an area a little larger.
 */
static void cut(polygon *poly, double a, double b, double c)
{
    double out[2 * PP__AREA_MAX_POINTS];
    size_t i, m = 0;

    if (poly->n + 1 > PP__AREA_MAX_POINTS)
        return;
    for (i = 0; i < poly->n; i++) {
        const double *p = poly->pts + 2 * i;
        const double *q = poly->pts + 2 * ((i + 1) % poly->n);
        double dp = c - (a * p[0] + b * p[1]), dq = c - (a * q[0] + b * q[1]);

        if (dp >= 0) {
            out[2 * m] = p[0];
            out[2 * m + 1] = p[1];
            m++;
        }
        if ((dp >= 0) != (dq >= 0)) {
            double t = dp / (dp - dq);
            out[2 * m] = p[0] + t * (q[0] - p[0]);
            out[2 * m + 1] = p[1] + t * (q[1] - p[1]);
            m++;
        }
    }
    memcpy(poly->pts, out, 2 * m * sizeof *out);
    poly->n = m;
}

static void cut_to_box(polygon *poly, const box *c)
{
    cut(poly, -1.0, 0.0, -c->left);
    cut(poly, 1.0, 0.0, c->right);
    cut(poly, 0.0, -1.0, -c->top);
    cut(poly, 0.0, 1.0, c->bottom);
}

/* Takes back the last area, which turned out to be empty. */
static void drop_area(builder *b, pp__area *area)
{
    free(area->title);
    free(area->href);
    b->map->n--;
}

/* A polygon of whole pixels, left out when it encloses nothing. */
static void add_polygon(builder *b, const polygon *poly, pp__area *area)
{
    long twice_area = 0;
    size_t i, m = 0;

    for (i = 0; i < poly->n; i++) {
        int x = to_int(poly->pts[2 * i]), y = to_int(poly->pts[2 * i + 1]);
        if (m >= 2 && area->coords[m - 2] == x && area->coords[m - 1] == y)
            continue;
        area->coords[m++] = x;
        area->coords[m++] = y;
    }
    if (m >= 4 && area->coords[0] == area->coords[m - 2] &&
        area->coords[1] == area->coords[m - 1])
        m -= 2;
    for (i = 0; i < m / 2; i++) {
        const int *p = area->coords + 2 * i;
        const int *q = area->coords + (2 * i + 2) % m;
        twice_area += (long)p[0] * q[1] - (long)q[0] * p[1];
    }
    area->shape = PP__AREA_POLY;
    area->ncoords = m;
    if (m < 6 || twice_area == 0)
        drop_area(b, area);     /* nothing left inside the frame */
}

static void circle_polygon(polygon *poly, int cx, int cy, int r)
{
    int k;

    for (k = 0; k < CIRCLE_SIDES; k++) {
        double a = TWO_PI * k / CIRCLE_SIDES;
        poly->pts[2 * k] = cx + r * cos(a);
        poly->pts[2 * k + 1] = cy + r * sin(a);
    }
    poly->n = CIRCLE_SIDES;
}

static bool circle_inside(const box *c, int cx, int cy, int r)
{
    return cx - r >= c->left && cx + r <= c->right && cy - r >= c->top &&
           cy + r <= c->bottom;
}

static bool circle_outside(const box *c, int cx, int cy, int r)
{
    return cx + r < c->left || cx - r > c->right || cy + r < c->top ||
           cy - r > c->bottom;
}

/* A circle around (cx, cy); where the frame cuts it, a clipped 16-gon. */
static void add_circle(builder *b, pp__area *area, int cx, int cy, int r)
{
    polygon poly;

    if (area == NULL)
        return;
    if (circle_inside(&b->clip, cx, cy, r)) {
        area->shape = PP__AREA_CIRCLE;
        area->coords[0] = cx;
        area->coords[1] = cy;
        area->coords[2] = r;
        area->ncoords = 3;
        return;
    }
    if (circle_outside(&b->clip, cx, cy, r)) {
        drop_area(b, area);
        return;
    }
    circle_polygon(&poly, cx, cy, r);
    cut_to_box(&poly, &b->clip);
    add_polygon(b, &poly, area);
}

static void add_rect(builder *b, pp__area *area, double left, double top,
                     double right, double bottom)
{
    const box *c = &b->clip;

    if (area == NULL)
        return;
    left = fmax(left, c->left);
    top = fmax(top, c->top);
    right = fmin(right, c->right);
    bottom = fmin(bottom, c->bottom);
    if (!(left < right && top <= bottom) || to_int(left) == to_int(right)) {
        drop_area(b, area);
        return;
    }
    area->shape = PP__AREA_RECT;
    area->coords[0] = to_int(left);
    area->coords[1] = to_int(top);
    area->coords[2] = to_int(right);
    area->coords[3] = to_int(bottom);
    area->ncoords = 4;
}

/*
 * Cuts the segment to a box (Liang-Barsky), so that far-away ends
 * (values outside the range) never reach the polygon arithmetic.
 */
static bool clip_segment(const box *c, double *x0, double *y0, double *x1,
                         double *y1)
{
    double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0.0, t1 = 1.0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*x0 - c->left, c->right - *x0, *y0 - c->top,
                   c->bottom - *y0};
    int i;

    for (i = 0; i < 4; i++) {
        double t;
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false;
            continue;
        }
        t = q[i] / p[i];
        if (p[i] < 0.0 && t > t0)
            t0 = t;
        if (p[i] > 0.0 && t < t1)
            t1 = t;
    }
    if (t0 > t1)
        return false;
    *x1 = *x0 + t1 * dx;
    *y1 = *y0 + t1 * dy;
    *x0 = *x0 + t0 * dx;
    *y0 = *y0 + t0 * dy;
    return true;
}

/* A band of half-width reach along a segment, cut to the frame. */
static void add_band(builder *b, pp__area *area, double x0, double y0,
                     double x1, double y1, double reach)
{
    box wide = {b->clip.left - reach, b->clip.top - reach,
                b->clip.right + reach, b->clip.bottom + reach};
    polygon poly;
    double len, nx, ny;

    if (area == NULL)
        return;
    if (!clip_segment(&wide, &x0, &y0, &x1, &y1)) {
        drop_area(b, area);
        return;
    }
    len = hypot(x1 - x0, y1 - y0);
    if (len < 0.5) {
        add_circle(b, area, to_int(x0), to_int(y0), to_int(reach));
        return;
    }
    nx = -(y1 - y0) / len * reach;
    ny = (x1 - x0) / len * reach;
    poly = (polygon){{x0 + nx, y0 + ny, x1 + nx, y1 + ny,
                      x1 - nx, y1 - ny, x0 - nx, y0 - ny}, 4};
    cut_to_box(&poly, &b->clip);
    add_polygon(b, &poly, area);
}

/* ------------------------------------------------------------------------ */
/* Points: line vertices, markers, graph nodes                               */
/* ------------------------------------------------------------------------ */

/* A point's area before it is cut: a circle or a square of radius r. */
typedef struct spot {
    int x, y, r;
    bool square;
    size_t row;
} spot;

/* By pixel, left to right and top down, then by row. */
static int compare_spots(const void *a, const void *b)
{
    const spot *p = a, *q = b;

    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    if (p->y != q->y)
        return p->y < q->y ? -1 : 1;
    return (p->row > q->row) - (p->row < q->row);
}

/* The first spot at or after pixel (x, y) in sorted. */
static size_t first_spot(const spot *sorted, size_t n, int x, int y)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid].x < x || (sorted[mid].x == x && sorted[mid].y < y))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * Cuts spot s down to the pixels nearer to it than to each neighbour it
 * overlaps (their Voronoi cells), so hovering a point finds that point even
 * where markers overlap. sorted holds one spot a pixel; each pixel column
 * within reach is searched by bisection, so crowds stay fast. Returns
 * false when nothing is left; *cuts counts the neighbours that cut it.
 */
static bool cut_by_neighbours(polygon *poly, const spot *s,
                              const spot *sorted, size_t n, int reach,
                              size_t *cuts)
{
    int x;
    size_t k;

    *cuts = 0;
    for (x = s->x - reach; x <= s->x + reach; x++) {
        k = first_spot(sorted, n, x, s->y - reach);
        for (; k < n && sorted[k].x == x && sorted[k].y <= s->y + reach;
             k++) {
            const spot *t = &sorted[k];
            double dx = t->x - s->x, dy = t->y - s->y;
            double both = (double)s->r + t->r;

            if ((dx == 0 && dy == 0) || dx * dx + dy * dy >= both * both)
                continue;
            /* |p - s|^2 <= |p - t|^2 is a half-plane. */
            ++*cuts;
            cut(poly, 2.0 * dx, 2.0 * dy,
                (double)t->x * t->x + (double)t->y * t->y -
                    (double)s->x * s->x - (double)s->y * s->y);
        }
    }
    return poly->n >= 3;
}

static void spot_polygon(polygon *poly, const spot *s)
{
    double r = s->r;

    if (!s->square) {
        circle_polygon(poly, s->x, s->y, s->r);
        return;
    }
    *poly = (polygon){{s->x - r, s->y - r, s->x + r, s->y - r,
                       s->x + r, s->y + r, s->x - r, s->y + r}, 4};
}

/* The area of one spot: its whole shape when nothing cuts it. */
static void add_spot(builder *b, const spot *s, const spot *sorted, size_t n,
                     int reach)
{
    const pp__resolved *d = &b->rend->data;
    pp__area *area;
    polygon poly;
    size_t cuts;

    if (circle_outside(&b->clip, s->x, s->y, s->r))
        return;
    spot_polygon(&poly, s);
    if (!cut_by_neighbours(&poly, s, sorted, n, reach, &cuts))
        return;
    area = new_area(b, s->row, d->x[s->row], d->y[s->row], s->x, s->y);
    if (area == NULL)
        return;
    if (cuts == 0 && circle_inside(&b->clip, s->x, s->y, s->r)) {
        area->shape = s->square ? PP__AREA_RECT : PP__AREA_CIRCLE;
        area->coords[0] = s->square ? s->x - s->r : s->x;
        area->coords[1] = s->square ? s->y - s->r : s->y;
        area->coords[2] = s->square ? s->x + s->r : s->r;
        area->coords[3] = s->y + s->r;
        area->ncoords = s->square ? 4 : 3;
        return;
    }
    cut_to_box(&poly, &b->clip);
    add_polygon(b, &poly, area);
}

/*
 * Areas for spots given in row order, written from the last row up. Of
 * spots on the same pixel only the last row, drawn on top, gets an area.
 */
static void add_spots(builder *b, const spot *spots, size_t n)
{
    spot *sorted = malloc((n + 1) * sizeof *sorted);
    bool *wins = calloc(b->rend->data.n + 1, sizeof *wins);
    int most = 0;
    size_t i, kept = 0;

    if (sorted == NULL || wins == NULL) {
        b->nomem = true;
        free(sorted);
        free(wins);
        return;
    }
    memcpy(sorted, spots, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, compare_spots);
    for (i = 0; i < n; i++) {
        if (i + 1 < n && sorted[i + 1].x == sorted[i].x &&
            sorted[i + 1].y == sorted[i].y)
            continue;
        wins[sorted[i].row] = true;
        most = sorted[i].r > most ? sorted[i].r : most;
        sorted[kept++] = sorted[i];
    }
    for (i = n; i-- > 0 && !b->nomem;)
        if (wins[spots[i].row])
            add_spot(b, &spots[i], sorted, kept, spots[i].r + most);
    free(sorted);
    free(wins);
}

/* scatter markers and graph nodes: the marker's own size and shape. */
static void add_markers(builder *b)
{
    const pp__resolved *d = &b->rend->data;
    spot *spots = malloc((d->n + 1) * sizeof *spots);
    size_t row, n = 0;

    if (spots == NULL) {
        b->nomem = true;
        return;
    }
    for (row = 0; row < d->n; row++) {
        double sx = pp__scale_x(b->fig, b->layout, d->x[row]);
        double sy = pp__scale_y(b->fig, b->layout, d->y[row]);
        double r = fmax(ceil(d->sizes[row] / 2.0), MIN_MARKER_RADIUS);

        if (!isfinite(sx) || !isfinite(sy) || isnan(d->sizes[row]))
            continue;
        spots[n++] = (spot){to_int(sx), to_int(sy), to_int(r),
                            b->rend->marker == PP__MARKER_SQUARE, row};
    }
    add_spots(b, spots, n);
    free(spots);
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                     */
/* ------------------------------------------------------------------------ */

/*
 * The rows of one pixel column that rects of lines drawn above already
 * hold, as sorted disjoint spans. A rect inside them could never be
 * hovered (the first area wins), so it is left out: the eight lines of a
 * figure that all run along zero would otherwise repeat each other.
 */
typedef struct span {
    int top, bottom;
} span;

typedef struct spans {
    span *items;
    size_t n, cap;
} spans;

static bool is_taken(const spans *s, int top, int bottom)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        if (s->items[i].top <= top && s->items[i].bottom >= bottom)
            return true;
    return false;
}

/* Adds [top, bottom], merging the spans it touches. */
static bool take(spans *s, int top, int bottom)
{
    size_t i = 0, j;

    while (i < s->n && s->items[i].bottom < top)
        i++;
    for (j = i; j < s->n && s->items[j].top <= bottom; j++) {
        top = s->items[j].top < top ? s->items[j].top : top;
        bottom = s->items[j].bottom > bottom ? s->items[j].bottom : bottom;
    }
    if (j == i && !pp__grow((void **)&s->items, &s->cap, s->n + 1,
                            sizeof *s->items))
        return false;
    if (j == i) {
        memmove(s->items + i + 1, s->items + i,
                (s->n - i) * sizeof *s->items);
        s->n++;
        j = i + 1;
    }
    s->items[i] = (span){top, bottom};
    memmove(s->items + i + 1, s->items + j, (s->n - j) * sizeof *s->items);
    s->n -= j - i - 1;
    return true;
}

/* A line's vertex in a pixel column. */
typedef struct vertex {
    long column;
    double sy;
    double dx;                  /* |sx - column|, to pick the nearest */
    size_t row;
} vertex;

static int compare_vertices(const void *a, const void *b)
{
    const vertex *p = a, *q = b;

    if (p->column != q->column)
        return p->column < q->column ? -1 : 1;
    if (p->sy != q->sy)
        return p->sy < q->sy ? -1 : 1;
    return (p->row > q->row) - (p->row < q->row);
}

/* Per pixel column: the line's extent there and the row nearest to it. */
typedef struct columns {
    long first;                 /* the frame's first pixel column */
    size_t n;
    double *top, *bottom;
    size_t *near_row;
    double *near_dx;
    vertex *vertices;
    size_t nvertices;
} columns;

static void columns_free(columns *c)
{
    free(c->top);
    free(c->bottom);
    free(c->near_row);
    free(c->near_dx);
    free(c->vertices);
}

static void cover(columns *c, long col, double y0, double y1, size_t row,
                  double dx)
{
    size_t i;

    if (col < c->first || col >= c->first + (long)c->n)
        return;
    i = (size_t)(col - c->first);
    c->top[i] = fmin(c->top[i], fmin(y0, y1));
    c->bottom[i] = fmax(c->bottom[i], fmax(y0, y1));
    if (dx < c->near_dx[i]) {
        c->near_dx[i] = dx;
        c->near_row[i] = row;
    }
}

/* The part of segment a-b in each pixel column it crosses. */
static void cover_segment(columns *c, const double *sx, const double *sy,
                          size_t a, size_t b)
{
    double xa = sx[a], xb = sx[b], lo = fmin(xa, xb), hi = fmax(xa, xb);
    long col = lround(fmax(lo, (double)c->first - 1.0));
    long last = lround(fmin(hi, (double)(c->first + (long)c->n)));

    for (; col <= last; col++) {
        double x0 = fmax(lo, col - 0.5), x1 = fmin(hi, col + 0.5);
        double y0 = sy[a], y1 = sy[b];
        if (x0 > x1)
            continue;
        if (hi > lo) {
            y0 = sy[a] + (sy[b] - sy[a]) * (x0 - xa) / (xb - xa);
            y1 = sy[a] + (sy[b] - sy[a]) * (x1 - xa) / (xb - xa);
        }
        if (fabs(xa - col) <= fabs(xb - col))
            cover(c, col, y0, y1, a, fabs(xa - col));
        else
            cover(c, col, y0, y1, b, fabs(xb - col));
    }
}

static bool columns_init(columns *c, const box *clip, size_t nrows)
{
    size_t i;

    memset(c, 0, sizeof *c);
    c->first = lround(clip->left);
    c->n = (size_t)(lround(clip->right) - c->first);
    c->top = malloc((c->n + 1) * sizeof *c->top);
    c->bottom = malloc((c->n + 1) * sizeof *c->bottom);
    c->near_row = malloc((c->n + 1) * sizeof *c->near_row);
    c->near_dx = malloc((c->n + 1) * sizeof *c->near_dx);
    c->vertices = malloc((nrows + 1) * sizeof *c->vertices);
    if (c->top == NULL || c->bottom == NULL || c->near_row == NULL ||
        c->near_dx == NULL || c->vertices == NULL)
        return false;
    for (i = 0; i < c->n; i++) {
        c->top[i] = INFINITY;
        c->bottom[i] = -INFINITY;
        c->near_dx[i] = INFINITY;
    }
    return true;
}

/*
 * Orders the vertices by column, then height, in linear time for the
 * usual line: a counting sort by column, then each column's few rows by
 * height (by insertion; qsort for a crowded column).
 */
static bool sort_vertices(columns *c)
{
    size_t *end = calloc(c->n + 1, sizeof *end);
    vertex *out = malloc((c->nvertices + 1) * sizeof *out);
    size_t i, j, k, start = 0;

    if (end == NULL || out == NULL) {
        free(end);
        free(out);
        return false;
    }
    for (i = 0; i < c->nvertices; i++)
        end[c->vertices[i].column - c->first + 1]++;
    for (k = 1; k <= c->n; k++)
        end[k] += end[k - 1];
    for (i = 0; i < c->nvertices; i++)
        out[end[c->vertices[i].column - c->first]++] = c->vertices[i];

    /* Now end[k] is where column k ends. */
    for (k = 0; k < c->n; start = end[k++]) {
        if (end[k] - start > 16) {
            qsort(out + start, end[k] - start, sizeof *out,
                  compare_vertices);
            continue;
        }
        for (i = start + 1; i < end[k]; i++) {
            vertex v = out[i];
            for (j = i; j > start && compare_vertices(&v, &out[j - 1]) < 0;
                 j--)
                out[j] = out[j - 1];
            out[j] = v;
        }
    }
    free(end);
    free(c->vertices);
    c->vertices = out;
    return true;
}

/* Gathers the vertices and segments of a line into pixel columns. */
static bool fill_columns(columns *c, const double *sx, const double *sy,
                         size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        long col;
        if (isnan(sx[i]) || isnan(sy[i]))
            continue;
        col = lround(fmax(fmin(sx[i], 1e9), -1e9));
        cover(c, col, sy[i], sy[i], i, fabs(sx[i] - col));
        if (col >= c->first && col < c->first + (long)c->n)
            c->vertices[c->nvertices++] =
                (vertex){col, sy[i], fabs(sx[i] - col), i};
        if (i + 1 < n && !isnan(sx[i + 1]) && !isnan(sy[i + 1]))
            cover_segment(c, sx, sy, i, i + 1);
    }
    return sort_vertices(c);
}

/* The rect of rows [top, bottom] of pixel column i, unless held above. */
static void line_area(builder *b, size_t row, const double *sx,
                      const double *sy, long column, double top,
                      double bottom)
{
    const pp__resolved *d = &b->rend->data;
    spans *held = &b->taken[column - lround(b->clip.left)];
    int t = to_int(fmax(top, b->clip.top));
    int u = to_int(fmin(bottom, b->clip.bottom));
    size_t n = b->map->n;
    pp__area *area;

    if (t > u || is_taken(held, t, u))
        return;
    area = new_area(b, row, d->x[row], d->y[row], sx[row], sy[row]);
    add_rect(b, area, (double)column, t, column + 1.0, u);
    if (b->map->n > n && !take(held, t, u))
        b->nomem = true;
}

/*
 * One pixel column of a dense line. Its rows are grouped by height (rows
 * within reach of each other form a group); each group gets the band
 * between the midpoints to its neighbours and shows its row nearest to
 * the column's centre. So a flat stretch is one area and a spike's top
 * shows the spike's own row. Bands are written bottom first: where two
 * share an edge, the lower one wins it.
 */
static void line_column(builder *b, const columns *c, size_t i,
                        const vertex *v, size_t nv, const double *sx,
                        const double *sy, double reach)
{
    long column = c->first + (long)i;
    double below = c->bottom[i] + reach;
    size_t end = nv;

    if (nv == 0) {
        line_area(b, c->near_row[i], sx, sy, column, c->top[i] - reach,
                  below);
        return;
    }
    while (end > 0 && !b->nomem) {
        size_t start = end - 1, best, k;
        double above;

        while (start > 0 && v[start].sy - v[start - 1].sy <= reach)
            start--;
        best = start;
        for (k = start + 1; k < end; k++)
            if (v[k].dx < v[best].dx)
                best = k;
        above = start == 0 ? c->top[i] - reach
                           : (v[start - 1].sy + v[start].sy) / 2.0;
        line_area(b, v[best].row, sx, sy, column, above, below);
        below = above;
        end = start;
    }
}

static void line_dense(builder *b, const double *sx, const double *sy,
                       double reach)
{
    columns c;
    size_t i, j;

    if (!columns_init(&c, &b->clip, b->rend->data.n)) {
        b->nomem = true;
        columns_free(&c);
        return;
    }
    if (!fill_columns(&c, sx, sy, b->rend->data.n)) {
        b->nomem = true;
        columns_free(&c);
        return;
    }

    /* Right to left: where two columns share an edge, the right one wins
       it, so each area holds the pixels [column, column + 1). */
    j = c.nvertices;
    for (i = c.n; i-- > 0 && !b->nomem;) {
        size_t start = j;
        while (start > 0 && c.vertices[start - 1].column ==
                                c.first + (long)i)
            start--;
        if (c.top[i] <= c.bottom[i])
            line_column(b, &c, i, c.vertices + start, j - start, sx, sy,
                        reach);
        j = start;
    }
    columns_free(&c);
}

/* Vertices inside the frame and the pixel columns they span. */
static bool is_dense(const box *clip, const double *sx, size_t n)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t i, inside = 0;

    for (i = 0; i < n; i++) {
        if (!(sx[i] >= clip->left - 0.5 && sx[i] < clip->right - 0.5))
            continue;
        inside++;
        lo = fmin(lo, round(sx[i]));
        hi = fmax(hi, round(sx[i]));
    }
    return inside > 0 && (double)inside > hi - lo + 1.0;
}

/*
 * line: a circle around each vertex (cut where vertices are close), or,
 * when the line has more vertices than pixel columns, areas by pixel
 * column (line_column).
 */
static void add_line(builder *b)
{
    const pp__resolved *d = &b->rend->data;
    double reach = reach_of(b->rend->line.width);
    double *sx = malloc((d->n + 1) * sizeof *sx);
    double *sy = malloc((d->n + 1) * sizeof *sy);
    spot *spots = malloc((d->n + 1) * sizeof *spots);
    size_t i, n = 0;

    if (sx == NULL || sy == NULL || spots == NULL) {
        b->nomem = true;
    } else {
        for (i = 0; i < d->n; i++) {
            sx[i] = pp__scale_x(b->fig, b->layout, d->x[i]);
            sy[i] = pp__scale_y(b->fig, b->layout, d->y[i]);
            if (!isfinite(sx[i]) || !isfinite(sy[i]))
                sx[i] = sy[i] = NAN;
            else
                spots[n++] = (spot){to_int(sx[i]), to_int(sy[i]),
                                    to_int(reach), false, i};
        }
        if (is_dense(&b->clip, sx, d->n))
            line_dense(b, sx, sy, reach);
        else
            add_spots(b, spots, n);
    }
    free(sx);
    free(sy);
    free(spots);
}

/* ------------------------------------------------------------------------ */
/* Segments and multi-lines                                                  */
/* ------------------------------------------------------------------------ */

/* segment and multi_line: a band along each piece of each row. */
static void add_rows(builder *b)
{
    const pp__resolved *d = &b->rend->data;
    double reach = reach_of(b->rend->line.width);
    size_t nv = d->nvertices, row, v;

    for (row = d->n; row-- > 0 && !b->nomem;) {
        for (v = nv; v-- > 1 && !b->nomem;) {
            const double *x = d->xs + row * nv + v - 1;
            const double *y = d->ys + row * nv + v - 1;
            double sx0 = pp__scale_x(b->fig, b->layout, x[0]);
            double sy0 = pp__scale_y(b->fig, b->layout, y[0]);
            double sx1 = pp__scale_x(b->fig, b->layout, x[1]);
            double sy1 = pp__scale_y(b->fig, b->layout, y[1]);
            if (!isfinite(sx0) || !isfinite(sy0) || !isfinite(sx1) ||
                !isfinite(sy1))
                continue;
            add_band(b, new_area(b, row, (x[0] + x[1]) / 2.0,
                                 (y[0] + y[1]) / 2.0, (sx0 + sx1) / 2.0,
                                 (sy0 + sy1) / 2.0),
                     sx0, sy0, sx1, sy1, reach);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The map                                                                   */
/* ------------------------------------------------------------------------ */

static const pp__table *source_table(const pp_figure_t *fig,
                                     const char *name)
{
    size_t i;

    for (i = 0; i < fig->nsources; i++)
        if (strcmp(fig->sources[i].name, name) == 0)
            return fig->sources[i].table;
    return NULL;
}

pp_status pp__imagemap_build(const pp_figure_t *fig, const pp__layout *layout,
                             pp__imagemap *map, pp_error_t *err)
{
    const pp_rect_t *f = &layout->frame;
    builder b;
    size_t i;

    memset(map, 0, sizeof *map);
    memset(&b, 0, sizeof b);
    b.fig = fig;
    b.layout = layout;
    b.map = map;
    b.clip = (box){f->x, f->y, f->x + f->width, f->y + f->height};
    b.taken = calloc((size_t)f->width + 1, sizeof *b.taken);
    b.nomem = b.taken == NULL;

    /* The renderer drawn last is on top: its areas come first. */
    for (i = fig->nrenderers; i-- > 0 && !b.nomem;) {
        b.index = i;
        b.rend = &fig->renderers[i];
        b.table = source_table(fig, b.rend->source);
        pp__interact_effective(fig, b.rend, &b.use);
        if (b.table == NULL || (b.use.ntooltips == 0 && b.use.tap_url == NULL))
            continue;
        if (b.rend->kind == PP__GLYPH_LINE)
            add_line(&b);
        else if (b.rend->kind == PP__GLYPH_SEGMENT ||
                 b.rend->kind == PP__GLYPH_MULTI_LINE)
            add_rows(&b);
        else if (b.rend->kind == PP__GLYPH_SCATTER ||
                 b.rend->kind == PP__GLYPH_GRAPH)
            add_markers(&b);
        /* Bands shade the frame behind the data: no areas of their own. */
    }
    for (i = 0; b.taken != NULL && i < (size_t)f->width; i++)
        free(b.taken[i].items);
    free(b.taken);
    if (b.nomem) {
        pp__imagemap_free(map);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    return PP_OK;
}

void pp__imagemap_free(pp__imagemap *map)
{
    size_t i;

    for (i = 0; i < map->n; i++) {
        free(map->areas[i].title);
        free(map->areas[i].href);
    }
    free(map->areas);
    memset(map, 0, sizeof *map);
}
