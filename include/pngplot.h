/*
 * pngplot: draw figures from CSV files straight to PNG images.
 *
 * The library has three layers, each usable on its own:
 *
 *   1. Figures: load a JSON figure spec (property names follow Bokeh's) and
 *      its CSV data, then render it to a canvas.
 *   2. Canvas: an RGBA raster with anti-aliased strokes, fills and text.
 *   3. Images: PNG encoding, decoding and comparison.
 *
 * Conventions shared by every call:
 *
 *   - Every call that can fail returns a pp_status (PP_OK is 0). Calls that
 *     take a pp_error_t fill it with a one-line message that names the file,
 *     line and column where the fault is, ready to show to a user.
 *   - The library never prints and never exits. Warnings (a glyph the font
 *     lacks, a label that was shortened) go to the pp_warning_fn the caller
 *     registers; without one they are dropped.
 *   - destroy(NULL) is a no-op for every object.
 *
 * Screen coordinates: the canvas calls take coordinates in which the point
 * (i, j) is the centre of pixel column i, row j (row 0 at the top). This is
 * the convention of an HTML canvas translated by half a pixel, which is how
 * Bokeh draws: a 1 px line at an integer y fills exactly one pixel row.
 */
#ifndef PNGPLOT_H
#define PNGPLOT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PP_VERSION_STRING "0.1.0"

/* The largest canvas side in pixels. */
#define PP_MAX_CANVAS_SIDE 16384

/* ------------------------------------------------------------------------ */
/* Status and errors                                                         */
/* ------------------------------------------------------------------------ */

typedef enum pp_status {
    PP_OK = 0,
    PP_ERR_NOMEM,      /* out of memory */
    PP_ERR_ARGUMENT,   /* invalid argument to a library call */
    PP_ERR_IO,         /* a file could not be read or written */
    PP_ERR_SPEC,       /* the figure spec is not valid */
    PP_ERR_CSV,        /* a CSV file is malformed */
    PP_ERR_DATA,       /* the data does not fit the spec (missing column...) */
    PP_ERR_FONT,       /* a font could not be loaded or used */
    PP_ERR_PNG,        /* PNG encoding or decoding failed */
    PP_ERR_LIMIT,      /* a size limit was exceeded */
    PP_ERR_BACKEND     /* an external backend (gnuplot) failed */
} pp_status;

/* A short lowercase phrase for a status, such as "out of memory". */
const char *pp_strerror(pp_status status);

#define PP_ERROR_MESSAGE_SIZE 1024

/* The detail of a failure: the status and a message for the user. */
typedef struct pp_error {
    pp_status status;
    char message[PP_ERROR_MESSAGE_SIZE];
} pp_error_t;

/* Receives warnings: one complete line of text, without a newline. */
typedef void (*pp_warning_fn)(void *user, const char *message);

/* ------------------------------------------------------------------------ */
/* Colours                                                                   */
/* ------------------------------------------------------------------------ */

/* An sRGB colour with straight (not premultiplied) alpha in 0..1. */
typedef struct pp_color {
    uint8_t r, g, b;
    float a;
} pp_color_t;

/*
 * Parses a CSS colour: a name in any case ("navy", "RED"), "#rgb", "#rgba",
 * "#rrggbb", "#rrggbbaa", "rgb(r, g, b)" or "rgba(r, g, b, a)" with a in
 * 0..1. Returns PP_ERR_ARGUMENT when the text is not a colour.
 */
pp_status pp_color_parse(const char *text, pp_color_t *out);

/* ------------------------------------------------------------------------ */
/* Canvas                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct pp_canvas pp_canvas_t;

/* A rectangle in screen coordinates. */
typedef struct pp_rect {
    double x, y, width, height;
} pp_rect_t;

typedef enum pp_line_cap {
    PP_CAP_BUTT,
    PP_CAP_ROUND,
    PP_CAP_SQUARE
} pp_line_cap;

typedef enum pp_line_join {
    PP_JOIN_MITER,
    PP_JOIN_ROUND,
    PP_JOIN_BEVEL
} pp_line_join;

