/*
 * Fuzzes the spec reader: any bytes either load as a figure or fail with one
 * line naming the spec (and, for JSON faults, the line and column).
 */
#include "fuzz.h"

#define NAME "fuzz.json"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_error_t err;
    pp_status status;

    opt.warning = fuzz_check_warning;
    status = pp_figure_load_json((const char *)data, size, NAME, &opt, &fig,
                                 &err);
    fuzz_check_error(status, &err, NAME);
    pp_figure_destroy(fig);
    return 0;
}
