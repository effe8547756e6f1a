/*
 * The gnuplot backend's data, plots and legend: every renderer's resolved
 * data as a datablock in the script, then one plot command drawing them
 * in the figure's order, as render.c does.
 *
 * Glyphs map to gnuplot styles: line to `lines`, segment and graph edges
 * to `vectors nohead` (each row its own stroke, so translucent rows darken
 * where they cross, as in Bokeh), multi_line to `lines` with a blank line
 * between rows, circle markers to `circles` and square ones to
 * `boxxyerror`. Per-row colours are `lc rgb variable`; a threshold_cmap is
 * written as a gnuplot function of the column, so it can be edited.
 */
#include "pp_gnuplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a renderer's line or fill colour is written. */
typedef enum color_kind {
    COLOR_CONSTANT,     /* one colour for every row */
    COLOR_THRESHOLD,    /* a gnuplot function of a column of numbers */
    COLOR_ROWS          /* a column of 0xAARRGGBB, one per row */
} color_kind;

typedef struct row_colors {
    color_kind kind;
    pp_color_t constant;
    const double *values;       /* THRESHOLD: the field, one per row */
    const pp_color_t *rows;     /* ROWS: the resolved colours */
} row_colors;

static bool visible(pp_color_t c)
{
    return c.a > 0.0f;
}

static pp_color_t times_alpha(pp_color_t c, double alpha)
{
    c.a = (float)(c.a * alpha);
    return c;
}

/* A spec's single colour with the alpha applied; none is transparent. */
static pp_color_t spec_color(const pp__dataspec *spec, double alpha)
{
    if (spec->kind != PP__SPEC_COLOR)
        return (pp_color_t){0, 0, 0, 0.0f};
    return times_alpha(spec->color, alpha);
}

/*
 * How to write the colours of n rows resolved into `rows` from a spec: a
 * threshold_cmap over a column without missing values stays a function;
 * other fields are written row by row.
 */
static void classify_colors(pp__gp_writer *w, const pp__dataspec *spec,
                            double alpha, const char *source,
                            const pp_color_t *rows, size_t n,
                            row_colors *rc)
{
    const pp__transform *t = spec->transform;
    pp__table *table;
    const pp__column *col;
    size_t i;

    memset(rc, 0, sizeof *rc);
    if (spec->kind != PP__SPEC_FIELD || rows == NULL) {
        rc->kind = COLOR_CONSTANT;
        rc->constant = spec_color(spec, alpha);
        return;
    }
    rc->kind = COLOR_ROWS;
    rc->rows = rows;
    if (t == NULL || t->kind != PP__TRANSFORM_THRESHOLD_CMAP ||
        pp__source_table(w->fig, source, &table, NULL) != PP_OK ||
        (col = pp__table_find(table, spec->field)) == NULL ||
        col->kind != PP__COLUMN_NUMBER || table->nrows != n)
        return;
    for (i = 0; i < n; i++)
        if (!isfinite(col->numbers[i]))
            return;
    rc->kind = COLOR_THRESHOLD;
    rc->values = col->numbers;
}

/* color3(v) = v < 1000 ? 0x66000080 : 0x66ff0000 */
static void put_threshold_function(pp__gp_writer *w, size_t index,
                                   const pp__dataspec *spec, double alpha)
{
    const pp__transform *t = spec->transform;
    size_t i;

    pp__str_printf(w->s, "# renderers[%zu]: colours by threshold_cmap of "
                   "'", index);
    pp__gp_comment_text(w->s, spec->field);
    pp__str_printf(w->s, "'.\ncolor%zu(v) = ", index);
    for (i = 0; i < t->nthresholds; i++) {
        pp__str_puts(w->s, "v < ");
        pp__gp_number(w->s, t->thresholds[i]);
        pp__str_printf(w->s, " ? 0x%08lx : ",
                       pp__gp_argb(times_alpha(t->palette[i], alpha)));
    }
    pp__str_printf(w->s, "0x%08lx\n",
                   pp__gp_argb(times_alpha(t->palette[i], alpha)));
}

/* The colour of row i as a datablock column (nothing for a constant). */
static void put_row_color(pp__str *s, const row_colors *rc, size_t i)
{
    if (rc->kind == COLOR_THRESHOLD) {
        pp__str_puts(s, " ");
        pp__gp_number(s, rc->values[i]);
    } else if (rc->kind == COLOR_ROWS) {
        pp__str_printf(s, " 0x%08lx", pp__gp_argb(rc->rows[i]));
    }
}

