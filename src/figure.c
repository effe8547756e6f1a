/* The figure object: Bokeh's defaults, freeing, and the public entry points. */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Bokeh's text colour and light grey for grid, outline and legend border. */
static const pp_color_t text_gray = {0x44, 0x44, 0x44, 1.0f};
static const pp_color_t light_gray = {0xe5, 0xe5, 0xe5, 1.0f};
static const pp_color_t black = {0, 0, 0, 1.0f};
static const pp_color_t white = {255, 255, 255, 1.0f};

static void axis_defaults(pp__axis *axis)
{
    memset(axis, 0, sizeof *axis);
    axis->visible = true;
    axis->type = PP__AXIS_LINEAR;
    axis->axis_label_font = (pp__font){13.0, PP_FONT_ITALIC, text_gray};
    axis->axis_label_standoff = 5.0;
    axis->major_label_font = (pp__font){11.0, PP_FONT_NORMAL, text_gray};
    axis->major_label_standoff = 5.0;
    axis->axis_line_color = black;
    axis->major_tick_line_color = black;
    axis->minor_tick_line_color = black;
    axis->major_tick_in = 2.0;
    axis->major_tick_out = 6.0;
    axis->minor_tick_in = 0.0;
    axis->minor_tick_out = 4.0;
    axis->ticker = PP__TICKER_AUTO;
    axis->desired_num_ticks = 6;
    axis->num_minor_ticks = 5;
    axis->grid_visible = true;
    axis->grid_line_color = light_gray;
    axis->grid_line_width = 1.0;
}

pp_status pp__figure_init(pp_figure_t *fig, int width, int height)
{
    memset(fig, 0, sizeof *fig);
    fig->width = width;
    fig->height = height;
    fig->background_fill_color = white;
    fig->border_fill_color = white;
    fig->outline_line_color = light_gray;
    fig->min_border = 5.0;

    fig->title.font = (pp__font){13.0, PP_FONT_BOLD, text_gray};
    fig->title.align = PP_ALIGN_LEFT;
    fig->title.standoff = 10.0;

    fig->x_range = (pp__range){.automatic = true, .start = 0.0, .end = 1.0,
                               .range_padding = 0.1};
    fig->y_range = fig->x_range;
    axis_defaults(&fig->xaxis);
    axis_defaults(&fig->yaxis);

    fig->legend.visible = true;
    fig->legend.location = PP__LEGEND_TOP_RIGHT;
    fig->legend.background_fill_color = white;
    fig->legend.background_fill_color.a = 0.95f;
    fig->legend.border_line_color = light_gray;
    fig->legend.border_line_color.a = 0.5f;
    fig->legend.label_font = (pp__font){13.0, PP_FONT_NORMAL, text_gray};
    fig->legend.margin = 10.0;
    fig->legend.padding = 10.0;
    fig->legend.spacing = 3.0;
    fig->legend.glyph_width = 20.0;
    fig->legend.glyph_height = 20.0;
    fig->legend.label_standoff = 5.0;
    fig->legend.label_width = 20.0;
    return PP_OK;
}

const char *pp__glyph_name(pp__glyph_kind kind)
{
    switch (kind) {
    case PP__GLYPH_LINE: return "line";
    case PP__GLYPH_SEGMENT: return "segment";
    case PP__GLYPH_MULTI_LINE: return "multi_line";
    case PP__GLYPH_SCATTER: return "scatter";
    case PP__GLYPH_GRAPH: return "graph";
    case PP__GLYPH_BANDS: return "bands";
    }
    return "unknown";
}

void pp__loc_free(pp__loc *loc)
{
    free(loc->path);
    loc->path = NULL;
}

static size_t count_strings(char **items)
{
    size_t n = 0;

    while (items[n] != NULL)
        n++;
    return n;
}

static void transform_free(pp__transform *t)
{
    if (t == NULL)
        return;
    pp__loc_free(&t->loc);
    free(t->where_column);
    free(t->where_text);
    free(t->factors_name);
    pp__free_strings(t->factors, t->nfactors);
    free(t->thresholds);
    free(t->palette);
    pp__free_strings(t->patterns, t->nrules);
    pp__free_strings(t->replacements, t->nrules);
    free(t);
}

void pp__dataspec_free(pp__dataspec *spec)
{
    free(spec->field);
    transform_free(spec->transform);
    pp__loc_free(&spec->loc);
    memset(spec, 0, sizeof *spec);
}

