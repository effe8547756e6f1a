/*
 * Times the scan converter on figure-sized workloads, to compare changes:
 *
 *   build/tools/raster_sample [repeats]
 *
 * Each line prints the best time of the repeats (default 50) for one
 * workload on a fresh 800 x 400 white canvas, the first drawing included
 * (it allocates the accumulation buffer). Not a test: the numbers depend
 * on the machine. The data is made up but shaped like the reference
 * figures, plus one deliberately bad case.
 */
#include "pngplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define WIDTH 800
#define HEIGHT 400

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A small deterministic generator, so every run draws the same. */
static double next_random(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return (double)((*state >> 33) & 0xffffff) / 16777216.0;
}

/*
 * 387 two-point segments of width 2, each its own stroke, fanning from a
 * source column to a target column 228 px to the right (figure 2).
 */
static pp_status draw_segments(pp_canvas_t *canvas)
{
    pp_stroke_style_t style = {{0, 0, 128, 0.6f}, 2.0, PP_CAP_ROUND,
                               PP_JOIN_BEVEL, 0.0};
    unsigned long state = 1;
    int i;

    for (i = 0; i < 387; i++) {
        double xy[4];
        pp_status status;

        xy[0] = 340.0;
        xy[1] = 50.0 + 285.0 * next_random(&state);
        xy[2] = 568.0;
        xy[3] = 40.0 + 10.0 * next_random(&state);
        status = pp_canvas_stroke_polyline(canvas, xy, 2, &style);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

/*
 * One polyline of 4268 points across the frame, width 1: a flat, slightly
 * noisy baseline with a few tall spikes and one plateau (figure 1).
 */
static pp_status draw_timeline(pp_canvas_t *canvas)
{
    pp_stroke_style_t style = {{0, 0, 128, 0.5f}, 1.0, PP_CAP_BUTT,
                               PP_JOIN_BEVEL, 0.0};
    static double xy[2 * 4268];
    unsigned long state = 2;
    int i;

    for (i = 0; i < 4268; i++) {
        double y = 307.0 - 2.0 * next_random(&state);

        if (i > 200 && i < 300)
            y = 40.0 + 10.0 * next_random(&state);
        else if (i % 500 == 7)
            y = 307.0 - 280.0 * next_random(&state);
        xy[2 * i] = 83.0 + 712.0 * i / 4267.0;
        xy[2 * i + 1] = y;
    }
    return pp_canvas_stroke_polyline(canvas, xy, 4268, &style);
}

/* The worst case: 4268 points, each at a random height, width 2. */
static pp_status draw_noise(pp_canvas_t *canvas)
{
    pp_stroke_style_t style = {{0, 0, 128, 0.5f}, 2.0, PP_CAP_BUTT,
                               PP_JOIN_BEVEL, 0.0};
    static double xy[2 * 4268];
    unsigned long state = 4;
    int i;

    for (i = 0; i < 4268; i++) {
        xy[2 * i] = 83.0 + 712.0 * i / 4267.0;
        xy[2 * i + 1] = 300.0 - 250.0 * pow(next_random(&state), 3.0);
    }
    return pp_canvas_stroke_polyline(canvas, xy, 4268, &style);
}

/* 400 circle markers of size 7, filled then outlined (figure 4). */
static pp_status draw_markers(pp_canvas_t *canvas)
{
    pp_stroke_style_t outline = {{0, 0, 0, 1.0f}, 1.0, PP_CAP_BUTT,
                                 PP_JOIN_BEVEL, 0.0};
    pp_color_t fill = {31, 119, 180, 1.0f};
    unsigned long state = 3;
    int i;

    for (i = 0; i < 400; i++) {
        double x = 20.0 + 760.0 * next_random(&state);
        double y = 25.0 + 350.0 * next_random(&state);
        pp_status status = pp_canvas_fill_circle(canvas, x, y, 3.5, fill);

        if (status == PP_OK)
            status = pp_canvas_stroke_circle(canvas, x, y, 3.5, &outline);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

static int time_workload(const char *name, pp_status (*draw)(pp_canvas_t *),
                         int repeats)
{
    pp_color_t white = {255, 255, 255, 1.0f};
    double best = INFINITY;
    int i;

    for (i = 0; i < repeats; i++) {
        pp_canvas_t *canvas;
        double start, elapsed;
        pp_status status;

        if (pp_canvas_create(WIDTH, HEIGHT, white, &canvas) != PP_OK) {
            fprintf(stderr, "ERROR: cannot create a canvas\n");
            return 1;
        }
        start = now_ms();
        status = draw(canvas);
        elapsed = now_ms() - start;
        pp_canvas_destroy(canvas);
        if (status != PP_OK) {
            fprintf(stderr, "ERROR: %s: %s\n", name, pp_strerror(status));
            return 1;
        }
        if (elapsed < best)
            best = elapsed;
    }
    printf("%-28s %8.3f ms\n", name, best);
    return 0;
}

int main(int argc, char **argv)
{
    int repeats = argc > 1 ? atoi(argv[1]) : 50;

    if (repeats < 1)
        repeats = 1;
    return time_workload("387 segments, width 2", draw_segments, repeats) ||
           time_workload("4268-point timeline", draw_timeline, repeats) ||
           time_workload("400 markers, size 7", draw_markers, repeats) ||
           time_workload("4268 noisy points (worst)", draw_noise, repeats);
}
