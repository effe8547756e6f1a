/*
 * The gnuplot backend's script: the figure, laid out as pngplot lays it
 * out, written for gnuplot's pngcairo terminal (gnuplot 5.4). This file
 * writes the settings (terminal, frame, ticks, grid, labels);
 * gnuplot_plot.c writes the data, the plots and the legend.
 *
 * The numbers rest on what pngcairo does, measured on its output:
 *
 *   - "screen" coordinates span W - 1 device pixels across and H - 1 down,
 *     and lines are snapped to pixel centres ("hinting"): a line at device
 *     coordinate d covers pixel column round(d), the one our coordinate d
 *     covers. So margins at screen c / (W - 1) put the frame exactly where
 *     ours is, and the data lands where ours does (to the pixel).
 *   - Text is not snapped: its device coordinate is ours + 0.5. A label is
 *     centred on its logical box (ascent + descent of the font), so its
 *     baseline is (ascent - descent) / 2 below the point given.
 *   - Font sizes are points at 96 dpi (1 px = 0.75 pt).
 *   - The terminal font sets the character units: v_char is its line
 *     height, h_char its digit width rounded to whole pixels. A tick is
 *     v_char / 2.5 long at scale 1; x tick labels are centred v_char below
 *     the tick's end, y tick labels end h_char left of it.
 *
 * gnuplot's own placement is then moved with offsets to where pngplot puts
 * each label.
 */
#include "pp_gnuplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_FAMILY "Liberation Sans"
#define PT_PER_PX 0.75

/* The terminal font, Bokeh's tick label size: it sets the character units
   gnuplot places tick labels in. */
#define TERM_FONT_PX 11.0

/* Measuring at this size gives a face's metrics in font units. */
#define UNITS_SIZE 2048.0

/* ------------------------------------------------------------------------ */
/* Writing values                                                            */
/* ------------------------------------------------------------------------ */

void pp__gp_number(pp__str *s, double v)
{
    char buf[40], format[8];
    double back;
    int digits;

    for (digits = 15; digits <= 17; digits++) {
        snprintf(format, sizeof format, "%%.%dg", digits);
        pp__format_number(buf, sizeof buf, format, v);
        if (pp__parse_number(buf, strlen(buf), &back) && back == v)
            break;
    }
    pp__str_puts(s, buf);
}

void pp__gp_px(pp__str *s, double v)
{
    char buf[40];
    size_t len;

    pp__format_number(buf, sizeof buf, "%.3f", v);
    len = strlen(buf);
    while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
    if (len > 0 && buf[len - 1] == '.')
        buf[--len] = '\0';
    pp__str_puts(s, strcmp(buf, "-0") == 0 ? "0" : buf);
}

void pp__gp_screen_x(pp__gp_writer *w, double px)
{
    pp__str_puts(w->s, "screen ");
    pp__gp_px(w->s, px);
    pp__str_printf(w->s, "/%d.", w->fig->width - 1);
}

void pp__gp_screen_y(pp__gp_writer *w, double px)
{
    pp__str_puts(w->s, "screen 1 - ");
    pp__gp_px(w->s, px);
    pp__str_printf(w->s, "/%d.", w->fig->height - 1);
}

/* A screen offset of px pixels (right and down are positive). */
static void put_offset(pp__gp_writer *w, double dx, double dy)
{
    pp__str_puts(w->s, "offset screen ");
    pp__gp_px(w->s, dx);
    pp__str_printf(w->s, "/%d., screen ", w->fig->width - 1);
    pp__gp_px(w->s, -dy);
    pp__str_printf(w->s, "/%d.", w->fig->height - 1);
}

void pp__gp_text(pp__str *s, const char *text)
{
    const char *p;

    /* Double quotes with backslash escapes: gnuplot 5.4 reads '' inside
       single quotes only between other characters. gnuplot runs the
       command between backquotes even inside double quotes, so a backquote
       is written as the octal escape \140, which its scanner passes by. */
    pp__str_puts(s, "\"");
    for (p = text; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            pp__str_printf(s, "\\%c", *p);
        else if (*p == '`')
            pp__str_puts(s, "\\140");
        else if ((unsigned char)*p < 0x20)
            pp__str_puts(s, " ");
        else
            pp__str_append(s, p, 1);
    }
    pp__str_puts(s, "\"");
}

