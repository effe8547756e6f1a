/*
 * ISO-8601 date-times to milliseconds since the epoch and back, in UTC and
 * the proleptic Gregorian calendar. No libc time function is used: timegm
 * is not standard, mktime and strftime depend on TZ and the locale.
 */
#include "pp_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MS_PER_DAY 86400000.0

/* JavaScript's Date range: 10^8 days either side of the epoch. */
#define MAX_ABS_MS 8.64e15

static const int days_before_month[13] = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365
};

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};

static const char *const day_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday"
};

/* Division rounding toward minus infinity, for dates before the epoch. */
static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static bool is_leap_year(int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int64_t year, int month)
{
    return days_before_month[month] - days_before_month[month - 1] +
           (month == 2 && is_leap_year(year));
}

/*
 * Days from 1970-01-01 to January 1st of a year: 365 a year plus one for
 * each leap day in between, counted as the multiples of 4, minus those of
 * 100, plus those of 400 below the year.
 */
static int64_t days_to_year(int64_t year)
{
    int64_t before = year - 1;
    int64_t leap_days = floor_div(before, 4) - floor_div(before, 100) +
                        floor_div(before, 400);

    /* 477 leap days fall before 1970 (from year 1 on). */
    return 365 * (year - 1970) + leap_days - 477;
}

