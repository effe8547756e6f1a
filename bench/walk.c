/*
 * Writes a random walk as a CSV file for the benchmarks:
 *
 *   walk ROWS OUT.csv
 *
 * "index,value" then ROWS rows: the index counts from 0 and the value takes
 * a step of -10..10 each row, with four decimals (about 19 bytes a row, so
 * 10 million rows make a 200 MB file). The same ROWS always give the same
 * bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t next(uint64_t *state)
{
    uint64_t x = *state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 2685821657736338717ULL;
}

int main(int argc, char **argv)
{
    uint64_t state = 88172645463325252ULL;
    long long rows, i, value = 0;    /* in ten-thousandths */
    FILE *out;

    if (argc != 3 || (rows = atoll(argv[1])) < 0) {
        fprintf(stderr, "usage: walk ROWS OUT.csv\n");
        return 2;
    }
    out = fopen(argv[2], "w");
    if (out == NULL) {
        perror(argv[2]);
        return 1;
    }
    fputs("index,value\n", out);
    for (i = 0; i < rows; i++) {
        long long step = (long long)(next(&state) >> 11) % 200001 - 100000;
        long long a;

        value += step;
        a = value < 0 ? -value : value;
        fprintf(out, "%lld,%s%lld.%04lld\n", i, value < 0 ? "-" : "",
                a / 10000, a % 10000);
    }
    if (fclose(out) != 0) {
        perror(argv[2]);
        return 1;
    }
    return 0;
}
