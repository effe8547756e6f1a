/*
 * Lines over CSV files too large to hold: one pass over the file that
 * keeps, for each narrow bin of x, only the points that shape the line.
 *
 * Why the drawing stays the same: the rows of a line whose x never goes
 * back fall into the bins in order, so each bin holds a run of consecutive
 * points. Of each run we keep the first, the last, the lowest and the
 * highest, in their order in the file (M4 aggregation). The full line
 * enters and leaves the bin at the first and last points and covers
 * exactly the heights between the lowest and the highest inside it; the
 * kept points do the same. With bins a quarter of a pixel wide or less,
 * what the two lines cover differs only in how the edges of a stroke fall
 * inside that quarter pixel: tests/unit/test_stream.c measures it.
 *
 * The bins adapt to a range known only at the end: they are intervals
 * [k w, (k + 1) w) for a power of two w, so doubling w merges bins in
 * pairs, exactly (floor(floor(x / w) / 2) = floor(x / 2w), and dividing by
 * two is exact). w starts fine and doubles whenever the bins would span
 * more than 2K of them; K is 4 per pixel of the canvas's width, so the data
 * ends up in K to 2K bins, at least 4 per pixel column of the frame.
 *
 * Large files are read in two halves on two threads, split at a line break
 * (safe only without quotes, which each half checks), and the two sets of
 * bins are merged. Anything the pass cannot handle (x going backwards, a
 * cell that is not a number, a CSV error, too many gaps) gives up, and the
 * renderer is read the usual way, which also gives the usual messages.
 */
#include "imagemap.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Files smaller than this (about 50,000 rows of two numbers) are read
   whole: fast enough, and drawn exactly. Streamed files are read on two
   threads (from twice the threshold when a test sets its own). */
#define STREAM_MIN_BYTES (1LL << 20)

/* Bytes read to find a line break (the header's end, the split point). */
#define PROBE_BYTES 65536

#define BINS_PER_PIXEL 4

/* One row's point and its place in the file, for the order of output. */
typedef struct sample {
    double x, y;
    size_t row;
} sample;

typedef struct bin {
    double k;                   /* floor(x / width) */
    sample first, last, low, high;
    bool gap_before;            /* the line breaks before this bin */
} bin;

typedef struct reducer {
    bin *bins;
    size_t n, cap, max_bins;
    double width;               /* 0 while every x so far is the same */
    double target;              /* K: bins span fewer than 2K indices */
    double last_x;
    bool any;                   /* a point has been kept */
    bool gap;                   /* a break is pending before the next */
    bool leading_gap;           /* rows without a point came first */
    bool failed;
    size_t rows;
    /* Every finite coordinate, drawn or not, as the full path counts. */
    double x_min, x_max, y_min, y_max;
    bool have_x, have_y;
    /* The columns, found from the header. */
    const char *x_name, *y_name;
    size_t x_col, y_col, ncolumns;
    const pp_figure_t *fig;     /* for the tooltips' columns */
    const pp__renderer *rend;
} reducer;

/* ------------------------------------------------------------------------ */
/* Bins                                                                      */
/* ------------------------------------------------------------------------ */

/* The largest power of two <= v, or 0 when there is none that is usable. */
static double pow2_floor(double v)
{
    int e;

    if (!(v > 0.0) || !isfinite(v))
        return 0.0;
    frexp(v, &e);
    return ldexp(1.0, e - 1);
}

static void merge_bin(bin *into, const bin *b)
{
    into->last = b->last;
    if (b->low.y < into->low.y)
        into->low = b->low;
    if (b->high.y > into->high.y)
        into->high = b->high;
}

static void set_width(reducer *r, double width)
{
    size_t i;

    r->width = width;
    for (i = 0; i < r->n; i++)
        r->bins[i].k = floor(r->bins[i].first.x / width);
}

/* Doubles the bin width, merging neighbours that now share a bin. */
static void coarsen(reducer *r)
{
    size_t i, out = 0;

    r->width *= 2.0;
    if (!isfinite(r->width)) {
        r->failed = true;
        return;
    }
    for (i = 0; i < r->n; i++) {
        bin b = r->bins[i];

        b.k = floor(b.k / 2.0);
        if (out > 0 && r->bins[out - 1].k == b.k && !b.gap_before)
            merge_bin(&r->bins[out - 1], &b);
        else
            r->bins[out++] = b;
    }
    r->n = out;
}

