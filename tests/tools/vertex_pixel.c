/*
 * Prints the image pixel where a row of a renderer is drawn, for the
 * browser tests of the HTML image map (tests/cli/html.sh):
 *
 *   vertex_pixel SPEC.json FONT_DIR RENDERER ROW
 *
 * prints "X Y": the pixel holding the row's point (a line vertex, a
 * marker, a graph node) or the middle of its first segment (segment,
 * multi_line), as laid out for rendering. It uses only the layout and the
 * scales, not the image map, so the test does not grade the map by itself.
 */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int fail(const char *message)
{
    fprintf(stderr, "vertex_pixel: %s\n", message);
    return 1;
}

int main(int argc, char **argv)
{
    pp_figure_t *fig = NULL;
    pp_fonts_t *fonts = NULL;
    pp__layout layout;
    pp_error_t err;
    const pp__resolved *d;
    double x, y;
    size_t renderer, row;

    if (argc != 5)
        return fail("usage: vertex_pixel SPEC.json FONT_DIR RENDERER ROW");
    renderer = strtoul(argv[3], NULL, 10);
    row = strtoul(argv[4], NULL, 10);
    if (pp_figure_load(argv[1], NULL, &fig, &err) != PP_OK ||
        pp_fonts_load(argv[2], &fonts, &err) != PP_OK ||
        pp__figure_prepare(fig, fonts, &layout, &err) != PP_OK)
        return fail(err.message);
    if (renderer >= fig->nrenderers)
        return fail("no such renderer");

    d = &fig->renderers[renderer].data;
    if (row >= d->n)
        return fail("no such row");
    if (d->xs != NULL) {
        const double *xs = d->xs + row * d->nvertices;
        const double *ys = d->ys + row * d->nvertices;
        x = (pp__scale_x(fig, &layout, xs[0]) +
             pp__scale_x(fig, &layout, xs[1])) / 2.0;
        y = (pp__scale_y(fig, &layout, ys[0]) +
             pp__scale_y(fig, &layout, ys[1])) / 2.0;
    } else {
        x = pp__scale_x(fig, &layout, d->x[row]);
        y = pp__scale_y(fig, &layout, d->y[row]);
    }
    printf("%ld %ld\n", lround(x), lround(y));
    pp__layout_free(&layout);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
    return 0;
}
