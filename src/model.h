/*
 * The figure model: what a spec describes, before any data is read.
 *
 * spec.c fills it from JSON, data.c loads and evaluates the data each
 * renderer needs, layout.c places the panels and ticks, render.c and
 * glyphs.c draw. Property names follow Bokeh's so a reader can map every
 * field to the spec key of the same name.
 */
#ifndef PP_MODEL_H
#define PP_MODEL_H

#include "pp_internal.h"

/*
 * Where a spec value came from: its JSON path, encoded as segments each
 * introduced by PP__PATH_KEY (an object key follows) or PP__PATH_INDEX (a
 * decimal array index follows). The line and column are found from the
 * spec text only when a message needs them.
 */
#define PP__PATH_KEY '\x1f'
#define PP__PATH_INDEX '\x1e'

typedef struct pp__loc {
    char *path;            /* NULL: the whole spec */
} pp__loc;

/* ------------------------------------------------------------------------ */
/* Data specs: a property's value, or a column with an optional transform    */
/* ------------------------------------------------------------------------ */

typedef enum pp__transform_kind {
    PP__TRANSFORM_NONE,
    PP__TRANSFORM_WHERE,          /* value where another column matches */
    PP__TRANSFORM_FACTOR_INDEX,   /* string -> 1 + position in a factor list */
    PP__TRANSFORM_THRESHOLD_CMAP, /* number -> colour by thresholds */
    PP__TRANSFORM_FACTOR_CMAP,    /* string -> colour by factor */
    PP__TRANSFORM_REPLACE         /* string -> string by a regex */
} pp__transform_kind;

typedef struct pp__transform {
    pp__transform_kind kind;
    pp__loc loc;
    /* WHERE: keep the value where column `where_column` equals
       `where_text` (or `where_number`), else `otherwise`; with where_not,
       where it does not equal it. */
    char *where_column;
    char *where_text;           /* NULL when comparing with a number */
    double where_number;
    bool where_not;
    double otherwise;
    /* REPLACE: rules of a POSIX extended regular expression and its
       replacement; the first rule whose pattern matches replaces its
       first match, and text no rule matches stays as it is. */
    char **patterns;
    char **replacements;
    size_t nrules;
    /* FACTOR_INDEX and FACTOR_CMAP: the factor list by name, or inline. */
    char *factors_name;
    char **factors;
    size_t nfactors;
    /* THRESHOLD_CMAP: palette[i] for values in [thresholds[i-1],
       thresholds[i]); nthresholds + 1 colours. FACTOR_CMAP: one colour per
       factor. */
    double *thresholds;
    size_t nthresholds;
    pp_color_t *palette;
    size_t npalette;
    pp_color_t nan_color;
} pp__transform;

typedef enum pp__dataspec_kind {
    PP__SPEC_UNSET,     /* not given: the property's default applies */
    PP__SPEC_NUMBER,
    PP__SPEC_COLOR,
    PP__SPEC_NONE,      /* JSON null: "do not draw" for colours */
    PP__SPEC_FIELD      /* a column of the renderer's source */
} pp__dataspec_kind;

typedef struct pp__dataspec {
    pp__dataspec_kind kind;
    double number;
    pp_color_t color;
    char *field;
    pp__transform *transform;   /* FIELD only; NULL for the plain column */
    pp__loc loc;
} pp__dataspec;

/* ------------------------------------------------------------------------ */
/* Sources and factor lists                                                  */
/* ------------------------------------------------------------------------ */

typedef struct pp__source {
    char *name;
    pp__loc loc;
    char *csv_path;        /* as written in the spec; NULL for inline data */
    char *file;            /* csv_path joined to its folder, once asked for */
    char **concat;         /* the sources whose rows this one is, in order;
                              NULL for a file or inline data */
    size_t nconcat;
    pp__table *table;      /* loaded on first use, or built from inline data */
} pp__source;

typedef struct pp__factor_list {
    char *name;
    pp__loc loc;
    /* Either given inline, or collected from columns of a source in
       first-seen order (all of the first column, then new ones of the
       next...). */
    char **items;
    size_t nitems;
    char *source;
    char **columns;
    size_t ncolumns;
    bool resolved;
    bool used;             /* named by a transform or a ticker */
} pp__factor_list;

/* ------------------------------------------------------------------------ */
/* Visual properties                                                         */
/* ------------------------------------------------------------------------ */

typedef struct pp__font {
    double size_px;             /* 0 draws nothing and takes no space */
    pp_font_style style;
    pp_color_t color;
} pp__font;