void pp__gp_comment_text(pp__str *s, const char *text)
{
    const char *p;

    /* A line break in a name from the input would end the comment and
       make the rest of the name a command. */
    for (p = text; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20)
            pp__str_puts(s, " ");
        else
            pp__str_append(s, p, 1);
    }
}

static int alpha_byte(pp_color_t c)
{
    return (int)lround(fmin(fmax(c.a, 0.0), 1.0) * 255.0);
}

unsigned long pp__gp_argb(pp_color_t c)
{
    return (unsigned long)(255 - alpha_byte(c)) << 24 |
           (unsigned long)c.r << 16 | (unsigned long)c.g << 8 | c.b;
}

void pp__gp_color(pp__str *s, pp_color_t c)
{
    if (alpha_byte(c) == 255)
        pp__str_printf(s, "rgb \"#%02x%02x%02x\"", c.r, c.g, c.b);
    else
        pp__str_printf(s, "rgb \"#%08lx\"", pp__gp_argb(c));
}

static void put_font_name(pp__str *s, pp_font_style style, double size_px)
{
    static const char *const faces[] = {"", ":Bold", ":Italic"};

    pp__str_printf(s, "font \"%s%s,", FONT_FAMILY, faces[style]);
    pp__gp_px(s, size_px * PT_PER_PX);
    pp__str_puts(s, "\"");
}

void pp__gp_font(pp__str *s, const pp__font *font)
{
    put_font_name(s, font->style, font->size_px);
    pp__str_puts(s, " textcolor ");
    pp__gp_color(s, font->color);
}

/* ------------------------------------------------------------------------ */
/* Text placement                                                            */
/* ------------------------------------------------------------------------ */

static pp_status measure_faces(pp__gp_writer *w)
{
    pp_text_style_t style;
    pp_text_metrics_t m;
    pp_status st;
    int face;

    memset(&style, 0, sizeof style);
    for (face = 0; face < 3; face++) {
        style.font_style = (pp_font_style)face;
        style.size_px = UNITS_SIZE;
        if ((st = pp_text_measure(w->fonts, "0", &style, &m)) != PP_OK)
            return st;
        w->ascent[face] = m.ascent / UNITS_SIZE;
        w->descent[face] = m.descent / UNITS_SIZE;
    }

    /* The character units of the terminal font (regular face). */
    style.font_style = PP_FONT_NORMAL;
    style.size_px = TERM_FONT_PX;
    if ((st = pp_text_measure(w->fonts, "0", &style, &m)) != PP_OK)
        return st;
    w->h_char = round(m.width);
    w->v_char = TERM_FONT_PX * (w->ascent[0] + w->descent[0]);
    w->v_tic = w->v_char / 2.5;
    return PP_OK;
}

pp_status pp__gp_label_centre(pp__gp_writer *w, const char *text,
                              const pp__font *font, double at,
                              pp__gp_edge edge, double *centre)
{
    pp_text_metrics_t m;
    double height, top_to_baseline, baseline, ascent, descent;
    pp_status st;

    /* The baseline as render.c's draw_label puts it. */
    st = pp__text_height(w->fonts, text, font, &height, &m);
    if (st != PP_OK)
        return st;
    top_to_baseline = pp__is_math_like(text) ? m.cap_height : m.ascent;
    if (edge == PP__GP_TOP)
        baseline = at + top_to_baseline;
    else if (edge == PP__GP_MIDDLE)
        baseline = at + top_to_baseline - height / 2.0;
    else
        baseline = at + top_to_baseline - height;

    ascent = font->size_px * w->ascent[font->style];
    descent = font->size_px * w->descent[font->style];
    *centre = baseline + 0.5 - (ascent - descent) / 2.0;
    return PP_OK;
}

void pp__gp_label(pp__gp_writer *w, int tag, const char *text,
                      const pp__font *font, double x, double y,
                      pp_text_align align, bool rotated)
{
    static const char *const aligns[] = {"left", "center", "right"};

    pp__str_printf(w->s, "set label %d ", tag);
    pp__gp_text(w->s, text);
    pp__str_puts(w->s, " at ");
    pp__gp_screen_x(w, x);
    pp__str_puts(w->s, ", ");
    pp__gp_screen_y(w, y);
    pp__str_printf(w->s, " %s%s ", aligns[align],
                   rotated ? " rotate by 90" : "");
    pp__gp_font(w->s, font);
    pp__str_puts(w->s, " front\n");
}