typedef struct pp_stroke_style {
    pp_color_t color;     /* alpha applies once to the whole stroke */
    double width;         /* in pixels, > 0 */
    pp_line_cap cap;      /* Bokeh's default: butt */
    pp_line_join join;    /* Bokeh's default: bevel */
    double miter_limit;   /* as in a canvas; 10 when 0 */
} pp_stroke_style_t;

/*
 * Creates a canvas filled with one colour. Sides are 1..16384 pixels;
 * PP_ERR_LIMIT otherwise.
 */
pp_status pp_canvas_create(int width, int height, pp_color_t background,
                           pp_canvas_t **out);
void pp_canvas_destroy(pp_canvas_t *canvas);

int pp_canvas_width(const pp_canvas_t *canvas);
int pp_canvas_height(const pp_canvas_t *canvas);

/* Straight RGBA bytes, row-major, 4 * width bytes a row. */
const uint8_t *pp_canvas_pixels(const pp_canvas_t *canvas);

/* Reads one pixel; a position outside the canvas gives zeros. */
void pp_canvas_get_pixel(const pp_canvas_t *canvas, int x, int y,
                         uint8_t rgba[4]);

/*
 * Restricts later drawing to a rectangle in screen coordinates, with
 * anti-aliased edges where its sides fall between pixel centres. NULL
 * removes the restriction.
 */
void pp_canvas_set_clip(pp_canvas_t *canvas, const pp_rect_t *clip);

/*
 * Strokes a polyline of npoints points (x0, y0, x1, y1, ...). A point with a
 * NaN coordinate breaks the line; the pieces still form one shape, so a
 * translucent line never darkens where it overlaps itself. A piece of two
 * or more points that all coincide draws a dot with round caps and a square
 * with square caps (as SVG does), nothing with butt caps.
 */
pp_status pp_canvas_stroke_polyline(pp_canvas_t *canvas, const double *xy,
                                    size_t npoints,
                                    const pp_stroke_style_t *style);

/* Fills a polygon (npoints points, closed implicitly), non-zero rule. */
pp_status pp_canvas_fill_polygon(pp_canvas_t *canvas, const double *xy,
                                 size_t npoints, pp_color_t color);

/* Fills an axis-aligned rectangle given in screen coordinates. */
pp_status pp_canvas_fill_rect(pp_canvas_t *canvas, pp_rect_t rect,
                              pp_color_t color);

/* Fills a circle. */
pp_status pp_canvas_fill_circle(pp_canvas_t *canvas, double cx, double cy,
                                double radius, pp_color_t color);

/* Strokes the outline of a circle (centred on its radius). */
pp_status pp_canvas_stroke_circle(pp_canvas_t *canvas, double cx, double cy,
                                  double radius,
                                  const pp_stroke_style_t *style);

/* ------------------------------------------------------------------------ */
/* Text                                                                      */
/* ------------------------------------------------------------------------ */

/* The three faces of the bundled font (Liberation Sans). */
typedef struct pp_fonts pp_fonts_t;

typedef enum pp_font_style {
    PP_FONT_NORMAL,
    PP_FONT_BOLD,
    PP_FONT_ITALIC
} pp_font_style;

typedef enum pp_text_align {
    PP_ALIGN_LEFT,
    PP_ALIGN_CENTER,
    PP_ALIGN_RIGHT
} pp_text_align;

/*
 * Where the anchor's y lies, as Chromium's canvas textBaseline places it.
 * The em box is the font's OS/2 typographic ascent and descent scaled so
 * that they add up to the size (ascent rounded to 1/64 px); for Liberation
 * Sans at 13 px that is 10.08 above and 2.92 below the baseline.
 */
typedef enum pp_text_baseline {
    PP_BASELINE_ALPHABETIC,    /* on the baseline */
    PP_BASELINE_TOP,           /* on the em box's top */
    PP_BASELINE_MIDDLE,        /* halfway between its top and bottom */
    PP_BASELINE_BOTTOM         /* on the em box's bottom */
} pp_text_baseline;

typedef struct pp_text_style {
    pp_font_style font_style;
    double size_px;            /* 0 draws nothing */
    pp_color_t color;
    pp_text_align align;
    pp_text_baseline baseline;
    int angle;                 /* 0, or 90 for text read bottom to top */
} pp_text_style_t;

