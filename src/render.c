/*
 * Rendering a figure: data, ranges and layout, then painting in Bokeh's
 * order: border and frame fills, the frame outline, grid lines and glyphs
 * (both clipped to the frame), axes, the title and the legend.
 */
#include "model.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Canvases of a million pixels or more are painted on two threads; below
   that a thread costs more than it saves (measured: bench/NOTES.md). */
#define BAND_MIN_PIXELS 1000000.0

typedef struct painter {
    pp_canvas_t *canvas;
    pp_fonts_t *fonts;
    const pp_figure_t *fig;
    const pp__layout *layout;
} painter;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

/* A 1 px line between two points given in screen coordinates. */
static pp_status hairline(painter *p, double x0, double y0, double x1,
                          double y1, pp_color_t color, double width)
{
    double xy[4] = {x0, y0, x1, y1};
    pp_stroke_style_t style = {color, width, PP_CAP_BUTT, PP_JOIN_BEVEL, 10};

    if (color.a <= 0.0f || width <= 0.0)
        return PP_OK;
    return pp_canvas_stroke_polyline(p->canvas, xy, 2, &style);
}

typedef enum vertical_align {
    ALIGN_TOP,
    ALIGN_MIDDLE,
    ALIGN_BOTTOM
} vertical_align;

/*
 * Draws one line of text the way Bokeh's TextBox places it: (x, y) is the
 * anchor, the box is ascent + descent high (cap height for number-like
 * text), and valign says which part of the box sits at y. With angle 90 the
 * box is turned, so "y" runs along the canvas x axis, pointing left.
 */
static pp_status draw_label(painter *p, const char *text,
                            const pp__font *font, double x, double y,
                            pp_text_align align, vertical_align valign,
                            int angle)
{
    pp_text_style_t style;
    pp_text_metrics_t m;
    double top_to_baseline, height, baseline_offset;
    pp_status st;

    if (text == NULL || text[0] == '\0' || font->size_px <= 0.0)
        return PP_OK;
    style = pp__text_style(font, align);
    style.angle = angle;
    st = pp__text_height(p->fonts, text, font, &height, &m);
    if (st != PP_OK)
        return st;
    top_to_baseline = pp__is_math_like(text) ? m.cap_height : m.ascent;

    if (valign == ALIGN_TOP)
        baseline_offset = top_to_baseline;
    else if (valign == ALIGN_MIDDLE)
        baseline_offset = top_to_baseline - height / 2.0;
    else
        baseline_offset = top_to_baseline - height;
    if (angle == 90)
        return pp_canvas_draw_text(p->canvas, p->fonts, text,
                                   x + baseline_offset, y, &style);
    return pp_canvas_draw_text(p->canvas, p->fonts, text, x,
                               y + baseline_offset, &style);
}

static double text_width(painter *p, const char *text, const pp__font *font)
{
    pp_text_style_t style = pp__text_style(font, PP_ALIGN_LEFT);
    pp_text_metrics_t m;

    if (pp_text_measure(p->fonts, text, &style, &m) != PP_OK)
        return 0.0;
    return m.width;
}

/* ------------------------------------------------------------------------ */
/* Frame, outline and grid                                                   */
/* ------------------------------------------------------------------------ */

static pp_status draw_frame(painter *p)
{
    const pp_figure_t *fig = p->fig;
    pp_rect_t f = p->layout->frame;
    pp_color_t c = fig->outline_line_color;
    pp_status st = PP_OK;
    double w = f.width, h = f.height;

    if (fig->background_fill_color.a > 0.0f)
        st = pp_canvas_fill_rect(p->canvas,
                                 (pp_rect_t){f.x - 0.5, f.y - 0.5, w, h},
                                 fig->background_fill_color);
    if (st != PP_OK || c.a <= 0.0f)
        return st;

    /* A 1 px outline on the frame's edges; when the frame reaches the
       canvas's right or bottom edge the outline moves in to stay seen. */
    if (f.x + w >= fig->width)
        w -= 1.0;
    if (f.y + h >= fig->height)
        h -= 1.0;
    if ((st = pp_canvas_fill_rect(p->canvas,
                                  (pp_rect_t){f.x - 0.5, f.y - 0.5, w + 1, 1},
                                  c)) ||
        (st = pp_canvas_fill_rect(p->canvas,
                                  (pp_rect_t){f.x - 0.5, f.y + h - 0.5, w + 1,
                                              1}, c)) ||
        (st = pp_canvas_fill_rect(p->canvas,
                                  (pp_rect_t){f.x - 0.5, f.y + 0.5, 1, h - 1},
                                  c)))
        return st;
    return pp_canvas_fill_rect(p->canvas,
                               (pp_rect_t){f.x + w - 0.5, f.y + 0.5, 1, h - 1},
                               c);
}

