/*
 * Hover tooltips and tap links as an HTML image map beside the PNG.
 *
 * template.c fills Bokeh's tooltip and URL templates ("@count",
 * "@{column name}", "$index") from a row of data and escapes the results
 * for HTML and URLs; imagemap.c turns the laid-out figure into areas (one
 * per hoverable item); htmlpage.c writes the page.
 */
#ifndef PP_IMAGEMAP_H
#define PP_IMAGEMAP_H

#include "model.h"

/* ------------------------------------------------------------------------ */
/* Templates (template.c)                                                    */
/* ------------------------------------------------------------------------ */

/*
 * Checks a template's placeholders when the spec is read: a special
 * variable must be one of $index, $x, $y, $sx, $sy, and the only format is
 * {safe}. A URL (url set) must not start with a scheme pp__url_allowed
 * refuses. On a fault returns false with a reason in why.
 */
bool pp__template_check(const char *text, bool url, char *why, size_t size);

/* Where a template's values come from: one row and the point it stands
   for (a vertex, a marker's centre, the middle of a segment). */
typedef struct pp__template_row {
    const pp__table *table;
    size_t row;
    double x, y;        /* data coordinates: $x, $y */
    double sx, sy;      /* screen pixel: $sx, $sy */
} pp__template_row;

/*
 * Appends a template filled with a row's values, each written as Bokeh's
 * tooltips write a value without a format ("%d" for whole numbers, three
 * decimals from 0.1 to 1000, else "1.234e+5"; missing values "NaN"). With
 * url set, each value but a {safe} one is percent-encoded as JavaScript's
 * encodeURIComponent does (Bokeh's OpenURL). The template must have passed
 * pp__template_check and its columns pp__interact_check.
 */
void pp__template_fill(pp__str *out, const char *text,
                       const pp__template_row *row, bool url);

/* A number as Bokeh's basic formatter writes it: "42", "0.250", "1.5e+5"
   (JavaScript's toFixed(3) and toExponential(3)), "NaN", "Infinity". */
void pp__format_value(char *buf, size_t size, double value);

/*
 * Appends text escaped for a double-quoted HTML attribute: & < > " ' as
 * character references, each line break (LF, CR, CRLF) as "&#10;", other
 * control characters as U+FFFD.
 */
void pp__html_escape(pp__str *out, const char *text);

/* Appends text percent-encoded as encodeURIComponent does (UTF-8 bytes;
   letters, digits and - _ . ! ~ * ' ( ) stay). */
void pp__url_encode(pp__str *out, const char *text, size_t len);

/*
 * True when a URL may be a link of a page without scripts: relative, or
 * of the scheme http, https, mailto, ftp or file (as a browser reads it:
 * tabs and line breaks dropped, leading spaces skipped). Otherwise the
 * scheme is copied into scheme (for a message).
 */
bool pp__url_allowed(const char *url, char *scheme, size_t size);

/* The tooltips and tap that apply to a renderer: its own, else the
   figure's. The result points into fig and rend. */
void pp__interact_effective(const pp_figure_t *fig, const pp__renderer *rend,
                            pp__interact *out);

/* ------------------------------------------------------------------------ */
/* The image map (imagemap.c, htmlpage.c)                                    */
/* ------------------------------------------------------------------------ */

typedef enum pp__area_shape {
    PP__AREA_CIRCLE,            /* coords: x, y, radius */
    PP__AREA_RECT,              /* coords: left, top, right, bottom */
    PP__AREA_POLY               /* coords: x0, y0, x1, y1, ... */
} pp__area_shape;

/* The most points of a polygon area (a 16-gon cut by its neighbours). */
#define PP__AREA_MAX_POINTS 40

/*
 * One area: its shape in image pixels (the pixel whose centre is at screen
 * coordinate (i, j) is hovered at (i, j), as a mouse reports it), the
 * tooltip text and the URL (NULL when none), unescaped.
 */
typedef struct pp__area {
    pp__area_shape shape;
    int coords[2 * PP__AREA_MAX_POINTS];
    size_t ncoords;
    size_t renderer, row;
    char *title;
    char *href;
    bool new_tab;
} pp__area;

typedef struct pp__imagemap {
    pp__area *areas;            /* in document order: the first wins */
    size_t n, cap;
    size_t dropped_links;       /* URLs left out for their scheme */
    char dropped_example[160];  /* the first of them */
} pp__imagemap;

/*
 * Builds the areas of a prepared figure (pp__figure_prepare): renderers
 * from the top one down, so that where areas overlap the item drawn last
 * wins, as it is the one seen. Only renderers with tooltips or a tap URL
 * get areas.
 */
pp_status pp__imagemap_build(const pp_figure_t *fig, const pp__layout *layout,
                             pp__imagemap *map, pp_error_t *err);
void pp__imagemap_free(pp__imagemap *map);

/* The page: the image (src is png_href, already a relative URL) and its
   map, with no script and nothing loaded from elsewhere. */
void pp__imagemap_html(const pp_figure_t *fig, const pp__imagemap *map,
                       const char *png_href, pp__str *out);

/*
 * The URL of the file png_path as seen from a page at html_path: relative
 * to the page's folder ("fig.png", "../img/fig.png"), each segment
 * percent-encoded. Both folders must exist; PP_ERR_IO otherwise.
 */
pp_status pp__relative_href(const char *png_path, const char *html_path,
                            pp__str *out, pp_error_t *err);

#endif /* PP_IMAGEMAP_H */
