/*
 * Layout as Bokeh does it: automatic ranges, ticks and tick labels, the
 * sizes of the panels around the frame, and the legend box.
 *
 * The numbers follow BokehJS 3.10 (see the reference notes): the title
 * panel is the title's height plus its standoff; an axis panel is the
 * rounded sum of the tick length, standoff + label size + 3 and standoff +
 * axis label height + 3; every side is at least min_border.
 */
#include "model.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Extra space Bokeh adds after tick labels and axis labels. */
#define LABEL_PADDING 3.0

/* Tick labels wider than this share of the canvas are shortened with an
   ellipsis, so one very long category cannot squeeze the frame away. */
#define MAX_LABEL_SHARE 0.25

/* ------------------------------------------------------------------------ */
/* Ranges                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct extent {
    double min, max;
    bool any;
} extent;

static void extend(extent *e, const double *values, size_t n, bool log_axis)
{
    size_t i;

    if (values == NULL)
        return;
    for (i = 0; i < n; i++) {
        double v = values[i];
        if (!isfinite(v) || (log_axis && v <= 0.0))
            continue;
        if (!e->any || v < e->min)
            e->min = v;
        if (!e->any || v > e->max)
            e->max = v;
        e->any = true;
    }
}

static void data_extents(const pp_figure_t *fig, extent *x, extent *y)
{
    bool xlog = fig->xaxis.type == PP__AXIS_LOG;
    bool ylog = fig->yaxis.type == PP__AXIS_LOG;
    size_t i;

    for (i = 0; i < fig->nrenderers; i++) {
        const pp__resolved *d = &fig->renderers[i].data;
        extend(x, d->x, d->n, xlog);
        extend(y, d->y, d->n, ylog);
        extend(x, d->xs, d->n * d->nvertices, xlog);
        extend(y, d->ys, d->n * d->nvertices, ylog);
        /* Bands span the frame's height, and their own stretch of x: a
           figure of bands alone shows them. */
        extend(x, d->band_left, d->n, xlog);
        extend(x, d->band_right, d->n, xlog);
    }
}

static double clamp_finite(double v)
{
    if (v > DBL_MAX)
        return DBL_MAX;
    if (v < -DBL_MAX)
        return -DBL_MAX;
    return v;
}

/*
 * Half the range around data of zero span. Bokeh's DataRange1d takes one
 * unit either side, which on a date-time axis is a millisecond, ticked in
 * microseconds: half an hour either side shows a single minute of a log
 * (or a day of daily data) with readable labels instead.
 */
static double half_unit(pp__axis_type type)
{
    return type == PP__AXIS_DATETIME ? 30.0 * 60.0 * 1000.0 : 1.0;
}

/* Bokeh's DataRange1d: the data span plus range_padding of it in all. */
static void auto_range(pp__range *range, const extent *e, pp__axis_type type)
{
    double half_span, pad;

    if (!range->automatic)
        return;
    if (!e->any) {
        /* No data: an empty frame over a unit range. */
        range->start = type == PP__AXIS_LOG ? 1.0 : 0.0;
        range->end = type == PP__AXIS_LOG ? 10.0 : 1.0;
        return;
    }
    if (type == PP__AXIS_LOG) {
        double lo = log10(e->min), hi = log10(e->max);
        if (hi == lo) {
            lo -= 1.0;
            hi += 1.0;
        }
        pad = (hi - lo) * range->range_padding / 2.0;
        /* Data near the ends of the doubles must not pad out of them:
           10^(lo - pad) would be 0 and 10^(hi + pad) infinite. The floor
           is the least positive double, not DBL_MIN: data all below
           DBL_MIN (subnormal, 1e-320) would otherwise fall outside. */
        double least = nextafter(0.0, 1.0);
        range->start = fmax(pow(10.0, lo - pad), least);
        range->end = fmin(pow(10.0, hi + pad), DBL_MAX);
        if (!(range->start < range->end)) {
            range->start = least;
            range->end = DBL_MAX;
        }
        return;
    }
    if (e->max == e->min) {
        /* A zero span becomes one unit either side, even around 0 (on
           a date-time axis, half an hour). */
        range->start = e->min - half_unit(type);
        range->end = e->max + half_unit(type);
        return;
    }
    /* Halves first, so a span from -1e308 to 1e308 does not overflow. */
    half_span = e->max / 2.0 - e->min / 2.0;
    pad = half_span * range->range_padding;
    range->start = clamp_finite(e->min - pad);
    range->end = clamp_finite(e->max + pad);
    if (!(range->start < range->end)) {
        /* Spans so small that padding vanishes in rounding. */
        range->start = e->min - fabs(e->min) * 1e-9 - 1e-300;
        range->end = e->max + fabs(e->max) * 1e-9 + 1e-300;
    }
}

/*
 * An automatic range with one end given keeps that end; when the data
 * leave nothing on the other side of it, the other end is one unit away
 * (a decade on a log axis).
 */
static void fixed_end(pp_figure_t *fig, pp__range *range,
                      pp__axis_type type, const char *name, bool any_data)
{
    double start = range->start, end = range->end;
    char where[PP_ERROR_MESSAGE_SIZE / 2];

    if (!range->automatic || !(range->start_given || range->end_given))
        return;
    if (range->start_given)
        start = range->given_start;
    if (range->end_given)
        end = range->given_end;
    if (!(start < end)) {
        /* Most likely a mistake (a start in the wrong unit): say so. */
        if (any_data) {
            char value[64];
            pp__format_range_value(value, sizeof value,
                                   range->start_given ? start : end,
                                   type == PP__AXIS_DATETIME);
            pp__loc_prefix(fig, &range->loc, false, where, sizeof where);
            pp__warn(&fig->warnings, "%s%s_range: the given %s %s leaves "
                     "all the data outside the range", where, name,
                     range->start_given ? "start" : "end", value);
        }
        /* One unit; on a date-time axis an hour (see half_unit). */
        double unit = type == PP__AXIS_DATETIME ? 2.0 * half_unit(type) : 1.0;
        if (range->start_given)
            end = type == PP__AXIS_LOG ? start * 10.0 : start + unit;
        else
            start = type == PP__AXIS_LOG ? end / 10.0 : end - unit;
    }
    range->start = start;
    range->end = end;
}