typedef struct pp__line_props {
    pp__dataspec color;         /* may be per row for some glyphs */
    double alpha;
    double width;
    pp_line_cap cap;
    pp_line_join join;
} pp__line_props;

typedef struct pp__fill_props {
    pp__dataspec color;
    double alpha;
} pp__fill_props;

/* ------------------------------------------------------------------------ */
/* Hover tooltips and tap links, for the HTML image map (imagemap.c)         */
/* ------------------------------------------------------------------------ */

/* One tooltip row: a label and a template such as "@count" or "$index". */
typedef struct pp__tooltip {
    char *label;
    char *text;
    pp__loc loc;                /* of the template, for messages */
} pp__tooltip;

/* Bokeh's HoverTool(tooltips=...) and TapTool(callback=OpenURL(...)). */
typedef struct pp__interact {
    bool tooltips_given;        /* false: the figure's apply (renderers) */
    pp__tooltip *tooltips;      /* none when given as null or [] */
    size_t ntooltips;
    bool tap_given;
    char *tap_url;              /* a URL template; NULL: no link */
    bool tap_same_tab;          /* OpenURL.same_tab; false opens a tab */
    pp__loc tap_loc;
} pp__interact;

void pp__interact_free(pp__interact *interact);

/* ------------------------------------------------------------------------ */
/* Renderers                                                                 */
/* ------------------------------------------------------------------------ */

typedef enum pp__glyph_kind {
    PP__GLYPH_LINE,
    PP__GLYPH_SEGMENT,
    PP__GLYPH_MULTI_LINE,
    PP__GLYPH_SCATTER,
    PP__GLYPH_GRAPH,
    PP__GLYPH_BANDS
} pp__glyph_kind;

/* How a graph places its nodes. */
typedef enum pp__node_layout {
    PP__NODES_AT_COLUMNS,   /* x and y from columns of the node source */
    PP__NODES_IN_ROWS       /* rows by a category column, evenly spaced */
} pp__node_layout;

typedef enum pp__marker {
    PP__MARKER_CIRCLE,
    PP__MARKER_SQUARE
} pp__marker;

/* What a renderer's data becomes once evaluated (data.c). */
typedef struct pp__resolved {
    size_t n;                   /* rows (LINE: points) */
    double *x, *y;              /* LINE, SCATTER: one point a row */
    size_t nvertices;           /* SEGMENT, MULTI_LINE: vertices a row */
    double *xs, *ys;            /* n * nvertices, row-major */
    pp_color_t *line_colors;    /* per row when the colour is a field */
    pp_color_t *fill_colors;
    double *sizes;
    /* GRAPH: nodes are x, y; edges are pairs of node rows. */
    size_t nedges;
    size_t *edge_from, *edge_to;
    pp_color_t *edge_colors;
    /* BANDS: n spans [band_left, band_right] in x, each with its label. */
    double *band_left, *band_right;
    char **band_labels;
    /* legend_field: each value of the column, in first-seen order, and
       the first row that holds it (whose colours its entry shows). */
    size_t nlegend;
    char **legend_labels;
    size_t *legend_rows;
} pp__resolved;

typedef struct pp__renderer {
    pp__glyph_kind kind;
    pp__loc loc;
    char *source;               /* name of the data source */
    char *legend_label;
    /* SCATTER, GRAPH: one legend entry per value of this column of the
       (node) source, as Bokeh's legend_field. */
    char *legend_field;
    pp__loc legend_field_loc;
    /* Coordinates: LINE/SCATTER use x, y; SEGMENT x0 y0 x1 y1 (stored as
       two vertices); MULTI_LINE one spec per vertex. */
    pp__dataspec *xs, *ys;
    size_t nvertices;
    pp__line_props line;
    pp__fill_props fill;
    pp__dataspec size;          /* SCATTER: diameter in px */
    pp__marker marker;
    /* LINE: a step in x larger than this breaks the line (0: never). */
    double max_x_step;
    /* GRAPH: nodes come from `source`, edges from edge_source, whose
       edge_start and edge_end give the text of node indices as found in
       the node source's node_index column. Node positions come from the
       xs[0], ys[0] columns, or in rows: one row per list of categories of
       column rows_by, top to bottom ("*" holds every other category). */
    char *node_index;
    char *edge_source;
    pp__dataspec edge_start, edge_end;
    pp__line_props edge_line;
    pp__node_layout node_layout;
    char *rows_by;
    char ***rows;               /* NULL-terminated lists of categories */
    size_t nrows;
    /* BANDS: runs of consecutive rows whose `bands_by` value is neither
       0 nor missing, and the same, shaded from the first row's x minus
       half of band_width to the last's plus half (band_width 0: the
       smallest step between rows), labelled with the value. */
    char *bands_by;
    pp__loc by_loc;             /* where rows_by or bands_by was given */
    double band_width;
    bool band_labels;
    char *band_label_prefix;
    pp__font band_label_font;
    pp__interact interact;      /* tooltips and tap of this renderer */
    pp__resolved data;
} pp__renderer;