static void push_bin(reducer *r, double k, sample s)
{
    bin *b;

    if (r->n == r->max_bins ||
        !pp__grow((void **)&r->bins, &r->cap, r->n + 1, sizeof *r->bins)) {
        r->failed = true;
        return;
    }
    b = &r->bins[r->n++];
    b->k = k;
    b->first = b->last = b->low = b->high = s;
    b->gap_before = r->gap && r->n > 1;
    r->gap = false;
}

static double bin_index(const reducer *r, double x)
{
    return r->width > 0.0 ? floor(x / r->width) : 0.0;
}

static void add_point(reducer *r, sample s)
{
    bin *last;
    double k;

    if (!r->any) {
        r->any = true;
        r->last_x = s.x;
        r->gap = false;
        push_bin(r, bin_index(r, s.x), s);
        return;
    }
    if (s.x < r->last_x) {
        r->failed = true;       /* x goes back: bins would not be runs */
        return;
    }
    if (r->width == 0.0 && s.x > r->last_x) {
        double width = pow2_floor((s.x - r->last_x) / r->target);
        if (width == 0.0) {
            r->failed = true;
            return;
        }
        set_width(r, width);
    }
    k = bin_index(r, s.x);
    while (!r->failed && k - r->bins[0].k >= 2.0 * r->target) {
        coarsen(r);
        k = bin_index(r, s.x);
    }
    if (r->failed || !isfinite(k)) {
        r->failed = true;
        return;
    }
    r->last_x = s.x;
    last = &r->bins[r->n - 1];
    if (last->k == k && !r->gap) {
        bin one = {k, s, s, s, s, false};
        merge_bin(last, &one);
        return;
    }
    push_bin(r, k, s);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */
/* ------------------------------------------------------------------------ */

static bool find_index(const pp__csv_field *fields, size_t n,
                       const char *name, size_t *index)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(fields[i].text, name) == 0) {
            *index = i;
            return true;
        }
    return false;
}

static pp_status on_header(void *user, const pp__csv_field *fields,
                           size_t nfields, size_t line, pp_error_t *err)
{
    reducer *r = user;

    (void)line;
    (void)err;
    r->ncolumns = nfields;
    /* A column missing here is named by the usual reading. */
    if (!find_index(fields, nfields, r->x_name, &r->x_col) ||
        !find_index(fields, nfields, r->y_name, &r->y_col) ||
        !pp__interact_in_header(r->fig, r->rend, fields, nfields)) {
        r->failed = true;
        return PP_ERR_DATA;
    }
    return PP_OK;
}

/*
 * A cell of a number column: missing is NaN; text is not for us. Numbers
 * first: they are nearly every cell, and no missing marker parses as one
 * (but "NaN", which is NaN either way).
 */
static bool cell_number(const pp__csv_field *field, double *out)
{
    if (pp__parse_number(field->text, field->len, out))
        return true;
    *out = NAN;
    return pp__is_missing(field->text, field->len);
}

static void count_extents(reducer *r, double x, double y)
{
    if (isfinite(x)) {
        r->x_min = !r->have_x || x < r->x_min ? x : r->x_min;
        r->x_max = !r->have_x || x > r->x_max ? x : r->x_max;
        r->have_x = true;
    }
    if (isfinite(y)) {
        r->y_min = !r->have_y || y < r->y_min ? y : r->y_min;
        r->y_max = !r->have_y || y > r->y_max ? y : r->y_max;
        r->have_y = true;
    }
}

