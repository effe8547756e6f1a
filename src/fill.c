/* Fills: polygons (non-zero rule), rectangles and circles. */
#include "raster.h"

#include <math.h>

pp_status pp_canvas_fill_polygon(pp_canvas_t *canvas, const double *xy,
                                 size_t npoints, pp_color_t color)
{
    pp__raster *raster;
    pp_status status;
    size_t i, first = npoints, last = npoints;

    if (canvas == NULL || xy == NULL || npoints == 0 ||
        !pp__color_is_valid(color))
        return PP_ERR_ARGUMENT;
    status = pp__raster_begin(canvas, &raster);
    if (status != PP_OK)
        return status;

    /* A point with a non-finite coordinate is left out, as a canvas ignores
       such a lineTo; the outline joins its neighbours instead. */
    for (i = 0; i < npoints; i++) {
        double x = xy[2 * i], y = xy[2 * i + 1];

        if (!isfinite(x) || !isfinite(y))
            continue;
        if (first == npoints)
            first = i;
        else
            pp__raster_add_edge(raster, xy[2 * last], xy[2 * last + 1], x, y);
        last = i;
    }
    if (first != npoints && last != first)
        pp__raster_add_edge(raster, xy[2 * last], xy[2 * last + 1],
                            xy[2 * first], xy[2 * first + 1]);

    pp__raster_paint(raster, canvas, color);
    return PP_OK;
}

/*
 * A rectangle whose sides all fall on pixel edges, inside the visible area,
 * covers its pixels exactly (coverage 1) and nothing else: the scan
 * converter would give exactly that, so it is painted directly, a span per
 * row, with the same arithmetic. This is most fills of a figure (the frame,
 * its outline, the legend box). Returns false for any other rectangle.
 */
static bool fill_aligned(pp_canvas_t *canvas, const pp__raster *raster,
                         double x0, double y0, double x1, double y1,
                         pp_color_t color)
{
    double left, top, right, bottom;
    int row;

    /* Cell coordinates: a pixel edge is a whole number there. */
    x0 += 0.5;
    y0 += 0.5;
    x1 += 0.5;
    y1 += 0.5;
    if (x0 != floor(x0) || y0 != floor(y0) || x1 != floor(x1) ||
        y1 != floor(y1))
        return false;
    pp__raster_visible(raster, &left, &top, &right, &bottom);
    if (x0 < left + 0.5 || y0 < top + 0.5 || x1 > right + 0.5 ||
        y1 > bottom + 0.5)
        return false;

    /* As the scan converter paints: alpha at most 1, nothing when 0. */
    color.a = color.a > 1.0f ? 1.0f : color.a;
    if (!(color.a > 0.0f))
        return true;
    for (row = (int)y0; row < (int)y1; row++)
        if (pp__canvas_owns_row(canvas, row))
            pp__canvas_fill_span(canvas, (int)x0, row, (int)(x1 - x0),
                                 color);
    return true;
}

pp_status pp_canvas_fill_rect(pp_canvas_t *canvas, pp_rect_t rect,
                              pp_color_t color)
{
    pp__raster *raster;
    pp_status status;
    double x0, y0, x1, y1;

    if (canvas == NULL || !isfinite(rect.x + rect.width) ||
        !isfinite(rect.y + rect.height) || !isfinite(rect.x) ||
        !isfinite(rect.y) || !pp__color_is_valid(color))
        return PP_ERR_ARGUMENT;
    status = pp__raster_begin(canvas, &raster);
    if (status != PP_OK)
        return status;

    /* A negative size extends the other way, as in a canvas's fillRect. */
    x0 = fmin(rect.x, rect.x + rect.width);
    x1 = fmax(rect.x, rect.x + rect.width);
    y0 = fmin(rect.y, rect.y + rect.height);
    y1 = fmax(rect.y, rect.y + rect.height);
    if (fill_aligned(canvas, raster, x0, y0, x1, y1, color))
        return PP_OK;
    pp__raster_add_edge(raster, x0, y0, x1, y0);
    pp__raster_add_edge(raster, x1, y0, x1, y1);
    pp__raster_add_edge(raster, x1, y1, x0, y1);
    pp__raster_add_edge(raster, x0, y1, x0, y0);

    pp__raster_paint(raster, canvas, color);
    return PP_OK;
}

pp_status pp_canvas_fill_circle(pp_canvas_t *canvas, double cx, double cy,
                                double radius, pp_color_t color)
{
    pp__raster *raster;
    pp_status status;

    if (canvas == NULL || !isfinite(cx) || !isfinite(cy) ||
        !isfinite(radius) || radius < 0.0 || !pp__color_is_valid(color))
        return PP_ERR_ARGUMENT;
    status = pp__raster_begin(canvas, &raster);
    if (status != PP_OK)
        return status;

    pp__raster_add_circle(raster, cx, cy, radius, false);
    pp__raster_paint(raster, canvas, color);
    return PP_OK;
}