/* ------------------------------------------------------------------------ */
/* Axes, ranges, legend, title                                               */
/* ------------------------------------------------------------------------ */

typedef enum pp__axis_type {
    PP__AXIS_LINEAR,
    PP__AXIS_LOG,
    PP__AXIS_DATETIME
} pp__axis_type;

typedef struct pp__range {
    bool automatic;             /* Bokeh's DataRange1d */
    bool start_given, end_given; /* automatic, but with this end fixed */
    double given_start, given_end;
    double start, end;          /* given, or computed when automatic */
    double range_padding;       /* fraction of the span added in all */
    pp__loc loc;
} pp__range;

typedef struct pp__label_override {
    double value;
    char *text;
} pp__label_override;

typedef enum pp__ticker_kind {
    PP__TICKER_AUTO,            /* by the axis type */
    PP__TICKER_FIXED,           /* given values */
    PP__TICKER_FACTORS          /* 1..n labelled with a factor list */
} pp__ticker_kind;

typedef struct pp__axis {
    bool visible;
    pp__axis_type type;
    char *axis_label;
    pp__font axis_label_font;
    double axis_label_standoff;
    pp__font major_label_font;
    double major_label_standoff;
    pp_color_t axis_line_color;       /* a = 0: not drawn */
    pp_color_t major_tick_line_color;
    pp_color_t minor_tick_line_color;
    double major_tick_in, major_tick_out;
    double minor_tick_in, minor_tick_out;
    pp__ticker_kind ticker;
    double *fixed_ticks;
    size_t nfixed_ticks;
    char *ticker_factors;
    int desired_num_ticks;
    int num_minor_ticks;
    pp__label_override *overrides;
    size_t noverrides;
    /* Grid lines follow this axis's ticker. */
    bool grid_visible;
    pp_color_t grid_line_color;
    double grid_line_width;
} pp__axis;

typedef enum pp__legend_location {
    PP__LEGEND_TOP_RIGHT,
    PP__LEGEND_TOP_LEFT,
    PP__LEGEND_BOTTOM_RIGHT,
    PP__LEGEND_BOTTOM_LEFT,
    PP__LEGEND_TOP_CENTER,
    PP__LEGEND_BOTTOM_CENTER,
    PP__LEGEND_CENTER_LEFT,
    PP__LEGEND_CENTER_RIGHT,
    PP__LEGEND_CENTER
} pp__legend_location;

typedef struct pp__legend {
    bool visible;
    pp__legend_location location;
    pp_color_t background_fill_color;  /* alpha = background_fill_alpha */
    pp_color_t border_line_color;      /* alpha = border_line_alpha */
    pp__font label_font;
    double margin, padding, spacing;
    double glyph_width, glyph_height, label_standoff, label_width;
} pp__legend;

typedef struct pp__title {
    char *text;
    pp__font font;
    pp_text_align align;
    double standoff;
} pp__title;

struct pp_figure {
    char *spec_path;            /* as shown in messages */
    char *spec_dir;             /* the spec file's folder */
    char *data_dir;             /* the spec's "data_dir", relative to it */
    char *spec_text;            /* kept to locate values for messages */
    size_t spec_len;
    char *base_dir;             /* where relative CSV paths resolve */
    pp__warnings warnings;
    int width, height;
    pp_color_t background_fill_color;
    pp_color_t border_fill_color;
    pp_color_t outline_line_color;
    double min_border;
    pp__title title;
    pp__range x_range, y_range;
    pp__axis xaxis, yaxis;
    pp__legend legend;
    pp__source *sources;
    size_t nsources;
    pp__factor_list *factor_lists;
    size_t nfactor_lists;
    pp__renderer *renderers;
    size_t nrenderers;
    pp__interact interact;      /* figure(tooltips=...), for all renderers */
    /* Line renderers over CSV files of this many bytes or more are read in
       one pass (stream.c); 0: the default, < 0: never. */
    long long stream_min_bytes;
    /* Being laid out for its HTML page (pp_figure_html): the areas of a
       line with tooltips or tap need its rows, which streaming drops. */
    bool for_page;
    /* 1: paint on one thread only (for tests); 0: as the machine allows. */
    int threads;
};

