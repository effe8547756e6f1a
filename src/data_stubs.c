/* Placeholder until the CSV loader, number, colour and date-time parsing land. */
#include "pp_internal.h"

pp_status pp__table_load_csv(const char *path, pp__table **out, pp_error_t *err)
{ (void)path; *out = NULL; return pp__fail(err, PP_ERR_CSV, "csv: not implemented"); }
pp_status pp__table_parse_csv(const char *name, const char *data, size_t len,
                              pp__table **out, pp_error_t *err)
{ (void)name; (void)data; (void)len; *out = NULL; return pp__fail(err, PP_ERR_CSV, "csv: not implemented"); }
void pp__table_destroy(pp__table *table) { (void)table; }
const pp__column *pp__table_find(const pp__table *table, const char *name)
{ (void)table; (void)name; return NULL; }
char *pp__table_column_list(const pp__table *table) { (void)table; return NULL; }
