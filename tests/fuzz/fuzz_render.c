/*
 * Fuzzes a whole render: a spec, then CSV text for its sources, each CSV
 * introduced by a form feed byte. The i-th CSV feeds the i-th source (the
 * last one feeds the rest), so one input holds everything a figure reads
 * and no file is touched. The canvas is capped at MAX_SIDE pixels a side:
 * the fuzzer looks for faults, and a large canvas only slows it.
 *
 * Any input must either render, and encode as a PNG, or fail with one line
 * that names the spec or the CSV.
 */
#include "fuzz.h"
#include "model.h"

#define MAX_SIDE 300
#define SEPARATOR '\f'

/* The spec is "fuzz.json", each CSV "fuzz.csv": messages name one. */
#define NAME_PREFIX "fuzz."

static pp_fonts_t *fonts;

/* The fonts are loaded once: from $PNGPLOT_FONT_DIR or ./fonts. */
static pp_fonts_t *load_fonts(void)
{
    const char *dir = getenv("PNGPLOT_FONT_DIR");
    pp_error_t err;

    if (fonts != NULL)
        return fonts;
    if (pp_fonts_load(dir != NULL ? dir : "fonts", &fonts, &err) != PP_OK) {
        fprintf(stderr, "fuzz_render: %s (run from the repository or set "
                "PNGPLOT_FONT_DIR)\n", err.message);
        exit(2);
    }
    pp_fonts_set_warning_handler(fonts, fuzz_check_warning, NULL);
    return fonts;
}

/* The part of [*at, end) up to the next separator; *at moves past it. */
static size_t next_section(const char **at, const char *end)
{
    const char *start = *at;
    const char *sep = memchr(start, SEPARATOR, (size_t)(end - start));

    if (sep == NULL) {
        *at = end;
        return (size_t)(end - start);
    }
    *at = sep + 1;
    return (size_t)(sep - start);
}

/* Gives every source without inline data its table from the CSV sections
   after the spec. */
static pp_status load_tables(pp_figure_t *fig, const char *at,
                             const char *end, pp_error_t *err)
{
    const char *csv = "";
    size_t len = 0, i;
    pp_status status;

    for (i = 0; i < fig->nsources; i++) {
        if (fig->sources[i].table != NULL)
            continue;
        if (at < end) {
            csv = at;
            len = next_section(&at, end);
        }
        status = pp__table_parse_csv("fuzz.csv", csv, len,
                                     &fig->sources[i].table, err);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *at = (const char *)data, *end = at + size;
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;
    pp_status status;
    size_t spec_len = next_section(&at, end);

    opt.max_side = MAX_SIDE;
    opt.warning = fuzz_check_warning;
    status = pp_figure_load_json((const char *)data, spec_len, "fuzz.json",
                                 &opt, &fig, &err);
    if (status == PP_OK)
        status = load_tables(fig, at, end, &err);
    if (status == PP_OK)
        status = pp_figure_render(fig, load_fonts(), &canvas, &err);
    fuzz_check_error(status, &err, NAME_PREFIX);
    if (status == PP_OK && (pp_canvas_width(canvas) != fig->width ||
                            pp_canvas_height(canvas) != fig->height))
        fuzz_broken("canvas size", "differs from the spec");
    if (status == PP_OK) {
        uint8_t *png = NULL;
        size_t png_size;
        status = pp_canvas_encode_png(canvas, PP_COMPRESSION_DEFAULT, &png,
                                      &png_size, &err);
        if (status != PP_OK)
            fuzz_broken("encoding a rendered canvas", err.message);
        free(png);
    }
    pp_canvas_destroy(canvas);
    pp_figure_destroy(fig);
    return 0;
}