void pp__resolved_free(pp__resolved *data)
{
    free(data->x);
    free(data->y);
    free(data->xs);
    free(data->ys);
    free(data->line_colors);
    free(data->fill_colors);
    free(data->sizes);
    free(data->edge_from);
    free(data->edge_to);
    free(data->edge_colors);
    free(data->band_left);
    free(data->band_right);
    if (data->band_labels != NULL) {
        size_t i;
        for (i = 0; i < data->n; i++)
            free(data->band_labels[i]);
        free(data->band_labels);
    }
    pp__free_strings(data->legend_labels, data->nlegend);
    free(data->legend_rows);
    memset(data, 0, sizeof *data);
}

static void renderer_free(pp__renderer *r)
{
    size_t i;

    pp__loc_free(&r->loc);
    pp__loc_free(&r->by_loc);
    pp__loc_free(&r->legend_field_loc);
    free(r->source);
    free(r->legend_label);
    free(r->legend_field);
    for (i = 0; i < r->nvertices; i++) {
        if (r->xs != NULL)
            pp__dataspec_free(&r->xs[i]);
        if (r->ys != NULL)
            pp__dataspec_free(&r->ys[i]);
    }
    free(r->xs);
    free(r->ys);
    pp__dataspec_free(&r->line.color);
    pp__dataspec_free(&r->fill.color);
    pp__dataspec_free(&r->size);
    free(r->node_index);
    free(r->edge_source);
    pp__dataspec_free(&r->edge_start);
    pp__dataspec_free(&r->edge_end);
    free(r->rows_by);
    if (r->rows != NULL) {
        for (i = 0; i < r->nrows; i++)
            pp__free_strings(r->rows[i], r->rows[i] ? count_strings(r->rows[i])
                                                 : 0);
        free(r->rows);
    }
    free(r->bands_by);
    free(r->band_label_prefix);
    pp__dataspec_free(&r->edge_line.color);
    pp__interact_free(&r->interact);
    pp__resolved_free(&r->data);
}

static void axis_free(pp__axis *axis)
{
    size_t i;

    free(axis->axis_label);
    free(axis->fixed_ticks);
    free(axis->ticker_factors);
    for (i = 0; i < axis->noverrides; i++)
        free(axis->overrides[i].text);
    free(axis->overrides);
}

void pp__figure_free(pp_figure_t *fig)
{
    size_t i;

    free(fig->spec_path);
    free(fig->spec_dir);
    free(fig->data_dir);
    free(fig->spec_text);
    free(fig->base_dir);
    free(fig->title.text);
    pp__loc_free(&fig->x_range.loc);
    pp__loc_free(&fig->y_range.loc);
    axis_free(&fig->xaxis);
    axis_free(&fig->yaxis);
    for (i = 0; i < fig->nsources; i++) {
        free(fig->sources[i].name);
        free(fig->sources[i].csv_path);
        free(fig->sources[i].file);
        pp__free_strings(fig->sources[i].concat, fig->sources[i].nconcat);
        pp__loc_free(&fig->sources[i].loc);
        pp__table_destroy(fig->sources[i].table);
    }
    free(fig->sources);
    for (i = 0; i < fig->nfactor_lists; i++) {
        pp__factor_list *list = &fig->factor_lists[i];
        free(list->name);
        pp__loc_free(&list->loc);
        pp__free_strings(list->items, list->nitems);
        free(list->source);
        pp__free_strings(list->columns, list->ncolumns);
    }
    free(fig->factor_lists);
    for (i = 0; i < fig->nrenderers; i++)
        renderer_free(&fig->renderers[i]);
    free(fig->renderers);
    pp__interact_free(&fig->interact);
    memset(fig, 0, sizeof *fig);
}

void pp_figure_destroy(pp_figure_t *fig)
{
    if (fig == NULL)
        return;
    pp__figure_free(fig);
    free(fig);
}

pp_status pp_figure_set_column(pp_figure_t *fig, const char *source,
                               const char *column, const double *values,
                               size_t count, pp_error_t *err)
{
    size_t i;

    if (fig == NULL || source == NULL || column == NULL ||
        (values == NULL && count > 0))
        return pp__fail(err, PP_ERR_ARGUMENT, "pp_figure_set_column: "
                        "missing argument");
    for (i = 0; i < fig->nsources; i++) {
        pp__source *src = &fig->sources[i];
        if (strcmp(src->name, source) != 0)
            continue;
        if (src->csv_path != NULL || src->concat != NULL)
            return pp__fail(err, PP_ERR_ARGUMENT, "%s: source '%s' reads "
                            "%s; declare it as {\"data\": {}} to fill it "
                            "from memory", fig->spec_path, source,
                            src->csv_path != NULL ? src->csv_path
                                                  : "other sources");
        return pp__table_set_numbers(&src->table, source, column, values,
                                     count, err);
    }
    return pp__fail(err, PP_ERR_ARGUMENT, "%s: source '%s' is not defined "
                    "under \"sources\"", fig->spec_path, source);
}