void pp__compute_ranges(pp_figure_t *fig)
{
    extent x = {0, 0, false}, y = {0, 0, false};

    data_extents(fig, &x, &y);
    auto_range(&fig->x_range, &x, fig->xaxis.type);
    auto_range(&fig->y_range, &y, fig->yaxis.type);
    fixed_end(fig, &fig->x_range, fig->xaxis.type, "x", x.any);
    fixed_end(fig, &fig->y_range, fig->yaxis.type, "y", y.any);
}

/* ------------------------------------------------------------------------ */
/* Scales                                                                    */
/* ------------------------------------------------------------------------ */

/* Where v falls between start (0) and end (1). */
static double range_fraction(const pp__range *range, pp__axis_type type,
                             double v)
{
    if (type == PP__AXIS_LOG) {
        double lo = log10(range->start), hi = log10(range->end);
        return v > 0.0 ? (log10(v) - lo) / (hi - lo) : NAN;
    }
    /* Halves keep ranges near +-DBL_MAX finite. */
    return (v / 2.0 - range->start / 2.0) /
           (range->end / 2.0 - range->start / 2.0);
}

double pp__scale_x(const pp_figure_t *fig, const pp__layout *layout, double v)
{
    return layout->frame.x + range_fraction(&fig->x_range, fig->xaxis.type, v) *
                             layout->frame.width;
}

double pp__unscale_x(const pp_figure_t *fig, const pp__layout *layout,
                     double sx)
{
    const pp__range *r = &fig->x_range;
    double t = (sx - layout->frame.x) / layout->frame.width;

    if (fig->xaxis.type == PP__AXIS_LOG)
        return pow(10.0, log10(r->start) + t * (log10(r->end) -
                                                 log10(r->start)));
    return 2.0 * (r->start / 2.0 + t * (r->end / 2.0 - r->start / 2.0));
}

double pp__scale_y(const pp_figure_t *fig, const pp__layout *layout, double v)
{
    return layout->frame.y + layout->frame.height -
           range_fraction(&fig->y_range, fig->yaxis.type, v) *
               layout->frame.height;
}

/* ------------------------------------------------------------------------ */
/* Text measurement                                                          */
/* ------------------------------------------------------------------------ */

bool pp__is_math_like(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;

    if (*p == '\0')
        return false;
    while (*p != '\0') {
        if (strchr("0123456789,.+-e", *p) != NULL) {
            p++;
        } else if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {
            p += 3; /* U+2212 minus sign */
        } else {
            return false;
        }
    }
    return true;
}

pp_text_style_t pp__text_style(const pp__font *font, pp_text_align align)
{
    pp_text_style_t style;

    memset(&style, 0, sizeof style);
    style.font_style = font->style;
    style.size_px = font->size_px;
    style.color = font->color;
    style.align = align;
    style.baseline = PP_BASELINE_ALPHABETIC;
    return style;
}

