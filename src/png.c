/* Placeholder until PNG output lands. */
#include "pp_internal.h"

pp_status pp_canvas_encode_png(const pp_canvas_t *canvas, int compression,
                               uint8_t **data, size_t *size, pp_error_t *err)
{ (void)canvas; (void)compression; *data = NULL; *size = 0; return pp__fail(err, PP_ERR_PNG, "png: not implemented"); }
pp_status pp_canvas_write_png(const pp_canvas_t *canvas, const char *path,
                              int compression, pp_error_t *err)
{ (void)canvas; (void)path; (void)compression; return pp__fail(err, PP_ERR_PNG, "png: not implemented"); }
pp_status pp_canvas_read_png(const char *path, pp_canvas_t **out, pp_error_t *err)
{ (void)path; *out = NULL; return pp__fail(err, PP_ERR_PNG, "png: not implemented"); }
pp_status pp_image_diff(const pp_canvas_t *expected, const pp_canvas_t *actual,
                        int tolerance, pp_diff_result_t *result,
                        pp_canvas_t **diff_image)
{ (void)expected; (void)actual; (void)tolerance; (void)result; (void)diff_image; return PP_ERR_ARGUMENT; }
