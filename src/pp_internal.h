/*
 * Internals shared across src/. Nothing here is part of the public API.
 *
 * Naming: pp_ is public (include/pngplot.h), pp__ is shared between files
 * of src/, plain static names stay inside one file.
 */
#ifndef PP_INTERNAL_H
#define PP_INTERNAL_H

#include "pngplot.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PP__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PP__PRINTF(fmt, args)
#endif

/* ------------------------------------------------------------------------ */
/* Errors and warnings (error.c)                                             */
/* ------------------------------------------------------------------------ */

/*
 * Records a failure in err (which may be NULL) and returns status, so a
 * caller can write `return pp__fail(err, PP_ERR_CSV, "%s:%zu: ...", ...)`.
 */
pp_status pp__fail(pp_error_t *err, pp_status status, const char *fmt, ...)
    PP__PRINTF(3, 4);

/* Records the generic message for status ("out of memory"). */
pp_status pp__fail_status(pp_error_t *err, pp_status status);

/* A place warnings go; fn may be NULL, then warnings are dropped. */
typedef struct pp__warnings {
    pp_warning_fn fn;
    void *user;
} pp__warnings;

void pp__warn(const pp__warnings *sink, const char *fmt, ...)
    PP__PRINTF(2, 3);

/* ------------------------------------------------------------------------ */
/* Small helpers (util.c)                                                    */
/* ------------------------------------------------------------------------ */

char *pp__strdup(const char *s);
char *pp__strndup(const char *s, size_t n);

/* A growable byte string; data is always NUL-terminated once used. */
typedef struct pp__str {
    char *data;
    size_t len, cap;
    bool failed;    /* an allocation failed; the contents are incomplete */
} pp__str;

void pp__str_append(pp__str *s, const char *text, size_t len);
void pp__str_puts(pp__str *s, const char *text);
void pp__str_printf(pp__str *s, const char *fmt, ...) PP__PRINTF(2, 3);
void pp__str_free(pp__str *s);

/*
 * Grows an array so it can hold at least `needed` items of item_size bytes,
 * doubling its capacity. Returns false when out of memory (the array is
 * unchanged then).
 */
bool pp__grow(void **items, size_t *capacity, size_t needed, size_t item_size);

/* Levenshtein distance, for "did you mean" suggestions. */
size_t pp__edit_distance(const char *a, const char *b);

/* ------------------------------------------------------------------------ */
/* Canvas (canvas.c, raster.c, stroke.c, fill.c)                             */
/* ------------------------------------------------------------------------ */

/* The exact-area scan converter's scratch state, owned by a canvas. */
typedef struct pp__raster pp__raster;

struct pp_canvas {
    int width, height;
    uint8_t *rgba;          /* straight RGBA, 4 * width bytes a row */
    bool has_clip;
    pp_rect_t clip;         /* screen coordinates, when has_clip */
    pp__raster *raster;     /* created on first use */
};

/* Frees the scan converter's scratch state (raster.c); NULL is a no-op. */
void pp__raster_destroy(pp__raster *raster);

/*
 * Composites one colour over a pixel with a coverage in 0..1 (source-over
 * in sRGB space, as a browser canvas does). No bounds or clip checks.
 */
void pp__canvas_blend_pixel(pp_canvas_t *canvas, int x, int y,
                            pp_color_t color, double coverage);

/*
 * Composites one colour over n pixels of row y from column x, pixel i with
 * coverage[i] in 0..1, exactly as pp__canvas_blend_pixel would one by one.
 * No bounds or clip checks.
 */
void pp__canvas_blend_span(pp_canvas_t *canvas, int x, int y, int n,
                           pp_color_t color, const double *coverage);

/*
 * Composites an 8-bit coverage mask (a glyph bitmap) whose top-left pixel
 * lands on pixel (x, y). Clipped to the canvas and to its clip rectangle.
 */
void pp__canvas_blend_mask(pp_canvas_t *canvas, int x, int y,
                           const uint8_t *mask, int mask_width,
                           int mask_height, int mask_stride,
                           pp_color_t color);