/* Grid lines at the major ticks, on whole pixels, none at the range ends. */
static pp_status draw_grid(painter *p, const pp__axis *axis,
                           const pp__axis_layout *al, const pp__range *range,
                           bool vertical_axis)
{
    const pp_rect_t *f = &p->layout->frame;
    pp_status st = PP_OK;
    size_t i;

    if (!axis->grid_visible)
        return PP_OK;
    for (i = 0; i < al->ticks.nmajor && st == PP_OK; i++) {
        double t = al->ticks.major[i];
        if (t == range->start || t == range->end)
            continue;
        if (vertical_axis) {
            double sy = round(pp__scale_y(p->fig, p->layout, t));
            st = hairline(p, f->x, sy, f->x + f->width, sy,
                          axis->grid_line_color, axis->grid_line_width);
        } else {
            double sx = round(pp__scale_x(p->fig, p->layout, t));
            st = hairline(p, sx, f->y, sx, f->y + f->height,
                          axis->grid_line_color, axis->grid_line_width);
        }
    }
    return st;
}

/* ------------------------------------------------------------------------ */
/* Axes                                                                      */
/* ------------------------------------------------------------------------ */

static pp_status draw_ticks(painter *p, const double *ticks, size_t n,
                            pp_color_t color, double tick_in, double tick_out,
                            bool vertical_axis)
{
    const pp_rect_t *f = &p->layout->frame;
    pp_status st = PP_OK;
    size_t i;

    if (color.a <= 0.0f)
        return PP_OK;
    for (i = 0; i < n && st == PP_OK; i++) {
        if (vertical_axis) {
            double sy = round(pp__scale_y(p->fig, p->layout, ticks[i]));
            st = hairline(p, f->x - tick_out, sy, f->x + tick_in, sy, color,
                          1.0);
        } else {
            double sx = round(pp__scale_x(p->fig, p->layout, ticks[i]));
            double y0 = f->y + f->height;
            st = hairline(p, sx, y0 - tick_in, sx, y0 + tick_out, color, 1.0);
        }
    }
    return st;
}

static pp_status draw_tick_labels(painter *p, const pp__axis *axis,
                                  const pp__axis_layout *al,
                                  bool vertical_axis)
{
    const pp_rect_t *f = &p->layout->frame;
    const pp__font *font = &axis->major_label_font;
    double offset = al->tick_extent + axis->major_label_standoff;
    pp_status st = PP_OK;
    size_t i;

    for (i = 0; i < al->ticks.nmajor && st == PP_OK; i++) {
        const char *text = al->labels[i];
        double height;

        if (font->size_px <= 0.0 || text[0] == '\0')
            continue;
        if (vertical_axis) {
            double sy = pp__scale_y(p->fig, p->layout, al->ticks.major[i]);
            st = pp__text_height(p->fonts, text, font, &height, NULL);
            if (st == PP_OK) {
                sy = pp__tick_label_centre(p->fig, sy, height, true);
                st = draw_label(p, text, font, f->x - offset, sy,
                                PP_ALIGN_RIGHT, ALIGN_MIDDLE, 0);
            }
        } else {
            double sx = pp__scale_x(p->fig, p->layout, al->ticks.major[i]);
            double width = text_width(p, text, font);
            st = draw_label(p, text, font,
                            pp__tick_label_centre(p->fig, sx, width, false),
                            f->y + f->height + offset, PP_ALIGN_CENTER,
                            ALIGN_TOP, 0);
        }
    }
    return st;
}

