/*
 * The raster sample: every cap, join, stroke width, alpha and text style
 * side by side on one canvas, kept as golden/sample.png to be looked at
 * and compared by tests/cli/golden.sh.
 *
 *   sample OUT.png FONT_DIR
 */
#include <stdio.h>

#include "pngplot.h"

static const pp_color_t navy = {0, 0, 128, 1.0f};
static const pp_color_t red = {220, 20, 60, 1.0f};
static const pp_color_t green = {0, 128, 0, 1.0f};
static const pp_color_t text_gray = {0x44, 0x44, 0x44, 1.0f};

static pp_stroke_style_t stroke(pp_color_t color, double width,
                                pp_line_cap cap, pp_line_join join)
{
    pp_stroke_style_t s = {color, width, cap, join, 10.0};
    return s;
}

static pp_text_style_t text(pp_font_style style, double size,
                            pp_text_align align)
{
    pp_text_style_t t = {style, size, text_gray, align,
                         PP_BASELINE_ALPHABETIC, 0};
    return t;
}

/* Caps: a thick line per cap, its true ends marked by thin red ticks. */
static void draw_caps(pp_canvas_t *c, pp_fonts_t *f)
{
    static const char *const names[] = {"butt", "round", "square"};
    pp_text_style_t label = text(PP_FONT_NORMAL, 11, PP_ALIGN_LEFT);
    int i;

    for (i = 0; i < 3; i++) {
        double y = 30 + i * 24;
        double line[4] = {40, y, 150, y};
        double left[4] = {40, y - 10, 40, y + 10};
        double right[4] = {150, y - 10, 150, y + 10};
        pp_stroke_style_t thick = stroke(navy, 14, (pp_line_cap)i,
                                         PP_JOIN_BEVEL);
        pp_stroke_style_t thin = stroke(red, 1, PP_CAP_BUTT, PP_JOIN_BEVEL);

        pp_canvas_stroke_polyline(c, line, 2, &thick);
        pp_canvas_stroke_polyline(c, left, 2, &thin);
        pp_canvas_stroke_polyline(c, right, 2, &thin);
        pp_canvas_draw_text(c, f, names[i], 165, y + 4, &label);
    }
}

/* Joins: an uneven zig-zag per join, translucent so overlaps would show. */
static void draw_joins(pp_canvas_t *c, pp_fonts_t *f)
{
    static const char *const names[] = {"miter", "round", "bevel"};
    pp_text_style_t label = text(PP_FONT_NORMAL, 11, PP_ALIGN_CENTER);
    int i;

    for (i = 0; i < 3; i++) {
        double x = 250 + i * 110;
        double zig[8] = {x, 90, x + 25, 25, x + 45, 80, x + 80, 40};
        pp_color_t color = green;
        pp_stroke_style_t s;

        color.a = 0.6f;
        s = stroke(color, 12, PP_CAP_BUTT, (pp_line_join)i);
        pp_canvas_stroke_polyline(c, zig, 4, &s);
        pp_canvas_draw_text(c, f, names[i], x + 40, 108, &label);
    }
}

/* Widths, from a half pixel up, on slanted lines. */
static void draw_widths(pp_canvas_t *c, pp_fonts_t *f)
{
    static const double widths[] = {0.5, 1, 2, 3.5, 7.3};
    static const char *const names[] = {"0.5", "1", "2", "3.5", "7.3"};
    pp_text_style_t label = text(PP_FONT_NORMAL, 11, PP_ALIGN_CENTER);
    int i;

    for (i = 0; i < 5; i++) {
        double x = 40 + i * 50;
        double line[4] = {x, 190, x + 30, 130};
        pp_stroke_style_t s = stroke(navy, widths[i], PP_CAP_BUTT,
                                     PP_JOIN_BEVEL);
        pp_canvas_stroke_polyline(c, line, 2, &s);
        pp_canvas_draw_text(c, f, names[i], x + 15, 208, &label);
    }
}

/*
 * Alpha: two navy lines at 0.5 crossing (darker where they cross), one
 * self-crossing translucent polyline (never darker), and translucent
 * markers of three colours overlapping.
 */
