/*
 * Figures of a million pixels or more are painted on two threads, each
 * changing every other row (src/render.c). The pixels must be exactly those
 * of one thread: the scan converter steps over the other thread's rows
 * without cutting edges there, text is laid out by both, and each thread
 * has its own fonts.
 */
#include "check.h"
#include "model.h"

#include <unistd.h>

static char tmpdir[] = "/tmp/pp_threads_XXXXXX";
static pp_fonts_t *fonts;

/* Data that draws lines at every slope, markers and translucent overlaps. */
static void write_data(void)
{
    char path[256];
    FILE *f;
    int i;

    snprintf(path, sizeof path, "%s/data.csv", tmpdir);
    f = fopen(path, "w");
    fputs("x,y,size,kind\n", f);
    for (i = 0; i < 3000; i++)
        fprintf(f, "%d,%d,%d,%s\n", i, (i * 7919) % 1000 - (i % 13) * 40,
                3 + i % 9, i % 3 ? "a" : "b");
    fclose(f);
}

static const char spec[] =
    "{\"width\": 1250, \"height\": 820,"
    " \"title\": {\"text\": \"Two threads, one picture\", \"align\": \"center\"},"
    " \"sources\": {\"d\": {\"csv\": \"data.csv\"}},"
    " \"xaxis\": {\"axis_label\": \"Index\"},"
    " \"yaxis\": {\"axis_label\": \"Value\"},"
    " \"renderers\": ["
    "  {\"glyph\": \"line\", \"source\": \"d\", \"x\": \"x\", \"y\": \"y\","
    "   \"line_color\": \"navy\", \"line_alpha\": 0.4, \"line_width\": 2.5,"
    "   \"legend_label\": \"walk\"},"
    "  {\"glyph\": \"scatter\", \"source\": \"d\", \"x\": \"x\", \"y\": \"y\","
    "   \"size\": \"size\", \"fill_color\": \"orange\", \"fill_alpha\": 0.3,"
    "   \"line_color\": \"black\", \"legend_label\": \"points\"}]}";

static pp_canvas_t *render(int threads)
{
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;

    opt.data_dir = tmpdir;
    if (pp_figure_load_json(spec, strlen(spec), "spec.json", &opt, &fig,
                            &err) != PP_OK) {
        CHECK_MSG(0, "load: %s", err.message);
        return NULL;
    }
    fig->threads = threads;
    if (pp_figure_render(fig, fonts, &canvas, &err) != PP_OK)
        CHECK_MSG(0, "render: %s", err.message);
    pp_figure_destroy(fig);
    return canvas;
}

static void test_two_threads_paint_the_pixels_of_one(void)
{
    pp_canvas_t *one = render(1), *two = render(0);
    pp_diff_result_t diff;

    if (one != NULL && two != NULL) {
        pp_image_diff(one, two, 0, &diff, NULL);
        CHECK_MSG(diff.differing_pixels == 0,
                  "%ld pixels differ, the first at (%d, %d)",
                  diff.differing_pixels, diff.first_x, diff.first_y);
    }
    pp_canvas_destroy(one);
    pp_canvas_destroy(two);
}

static void test_canvas_is_whole_after_painting(void)
{
    pp_canvas_t *canvas = render(0);
    pp_color_t red = {255, 0, 0, 1.0f};
    uint8_t a[4], b[4];

    if (canvas == NULL)
        return;
    /* Drawing after the figure reaches every row again. */
    pp_canvas_fill_rect(canvas, (pp_rect_t){9.5, 9.5, 2, 2}, red);
    pp_canvas_get_pixel(canvas, 10, 10, a);
    pp_canvas_get_pixel(canvas, 10, 11, b);
    CHECK_INT(a[0] == 255 && a[1] == 0 && a[2] == 0, 1);
    CHECK_INT(b[0] == 255 && b[1] == 0 && b[2] == 0, 1);
    pp_canvas_destroy(canvas);
}

int main(void)
{
    char font_dir[1024], command[256];
    pp_error_t err;

    if (mkdtemp(tmpdir) == NULL) {
        printf("FAIL test_threads: cannot make %s\n", tmpdir);
        return 1;
    }
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    if (pp_fonts_load(font_dir, &fonts, &err) != PP_OK) {
        printf("FAIL test_threads: %s\n", err.message);
        return 1;
    }
    write_data();
    RUN(test_two_threads_paint_the_pixels_of_one);
    RUN(test_canvas_is_whole_after_painting);
    pp_fonts_destroy(fonts);
    snprintf(command, sizeof command, "rm -rf '%s'", tmpdir);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    CHECK_EXIT();
}