/* Metrics of a text at a size, in pixels, as a browser canvas reports them. */
typedef struct pp_text_metrics {
    double width;       /* advance width, kerning included */
    double ascent;      /* font ascent (above the baseline) */
    double descent;     /* font descent (below the baseline), positive */
    double cap_height;  /* height of "M" */
    double x_height;    /* height of "x" */
} pp_text_metrics_t;

/*
 * Loads LiberationSans-Regular.ttf, -Bold.ttf and -Italic.ttf from a folder
 * (NULL: the installed fonts folder). A missing or unreadable file is
 * PP_ERR_FONT with its path in the message.
 */
pp_status pp_fonts_load(const char *dir, pp_fonts_t **out, pp_error_t *err);
void pp_fonts_destroy(pp_fonts_t *fonts);

/*
 * Where warnings about text go: a character the font lacks is drawn as the
 * font's missing-glyph box and reported once per code point, as in
 * "missing glyph U+63A5 in font LiberationSans"; each byte of invalid UTF-8
 * is replaced by U+FFFD, reported once per text.
 */
void pp_fonts_set_warning_handler(pp_fonts_t *fonts, pp_warning_fn fn,
                                  void *user);

/*
 * Measures UTF-8 text with a style's face and size, as a browser canvas
 * does: the width sums unhinted advances and kerning, fractional; ascent
 * and descent are the font's rounded hhea values; cap and x height are the
 * whole-pixel tops of "M" and "x". Size 0 measures all zeros.
 */
pp_status pp_text_measure(pp_fonts_t *fonts, const char *utf8,
                          const pp_text_style_t *style,
                          pp_text_metrics_t *out);

/*
 * Draws UTF-8 text anchored at (x, y) in screen coordinates, aligned and
 * placed on the baseline as the style says. With angle 90, the text is
 * rotated counterclockwise around the anchor (it reads bottom to top).
 *
 * Like Chromium, glyphs are placed on quarter pixels along the text and the
 * baseline on a whole pixel edge (rounded from y + 0.5, the device
 * coordinate), with light (vertical only) hinting. Size 0 draws nothing.
 */
pp_status pp_canvas_draw_text(pp_canvas_t *canvas, pp_fonts_t *fonts,
                              const char *utf8, double x, double y,
                              const pp_text_style_t *style);

/* ------------------------------------------------------------------------ */
/* PNG images                                                                */
/* ------------------------------------------------------------------------ */

/*
 * Compression levels are libdeflate's: 0 stores the data as it is, 1 to
 * 12 compress more and more, 12 the most (and 50 to 140 times as slowly as
 * level 6 on a figure). PP_COMPRESSION_DEFAULT is level 6, measured to
 * give files about the size of a browser's PNG of the same figure in a few
 * milliseconds.
 */
#define PP_COMPRESSION_DEFAULT (-1)
#define PP_COMPRESSION_MAX 12

/*
 * Encodes a canvas as PNG into a malloc'ed buffer the caller frees. The
 * output is RGB when every pixel is opaque, RGBA otherwise, and holds no
 * timestamp, so the same canvas always gives the same bytes. compression
 * is PP_COMPRESSION_DEFAULT or 0..PP_COMPRESSION_MAX.
 */
pp_status pp_canvas_encode_png(const pp_canvas_t *canvas, int compression,
                               uint8_t **data, size_t *size, pp_error_t *err);

/*
 * Writes a canvas as a PNG file. The data goes to a temporary file in the
 * same folder (".name.XXXXXX", with the mode any new file gets under the
 * umask, or the permissions of the file it replaces), which is renamed
 * into place only when complete: on failure nothing is left at path and
 * an existing file there is untouched. An existing file the caller may not
 * write is refused, not replaced. A symbolic link stays a link: the file
 * it leads to (which may not exist yet) is the one replaced, from a
 * temporary file in that file's folder. A device or a FIFO, also through
 * a link, is written through in place instead. A path that names an open
 * descriptor (see pp_path_descriptor) is written to that descriptor, as
 * a shell's >&N would: nothing is opened, truncated or renamed, the bytes
 * go at its position, and a descriptor open for appending appends. Errors are
 * PP_ERR_IO with the path and the reason in the message ("cannot write
 * /dev/stdout: Bad file descriptor" when it is closed).
 */
pp_status pp_canvas_write_png(const pp_canvas_t *canvas, const char *path,
                              int compression, pp_error_t *err);

