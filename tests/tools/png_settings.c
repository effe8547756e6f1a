/*
 * Measures PNG encoder settings on the four notebook figures, to choose
 * the default behind PP_COMPRESSION_DEFAULT.
 *
 *   build/tools/png_settings [shared-dir] [runs] [images-dir]
 *
 * For each figure, decodes our rendering of it from images-dir (out/, as
 * `make demo` writes it: timeline.png, bipartite.png, intrusions.png,
 * network.png), or Bokeh's reference PNG when no folder is given, and
 * re-encodes it with every libdeflate level and filter, every zlib level,
 * filter and strategy, plus an indexed palette when the figure has at most
 * 256 colours. Prints the size against Bokeh's file and the median encoding
 * time of `runs` runs, then a summary: the trade-off curve between speed
 * and size, the settings that keep every file no larger than Bokeh's, and
 * the default. Without the shared folder it says so and exits 0.
 */
#include "pp_internal.h"
#include "pp_png.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define NFIGS 4
#define NCOMBOS (12 * 3 + 9 * 6 * 3 + 9)

static const char *const figures[NFIGS] = {
    "fig1_timeline", "fig2_bipartite", "fig3_ids", "fig4_network"
};
static const char *const our_names[NFIGS] = {
    "timeline", "bipartite", "intrusions", "network"
};
static long ref_sizes[NFIGS];
static const char *const filter_names[] = {
    "none", "sub", "up", "paeth", "adaptive", "repeat"
};
static const char *const strategy_names[] = {"default", "filtered", "rle"};

typedef struct combo {
    pp__png_options options;
    size_t size[NFIGS];
    double ms[NFIGS];
    bool fits[NFIGS];       /* no larger than Bokeh's file */
    bool usable[NFIGS];     /* a palette combo on a figure with > 256 colours
                               falls back to RGB; it is not reported there */
} combo;

static double now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* Median time of runs encodings; the size of the output in *size. */
static double time_encoding(const pp_canvas_t *canvas,
                            const pp__png_options *options, int runs,
                            size_t *size)
{
    double times[101];
    int i;

    for (i = 0; i < runs; i++) {
        uint8_t *data = NULL;
        double start = now_ms();

        if (pp__png_encode(canvas, options, &data, size, NULL) != PP_OK) {
            fprintf(stderr, "ERROR: encoding failed\n");
            exit(1);
        }
        times[i] = now_ms() - start;
        free(data);
    }
    qsort(times, (size_t)runs, sizeof times[0], compare_doubles);
    return times[runs / 2];
}

/*
 * Every combination: libdeflate level x filter (none, up, repeat), zlib
 * level x filter x strategy, then palettes (zlib) by level.
 */
static int make_combos(combo *combos)
{
    static const pp__png_filter deflate_filters[] = {
        PP__PNG_FILTER_NONE, PP__PNG_FILTER_UP, PP__PNG_FILTER_REPEAT
    };
    int level, filter, strategy, n = 0;

    for (level = 1; level <= 12; level++)
        for (filter = 0; filter < 3; filter++) {
            memset(&combos[n], 0, sizeof combos[n]);
            combos[n].options.compressor = PP__PNG_LIBDEFLATE;
            combos[n].options.level = level;
            combos[n].options.filter = deflate_filters[filter];
            n++;
        }
    for (level = 1; level <= 9; level++)
        for (filter = 0; filter < 6; filter++)
            for (strategy = 0; strategy < 3; strategy++) {
                memset(&combos[n], 0, sizeof combos[n]);
                combos[n].options.compressor = PP__PNG_ZLIB;
                combos[n].options.level = level;
                combos[n].options.filter = (pp__png_filter)filter;
                combos[n].options.strategy = (pp__png_strategy)strategy;
                n++;
            }
    for (level = 1; level <= 9; level++) {
        memset(&combos[n], 0, sizeof combos[n]);
        combos[n].options.compressor = PP__PNG_ZLIB;
        combos[n].options.level = level;
        combos[n].options.filter = PP__PNG_FILTER_NONE;
        combos[n].options.palette = true;
        n++;
    }
    return n;
}

static void describe(const pp__png_options *o, char *buf, size_t size)
{
    if (o->compressor == PP__PNG_LIBDEFLATE)
        snprintf(buf, size, "libdeflate %2d %-8s", o->level,
                 filter_names[o->filter]);
    else
        snprintf(buf, size, "zlib %d %-8s %-8s%s", o->level,
                 filter_names[o->filter], strategy_names[o->strategy],
                 o->palette ? " palette" : "");
}

/* How many colours a canvas has, up to 257. */
static int count_colours(const pp_canvas_t *canvas)
{
    pp__png_options o = {PP__PNG_ZLIB, 9, PP__PNG_FILTER_NONE,
                         PP__PNG_STRATEGY_DEFAULT, true};
    uint8_t *data = NULL;
    size_t size;
    int n = 257;

    /* A palette PNG's PLTE chunk, right after IHDR, says how many. */
    if (pp__png_encode(canvas, &o, &data, &size, NULL) == PP_OK &&
        data[25] == 3)
        n = (int)(((uint32_t)data[33] << 24 | (uint32_t)data[34] << 16 |
                   (uint32_t)data[35] << 8 | data[36]) / 3);
    free(data);
    return n;
}

