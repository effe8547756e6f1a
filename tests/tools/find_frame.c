/*
 * find_frame IMAGE.png: finds a figure's frame from its axis lines and
 * prints "left top right bottom" (pixel columns and rows).
 *
 * The axis lines are the longest straight runs of dark grey pixels: the
 * left axis is the column with the longest vertical run (it gives left,
 * top and bottom), the x axis the row with the longest horizontal run (it
 * gives right). Dark grey is near black and near neutral, so translucent
 * navy lines, however dense, and the light grey outline do not count.
 * Exit status 0, or 2 when the image cannot be read or has no dark line.
 */
#include "pngplot.h"

#include <stdio.h>

typedef struct run {
    int at, start, length;    /* column or row, first pixel, length */
} run;

static int is_dark(const pp_canvas_t *c, int x, int y)
{
    uint8_t p[4];
    int hi, lo;

    pp_canvas_get_pixel(c, x, y, p);
    hi = p[0] > p[1] ? p[0] : p[1];
    hi = hi > p[2] ? hi : p[2];
    lo = p[0] < p[1] ? p[0] : p[1];
    lo = lo < p[2] ? lo : p[2];
    return p[3] >= 128 && hi < 160 && hi - lo < 40;
}

/* The longest run along one line; vertical walks a column. */
static run longest_on(const pp_canvas_t *c, int at, int vertical)
{
    int n = vertical ? pp_canvas_height(c) : pp_canvas_width(c);
    run best = {at, 0, 0};
    int i, length = 0;

    for (i = 0; i < n; i++) {
        int dark = vertical ? is_dark(c, at, i) : is_dark(c, i, at);
        length = dark ? length + 1 : 0;
        if (length > best.length) {
            best.start = i - length + 1;
            best.length = length;
        }
    }
    return best;
}

/* Ties go to the first column (the left axis) and the last row (the x
   axis, below anything drawn along it). */
static run longest(const pp_canvas_t *c, int vertical)
{
    int n = vertical ? pp_canvas_width(c) : pp_canvas_height(c), i;
    run best = {-1, 0, 0};

    for (i = 0; i < n; i++) {
        run r = longest_on(c, i, vertical);
        if (r.length > best.length || (!vertical && r.length > 0 &&
                                        r.length == best.length))
            best = r;
    }
    return best;
}

int main(int argc, char **argv)
{
    pp_canvas_t *canvas;
    pp_error_t err;
    run left, bottom;

    if (argc != 2) {
        fprintf(stderr, "usage: find_frame IMAGE.png\n");
        return 2;
    }
    if (pp_canvas_read_png(argv[1], &canvas, &err) != PP_OK) {
        fprintf(stderr, "ERROR: %s\n", err.message);
        return 2;
    }
    left = longest(canvas, 1);
    bottom = longest(canvas, 0);
    pp_canvas_destroy(canvas);
    if (left.length == 0 || bottom.length == 0) {
        fprintf(stderr, "ERROR: %s: no axis line found\n", argv[1]);
        return 2;
    }
    printf("%d %d %d %d\n", left.at, left.start,
           bottom.start + bottom.length - 1, bottom.at);
    return 0;
}
