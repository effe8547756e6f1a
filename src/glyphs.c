/* Drawing each kind of glyph renderer from its resolved data. */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pp_stroke_style_t stroke_of(const pp__line_props *line,
                                   pp_color_t color)
{
    pp_stroke_style_t style;

    style.color = color;
    style.width = line->width;
    style.cap = line->cap;
    style.join = line->join;
    style.miter_limit = 10.0;
    return style;
}

static bool visible(pp_color_t color, double width)
{
    return color.a > 0.0f && width > 0.0;
}

/*
 * line: one polyline; missing values break it into pieces of one shape, as
 * does a step in x beyond max_x_step (a row absent from the data).
 */
static pp_status draw_line(pp_canvas_t *canvas, const pp_figure_t *fig,
                           const pp__layout *layout, const pp__renderer *rend)
{
    const pp__resolved *d = &rend->data;
    pp_color_t color = rend->line.color.color;
    pp_stroke_style_t style;
    double *xy;
    size_t i, n = 0;
    pp_status st;

    color.a = (float)(color.a * rend->line.alpha);
    if (rend->line.color.kind != PP__SPEC_COLOR ||
        !visible(color, rend->line.width) || d->n == 0)
        return PP_OK;
    xy = malloc(d->n * 4 * sizeof *xy);
    if (xy == NULL)
        return PP_ERR_NOMEM;
    for (i = 0; i < d->n; i++) {
        if (rend->max_x_step > 0.0 && i > 0 &&
            d->x[i] - d->x[i - 1] > rend->max_x_step) {
            xy[2 * n] = NAN;
            xy[2 * n++ + 1] = NAN;
        }
        xy[2 * n] = pp__scale_x(fig, layout, d->x[i]);
        xy[2 * n++ + 1] = pp__scale_y(fig, layout, d->y[i]);
    }
    style = stroke_of(&rend->line, color);
    st = pp_canvas_stroke_polyline(canvas, xy, n, &style);
    free(xy);
    return st;
}

/* Label rows for bands: a label drops a row when it would touch one. */
#define BAND_LABEL_ROWS 4

/*
 * A band's span in screen x, at least one pixel wide: a narrower one is
 * the whole pixel its middle falls in (pixel i spans i - 0.5 to i + 0.5),
 * not a pixel's width smeared over two at part of the band's alpha.
 */
void pp__band_span(const pp_figure_t *fig, const pp__layout *layout,
                   const pp__renderer *rend, size_t i, double *left,
                   double *right)
{
    double middle;

    *left = pp__scale_x(fig, layout, rend->data.band_left[i]);
    *right = pp__scale_x(fig, layout, rend->data.band_right[i]);
    middle = floor((*left + *right) / 2.0 + 0.5);
    if (*right - *left < 1.0) {
        *left = middle - 0.5;
        *right = middle + 0.5;
    }
}

pp_status pp__band_labels(pp_fonts_t *fonts, const pp_figure_t *fig,
                          const pp__layout *layout, const pp__renderer *rend,
                          pp__band_label *out)
{
    const pp__font *font = &rend->band_label_font;
    pp_text_style_t text = pp__text_style(font, PP_ALIGN_LEFT);
    double row_end[BAND_LABEL_ROWS];
    size_t i;
    int row;

    for (row = 0; row < BAND_LABEL_ROWS; row++)
        row_end[row] = -HUGE_VAL;
    for (i = 0; i < rend->data.n; i++) {
        pp_text_metrics_t m;
        double left, right, middle;
        pp_status st;

        snprintf(out[i].text, sizeof out[i].text, "%s%s",
                 rend->band_label_prefix ? rend->band_label_prefix : "",
                 rend->data.band_labels[i]);
        if ((st = pp_text_measure(fonts, out[i].text, &text, &m)) != PP_OK)
            return st;
        pp__band_span(fig, layout, rend, i, &left, &right);
        middle = (left + right) / 2.0;
        for (row = 0; row < BAND_LABEL_ROWS - 1; row++)
            if (middle - m.width / 2.0 > row_end[row] + 4.0)
                break;
        row_end[row] = middle + m.width / 2.0;
        out[i].x = middle - m.width / 2.0;
        out[i].baseline = layout->frame.y + 3.0 + m.cap_height +
                          row * (m.ascent + m.descent);
    }
    return PP_OK;
}

/*
 * bands: translucent spans the frame's height, each labelled near the top.
 * A span narrower than a pixel is drawn one pixel wide, so a one-minute
 * incident on a three-day axis stays visible.
 */