static int64_t days_from_date(int64_t year, int month, int day)
{
    return days_to_year(year) + days_before_month[month - 1] +
           (month > 2 && is_leap_year(year)) + day - 1;
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                   */
/* ------------------------------------------------------------------------ */

/* Reads exactly n digits. */
static bool read_digits(const char **p, const char *end, int n, int *out)
{
    int value = 0, i;

    if (end - *p < n)
        return false;
    for (i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *p += n;
    *out = value;
    return true;
}

static bool read_char(const char **p, const char *end, char c)
{
    if (*p == end || **p != c)
        return false;
    (*p)++;
    return true;
}

/* "YYYY-MM-DD", checked against the calendar. */
static bool read_date(const char **p, const char *end, int64_t *days)
{
    int year, month, day;

    if (!read_digits(p, end, 4, &year) || !read_char(p, end, '-') ||
        !read_digits(p, end, 2, &month) || !read_char(p, end, '-') ||
        !read_digits(p, end, 2, &day))
        return false;
    if (month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return false;
    *days = days_from_date(year, month, day);
    return true;
}

/* "HH:MM", then optionally ":SS" and ".fff" (any number of digits). */
static bool read_time(const char **p, const char *end, double *ms)
{
    int hour, minute, second = 0;
    double fraction = 0.0, unit = 100.0;

    if (!read_digits(p, end, 2, &hour) || !read_char(p, end, ':') ||
        !read_digits(p, end, 2, &minute) || hour > 23 || minute > 59)
        return false;
    if (read_char(p, end, ':')) {
        if (!read_digits(p, end, 2, &second) || second > 59)
            return false;
        if (read_char(p, end, '.')) {
            if (*p == end || **p < '0' || **p > '9')
                return false;
            for (; *p < end && **p >= '0' && **p <= '9'; (*p)++) {
                fraction += (**p - '0') * unit;
                unit /= 10.0;
            }
        }
    }
    *ms = ((hour * 60.0 + minute) * 60.0 + second) * 1000.0 + fraction;
    return true;
}

bool pp__parse_datetime(const char *text, size_t len, double *ms_out)
{
    const char *p = text, *end = text + len;
    int64_t days;
    double time_ms = 0.0;

    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        end--;

    if (!read_date(&p, end, &days))
        return false;
    if (p < end && (*p == ' ' || *p == 'T')) {
        p++;
        if (!read_time(&p, end, &time_ms))
            return false;
        read_char(&p, end, 'Z');
    }
    if (p != end)
        return false;
    *ms_out = (double)days * MS_PER_DAY + time_ms;
    return true;
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */
/* ------------------------------------------------------------------------ */

typedef struct broken_down {
    int64_t year;
    int month, day;              /* 1-based */
    int hour, minute, second;
    int yday;                    /* 1-based day of the year */
    int wday;                    /* 0 is Sunday */
    long nanosecond;             /* within the second */
} broken_down;

static void split_days(int64_t days, broken_down *t)
{
    int64_t year = 1970 + floor_div(days * 400, 146097);
    int yday, month = 1;

    /* The estimate above is at most one year off. */
    while (days_to_year(year) > days)
        year--;
    while (days_to_year(year + 1) <= days)
        year++;
    yday = (int)(days - days_to_year(year));
    while (month < 12 &&
           yday >= days_before_month[month] +
                   (month >= 2 && is_leap_year(year)))
        month++;
    t->year = year;
    t->month = month;
    t->day = yday - days_before_month[month - 1] -
             (month > 2 && is_leap_year(year)) + 1;
    t->yday = yday + 1;
    /* 1970-01-01 was a Thursday, day 4 counting from Sunday. */
    t->wday = (int)(days + 4 - 7 * floor_div(days + 4, 7));
}

static bool split_ms(double ms, broken_down *t)
{
    double days, in_day, whole_ms;

    if (!(fabs(ms) <= MAX_ABS_MS))
        return false;
    days = floor(ms / MS_PER_DAY);
    in_day = ms - days * MS_PER_DAY;
    if (in_day >= MS_PER_DAY) {         /* rounding of the division */
        days += 1.0;
        in_day -= MS_PER_DAY;
    }
    split_days((int64_t)days, t);
    whole_ms = floor(in_day);
    t->hour = (int)(whole_ms / 3600000.0);
    t->minute = (int)fmod(whole_ms / 60000.0, 60.0);
    t->second = (int)fmod(whole_ms / 1000.0, 60.0);
    t->nanosecond = (long)floor((in_day - floor(in_day / 1000.0) * 1000.0) *
                                1e6);
    return true;
}

/* Appends to a fixed buffer, dropping what does not fit. */
typedef struct writer {
    char *buf;
    size_t size, len;
} writer;

static void put(writer *w, const char *text)
{
    for (; *text != '\0' && w->len + 1 < w->size; text++)
        w->buf[w->len++] = *text;
}

static void put_number(writer *w, const char *format, long long value)
{
    char digits[32];

    snprintf(digits, sizeof digits, format, value);
    put(w, digits);
}

static void put_abbreviation(writer *w, const char *name)
{
    char short_name[4];

    memcpy(short_name, name, 3);
    short_name[3] = '\0';
    put(w, short_name);
}

/* "%3N": the first `width` digits of the fraction of the second. */
static void put_fraction(writer *w, int width, long nanosecond)
{
    long divisor = 1;
    int i;

    for (i = width; i < 9; i++)
        divisor *= 10;
    put_number(w, width == 3 ? "%03lld" : width == 6 ? "%06lld" : "%09lld",
               nanosecond / divisor);
}

/* Writes one conversion; returns false for a code we do not know. */
static bool put_code(writer *w, char code, const broken_down *t)
{
    switch (code) {
    case 'Y': put_number(w, "%04lld", t->year); break;
    case 'y': put_number(w, "%02lld", (t->year % 100 + 100) % 100); break;
    case 'm': put_number(w, "%02lld", t->month); break;
    case 'd': put_number(w, "%02lld", t->day); break;
    case 'e': put_number(w, "%2lld", t->day); break;
    case 'H': put_number(w, "%02lld", t->hour); break;
    case 'I': put_number(w, "%02lld", (t->hour + 11) % 12 + 1); break;
    case 'p': put(w, t->hour < 12 ? "AM" : "PM"); break;
    case 'M': put_number(w, "%02lld", t->minute); break;
    case 'S': put_number(w, "%02lld", t->second); break;
    case 'j': put_number(w, "%03lld", t->yday); break;
    case 'b': put_abbreviation(w, month_names[t->month - 1]); break;
    case 'B': put(w, month_names[t->month - 1]); break;
    case 'a': put_abbreviation(w, day_names[t->wday]); break;
    case 'A': put(w, day_names[t->wday]); break;
    case 'f': put_fraction(w, 6, t->nanosecond); break;
    case '%': put(w, "%"); break;
    default: return false;
    }
    return true;
}

void pp__format_datetime(char *buf, size_t size, const char *format,
                         double ms)
{
    writer w = {buf, size, 0};
    broken_down t;
    const char *p;

    if (size == 0)
        return;
    if (!split_ms(ms, &t)) {
        buf[0] = '\0';
        return;
    }
    for (p = format; *p != '\0'; p++) {
        char literal[2] = {*p, '\0'};
        if (*p == '%' && (p[1] == '3' || p[1] == '6' || p[1] == '9') &&
            p[2] == 'N') {
            put_fraction(&w, p[1] - '0', t.nanosecond);
            p += 2;
        } else if (*p == '%' && p[1] != '\0' && put_code(&w, p[1], &t)) {
            p++;
        } else {
            put(&w, literal);
        }
    }
    buf[w.len] = '\0';
}

void pp__format_range_value(char *buf, size_t size, double ms,
                            bool datetime)
{
    double in_minute = fmod(ms, 60000.0);

    if (!datetime) {
        snprintf(buf, size, "%g", ms);
        return;
    }

    if (in_minute < 0.0)
        in_minute += 60000.0;
    if (in_minute == 0.0)
        pp__format_datetime(buf, size, "%Y-%m-%d %H:%M", ms);
    else if (fmod(in_minute, 1000.0) == 0.0)
        pp__format_datetime(buf, size, "%Y-%m-%d %H:%M:%S", ms);
    else
        pp__format_datetime(buf, size, "%Y-%m-%d %H:%M:%S.%3N", ms);
    if (size > 0 && buf[0] == '\0')
        snprintf(buf, size, "%g ms", ms);
}