static bool row_visible(const row_colors *rc, size_t i)
{
    return rc->kind != COLOR_ROWS || visible(rc->rows[i]);
}

/* The using column of the colour, column k of the datablock. */
static void put_color_using(pp__str *s, const row_colors *rc, size_t index,
                            int k)
{
    if (rc->kind == COLOR_THRESHOLD)
        pp__str_printf(s, ":(color%zu($%d))", index, k);
    else if (rc->kind == COLOR_ROWS)
        pp__str_printf(s, ":%d", k);
}

static void put_color_style(pp__str *s, const row_colors *rc)
{
    if (rc->kind == COLOR_CONSTANT)
        pp__gp_color(s, rc->constant);
    else
        pp__str_puts(s, "rgb variable");
}

static void put_row(pp__str *s, const double *values, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (i > 0)
            pp__str_puts(s, " ");
        pp__gp_number(s, values[i]);
    }
}

static bool all_finite(const double *values, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!isfinite(values[i]))
            return false;
    return true;
}

/* ------------------------------------------------------------------------ */
/* Lines and segments                                                        */
/* ------------------------------------------------------------------------ */

/* line: one polyline; a missing value is a blank line, a break. */
static void write_line(pp__gp_writer *w, size_t index, pp__str *plots)
{
    const pp__renderer *r = &w->fig->renderers[index];
    const pp__resolved *d = &r->data;
    pp_color_t color = spec_color(&r->line.color, r->line.alpha);
    bool gap = true;
    size_t i, points = 0;

    if (!visible(color) || r->line.width <= 0.0 || d->n == 0)
        return;
    pp__str_printf(w->s, "$r%zu << EOD\n", index);
    for (i = 0; i < d->n; i++) {
        double xy[2] = {d->x[i], d->y[i]};
        /* A step beyond max_x_step breaks the line, as a gap would. */
        if (r->max_x_step > 0.0 && i > 0 && !gap &&
            d->x[i] - d->x[i - 1] > r->max_x_step) {
            pp__str_puts(w->s, "\n");
            gap = true;
        }
        if (!all_finite(xy, 2)) {
            if (!gap)
                pp__str_puts(w->s, "\n");
            gap = true;
            continue;
        }
        put_row(w->s, xy, 2);
        pp__str_puts(w->s, "\n");
        gap = false;
        points++;
    }
    pp__str_puts(w->s, "EOD\n");
    if (points == 0)
        return;

    pp__str_printf(plots, ", \\\n    $r%zu using 1:2 with lines lw ", index);
    pp__gp_px(plots, r->line.width);
    pp__str_puts(plots, " lc ");
    pp__gp_color(plots, color);
    pp__str_puts(plots, " notitle");
}

/* A row of x0 y0 x1 y1 [colour] that `vectors` draws; false if none. */
static bool put_vector_row(pp__gp_writer *w, const double *x0y0x1y1,
                           const row_colors *rc, size_t i)
{
    if (!all_finite(x0y0x1y1, 4) || !row_visible(rc, i))
        return false;
    put_row(w->s, x0y0x1y1, 4);
    put_row_color(w->s, rc, i);
    pp__str_puts(w->s, "\n");
    return true;
}

static void put_vectors_plot(pp__str *plots, const char *block, size_t index,
                             const row_colors *rc, double width)
{
    pp__str_printf(plots, ", \\\n    %s using 1:2:($3-$1):($4-$2)", block);
    put_color_using(plots, rc, index, 5);
    pp__str_puts(plots, " with vectors nohead lw ");
    pp__gp_px(plots, width);
    pp__str_puts(plots, " lc ");
    put_color_style(plots, rc);
    pp__str_puts(plots, " notitle");
}