/* The spec's name of a glyph kind: "line", "bands"... */
const char *pp__glyph_name(pp__glyph_kind kind);

/* Builds a figure with Bokeh's defaults and no renderers. */
pp_status pp__figure_init(pp_figure_t *fig, int width, int height);
void pp__figure_free(pp_figure_t *fig);

void pp__loc_free(pp__loc *loc);
void pp__dataspec_free(pp__dataspec *spec);
void pp__resolved_free(pp__resolved *data);

/*
 * Formats "spec.json:12:5: " (or "spec.json: " when the location is unknown)
 * into buf, for the start of a message. at_key points at the key of the
 * value rather than the value itself.
 */
void pp__loc_prefix(const pp_figure_t *fig, const pp__loc *loc, bool at_key,
                    char *buf, size_t size);

/* A path for people: "renderers[0].line_color". Writes into buf. */
void pp__loc_describe(const pp__loc *loc, char *buf, size_t size);

/*
 * Finds the line and column (1-based) of the value at an encoded path in
 * JSON text that jansson has accepted, or of its key when at_key is set.
 * A key written with dots ("xaxis.axis_label") matches the nested path it
 * stands for. Returns false when the path is not there.
 */
bool pp__json_locate(const char *text, size_t len, const char *path,
                     bool at_key, int *line, int *column);

/* ------------------------------------------------------------------------ */
/* Data (data.c)                                                             */
/* ------------------------------------------------------------------------ */

/* The table of a named source, loading its CSV on first use. */
pp_status pp__source_table(pp_figure_t *fig, const char *name,
                           pp__table **out, pp_error_t *err);

/* A factor list by name, collecting it from its source on first use. */
pp_status pp__factor_list_get(pp_figure_t *fig, const char *name,
                              pp__factor_list **out, pp_error_t *err);

/*
 * Evaluates a number spec over every row of table into out (nrows
 * values). On a date-time axis, text columns are parsed as ISO-8601.
 */
pp_status pp__eval_numbers(pp_figure_t *fig, const pp__renderer *rend,
                           const pp__table *table, const pp__dataspec *spec,
                           pp__axis_type axis_type, double *out,
                           pp_error_t *err);

/*
 * Evaluates a text spec (a column, maybe through a replace transform) over
 * every row into out: malloc'ed strings, NULL where missing. Numbers are
 * written as their shortest exact text, so "3" and "3.0" give the same key.
 */
pp_status pp__eval_texts(pp_figure_t *fig, const pp__renderer *rend,
                         const pp__table *table, const pp__dataspec *spec,
                         char **out, pp_error_t *err);

/* Evaluates a colour spec over every row, alpha multiplied in. */
pp_status pp__eval_colors(pp_figure_t *fig, const pp__renderer *rend,
                          const pp__table *table, const pp__dataspec *spec,
                          double alpha, pp_color_t *out, pp_error_t *err);

/*
 * Reads a line renderer's CSV in one pass, keeping a few points per bin of
 * x (stream.c), when its file is large and nothing else needs the table.
 * False when that does not apply or fails: then read it the usual way.
 */
bool pp__stream_line(pp_figure_t *fig, pp__renderer *rend);

/* Reads and evaluates everything a renderer draws into rend->data. */
pp_status pp__resolve_renderer(pp_figure_t *fig, pp__renderer *rend,
                               pp_error_t *err);

/*
 * Checks that every @column the renderer's tooltips and tap URL name (its
 * own, or else the figure's) is a column of table (template.c).
 */
pp_status pp__interact_check(pp_figure_t *fig, const pp__renderer *rend,
                             const pp__table *table, pp_error_t *err);

/*
 * Whether every column the renderer's tooltips and tap name is among a CSV
 * header's fields: a line streamed without its table checks this, so that
 * a misspelt column fails the same way whatever the file's size.
 */
bool pp__interact_in_header(const pp_figure_t *fig, const pp__renderer *rend,
                            const pp__csv_field *fields, size_t nfields);

/* ------------------------------------------------------------------------ */
/* Layout (layout.c)                                                         */
/* ------------------------------------------------------------------------ */

