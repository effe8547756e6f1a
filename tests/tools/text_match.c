/*
 * Chooses the text rendering settings by comparing our renderings of the
 * texts in Bokeh's fig1_timeline.png with the reference pixels.
 *
 *   build/tools/text_match [shared-dir] [--verbose] [--dump DIR]
 *
 * Each text of the figure (the title, the y tick labels, both axis labels)
 * is drawn alone on white at its nominal anchor, and at offsets around it,
 * and compared with a crop of the reference that holds only that text. For
 * every combination of hinting, subpixel phases and baseline snapping, the
 * tool prints the difference at the nominal anchors and at the best offsets
 * (sum of absolute channel differences / (255 - 0x44): "pixels of ink"),
 * then tries contrast boosts on the best one and prints each text's
 * difference, with the reference's own ink for scale. --dump writes, for
 * the chosen setting, each crop as reference / ours / difference (grey is
 * equal), magnified 6 times.
 * Without the shared folder it says so and exits 0.
 */
#include "pp_internal.h"
#include "pp_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One text of the reference figure, anchored as Bokeh anchors it. */
typedef struct text_item {
    char name[32];
    char text[64];
    pp_font_style style;
    double size;
    double x, y;                /* screen coordinates of the anchor */
    pp_text_align align;
    pp_text_baseline baseline;
    int angle;
    int x0, y0, x1, y1;         /* the reference crop: only this text */
} text_item;

typedef struct setting {
    const char *name;
    pp__hinting hinting;
    int phases;
    bool snap;
    double contrast;
} setting;

#define MAX_ITEMS 16
#define SEARCH 8                /* offsets -2 .. +2 px in quarter steps */

static const pp_color_t ink = {0x44, 0x44, 0x44, 1.0f};

/* Frame 83,25 712x296; y range -7450.8 .. 157654.8 (layout.json). */
static int fig1_items(text_item *items)
{
    static const char *labels[] = {
        "0.000e+0", "2.000e+4", "4.000e+4", "6.000e+4",
        "8.000e+4", "1.000e+5", "1.200e+5", "1.400e+5"
    };
    int i, n = 0;
    text_item *t;

    t = &items[n++];
    *t = (text_item){"title", "Number of New Connections Over Time",
                     PP_FONT_BOLD, 13, 83 + 712 / 2.0, 25 - 5,
                     PP_ALIGN_CENTER, PP_BASELINE_BOTTOM, 0,
                     250, 0, 630, 25};
    for (i = 0; i < 8; i++) {
        double v = i * 20000.0;
        double ty = 25 + (157654.8 - v) / (157654.8 + 7450.8) * 296;

        t = &items[n++];
        *t = (text_item){"", "", PP_FONT_NORMAL, 11, 83 - 6 - 5, ty + 4,
                         PP_ALIGN_RIGHT, PP_BASELINE_ALPHABETIC, 0,
                         20, (int)ty - 9, 76, (int)ty + 10};
        snprintf(t->name, sizeof t->name, "tick %s", labels[i]);
        snprintf(t->text, sizeof t->text, "%s", labels[i]);
    }
    /* Axis label boxes: standoff 5 past the ticks (6) and labels. */
    t = &items[n++];
    *t = (text_item){"x axis label", "Date & Time", PP_FONT_ITALIC, 13,
                     83 + 712 / 2.0, 321 + 6 + 5 + 12,
                     PP_ALIGN_CENTER, PP_BASELINE_ALPHABETIC, 0,
                     360, 326, 520, 350};
    t = &items[n++];
    *t = (text_item){"y axis label", "Connections built", PP_FONT_ITALIC, 13,
                     83 - 6 - 54.18603515625 - 5 - 15 + 12, 25 + 296 / 2.0,
                     PP_ALIGN_CENTER, PP_BASELINE_ALPHABETIC, 90,
                     0, 100, 20, 250};
    return n;
}

/* Contrast boosts to try: coverage a drawn as a + c * a * (1 - a). */
#define NCURVES 5
static const double contrasts[NCURVES] = {0.0, 0.05, 0.1, 0.15, 0.2};