static void write_segments(pp__gp_writer *w, size_t index, pp__str *plots)
{
    const pp__renderer *r = &w->fig->renderers[index];
    const pp__resolved *d = &r->data;
    row_colors rc;
    char block[32];
    size_t i, rows = 0;

    if (r->line.width <= 0.0 || d->n == 0)
        return;
    classify_colors(w, &r->line.color, r->line.alpha, r->source,
                    d->line_colors, d->n, &rc);
    if (rc.kind == COLOR_CONSTANT && !visible(rc.constant))
        return;
    if (rc.kind == COLOR_THRESHOLD)
        put_threshold_function(w, index, &r->line.color, r->line.alpha);

    pp__str_printf(w->s, "$r%zu << EOD\n", index);
    for (i = 0; i < d->n; i++) {
        double v[4] = {d->xs[2 * i], d->ys[2 * i], d->xs[2 * i + 1],
                       d->ys[2 * i + 1]};
        rows += put_vector_row(w, v, &rc, i);
    }
    pp__str_puts(w->s, "EOD\n");
    /* gnuplot warns about a plot without points: leave it out. */
    snprintf(block, sizeof block, "$r%zu", index);
    if (rows > 0)
        put_vectors_plot(plots, block, index, &rc, r->line.width);
}

/* multi_line: a block of vertices per row, blank lines between. */
static void write_multi_line(pp__gp_writer *w, size_t index, pp__str *plots)
{
    const pp__renderer *r = &w->fig->renderers[index];
    const pp__resolved *d = &r->data;
    size_t nv = d->nvertices, i, v, points = 0;
    row_colors rc;

    if (r->line.width <= 0.0 || d->n == 0 || nv == 0)
        return;
    classify_colors(w, &r->line.color, r->line.alpha, r->source,
                    d->line_colors, d->n, &rc);
    if (rc.kind == COLOR_CONSTANT && !visible(rc.constant))
        return;
    if (rc.kind == COLOR_THRESHOLD)
        put_threshold_function(w, index, &r->line.color, r->line.alpha);

    pp__str_printf(w->s, "$r%zu << EOD\n", index);
    for (i = 0; i < d->n; i++) {
        if (!row_visible(&rc, i))
            continue;
        for (v = 0; v < nv; v++) {
            double xy[2] = {d->xs[i * nv + v], d->ys[i * nv + v]};
            if (!all_finite(xy, 2)) {
                pp__str_puts(w->s, "\n");
                continue;
            }
            put_row(w->s, xy, 2);
            put_row_color(w->s, &rc, i);
            pp__str_puts(w->s, "\n");
            points++;
        }
        pp__str_puts(w->s, "\n");
    }
    pp__str_puts(w->s, "EOD\n");
    if (points == 0)
        return;

    pp__str_printf(plots, ", \\\n    $r%zu using 1:2", index);
    put_color_using(plots, &rc, index, 3);
    pp__str_puts(plots, " with lines lw ");
    pp__gp_px(plots, r->line.width);
    pp__str_puts(plots, " lc ");
    put_color_style(plots, &rc);
    pp__str_puts(plots, " notitle");
}

/* ------------------------------------------------------------------------ */
/* Markers and graphs                                                        */
/* ------------------------------------------------------------------------ */

/* The data value dpx pixels beyond v along an axis (for marker sizes). */
static double shifted(const pp__range *range, pp__axis_type type,
                      double length_px, double v, double dpx)
{
    if (type == PP__AXIS_LOG)
        return v * pow(range->end / range->start, dpx / length_px);
    return v + (range->end - range->start) * dpx / length_px;
}

/* The marker's outline: one colour for all rows (gnuplot has one). */
static pp_color_t outline_color(const pp__renderer *r)
{
    if (r->line.color.kind == PP__SPEC_COLOR)
        return spec_color(&r->line.color, r->line.alpha);
    if (r->data.line_colors != NULL && r->data.n > 0)
        return r->data.line_colors[0];
    return (pp_color_t){0, 0, 0, 0.0f};
}

/* Fill style and outline of circles and boxes: "fs solid 1.0 border lc". */
static void put_marker_style(pp__str *plots, const pp__renderer *r,
                             const row_colors *fill)
{
    pp_color_t line = outline_color(r);
    bool filled = fill->kind != COLOR_CONSTANT || visible(fill->constant);

    pp__str_puts(plots, " lw ");
    pp__gp_px(plots, r->line.width > 0.0 ? r->line.width : 1.0);
    pp__str_puts(plots, " lc ");
    put_color_style(plots, fill);
    pp__str_puts(plots, filled ? " fs solid 1.0" : " fs empty");
    if (visible(line) && r->line.width > 0.0) {
        pp__str_puts(plots, " border lc ");
        pp__gp_color(plots, line);
    } else {
        pp__str_puts(plots, " noborder");
    }
    pp__str_puts(plots, " notitle");
}