typedef struct pp__axis_layout {
    pp__ticks ticks;            /* inside the range */
    char **labels;              /* one per major tick */
    bool math_like;             /* labels measured by cap height */
    double tick_extent;         /* outward length used by the ticks */
    double labels_extent;       /* standoff + label size + 3 */
    double axis_label_extent;   /* standoff + label height + 3 */
    int depth;                  /* the panel: rounded sum of the three */
} pp__axis_layout;

/* A legend entry: a renderer's legend_label, or one value of its
   legend_field, drawn in the colours of that value's first row. */
typedef struct pp__legend_item {
    size_t renderer;
    char *label;                /* a copy: the data may be resolved anew */
    size_t row;                 /* PP__LEGEND_ALL_ROWS for legend_label */
} pp__legend_item;

#define PP__LEGEND_ALL_ROWS ((size_t)-1)

typedef struct pp__legend_layout {
    size_t nitems;
    pp__legend_item *items;
    double x, y, width, height; /* the box in canvas (CSS) pixels */
} pp__legend_layout;

typedef struct pp__layout {
    pp_rect_t frame;            /* integer position and size */
    double title_height;
    pp__axis_layout x, y;
    pp__legend_layout legend;
} pp__layout;

/* Sets automatic ranges from the resolved data of every renderer. */
void pp__compute_ranges(pp_figure_t *fig);

/* Ticks, labels and panel sizes, as Bokeh lays them out. */
pp_status pp__layout_compute(pp_figure_t *fig, pp_fonts_t *fonts,
                             pp__layout *layout, pp_error_t *err);
void pp__layout_free(pp__layout *layout);

/* Screen coordinates of data values (NaN stays NaN). */
double pp__scale_x(const pp_figure_t *fig, const pp__layout *layout,
                   double v);
double pp__scale_y(const pp_figure_t *fig, const pp__layout *layout,
                   double v);

/* The data value at a screen x: pp__scale_x undone. */
double pp__unscale_x(const pp_figure_t *fig, const pp__layout *layout,
                     double sx);

/*
 * Where a tick label of the given extent along its axis (width on the x
 * axis, height on the y axis) is centred: at its tick's screen position,
 * moved inside the canvas when it would pass an edge. The drawing and the
 * check that labels do not overlap both place labels so.
 */
double pp__tick_label_centre(const pp_figure_t *fig, double at, double extent,
                             bool vertical);

/* The height Bokeh gives a one-line text: cap height for number-like
   text ("1.400e+5", "10.0.0.1"), ascent + descent otherwise. */
pp_status pp__text_height(pp_fonts_t *fonts, const char *text,
                          const pp__font *font, double *height,
                          pp_text_metrics_t *metrics);
bool pp__is_math_like(const char *text);

/* A one-line text style of a font, on the alphabetic baseline. */
pp_text_style_t pp__text_style(const pp__font *font, pp_text_align align);

/* ------------------------------------------------------------------------ */
/* Drawing (render.c, glyphs.c)                                              */
/* ------------------------------------------------------------------------ */

/*
 * Everything before painting: reads and evaluates the data, sets the
 * automatic ranges and lays the figure out. The layout is freed on failure.
 */
pp_status pp__figure_prepare(pp_figure_t *fig, pp_fonts_t *fonts,
                             pp__layout *layout, pp_error_t *err);

pp_status pp__draw_renderer(pp_canvas_t *canvas, pp_fonts_t *fonts,
                            const pp_figure_t *fig, const pp__layout *layout,
                            const pp__renderer *rend);

/* Where a bands renderer puts the label of each band. */
typedef struct pp__band_label {
    char text[128];
    double x, baseline;         /* left end and baseline, screen px */
} pp__band_label;

/* Band i's span in screen x; a band narrower than a pixel is the whole
   pixel its middle falls in, so a one-minute band on a three-day axis
   stays seen. */
void pp__band_span(const pp_figure_t *fig, const pp__layout *layout,
                   const pp__renderer *rend, size_t i, double *left,
                   double *right);

/*
 * Places the labels of a bands renderer near the frame's top: a label that
 * would touch the one before moves down a row. out holds data.n labels.
 */
pp_status pp__band_labels(pp_fonts_t *fonts, const pp_figure_t *fig,
                          const pp__layout *layout, const pp__renderer *rend,
                          pp__band_label *out);

/* The small picture of a renderer in a legend row (box in screen px),
   in the colours of that row of its data (PP__LEGEND_ALL_ROWS: the
   renderer's own, or its first row's). */
pp_status pp__draw_legend_glyph(pp_canvas_t *canvas,
                                const pp__renderer *rend, size_t row,
                                double x, double y, double width,
                                double height);

#endif /* PP_MODEL_H */
