/*
 * Numeric tickers: BokehJS 3.10's AdaptiveTicker (which BasicTicker is) and
 * LogTicker. The arithmetic follows Bokeh's step by step (the same divisions,
 * the same log(x) / log(base), the same pow), so the doubles come out equal
 * to the ones Bokeh computes, but for subnormal intervals (see multiple).
 */
#include "pp_internal.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kept apart from pp__ticks so the public shape stays two plain lists. */
typedef struct builder {
    pp__ticks *out;
    size_t major_cap, minor_cap;
} builder;

void pp__ticks_free(pp__ticks *ticks)
{
    if (ticks == NULL)
        return;
    free(ticks->major);
    free(ticks->minor);
    ticks->major = ticks->minor = NULL;
    ticks->nmajor = ticks->nminor = 0;
}

static pp_status push(double **items, size_t *n, size_t *cap, double value)
{
    if (*n >= PP__TICKS_MAX)
        return PP_ERR_LIMIT;
    if (!pp__grow((void **)items, cap, *n + 1, sizeof **items))
        return PP_ERR_NOMEM;
    (*items)[(*n)++] = value;
    return PP_OK;
}

static pp_status push_major(builder *b, double value)
{
    return push(&b->out->major, &b->out->nmajor, &b->major_cap, value);
}

/* Adds a minor tick when it lies in [low, high]; others are dropped. */
static pp_status push_minor(builder *b, double low, double high, double value)
{
    if (!(low <= value && value <= high))
        return PP_OK;
    return push(&b->out->minor, &b->out->nminor, &b->minor_cap, value);
}

static bool count_ok(int count, int lowest)
{
    return count >= lowest && count <= PP__TICKS_MAX_DESIRED;
}

/* A desired tick count: a whole Bokeh count, or one between two while
   labels are thinned (see layout_axes). NaN fails both comparisons. */
static bool desired_ok(double desired)
{
    return desired >= 1.0 && desired <= PP__TICKS_MAX_DESIRED;
}

/*
 * (high - low) / d. When high - low overflows (1e308 - -1e308), the span is
 * measured in halves instead; for finite spans the result is bit-identical
 * to Bokeh's, which is what the reference figures need.
 */
static double span_over(double low, double high, double d)
{
    double span = high - low;

    if (isfinite(span))
        return span / d;
    return (high * 0.5 - low * 0.5) / d * 2.0;
}

/* Bokeh's "extended mantissas": last / base, the mantissas, first * base. */
static double extended_mantissa(const pp__adaptive *ticker, size_t i)
{
    if (i == 0)
        return ticker->mantissas[ticker->nmantissas - 1] / ticker->base;
    if (i == ticker->nmantissas + 1)
        return ticker->mantissas[0] * ticker->base;
    return ticker->mantissas[i - 1];
}

/*
 * A major interval. When it is mantissa * 10^exponent (a base-10 ticker
 * without min_interval, not clamped), decimal says so and the two are
 * kept: below DBL_MIN the interval itself is only near that value (see
 * multiple).
 */
typedef struct step {
    double interval;
    double mantissa;    /* a whole number */
    int exponent;
    bool decimal;
} step;

/*
 * The interval an adaptive ticker picks for [low, high], low < high.
 * XXX: Chromium's Math.log is fdlibm's and Math.pow the C library's; we use
 * the C library for both. The logs can differ in the last bit, which would
 * only matter for an ideal interval within an ulp of a power of the base.
 */
static step adaptive_interval(const pp__adaptive *ticker, double low,
                              double high, double desired_num_ticks)
{
    double factor = ticker->min_interval == 0.0 ? 1.0 : ticker->min_interval;
    double ideal = span_over(low, high, desired_num_ticks);
    double exponent = floor(log(ideal / factor) / log(ticker->base));
    double magnitude = pow(ticker->base, exponent) * factor;
    double best = 0.0, best_error = 0.0;
    step s;
    size_t i;

    /* The first smallest error wins; a NaN first error is never replaced,
     * as in Bokeh's argmin. */
    for (i = 0; i < ticker->nmantissas + 2; i++) {
        double mantissa = extended_mantissa(ticker, i);
        double error = fabs(desired_num_ticks
                            - span_over(low, high, mantissa * magnitude));

        if (i == 0 || error < best_error) {
            best = mantissa;
            best_error = error;
        }
    }

    s.interval = best * magnitude;
    s.decimal = ticker->base == 10.0 && ticker->min_interval == 0.0 &&
                s.interval <= ticker->max_interval && isfinite(exponent) &&
                fabs(exponent) < 400;
    s.mantissa = best;
    s.exponent = s.decimal ? (int)exponent : 0;
    /* The extended mantissa last / base is 0.5 for 1, 2, 5: written 5
       times the next lower power, the multiples are whole numbers. */
    for (i = 0; s.decimal && s.mantissa != floor(s.mantissa) && i < 3; i++) {
        s.mantissa *= 10.0;
        s.exponent--;
    }
    s.decimal = s.decimal && s.mantissa == floor(s.mantissa);
    if (s.interval < ticker->min_interval)
        s.interval = ticker->min_interval;
    else if (s.interval > ticker->max_interval)
        s.interval = ticker->max_interval;
    return s;
}

