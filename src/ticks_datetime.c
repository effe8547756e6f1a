/*
 * Date-time ticks and labels: BokehJS 3.10's DatetimeTicker (a composite of
 * adaptive, day, month and year tickers) and our own label formats chosen
 * the way Bokeh's DatetimeTickFormatter chooses its resolution.
 *
 * Times are milliseconds since 1970-01-01T00:00 UTC, as in Bokeh. The
 * calendar (proleptic Gregorian, UTC only) is computed here rather than with
 * timegm or TZ, which are neither C99 nor the same everywhere.
 *
 * TODO: datetime.c has its own calendar and strftime (pp__format_datetime)
 * for tooltips and messages. The two were written apart; this one rounds the
 * fraction of a second to the nearest microsecond, as a tick's label must
 * (a tick at 0.1 ms is 99.99999 us in floating point), where datetime.c
 * truncates. Merging them means giving datetime.c that rounding first.
 */
#include "pp_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MS_SECOND 1000.0
#define MS_MINUTE (60 * MS_SECOND)
#define MS_HOUR (60 * MS_MINUTE)
#define MS_DAY (24 * MS_HOUR)
#define MS_MONTH (30 * MS_DAY)   /* Bokeh's approximation */
#define MS_YEAR (365 * MS_DAY)

/* JavaScript's Date covers +-1e8 days around 1970; beyond it Bokeh's own
 * month loops would never end. */
#define MS_LIMIT 8.64e15

/* A month or a day limit on the calendar walks, far above any real axis. */
#define CALENDAR_STEPS_MAX 100000

/* ------------------------------------------------------------------------ */
/* Calendar                                                                  */
/* ------------------------------------------------------------------------ */