static pp_status on_row(void *user, const pp__csv_field *fields,
                        size_t nfields, size_t line, pp_error_t *err)
{
    reducer *r = user;
    sample s;

    (void)nfields;
    (void)line;
    (void)err;
    if (!cell_number(&fields[r->x_col], &s.x) ||
        !cell_number(&fields[r->y_col], &s.y)) {
        r->failed = true;
        return PP_ERR_DATA;
    }
    s.row = r->rows++;
    count_extents(r, s.x, s.y);
    if (isfinite(s.x) && isfinite(s.y))
        add_point(r, s);
    else if (r->any)
        r->gap = true;
    else
        r->leading_gap = true;
    return r->failed ? PP_ERR_DATA : PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Reading, on one thread or two                                             */
/* ------------------------------------------------------------------------ */

static void reducer_init(reducer *r, const pp_figure_t *fig,
                         const pp__renderer *rend)
{
    memset(r, 0, sizeof *r);
    r->target = (double)BINS_PER_PIXEL * fig->width;
    r->max_bins = (size_t)(4.0 * r->target) + 64;
    r->x_name = rend->xs[0].field;
    r->y_name = rend->ys[0].field;
    r->fig = fig;
    r->rend = rend;
}

typedef struct part_job {
    pp__csv_part part;
    reducer r;
    bool quote;
    pp_status status;
} part_job;

static void read_part(part_job *job)
{
    pp_error_t scratch;

    job->part.saw_quote = &job->quote;
    job->status = pp__csv_read_part(&job->part,
                                    job->part.ncolumns ? NULL : on_header,
                                    on_row, &job->r, &scratch);
    if (job->r.failed && job->status == PP_OK)
        job->status = PP_ERR_DATA;
}

static void *part_thread(void *arg)
{
    read_part(arg);
    return NULL;
}

/* Where a line break ends at or after offset (the next line's start). */
static long long line_start_after(int fd, long long offset)
{
    char buf[PROBE_BYTES];
    ssize_t n = pread(fd, buf, sizeof buf, (off_t)offset);
    const char *nl;

    if (n <= 0)
        return -1;
    nl = memchr(buf, '\n', (size_t)n);
    return nl == NULL ? -1 : offset + (nl - buf) + 1;
}

static pp_status probe_header(void *user, const pp__csv_field *fields,
                              size_t nfields, size_t line, pp_error_t *err)
{
    return on_header(user, fields, nfields, line, err);
}

/* The header's column count, read from the start of the file. */
static bool read_header(int fd, const char *path, reducer *r)
{
    char buf[PROBE_BYTES];
    ssize_t n = pread(fd, buf, sizeof buf, 0);
    const char *nl = n > 0 ? memchr(buf, '\n', (size_t)n) : NULL;
    pp_error_t scratch;

    if (nl == NULL)
        return false;
    return pp__csv_parse(path, buf, (size_t)(nl - buf + 1), probe_header,
                         NULL, r, &scratch) == PP_OK &&
           !r->failed && r->ncolumns > 0;
}

/* Counts b's rows and coordinates in a; b's rows come after a's. */
static void merge_counts(reducer *a, reducer *b)
{
    size_t i;

    for (i = 0; i < b->n; i++) {
        b->bins[i].first.row += a->rows;
        b->bins[i].last.row += a->rows;
        b->bins[i].low.row += a->rows;
        b->bins[i].high.row += a->rows;
    }
    if (b->have_x) {
        count_extents(a, b->x_min, NAN);
        count_extents(a, b->x_max, NAN);
    }
    if (b->have_y) {
        count_extents(a, NAN, b->y_min);
        count_extents(a, NAN, b->y_max);
    }
    a->rows += b->rows;
}

/* Gives both the same bin width, then few enough bins between them. */
static void match_widths(reducer *a, reducer *b)
{
    double first_b = b->bins[0].first.x;

    if (a->width == 0.0 && b->width == 0.0 && first_b > a->last_x)
        set_width(a, pow2_floor((first_b - a->last_x) / a->target));
    if (a->width == 0.0 && b->width > 0.0)
        set_width(a, b->width);
    if (b->width == 0.0 && a->width > 0.0)
        set_width(b, a->width);
    if ((a->width == 0.0) != (b->width == 0.0)) {
        a->failed = true;       /* no usable width (underflow) */
        return;
    }
    while (!a->failed && !b->failed && a->width < b->width)
        coarsen(a);
    while (!a->failed && !b->failed && b->width < a->width)
        coarsen(b);
    while (!a->failed && !b->failed &&
           b->bins[b->n - 1].k - a->bins[0].k >= 2.0 * a->target) {
        coarsen(a);
        coarsen(b);
    }
    a->failed = a->failed || b->failed;
}

/* Adds b's bins after a's, the one they share merged. */
static void append_bins(reducer *a, reducer *b)
{
    bool gap = a->gap || b->leading_gap;
    size_t from = 0;

    if (!pp__grow((void **)&a->bins, &a->cap, a->n + b->n,
                  sizeof *a->bins)) {
        a->failed = true;
        return;
    }
    if (!gap && a->bins[a->n - 1].k == b->bins[0].k) {
        merge_bin(&a->bins[a->n - 1], &b->bins[0]);
        from = 1;
    } else {
        b->bins[0].gap_before = gap;
    }
    memcpy(a->bins + a->n, b->bins + from, (b->n - from) * sizeof *b->bins);
    a->n += b->n - from;
    a->gap = b->gap;
    a->last_x = b->last_x;
}

/* Adds the rows of b (which come after a's) to a. */
static void merge_reducers(reducer *a, reducer *b)
{
    merge_counts(a, b);
    if (b->n == 0) {
        a->gap = a->gap || b->leading_gap || b->gap;
        return;
    }
    if (a->n == 0) {
        /* Take b's bins (and their state) under a's counts. */
        free(a->bins);
        a->bins = b->bins;
        a->n = b->n;
        a->cap = b->cap;
        a->width = b->width;
        a->last_x = b->last_x;
        a->any = b->any;
        a->gap = b->gap;
        b->bins = NULL;
        return;
    }
    if (b->bins[0].first.x < a->last_x) {
        a->failed = true;       /* x goes back across the halves */
        return;
    }
    match_widths(a, b);
    if (!a->failed)
        append_bins(a, b);
}

/*
 * Reads the file in two halves, on two threads when there are two
 * processors. False: read it in one pass instead.
 */
static bool read_split(const char *path, int fd, long long size,
                       reducer *out)
{
    part_job jobs[2];
    pthread_t thread;
    long long split;
    bool threaded, ok;

    jobs[0].r = *out;
    if (!read_header(fd, path, &jobs[0].r))
        return false;
    split = line_start_after(fd, size / 2);
    if (split <= 0 || split >= size)
        return false;

    jobs[1].r = jobs[0].r;
    jobs[0].part = (pp__csv_part){path, 0, split, 0, 0, NULL};
    jobs[1].part = (pp__csv_part){path, split, -1, jobs[0].r.ncolumns, 0,
                                  NULL};
    jobs[0].quote = jobs[1].quote = false;
    /* One after the other without a second processor: the same bins. */
    threaded = pp__threads_help() &&
               pthread_create(&thread, NULL, part_thread, &jobs[1]) == 0;
    read_part(&jobs[0]);
    if (threaded)
        pthread_join(thread, NULL);
    else
        read_part(&jobs[1]);

    ok = jobs[0].status == PP_OK && jobs[1].status == PP_OK &&
         !jobs[0].quote && !jobs[1].quote;
    if (ok) {
        merge_reducers(&jobs[0].r, &jobs[1].r);
        ok = !jobs[0].r.failed;
    }
    free(jobs[1].r.bins);
    if (!ok) {
        free(jobs[0].r.bins);
        return false;
    }
    *out = jobs[0].r;
    return true;
}

static bool read_whole(const char *path, reducer *r)
{
    part_job job;

    job.r = *r;
    job.part = (pp__csv_part){path, 0, -1, 0, 0, NULL};
    job.quote = false;
    read_part(&job);
    if (job.status != PP_OK) {
        free(job.r.bins);
        return false;
    }
    *r = job.r;
    return true;
}

/* ------------------------------------------------------------------------ */
/* The line                                                                  */
/* ------------------------------------------------------------------------ */

static void put(pp__resolved *d, double x, double y)
{
    d->x[d->n] = x;
    d->y[d->n] = y;
    d->n++;
}

/* A bin's points in file order, each row once. */
static void put_bin(pp__resolved *d, const bin *b)
{
    const sample *mid[2] = {&b->low, &b->high};
    size_t last_row = b->first.row;
    int i;

    if (b->high.row < b->low.row) {
        mid[0] = &b->high;
        mid[1] = &b->low;
    }
    put(d, b->first.x, b->first.y);
    for (i = 0; i < 2; i++)
        if (mid[i]->row != last_row) {
            put(d, mid[i]->x, mid[i]->y);
            last_row = mid[i]->row;
        }
    if (b->last.row != last_row)
        put(d, b->last.x, b->last.y);
}

/*
 * The kept points, after four points that are never drawn (each has a NaN
 * coordinate) but carry the extremes of every finite x and y, so the
 * automatic ranges come out as from the full data.
 */
static bool emit(const reducer *r, pp__resolved *d)
{
    size_t cap = 4 + 5 * r->n + 1, i;

    d->x = malloc(cap * sizeof *d->x);
    d->y = malloc(cap * sizeof *d->y);
    if (d->x == NULL || d->y == NULL) {
        pp__resolved_free(d);
        return false;
    }
    d->n = 0;
    put(d, r->have_x ? r->x_min : NAN, NAN);
    put(d, r->have_x ? r->x_max : NAN, NAN);
    put(d, NAN, r->have_y ? r->y_min : NAN);
    put(d, NAN, r->have_y ? r->y_max : NAN);
    for (i = 0; i < r->n; i++) {
        if (r->bins[i].gap_before)
            put(d, NAN, NAN);
        put_bin(d, &r->bins[i]);
    }
    return true;
}

/*
 * Whether the page's areas read this renderer's rows: the table of every
 * row is what their tooltips and links are filled from, and the nearest
 * row of each pixel column is seldom among the points a bin keeps.
 */
static bool page_needs_rows(const pp_figure_t *fig, const pp__renderer *rend)
{
    pp__interact use;

    if (!fig->for_page)
        return false;
    pp__interact_effective(fig, rend, &use);
    return use.ntooltips > 0 || use.tap_url != NULL;
}

/* Whether this renderer may be read in one pass: see the file comment. */
static bool applies(const pp_figure_t *fig, const pp__renderer *rend,
                    const pp__source **source)
{
    const pp__dataspec *x = &rend->xs[0], *y = &rend->ys[0];
    size_t i, users = 0;

    *source = NULL;
    if (page_needs_rows(fig, rend))
        return false;
    if (rend->kind != PP__GLYPH_LINE || x->kind != PP__SPEC_FIELD ||
        y->kind != PP__SPEC_FIELD || x->transform != NULL ||
        y->transform != NULL || rend->line.color.kind == PP__SPEC_FIELD ||
        fig->xaxis.type != PP__AXIS_LINEAR ||
        fig->yaxis.type != PP__AXIS_LINEAR)
        return false;
    for (i = 0; i < fig->nsources; i++)
        if (strcmp(fig->sources[i].name, rend->source) == 0)
            *source = &fig->sources[i];
    if (*source == NULL || (*source)->csv_path == NULL ||
        (*source)->table != NULL)
        return false;

    /* Another renderer or a factor list would need the whole table. */
    for (i = 0; i < fig->nrenderers; i++) {
        const pp__renderer *other = &fig->renderers[i];
        users += other->source != NULL &&
                 strcmp(other->source, rend->source) == 0;
        users += other->edge_source != NULL &&
                 strcmp(other->edge_source, rend->source) == 0;
    }
    for (i = 0; i < fig->nfactor_lists; i++)
        users += fig->factor_lists[i].source != NULL &&
                 strcmp(fig->factor_lists[i].source, rend->source) == 0;
    return users == 1;
}

static char *source_path(const pp_figure_t *fig, const char *file)
{
    size_t dlen = strlen(fig->base_dir), flen = strlen(file);
    char *path;

    if (file[0] == '/' || strcmp(fig->base_dir, ".") == 0)
        return pp__strdup(file);
    path = malloc(dlen + flen + 2);
    if (path == NULL)
        return NULL;
    memcpy(path, fig->base_dir, dlen);
    path[dlen] = '/';
    memcpy(path + dlen + 1, file, flen + 1);
    return path;
}

bool pp__stream_line(pp_figure_t *fig, pp__renderer *rend)
{
    const pp__source *source;
    long long min_bytes = fig->stream_min_bytes != 0 ? fig->stream_min_bytes
                                                     : STREAM_MIN_BYTES;
    long long size = 0;
    reducer r;
    char *path;
    bool done = false;
    int fd;

    if (!applies(fig, rend, &source) || min_bytes < 0 ||
        (path = source_path(fig, source->csv_path)) == NULL)
        return false;
    /* Only a regular file is worth a look (see pp__csv_open_regular). */
    fd = pp__csv_open_regular(path, &size);
    if (fd >= 0 && size >= min_bytes) {
        reducer_init(&r, fig, rend);
        done = (size >= (fig->stream_min_bytes != 0 ? 2 * min_bytes
                                                    : STREAM_MIN_BYTES) &&
                read_split(path, fd, size, &r)) ||
               read_whole(path, &r);
        done = done && emit(&r, &rend->data);
        /* A failed read has freed its bins and left r.bins NULL. */
        free(r.bins);
    }
    if (fd >= 0)
        close(fd);
    free(path);
    return done;
}