/*
 * The factor-th multiple of the interval: Bokeh's factor * interval, the
 * same doubles, wherever the interval is a normal double. Below DBL_MIN
 * (spans of 1e-320) a double keeps only a few digits: pow(10, -321) is
 * 9.98e-322, so Bokeh's ticks fall at 1.996e-321, 3.992e-321, ... and the
 * one meant for the data's own 1e-320 at 9.980e-321. There the tick is the
 * double nearest the decimal multiple instead, which pp__parse_number
 * rounds correctly.
 */
static double multiple(double factor, const step *s)
{
    char text[64];
    double tick;

    if (!s->decimal || !(s->interval < DBL_MIN))
        return factor * s->interval;
    /* A whole number and an exponent: no decimal point, so the text is
       the same in every locale. */
    snprintf(text, sizeof text, "%.0fe%d", factor * s->mantissa, s->exponent);
    if (!pp__parse_number(text, strlen(text), &tick))
        return factor * s->interval;
    return tick;
}

/* The majors: multiples of interval in [low, high], 0 left out on request. */
static pp_status linear_majors(builder *b, double low, double high,
                               const step *s, bool skip_zero)
{
    double first = floor(low / s->interval), last = ceil(high / s->interval);
    double count, factor, k;
    pp_status status;

    /* A zero or non-finite interval gives no ticks, as in Bokeh. */
    if (!isfinite(first) || !isfinite(last))
        return PP_OK;
    count = last + 1 - first;
    if (count > PP__TICKS_MAX + 2)
        return PP_ERR_LIMIT;
    /* Decimal multiples of a subnormal interval may fall a step from the
       interval's own: look one further each way (the range check keeps
       only those inside). */
    if (s->decimal && s->interval < DBL_MIN) {
        first -= 1;
        count += 2;
    }

    /* Bokeh steps the factor by adding 1, so do we (it matters only past
     * 2^53). A tick equal to the one before (a span of a few ulps) is
     * dropped rather than drawn twice. */
    factor = first;
    for (k = 0; k < count; k++, factor += 1) {
        double tick = multiple(factor, s);
        size_t n = b->out->nmajor;

        if ((skip_zero && factor == 0) || !(low <= tick && tick <= high))
            continue;
        if (n > 0 && b->out->major[n - 1] == tick)
            continue;
        status = push_major(b, tick);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

/*
 * The minors of a linear ticker: num_minor steps of interval / num_minor,
 * the ones below the first major first (nearest first), then up from each
 * major. Only those in [low, high] are kept.
 */
static pp_status linear_minors(builder *b, double low, double high,
                               double interval, int num_minor)
{
    double step = interval / num_minor;
    const pp__ticks *out = b->out;
    pp_status status = PP_OK;
    size_t t;
    int i;

    if (num_minor <= 0 || out->nmajor == 0)
        return PP_OK;
    for (i = 1; i < num_minor && status == PP_OK; i++)
        status = push_minor(b, low, high, out->major[0] - i * step);
    for (t = 0; t < out->nmajor && status == PP_OK; t++) {
        for (i = 0; i < num_minor && status == PP_OK; i++)
            status = push_minor(b, low, high, out->major[t] + i * step);
    }
    return status;
}

static pp_status linear_ticks(double low, double high, const step *s,
                              int num_minor, bool skip_zero, pp__ticks *out)
{
    builder b = {out, 0, 0};
    pp_status status;

    status = linear_majors(&b, low, high, s, skip_zero);
    if (status == PP_OK)
        status = linear_minors(&b, low, high, s->interval, num_minor);
    if (status != PP_OK)
        pp__ticks_free(out);
    return status;
}

pp_status pp__ticks_adaptive(const pp__adaptive *ticker, double start,
                             double end, double desired_num_ticks,
                             int num_minor_ticks, pp__ticks *out)
{
    double low = fmin(start, end), high = fmax(start, end);
    step s;

    out->major = out->minor = NULL;
    out->nmajor = out->nminor = 0;
    if (!isfinite(start) || !isfinite(end) || !desired_ok(desired_num_ticks)
        || !count_ok(num_minor_ticks, 0))
        return PP_ERR_ARGUMENT;

    /* An empty span has no sensible interval; Bokeh ends up with none. */
    if (low == high)
        return PP_OK;

    s = adaptive_interval(ticker, low, high, desired_num_ticks);
    return linear_ticks(low, high, &s, num_minor_ticks, false, out);
}

pp_status pp__ticks_basic(double start, double end, double desired_num_ticks,
                          int num_minor_ticks, pp__ticks *out)
{
    static const double mantissas[] = {1, 2, 5};
    const pp__adaptive basic = {mantissas, 3, 10.0, 0.0, INFINITY};

    return pp__ticks_adaptive(&basic, start, end, desired_num_ticks,
                              num_minor_ticks, out);
}

/* JavaScript's Math.sign for finite values. */
static double sign_of(double x)
{
    return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
}

/*
 * Powers of ten for spans of two decades or more: every interval-th power
 * inside the range, counted from the lowest power inside it.
 */
static pp_status log_majors(builder *b, double low, double high,
                            double log_low, double log_high,
                            int extra_decades, int *interval)
{
    /* Bokeh nudges the logs by a millionth so 10^k at an end counts. */
    double start_log = ceil(log_low * (1.0 - sign_of(log_low) * 1e-6));
    double end_log = floor(log_high * (1.0 + sign_of(log_high) * 1e-6));
    double e;
    int inside = 0;
    pp_status status;

    *interval = (int)ceil((end_log - start_log) / 9.0);
    if (*interval < 1)
        *interval = 1;
    *interval += extra_decades;
    for (e = start_log - 1; e <= end_log; e++) {
        double tick = pow(10.0, e);

        if (!(low <= tick && tick <= high))
            continue;
        if (inside++ % *interval != 0)
            continue;
        status = push_major(b, tick);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

/*
 * Bokeh's log minors: offsets k * 10^interval / num_minor for k = 1..n,
 * i.e. 2, 4, 6, 8, 10 times a major for one decade and five minors. Below
 * the first major they are scaled by offset / largest offset.
 */
static pp_status log_minors(builder *b, double low, double high,
                            int interval, int num_minor)
{
    double step = pow(10.0, interval) / num_minor;
    double largest = num_minor * step;
    const pp__ticks *out = b->out;
    pp_status status = PP_OK;
    size_t t;
    int k;

    if (num_minor <= 0 || out->nmajor == 0)
        return PP_OK;
    for (k = 1; k <= num_minor && status == PP_OK; k++)
        status = push_minor(b, low, high, out->major[0] * (k * step / largest));
    for (t = 0; t < out->nmajor && status == PP_OK; t++) {
        for (k = 1; k <= num_minor && status == PP_OK; k++)
            status = push_minor(b, low, high, out->major[t] * (k * step));
    }
    return status;
}

static pp_status log_decades(double low, double high, double log_low,
                             double log_high, int num_minor,
                             int extra_decades, pp__ticks *out)
{
    builder b = {out, 0, 0};
    pp_status status;
    int interval;

    status = log_majors(&b, low, high, log_low, log_high, extra_decades,
                        &interval);
    if (status == PP_OK)
        status = log_minors(&b, low, high, interval, num_minor);
    if (status != PP_OK)
        pp__ticks_free(out);
    return status;
}

pp_status pp__ticks_log(double start, double end, double desired_num_ticks,
                        int num_minor_ticks, pp__ticks *out)
{
    return pp__ticks_log_sparser(start, end, desired_num_ticks,
                                 num_minor_ticks, 0, out);
}

pp_status pp__ticks_log_sparser(double start, double end,
                                double desired_num_ticks,
                                int num_minor_ticks, int extra_decades,
                                pp__ticks *out)
{
    static const double mantissas[] = {1, 5};
    static const double thinned_mantissas[] = {1, 2, 5};
    const pp__adaptive log_linear = {mantissas, 2, 10.0, 0.0, INFINITY};
    /* Thinned (labels that overlapped), steps of 2 too: from 10 Bokeh's
       1 and 5 jump to 50, often a single tick, where 20 would fit. */
    const pp__adaptive log_linear_thinned = {thinned_mantissas, 3, 10.0,
                                             0.0, INFINITY};
    double low = fmin(start, end), high = fmax(start, end);
    double log_low, log_high;
    step s;

    out->major = out->minor = NULL;
    out->nmajor = out->nminor = 0;
    if (!isfinite(start) || !isfinite(end) || !(low > 0)
        || !desired_ok(desired_num_ticks) || !count_ok(num_minor_ticks, 0)
        || !count_ok(extra_decades, 0))
        return PP_ERR_ARGUMENT;

    log_low = log(low) / log(10.0);
    log_high = log(high) / log(10.0);
    if (log_high - log_low == 0)
        return PP_OK;
    if (log_high - log_low >= 2)
        return log_decades(low, high, log_low, log_high, num_minor_ticks,
                           extra_decades, out);

    /* Less than two decades: Bokeh falls back to linear ticks (mantissas
     * 1 and 5) and leaves out 0, which a log axis cannot show. */
    s = adaptive_interval(extra_decades > 0 ? &log_linear_thinned
                                            : &log_linear,
                          low, high, desired_num_ticks);
    return linear_ticks(low, high, &s, num_minor_ticks, true, out);
}