/* Floor division, which C's '/' is not for negative numbers. */
static long long floor_div(long long a, long long b)
{
    long long q = a / b;

    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/*
 * Days from 1970-01-01 to the first of a month (month 0..11, any year).
 * Years are counted from March, so the leap day ends a year, and in eras of
 * 400 years, which all have 146097 days.
 */
static long long days_from_month(long long year, int month)
{
    long long era, year_of_era, day_of_year;
    int march_month = (month + 10) % 12;     /* March is 0 */

    if (month < 2)
        year--;
    era = floor_div(year, 400);
    year_of_era = year - era * 400;
    day_of_year = (153 * march_month + 2) / 5;
    return era * 146097 + year_of_era * 365 + year_of_era / 4
           - year_of_era / 100 + day_of_year - 719468;
}

typedef struct civil {
    long long year;
    int month;          /* 0..11, as in JavaScript */
    int day;            /* 1..31 */
    int hour, minute, second;
    double ms;          /* milliseconds into the second, 0 <= ms < 1000 */
} civil;

/* The inverse of days_from_month, for a day count since 1970-01-01. */
static void civil_from_days(long long days, civil *out)
{
    long long shifted = days + 719468;
    long long era = floor_div(shifted, 146097);
    long long day_of_era = shifted - era * 146097;
    long long year_of_era = (day_of_era - day_of_era / 1460
                             + day_of_era / 36524 - day_of_era / 146096) / 365;
    long long day_of_year = day_of_era
        - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int march_month = (int)((5 * day_of_year + 2) / 153);

    out->day = (int)(day_of_year - (153 * march_month + 2) / 5 + 1);
    out->month = march_month < 10 ? march_month + 2 : march_month - 10;
    out->year = year_of_era + era * 400 + (out->month < 2 ? 1 : 0);
}

/* Splits a time (|ms| <= MS_LIMIT) into its UTC calendar fields. */
static void civil_from_ms(double ms, civil *out)
{
    double days = floor(ms / MS_DAY);
    double rest = ms - days * MS_DAY;
    double seconds;

    /* Rounding can leave a hair of a day; keep the fields in range. */
    if (rest >= MS_DAY) {
        days += 1;
        rest -= MS_DAY;
    }
    civil_from_days((long long)days, out);
    seconds = floor(rest / MS_SECOND);
    out->ms = rest - seconds * MS_SECOND;
    out->hour = (int)(seconds / 3600);
    out->minute = (int)(seconds / 60) % 60;
    out->second = (int)seconds % 60;
}

/* Midnight UTC on the first of a month; month may be outside 0..11. */
static double month_start_ms(long long year, long long month)
{
    year += floor_div(month, 12);
    month -= floor_div(month, 12) * 12;
    return (double)days_from_month(year, (int)month) * MS_DAY;
}

/* ------------------------------------------------------------------------ */
/* Day, month and year tickers                                               */
/* ------------------------------------------------------------------------ */

typedef struct tick_list {
    pp__ticks *out;
    size_t cap;
} tick_list;

/* Adds a major tick in [low, high]; one equal to the last is dropped. */
static pp_status add_tick(tick_list *list, double low, double high,
                          double tick)
{
    pp__ticks *out = list->out;

    if (!(low <= tick && tick <= high))
        return PP_OK;
    if (out->nmajor > 0 && out->major[out->nmajor - 1] == tick)
        return PP_OK;
    if (out->nmajor >= PP__TICKS_MAX)
        return PP_ERR_LIMIT;
    if (!pp__grow((void **)&out->major, &list->cap, out->nmajor + 1,
                  sizeof *out->major))
        return PP_ERR_NOMEM;
    out->major[out->nmajor++] = tick;
    return PP_OK;
}

/*
 * Bokeh's DaysTicker: the given days of every month from the month of low
 * to the one after high's. A day is skipped when half an interval later is
 * already next month, so the 28th (every third day) does not crowd March 1.
 */
static pp_status days_ticks(const int *days, int ndays, double low,
                            double high, tick_list *list)
{
    double interval = (ndays > 1 ? days[1] - days[0] : 31) * MS_DAY;
    civil first, last, later;
    long long month, nmonths;
    pp_status status = PP_OK;
    int i;

    civil_from_ms(low, &first);
    civil_from_ms(high, &last);
    nmonths = (last.year - first.year) * 12 + last.month - first.month + 2;
    if (nmonths > CALENDAR_STEPS_MAX)
        return PP_ERR_LIMIT;
    for (month = 0; month < nmonths && status == PP_OK; month++) {
        double start = month_start_ms(first.year, first.month + month);
        int this_month = (int)((first.month + month) % 12);

        for (i = 0; i < ndays && status == PP_OK; i++) {
            double tick = start + (days[i] - 1) * MS_DAY;

            civil_from_ms(tick + interval / 2, &later);
            if (later.month == this_month)
                status = add_tick(list, low, high, tick);
        }
    }
    return status;
}

/* Bokeh's MonthsTicker: month starts (every step-th month from January)
 * in the years from low's to the one after high's. */
static pp_status months_ticks(int step, double low, double high,
                              tick_list *list)
{
    civil first, last;
    long long year;
    pp_status status = PP_OK;
    int month;

    civil_from_ms(low, &first);
    civil_from_ms(high, &last);
    if (last.year - first.year > CALENDAR_STEPS_MAX)
        return PP_ERR_LIMIT;
    for (year = first.year; year <= last.year + 1 && status == PP_OK; year++) {
        for (month = 0; month < 12 && status == PP_OK; month += step)
            status = add_tick(list, low, high, month_start_ms(year, month));
    }
    return status;
}

/*
 * Bokeh's YearsTicker: a BasicTicker over the year numbers, each put on
 * January 1. A fractional year (a step of 0.5) truncates, as Date.UTC does,
 * and the duplicate it makes is dropped.
 * XXX: Date.UTC also maps years 0..99 to 1900..1999; we do not.
 */
static pp_status years_ticks(double low, double high, double desired,
                             tick_list *list)
{
    civil first, last;
    pp__ticks years;
    pp_status status;
    size_t i;

    civil_from_ms(low, &first);
    civil_from_ms(high, &last);
    status = pp__ticks_basic((double)first.year, (double)last.year, desired,
                             0, &years);
    for (i = 0; i < years.nmajor && status == PP_OK; i++) {
        long long year = (long long)years.major[i];

        status = add_tick(list, low, high, month_start_ms(year, 0));
    }
    pp__ticks_free(&years);
    return status;
}

/* ------------------------------------------------------------------------ */
/* The composite                                                             */
/* ------------------------------------------------------------------------ */

typedef enum kind { ADAPTIVE, DAYS, MONTHS, YEARS } kind;

typedef struct sub_ticker {
    kind kind;
    pp__adaptive adaptive;  /* ADAPTIVE */
    const int *days;        /* DAYS */
    int ndays;
    int month_step;         /* MONTHS */
    double interval;        /* DAYS, MONTHS, YEARS: min = max interval */
} sub_ticker;

static const double subsecond_mantissas[] = {1, 2, 5};
static const double sixty_mantissas[] = {1, 2, 5, 10, 15, 20, 30};
static const double hour_mantissas[] = {1, 2, 4, 6, 8, 12};
static const int every_day[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
                                25, 26, 27, 28, 29, 30, 31};
static const int every_third_day[] = {1, 4, 7, 10, 13, 16, 19, 22, 25, 28};
static const int weekly_days[] = {1, 8, 15, 22};
static const int half_month_days[] = {1, 15};

/* Bokeh's list, in order of increasing interval. */
static const sub_ticker tickers[] = {
    {ADAPTIVE, {subsecond_mantissas, 3, 10.0, 0.0, 500.0}, NULL, 0, 0, 0},
    {ADAPTIVE, {sixty_mantissas, 7, 60.0, MS_SECOND, 30 * MS_MINUTE},
     NULL, 0, 0, 0},
    {ADAPTIVE, {hour_mantissas, 6, 24.0, MS_HOUR, 12 * MS_HOUR},
     NULL, 0, 0, 0},
    {DAYS, {NULL, 0, 0, 0, 0}, every_day, 31, 0, MS_DAY},
    {DAYS, {NULL, 0, 0, 0, 0}, every_third_day, 10, 0, 3 * MS_DAY},
    {DAYS, {NULL, 0, 0, 0, 0}, weekly_days, 4, 0, 7 * MS_DAY},
    {DAYS, {NULL, 0, 0, 0, 0}, half_month_days, 2, 0, 14 * MS_DAY},
    {MONTHS, {NULL, 0, 0, 0, 0}, NULL, 0, 1, MS_MONTH},
    {MONTHS, {NULL, 0, 0, 0, 0}, NULL, 0, 2, 2 * MS_MONTH},
    {MONTHS, {NULL, 0, 0, 0, 0}, NULL, 0, 4, 4 * MS_MONTH},
    {MONTHS, {NULL, 0, 0, 0, 0}, NULL, 0, 6, 6 * MS_MONTH},
    {YEARS, {NULL, 0, 0, 0, 0}, NULL, 0, 0, MS_YEAR},
};

#define NTICKERS (sizeof tickers / sizeof tickers[0])

static double min_interval(size_t i)
{
    return tickers[i].kind == ADAPTIVE ? tickers[i].adaptive.min_interval
                                       : tickers[i].interval;
}

static double max_interval(size_t i)
{
    return tickers[i].kind == ADAPTIVE ? tickers[i].adaptive.max_interval
                                       : tickers[i].interval;
}

/* The first ticker whose bound is >= value (Bokeh's sorted_index). */
static size_t first_at_least(double (*bound)(size_t), double value)
{
    size_t i;

    for (i = 0; i < NTICKERS && bound(i) < value; i++)
        continue;
    return i;
}

/*
 * Bokeh's CompositeTicker choice: of the last ticker whose smallest interval
 * is below the ideal one and the first whose largest is not, the one whose
 * interval gives a tick count nearer the desired one (the former on a tie).
 */
static size_t best_ticker(double low, double high, double desired)
{
    double ideal = (high - low) / desired;
    size_t below = first_at_least(min_interval, ideal);
    size_t above = first_at_least(max_interval, ideal);
    double error_below, error_above;

    if (below == 0)
        return 0;
    below--;
    if (above == NTICKERS)
        return below;
    error_below = fabs(desired - (high - low) / min_interval(below));
    error_above = fabs(desired - (high - low) / max_interval(above));
    return error_above < error_below ? above : below;
}

pp_status pp__ticks_datetime(double start, double end,
                             double desired_num_ticks,
                             pp__ticks *out)
{
    double low = fmin(start, end), high = fmax(start, end);
    tick_list list = {out, 0};
    const sub_ticker *ticker;
    pp_status status = PP_OK;

    out->major = out->minor = NULL;
    out->nmajor = out->nminor = 0;
    if (!(fabs(start) <= MS_LIMIT && fabs(end) <= MS_LIMIT)
        || !(desired_num_ticks >= 1
             && desired_num_ticks <= PP__TICKS_MAX_DESIRED))
        return PP_ERR_ARGUMENT;
    if (low == high)
        return PP_OK;

    ticker = &tickers[best_ticker(low, high, desired_num_ticks)];
    switch (ticker->kind) {
    case ADAPTIVE:
        return pp__ticks_adaptive(&ticker->adaptive, low, high,
                                  desired_num_ticks, 0, out);
    case DAYS:
        status = days_ticks(ticker->days, ticker->ndays, low, high, &list);
        break;
    case MONTHS:
        status = months_ticks(ticker->month_step, low, high, &list);
        break;
    case YEARS:
        status = years_ticks(low, high, desired_num_ticks, &list);
        break;
    }
    if (status != PP_OK)
        pp__ticks_free(out);
    return status;
}

/* ------------------------------------------------------------------------ */
/* Labels                                                                    */
/* ------------------------------------------------------------------------ */

typedef enum resolution {
    MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS_RES, MONTHS_RES,
    YEARS_RES
} resolution;

static const char *const formats[] = {
    "%H:%M:%S.%6N", "%H:%M:%S.%3N", "%H:%M:%S", "%H:%M", "%m/%d %H:%M",
    "%m/%d", "%m/%Y", "%Y"
};

/* Used when a format would repeat labels (minutes over more than a day). */
static const char *const full_formats[] = {
    "%Y-%m-%d %H:%M:%S.%6N", "%Y-%m-%d %H:%M:%S.%3N", "%Y-%m-%d %H:%M:%S"
};

#define LABEL_SIZE 64

/*
 * One strftime field: %Y %m %d %H %M %S %%, or %kN (k = 1..9), the first k
 * digits of the nanoseconds as Bokeh's %3N. Returns how many characters of
 * the format after '%' it used; unknown codes are copied as they are.
 */
static int format_field(const char *code, const civil *t, char *field,
                        size_t size)
{
    long long micro = (long long)floor(t->ms * 1000 + 0.5);

    if (code[0] >= '1' && code[0] <= '9' && code[1] == 'N') {
        snprintf(field, size, "%06lld000", micro > 999999 ? 999999 : micro);
        field[code[0] - '0'] = '\0';
        return 2;
    }
    switch (code[0]) {
    case 'Y': snprintf(field, size, "%04lld", t->year); break;
    case 'm': snprintf(field, size, "%02d", t->month + 1); break;
    case 'd': snprintf(field, size, "%02d", t->day); break;
    case 'H': snprintf(field, size, "%02d", t->hour); break;
    case 'M': snprintf(field, size, "%02d", t->minute); break;
    case 'S': snprintf(field, size, "%02d", t->second); break;
    case '%': snprintf(field, size, "%%"); break;
    default: snprintf(field, size, "%%%c", code[0]); break;
    }
    return 1;
}

/* A small strftime in UTC with the fields of format_field. */
static void format_time(char *buf, size_t size, const char *format,
                        double ms)
{
    char field[32];
    size_t len = 0;
    civil t;

    civil_from_ms(ms, &t);
    buf[0] = '\0';
    while (*format != '\0' && len + 1 < size) {
        if (format[0] == '%' && format[1] != '\0') {
            format += 1 + format_field(format + 1, &t, field, sizeof field);
        } else {
            field[0] = *format++;
            field[1] = '\0';
        }
        len += (size_t)snprintf(buf + len, size - len, "%s", field);
        if (len >= size)
            len = size - 1;
    }
}

/* Bokeh's _get_resolution: the spacing, enlarged by a tenth so round steps
 * fall clearly on one side, against each unit. */
static resolution resolution_of_spacing(double span_ms, size_t n)
{
    double spacing_s = span_ms / 1000.0 / (double)(n - 1);
    double adjusted = spacing_s * 1.1 * 1000;

    if (adjusted < 1)
        return MICROSECONDS;
    if (adjusted < MS_SECOND)
        return MILLISECONDS;
    if (adjusted < MS_MINUTE)
        return SECONDS;
    if (adjusted < MS_HOUR)
        return MINUTES;
    if (adjusted < MS_DAY)
        return HOURS;
    if (adjusted < MS_MONTH)
        return DAYS_RES;
    return adjusted < MS_YEAR ? MONTHS_RES : YEARS_RES;
}

/*
 * A lone tick has no spacing (Bokeh would fall to years and print "2011"
 * for any tick); take the coarsest format that still shows it exactly.
 */
static resolution resolution_of_tick(double ms)
{
    civil t;

    civil_from_ms(ms, &t);
    if (t.ms != 0)
        return t.ms == floor(t.ms) ? MILLISECONDS : MICROSECONDS;
    if (t.second != 0)
        return SECONDS;
    if (t.hour != 0 || t.minute != 0)
        return HOURS;
    if (t.day != 1)
        return DAYS_RES;
    return t.month != 0 ? MONTHS_RES : YEARS_RES;
}

static pp_status make_labels(const double *ticks, size_t n,
                             const char *format, char **labels)
{
    char text[LABEL_SIZE];
    size_t i;

    for (i = 0; i < n; i++) {
        format_time(text, sizeof text, format, ticks[i]);
        labels[i] = pp__strdup(text);
        if (labels[i] == NULL)
            return PP_ERR_NOMEM;
    }
    return PP_OK;
}

/*
 * Whether some labels would be equal: the format leaves out the date (or
 * the year) while the ticks span a whole day (or year), or two neighbours
 * differ by less than the format shows.
 */
static bool has_repeats(const double *ticks, char *const *labels, size_t n,
                        resolution res)
{
    double lowest = ticks[0], highest = ticks[0];
    size_t i;

    for (i = 1; i < n; i++) {
        lowest = fmin(lowest, ticks[i]);
        highest = fmax(highest, ticks[i]);
        if (strcmp(labels[i], labels[i - 1]) == 0)
            return true;
    }
    if (res <= MINUTES)
        return highest - lowest >= MS_DAY;
    return res <= DAYS_RES && highest - lowest >= MS_YEAR;
}

pp_status pp__format_ticks_datetime(const double *ticks, size_t n,
                                    char ***labels)
{
    resolution res;
    pp_status status;
    size_t i;

    *labels = NULL;
    for (i = 0; i < n; i++) {
        if (!(fabs(ticks[i]) <= MS_LIMIT))
            return PP_ERR_ARGUMENT;
    }
    if (n == 0)
        return PP_OK;
    *labels = calloc(n, sizeof **labels);
    if (*labels == NULL)
        return PP_ERR_NOMEM;

    if (n == 1)
        res = resolution_of_tick(ticks[0]);
    else
        res = resolution_of_spacing(fabs(ticks[n - 1] - ticks[0]), n);
    status = make_labels(ticks, n, formats[res], *labels);

    /* A format that drops a field that changes (the date under minutes
     * over two days) would repeat labels: write everything instead. */
    if (status == PP_OK && has_repeats(ticks, *labels, n, res)) {
        for (i = 0; i < n; i++) {
            free((*labels)[i]);
            (*labels)[i] = NULL;
        }
        status = make_labels(ticks, n, full_formats[res <= SECONDS ? res : 2],
                             *labels);
    }
    if (status != PP_OK) {
        pp__labels_free(*labels, n);
        *labels = NULL;
    }
    return status;
}