static pp_status draw_axis(painter *p, const pp__axis *axis,
                           const pp__axis_layout *al, bool vertical_axis)
{
    const pp_rect_t *f = &p->layout->frame;
    double x0 = f->x, y0 = f->y + f->height, label_at;
    pp_status st;

    if (!axis->visible)
        return PP_OK;
    if (vertical_axis)
        st = hairline(p, x0, f->y, x0, y0, axis->axis_line_color, 1.0);
    else
        st = hairline(p, x0, y0, x0 + f->width, y0, axis->axis_line_color,
                      1.0);
    if (st != PP_OK ||
        (st = draw_ticks(p, al->ticks.major, al->ticks.nmajor,
                         axis->major_tick_line_color, axis->major_tick_in,
                         axis->major_tick_out, vertical_axis)) ||
        (st = draw_ticks(p, al->ticks.minor, al->ticks.nminor,
                         axis->minor_tick_line_color, axis->minor_tick_in,
                         axis->minor_tick_out, vertical_axis)) ||
        (st = draw_tick_labels(p, axis, al, vertical_axis)))
        return st;

    label_at = al->tick_extent + al->labels_extent +
               axis->axis_label_standoff;
    if (vertical_axis)
        /* Turned to read upwards, its top towards the canvas edge. */
        return draw_label(p, axis->axis_label, &axis->axis_label_font,
                          x0 - label_at, f->y + f->height / 2.0,
                          PP_ALIGN_CENTER, ALIGN_BOTTOM, 90);
    return draw_label(p, axis->axis_label, &axis->axis_label_font,
                      x0 + f->width / 2.0, y0 + label_at, PP_ALIGN_CENTER,
                      ALIGN_TOP, 0);
}

/* ------------------------------------------------------------------------ */
/* Title and legend                                                          */
/* ------------------------------------------------------------------------ */

static pp_status draw_title(painter *p)
{
    const pp__title *title = &p->fig->title;
    const pp_rect_t *f = &p->layout->frame;
    double x;

    if (p->layout->title_height <= 0.0)
        return PP_OK;
    if (title->align == PP_ALIGN_CENTER)
        x = f->x + f->width / 2.0;
    else if (title->align == PP_ALIGN_RIGHT)
        x = f->x + f->width;
    else
        x = f->x;
    /* Bokeh puts the bottom of the text half the standoff above the panel's
       bottom, centred over the frame (not the canvas). */
    return draw_label(p, title->text, &title->font, x,
                      p->layout->title_height - title->standoff / 2.0,
                      title->align, ALIGN_BOTTOM, 0);
}

/*
 * The legend is an HTML box in Bokeh, so its numbers are canvas (CSS)
 * pixels, not screen coordinates: a CSS position c is screen c - 0.5.
 */
static pp_status draw_legend(painter *p)
{
    const pp__legend *legend = &p->fig->legend;
    const pp__legend_layout *ll = &p->layout->legend;
    double x = ll->x - 0.5, y = ll->y - 0.5, w = ll->width, h = ll->height;
    pp_color_t border = legend->border_line_color;
    pp_status st = PP_OK;
    size_t i;

    if (ll->nitems == 0 || !legend->visible)
        return PP_OK;
    if (legend->background_fill_color.a > 0.0f)
        st = pp_canvas_fill_rect(p->canvas, (pp_rect_t){x, y, w, h},
                                 legend->background_fill_color);
    if (st == PP_OK && border.a > 0.0f &&
        ((st = pp_canvas_fill_rect(p->canvas, (pp_rect_t){x, y, w, 1},
                                   border)) ||
         (st = pp_canvas_fill_rect(p->canvas,
                                   (pp_rect_t){x, y + h - 1, w, 1}, border)) ||
         (st = pp_canvas_fill_rect(p->canvas,
                                   (pp_rect_t){x, y + 1, 1, h - 2}, border)) ||
         (st = pp_canvas_fill_rect(p->canvas,
                                   (pp_rect_t){x + w - 1, y + 1, 1, h - 2},
                                   border))))
        return st;

    for (i = 0; i < ll->nitems && st == PP_OK; i++) {
        const pp__legend_item *item = &ll->items[i];
        const pp__renderer *rend = &p->fig->renderers[item->renderer];
        double gx = ll->x + 1.0 + legend->padding;
        double gy = ll->y + 1.0 + legend->padding +
                    i * (legend->glyph_height + legend->spacing);

        /* Each glyph has its own small canvas, translated by half a pixel
           like the figure's, so its coordinates are screen ones at gx. */
        st = pp__draw_legend_glyph(p->canvas, rend, item->row, gx, gy,
                                   legend->glyph_width, legend->glyph_height);
        if (st == PP_OK)
            st = draw_label(p, item->label, &legend->label_font,
                            gx + legend->glyph_width + legend->label_standoff
                                - 0.5,
                            gy + legend->glyph_height / 2.0 - 0.5,
                            PP_ALIGN_LEFT, ALIGN_MIDDLE, 0);
    }
    return st;
}

