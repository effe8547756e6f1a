/* Placeholder until the scan converter lands. */
#include "pp_internal.h"

void pp__raster_destroy(pp__raster *raster) { (void)raster; }

pp_status pp_canvas_stroke_polyline(pp_canvas_t *canvas, const double *xy,
                                    size_t npoints,
                                    const pp_stroke_style_t *style)
{ (void)canvas; (void)xy; (void)npoints; (void)style; return PP_ERR_ARGUMENT; }

pp_status pp_canvas_fill_polygon(pp_canvas_t *canvas, const double *xy,
                                 size_t npoints, pp_color_t color)
{ (void)canvas; (void)xy; (void)npoints; (void)color; return PP_ERR_ARGUMENT; }

pp_status pp_canvas_fill_rect(pp_canvas_t *canvas, pp_rect_t rect,
                              pp_color_t color)
{ (void)canvas; (void)rect; (void)color; return PP_ERR_ARGUMENT; }

pp_status pp_canvas_fill_circle(pp_canvas_t *canvas, double cx, double cy,
                                double radius, pp_color_t color)
{ (void)canvas; (void)cx; (void)cy; (void)radius; (void)color; return PP_ERR_ARGUMENT; }

pp_status pp_canvas_stroke_circle(pp_canvas_t *canvas, double cx, double cy,
                                  double radius, const pp_stroke_style_t *style)
{ (void)canvas; (void)cx; (void)cy; (void)radius; (void)style; return PP_ERR_ARGUMENT; }