/* Draws an item alone on white, shifted by (dx, dy), over its crop. */
static pp_canvas_t *render_item(pp_fonts_t *fonts, const text_item *t,
                                double dx, double dy)
{
    pp_color_t white = {255, 255, 255, 1.0f};
    pp_text_style_t style;
    pp_canvas_t *c = NULL;

    if (pp_canvas_create(t->x1 - t->x0, t->y1 - t->y0, white, &c) != PP_OK)
        return NULL;
    style.font_style = t->style;
    style.size_px = t->size;
    style.color = ink;
    style.align = t->align;
    style.baseline = t->baseline;
    style.angle = t->angle;
    pp_canvas_draw_text(c, fonts, t->text, t->x - t->x0 + dx,
                        t->y - t->y0 + dy, &style);
    return c;
}

/* Sum of absolute channel differences over the crop, in full-ink pixels. */
static double crop_error(const pp_canvas_t *ref, const text_item *t,
                         const pp_canvas_t *ours)
{
    double sum = 0.0;
    int x, y, k;

    for (y = t->y0; y < t->y1; y++)
        for (x = t->x0; x < t->x1; x++) {
            uint8_t a[4], b[4];

            pp_canvas_get_pixel(ref, x, y, a);
            pp_canvas_get_pixel(ours, x - t->x0, y - t->y0, b);
            for (k = 0; k < 3; k++)
                sum += abs(a[k] - b[k]);
        }
    return sum / (255.0 - ink.r) / 3.0;
}

static double crop_ink(const pp_canvas_t *ref, const text_item *t)
{
    double sum = 0.0;
    int x, y;

    for (y = t->y0; y < t->y1; y++)
        for (x = t->x0; x < t->x1; x++) {
            uint8_t a[4];

            pp_canvas_get_pixel(ref, x, y, a);
            sum += (255 - a[0]) / (255.0 - ink.r);
        }
    return sum;
}

typedef struct match {
    double nominal;             /* error at the nominal anchor */
    double best;                /* error at the best offset */
    double dx, dy;
} match;

static match match_item(pp_fonts_t *fonts, const pp_canvas_t *ref,
                        const text_item *t)
{
    match m = {0, 1e30, 0, 0};
    int i, j;

    for (i = -SEARCH; i <= SEARCH; i++)
        for (j = -SEARCH; j <= SEARCH; j++) {
            pp_canvas_t *ours = render_item(fonts, t, i / 4.0, j / 4.0);
            double e = ours ? crop_error(ref, t, ours) : 1e30;

            if (i == 0 && j == 0)
                m.nominal = e;
            /* Prefer the offset nearest the anchor among equals. */
            if (e < m.best - 1e-9 ||
                (fabs(e - m.best) <= 1e-9 &&
                 fabs(i / 4.0) + fabs(j / 4.0) < fabs(m.dx) + fabs(m.dy))) {
                m.best = e;
                m.dx = i / 4.0;
                m.dy = j / 4.0;
            }
            pp_canvas_destroy(ours);
        }
    return m;
}

static void apply(pp_fonts_t *fonts, const setting *s)
{
    pp__text_options o;

    pp__text_default_options(&o);
    o.hinting = s->hinting;
    o.x_phases = s->phases;
    o.snap_baseline = s->snap;
    o.contrast = s->contrast;
    pp__fonts_set_options(fonts, &o);
}

/* Writes reference / ours / difference for one item, magnified 6 times. */
static void dump_item(const char *dir, const pp_canvas_t *ref,
                      const text_item *t, const pp_canvas_t *ours, int index)
{
    pp_color_t grey = {200, 200, 200, 1.0f};
    int w = t->x1 - t->x0, h = t->y1 - t->y0, s = 6, x, y, k;
    pp_canvas_t *out = NULL;
    char path[1024];

    if (pp_canvas_create(w * s, (h * 3 + 2) * s, grey, &out) != PP_OK)
        return;
    for (y = 0; y < h * s; y++)
        for (x = 0; x < w * s; x++) {
            uint8_t a[4], b[4], *p;

            pp_canvas_get_pixel(ref, t->x0 + x / s, t->y0 + y / s, a);
            pp_canvas_get_pixel(ours, x / s, y / s, b);
            memcpy(out->rgba + ((size_t)y * w * s + x) * 4, a, 4);
            memcpy(out->rgba + ((size_t)(y + (h + 1) * s) * w * s + x) * 4,
                   b, 4);
            p = out->rgba + ((size_t)(y + (2 * h + 2) * s) * w * s + x) * 4;
            for (k = 0; k < 3; k++)
                p[k] = (uint8_t)(128 + (b[k] - a[k]) / 2);
            p[3] = 255;
        }
    snprintf(path, sizeof path, "%s/text_match_%02d.png", dir, index);
    pp_canvas_write_png(out, path, PP_COMPRESSION_DEFAULT, NULL);
    pp_canvas_destroy(out);
}

