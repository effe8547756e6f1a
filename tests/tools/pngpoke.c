/*
 * Test helper: reads a PNG, sets or prints one pixel.
 *   pngpoke IN.png X Y                 prints "R G B A" of pixel (X, Y)
 *   pngpoke IN.png X Y R G B OUT.png   writes a copy with that pixel set
 */
#include <stdio.h>
#include <stdlib.h>

#include "pp_internal.h"

int main(int argc, char **argv)
{
    pp_canvas_t *canvas;
    pp_error_t err;
    int x, y;

    if (argc != 4 && argc != 8) {
        fprintf(stderr, "usage: pngpoke IN.png X Y [R G B OUT.png]\n");
        return 2;
    }
    if (pp_canvas_read_png(argv[1], &canvas, &err) != PP_OK) {
        fprintf(stderr, "ERROR: %s\n", err.message);
        return 1;
    }
    x = atoi(argv[2]);
    y = atoi(argv[3]);
    if (x < 0 || y < 0 || x >= canvas->width || y >= canvas->height) {
        fprintf(stderr, "ERROR: (%d, %d) is outside the image\n", x, y);
        pp_canvas_destroy(canvas);
        return 1;
    }
    if (argc == 4) {
        uint8_t rgba[4];
        pp_canvas_get_pixel(canvas, x, y, rgba);
        printf("%d %d %d %d\n", rgba[0], rgba[1], rgba[2], rgba[3]);
    } else {
        uint8_t *p = canvas->rgba + ((size_t)y * canvas->width + x) * 4;
        p[0] = (uint8_t)atoi(argv[4]);
        p[1] = (uint8_t)atoi(argv[5]);
        p[2] = (uint8_t)atoi(argv[6]);
        if (pp_canvas_write_png(canvas, argv[7], PP_COMPRESSION_DEFAULT,
                                &err) != PP_OK) {
            fprintf(stderr, "ERROR: %s\n", err.message);
            pp_canvas_destroy(canvas);
            return 1;
        }
    }
    pp_canvas_destroy(canvas);
    return 0;
}