/*
 * Writes count files as one, each as pp_canvas_write_png writes: all of
 * them go to temporary files first, and only when every one is complete
 * are they renamed into place, so a failure (a full disk, a file size
 * limit) leaves every path as it was. Used for a PNG and its HTML page.
 */
pp_status pp_write_files(size_t count, const char *const paths[],
                         const void *const data[], const size_t sizes[],
                         pp_error_t *err);

/*
 * The descriptor an output path names, which the writers above write to
 * directly: 0, 1 and 2 for /dev/stdin, /dev/stdout and /dev/stderr, N for
 * /dev/fd/N and /proc/self/fd/N (N in decimal digits); -1 for any other
 * path (or NULL). Only these exact spellings count.
 */
int pp_path_descriptor(const char *path);

/*
 * Reads a PNG file of any colour type and bit depth into a new canvas
 * (16-bit samples are scaled to 8; gamma chunks are ignored). A missing
 * file is PP_ERR_IO, a file that is not a valid PNG PP_ERR_PNG, both with
 * the path in the message.
 */
pp_status pp_canvas_read_png(const char *path, pp_canvas_t **out,
                             pp_error_t *err);

/* ------------------------------------------------------------------------ */
/* Image comparison                                                          */
/* ------------------------------------------------------------------------ */

typedef struct pp_diff_result {
    int size_mismatch;          /* nonzero when the sizes differ */
    long differing_pixels;      /* pixels beyond the tolerance */
    int max_channel_diff;       /* largest difference of any channel */
    int first_x, first_y;       /* first differing pixel, row by row */
    uint8_t first_expected[4];  /* its RGBA in each image */
    uint8_t first_actual[4];
} pp_diff_result_t;

/*
 * Compares two images pixel by pixel. A pixel differs when any channel
 * differs by more than tolerance (0..255); two pixels both fully
 * transparent (alpha 0) are alike whatever their RGB. When the sizes
 * differ, the pixels only one image has count as differing. first_x and
 * first_y are -1 when no pixel differs. When diff_image is not NULL it
 * receives a new canvas as large as both: the expected image faded toward
 * white, differing pixels in magenta.
 */
pp_status pp_image_diff(const pp_canvas_t *expected, const pp_canvas_t *actual,
                        int tolerance, pp_diff_result_t *result,
                        pp_canvas_t **diff_image);

/* ------------------------------------------------------------------------ */
/* Figures                                                                   */
/* ------------------------------------------------------------------------ */

/* A figure described by a spec: data sources, glyph renderers, axes... */
typedef struct pp_figure pp_figure_t;

typedef struct pp_load_options {
    /* Folder that relative CSV paths resolve against; NULL: the folder of
       the spec file (or the working folder for a spec given as text). */
    const char *data_dir;
    /* Largest canvas side accepted; 0 means PP_MAX_CANVAS_SIDE. */
    int max_side;
    /* Where warnings go (a shortened label, a row skipped...). */
    pp_warning_fn warning;
    void *warning_user;
} pp_load_options_t;

/*
 * Reads a JSON figure spec (see docs/spec.md). The spec is checked
 * completely here: an unknown key, a value of the wrong type or a reference
 * to an undefined source fails with a message naming the spec's line and
 * column. CSV data is read when the figure is rendered.
 */
pp_status pp_figure_load(const char *spec_path, const pp_load_options_t *opt,
                         pp_figure_t **out, pp_error_t *err);

/* The same from JSON text in memory; name is used in messages. */
pp_status pp_figure_load_json(const char *json, size_t len, const char *name,
                              const pp_load_options_t *opt, pp_figure_t **out,
                              pp_error_t *err);

/*
 * The CSV file the index-th source reads, as it will be opened (joined to
 * the spec's folder or the data folder); "" for a source without a file,
 * NULL past the last source or when out of memory. The text lives as long
 * as the figure. For callers that must not write over their own input.
 */
const char *pp_figure_source_file(pp_figure_t *fig, size_t index);

/*
 * Gives a source named in the spec a column of numbers from memory,
 * replacing what a CSV file would provide. Every column of one source must
 * have the same length. For sources declared as {"data": {}} in the spec.
 */