static void measure_figure(int fig, const pp_canvas_t *canvas, long ref_size,
                           combo *combos, int ncombos, int runs)
{
    bool palette_ok = count_colours(canvas) <= 256;
    char name[64];
    int i;

    printf("\n%s.png: %dx%d, %s colours, Bokeh's file %ld bytes\n",
           figures[fig], canvas->width, canvas->height,
           palette_ok ? "<= 256" : "> 256", ref_size);
    for (i = 0; i < ncombos; i++) {
        combo *c = &combos[i];

        c->usable[fig] = palette_ok || !c->options.palette;
        if (!c->usable[fig])
            continue;
        c->ms[fig] = time_encoding(canvas, &c->options, runs, &c->size[fig]);
        c->fits[fig] = (long)c->size[fig] <= ref_size;
        describe(&c->options, name, sizeof name);
        printf("  %-36s %7zu bytes %6.1f%% %7.3f ms\n", name, c->size[fig],
               100.0 * (double)c->size[fig] / (double)ref_size, c->ms[fig]);
    }
}

static double worst_time(const combo *c)
{
    double t = 0.0;
    int f;

    for (f = 0; f < NFIGS; f++)
        t = c->ms[f] > t ? c->ms[f] : t;
    return t;
}

/* The largest size against Bokeh's; 1e9 when a palette does not apply. */
static double worst_ratio(const combo *c)
{
    double r = 0.0;
    int f;

    for (f = 0; f < NFIGS; f++) {
        double x = c->usable[f] ? (double)c->size[f] / ref_sizes[f] : 1e9;

        r = x > r ? x : r;
    }
    return r;
}

static bool same_options(const pp__png_options *a, const pp__png_options *b)
{
    return a->compressor == b->compressor && a->level == b->level &&
           a->filter == b->filter &&
           a->strategy == b->strategy && a->palette == b->palette;
}

static int by_worst_time(const void *a, const void *b)
{
    double x = worst_time(a), y = worst_time(b);

    return x < y ? -1 : x > y;
}

static void print_row(const combo *c)
{
    char name[64];
    int f;

    describe(&c->options, name, sizeof name);
    printf("  %-36s", name);
    for (f = 0; f < NFIGS; f++)
        printf(" %6.2f", c->ms[f]);
    printf("  (");
    for (f = 0; f < NFIGS; f++)
        printf("%s%.1f%%", f ? " " : "",
               100.0 * (double)c->size[f] / (double)ref_sizes[f]);
    printf(")\n");
}

/*
 * The settings no other beats on both the slowest figure's time and the
 * largest size against Bokeh's, then those within Bokeh's size everywhere,
 * and the current default.
 */
static void summarise(combo *combos, int ncombos)
{
    pp__png_options def;
    double best_ratio = 1e30;
    int i, shown = 0;

    qsort(combos, (size_t)ncombos, sizeof *combos, by_worst_time);
    printf("\nms for fig1 / fig2 / fig3 / fig4 (size against Bokeh's)\n");
    printf("\ntrade-off: faster than every smaller setting\n");
    for (i = 0; i < ncombos; i++)
        if (worst_ratio(&combos[i]) < best_ratio &&
            worst_ratio(&combos[i]) < 1e9) {
            best_ratio = worst_ratio(&combos[i]);
            print_row(&combos[i]);
        }

    printf("\nevery file no larger than Bokeh's, fastest first\n");
    for (i = 0; i < ncombos && shown < 10; i++)
        if (worst_ratio(&combos[i]) <= 1.0) {
            print_row(&combos[i]);
            shown++;
        }

    printf("\nthe default (PP_COMPRESSION_DEFAULT)\n");
    pp__png_default_options(&def);
    for (i = 0; i < ncombos; i++)
        if (same_options(&combos[i].options, &def))
            print_row(&combos[i]);
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : getenv("PP_SHARED");
    int runs = argc > 2 ? atoi(argv[2]) : 15;
    const char *images = argc > 3 ? argv[3] : NULL;
    static combo combos[NCOMBOS];
    int ncombos = make_combos(combos), fig;
    char path[1024];
    struct stat st;

    if (shared == NULL || shared[0] == '\0')
        shared = "../shared";
    if (runs < 1 || runs > 101)
        runs = 15;
    for (fig = 0; fig < NFIGS; fig++) {
        pp_canvas_t *canvas = NULL;
        pp_error_t err;

        snprintf(path, sizeof path, "%s/reference/bokeh/%s.png", shared,
                 figures[fig]);
        if (stat(path, &st) != 0) {
            printf("SKIP png_settings: %s not found; pass the shared folder "
                   "as the first argument\n", path);
            return 0;
        }
        ref_sizes[fig] = (long)st.st_size;
        if (images != NULL)
            snprintf(path, sizeof path, "%s/%s.png", images, our_names[fig]);
        if (pp_canvas_read_png(path, &canvas, &err) != PP_OK) {
            fprintf(stderr, "ERROR: %s\n", err.message);
            return 1;
        }
        measure_figure(fig, canvas, ref_sizes[fig], combos, ncombos, runs);
        pp_canvas_destroy(canvas);
    }
    summarise(combos, ncombos);
    return 0;
}