/* ------------------------------------------------------------------------ */
/* The figure                                                                */
/* ------------------------------------------------------------------------ */

static pp_status paint(painter *p)
{
    const pp_figure_t *fig = p->fig;
    const pp__layout *layout = p->layout;
    pp_rect_t legend_clip;
    pp_status st;
    size_t i;

    if ((st = draw_frame(p)) != PP_OK)
        return st;

    pp_canvas_set_clip(p->canvas, &layout->frame);
    st = draw_grid(p, &fig->xaxis, &layout->x, &fig->x_range, false);
    if (st == PP_OK)
        st = draw_grid(p, &fig->yaxis, &layout->y, &fig->y_range, true);
    for (i = 0; i < fig->nrenderers && st == PP_OK; i++)
        st = pp__draw_renderer(p->canvas, p->fonts, fig, layout,
                               &fig->renderers[i]);
    pp_canvas_set_clip(p->canvas, NULL);
    if (st != PP_OK)
        return st;

    if ((st = draw_axis(p, &fig->xaxis, &layout->x, false)) ||
        (st = draw_axis(p, &fig->yaxis, &layout->y, true)) ||
        (st = draw_title(p)))
        return st;

    /* Bokeh draws the legend inside the frame and cuts it at the frame's
       edges, in canvas (CSS) pixels as the legend's box (draw_legend), so
       the axis line under the frame's last row stays whole. */
    legend_clip = (pp_rect_t){layout->frame.x - 0.5, layout->frame.y - 0.5,
                              layout->frame.width, layout->frame.height};
    pp_canvas_set_clip(p->canvas, &legend_clip);
    st = draw_legend(p);
    pp_canvas_set_clip(p->canvas, NULL);
    return st;
}

/*
 * Two threads paint a large canvas at once, each the whole figure but only
 * the pixels of its rows: alternate rows, so both get a share of the dense
 * parts. The second goes through a copy of the canvas struct with its own
 * band, scan converter and fonts (FreeType faces serve one thread). Every
 * shape is computed the same way whatever the band (raster.c steps over
 * other rows, it does not cut edges), so the pixels are exactly those of
 * one thread.
 *
 * The second thread starts with the render, loading its fonts while the
 * first reads the data, then waits to be told to paint (or not to).
 */
typedef enum band_state {
    BAND_WAIT,
    BAND_PAINT,
    BAND_CANCEL
} band_state;

typedef struct band_job {
    bool running;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    band_state state;
    pp_fonts_t *source_fonts;
    pp_fonts_t *fonts;          /* its own; NULL when they failed to load */
    painter p;
    pp_canvas_t canvas;
    pp_status status;
} band_job;

static void *band_thread(void *arg)
{
    band_job *job = arg;
    pp_fonts_t *fonts;
    band_state state;

    if (pp__fonts_clone(job->source_fonts, &fonts) != PP_OK)
        fonts = NULL;
    pthread_mutex_lock(&job->lock);
    job->fonts = fonts;
    while (job->state == BAND_WAIT)
        pthread_cond_wait(&job->changed, &job->lock);
    state = job->state;
    pthread_mutex_unlock(&job->lock);

    if (state == BAND_PAINT && job->fonts != NULL) {
        job->p.fonts = job->fonts;
        job->status = paint(&job->p);
    }
    return NULL;
}

/* Starts the second thread when it can help; job->running says if so. */
static void band_start(band_job *job, pp_fonts_t *fonts,
                       const pp_figure_t *fig)
{
    memset(job, 0, sizeof *job);
    if ((double)fig->width * fig->height < BAND_MIN_PIXELS ||
        fig->threads == 1 || !pp__threads_help())
        return;
    job->source_fonts = fonts;
    job->state = BAND_WAIT;
    if (pthread_mutex_init(&job->lock, NULL) != 0)
        return;
    if (pthread_cond_init(&job->changed, NULL) != 0) {
        pthread_mutex_destroy(&job->lock);
        return;
    }
    job->running = pthread_create(&job->thread, NULL, band_thread, job) == 0;
    if (!job->running) {
        pthread_cond_destroy(&job->changed);
        pthread_mutex_destroy(&job->lock);
    }
}