/*
 * A marker's row: x y and the radius in x units for a circle (nothing more
 * on a log x axis), x y xlow xhigh ylow yhigh for a square. False when the
 * marker is not drawn.
 */
static bool put_marker_row(pp__gp_writer *w, const pp__renderer *r,
                           size_t i, const row_colors *fill)
{
    const pp_figure_t *fig = w->fig;
    const pp__resolved *d = &r->data;
    const pp_rect_t *f = &w->layout->frame;
    const pp__range *xr = &fig->x_range, *yr = &fig->y_range;
    pp__axis_type xt = fig->xaxis.type, yt = fig->yaxis.type;
    double h = d->sizes[i] / 2.0;
    double v[6] = {d->x[i], d->y[i], 0, 0, 0, 0};
    size_t n = 3;

    if (!all_finite(v, 2) || !(h > 0.0))
        return false;
    if (r->marker == PP__MARKER_SQUARE) {
        v[2] = shifted(xr, xt, f->width, v[0], -h);
        v[3] = shifted(xr, xt, f->width, v[0], h);
        v[4] = shifted(yr, yt, f->height, v[1], -h);
        v[5] = shifted(yr, yt, f->height, v[1], h);
        n = 6;
    } else if (xt == PP__AXIS_LOG) {
        n = 2;
    } else {
        v[2] = fabs(shifted(xr, PP__AXIS_LINEAR, f->width, 0.0, h));
    }
    put_row(w->s, v, n);
    put_row_color(w->s, fill, i);
    pp__str_puts(w->s, "\n");
    return true;
}

/*
 * Markers: circles take their radius in x units (or, on a log x axis, one
 * radius for all, the first marker's, from `set style circle`); squares
 * are boxes with their corners in data units.
 */
static void write_markers(pp__gp_writer *w, size_t index, const char *block,
                          pp__str *plots)
{
    const pp__renderer *r = &w->fig->renderers[index];
    const pp__resolved *d = &r->data;
    bool square = r->marker == PP__MARKER_SQUARE;
    bool log_x = w->fig->xaxis.type == PP__AXIS_LOG;
    double first_size = NAN;
    row_colors fill;
    size_t i;

    classify_colors(w, &r->fill.color, r->fill.alpha, r->source,
                    d->fill_colors, d->n, &fill);
    if (fill.kind == COLOR_THRESHOLD)
        fill.kind = COLOR_ROWS;
    pp__str_printf(w->s, "%s << EOD\n", block);
    for (i = 0; i < d->n; i++)
        if (put_marker_row(w, r, i, &fill) && isnan(first_size))
            first_size = d->sizes[i];
    pp__str_puts(w->s, "EOD\n");
    if (isnan(first_size))
        return;

    if (!square && log_x && !w->circle_radius_set) {
        /* One radius for every circle plot: the first marker's. */
        pp__str_puts(w->s, "set style circle radius ");
        pp__gp_screen_x(w, first_size / 2.0);
        pp__str_puts(w->s, "\n");
        w->circle_radius_set = true;
    }
    if (square)
        pp__str_printf(plots, ", \\\n    %s using 1:2:3:4:5:6", block);
    else
        pp__str_printf(plots, ", \\\n    %s using 1:2%s", block,
                       log_x ? "" : ":3");
    put_color_using(plots, &fill, index, square ? 7 : log_x ? 3 : 4);
    pp__str_puts(plots, square ? " with boxxyerror" : " with circles");
    put_marker_style(plots, r, &fill);
}

/* graph: the edges (vectors between node positions), then the nodes. */
static void write_graph(pp__gp_writer *w, size_t index, pp__str *plots)
{
    const pp__renderer *r = &w->fig->renderers[index];
    const pp__resolved *d = &r->data;
    char block[32];
    row_colors rc;
    size_t i, rows = 0;

    classify_colors(w, &r->edge_line.color, r->edge_line.alpha,
                    r->edge_source, d->edge_colors, d->nedges, &rc);
    if (d->nedges > 0 && r->edge_line.width > 0.0 &&
        (rc.kind != COLOR_CONSTANT || visible(rc.constant))) {
        if (rc.kind == COLOR_THRESHOLD)
            put_threshold_function(w, index, &r->edge_line.color,
                                   r->edge_line.alpha);
        pp__str_printf(w->s, "$r%zu_edges << EOD\n", index);
        for (i = 0; i < d->nedges; i++) {
            size_t a = d->edge_from[i], b = d->edge_to[i];
            double v[4] = {d->x[a], d->y[a], d->x[b], d->y[b]};
            rows += put_vector_row(w, v, &rc, i);
        }
        pp__str_puts(w->s, "EOD\n");
        snprintf(block, sizeof block, "$r%zu_edges", index);
        if (rows > 0)
            put_vectors_plot(plots, block, index, &rc, r->edge_line.width);
    }
    snprintf(block, sizeof block, "$r%zu_nodes", index);
    write_markers(w, index, block, plots);
}