static bool has_text(const char *text, const pp__font *font)
{
    return text != NULL && text[0] != '\0' && font->size_px > 0.0;
}

static pp_status write_title(pp__gp_writer *w)
{
    const pp_rect_t *f = &w->layout->frame;
    const pp__title *title = &w->fig->title;
    double x, y;
    pp_status st;

    if (w->layout->title_height <= 0.0 || !has_text(title->text,
                                                     &title->font))
        return PP_OK;
    x = title->align == PP_ALIGN_LEFT ? f->x
        : title->align == PP_ALIGN_RIGHT ? f->x + f->width
        : f->x + f->width / 2.0;
    st = pp__gp_label_centre(w, title->text, &title->font,
                             w->layout->title_height - title->standoff / 2.0,
                             PP__GP_BOTTOM, &y);
    if (st != PP_OK)
        return st;
    pp__str_puts(w->s, "# The title.\n");
    pp__gp_label(w, 1, title->text, &title->font, x + 0.5, y, title->align,
                 false);
    return PP_OK;
}

static pp_status write_axis_labels(pp__gp_writer *w)
{
    const pp__layout *lay = w->layout;
    const pp_rect_t *f = &lay->frame;
    const pp__axis *xa = &w->fig->xaxis, *ya = &w->fig->yaxis;
    double x, y, at;
    pp_status st;

    if (xa->visible && has_text(xa->axis_label, &xa->axis_label_font)) {
        at = f->y + f->height + lay->x.tick_extent + lay->x.labels_extent +
             xa->axis_label_standoff;
        st = pp__gp_label_centre(w, xa->axis_label, &xa->axis_label_font,
                                 at, PP__GP_TOP, &y);
        if (st != PP_OK)
            return st;
        pp__str_puts(w->s, "# The axis labels.\n");
        pp__gp_label(w, 2, xa->axis_label, &xa->axis_label_font,
                     f->x + f->width / 2.0 + 0.5, y, PP_ALIGN_CENTER, false);
    }
    if (ya->visible && has_text(ya->axis_label, &ya->axis_label_font)) {
        /* Turned to read upwards, so the text's "down" is the canvas's
           right and the same centring applies along x. Measured: cairo
           draws turned text a pixel further right and down than that. */
        at = f->x - (lay->y.tick_extent + lay->y.labels_extent +
                     ya->axis_label_standoff);
        st = pp__gp_label_centre(w, ya->axis_label, &ya->axis_label_font,
                                 at, PP__GP_BOTTOM, &x);
        if (st != PP_OK)
            return st;
        pp__gp_label(w, 3, ya->axis_label, &ya->axis_label_font, x - 1.0,
                     f->y + f->height / 2.0 - 0.5, PP_ALIGN_CENTER, true);
    }
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Terminal, frame, ticks and grid                                           */
/* ------------------------------------------------------------------------ */

static void write_terminal(pp__gp_writer *w, const char *png_path)
{
    static const char *const caps[] = {"butt", "rounded", "square"};
    const pp_figure_t *fig = w->fig;
    pp_color_t bg = fig->border_fill_color;
    pp_line_cap cap = PP_CAP_BUTT;

    /* gnuplot has one line cap for the whole figure: the first
       renderer's. */
    if (fig->nrenderers > 0)
        cap = fig->renderers[0].kind == PP__GLYPH_GRAPH
            ? fig->renderers[0].edge_line.cap : fig->renderers[0].line.cap;

    pp__str_printf(w->s, "# '%s': the line caps of the first renderer "
                   "(gnuplot has one kind for all).\n", caps[cap]);
    pp__str_printf(w->s, "set terminal pngcairo size %d,%d noenhanced %s ",
                   fig->width, fig->height, caps[cap]);
    if (bg.a <= 0.0f)
        pp__str_puts(w->s, "transparent ");
    else
        pp__str_printf(w->s, "background \"#%02x%02x%02x\" ", bg.r, bg.g,
                       bg.b);
    put_font_name(w->s, PP_FONT_NORMAL, TERM_FONT_PX);
    pp__str_puts(w->s, "\nset output ");
    pp__gp_text(w->s, png_path);
    pp__str_puts(w->s, "\nset encoding utf8\n\n");
}

static void write_range(pp__gp_writer *w, char axis, const pp__range *range,
                        const pp__axis *a)
{
    pp__str_printf(w->s, "set %crange [", axis);
    pp__gp_number(w->s, range->start);
    pp__str_puts(w->s, ":");
    pp__gp_number(w->s, range->end);
    pp__str_puts(w->s, "]\n");
    if (a->type == PP__AXIS_LOG)
        pp__str_printf(w->s, "set logscale %c 10\n", axis);
}

static void write_margins(pp__gp_writer *w)
{
    const pp_rect_t *f = &w->layout->frame;
    double right = fmin(f->x + f->width, w->fig->width - 1);
    double bottom = fmin(f->y + f->height, w->fig->height - 1);

    pp__str_puts(w->s, "# The frame: pixel columns ");
    pp__gp_px(w->s, f->x);
    pp__str_puts(w->s, " to ");
    pp__gp_px(w->s, right);
    pp__str_puts(w->s, ", rows ");
    pp__gp_px(w->s, f->y);
    pp__str_puts(w->s, " to ");
    pp__gp_px(w->s, bottom);
    pp__str_puts(w->s, ", as pngplot lays it out.\nset lmargin at ");
    pp__gp_screen_x(w, f->x);
    pp__str_puts(w->s, "\nset rmargin at ");
    pp__gp_screen_x(w, right);
    pp__str_puts(w->s, "\nset tmargin at ");
    pp__gp_screen_y(w, f->y);
    pp__str_puts(w->s, "\nset bmargin at ");
    pp__gp_screen_y(w, bottom);
    pp__str_puts(w->s, "\n");
}

/* The frame's fill and outline under everything, the axis lines over. */
static void write_frame(pp__gp_writer *w)
{
    const pp_figure_t *fig = w->fig;
    const pp__axis *xa = &fig->xaxis, *ya = &fig->yaxis;
    pp_color_t line;
    int border = 0;

    pp__str_puts(w->s, "set object 1 rectangle from graph 0, graph 0 to "
                 "graph 1, graph 1 behind fillcolor ");
    pp__gp_color(w->s, fig->background_fill_color);
    pp__str_puts(w->s, fig->background_fill_color.a > 0.0f
                 ? " fillstyle solid 1.0" : " fillstyle empty");
    if (fig->outline_line_color.a > 0.0f) {
        pp__str_puts(w->s, " border lc ");
        pp__gp_color(w->s, fig->outline_line_color);
        pp__str_puts(w->s, " lw 1\n");
    } else {
        pp__str_puts(w->s, " noborder\n");
    }

    /* The axis lines are gnuplot's border, bottom (1) and left (2); its
       one colour is also the tick marks'. */
    if (xa->visible && xa->axis_line_color.a > 0.0f)
        border |= 1;
    if (ya->visible && ya->axis_line_color.a > 0.0f)
        border |= 2;
    line = border & 1 ? xa->axis_line_color
         : border & 2 ? ya->axis_line_color
         : xa->major_tick_line_color.a > 0.0f ? xa->major_tick_line_color
         : ya->major_tick_line_color;
    pp__str_printf(w->s, "set border %d front lw 1 lc ", border);
    pp__gp_color(w->s, line);
    pp__str_puts(w->s, "\n");
}

/* The gnuplot tick scale that makes a mark `length` px long (0: none). */
static double tick_scale(const pp__gp_writer *w, const pp__axis *a,
                         pp_color_t color, double length)
{
    if (!a->visible || color.a <= 0.0f || length <= 0.0)
        return 0.0;
    return length / w->v_tic;
}

/*
 * The offset that moves gnuplot's tick labels to pngplot's places: across
 * the axis from where gnuplot puts them (centred v_char below an x tick's
 * end; ending h_char left of a y tick's), and along a y axis for the
 * centring of the text.
 */
static pp_status tick_label_offset(pp__gp_writer *w, const pp__axis *a,
                                   const pp__axis_layout *al, bool vertical,
                                   double major_scale, double *dx, double *dy)
{
    const pp_rect_t *f = &w->layout->frame;
    const pp__font *font = &a->major_label_font;
    double gp_tick = major_scale * w->v_tic;
    double ours = al->tick_extent + a->major_label_standoff;
    const char *sample = al->math_like ? "0" : "x";
    double bottom = f->y + f->height, centre;
    pp_status st;

    if (!vertical) {
        st = pp__gp_label_centre(w, sample, font, bottom + ours,
                                 PP__GP_TOP, &centre);
        *dx = 0.0;
        *dy = centre - (bottom + gp_tick + w->v_char);
        return st;
    }
    *dx = (f->x - ours + 0.5) - (f->x - gp_tick - w->h_char);
    return pp__gp_label_centre(w, sample, font, 0.0, PP__GP_MIDDLE, dy);
}

/*
 * A tick label: gnuplot reads an explicit tick label as a format for the
 * tick's value ("%.1f" prints it), so a '%' of ours is written as "%%".
 */
static void put_tick_label(pp__str *s, const char *text)
{
    pp__str escaped = {NULL, 0, 0, false};
    const char *p;

    for (p = text; *p != '\0'; p++) {
        if (*p == '%')
            pp__str_puts(&escaped, "%%");
        else
            pp__str_append(&escaped, p, 1);
    }
    if (escaped.failed)
        s->failed = true;
    else
        pp__gp_text(s, escaped.data != NULL ? escaped.data : "");
    pp__str_free(&escaped);
}

static void put_tick_list(pp__gp_writer *w, const pp__axis_layout *al,
                          bool labelled)
{
    size_t i, n = 0;

    pp__str_puts(w->s, "(");
    for (i = 0; i < al->ticks.nmajor; i++, n++) {
        pp__str_puts(w->s, n > 0 ? ", \\\n    " : "\\\n    ");
        put_tick_label(w->s, labelled ? al->labels[i] : "");
        pp__str_puts(w->s, " ");
        pp__gp_number(w->s, al->ticks.major[i]);
    }
    for (i = 0; i < al->ticks.nminor; i++, n++) {
        pp__str_puts(w->s, n > 0 ? ", \\\n    \"\" " : "\\\n    \"\" ");
        pp__gp_number(w->s, al->ticks.minor[i]);
        pp__str_puts(w->s, " 1");
    }
    pp__str_puts(w->s, ")\n");
}

static pp_status write_ticks(pp__gp_writer *w, const pp__axis *a,
                             const pp__axis_layout *al, char axis)
{
    bool vertical = axis == 'y';
    double major = tick_scale(w, a, a->major_tick_line_color,
                              a->major_tick_out);
    double minor = tick_scale(w, a, a->minor_tick_line_color,
                              a->minor_tick_out);
    bool labelled = a->visible && a->major_label_font.size_px > 0.0;
    double dx, dy;
    pp_status st;

    if (al->ticks.nmajor + al->ticks.nminor == 0) {
        pp__str_printf(w->s, "unset %ctics\n", axis);
        return PP_OK;
    }
    st = labelled ? tick_label_offset(w, a, al, vertical, major, &dx, &dy)
                  : PP_OK;
    if (st != PP_OK)
        return st;
    pp__str_printf(w->s, "# The %c axis: ticks and labels where pngplot "
                   "puts them; level 1 marks a minor tick.\n", axis);
    pp__str_printf(w->s, "set %ctics border out nomirror scale ", axis);
    pp__gp_px(w->s, major);
    pp__str_puts(w->s, ",");
    pp__gp_px(w->s, minor);
    pp__str_printf(w->s, " %s ", vertical ? "right" : "center");
    if (labelled) {
        put_offset(w, dx, dy);
        pp__str_puts(w->s, " ");
        pp__gp_font(w->s, &a->major_label_font);
        pp__str_puts(w->s, " ");
    }
    put_tick_list(w, al, labelled);
    return PP_OK;
}

static void write_grid(pp__gp_writer *w)
{
    const pp__axis *xa = &w->fig->xaxis, *ya = &w->fig->yaxis;
    const pp__axis *style = xa->grid_visible ? xa : ya;

    if (!xa->grid_visible && !ya->grid_visible) {
        pp__str_puts(w->s, "unset grid\n");
        return;
    }
    /* One style for both: the x grid's (gnuplot has one). */
    pp__str_printf(w->s, "set grid %sxtics %sytics back lt 1 lw ",
                   xa->grid_visible ? "" : "no",
                   ya->grid_visible ? "" : "no");
    pp__gp_px(w->s, style->grid_line_width);
    pp__str_puts(w->s, " lc ");
    pp__gp_color(w->s, style->grid_line_color);
    pp__str_puts(w->s, "\n");
}

/* ------------------------------------------------------------------------ */
/* The script                                                                */
/* ------------------------------------------------------------------------ */

static pp_status write_script(pp__gp_writer *w, const char *png_path,
                              pp_error_t *err)
{
    const pp_figure_t *fig = w->fig;
    pp_status st;

    pp__str_puts(w->s, "# ");
    pp__gp_comment_text(w->s, fig->spec_path);
    pp__str_printf(w->s, " drawn by gnuplot's pngcairo terminal;\n"
                   "# written by pngplot %s. It needs gnuplot 5.4 or later "
                   "and the font\n# Liberation Sans (Debian: apt-get install "
                   "fonts-liberation2); without\n# it gnuplot takes another "
                   "font and the text no longer fits pngplot's\n# layout. "
                   "Positions are pixels of the %dx%d canvas, where "
                   "pngplot's\n# own layout puts them.\n",
                   PP_VERSION_STRING, fig->width, fig->height);
    write_terminal(w, png_path);
    write_margins(w);
    write_range(w, 'x', &fig->x_range, &fig->xaxis);
    write_range(w, 'y', &fig->y_range, &fig->yaxis);
    write_frame(w);
    if ((st = write_ticks(w, &fig->xaxis, &w->layout->x, 'x')) ||
        (st = write_ticks(w, &fig->yaxis, &w->layout->y, 'y')))
        return pp__fail(err, st, "%s: cannot measure tick labels: %s",
                        fig->spec_path, pp_strerror(st));
    write_grid(w);
    if ((st = write_title(w)) || (st = write_axis_labels(w)) ||
        (st = pp__gp_write_legend(w)))
        return pp__fail(err, st, "%s: cannot measure labels: %s",
                        fig->spec_path, pp_strerror(st));
    pp__str_puts(w->s, "\n");
    return pp__gp_write_plots(w, err);
}

pp_status pp_figure_gnuplot_script(pp_figure_t *fig, pp_fonts_t *fonts,
                                   const char *png_path, char **script,
                                   size_t *size, pp_error_t *err)
{
    pp__layout layout;
    pp__str s = {NULL, 0, 0, false};
    pp__gp_writer w;
    pp_status st;

    if (script == NULL || fig == NULL || fonts == NULL || png_path == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "gnuplot script: missing "
                        "figure, fonts, PNG path or place for the script");
    *script = NULL;
    if ((st = pp__figure_prepare(fig, fonts, &layout, err)) != PP_OK)
        return st;

    memset(&w, 0, sizeof w);
    w.s = &s;
    w.fig = fig;
    w.fonts = fonts;
    w.layout = &layout;
    st = measure_faces(&w);
    if (st != PP_OK)
        st = pp__fail(err, st, "%s: cannot measure the fonts: %s",
                      fig->spec_path, pp_strerror(st));
    else
        st = write_script(&w, png_path, err);
    pp__layout_free(&layout);
    if (st == PP_OK && s.failed)
        st = pp__fail_status(err, PP_ERR_NOMEM);
    if (st != PP_OK) {
        pp__str_free(&s);
        return st;
    }
    *script = s.data;
    if (size != NULL)
        *size = s.len;
    return PP_OK;
}

pp_status pp_figure_write_gnuplot_script(pp_figure_t *fig, pp_fonts_t *fonts,
                                         const char *png_path,
                                         const char *script_path,
                                         pp_error_t *err)
{
    char *script;
    size_t size;
    pp_status st;

    if (script_path == NULL || script_path[0] == '\0')
        return pp__fail(err, PP_ERR_ARGUMENT, "no path for the script");
    st = pp_figure_gnuplot_script(fig, fonts, png_path, &script, &size, err);
    if (st != PP_OK)
        return st;
    st = pp__write_file(script_path, (const uint8_t *)script, size, err);
    free(script);
    return st;
}