pp_status pp__text_height(pp_fonts_t *fonts, const char *text,
                          const pp__font *font, double *height,
                          pp_text_metrics_t *metrics)
{
    pp_text_style_t style = pp__text_style(font, PP_ALIGN_LEFT);
    pp_text_metrics_t local;
    pp_status st;

    if (metrics == NULL)
        metrics = &local;
    st = pp_text_measure(fonts, text, &style, metrics);
    if (st != PP_OK)
        return st;
    *height = pp__is_math_like(text) ? metrics->cap_height
                                     : metrics->ascent + metrics->descent;
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Ticks and labels                                                          */
/* ------------------------------------------------------------------------ */

static pp_status fixed_ticks(const double *values, size_t n,
                             const pp__range *range, pp__ticks *out)
{
    size_t i;

    out->major = calloc(n + 1, sizeof *out->major);
    if (out->major == NULL)
        return PP_ERR_NOMEM;
    for (i = 0; i < n; i++)
        if (values[i] >= range->start && values[i] <= range->end)
            out->major[out->nmajor++] = values[i];
    return PP_OK;
}

static pp_status factor_ticks(pp_figure_t *fig, const pp__axis *axis,
                              const pp__range *range, pp__ticks *out,
                              pp__factor_list **list, pp_error_t *err)
{
    size_t i;
    pp_status st = pp__factor_list_get(fig, axis->ticker_factors, list, err);

    if (st != PP_OK)
        return st;
    out->major = calloc((*list)->nitems + 1, sizeof *out->major);
    if (out->major == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    for (i = 1; i <= (*list)->nitems; i++)
        if (i >= range->start && i <= range->end)
            out->major[out->nmajor++] = (double)i;
    return PP_OK;
}

/* JavaScript's Date range, which a datetime axis can label. */
#define DATETIME_LIMIT_MS 8.64e15

/*
 * Says why an axis has no ticks: most often a range its type cannot show,
 * given in the spec or reached by the data.
 */
static pp_status ticks_fail(const pp_figure_t *fig, const pp__axis *axis,
                            const pp__range *range, pp_status st,
                            pp_error_t *err)
{
    const char *name = axis == &fig->xaxis ? "x" : "y";
    /* A range with an end given ("y_range.start": 0) is the spec's. */
    bool from_data = range->automatic && !range->start_given &&
                     !range->end_given;
    const char *whose = from_data ? "the data's" : "the";
    char where[PP_ERROR_MESSAGE_SIZE / 2];

    pp__loc_prefix(fig, from_data ? NULL : &range->loc, false, where,
                   sizeof where);
    if (axis->type == PP__AXIS_LOG && !(range->start > 0.0))
        return pp__fail(err, PP_ERR_DATA, "%s%s_range: a log axis needs a "
                        "range above 0, but %s range is [%g, %g]", where,
                        name, whose, range->start, range->end);
    if (axis->type == PP__AXIS_DATETIME &&
        !(fabs(range->start) <= DATETIME_LIMIT_MS &&
          fabs(range->end) <= DATETIME_LIMIT_MS))
        return pp__fail(err, PP_ERR_DATA, "%s%s_range: a datetime axis "
                        "shows times within \xC2\xB1" "8.64e15 ms of 1970 "
                        "(JavaScript's dates), but %s range is [%g, %g]",
                        where, name, whose, range->start, range->end);
    return pp__fail(err, st, "%s%s axis: cannot place ticks on the range "
                    "[%g, %g]: %s", where, name, range->start, range->end,
                    pp_strerror(st));
}

/*
 * How sparse an automatic ticker's ticks are asked to be: the
 * desired_num_ticks it is given (Bokeh's, or less, maybe between two whole
 * counts, when labels overlapped: see thin_axis), and how many times it
 * was thinned, which on a log axis over decades puts the powers of ten
 * that many decades further apart. Other tickers ignore both.
 */
typedef struct thinning {
    double desired;
    int fewer;
} thinning;

static thinning bokeh_thinning(const pp__axis *axis)
{
    thinning t;

    t.desired = axis->desired_num_ticks;
    t.fewer = 0;
    return t;
}

static pp_status compute_ticks(pp_figure_t *fig, const pp__axis *axis,
                               const pp__range *range, const thinning *thin,
                               pp__axis_layout *al,
                               pp__factor_list **factors, pp_error_t *err)
{
    double desired = thin->desired;
    pp_status st;

    *factors = NULL;
    switch (axis->ticker) {
    case PP__TICKER_FIXED:
        st = fixed_ticks(axis->fixed_ticks, axis->nfixed_ticks, range,
                         &al->ticks);
        break;
    case PP__TICKER_FACTORS:
        return factor_ticks(fig, axis, range, &al->ticks, factors, err);
    default:
        if (axis->type == PP__AXIS_LOG)
            st = pp__ticks_log_sparser(range->start, range->end, desired,
                                       axis->num_minor_ticks, thin->fewer,
                                       &al->ticks);
        else if (axis->type == PP__AXIS_DATETIME)
            st = pp__ticks_datetime(range->start, range->end, desired,
                                    &al->ticks);
        else
            st = pp__ticks_basic(range->start, range->end, desired,
                                 axis->num_minor_ticks, &al->ticks);
        break;
    }
    if (st != PP_OK)
        return ticks_fail(fig, axis, range, st, err);
    return PP_OK;
}

static const char *override_for(const pp__axis *axis, double tick)
{
    size_t i;

    for (i = 0; i < axis->noverrides; i++)
        if (axis->overrides[i].value == tick)
            return axis->overrides[i].text;
    return NULL;
}

static pp_status compute_labels(pp_fonts_t *fonts, const pp__axis *axis,
                                pp__axis_layout *al,
                                const pp__factor_list *factors,
                                pp_error_t *err)
{
    size_t i, n = al->ticks.nmajor;
    pp_status st;

    if (axis->type == PP__AXIS_LOG && factors == NULL)
        st = pp__format_ticks_log(al->ticks.major, n,
                                  pp__superscript_mask(fonts), &al->labels);
    else if (axis->type == PP__AXIS_DATETIME && factors == NULL)
        st = pp__format_ticks_datetime(al->ticks.major, n, &al->labels);
    else
        st = pp__format_ticks_basic(al->ticks.major, n, &al->labels);
    if (st != PP_OK)
        return pp__fail_status(err, st);

    for (i = 0; i < n; i++) {
        const char *text = override_for(axis, al->ticks.major[i]);
        if (text == NULL && factors != NULL)
            text = factors->items[(size_t)al->ticks.major[i] - 1];
        if (text == NULL)
            continue;
        free(al->labels[i]);
        al->labels[i] = pp__strdup(text);
        if (al->labels[i] == NULL)
            return pp__fail_status(err, PP_ERR_NOMEM);
    }
    return PP_OK;
}

/* Longest labels looked at when shortening; more never fits a canvas. */
#define MAX_LABEL_BYTES 4096

/* Label text cut after `bytes` bytes, with an ellipsis. */
static char *with_ellipsis(const char *label, size_t bytes)
{
    char *text = malloc(bytes + 4);

    if (text == NULL)
        return NULL;
    memcpy(text, label, bytes);
    memcpy(text + bytes, "\xE2\x80\xA6", 4);
    return text;
}

/*
 * Cuts a label to fit max_width, ending it with an ellipsis. *quoted gets
 * the label as a message quotes it (up to 60 bytes, cut between
 * characters, with "..." when cut), for the caller's one warning.
 */
static pp_status shorten_label(pp_fonts_t *fonts, const pp__font *font,
                               char **label, double max_width,
                               char quoted[68])
{
    pp_text_style_t style = pp__text_style(font, PP_ALIGN_LEFT);
    size_t len = strlen(*label), nstarts = 0, lo, hi, i, keep;
    size_t *starts;
    char *best;

    /* Offsets where characters start, to cut only between characters. */
    if (len > MAX_LABEL_BYTES)
        len = MAX_LABEL_BYTES;
    starts = malloc((len + 1) * sizeof *starts);
    if (starts == NULL)
        return PP_ERR_NOMEM;
    for (i = 0; i < len; i++)
        if (((unsigned char)(*label)[i] & 0xC0) != 0x80)
            starts[nstarts++] = i;

    /* Binary search: the first lo characters fit, more than hi do not. */
    lo = 0;
    hi = nstarts;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        pp_text_metrics_t m;
        char *text = with_ellipsis(*label, mid < nstarts ? starts[mid] : len);
        pp_status st = text == NULL ? PP_ERR_NOMEM
                                    : pp_text_measure(fonts, text, &style, &m);
        free(text);
        if (st != PP_OK) {
            free(starts);
            return st;
        }
        if (m.width <= max_width)
            lo = mid;
        else
            hi = mid - 1;
    }
    best = with_ellipsis(*label, lo < nstarts ? starts[lo] : len);
    free(starts);
    if (best == NULL)
        return PP_ERR_NOMEM;
    /* Quoted up to 60 bytes, cut at the start of a character. */
    keep = strlen(*label) > 60 ? 60 : strlen(*label);
    while (keep > 0 && ((unsigned char)(*label)[keep] & 0xC0) == 0x80)
        keep--;
    snprintf(quoted, 68, "%.*s%s", (int)keep, *label,
             strlen(*label) > 60 ? "..." : "");
    free(*label);
    *label = best;
    return PP_OK;
}

/*
 * The space tick labels need across the axis: their width for a vertical
 * axis, their height for a horizontal one.
 */
static pp_status labels_extent(pp_figure_t *fig, pp_fonts_t *fonts,
                               const pp__axis *axis, pp__axis_layout *al,
                               bool vertical, pp_error_t *err)
{
    pp_text_style_t style = pp__text_style(&axis->major_label_font,
                                           PP_ALIGN_LEFT);
    double biggest = 0.0, limit = MAX_LABEL_SHARE * fig->width;
    bool any = false;
    size_t i, nshortened = 0;
    char first_shortened[68] = "", quoted[68];
    pp_status st;

    al->math_like = true;
    for (i = 0; i < al->ticks.nmajor; i++) {
        pp_text_metrics_t m;
        double size;

        if (al->labels[i][0] == '\0')
            continue;
        any = true;
        al->math_like &= pp__is_math_like(al->labels[i]);
        st = pp_text_measure(fonts, al->labels[i], &style, &m);
        if (st == PP_OK && vertical && m.width > limit) {
            st = shorten_label(fonts, &axis->major_label_font,
                               &al->labels[i], limit, quoted);
            if (st == PP_OK && nshortened++ == 0)
                memcpy(first_shortened, quoted, sizeof quoted);
            if (st == PP_OK)
                st = pp_text_measure(fonts, al->labels[i], &style, &m);
        }
        if (st != PP_OK)
            return pp__fail(err, st, "%s: cannot measure tick label '%s': %s",
                            fig->spec_path, al->labels[i], pp_strerror(st));
        if (vertical)
            size = m.width;
        else
            size = pp__is_math_like(al->labels[i]) ? m.cap_height
                                                   : m.ascent + m.descent;
        if (size > biggest)
            biggest = size;
    }
    /* One warning for the axis, however many labels were cut. */
    if (nshortened == 1)
        pp__warn(&fig->warnings, "shortened the tick label '%s' to %.0f px "
                 "so the frame keeps its room", first_shortened, limit);
    else if (nshortened > 1)
        pp__warn(&fig->warnings, "shortened %zu tick labels (the first "
                 "'%s') to %.0f px so the frame keeps its room", nshortened,
                 first_shortened, limit);
    if (!any || axis->major_label_font.size_px <= 0.0)
        al->labels_extent = 0.0;
    else
        al->labels_extent = axis->major_label_standoff + biggest +
                            LABEL_PADDING;
    return PP_OK;
}

static pp_status layout_axis(pp_figure_t *fig, pp_fonts_t *fonts,
                             const pp__axis *axis, const pp__range *range,
                             const thinning *thin, pp__axis_layout *al,
                             bool vertical, pp_error_t *err)
{
    pp__factor_list *factors;
    pp_status st;
    double height;

    memset(al, 0, sizeof *al);
    if ((st = compute_ticks(fig, axis, range, thin, al, &factors, err)) ||
        (st = compute_labels(fonts, axis, al, factors, err)))
        return st;
    if (!axis->visible) {
        al->depth = 0;
        return PP_OK;
    }

    /* Ticks take their length even when drawn in no colour, as in Bokeh. */
    al->tick_extent = 0.0;
    if (al->ticks.nmajor > 0)
        al->tick_extent = axis->major_tick_out;
    if (al->ticks.nminor > 0 && axis->minor_tick_out > al->tick_extent)
        al->tick_extent = axis->minor_tick_out;

    if ((st = labels_extent(fig, fonts, axis, al, vertical, err)) != PP_OK)
        return st;

    al->axis_label_extent = 0.0;
    if (axis->axis_label != NULL && axis->axis_label[0] != '\0' &&
        axis->axis_label_font.size_px > 0.0) {
        st = pp__text_height(fonts, axis->axis_label, &axis->axis_label_font,
                             &height, NULL);
        if (st != PP_OK)
            return pp__fail(err, st, "%s: cannot measure the axis label: %s",
                            fig->spec_path, pp_strerror(st));
        al->axis_label_extent = axis->axis_label_standoff + height +
                                LABEL_PADDING;
    }
    al->depth = (int)lround(al->tick_extent + al->labels_extent +
                            al->axis_label_extent);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Tick labels that overlap                                                  */
/* ------------------------------------------------------------------------ */

/*
 * The least room between neighbouring tick labels, in px. Side by side on
 * the x axis, labels need about a space and a half (3 px at 11px) to read
 * as two numbers: "2.000e+54.000e+5" reads as one. Stacked on the y axis,
 * their boxes are their heights (the cap height of a number), and 2 px
 * keeps two rows of digits from touching.
 */
#define LABEL_GAP_X 4.0
#define LABEL_GAP_Y 2.0

double pp__tick_label_centre(const pp_figure_t *fig, double at, double extent,
                             bool vertical)
{
    double limit = vertical ? fig->height : fig->width;

    if (at - extent / 2.0 < 0.0)
        at = extent / 2.0;
    if (at + extent / 2.0 > limit)
        at = limit - extent / 2.0;
    return at;
}

/* A drawn tick label along its axis: its tick and its box, in px. */
typedef struct label_span {
    double tick, low, high;
} label_span;

static int compare_spans(const void *a, const void *b)
{
    const label_span *p = a, *q = b;
    double cp = p->low + p->high, cq = q->low + q->high;

    if (cp != cq)
        return cp < cq ? -1 : 1;
    return (p->tick > q->tick) - (p->tick < q->tick);
}

/* How crowded an axis's tick labels are, as drawn. */
typedef struct crowding {
    size_t nlabels;         /* labels drawn */
    double least_gap;       /* between neighbours; INFINITY below two */
    double largest;         /* the widest (x) or tallest (y) label */
    double closest;         /* the least distance between their ticks */
} crowding;

/*
 * Places the drawn labels as render.c draws them (centred on their ticks,
 * kept inside the canvas) and finds the least room between neighbours.
 * Sorted by centre, neighbours are enough: if any two boxes overlap, two
 * neighbours do. Hidden labels (font size 0, empty text, a hidden axis)
 * take no room and are left out.
 */
static pp_status measure_crowding(const pp_figure_t *fig, pp_fonts_t *fonts,
                                  const pp__axis *axis,
                                  const pp__layout *layout,
                                  const pp__axis_layout *al, bool vertical,
                                  crowding *c)
{
    pp_text_style_t style = pp__text_style(&axis->major_label_font,
                                           PP_ALIGN_LEFT);
    label_span *spans;
    size_t i, n = 0;

    c->nlabels = 0;
    c->least_gap = c->closest = INFINITY;
    c->largest = 0.0;
    if (!axis->visible || axis->major_label_font.size_px <= 0.0 ||
        al->ticks.nmajor < 2)
        return PP_OK;
    spans = malloc(al->ticks.nmajor * sizeof *spans);
    if (spans == NULL)
        return PP_ERR_NOMEM;
    for (i = 0; i < al->ticks.nmajor; i++) {
        double tick = al->ticks.major[i], extent, centre;
        pp_text_metrics_t m;
        pp_status st;

        if (al->labels[i][0] == '\0')
            continue;
        if (vertical) {
            tick = pp__scale_y(fig, layout, tick);
            st = pp__text_height(fonts, al->labels[i],
                                 &axis->major_label_font, &extent, NULL);
        } else {
            tick = pp__scale_x(fig, layout, tick);
            st = pp_text_measure(fonts, al->labels[i], &style, &m);
            extent = m.width;
        }
        if (st != PP_OK) {
            free(spans);
            return st;
        }
        centre = pp__tick_label_centre(fig, tick, extent, vertical);
        spans[n].tick = tick;
        spans[n].low = centre - extent / 2.0;
        spans[n].high = centre + extent / 2.0;
        c->largest = fmax(c->largest, extent);
        n++;
    }
    qsort(spans, n, sizeof *spans, compare_spans);
    for (i = 1; i < n; i++) {
        c->least_gap = fmin(c->least_gap, spans[i].low - spans[i - 1].high);
        c->closest = fmin(c->closest, fabs(spans[i].tick - spans[i - 1].tick));
    }
    c->nlabels = n;
    free(spans);
    return PP_OK;
}

static bool is_crowded(const crowding *c, bool vertical)
{
    return c->least_gap < (vertical ? LABEL_GAP_Y : LABEL_GAP_X);
}

/* ------------------------------------------------------------------------ */
/* Legend                                                                    */
/* ------------------------------------------------------------------------ */

static pp_status layout_legend(pp_figure_t *fig, pp_fonts_t *fonts,
                               pp__layout *layout, pp_error_t *err)
{
    const pp__legend *legend = &fig->legend;
    pp__legend_layout *ll = &layout->legend;
    pp_text_style_t style = pp__text_style(&legend->label_font, PP_ALIGN_LEFT);
    const pp_rect_t *f = &layout->frame;
    double label_width = legend->label_width, row;
    size_t i, n;

    for (i = 0, n = 0; i < fig->nrenderers; i++)
        n += fig->renderers[i].legend_label != NULL
            ? 1 : fig->renderers[i].data.nlegend;
    ll->items = calloc(n + 1, sizeof *ll->items);
    if (ll->items == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    for (i = 0; i < fig->nrenderers; i++) {
        const pp__renderer *rend = &fig->renderers[i];
        size_t k, count = rend->legend_label != NULL ? 1 : rend->data.nlegend;
        for (k = 0; k < count; k++) {
            pp__legend_item *item = &ll->items[ll->nitems++];
            pp_text_metrics_t m;
            pp_status st;
            item->renderer = i;
            item->label = pp__strdup(rend->legend_label != NULL
                                     ? rend->legend_label
                                     : rend->data.legend_labels[k]);
            item->row = rend->legend_label != NULL
                ? PP__LEGEND_ALL_ROWS : rend->data.legend_rows[k];
            if (item->label == NULL)
                return pp__fail_status(err, PP_ERR_NOMEM);
            st = pp_text_measure(fonts, item->label, &style, &m);
            if (st != PP_OK)
                return pp__fail(err, st, "%s: cannot measure a legend "
                                "label: %s", fig->spec_path, pp_strerror(st));
            if (m.width > label_width)
                label_width = m.width;
        }
    }
    if (ll->nitems == 0 || !legend->visible)
        return PP_OK;

    /* A CSS box: 1 px border, padding, rows of glyph height with spacing. */
    row = legend->glyph_height;
    ll->width = 2.0 + 2.0 * legend->padding + legend->glyph_width +
                legend->label_standoff + label_width;
    ll->height = 2.0 + 2.0 * legend->padding + ll->nitems * row +
                 (ll->nitems - 1) * legend->spacing;

    switch (legend->location) {
    case PP__LEGEND_TOP_LEFT:
    case PP__LEGEND_BOTTOM_LEFT:
    case PP__LEGEND_CENTER_LEFT:
        ll->x = f->x + legend->margin;
        break;
    case PP__LEGEND_TOP_CENTER:
    case PP__LEGEND_BOTTOM_CENTER:
    case PP__LEGEND_CENTER:
        ll->x = f->x + (f->width - ll->width) / 2.0;
        break;
    default:
        ll->x = f->x + f->width - legend->margin - ll->width;
        break;
    }
    switch (legend->location) {
    case PP__LEGEND_BOTTOM_LEFT:
    case PP__LEGEND_BOTTOM_RIGHT:
    case PP__LEGEND_BOTTOM_CENTER:
        ll->y = f->y + f->height - legend->margin - ll->height;
        break;
    case PP__LEGEND_CENTER_LEFT:
    case PP__LEGEND_CENTER_RIGHT:
    case PP__LEGEND_CENTER:
        ll->y = f->y + (f->height - ll->height) / 2.0;
        break;
    default:
        ll->y = f->y + legend->margin;
        break;
    }
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* The whole layout                                                          */
/* ------------------------------------------------------------------------ */

/*
 * A title is placed over the frame as Bokeh places it, and what passes the
 * image's edges is cut, as in Bokeh; a warning says so, since the reader
 * of the PNG cannot tell.
 */
static void warn_title_cut(pp_figure_t *fig, pp_fonts_t *fonts,
                           const pp__layout *layout)
{
    const pp__title *title = &fig->title;
    pp_text_style_t style = pp__text_style(&title->font, title->align);
    pp_text_metrics_t m;
    double anchor = layout->frame.x, left;

    if (pp_text_measure(fonts, title->text, &style, &m) != PP_OK)
        return;
    if (title->align == PP_ALIGN_CENTER)
        anchor += layout->frame.width / 2.0;
    else if (title->align == PP_ALIGN_RIGHT)
        anchor += layout->frame.width;
    left = anchor - (title->align == PP_ALIGN_CENTER ? m.width / 2.0
                     : title->align == PP_ALIGN_RIGHT ? m.width : 0.0);
    if (left >= 0.0 && left + m.width <= fig->width)
        return;
    pp__warn(&fig->warnings, "the title is %.0f px wide and passes the "
             "image's edge (%d px wide), where it is cut", m.width,
             fig->width);
}

/* Margins (min_border, huge tick labels) that leave no frame to draw in;
   says whether they do. */
static bool warn_frame_squeezed(pp_figure_t *fig, const pp__layout *layout,
                                double top, double right, double bottom,
                                double left)
{
    if (fig->width - left - right >= 1.0 && fig->height - top - bottom >= 1.0)
        return false;
    pp__warn(&fig->warnings, "the margins around the frame (top %.0f, right "
             "%.0f, bottom %.0f, left %.0f px) leave no room for it in the "
             "%dx%d image, so the data is drawn in a %.0fx%.0f px frame",
             top, right, bottom, left, fig->width, fig->height,
             layout->frame.width, layout->frame.height);
    return true;
}

/*
 * A legend larger than the frame is cut at the frame's edges, as in Bokeh
 * (the notebook's intrusion figure cuts its last entry so); the reader of
 * the PNG cannot tell what is missing, so a warning says so.
 */
static void warn_legend_cut(pp_figure_t *fig, const pp__legend_layout *ll,
                            const pp_rect_t *frame)
{
    if (ll->width <= 0.0 || !fig->legend.visible ||
        (ll->x >= frame->x && ll->y >= frame->y &&
         ll->x + ll->width <= frame->x + frame->width &&
         ll->y + ll->height <= frame->y + frame->height))
        return;
    pp__warn(&fig->warnings, "the legend (%zu %s) is %.0fx%.0f px and passes "
             "the edge of the %.0fx%.0f px frame, where it is cut; a smaller "
             "legend.label_text_font_size or legend.spacing makes it fit",
             ll->nitems, ll->nitems == 1 ? "entry" : "entries", ll->width,
             ll->height, frame->width, frame->height);
}

/* The frame: what the title, the axes and min_border leave of the canvas. */
static void place_frame(const pp_figure_t *fig, pp__layout *layout,
                        double margins[4])
{
    double top = fmax(layout->title_height, fig->min_border);
    double bottom = fmax(layout->x.depth, fig->min_border);
    double left = fmax(layout->y.depth, fig->min_border);
    double right = fig->min_border;

    layout->frame.x = left;
    layout->frame.y = top;
    layout->frame.width = fmax(1.0, fig->width - left - right);
    layout->frame.height = fmax(1.0, fig->height - top - bottom);
    margins[0] = top;
    margins[1] = right;
    margins[2] = bottom;
    margins[3] = left;
}

static void axis_layout_free(pp__axis_layout *al)
{
    pp__labels_free(al->labels, al->ticks.nmajor);
    pp__ticks_free(&al->ticks);
}

/* One axis while its labels are thinned out. */
typedef struct axis_try {
    const pp__axis *axis;
    const pp__range *range;
    pp__axis_layout *al;
    bool vertical;
    thinning thin;      /* how al's ticks were asked for */
    double tried;       /* the lowest desired count tried, <= thin's */
    double refused;     /* the largest desired count found to leave fewer
                           than 2 ticks; 0 when none was */
    bool thinnable;     /* an automatic ticker that may still give fewer */
} axis_try;

static bool same_majors(const pp__ticks *a, const pp__ticks *b)
{
    return a->nmajor == b->nmajor &&
           (a->nmajor == 0 ||
            memcmp(a->major, b->major, a->nmajor * sizeof *a->major) == 0);
}

/* The smallest step by which thin_axis lowers a desired count. */
#define DESIRED_STEP_MIN (1.0 / 16.0)

/*
 * The next desired count thin_axis tries: one less than the last tried,
 * not below 1; when that is known to leave fewer than 2 ticks, halfway to
 * the highest count that does. An adaptive ticker's interval follows
 * span / desired and snaps to the nearest of its steps, so one whole count
 * less can jump over the step that would fit: a date-time axis over 13.2
 * hours gets 6 h at 2 and a day (a single tick) at 1, but 8 h at 1.5 and
 * 12 h at 1.25. Returns the last count tried when no step of
 * DESIRED_STEP_MIN is left.
 */
static double next_desired(const axis_try *a)
{
    double now = a->tried, next = now - 1.0;

    if (next <= a->refused)
        next = (now + a->refused) / 2.0;
    if (next < 1.0)
        next = 1.0;
    return now - next < DESIRED_STEP_MIN ? now : next;
}

/*
 * Asks a's ticker for fewer ticks than now, whose labels, `now`, are
 * crowded (see next_desired for the counts tried). A try leaving fewer
 * than 2 ticks is never taken: the axis would have no scale. Over three
 * labels or more, the first try with two or more ticks is taken when the
 * count went down or the ticks changed (a log axis over decades at
 * desired 1): the same ticks at a lower count too, as the next try goes
 * lower still. With two labels left, a try is taken only when its two
 * labels stand further apart: a longer step does not always do that, as a
 * label at the canvas's edge is pulled inside. When no count is left to
 * try, a is left as it is and thinned no more.
 */
static pp_status thin_axis(pp_figure_t *fig, pp_fonts_t *fonts,
                           const pp__layout *layout, axis_try *a,
                           const crowding *now, bool *taken, pp_error_t *err)
{
    *taken = false;
    while (a->thin.fewer < PP__TICKS_MAX_DESIRED) {
        thinning next_thin;
        pp__axis_layout next;
        crowding c;
        pp_status st;
        bool take;

        next_thin.desired = next_desired(a);
        next_thin.fewer = a->thin.fewer + 1;
        st = layout_axis(fig, fonts, a->axis, a->range, &next_thin, &next,
                         a->vertical, err);
        if (st == PP_OK && next.ticks.nmajor >= 2 && now->nlabels <= 2) {
            st = measure_crowding(fig, fonts, a->axis, layout, &next,
                                  a->vertical, &c);
            if (st != PP_OK)
                st = pp__fail_status(err, st);
        }
        if (st != PP_OK) {
            axis_layout_free(&next);
            a->thinnable = false;
            return st;
        }
        if (next.ticks.nmajor < 2)
            take = false;
        else if (now->nlabels <= 2)
            take = c.least_gap > now->least_gap;
        else
            take = next_thin.desired < a->tried ||
                   !same_majors(&next.ticks, &a->al->ticks);
        if (take) {
            axis_layout_free(a->al);
            *a->al = next;
            a->thin = next_thin;
            a->tried = next_thin.desired;
            *taken = true;
            return PP_OK;
        }
        axis_layout_free(&next);
        if (next_thin.desired == a->tried)
            break;
        if (next.ticks.nmajor < 2)
            a->refused = next_thin.desired;
        else
            a->tried = next_thin.desired;
    }
    a->thinnable = false;
    return PP_OK;
}

/* Counts the warnings a trial layout would give, instead of giving them. */
static void count_warning(void *user, const char *message)
{
    (void)message;
    ++*(int *)user;
}

/* Both axes laid out as tries[] (y, then x) ask, and the frame placed. */
static pp_status layout_both_axes(pp_figure_t *fig, pp_fonts_t *fonts,
                                  const axis_try tries[2], pp__layout *layout,
                                  double margins[4], pp_error_t *err)
{
    pp_status st = layout_axis(fig, fonts, &fig->xaxis, &fig->x_range,
                               &tries[1].thin, &layout->x, false, err);

    if (st == PP_OK)
        st = layout_axis(fig, fonts, &fig->yaxis, &fig->y_range,
                         &tries[0].thin, &layout->y, true, err);
    if (st == PP_OK)
        place_frame(fig, layout, margins);
    return st;
}

/*
 * Lays both axes out and places the frame; then, while an automatic
 * ticker's labels come closer than LABEL_GAP_X (LABEL_GAP_Y on the y
 * axis), asks it for sparser ticks (see thin_axis) until they fit or none
 * of two or more ticks does better, placing the frame anew each time:
 * thinner labels on the y axis widen the frame, which moves the x labels.
 * The y axis is checked first, as its labels decide the frame's width, and
 * after any change both are checked again; each change lowers a desired
 * count or raises a bounded thinning count, so this ends. Labels the spec
 * gives (a fixed ticker, a factor list, major_label_overrides) are left as
 * they are: the caller warns when those overlap.
 */
static pp_status layout_axes(pp_figure_t *fig, pp_fonts_t *fonts,
                             pp__layout *layout, double margins[4],
                             pp_error_t *err)
{
    axis_try tries[2] = {
        {&fig->yaxis, &fig->y_range, &layout->y, true, {0, 0}, 0, 0, false},
        {&fig->xaxis, &fig->x_range, &layout->x, false, {0, 0}, 0, 0, false}
    };
    pp__warnings loud = fig->warnings;
    int suppressed = 0, k;
    pp_status st;

    /* Warnings from layouts that are then thinned would be about labels
       not drawn: the tries are laid out quietly, and the one kept is laid
       out again aloud if it had something to say. */
    fig->warnings.fn = count_warning;
    fig->warnings.user = &suppressed;
    for (k = 0; k < 2; k++) {
        tries[k].thin = bokeh_thinning(tries[k].axis);
        tries[k].tried = tries[k].thin.desired;
        tries[k].thinnable = tries[k].axis->ticker == PP__TICKER_AUTO &&
                             tries[k].axis->noverrides == 0;
    }
    st = layout_both_axes(fig, fonts, tries, layout, margins, err);
    for (k = 0; k < 2 && st == PP_OK;) {
        axis_try *a = &tries[k];
        crowding c;
        bool taken;

        if (!a->thinnable) {
            k++;
            continue;
        }
        st = measure_crowding(fig, fonts, a->axis, layout, a->al, a->vertical,
                              &c);
        if (st != PP_OK) {
            st = pp__fail_status(err, st);
            break;
        }
        if (!is_crowded(&c, a->vertical)) {
            k++;
            continue;
        }
        st = thin_axis(fig, fonts, layout, a, &c, &taken, err);
        if (st == PP_OK && taken) {
            place_frame(fig, layout, margins);
            k = 0;
        }
    }
    fig->warnings = loud;
    if (st != PP_OK || suppressed == 0)
        return st;
    axis_layout_free(&layout->x);
    axis_layout_free(&layout->y);
    return layout_both_axes(fig, fonts, tries, layout, margins, err);
}

/*
 * Tick labels still overlapping are drawn so, as Bokeh draws them (its
 * notebook's bipartite figure stacks 165 addresses on one axis); the reader
 * of the PNG may not notice what is unreadable, so a warning says so and
 * what would make them fit.
 */
static pp_status warn_labels_overlap(pp_figure_t *fig, pp_fonts_t *fonts,
                                     const pp__layout *layout, bool vertical,
                                     pp_error_t *err)
{
    const pp__axis *axis = vertical ? &fig->yaxis : &fig->xaxis;
    const pp__axis_layout *al = vertical ? &layout->y : &layout->x;
    const char *name = vertical ? "yaxis" : "xaxis";
    bool given = axis->ticker != PP__TICKER_AUTO || axis->noverrides > 0;
    char how[64];
    crowding c;
    pp_status st;

    st = measure_crowding(fig, fonts, axis, layout, al, vertical, &c);
    if (st != PP_OK)
        return pp__fail_status(err, st);
    if (!is_crowded(&c, vertical))
        return PP_OK;
    /* Labels kept inside the canvas can overlap on ticks further apart
       than they are wide: say what is drawn, not only the sizes. */
    if (c.least_gap < 0.0)
        snprintf(how, sizeof how, "overlap");
    else
        snprintf(how, sizeof how, "come within %.0f px of each other",
                 vertical ? LABEL_GAP_Y : LABEL_GAP_X);
    if (given)
        pp__warn(&fig->warnings, "%s: %zu tick labels up to %.0f px %s on "
                 "ticks %.1f px apart %s; a %s figure, a smaller "
                 "%s.major_label_text_font_size or fewer ticks (%s.ticker) "
                 "would make them fit", name, c.nlabels, c.largest,
                 vertical ? "high" : "wide", c.closest, how,
                 vertical ? "taller" : "wider", name, name);
    else
        pp__warn(&fig->warnings, "%s: %zu tick labels up to %.0f px %s on "
                 "ticks %.1f px apart %s even with the fewest ticks; a %s "
                 "figure or a smaller %s.major_label_text_font_size would "
                 "make them fit", name, c.nlabels, c.largest,
                 vertical ? "high" : "wide", c.closest, how,
                 vertical ? "taller" : "wider", name);
    return PP_OK;
}

pp_status pp__layout_compute(pp_figure_t *fig, pp_fonts_t *fonts,
                             pp__layout *layout, pp_error_t *err)
{
    double margins[4];
    pp_status st;

    memset(layout, 0, sizeof *layout);
    if (fig->title.text != NULL && fig->title.text[0] != '\0' &&
        fig->title.font.size_px > 0.0) {
        double height;
        st = pp__text_height(fonts, fig->title.text, &fig->title.font,
                             &height, NULL);
        if (st != PP_OK)
            return pp__fail(err, st, "%s: cannot measure the title: %s",
                            fig->spec_path, pp_strerror(st));
        layout->title_height = round(height + fig->title.standoff);
    }
    if ((st = layout_axes(fig, fonts, layout, margins, err)) != PP_OK)
        return st;

    if (layout->title_height > 0.0)
        warn_title_cut(fig, fonts, layout);
    /* Labels on a frame squeezed to a pixel overlap of course; the
       warning about the margins says why. */
    if (!warn_frame_squeezed(fig, layout, margins[0], margins[1], margins[2],
                             margins[3]) &&
        ((st = warn_labels_overlap(fig, fonts, layout, true, err)) ||
         (st = warn_labels_overlap(fig, fonts, layout, false, err))))
        return st;
    if ((st = layout_legend(fig, fonts, layout, err)) != PP_OK)
        return st;
    warn_legend_cut(fig, &layout->legend, &layout->frame);
    return PP_OK;
}

void pp__layout_free(pp__layout *layout)
{
    size_t i;

    axis_layout_free(&layout->x);
    axis_layout_free(&layout->y);
    for (i = 0; layout->legend.items != NULL && i < layout->legend.nitems; i++)
        free(layout->legend.items[i].label);
    free(layout->legend.items);
    memset(layout, 0, sizeof *layout);
}