/* ------------------------------------------------------------------------ */
/* Numbers (number.c)                                                        */
/* ------------------------------------------------------------------------ */

/*
 * Parses a whole field as a decimal number, independent of the locale:
 * optional sign, digits with an optional '.', optional exponent, and
 * "inf"/"infinity"/"nan" in any case. Surrounding spaces are allowed.
 * Gives exactly the double strtod would give in the C locale. Returns false
 * when the text is not entirely a number.
 */
bool pp__parse_number(const char *text, size_t len, double *out);

/*
 * True when a field is a missing value: empty (after trimming spaces),
 * "NaN", "NA", "N/A" or "null" (any case for nan and null).
 */
bool pp__is_missing(const char *text, size_t len);

/*
 * Formats a double in the C locale as printf("%.*g") or ("%.*f") would.
 * Writes at most size bytes including the NUL.
 */
void pp__format_number(char *buf, size_t size, const char *format,
                       double value);

/* ------------------------------------------------------------------------ */
/* Date-times (datetime.c)                                                   */
/* ------------------------------------------------------------------------ */

/*
 * Parses an ISO-8601 date-time: "YYYY-MM-DD", optionally followed by ' ' or
 * 'T' and "HH:MM", ":SS" and ".fff", and optionally "Z". The result is
 * milliseconds since 1970-01-01T00:00 UTC (Bokeh's datetime unit); the
 * text's time zone is taken as UTC. Returns false when it is not one.
 */
bool pp__parse_datetime(const char *text, size_t len, double *ms_out);

/*
 * Formats milliseconds since the epoch with strftime-like codes, in UTC and
 * English whatever the locale: %Y %y %m %d %e %H %I %p %M %S %j %b %B %a %A,
 * %f (microseconds), %3N %6N %9N (digits of the second's fraction) and %%.
 * Other codes are copied as they are. NaN, infinities and times beyond
 * JavaScript's Date range (8.64e15 ms) give "".
 */
void pp__format_datetime(char *buf, size_t size, const char *format,
                         double ms);

/* ------------------------------------------------------------------------ */
/* CSV tables (csv.c)                                                        */
/* ------------------------------------------------------------------------ */

/* One field of a CSV row: NUL-terminated text; len excludes the NUL. */
typedef struct pp__csv_field {
    const char *text;
    size_t len;
} pp__csv_field;

/*
 * Receives the header or one data row of a CSV file. The fields are valid
 * only during the call. line is the file line where the row starts (1 for
 * a header on the first line), even when earlier rows span several lines.
 * A data row always has as many fields as the header: a short row is padded
 * with empty fields, which are missing values. Returning anything but PP_OK
 * (after filling err) stops the reading, which then returns that status.
 */
typedef pp_status (*pp__csv_row_fn)(void *user, const pp__csv_field *fields,
                                    size_t nfields, size_t line,
                                    pp_error_t *err);

/*
 * Reads a CSV file row by row in bounded memory (a few buffers of the size
 * of the longest row), with the rules of pp__table_load_csv: RFC 4180
 * quoting, LF or CRLF, a byte-order mark, blank lines skipped (a line of
 * only spaces counts as blank), UTF-8 checked. A row with more fields than
 * the header, an unclosed quote or bad text fails with the file and line.
 */
pp_status pp__csv_read(const char *path, pp__csv_row_fn on_header,
                       pp__csv_row_fn on_row, void *user, pp_error_t *err);

/* The same from bytes in memory; name is used in messages. */
pp_status pp__csv_parse(const char *name, const char *data, size_t len,
                        pp__csv_row_fn on_header, pp__csv_row_fn on_row,
                        void *user, pp_error_t *err);

typedef enum pp__column_kind {
    PP__COLUMN_NUMBER,   /* every non-missing cell is a number */
    PP__COLUMN_STRING    /* some cell is not a number */
} pp__column_kind;

