/*
 * Fuzzes the streaming line reader (src/stream.c): a line over a CSV file
 * large enough is read in one pass, in two halves on two threads from
 * twice that size, and reduced to bins of x without keeping the rows. The
 * input is the CSV file. The same spec draws it three times: streamed in
 * two halves (stream_min_bytes 1, so halves from 2 bytes on), streamed in
 * one pass (stream_min_bytes the file's size), and read whole as a table.
 * All must agree: all draw, with the same automatic ranges (the bins keep
 * each one's lowest and highest point, so the data's extent is exact), or
 * all fail with the same message.
 *
 * The reader takes a path, so each input is written to a file first.
 */
#include "fuzz.h"
#include "model.h"

#include <unistd.h>

#define SPEC                                                              \
    "{\"width\": 200, \"height\": 120,"                                   \
    " \"sources\": {\"s\": {\"csv\": \"fuzz.csv\"}},"                     \
    " \"renderers\": [{\"glyph\": \"line\", \"source\": \"s\","           \
    " \"x\": \"index\", \"y\": \"count\"}]}"

static pp_fonts_t *fonts;
static char folder[64];

static void remove_folder(void)
{
    char path[128];

    snprintf(path, sizeof path, "%s/fuzz.csv", folder);
    unlink(path);
    rmdir(folder);
}

/* Fonts and the folder for the CSV file, made once. */
static void set_up(void)
{
    const char *dir = getenv("PNGPLOT_FONT_DIR");
    pp_error_t err;

    if (fonts != NULL)
        return;
    if (pp_fonts_load(dir != NULL ? dir : "fonts", &fonts, &err) != PP_OK) {
        fprintf(stderr, "fuzz_stream: %s (run from the repository or set "
                "PNGPLOT_FONT_DIR)\n", err.message);
        exit(2);
    }
    snprintf(folder, sizeof folder, "/tmp/pngplot-fuzz-stream-XXXXXX");
    if (mkdtemp(folder) == NULL) {
        perror("fuzz_stream: mkdtemp");
        exit(2);
    }
    atexit(remove_folder);
}

typedef struct outcome {
    pp_status status;
    pp_error_t err;
    double x0, x1, y0, y1;
} outcome;

/* Draws the spec with streaming from min_bytes on (-1: never). */
static void draw(long long min_bytes, outcome *out)
{
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_canvas_t *canvas = NULL;

    memset(out, 0, sizeof *out);
    opt.data_dir = folder;
    opt.warning = fuzz_check_warning;
    out->status = pp_figure_load_json(SPEC, strlen(SPEC), "fuzz.json", &opt,
                                      &fig, &out->err);
    if (out->status != PP_OK)
        fuzz_broken("the fixed spec does not load", out->err.message);
    fig->stream_min_bytes = min_bytes;
    out->status = pp_figure_render(fig, fonts, &canvas, &out->err);
    fuzz_check_error(out->status, &out->err, "fuzz.csv");
    if (out->status == PP_OK) {
        out->x0 = fig->x_range.start;
        out->x1 = fig->x_range.end;
        out->y0 = fig->y_range.start;
        out->y1 = fig->y_range.end;
    }
    pp_canvas_destroy(canvas);
    pp_figure_destroy(fig);
}

static void compare(const outcome *streamed, const outcome *whole,
                    const char *how)
{
    if (streamed->status != whole->status ||
        (whole->status != PP_OK &&
         strcmp(streamed->err.message, whole->err.message) != 0))
        fuzz_broken(how, streamed->status != PP_OK ? streamed->err.message
                                                   : whole->err.message);
    if (whole->status == PP_OK &&
        (streamed->x0 != whole->x0 || streamed->x1 != whole->x1 ||
         streamed->y0 != whole->y0 || streamed->y1 != whole->y1))
        fuzz_broken(how, "the automatic ranges differ");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[128];
    outcome halves, one_pass, whole;
    FILE *f;

    set_up();
    snprintf(path, sizeof path, "%s/fuzz.csv", folder);
    f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz_stream: writing the CSV file");
        exit(2);
    }
    draw(1, &halves);
    draw(size > 0 ? (long long)size : 1, &one_pass);
    draw(-1, &whole);
    compare(&halves, &whole, "streamed in halves and read whole disagree");
    compare(&one_pass, &whole, "streamed in one pass and read whole disagree");
    return 0;
}
