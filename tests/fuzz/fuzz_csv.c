/*
 * Fuzzes the CSV loader: any bytes either load as a table whose every cell
 * reads back, or fail with one line naming the file.
 */
#include "fuzz.h"

#include <math.h>

#define NAME "fuzz.csv"

/* Reads every cell as the renderers do: as a number and as a date-time. */
static void read_back(const pp__table *table)
{
    size_t c, row;
    double v;

    for (c = 0; c < table->ncols; c++) {
        const pp__column *col = &table->columns[c];
        if (pp__table_find(table, col->name) != col)
            fuzz_broken("a column is not found by its name", col->name);
        for (row = 0; row < table->nrows; row++) {
            const char *text = col->strings[row];
            if (text == NULL)
                continue;
            (void)pp__parse_datetime(text, strlen(text), &v);
            if (col->kind == PP__COLUMN_NUMBER && isnan(col->numbers[row]) &&
                !pp__is_missing(text, strlen(text)) &&
                !pp__parse_number(text, strlen(text), &v))
                fuzz_broken("text in a numeric column", text);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pp__table *table = NULL;
    pp_error_t err;
    pp_status status;
    char *list;

    status = pp__table_parse_csv(NAME, (const char *)data, size, &table,
                                 &err);
    fuzz_check_error(status, &err, NAME);
    if (status != PP_OK)
        return 0;
    read_back(table);
    list = pp__table_column_list(table);
    free(list);
    pp__table_destroy(table);
    return 0;
}