typedef struct pp__column {
    char *name;
    pp__column_kind kind;
    double *numbers;       /* NaN marks a missing value (and, in STRING
                              columns, a cell that is not a number) */
    char **strings;        /* every column: the cell text, NULL if missing */
    size_t first_text_row; /* STRING columns: first row that is not a
                              number, for messages */
} pp__column;

typedef struct pp__table {
    char *path;            /* the path as shown in messages */
    size_t nrows, ncols;
    pp__column *columns;
    size_t *row_line;      /* file line where each data row starts (1-based,
                              the header is line 1) */
    void *storage;         /* owned cell text */
} pp__table;

/*
 * Loads a CSV file with a header row (RFC 4180 quoting, LF or CRLF, a UTF-8
 * byte-order mark, blank trailing lines). Columns are typed as numbers when
 * every non-missing cell is a number (see pp__is_missing); a short row is
 * padded with missing cells. Errors name the file and line:
 * "data.csv:4: expected 2 fields, found 3". Built on pp__csv_read, and
 * keeps every cell's text: for very large files, stream instead.
 */
pp_status pp__table_load_csv(const char *path, pp__table **out,
                             pp_error_t *err);

/* The same from bytes in memory; name is used in messages. */
pp_status pp__table_parse_csv(const char *name, const char *data, size_t len,
                              pp__table **out, pp_error_t *err);

/*
 * Sets a column of numbers in a table made in memory (created when *table
 * is NULL, with name as its path); every column must have count rows.
 */
pp_status pp__table_set_numbers(pp__table **table, const char *name,
                                const char *column, const double *values,
                                size_t count, pp_error_t *err);

void pp__table_destroy(pp__table *table);

/* The column of that exact name, or NULL. */
const pp__column *pp__table_find(const pp__table *table, const char *name);

/* "index, datetime, count": the column names for messages (malloc'ed). */
char *pp__table_column_list(const pp__table *table);

/* ------------------------------------------------------------------------ */
/* Ticks and tick labels (ticks.c)                                           */
/* ------------------------------------------------------------------------ */

typedef struct pp__ticks {
    double *major;
    size_t nmajor;
    double *minor;
    size_t nminor;
} pp__ticks;

void pp__ticks_free(pp__ticks *ticks);

/*
 * Bokeh's BasicTicker: an AdaptiveTicker with mantissas 1, 2, 5, base 10,
 * aiming at desired_num_ticks major ticks inside [start, end], and
 * num_minor_ticks minor intervals per major interval. Minor ticks extend one
 * major interval beyond the ends, as Bokeh's do (the caller drops those
 * outside the range when drawing).
 */
pp_status pp__ticks_basic(double start, double end, int desired_num_ticks,
                          int num_minor_ticks, pp__ticks *out);

/* Bokeh's LogTicker (powers of the base, minor ticks between). */
pp_status pp__ticks_log(double start, double end, int desired_num_ticks,
                        int num_minor_ticks, pp__ticks *out);

/* Bokeh's DatetimeTicker; values are milliseconds since the epoch. */
pp_status pp__ticks_datetime(double start, double end, int desired_num_ticks,
                             pp__ticks *out);

/*
 * Bokeh's BasicTickFormatter with its defaults (precision "auto",
 * scientific notation from 1e5 up and below 1e-3): one label per tick,
 * formatted together so they share a precision. labels receives a malloc'ed
 * array of malloc'ed strings.
 */
pp_status pp__format_ticks_basic(const double *ticks, size_t n,
                                 char ***labels);

/* Bokeh's LogTickFormatter: "10^3" style labels for powers of the base. */
pp_status pp__format_ticks_log(const double *ticks, size_t n, char ***labels);

/*
 * Date-time labels for ticks in milliseconds, in a format chosen by the tick
 * spacing (for example "04/13 12:00" for hours, "04/13" for days).
 */
pp_status pp__format_ticks_datetime(const double *ticks, size_t n,
                                    char ***labels);

void pp__labels_free(char **labels, size_t n);

#endif /* PP_INTERNAL_H */
