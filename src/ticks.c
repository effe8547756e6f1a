/* Placeholder until the tickers land. */
#include "pp_internal.h"

void pp__ticks_free(pp__ticks *ticks) { (void)ticks; }
pp_status pp__ticks_basic(double start, double end, int desired_num_ticks,
                          int num_minor_ticks, pp__ticks *out)
{ (void)start; (void)end; (void)desired_num_ticks; (void)num_minor_ticks; (void)out; return PP_ERR_ARGUMENT; }
pp_status pp__ticks_log(double start, double end, int desired_num_ticks,
                        int num_minor_ticks, pp__ticks *out)
{ (void)start; (void)end; (void)desired_num_ticks; (void)num_minor_ticks; (void)out; return PP_ERR_ARGUMENT; }
pp_status pp__ticks_datetime(double start, double end, int desired_num_ticks, pp__ticks *out)
{ (void)start; (void)end; (void)desired_num_ticks; (void)out; return PP_ERR_ARGUMENT; }
pp_status pp__format_ticks_basic(const double *ticks, size_t n, char ***labels)
{ (void)ticks; (void)n; (void)labels; return PP_ERR_ARGUMENT; }
pp_status pp__format_ticks_log(const double *ticks, size_t n, char ***labels)
{ (void)ticks; (void)n; (void)labels; return PP_ERR_ARGUMENT; }
pp_status pp__format_ticks_datetime(const double *ticks, size_t n, char ***labels)
{ (void)ticks; (void)n; (void)labels; return PP_ERR_ARGUMENT; }
void pp__labels_free(char **labels, size_t n) { (void)labels; (void)n; }
