/*
 * The gnuplot backend, shared between its files: gnuplot.c (the script's
 * settings), gnuplot_plot.c (data, plots and legend) and gnuplot_run.c
 * (running gnuplot).
 */
#ifndef PP_GNUPLOT_H
#define PP_GNUPLOT_H

#include "model.h"

/* The script being written, and the figure's layout it follows. */
typedef struct pp__gp_writer {
    pp__str *s;
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    const pp__layout *layout;
    double ascent[3], descent[3];   /* per px of size, by pp_font_style */
    double v_char, h_char, v_tic;   /* the terminal font's units, px */
    bool circle_radius_set;         /* `set style circle` written */
} pp__gp_writer;

/* The shortest decimal that reads back as the same double. */
void pp__gp_number(pp__str *s, double v);

/* A pixel measure for people, at most 3 decimals: "12.5", "320". */
void pp__gp_px(pp__str *s, double v);

/* Text in double quotes, with " and \\ escaped by a backslash and ` as
   \140 (gnuplot would run the command between backquotes). */
void pp__gp_text(pp__str *s, const char *text);

/* Text inside a # comment, control characters written as spaces. */
void pp__gp_comment_text(pp__str *s, const char *text);

/* A colour as rgb "#rrggbb", or rgb "#aarrggbb" when translucent. */
void pp__gp_color(pp__str *s, pp_color_t c);

/* A colour as gnuplot's integer 0xAARRGGBB (alpha counts transparency). */
unsigned long pp__gp_argb(pp_color_t c);

/* font "Liberation Sans:Bold,9.75" textcolor rgb "#444444" */
void pp__gp_font(pp__str *s, const pp__font *font);

/* Device coordinates as screen ones: "screen 74/799." */
void pp__gp_screen_x(pp__gp_writer *w, double px);
void pp__gp_screen_y(pp__gp_writer *w, double px);

/*
 * `set label TAG 'text' at ...`: device x (where the text starts, is
 * centred or ends, by align) and y (the centre across the text, from
 * pp__gp_label_centre); rotated reads upwards, x then being the centre.
 */
void pp__gp_label(pp__gp_writer *w, int tag, const char *text,
                  const pp__font *font, double x, double y,
                  pp_text_align align, bool rotated);

/* Which part of a text's box a position gives, as in render.c. */
typedef enum pp__gp_edge {
    PP__GP_TOP,
    PP__GP_MIDDLE,
    PP__GP_BOTTOM
} pp__gp_edge;

/*
 * Where gnuplot must centre a one-line text (device coordinate across the
 * text) for its baseline to fall where render.c puts ours, whose box has
 * `edge` at `at`.
 */
pp_status pp__gp_label_centre(pp__gp_writer *w, const char *text,
                              const pp__font *font, double at,
                              pp__gp_edge edge, double *centre);

/*
 * The legend where pngplot draws it: a rectangle, line samples (arrows) or
 * marker samples (circles) and labels. gnuplot's key would wrap a legend
 * taller than the frame into columns and cannot fill its box translucently.
 */
pp_status pp__gp_write_legend(pp__gp_writer *w);

/* The data of every renderer as datablocks, then the plot command. */
pp_status pp__gp_write_plots(pp__gp_writer *w, pp_error_t *err);

#endif /* PP_GNUPLOT_H */
