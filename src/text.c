/* Placeholder until text lands. */
#include "pp_internal.h"

pp_status pp_fonts_load(const char *dir, pp_fonts_t **out, pp_error_t *err)
{ (void)dir; *out = NULL; return pp__fail(err, PP_ERR_FONT, "fonts: not implemented"); }
void pp_fonts_destroy(pp_fonts_t *fonts) { (void)fonts; }
void pp_fonts_set_warning_handler(pp_fonts_t *fonts, pp_warning_fn fn, void *user)
{ (void)fonts; (void)fn; (void)user; }
pp_status pp_text_measure(pp_fonts_t *fonts, const char *utf8,
                          const pp_text_style_t *style, pp_text_metrics_t *out)
{ (void)fonts; (void)utf8; (void)style; (void)out; return PP_ERR_FONT; }
pp_status pp_canvas_draw_text(pp_canvas_t *canvas, pp_fonts_t *fonts,
                              const char *utf8, double x, double y,
                              const pp_text_style_t *style)
{ (void)canvas; (void)fonts; (void)utf8; (void)x; (void)y; (void)style; return PP_ERR_FONT; }
