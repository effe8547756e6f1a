/*
 * A main for the fuzz targets without libFuzzer: runs one target over
 * files, or every file in folders, as `make test` does with the seeds and
 * the reproducers in tests/bad/fuzz/. Prints how many inputs ran; a broken
 * promise aborts, as it would under the fuzzer.
 */
#include "pp_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long replayed;

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    pp__str data = {0};
    char chunk[65536];
    size_t n;

    if (f == NULL) {
        fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
        return 1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        pp__str_append(&data, chunk, n);
    fclose(f);
    if (data.failed) {
        fprintf(stderr, "replay: %s: out of memory\n", path);
        return 1;
    }
    /* A private copy of exactly the input's size, as libFuzzer gives, so
       the sanitizers see any read past its end. */
    {
        uint8_t *copy = malloc(data.len > 0 ? data.len : 1);
        if (copy == NULL) {
            pp__str_free(&data);
            return 1;
        }
        if (data.len > 0)
            memcpy(copy, data.data, data.len);
        LLVMFuzzerTestOneInput(copy, data.len);
        free(copy);
    }
    pp__str_free(&data);
    replayed++;
    return 0;
}

static int replay_path(const char *path)
{
    struct stat st;
    DIR *dir;
    struct dirent *entry;
    int failures = 0;

    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return replay_file(path);
    dir = opendir(path);
    if (dir == NULL) {
        fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
        return 1;
    }
    while ((entry = readdir(dir)) != NULL) {
        char child[4096];
        if (entry->d_name[0] == '.')
            continue;
        snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
        failures += replay_path(child);
    }
    closedir(dir);
    return failures;
}

int main(int argc, char **argv)
{
    int i, failures = 0;

    for (i = 1; i < argc; i++)
        failures += replay_path(argv[i]);
    printf("%ld inputs replayed\n", replayed);
    return failures > 0;
}