static double run_setting(pp_fonts_t *fonts, const pp_canvas_t *ref,
                          const text_item *items, int n, const setting *s,
                          bool verbose)
{
    double nominal = 0.0, best = 0.0;
    int i;

    apply(fonts, s);
    for (i = 0; i < n; i++) {
        match m = match_item(fonts, ref, &items[i]);

        nominal += m.nominal;
        best += m.best;
        if (verbose)
            printf("    %-18s nominal %6.2f  best %6.2f at dx %+.2f "
                   "dy %+.2f  (ink %.1f)\n", items[i].name, m.nominal,
                   m.best, m.dx, m.dy, crop_ink(ref, &items[i]));
    }
    printf("  %-38s contrast %.2f  nominal %7.2f  best offsets %7.2f\n",
           s->name, s->contrast, nominal, best);
    return nominal;
}

int main(int argc, char **argv)
{
    static const char *hint_names[] = {"none", "light", "light-auto",
                                       "normal"};
    static const int phase_counts[] = {1, 4, 64};
    const char *shared = getenv("PP_SHARED"), *dump = NULL;
    char path[1024], names[48][48], fontdir[1024];
    setting settings[48], best_setting, chosen;
    text_item items[MAX_ITEMS];
    pp_canvas_t *ref = NULL;
    pp_fonts_t *fonts = NULL;
    pp_error_t err;
    struct stat st;
    double best = 1e30;
    bool verbose = false;
    int n, h, p, s, c, i, count = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump = argv[++i];
        else if (strcmp(argv[i], "--verbose") == 0)
            verbose = true;
        else
            shared = argv[i];
    }
    if (shared == NULL || shared[0] == '\0')
        shared = "../shared";
    snprintf(path, sizeof path, "%s/reference/bokeh/fig1_timeline.png",
             shared);
    if (stat(path, &st) != 0) {
        printf("SKIP text_match: %s not found; pass the shared folder as "
               "an argument\n", path);
        return 0;
    }
    snprintf(fontdir, sizeof fontdir, "%s/fonts",
             getenv("PP_REPO") ? getenv("PP_REPO") : ".");
    if (pp_canvas_read_png(path, &ref, &err) != PP_OK ||
        pp_fonts_load(fontdir, &fonts, &err) != PP_OK) {
        fprintf(stderr, "ERROR: %s\n", err.message);
        return 1;
    }
    n = fig1_items(items);

    for (h = 0; h < 4; h++)
        for (p = 0; p < 3; p++)
            for (s = 0; s < 2; s++) {
                setting *x = &settings[count];

                snprintf(names[count], sizeof names[count],
                         "hinting %s, %d phases, %s", hint_names[h],
                         phase_counts[p], s ? "snapped" : "unsnapped");
                *x = (setting){names[count], (pp__hinting)h,
                               phase_counts[p], s == 1, 0.0};
                count++;
            }
    best_setting = chosen = settings[0];
    printf("fig1 texts, difference in pixels of full ink:\n");
    for (i = 0; i < count; i++) {
        double e = run_setting(fonts, ref, items, n, &settings[i], verbose);

        if (e < best) {
            best = e;
            best_setting = settings[i];
        }
    }
    printf("\nthe best of those, with contrast boosts:\n");
    best = 1e30;
    for (c = 0; c < NCURVES; c++) {
        setting x = best_setting;
        double e;

        x.contrast = contrasts[c];
        e = run_setting(fonts, ref, items, n, &x, true);
        if (e < best) {
            best = e;
            chosen = x;
        }
    }
    printf("\nchosen: %s, contrast %.2f\n", chosen.name, chosen.contrast);

    if (dump != NULL) {
        apply(fonts, &chosen);
        for (i = 0; i < n; i++) {
            pp_canvas_t *ours = render_item(fonts, &items[i], 0, 0);

            dump_item(dump, ref, &items[i], ours, i);
            pp_canvas_destroy(ours);
        }
    }
    pp_fonts_destroy(fonts);
    pp_canvas_destroy(ref);
    return 0;
}