static void draw_alpha(pp_canvas_t *c, pp_fonts_t *f)
{
    pp_color_t half_navy = navy, half_red = red, half_green = green;
    double a[4] = {320, 130, 400, 190}, b[4] = {320, 190, 400, 130};
    double loop[10] = {430, 190, 470, 130, 500, 190, 420, 150, 510, 160};
    pp_text_style_t label = text(PP_FONT_NORMAL, 11, PP_ALIGN_CENTER);
    pp_stroke_style_t s;
    pp_stroke_style_t ring = stroke(navy, 1, PP_CAP_BUTT, PP_JOIN_BEVEL);

    half_navy.a = half_red.a = half_green.a = 0.5f;
    s = stroke(half_navy, 8, PP_CAP_ROUND, PP_JOIN_ROUND);
    pp_canvas_stroke_polyline(c, a, 2, &s);
    pp_canvas_stroke_polyline(c, b, 2, &s);
    s = stroke(half_red, 8, PP_CAP_ROUND, PP_JOIN_ROUND);
    pp_canvas_stroke_polyline(c, loop, 5, &s);
    pp_canvas_fill_circle(c, 560, 150, 18, half_red);
    pp_canvas_fill_circle(c, 580, 165, 18, half_green);
    pp_canvas_fill_circle(c, 565, 178, 18, half_navy);
    pp_canvas_stroke_circle(c, 600, 135, 3.5, &ring);
    pp_canvas_draw_text(c, f, "two lines", 360, 208, &label);
    pp_canvas_draw_text(c, f, "one line", 465, 208, &label);
    pp_canvas_draw_text(c, f, "fills", 575, 208, &label);
}

/* Text: faces, sizes, alignment on a marked anchor, rotation, accents. */
static void draw_text(pp_canvas_t *c, pp_fonts_t *f)
{
    static const pp_text_align aligns[] = {PP_ALIGN_LEFT, PP_ALIGN_CENTER,
                                           PP_ALIGN_RIGHT};
    static const char *const align_names[] = {"left", "center", "right"};
    pp_text_style_t t;
    pp_stroke_style_t mark = stroke(red, 1, PP_CAP_BUTT, PP_JOIN_BEVEL);
    int i;

    t = text(PP_FONT_NORMAL, 11, PP_ALIGN_LEFT);
    pp_canvas_draw_text(c, f, "Normal 11px 1.400e+5", 40, 250, &t);
    t = text(PP_FONT_BOLD, 13, PP_ALIGN_LEFT);
    pp_canvas_draw_text(c, f, "Bold 13px title", 40, 272, &t);
    t = text(PP_FONT_ITALIC, 13, PP_ALIGN_LEFT);
    pp_canvas_draw_text(c, f, "Italic 13px axis label", 40, 294, &t);
    t = text(PP_FONT_NORMAL, 16, PP_ALIGN_LEFT);
    t.color = (pp_color_t){0, 0, 128, 0.6f};
    pp_canvas_draw_text(c, f, "Déjà vu – Zürich, 16px at 0.6", 40, 320, &t);

    for (i = 0; i < 3; i++) {
        double x = 400, y = 245 + i * 22;
        double v[4] = {x, y - 12, x, y + 4};
        pp_canvas_stroke_polyline(c, v, 2, &mark);
        t = text(PP_FONT_NORMAL, 13, aligns[i]);
        pp_canvas_draw_text(c, f, align_names[i], x, y, &t);
    }
    t = text(PP_FONT_ITALIC, 13, PP_ALIGN_CENTER);
    t.angle = 90;
    pp_canvas_draw_text(c, f, "rotated 90°", 560, 290, &t);
}

int main(int argc, char **argv)
{
    pp_color_t white = {255, 255, 255, 1.0f};
    pp_canvas_t *canvas = NULL;
    pp_fonts_t *fonts = NULL;
    pp_error_t err;
    int status = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: sample OUT.png FONT_DIR\n");
        return 2;
    }
    if (pp_canvas_create(640, 340, white, &canvas) != PP_OK ||
        pp_fonts_load(argv[2], &fonts, &err) != PP_OK) {
        fprintf(stderr, "ERROR: %s\n", canvas ? err.message : "no canvas");
        goto done;
    }
    draw_caps(canvas, fonts);
    draw_joins(canvas, fonts);
    draw_widths(canvas, fonts);
    draw_alpha(canvas, fonts);
    draw_text(canvas, fonts);
    if (pp_canvas_write_png(canvas, argv[1], PP_COMPRESSION_DEFAULT,
                            &err) != PP_OK) {
        fprintf(stderr, "ERROR: %s\n", err.message);
        goto done;
    }
    status = 0;
done:
    pp_fonts_destroy(fonts);
    pp_canvas_destroy(canvas);
    return status;
}