static pp_status draw_bands(pp_canvas_t *canvas, pp_fonts_t *fonts,
                            const pp_figure_t *fig, const pp__layout *layout,
                            const pp__renderer *rend)
{
    const pp__resolved *d = &rend->data;
    const pp_rect_t *f = &layout->frame;
    pp_text_style_t text = pp__text_style(&rend->band_label_font,
                                          PP_ALIGN_LEFT);
    pp_color_t fill = rend->fill.color.color;
    pp__band_label *labels;
    pp_status st = PP_OK;
    size_t i;

    fill.a = (float)(fill.a * rend->fill.alpha);
    for (i = 0; i < d->n && st == PP_OK && fill.a > 0.0f; i++) {
        double left, right;
        pp__band_span(fig, layout, rend, i, &left, &right);
        /* The span in screen coordinates covers pixels by their edges. */
        st = pp_canvas_fill_rect(canvas, (pp_rect_t){left, f->y - 0.5,
                                                     right - left,
                                                     f->height + 1}, fill);
    }
    if (st != PP_OK || !rend->band_labels || text.size_px <= 0.0 || d->n == 0)
        return st;
    labels = calloc(d->n, sizeof *labels);
    if (labels == NULL)
        return PP_ERR_NOMEM;
    st = pp__band_labels(fonts, fig, layout, rend, labels);
    for (i = 0; i < d->n && st == PP_OK; i++)
        st = pp_canvas_draw_text(canvas, fonts, labels[i].text, labels[i].x,
                                 labels[i].baseline, &text);
    free(labels);
    return st;
}

/* segment and multi_line: every row is its own stroke, in row order. */
static pp_status draw_rows(pp_canvas_t *canvas, const pp_figure_t *fig,
                           const pp__layout *layout, const pp__renderer *rend)
{
    const pp__resolved *d = &rend->data;
    size_t nv = d->nvertices, row, v;
    double *xy = malloc((nv + 1) * 2 * sizeof *xy);
    pp_status st = PP_OK;

    if (xy == NULL)
        return PP_ERR_NOMEM;
    for (row = 0; row < d->n && st == PP_OK; row++) {
        pp_stroke_style_t style = stroke_of(&rend->line, d->line_colors[row]);
        if (!visible(style.color, style.width))
            continue;
        for (v = 0; v < nv; v++) {
            xy[2 * v] = pp__scale_x(fig, layout, d->xs[row * nv + v]);
            xy[2 * v + 1] = pp__scale_y(fig, layout, d->ys[row * nv + v]);
        }
        st = pp_canvas_stroke_polyline(canvas, xy, nv, &style);
    }
    free(xy);
    return st;
}

static pp_status draw_marker(pp_canvas_t *canvas, const pp__renderer *rend,
                             double sx, double sy, double size,
                             pp_color_t fill, pp_color_t line)
{
    pp_stroke_style_t style = stroke_of(&rend->line, line);
    double r = size / 2.0;
    pp_status st = PP_OK;

    if (!isfinite(sx) || !isfinite(sy) || !(size > 0.0))
        return PP_OK;
    if (rend->marker == PP__MARKER_SQUARE) {
        pp_rect_t box = {sx - r, sy - r, size, size};
        double outline[10] = {sx - r, sy - r, sx + r, sy - r, sx + r, sy + r,
                              sx - r, sy + r, sx - r, sy - r};
        if (fill.a > 0.0f)
            st = pp_canvas_fill_rect(canvas, box, fill);
        style.join = PP_JOIN_MITER;
        if (st == PP_OK && visible(line, style.width))
            st = pp_canvas_stroke_polyline(canvas, outline, 5, &style);
        return st;
    }
    /* Bokeh's circle marker: fill the disk, then stroke its outline. */
    if (fill.a > 0.0f)
        st = pp_canvas_fill_circle(canvas, sx, sy, r, fill);
    if (st == PP_OK && visible(line, style.width))
        st = pp_canvas_stroke_circle(canvas, sx, sy, r, &style);
    return st;
}

static pp_status draw_scatter(pp_canvas_t *canvas, const pp_figure_t *fig,
                              const pp__layout *layout,
                              const pp__renderer *rend)
{
    const pp__resolved *d = &rend->data;
    size_t i;
    pp_status st = PP_OK;

    for (i = 0; i < d->n && st == PP_OK; i++)
        st = draw_marker(canvas, rend, pp__scale_x(fig, layout, d->x[i]),
                         pp__scale_y(fig, layout, d->y[i]), d->sizes[i],
                         d->fill_colors[i], d->line_colors[i]);
    return st;
}