pp_status pp_figure_set_column(pp_figure_t *fig, const char *source,
                               const char *column, const double *values,
                               size_t count, pp_error_t *err);

/*
 * Reads the data, lays out the figure and draws it on a new canvas of the
 * spec's size.
 */
pp_status pp_figure_render(pp_figure_t *fig, pp_fonts_t *fonts,
                           pp_canvas_t **out, pp_error_t *err);

/*
 * Writes an HTML page that shows the figure's PNG with an image map, so the
 * spec's hover tooltips and tap links work without a script: one area per
 * hoverable item, its title the tooltip text, its href the tap URL (see
 * docs/spec.md). png_path is where the PNG is (or will be); the page refers
 * to it relative to html_path's folder, which must exist; a html_path
 * naming a descriptor (pp_path_descriptor) has no folder, so the current
 * directory stands for it. The page is
 * written as pp_canvas_write_png writes (complete or not at all); it loads
 * nothing else. The data is read and laid out as pp_figure_render does, so
 * the areas match the image that call draws.
 */
pp_status pp_figure_write_html(pp_figure_t *fig, pp_fonts_t *fonts,
                               const char *png_path, const char *html_path,
                               pp_error_t *err);

/*
 * The same page in a malloc'ed buffer the caller frees (size bytes, and a
 * NUL after them), for writing it together with the PNG (pp_write_files).
 */
pp_status pp_figure_html(pp_figure_t *fig, pp_fonts_t *fonts,
                         const char *png_path, const char *html_path,
                         char **page, size_t *size, pp_error_t *err);

void pp_figure_destroy(pp_figure_t *fig);

/* ------------------------------------------------------------------------ */
/* The gnuplot backend                                                       */
/* ------------------------------------------------------------------------ */

/*
 * The same figure drawn by gnuplot's pngcairo terminal (gnuplot 5.4 or
 * later). The figure is laid out as pp_figure_render lays it out; the
 * script pins gnuplot's margins to that frame and gives it the ranges,
 * ticks, tick labels, colours, line widths, title, axis labels and legend.
 * Its data is inside the script (datablocks), so the script runs anywhere.
 * README.md lists what gnuplot cannot express.
 */

/*
 * Writes the script into a malloc'ed, NUL-terminated buffer the caller
 * frees; the script draws into png_path (as given: a relative path is
 * relative to the folder gnuplot runs in).
 */
pp_status pp_figure_gnuplot_script(pp_figure_t *fig, pp_fonts_t *fonts,
                                   const char *png_path, char **script,
                                   size_t *size, pp_error_t *err);

/* The same written to script_path, atomically as pp_canvas_write_png. */
pp_status pp_figure_write_gnuplot_script(pp_figure_t *fig, pp_fonts_t *fonts,
                                         const char *png_path,
                                         const char *script_path,
                                         pp_error_t *err);

typedef struct pp_gnuplot_options {
    /* The program to run; NULL: "gnuplot", looked up on PATH. */
    const char *program;
    /* A folder of Liberation Sans files that gnuplot's fontconfig should
       see besides the system's fonts, so the figure gets the same font on
       machines without it; NULL: the system's fonts only. */
    const char *font_dir;
} pp_gnuplot_options_t;

/*
 * Runs gnuplot on the script in a new temporary folder (under $TMPDIR or
 * /tmp, removed afterwards) and returns the PNG it drew in a malloc'ed
 * buffer. opt may be NULL. gnuplot's messages on standard error become
 * warnings (through the load options' handler) when it succeeds and the
 * error message when it fails (PP_ERR_BACKEND, also when gnuplot is not
 * installed).
 */
pp_status pp_figure_render_gnuplot(pp_figure_t *fig, pp_fonts_t *fonts,
                                   const pp_gnuplot_options_t *opt,
                                   uint8_t **png, size_t *size,
                                   pp_error_t *err);

/*
 * The same written to png_path as pp_canvas_write_png writes: the file
 * appears only when complete, and on failure an existing file is untouched.
 */
pp_status pp_figure_write_gnuplot_png(pp_figure_t *fig, pp_fonts_t *fonts,
                                      const pp_gnuplot_options_t *opt,
                                      const char *png_path, pp_error_t *err);

#ifdef __cplusplus
}
#endif

#endif /* PNGPLOT_H */
