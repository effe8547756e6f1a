/*
 * Lines read in one pass (src/stream.c): the reduced line against the full
 * one, the automatic ranges, gaps, and every case that must fall back to
 * reading the whole table.
 *
 * Tolerance of the reduced-vs-full comparison, and why: the reduced line
 * keeps, in bins of at most a quarter pixel, the first, last, lowest and
 * highest point, so it covers the same heights in each column as the full
 * line; what differs is where the sides of the stroke fall inside that
 * quarter pixel, where the full line zigzags through points the reduced
 * one skips. Only pixels on the stroke's edge change, but one can change
 * from nearly uncovered to nearly covered: up to the whole line colour,
 * 127 of 255 for navy at alpha 0.5. Measured on this 100,000-row walk:
 * 2.9k of the 280k pixels differ at all (1%), 101 by more than 64, largest
 * difference 98, mean 0.19. The test allows a channel difference of 64 on
 * at most 0.2% of the pixels (560), at most 2% differing at all, and a
 * mean difference below 0.5 of a level: room for other data, while a
 * missing spike or a shifted line (thousands of pixels) fails.
 */
#include "check.h"
#include "model.h"

#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#define TOLERANCE 64
#define MAX_BEYOND_SHARE 0.002
#define MAX_DIFF_SHARE 0.02

static char tmpdir[] = "/tmp/pp_stream_XXXXXX";
static pp_fonts_t *fonts;