/* graph: the edges first, under the nodes, each edge its own stroke. */
static pp_status draw_graph(pp_canvas_t *canvas, const pp_figure_t *fig,
                            const pp__layout *layout,
                            const pp__renderer *rend)
{
    const pp__resolved *d = &rend->data;
    pp_status st = PP_OK;
    size_t i;

    for (i = 0; i < d->nedges && st == PP_OK; i++) {
        size_t a = d->edge_from[i], b = d->edge_to[i];
        double xy[4];
        pp_stroke_style_t style = stroke_of(&rend->edge_line,
                                            d->edge_colors[i]);
        if (!visible(style.color, style.width))
            continue;
        xy[0] = pp__scale_x(fig, layout, d->x[a]);
        xy[1] = pp__scale_y(fig, layout, d->y[a]);
        xy[2] = pp__scale_x(fig, layout, d->x[b]);
        xy[3] = pp__scale_y(fig, layout, d->y[b]);
        st = pp_canvas_stroke_polyline(canvas, xy, 2, &style);
    }
    if (st != PP_OK)
        return st;
    for (i = 0; i < d->n && st == PP_OK; i++)
        st = draw_marker(canvas, rend, pp__scale_x(fig, layout, d->x[i]),
                         pp__scale_y(fig, layout, d->y[i]), d->sizes[i],
                         d->fill_colors[i], d->line_colors[i]);
    return st;
}

pp_status pp__draw_renderer(pp_canvas_t *canvas, pp_fonts_t *fonts,
                            const pp_figure_t *fig, const pp__layout *layout,
                            const pp__renderer *rend)
{
    switch (rend->kind) {
    case PP__GLYPH_BANDS:
        return draw_bands(canvas, fonts, fig, layout, rend);
    case PP__GLYPH_LINE:
        return draw_line(canvas, fig, layout, rend);
    case PP__GLYPH_SEGMENT:
    case PP__GLYPH_MULTI_LINE:
        return draw_rows(canvas, fig, layout, rend);
    case PP__GLYPH_SCATTER:
        return draw_scatter(canvas, fig, layout, rend);
    case PP__GLYPH_GRAPH:
        return draw_graph(canvas, fig, layout, rend);
    }
    return PP_OK;
}

/* The entry's row's colour (the first row's for a whole renderer) stands
   for a renderer whose colour varies. */
static pp_color_t legend_line_color(const pp__renderer *rend, size_t row)
{
    pp_color_t c = rend->line.color.color;

    if (rend->line.color.kind == PP__SPEC_COLOR) {
        c.a = (float)(c.a * rend->line.alpha);
        return c;
    }
    if (row == PP__LEGEND_ALL_ROWS)
        row = 0;
    if (rend->data.line_colors != NULL && row < rend->data.n)
        return rend->data.line_colors[row];
    return (pp_color_t){0, 0, 0, 0.0f};
}

pp_status pp__draw_legend_glyph(pp_canvas_t *canvas,
                                const pp__renderer *rend, size_t row,
                                double x, double y, double width,
                                double height)
{
    if (rend->kind == PP__GLYPH_BANDS) {
        /* A filled box, as Bokeh draws an area glyph in a legend. */
        pp_color_t fill = rend->fill.color.color;
        fill.a = (float)(fill.a * rend->fill.alpha);
        return pp_canvas_fill_rect(canvas, (pp_rect_t){x - 0.5, y - 0.5,
                                                       width, height}, fill);
    }
    if (rend->kind == PP__GLYPH_SCATTER || rend->kind == PP__GLYPH_GRAPH) {
        double size = rend->size.kind == PP__SPEC_NUMBER
            ? rend->size.number : fmin(width, height) / 2.0;
        size_t r = row == PP__LEGEND_ALL_ROWS ? 0 : row;
        pp_color_t fill = rend->data.fill_colors != NULL && r < rend->data.n
            ? rend->data.fill_colors[r] : (pp_color_t){0, 0, 0, 0.0f};
        pp_color_t line = legend_line_color(rend, row);
        return draw_marker(canvas, rend, x + width / 2.0, y + height / 2.0,
                           fmin(size, fmin(width, height)), fill, line);
    } else {
        /* A line through the middle of the glyph box. */
        double xy[4] = {x, y + height / 2.0, x + width, y + height / 2.0};
        pp_stroke_style_t style = stroke_of(&rend->line,
                                            legend_line_color(rend, row));
        if (!visible(style.color, style.width))
            return PP_OK;
        return pp_canvas_stroke_polyline(canvas, xy, 2, &style);
    }
}