/* bands: rectangles behind the plot, over the frame's height, labelled. */
static pp_status write_bands(pp__gp_writer *w, size_t index)
{
    const pp__renderer *r = &w->fig->renderers[index];
    const pp__resolved *d = &r->data;
    pp_color_t fill = spec_color(&r->fill.color, r->fill.alpha);
    pp__band_label *labels;
    size_t i;
    pp_status st = PP_OK;

    if (d->n == 0)
        return PP_OK;
    for (i = 0; i < d->n && visible(fill); i++) {
        double left = d->band_left[i], right = d->band_right[i], sl, sr;

        /* As pngplot draws it: at least a pixel wide, or gnuplot's
           coverage of a quarter pixel at alpha 0.2 leaves nothing. */
        pp__band_span(w->fig, w->layout, r, i, &sl, &sr);
        if (sr - sl > pp__scale_x(w->fig, w->layout, right) -
                          pp__scale_x(w->fig, w->layout, left)) {
            left = pp__unscale_x(w->fig, w->layout, sl);
            right = pp__unscale_x(w->fig, w->layout, sr);
        }
        /* Tags from 1000 on keep clear of the frame's and the legend's. */
        pp__str_printf(w->s, "set object %zu rectangle from first ",
                       1000 + index * 100000 + i);
        pp__gp_number(w->s, left);
        pp__str_puts(w->s, ", graph 0 to first ");
        pp__gp_number(w->s, right);
        pp__str_puts(w->s, ", graph 1 behind fillcolor ");
        pp__gp_color(w->s, (pp_color_t){fill.r, fill.g, fill.b, 1.0f});
        pp__str_puts(w->s, " fillstyle transparent solid ");
        pp__gp_px(w->s, fill.a);
        pp__str_puts(w->s, " noborder\n");
    }
    if (!r->band_labels || r->band_label_font.size_px <= 0.0)
        return PP_OK;
    labels = calloc(d->n, sizeof *labels);
    if (labels == NULL)
        return PP_ERR_NOMEM;
    st = pp__band_labels(w->fonts, w->fig, w->layout, r, labels);
    for (i = 0; i < d->n && st == PP_OK; i++) {
        pp_text_metrics_t m;
        double height, top, centre;

        /* pp__gp_label_centre wants the text's top, from its baseline. */
        st = pp__text_height(w->fonts, labels[i].text, &r->band_label_font,
                             &height, &m);
        top = labels[i].baseline - (pp__is_math_like(labels[i].text)
                                    ? m.cap_height : m.ascent);
        if (st == PP_OK)
            st = pp__gp_label_centre(w, labels[i].text, &r->band_label_font,
                                     top, PP__GP_TOP, &centre);
        if (st == PP_OK)
            pp__gp_label(w, (int)(1000 + index * 100000 + i), labels[i].text,
                         &r->band_label_font, labels[i].x, centre,
                         PP_ALIGN_LEFT, false);
    }
    free(labels);
    return st;
}

static void write_scatter(pp__gp_writer *w, size_t index, pp__str *plots)
{
    char block[32];

    snprintf(block, sizeof block, "$r%zu", index);
    write_markers(w, index, block, plots);
}

