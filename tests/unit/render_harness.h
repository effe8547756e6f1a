/*
 * Rendering small figures in tests: a spec from a string over CSV text
 * written into a temporary folder, with the layout kept for positions.
 * Include after check.h; call harness_begin() first and harness_end() last.
 */
#ifndef PP_RENDER_HARNESS_H
#define PP_RENDER_HARNESS_H

#include "model.h"

#include <stdlib.h>
#include <unistd.h>

static char tmpdir[256];

/* ------------------------------------------------------------------------ */
/* Harness                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct rendered {
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    pp_canvas_t *canvas;
    pp__layout layout;
    pp_status status;
    pp_error_t err;
    char warnings[4096];
    int nwarnings;
} rendered;

static inline void collect_warning(void *user, const char *message)
{
    rendered *r = user;
    size_t len = strlen(r->warnings);

    r->nwarnings++;
    snprintf(r->warnings + len, sizeof r->warnings - len, "%s\n", message);
}

static inline void write_file(const char *name, const char *text, size_t len)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    f = fopen(path, "wb");
    if (f != NULL) {
        fwrite(text, 1, len, f);
        fclose(f);
    }
}

/*
 * Writes csv as data.csv (and csv2 as data2.csv when given), loads the
 * spec over them, lays it out and renders it.
 */
static inline void render_case(const char *spec, const char *csv, size_t csv_len,
                        rendered *r)
{
    char font_dir[512];
    pp_load_options_t opt = {0};
    pp__layout layout;

    memset(r, 0, sizeof *r);
    write_file("data.csv", csv, csv_len);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    opt.data_dir = tmpdir;
    opt.warning = collect_warning;
    opt.warning_user = r;
    r->status = pp_figure_load_json(spec, strlen(spec), "case.json", &opt,
                                    &r->fig, &r->err);
    if (r->status == PP_OK)
        r->status = pp_fonts_load(font_dir, &r->fonts, &r->err);
    if (r->status != PP_OK)
        return;
    pp_fonts_set_warning_handler(r->fonts, collect_warning, r);
    r->status = pp__figure_prepare(r->fig, r->fonts, &layout, &r->err);
    if (r->status != PP_OK)
        return;
    r->layout = layout;
    r->status = pp_figure_render(r->fig, r->fonts, &r->canvas, &r->err);
}

static inline void render_text(const char *spec, const char *csv, rendered *r)
{
    render_case(spec, csv, strlen(csv), r);
}

static inline void release(rendered *r)
{
    pp__layout_free(&r->layout);
    pp_canvas_destroy(r->canvas);
    pp_fonts_destroy(r->fonts);
    pp_figure_destroy(r->fig);
}

static inline double px(const rendered *r, double x)
{
    return pp__scale_x(r->fig, &r->layout, x);
}

static inline double py(const rendered *r, double y)
{
    return pp__scale_y(r->fig, &r->layout, y);
}

static inline void pixel(const rendered *r, double x, double y, uint8_t rgba[4])
{
    pp_canvas_get_pixel(r->canvas, (int)lround(x), (int)lround(y), rgba);
}

/* Bluish ink: the navy line, even anti-aliased, but not grey or red. */
static inline bool is_navy(const uint8_t *p)
{
    return p[2] >= p[0] + 30 && p[2] >= p[1] + 30;
}

static inline bool is_red(const uint8_t *p)
{
    return p[0] >= p[1] + 30 && p[0] >= p[2] + 30;
}

/* Pixels of a kind inside the frame whose column lies in (c0, c1). */
static inline int count_in_columns(const rendered *r, double c0, double c1,
                            bool (*kind)(const uint8_t *))
{
    const pp_rect_t *f = &r->layout.frame;
    int x, y, n = 0;

    for (x = (int)ceil(c0 + 1e-9); x < c1; x++)
        for (y = (int)f->y + 1; y < f->y + f->height; y++) {
            uint8_t p[4];
            pp_canvas_get_pixel(r->canvas, x, y, p);
            n += kind(p);
        }
    return n;
}

#define CHECK_COLOR(r, x, y, R, G, B, tol)                                  \
    do {                                                                    \
        uint8_t check_p[4];                                                 \
        pixel(r, x, y, check_p);                                            \
        CHECK_MSG(abs(check_p[0] - (R)) <= (tol) &&                         \
                  abs(check_p[1] - (G)) <= (tol) &&                         \
                  abs(check_p[2] - (B)) <= (tol),                           \
                  "pixel (%.1f, %.1f) is (%d,%d,%d), expected (%d,%d,%d)",  \
                  (double)(x), (double)(y), check_p[0], check_p[1],         \
                  check_p[2], R, G, B);                                     \
    } while (0)

/* The PNG bytes of a rendering, to compare two runs exactly. */
static inline bool same_png(const rendered *a, const rendered *b)
{
    uint8_t *da = NULL, *db = NULL;
    size_t na = 0, nb = 0;
    bool same;

    if (a->canvas == NULL || b->canvas == NULL)
        return false;
    pp_canvas_encode_png(a->canvas, PP_COMPRESSION_DEFAULT, &da, &na, NULL);
    pp_canvas_encode_png(b->canvas, PP_COMPRESSION_DEFAULT, &db, &nb, NULL);
    same = da != NULL && db != NULL && na == nb && memcmp(da, db, na) == 0;
    free(da);
    free(db);
    return same;
}

static inline bool labels_contain(const pp__axis_layout *al, const char *text)
{
    size_t i;

    for (i = 0; i < al->ticks.nmajor; i++)
        if (strstr(al->labels[i], text) != NULL)
            return true;
    return false;
}

static inline bool harness_begin(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/pp-test-XXXXXX");
    return mkdtemp(tmpdir) != NULL;
}

static inline void harness_end(void)
{
    char command[300];

    snprintf(command, sizeof command, "rm -rf '%s'", tmpdir);
    if (system(command) != 0)
        fprintf(stderr, "    could not remove %s\n", tmpdir);
}

#endif