static void write_file(const char *name, const char *text)
{
    char path[256];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

/*
 * A random walk like bench/walk.c's: rows of "index,value". gap_every > 0
 * leaves that row's value empty every so many rows; back_at > 0 makes the
 * index step back there; quote puts a quoted header.
 */
static void write_walk_gaps(const char *name, long rows, long gap_every,
                            long gap_from, long gap_to, long back_at,
                            int quote)
{
    uint64_t state = 88172645463325252ULL;
    long long value = 0;
    char path[256];
    long i;
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    f = fopen(path, "w");
    fputs(quote ? "\"index\",value\n" : "index,value\n", f);
    for (i = 0; i < rows; i++) {
        long long a;

        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        value += (long long)((state * 2685821657736338717ULL) >> 11) %
                 200001 - 100000;
        a = value < 0 ? -value : value;
        if ((gap_every > 0 && i % gap_every == gap_every - 1) ||
            (i >= gap_from && i < gap_to)) {
            fprintf(f, "%ld,\n", i);
            continue;
        }
        fprintf(f, "%ld,%s%lld.%04lld\n", back_at > 0 && i == back_at ? 5 : i,
                value < 0 ? "-" : "", a / 10000, a % 10000);
    }
    fclose(f);
}

static void write_walk(const char *name, long rows, long gap_every,
                       long back_at, int quote)
{
    write_walk_gaps(name, rows, gap_every, 0, 0, back_at, quote);
}

static const char *spec_for(const char *csv)
{
    static char spec[1024];

    snprintf(spec, sizeof spec,
             "{\"width\": 800, \"height\": 350,"
             " \"title\": {\"text\": \"walk\"},"
             " \"sources\": {\"walk\": {\"csv\": \"%s\"}},"
             " \"renderers\": [{\"glyph\": \"line\", \"source\": \"walk\","
             " \"x\": \"index\", \"y\": \"value\", \"line_color\": \"navy\","
             " \"line_alpha\": 0.5}]}", csv);
    return spec;
}

/* Loads a spec over tmpdir with the given streaming threshold. */
static pp_figure_t *load(const char *spec, long long stream_min_bytes)
{
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_error_t err;

    opt.data_dir = tmpdir;
    if (pp_figure_load_json(spec, strlen(spec), "spec.json", &opt, &fig,
                            &err) != PP_OK) {
        CHECK_MSG(0, "load: %s", err.message);
        return NULL;
    }
    fig->stream_min_bytes = stream_min_bytes;
    return fig;
}

static pp_canvas_t *render(pp_figure_t *fig)
{
    pp_canvas_t *canvas = NULL;
    pp_error_t err;

    if (pp_figure_render(fig, fonts, &canvas, &err) != PP_OK)
        CHECK_MSG(0, "render: %s", err.message);
    return canvas;
}

static long long file_size(const char *name)
{
    char path[256];
    struct stat st;

    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* Sum of the largest channel difference of every pixel, for the mean. */
static double mean_difference(const pp_canvas_t *a, const pp_canvas_t *b)
{
    const uint8_t *p = pp_canvas_pixels(a), *q = pp_canvas_pixels(b);
    size_t n = (size_t)pp_canvas_width(a) * pp_canvas_height(a), i;
    double sum = 0.0;

    for (i = 0; i < n * 4; i += 4) {
        int d = 0, c;
        for (c = 0; c < 3; c++) {
            int e = abs(p[i + c] - q[i + c]);
            d = e > d ? e : d;
        }
        sum += d;
    }
    return sum / (double)n;
}

/*
 * Renders one CSV both ways (streamed with the given threshold, and whole)
 * and checks the reduction happened, the ranges agree exactly and the
 * images agree within the tolerance. Returns the streamed point count.
 */
static size_t compare_ways(const char *csv, long long threshold, long rows)
{
    pp_figure_t *streamed = load(spec_for(csv), threshold);
    pp_figure_t *whole = load(spec_for(csv), -1);
    pp_canvas_t *a = NULL, *b = NULL;
    pp_diff_result_t diff;
    size_t points = 0;
    long frame;

    if (streamed == NULL || whole == NULL)
        goto done;
    a = render(streamed);
    b = render(whole);
    if (a == NULL || b == NULL)
        goto done;
    points = streamed->renderers[0].data.n;
    CHECK_INT(whole->renderers[0].data.n, rows);
    CHECK_MSG(points < (size_t)rows / 3, "streamed %zu points of %ld rows",
              points, rows);
    CHECK(streamed->x_range.start == whole->x_range.start);
    CHECK(streamed->x_range.end == whole->x_range.end);
    CHECK(streamed->y_range.start == whole->y_range.start);
    CHECK(streamed->y_range.end == whole->y_range.end);

    frame = 800L * 350L;
    pp_image_diff(b, a, TOLERANCE, &diff, NULL);
    CHECK_MSG(diff.differing_pixels <= (long)(MAX_BEYOND_SHARE * frame),
              "%ld pixels differ by more than %d (largest %d)",
              diff.differing_pixels, TOLERANCE, diff.max_channel_diff);
    pp_image_diff(b, a, 0, &diff, NULL);
    CHECK_MSG(diff.differing_pixels <= (long)(MAX_DIFF_SHARE * frame),
              "%ld pixels differ", diff.differing_pixels);
    CHECK_MSG(mean_difference(a, b) < 0.5, "mean difference %.3f",
              mean_difference(a, b));
done:
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
    pp_figure_destroy(streamed);
    pp_figure_destroy(whole);
    return points;
}

static void test_reduced_line_matches_full_on_100000_rows(void)
{
    long long size;

    write_walk("walk.csv", 100000, 0, 0, 0);
    size = file_size("walk.csv");
    /* One thread (threshold above half the file), then two halves. */
    compare_ways("walk.csv", size / 2 + 1, 100000);
    compare_ways("walk.csv", 1, 100000);
}

static void test_two_halves_give_the_points_of_one_pass(void)
{
    pp_figure_t *one = NULL, *two = NULL;
    const pp__resolved *p, *q;
    long long size;
    size_t i, same = 0;

    write_walk("walk.csv", 100000, 0, 0, 0);
    size = file_size("walk.csv");
    one = load(spec_for("walk.csv"), size / 2 + 1);
    two = load(spec_for("walk.csv"), 1);
    if (one == NULL || two == NULL)
        goto done;
    pp__resolve_renderer(one, &one->renderers[0], NULL);
    pp__resolve_renderer(two, &two->renderers[0], NULL);
    p = &one->renderers[0].data;
    q = &two->renderers[0].data;
    /* Bins are nested powers of two, so merging halves gives one pass's
       bins exactly. */
    CHECK_INT(q->n, p->n);
    for (i = 0; i < p->n && i < q->n; i++)
        same += (p->x[i] == q->x[i] || (isnan(p->x[i]) && isnan(q->x[i]))) &&
                (p->y[i] == q->y[i] || (isnan(p->y[i]) && isnan(q->y[i])));
    CHECK_INT(same, p->n);
done:
    pp_figure_destroy(one);
    pp_figure_destroy(two);
}

static void test_gaps_stay_gaps(void)
{
    pp_figure_t *fig;
    const pp__resolved *d;
    size_t i, breaks = 0;

    /* A missing value every 10000 rows, the last on the last row: nine
       breaks in the line. */
    write_walk("gaps.csv", 100000, 10000, 0, 0);
    compare_ways("gaps.csv", 1, 100000);
    fig = load(spec_for("gaps.csv"), 1);
    if (fig == NULL)
        return;
    pp__resolve_renderer(fig, &fig->renderers[0], NULL);
    d = &fig->renderers[0].data;
    /* After the four range points, every break is one NaN point. */
    for (i = 4; i < d->n; i++)
        breaks += isnan(d->x[i]) && isnan(d->y[i]);
    CHECK_INT(breaks, 9);
    pp_figure_destroy(fig);

    /* Missing values all around the middle, where the file is split for
       two threads: one break, made of the two halves' ends. */
    write_walk_gaps("middle.csv", 100000, 0, 40000, 60000, 0, 0);
    compare_ways("middle.csv", 1, 100000);
    fig = load(spec_for("middle.csv"), 1);
    if (fig == NULL)
        return;
    pp__resolve_renderer(fig, &fig->renderers[0], NULL);
    d = &fig->renderers[0].data;
    for (i = 4, breaks = 0; i < d->n; i++)
        breaks += isnan(d->x[i]) && isnan(d->y[i]);
    CHECK_INT(breaks, 1);
    pp_figure_destroy(fig);
}

/* Reads both ways and checks the images are the same, byte for byte. */
static void check_falls_back(const char *spec, size_t full_points)
{
    pp_figure_t *streamed = load(spec, 1), *whole = load(spec, -1);
    pp_canvas_t *a = NULL, *b = NULL;
    pp_diff_result_t diff;

    if (streamed == NULL || whole == NULL)
        goto done;
    a = render(streamed);
    b = render(whole);
    if (a == NULL || b == NULL)
        goto done;
    CHECK_INT(streamed->renderers[0].data.n, full_points);
    pp_image_diff(b, a, 0, &diff, NULL);
    CHECK_INT(diff.differing_pixels, 0);
done:
    pp_canvas_destroy(a);
    pp_canvas_destroy(b);
    pp_figure_destroy(streamed);
    pp_figure_destroy(whole);
}

static void test_x_going_back_reads_the_whole_table(void)
{
    write_walk("back.csv", 20000, 0, 15000, 0);
    check_falls_back(spec_for("back.csv"), 20000);
}

static void test_shared_source_reads_the_whole_table(void)
{
    static const char spec[] =
        "{\"sources\": {\"walk\": {\"csv\": \"walk.csv\"}},"
        " \"renderers\": ["
        "  {\"glyph\": \"line\", \"source\": \"walk\", \"x\": \"index\","
        "   \"y\": \"value\"},"
        "  {\"glyph\": \"scatter\", \"source\": \"walk\", \"x\": \"index\","
        "   \"y\": \"value\", \"size\": 2}]}";

    write_walk("walk.csv", 20000, 0, 0, 0);
    check_falls_back(spec, 20000);
}

static void test_quoted_file_is_read_in_one_pass(void)
{
    pp_figure_t *fig;

    /* A quote anywhere means a line break may sit inside a field: no
       split, but one thread still streams it. */
    write_walk("quoted.csv", 100000, 0, 0, 1);
    compare_ways("quoted.csv", 1, 100000);
    fig = load(spec_for("quoted.csv"), 1);
    if (fig == NULL)
        return;
    pp__resolve_renderer(fig, &fig->renderers[0], NULL);
    CHECK(fig->renderers[0].data.n < 100000 / 3);
    pp_figure_destroy(fig);
}

static void test_bad_cell_gives_the_usual_message(void)
{
    pp_figure_t *fig;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;

    write_file("bad.csv", "index,value\n0,1\n1,2\n2,two\n3,4\n");
    fig = load(spec_for("bad.csv"), 1);
    if (fig == NULL)
        return;
    CHECK_INT(pp_figure_render(fig, fonts, &canvas, &err), PP_ERR_DATA);
    CHECK_CONTAINS(err.message, "column 'value' must hold numbers, but ");
    CHECK_CONTAINS(err.message, "bad.csv:4 has 'two'");
    CHECK(canvas == NULL);
    pp_figure_destroy(fig);
}

/*
 * A tooltip naming a column the file lacks fails as it does on a small
 * file; one naming real columns keeps the line streamed.
 */
static void test_tooltip_columns_checked_when_streamed(void)
{
    static const char bad[] =
        "{\"sources\": {\"walk\": {\"csv\": \"tips.csv\"}},"
        " \"renderers\": [{\"glyph\": \"line\", \"source\": \"walk\","
        " \"x\": \"index\", \"y\": \"value\","
        " \"tooltips\": [[\"v\", \"@nope\"]]}]}";
    static const char good[] =
        "{\"sources\": {\"walk\": {\"csv\": \"tips.csv\"}},"
        " \"renderers\": [{\"glyph\": \"line\", \"source\": \"walk\","
        " \"x\": \"index\", \"y\": \"value\","
        " \"tooltips\": [[\"v\", \"@value at @{index}\"]]}]}";
    pp_figure_t *fig;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;

    write_walk("tips.csv", 100000, 0, 0, 0);
    fig = load(bad, 1);
    if (fig != NULL) {
        CHECK_INT(pp_figure_render(fig, fonts, &canvas, &err), PP_ERR_DATA);
        CHECK_CONTAINS(err.message, "column 'nope' is not in ");
        CHECK(canvas == NULL);
        pp_figure_destroy(fig);
    }
    fig = load(good, 1);
    if (fig != NULL) {
        CHECK_INT(pp__resolve_renderer(fig, &fig->renderers[0], &err), PP_OK);
        CHECK(fig->renderers[0].data.n < 100000 / 3);
        pp_figure_destroy(fig);
    }
}

static void test_small_files_are_read_whole_by_default(void)
{
    pp_figure_t *fig;

    write_walk("small.csv", 1000, 0, 0, 0);
    fig = load(spec_for("small.csv"), 0);
    if (fig == NULL)
        return;
    pp__resolve_renderer(fig, &fig->renderers[0], NULL);
    CHECK_INT(fig->renderers[0].data.n, 1000);
    pp_figure_destroy(fig);
}

int main(void)
{
    char font_dir[1024], command[256];
    pp_error_t err;

    if (mkdtemp(tmpdir) == NULL) {
        printf("FAIL test_stream: cannot make %s\n", tmpdir);
        return 1;
    }
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    if (pp_fonts_load(font_dir, &fonts, &err) != PP_OK) {
        printf("FAIL test_stream: %s\n", err.message);
        return 1;
    }
    RUN(test_reduced_line_matches_full_on_100000_rows);
    RUN(test_two_halves_give_the_points_of_one_pass);
    RUN(test_gaps_stay_gaps);
    RUN(test_x_going_back_reads_the_whole_table);
    RUN(test_shared_source_reads_the_whole_table);
    RUN(test_quoted_file_is_read_in_one_pass);
    RUN(test_bad_cell_gives_the_usual_message);
    RUN(test_tooltip_columns_checked_when_streamed);
    RUN(test_small_files_are_read_whole_by_default);
    pp_fonts_destroy(fonts);
    snprintf(command, sizeof command, "rm -rf '%s'", tmpdir);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    CHECK_EXIT();
}