pp_status pp__gp_write_plots(pp__gp_writer *w, pp_error_t *err)
{
    pp__str plots = {NULL, 0, 0, false};
    size_t i;

    pp__str_puts(w->s, "# The data of each renderer, as pngplot read and "
                 "evaluated it.\n");
    for (i = 0; i < w->fig->nrenderers; i++) {
        switch (w->fig->renderers[i].kind) {
        case PP__GLYPH_LINE:
            write_line(w, i, &plots);
            break;
        case PP__GLYPH_SEGMENT:
            write_segments(w, i, &plots);
            break;
        case PP__GLYPH_MULTI_LINE:
            write_multi_line(w, i, &plots);
            break;
        case PP__GLYPH_SCATTER:
            write_scatter(w, i, &plots);
            break;
        case PP__GLYPH_GRAPH:
            write_graph(w, i, &plots);
            break;
        case PP__GLYPH_BANDS:
            if (write_bands(w, i) != PP_OK) {
                pp__str_free(&plots);
                return pp__fail_status(err, PP_ERR_NOMEM);
            }
            break;
        }
    }

    /* Each clause starts with ", \\\n    "; the first loses its comma. */
    pp__str_puts(w->s, "\nunset key\nplot ");
    if (plots.len > 2)
        pp__str_puts(w->s, plots.data + 2);
    else
        pp__str_puts(w->s, "NaN notitle");
    pp__str_puts(w->s, "\nunset output\n");
    if (plots.failed) {
        pp__str_free(&plots);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    pp__str_free(&plots);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* The legend                                                                */
/* ------------------------------------------------------------------------ */

/* The colour a legend row shows, as glyphs.c picks it: that of the
   entry's data row (the first row for a whole renderer). */
static pp_color_t legend_line_color(const pp__renderer *r, size_t data_row)
{
    const pp__line_props *line = r->kind == PP__GLYPH_GRAPH ? &r->edge_line
                                                             : &r->line;

    if (line->color.kind == PP__SPEC_COLOR)
        return spec_color(&line->color, line->alpha);
    if (data_row != PP__LEGEND_ALL_ROWS && r->data.line_colors != NULL &&
        data_row < r->data.n)
        return r->data.line_colors[data_row];
    return outline_color(r);
}

/* A marker sample: a circle or square object over the legend box. */
static void put_marker_sample(pp__gp_writer *w, size_t row,
                              const pp__renderer *r, size_t data_row,
                              double cx, double cy)
{
    const pp__legend *legend = &w->fig->legend;
    double box = fmin(legend->glyph_width, legend->glyph_height);
    double size = r->size.kind == PP__SPEC_NUMBER ? r->size.number
                                                  : box / 2.0;
    size_t fill_row = data_row == PP__LEGEND_ALL_ROWS ? 0 : data_row;
    pp_color_t fill = r->data.fill_colors != NULL && fill_row < r->data.n
        ? r->data.fill_colors[fill_row] : (pp_color_t){0, 0, 0, 0.0f};
    pp_color_t line = legend_line_color(r, data_row);

    size = fmin(size, box);
    if (r->marker == PP__MARKER_SQUARE)
        pp__str_printf(w->s, "set object %zu rectangle center ", 10 + row);
    else
        pp__str_printf(w->s, "set object %zu circle at ", 10 + row);
    pp__gp_screen_x(w, cx);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, cy);
    pp__str_puts(w->s, " size ");
    if (r->marker == PP__MARKER_SQUARE) {
        pp__gp_screen_x(w, size);
        pp__str_puts(w->s, ", screen ");
        pp__gp_px(w->s, size);
        pp__str_printf(w->s, "/%d.", w->fig->height - 1);
    } else {
        pp__gp_screen_x(w, size / 2.0);
    }
    pp__str_puts(w->s, " front fillcolor ");
    pp__gp_color(w->s, fill);
    pp__str_puts(w->s, visible(fill) ? " fillstyle solid 1.0"
                                     : " fillstyle empty");
    if (visible(line) && r->line.width > 0.0) {
        pp__str_puts(w->s, " border lc ");
        pp__gp_color(w->s, line);
        pp__str_puts(w->s, " lw ");
        pp__gp_px(w->s, r->line.width);
        pp__str_puts(w->s, "\n");
    } else {
        pp__str_puts(w->s, " noborder\n");
    }
}

/* An area sample: the glyph box filled with the bands' colour. */
static void put_fill_sample(pp__gp_writer *w, size_t row,
                            const pp__renderer *r, double x, double y)
{
    const pp__legend *legend = &w->fig->legend;
    pp_color_t fill = spec_color(&r->fill.color, r->fill.alpha);

    if (!visible(fill))
        return;
    pp__str_printf(w->s, "set object %zu rectangle from ", 10 + row);
    pp__gp_screen_x(w, x);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, y + legend->glyph_height);
    pp__str_puts(w->s, " to ");
    pp__gp_screen_x(w, x + legend->glyph_width);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, y);
    pp__str_puts(w->s, " front fillcolor ");
    pp__gp_color(w->s, (pp_color_t){fill.r, fill.g, fill.b, 1.0f});
    pp__str_puts(w->s, " fillstyle transparent solid ");
    pp__gp_px(w->s, fill.a);
    pp__str_puts(w->s, " noborder\n");
}

