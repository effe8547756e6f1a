/*
 * Drawing a figure through pngplot's C API: data from memory, look from a
 * spec, a PNG out.
 *
 *   build/examples/wave [OUT.png [FONT_DIR]]
 *
 * writes wave.png, with the fonts installed beside the library (make
 * install) unless FONT_DIR is given: in the source tree, give `fonts`.
 */
#include <math.h>
#include <stdio.h>

#include "pngplot.h"

static const char spec[] =
    "{\"width\": 640, \"height\": 300,"
    " \"title\": {\"text\": \"A damped wave\", \"align\": \"center\"},"
    " \"sources\": {\"wave\": {\"data\": {}}},"
    " \"xaxis.axis_label\": \"Time (s)\","
    " \"yaxis.axis_label\": \"Amplitude\","
    " \"renderers\": [{\"glyph\": \"line\", \"source\": \"wave\","
    "   \"x\": \"t\", \"y\": \"v\", \"line_color\": \"navy\","
    "   \"line_width\": 2, \"legend_label\": \"exp(-t/3) sin 2t\"}]}";

#define COUNT 400

int main(int argc, char **argv)
{
    const char *out = argc > 1 ? argv[1] : "wave.png";
    const char *font_dir = argc > 2 ? argv[2] : NULL;   /* NULL: installed */
    double t[COUNT], v[COUNT];
    pp_figure_t *fig = NULL;
    pp_fonts_t *fonts = NULL;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;
    int i, status = 1;

    for (i = 0; i < COUNT; i++) {
        t[i] = i * 10.0 / (COUNT - 1);
        v[i] = exp(-t[i] / 3.0) * sin(2.0 * t[i]);
    }

    /* The spec gives the look; the columns come from memory. */
    if (pp_figure_load_json(spec, sizeof spec - 1, "wave spec", NULL, &fig,
                            &err) != PP_OK ||
        pp_figure_set_column(fig, "wave", "t", t, COUNT, &err) != PP_OK ||
        pp_figure_set_column(fig, "wave", "v", v, COUNT, &err) != PP_OK ||
        pp_fonts_load(font_dir, &fonts, &err) != PP_OK ||
        pp_figure_render(fig, fonts, &canvas, &err) != PP_OK ||
        pp_canvas_write_png(canvas, out, PP_COMPRESSION_DEFAULT, &err)
            != PP_OK) {
        fprintf(stderr, "ERROR: %s\n", err.message);
        goto done;
    }
    printf("wrote %s\n", out);
    status = 0;
done:
    pp_canvas_destroy(canvas);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
    return status;
}