static void band_tell(band_job *job, band_state state)
{
    pthread_mutex_lock(&job->lock);
    /* Fonts ready and the thread waiting: it may start with what the
       layout measured instead of measuring it again. */
    if (state == BAND_PAINT && job->fonts != NULL)
        pp__fonts_copy_caches(job->fonts, job->source_fonts);
    job->state = state;
    pthread_cond_signal(&job->changed);
    pthread_mutex_unlock(&job->lock);
}

/* Waits for the second thread and frees what it used. */
static void band_finish(band_job *job)
{
    pthread_join(job->thread, NULL);
    pthread_cond_destroy(&job->changed);
    pthread_mutex_destroy(&job->lock);
    pp__raster_destroy(job->canvas.raster);
    pp_fonts_destroy(job->fonts);
}

static void band_cancel(band_job *job)
{
    if (!job->running)
        return;
    band_tell(job, BAND_CANCEL);
    band_finish(job);
}

/* Makes the canvas paint only a band (or, with 1, all of it again). */
static void set_band(pp_canvas_t *canvas, int nbands, int band)
{
    canvas->nbands = nbands;
    canvas->band = band;
    /* Its scan converter holds only the rows of the band it was made for. */
    pp__raster_destroy(canvas->raster);
    canvas->raster = NULL;
}

static pp_status paint_in_bands(painter *p, band_job *job)
{
    pp_canvas_t *canvas = p->canvas;
    bool helped;
    pp_status st;

    if (!job->running)
        return paint(p);
    job->p = *p;
    job->canvas = *canvas;
    job->canvas.raster = NULL;
    job->canvas.nbands = 2;
    job->canvas.band = 1;
    job->p.canvas = &job->canvas;
    band_tell(job, BAND_PAINT);

    set_band(canvas, 2, 0);
    st = paint(p);
    band_finish(job);
    helped = job->fonts != NULL;
    if (st == PP_OK && !helped) {
        /* No second set of fonts: this thread paints the other rows too. */
        set_band(canvas, 2, 1);
        st = paint(p);
    }
    set_band(canvas, 1, 0);
    return st != PP_OK || !helped ? st : job->status;
}

pp_status pp__figure_prepare(pp_figure_t *fig, pp_fonts_t *fonts,
                             pp__layout *layout, pp_error_t *err)
{
    size_t i;
    pp_status st;

    memset(layout, 0, sizeof *layout);
    for (i = 0; i < fig->nrenderers; i++)
        if ((st = pp__resolve_renderer(fig, &fig->renderers[i], err)))
            return st;
    pp__compute_ranges(fig);
    st = pp__layout_compute(fig, fonts, layout, err);
    if (st != PP_OK)
        pp__layout_free(layout);
    return st;
}

pp_status pp_figure_render(pp_figure_t *fig, pp_fonts_t *fonts,
                           pp_canvas_t **out, pp_error_t *err)
{
    pp__layout layout;
    pp_canvas_t *canvas;
    band_job job;
    painter p;
    pp_status st;

    *out = NULL;
    band_start(&job, fonts, fig);
    if ((st = pp__figure_prepare(fig, fonts, &layout, err)) != PP_OK) {
        band_cancel(&job);
        return st;
    }
    st = pp_canvas_create(fig->width, fig->height, fig->border_fill_color,
                          &canvas);
    if (st != PP_OK) {
        band_cancel(&job);
        pp__layout_free(&layout);
        return pp__fail(err, st, "%s: cannot create a %dx%d canvas: %s",
                        fig->spec_path, fig->width, fig->height,
                        pp_strerror(st));
    }
    p.canvas = canvas;
    p.fonts = fonts;
    p.fig = fig;
    p.layout = &layout;
    st = paint_in_bands(&p, &job);
    pp__layout_free(&layout);
    /* The scan converter's cells (8 bytes a pixel) are done with: freed
       now, their pages hold the PNG data next (bigmem.c). Drawing more on
       the canvas makes new ones. */
    pp__raster_destroy(canvas->raster);
    canvas->raster = NULL;
    if (st != PP_OK) {
        pp_canvas_destroy(canvas);
        return pp__fail(err, st, "%s: drawing failed: %s", fig->spec_path,
                        pp_strerror(st));
    }
    *out = canvas;
    return PP_OK;
}