/* A line sample: an arrow without a head across the glyph box. */
static void put_line_sample(pp__gp_writer *w, size_t row,
                            const pp__renderer *r, double x, double y)
{
    const pp__legend *legend = &w->fig->legend;
    pp_color_t line = legend_line_color(r, PP__LEGEND_ALL_ROWS);
    double width = r->kind == PP__GLYPH_GRAPH ? r->edge_line.width
                                              : r->line.width;

    if (!visible(line) || width <= 0.0)
        return;
    pp__str_printf(w->s, "set arrow %zu from ", 1 + row);
    pp__gp_screen_x(w, x);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, y);
    pp__str_puts(w->s, " to ");
    pp__gp_screen_x(w, x + legend->glyph_width);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, y);
    pp__str_puts(w->s, " nohead front lw ");
    pp__gp_px(w->s, width);
    pp__str_puts(w->s, " lc ");
    pp__gp_color(w->s, line);
    pp__str_puts(w->s, "\n");
}

/*
 * The box, then per row its sample and label, at render.c's positions (the
 * box is in CSS pixels, so a device coordinate is its CSS one).
 */
pp_status pp__gp_write_legend(pp__gp_writer *w)
{
    const pp__legend *legend = &w->fig->legend;
    const pp__legend_layout *ll = &w->layout->legend;
    pp_color_t fill = legend->background_fill_color;
    size_t i;
    pp_status st;

    if (ll->nitems == 0 || !legend->visible)
        return PP_OK;
    pp__str_puts(w->s, "# The legend, where pngplot draws it.\n"
                 "set object 2 rectangle from ");
    pp__gp_screen_x(w, ll->x);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, ll->y + ll->height - 1.0);
    pp__str_puts(w->s, " to ");
    pp__gp_screen_x(w, ll->x + ll->width - 1.0);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, ll->y);
    pp__str_puts(w->s, " front fillcolor ");
    fill.a = 1.0f;
    pp__gp_color(w->s, fill);
    pp__str_puts(w->s, " fillstyle ");
    if (visible(legend->background_fill_color)) {
        pp__str_puts(w->s, "transparent solid ");
        pp__gp_px(w->s, legend->background_fill_color.a);
    } else {
        pp__str_puts(w->s, "empty");
    }
    if (visible(legend->border_line_color)) {
        pp__str_puts(w->s, " border lc ");
        pp__gp_color(w->s, legend->border_line_color);
        pp__str_puts(w->s, " lw 1\n");
    } else {
        pp__str_puts(w->s, " noborder\n");
    }

    for (i = 0; i < ll->nitems; i++) {
        const pp__legend_item *item = &ll->items[i];
        const pp__renderer *r = &w->fig->renderers[item->renderer];
        double gx = ll->x + 1.0 + legend->padding;
        double gy = ll->y + 1.0 + legend->padding +
                    i * (legend->glyph_height + legend->spacing);
        double y;

        if (r->kind == PP__GLYPH_SCATTER || r->kind == PP__GLYPH_GRAPH)
            put_marker_sample(w, i, r, item->row,
                              gx + legend->glyph_width / 2.0,
                              gy + legend->glyph_height / 2.0);
        else if (r->kind == PP__GLYPH_BANDS)
            put_fill_sample(w, i, r, gx, gy);
        else
            put_line_sample(w, i, r, gx, gy + legend->glyph_height / 2.0);
        st = pp__gp_label_centre(w, item->label, &legend->label_font,
                                 gy + legend->glyph_height / 2.0 - 0.5,
                                 PP__GP_MIDDLE, &y);
        if (st != PP_OK)
            return st;
        if (legend->label_font.size_px > 0.0)
            pp__gp_label(w, 10 + (int)i, item->label, &legend->label_font,
                         gx + legend->glyph_width + legend->label_standoff,
                         y, PP_ALIGN_LEFT, false);
    }
    return PP_OK;
}
