/* Tests of PNG encoding, decoding and atomic file writing. */
#include "check.h"
#include "pp_internal.h"
#include "pp_png.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <png.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char temp_dir[64];

/* A fresh empty folder for one test's files. */
static const char *make_temp_dir(void)
{
    snprintf(temp_dir, sizeof temp_dir, "/tmp/pp_test_png.XXXXXX");
    return mkdtemp(temp_dir);
}

/* How many entries a folder holds, "." and ".." aside. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void remove_temp_dir(void)
{
    DIR *d = opendir(temp_dir);
    struct dirent *e;
    char path[512];

    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", temp_dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(temp_dir);
}

static void write_text_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");

    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}

static void read_text_file(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;

    if (f != NULL) {
        n = fread(buf, 1, size - 1, f);
        fclose(f);
    }
    buf[n] = '\0';
}

static void set_pixel(pp_canvas_t *c, int x, int y, uint8_t r, uint8_t g,
                      uint8_t b, uint8_t a)
{
    uint8_t *p = c->rgba + ((size_t)y * c->width + x) * 4;

    p[0] = r;
    p[1] = g;
    p[2] = b;
    p[3] = a;
}

/*
 * A 9x7 canvas with an asymmetric "F" in red on blue and a gradient row, so
 * flips and channel swaps show. alpha < 255 makes one pixel translucent.
 */
static pp_canvas_t *make_test_canvas(uint8_t alpha)
{
    pp_color_t blue = {0, 0, 255, 1.0f};
    pp_canvas_t *c = NULL;
    int x;

    if (pp_canvas_create(9, 7, blue, &c) != PP_OK)
        return NULL;
    for (x = 1; x <= 4; x++)
        set_pixel(c, x, 1, 255, 0, 0, 255);
    for (x = 1; x <= 3; x++)
        set_pixel(c, x, 3, 255, 0, 0, 255);
    set_pixel(c, 1, 2, 255, 0, 0, 255);
    set_pixel(c, 1, 4, 255, 0, 0, 255);
    set_pixel(c, 1, 5, 255, 0, 0, 255);
    for (x = 0; x < 9; x++)
        set_pixel(c, x, 6, (uint8_t)(x * 30), (uint8_t)(255 - x * 28),
                  (uint8_t)(x * 7), 255);
    set_pixel(c, 8, 0, 10, 200, 30, alpha);
    return c;
}

/* Writes a canvas into the temp folder and reads it back. */
static pp_canvas_t *round_trip(const pp_canvas_t *c, const char *name)
{
    char path[256];
    pp_canvas_t *back = NULL;
    pp_error_t err;

    snprintf(path, sizeof path, "%s/%s", temp_dir, name);
    CHECK_INT(pp_canvas_write_png(c, path, PP_COMPRESSION_DEFAULT, &err),
              PP_OK);
    CHECK_INT(pp_canvas_read_png(path, &back, &err), PP_OK);
    return back;
}

static void check_same_pixels(const pp_canvas_t *a, const pp_canvas_t *b)
{
    pp_diff_result_t diff;

    CHECK(a != NULL && b != NULL);
    if (a == NULL || b == NULL)
        return;
    CHECK_INT(pp_image_diff(a, b, 0, &diff, NULL), PP_OK);
    CHECK_INT(diff.size_mismatch, 0);
    CHECK_INT(diff.differing_pixels, 0);
}

static void test_round_trip_opaque_keeps_pixels(void)
{
    pp_canvas_t *c = make_test_canvas(255), *back;

    make_temp_dir();
    back = round_trip(c, "opaque.png");
    check_same_pixels(c, back);
    pp_canvas_destroy(c);
    pp_canvas_destroy(back);
    remove_temp_dir();
}

static void test_round_trip_translucent_keeps_pixels(void)
{
    pp_canvas_t *c = make_test_canvas(77), *back;
    uint8_t px[4];

    make_temp_dir();
    back = round_trip(c, "translucent.png");
    check_same_pixels(c, back);
    pp_canvas_get_pixel(back, 8, 0, px);
    CHECK_INT(px[1], 200);
    CHECK_INT(px[3], 77);
    pp_canvas_destroy(c);
    pp_canvas_destroy(back);
    remove_temp_dir();
}

/* Encodes with the default settings; the caller frees *data. */
static size_t encode(const pp_canvas_t *c, int level, uint8_t **data)
{
    size_t size = 0;
    pp_error_t err;

    CHECK_INT(pp_canvas_encode_png(c, level, data, &size, &err), PP_OK);
    return size;
}

static void test_opaque_canvas_encodes_as_rgb(void)
{
    pp_canvas_t *c = make_test_canvas(255);
    uint8_t *png = NULL;
    size_t size = encode(c, PP_COMPRESSION_DEFAULT, &png);

    /* Signature (8), IHDR length and type (8), width, height, depth, type. */
    CHECK(size > 33);
    CHECK_INT(memcmp(png + 12, "IHDR", 4), 0);
    CHECK_INT(png[19], 9);
    CHECK_INT(png[23], 7);
    CHECK_INT(png[24], 8);
    CHECK_INT(png[25], 2);
    free(png);
    pp_canvas_destroy(c);
}

static void test_translucent_canvas_encodes_as_rgba(void)
{
    pp_canvas_t *c = make_test_canvas(254);
    uint8_t *png = NULL;
    size_t size = encode(c, PP_COMPRESSION_DEFAULT, &png);

    CHECK(size > 33);
    CHECK_INT(png[24], 8);
    CHECK_INT(png[25], 6);
    free(png);
    pp_canvas_destroy(c);
}

/* One translucent pixel anywhere, the last of an odd count included,
   makes the image RGBA (the opacity check reads two pixels at a time). */
static void test_any_translucent_pixel_makes_rgba(void)
{
    static const int where[][2] = {{0, 0}, {1, 0}, {7, 6}, {8, 6}};
    pp_color_t blue = {0, 0, 255, 1.0f};
    size_t k;

    for (k = 0; k < sizeof where / sizeof where[0]; k++) {
        pp_canvas_t *c = NULL;
        uint8_t *png = NULL;

        if (pp_canvas_create(9, 7, blue, &c) != PP_OK) {
            CHECK_MSG(0, "cannot create a canvas");
            return;
        }
        set_pixel(c, where[k][0], where[k][1], 0, 0, 255, 254);
        if (encode(c, PP_COMPRESSION_DEFAULT, &png) > 33)
            CHECK_MSG(png[25] == 6, "pixel %d,%d: colour type %d",
                      where[k][0], where[k][1], png[25]);
        else
            CHECK_MSG(0, "pixel %d,%d: no PNG", where[k][0], where[k][1]);
        free(png);
        pp_canvas_destroy(c);
    }
}

static void test_same_canvas_gives_same_bytes(void)
{
    pp_canvas_t *c = make_test_canvas(128);
    uint8_t *a = NULL, *b = NULL;
    size_t na = encode(c, PP_COMPRESSION_DEFAULT, &a);
    size_t nb = encode(c, PP_COMPRESSION_DEFAULT, &b);

    CHECK_INT(na, nb);
    CHECK(na == nb && memcmp(a, b, na) == 0);
    free(a);
    free(b);
    pp_canvas_destroy(c);
}

/* The chunk types in order, as "IHDR IDAT IEND". */
static void list_chunks(const uint8_t *png, size_t size, char *out,
                        size_t out_size)
{
    size_t pos = 8, used = 0;

    out[0] = '\0';
    while (pos + 12 <= size && used + 6 <= out_size) {
        uint32_t len = (uint32_t)png[pos] << 24 | (uint32_t)png[pos + 1] << 16 |
                       (uint32_t)png[pos + 2] << 8 | png[pos + 3];

        if (used > 0)
            out[used++] = ' ';
        memcpy(out + used, png + pos + 4, 4);
        used += 4;
        out[used] = '\0';
        pos += 12 + (size_t)len;
    }
}

static void test_output_has_only_image_chunks(void)
{
    pp_canvas_t *c = make_test_canvas(255);
    uint8_t *png = NULL;
    size_t size = encode(c, PP_COMPRESSION_DEFAULT, &png);
    char chunks[256];

    list_chunks(png, size, chunks, sizeof chunks);
    CHECK_STR(chunks, "IHDR IDAT IEND");
    free(png);
    pp_canvas_destroy(c);
}

static void test_compression_level_is_applied_and_checked(void)
{
    pp_color_t white = {255, 255, 255, 1.0f};
    pp_canvas_t *c = NULL;
    uint8_t *stored = NULL, *packed = NULL;
    size_t n0, n9;
    pp_error_t err;

    pp_canvas_create(200, 100, white, &c);
    n0 = encode(c, 0, &stored);
    n9 = encode(c, PP_COMPRESSION_MAX, &packed);
    /* Level 0 stores 200 * 3 + 1 bytes a row; level 12 squeezes white flat. */
    CHECK(n0 > 100 * 601);
    CHECK(n9 < 1000);
    free(stored);
    CHECK_INT(pp_canvas_encode_png(c, PP_COMPRESSION_MAX + 1, &stored, &n0,
                                   &err), PP_ERR_ARGUMENT);
    CHECK(stored == NULL);
    CHECK_CONTAINS(err.message, "compression 13");
    free(packed);
    pp_canvas_destroy(c);
}

static void test_palette_encoding_round_trips(void)
{
    pp_canvas_t *c = make_test_canvas(77), *back = NULL;
    pp__png_options options;
    uint8_t *png = NULL;
    size_t size = 0;
    char path[256];
    FILE *f;

    make_temp_dir();
    pp__png_default_options(&options);
    options.palette = true;
    CHECK_INT(pp__png_encode(c, &options, &png, &size, NULL), PP_OK);
    CHECK_INT(png[25], 3);
    /* 13 colours fit in 4 bits. */
    CHECK_INT(png[24], 4);
    snprintf(path, sizeof path, "%s/palette.png", temp_dir);
    f = fopen(path, "wb");
    fwrite(png, 1, size, f);
    fclose(f);
    CHECK_INT(pp_canvas_read_png(path, &back, NULL), PP_OK);
    check_same_pixels(c, back);
    free(png);
    pp_canvas_destroy(c);
    pp_canvas_destroy(back);
    remove_temp_dir();
}

static void test_write_replaces_existing_file(void)
{
    pp_canvas_t *c = make_test_canvas(255), *back = NULL;
    char path[256];

    make_temp_dir();
    snprintf(path, sizeof path, "%s/out.png", temp_dir);
    write_text_file(path, "old contents");
    CHECK_INT(pp_canvas_write_png(c, path, PP_COMPRESSION_DEFAULT, NULL),
              PP_OK);
    CHECK_INT(pp_canvas_read_png(path, &back, NULL), PP_OK);
    check_same_pixels(c, back);
    /* No temporary file is left beside it. */
    CHECK_INT(count_entries(temp_dir), 1);
    pp_canvas_destroy(c);
    pp_canvas_destroy(back);
    remove_temp_dir();
}

static void test_write_into_missing_folder_fails_cleanly(void)
{
    pp_canvas_t *c = make_test_canvas(255);
    char path[256];
    pp_error_t err;

    make_temp_dir();
    snprintf(path, sizeof path, "%s/no/such/dir/out.png", temp_dir);
    CHECK_INT(pp_canvas_write_png(c, path, PP_COMPRESSION_DEFAULT, &err),
              PP_ERR_IO);
    CHECK_CONTAINS(err.message, path);
    CHECK_CONTAINS(err.message, "No such file or directory");
    CHECK_INT(count_entries(temp_dir), 0);
    pp_canvas_destroy(c);
    remove_temp_dir();
}

static void test_write_to_full_device_fails_cleanly(void)
{
    pp_canvas_t *c;
    struct stat st;
    pp_error_t err;

    if (stat("/dev/full", &st) != 0) {
        SKIP("/dev/full is absent on this system");
        return;
    }
    c = make_test_canvas(255);
    CHECK_INT(pp_canvas_write_png(c, "/dev/full", PP_COMPRESSION_DEFAULT,
                                  &err), PP_ERR_IO);
    CHECK_STR(err.message, "cannot write /dev/full: No space left on device");
    /* Written through, never renamed over. */
    CHECK(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
    pp_canvas_destroy(c);
}

static void test_write_to_device_writes_through(void)
{
    pp_canvas_t *c = make_test_canvas(255);
    struct stat st;

    CHECK_INT(pp_canvas_write_png(c, "/dev/null", PP_COMPRESSION_DEFAULT,
                                  NULL), PP_OK);
    CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    pp_canvas_destroy(c);
}

static void test_path_descriptor_spellings(void)
{
    CHECK_INT(pp_path_descriptor("/dev/stdin"), 0);
    CHECK_INT(pp_path_descriptor("/dev/stdout"), 1);
    CHECK_INT(pp_path_descriptor("/dev/stderr"), 2);
    CHECK_INT(pp_path_descriptor("/dev/fd/0"), 0);
    CHECK_INT(pp_path_descriptor("/dev/fd/12"), 12);
    CHECK_INT(pp_path_descriptor("/proc/self/fd/7"), 7);
    CHECK_INT(pp_path_descriptor("/dev/fd/2147483647"), 2147483647);
    /* Anything else is a path like any other. */
    CHECK_INT(pp_path_descriptor("/dev/fd/2147483648"), -1);
    CHECK_INT(pp_path_descriptor("/dev/fd/"), -1);
    CHECK_INT(pp_path_descriptor("/dev/fd/1x"), -1);
    CHECK_INT(pp_path_descriptor("/dev/fd/-1"), -1);
    CHECK_INT(pp_path_descriptor("/dev/stdout/"), -1);
    CHECK_INT(pp_path_descriptor("/dev/stdoutx"), -1);
    CHECK_INT(pp_path_descriptor("dev/stdout"), -1);
    CHECK_INT(pp_path_descriptor("/proc/1/fd/1"), -1);
    CHECK_INT(pp_path_descriptor("/dev/null"), -1);
    CHECK_INT(pp_path_descriptor(""), -1);
    CHECK_INT(pp_path_descriptor(NULL), -1);
}

/*
 * /dev/fd/N is written through descriptor N as it stands: a file opened
 * for appending keeps what it held and stays the same file (not renamed
 * over), while the other output is replaced as always.
 */
static void test_write_files_to_descriptor_appends(void)
{
    char log[256], page[256], fd_path[64], contents[64];
    const char *paths[2];
    const void *data[2] = {"PNG", "page"};
    size_t sizes[2] = {3, 4};
    struct stat before, after;
    pp_error_t err;
    int fd;

    make_temp_dir();
    snprintf(log, sizeof log, "%s/log", temp_dir);
    snprintf(page, sizeof page, "%s/page.html", temp_dir);
    write_text_file(log, "old,");
    fd = open(log, O_WRONLY | O_APPEND);
    CHECK(fd >= 0 && stat(log, &before) == 0);
    snprintf(fd_path, sizeof fd_path, "/dev/fd/%d", fd);
    paths[0] = fd_path;
    paths[1] = page;
    CHECK_INT(pp_write_files(2, paths, data, sizes, &err), PP_OK);
    CHECK_INT(write(fd, ",new", 4), 4);
    CHECK(fcntl(fd, F_GETFD) >= 0);     /* still open: not ours to close */
    close(fd);
    read_text_file(log, contents, sizeof contents);
    CHECK_STR(contents, "old,PNG,new");
    CHECK(stat(log, &after) == 0 && after.st_ino == before.st_ino);
    read_text_file(page, contents, sizeof contents);
    CHECK_STR(contents, "page");
    CHECK_INT(count_entries(temp_dir), 2);
    remove_temp_dir();
}

/* A closed descriptor is found before anything is written. */
static void test_write_files_to_closed_descriptor_touches_nothing(void)
{
    char page[256], fd_path[64], contents[64], expected[200];
    const char *paths[2];
    const void *data[2] = {"page", "PNG"};
    size_t sizes[2] = {4, 3};
    pp_error_t err;
    int fd = dup(2);

    close(fd);
    make_temp_dir();
    snprintf(page, sizeof page, "%s/page.html", temp_dir);
    write_text_file(page, "old page");
    snprintf(fd_path, sizeof fd_path, "/proc/self/fd/%d", fd);
    paths[0] = page;
    paths[1] = fd_path;
    CHECK_INT(pp_write_files(2, paths, data, sizes, &err), PP_ERR_IO);
    snprintf(expected, sizeof expected, "cannot write %s: Bad file "
             "descriptor", fd_path);
    CHECK_STR(err.message, expected);
    read_text_file(page, contents, sizeof contents);
    CHECK_STR(contents, "old page");
    CHECK_INT(count_entries(temp_dir), 1);
    remove_temp_dir();
}

/*
 * A write that fails half-way (here: the file size limit, which works even
 * for root, unlike a read-only folder) leaves the old file as it was.
 */
static void test_failed_write_keeps_existing_file(void)
{
    pp_color_t white = {255, 255, 255, 1.0f};
    pp_canvas_t *c = NULL;
    struct rlimit old_limit, limit;
    char path[256], contents[64];
    pp_error_t err;
    int x;

    make_temp_dir();
    pp_canvas_create(64, 64, white, &c);
    for (x = 0; x < 64 * 64 * 4; x += 4)
        c->rgba[x] = (uint8_t)(x * 7919 % 251);    /* incompressible */
    snprintf(path, sizeof path, "%s/keep.png", temp_dir);
    write_text_file(path, "old contents");

    getrlimit(RLIMIT_FSIZE, &old_limit);
    limit = old_limit;
    limit.rlim_cur = 1000;
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &limit);
    CHECK_INT(pp_canvas_write_png(c, path, 0, &err), PP_ERR_IO);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    signal(SIGXFSZ, SIG_DFL);

    CHECK_CONTAINS(err.message, path);
    CHECK_CONTAINS(err.message, strerror(EFBIG));
    read_text_file(path, contents, sizeof contents);
    CHECK_STR(contents, "old contents");
    CHECK_INT(count_entries(temp_dir), 1);
    pp_canvas_destroy(c);
    remove_temp_dir();
}

/* The mode of a file written under a umask. */
static int mode_under_umask(mode_t mask)
{
    pp_canvas_t *c = make_test_canvas(255);
    char path[256];
    struct stat st;
    mode_t old = umask(mask);
    int mode = -1;

    snprintf(path, sizeof path, "%s/mode.png", temp_dir);
    unlink(path);
    if (pp_canvas_write_png(c, path, PP_COMPRESSION_DEFAULT, NULL) == PP_OK &&
        stat(path, &st) == 0)
        mode = (int)(st.st_mode & 0777);
    umask(old);
    pp_canvas_destroy(c);
    return mode;
}

static void test_written_file_mode_follows_umask(void)
{
    make_temp_dir();
    CHECK_INT(mode_under_umask(022), 0644);
    CHECK_INT(mode_under_umask(027), 0640);
    CHECK_INT(mode_under_umask(0), 0666);
    remove_temp_dir();
}

static void test_read_missing_file_names_path(void)
{
    pp_canvas_t *c = (pp_canvas_t *)&c;
    pp_error_t err;

    CHECK_INT(pp_canvas_read_png("/nonexistent/x.png", &c, &err), PP_ERR_IO);
    CHECK(c == NULL);
    CHECK_STR(err.message,
              "cannot open /nonexistent/x.png: No such file or directory");
}

static void test_read_non_png_names_path(void)
{
    pp_canvas_t *c = NULL;
    char path[256];
    pp_error_t err;

    make_temp_dir();
    snprintf(path, sizeof path, "%s/data.csv", temp_dir);
    write_text_file(path, "index,count\n0,1\n");
    CHECK_INT(pp_canvas_read_png(path, &c, &err), PP_ERR_PNG);
    CHECK(c == NULL);
    CHECK_CONTAINS(err.message, path);
    CHECK_CONTAINS(err.message, "not a PNG file");
    remove_temp_dir();
}

/* A folder opens with fopen and fails at the first read. */
static void test_read_folder_is_a_directory(void)
{
    pp_canvas_t *c = NULL;
    char expected[300];
    pp_error_t err;

    make_temp_dir();
    CHECK_INT(pp_canvas_read_png(temp_dir, &c, &err), PP_ERR_IO);
    CHECK(c == NULL);
    snprintf(expected, sizeof expected, "cannot read %s: Is a directory",
             temp_dir);
    CHECK_STR(err.message, expected);
    remove_temp_dir();
}

static void test_read_truncated_png_fails(void)
{
    pp_canvas_t *c = make_test_canvas(255), *back = NULL;
    uint8_t *png = NULL;
    size_t size = encode(c, PP_COMPRESSION_DEFAULT, &png);
    char path[256];
    pp_error_t err;
    FILE *f;

    make_temp_dir();
    snprintf(path, sizeof path, "%s/cut.png", temp_dir);
    f = fopen(path, "wb");
    fwrite(png, 1, size / 2, f);
    fclose(f);
    CHECK_INT(pp_canvas_read_png(path, &back, &err), PP_ERR_PNG);
    CHECK(back == NULL);
    CHECK_CONTAINS(err.message, path);
    CHECK_CONTAINS(err.message, ": the PNG is truncated or corrupt (Read Error)");
    free(png);
    pp_canvas_destroy(c);
    remove_temp_dir();
}

/* Writes a PNG with libpng's simplified API in any format it offers. */
static void write_with_libpng(const char *path, png_uint_32 format,
                              const void *pixels, int width, int height)
{
    png_image image;

    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = format;
    CHECK(png_image_write_to_file(&image, path, 0, pixels, 0, NULL) != 0);
}

static void test_read_grey_and_grey_alpha(void)
{
    const uint8_t grey[4] = {0, 85, 170, 255};
    const uint8_t grey_alpha[4] = {10, 255, 200, 0};
    pp_canvas_t *c = NULL;
    char path[256];
    uint8_t px[4];

    make_temp_dir();
    snprintf(path, sizeof path, "%s/grey.png", temp_dir);
    write_with_libpng(path, PNG_FORMAT_GRAY, grey, 2, 2);
    CHECK_INT(pp_canvas_read_png(path, &c, NULL), PP_OK);
    pp_canvas_get_pixel(c, 1, 1, px);
    CHECK(px[0] == 255 && px[1] == 255 && px[2] == 255 && px[3] == 255);
    pp_canvas_get_pixel(c, 1, 0, px);
    CHECK(px[0] == 85 && px[1] == 85 && px[2] == 85 && px[3] == 255);
    pp_canvas_destroy(c);

    write_with_libpng(path, PNG_FORMAT_GA, grey_alpha, 2, 1);
    CHECK_INT(pp_canvas_read_png(path, &c, NULL), PP_OK);
    pp_canvas_get_pixel(c, 0, 0, px);
    CHECK(px[0] == 10 && px[1] == 10 && px[2] == 10 && px[3] == 255);
    pp_canvas_get_pixel(c, 1, 0, px);
    CHECK_INT(px[3], 0);
    pp_canvas_destroy(c);
    remove_temp_dir();
}

static void test_read_sixteen_bit_scales_to_eight(void)
{
    /* Linear 16-bit RGB: libpng stores the values as they are. */
    const uint16_t rgb[6] = {65535, 0, 0x8080, 0x1234, 0xffff, 0};
    pp_canvas_t *c = NULL;
    char path[256];
    uint8_t px[4];

    make_temp_dir();
    snprintf(path, sizeof path, "%s/deep.png", temp_dir);
    write_with_libpng(path, PNG_FORMAT_LINEAR_RGB, rgb, 2, 1);
    CHECK_INT(pp_canvas_read_png(path, &c, NULL), PP_OK);
    pp_canvas_get_pixel(c, 0, 0, px);
    CHECK(px[0] == 255 && px[1] == 0 && px[2] == 128 && px[3] == 255);
    pp_canvas_get_pixel(c, 1, 0, px);
    CHECK(px[0] == 0x12 && px[1] == 255 && px[2] == 0);
    pp_canvas_destroy(c);
    remove_temp_dir();
}

static void test_read_oversized_png_is_a_limit_error(void)
{
    static uint8_t row[20000];
    pp_canvas_t *c = NULL;
    char path[256];
    pp_error_t err;

    make_temp_dir();
    snprintf(path, sizeof path, "%s/wide.png", temp_dir);
    write_with_libpng(path, PNG_FORMAT_GRAY, row, 20000, 1);
    CHECK_INT(pp_canvas_read_png(path, &c, &err), PP_ERR_LIMIT);
    CHECK(c == NULL);
    CHECK_CONTAINS(err.message, path);
    CHECK_CONTAINS(err.message, "16384");
    remove_temp_dir();
}

/* Chromium's PNG of fig1 decodes, and survives our round trip. */
static void test_reads_bokeh_reference_png(void)
{
    const char *shared = check_shared_dir("reference/bokeh");
    pp_canvas_t *ref = NULL, *back;
    char path[1024];
    uint8_t px[4];

    if (shared == NULL) {
        SKIP("../shared/reference/bokeh is absent: no Bokeh reference PNGs");
        return;
    }
    snprintf(path, sizeof path, "%s/reference/bokeh/fig1_timeline.png",
             shared);
    CHECK_INT(pp_canvas_read_png(path, &ref, NULL), PP_OK);
    if (ref == NULL)
        return;
    CHECK_INT(pp_canvas_width(ref), 800);
    CHECK_INT(pp_canvas_height(ref), 350);
    pp_canvas_get_pixel(ref, 0, 0, px);
    CHECK(px[0] == 255 && px[1] == 255 && px[2] == 255 && px[3] == 255);
    /* The top of the title's "N": full #444444. */
    pp_canvas_get_pixel(ref, 319, 9, px);
    CHECK(px[0] == 0x44 && px[1] == 0x44 && px[2] == 0x44 && px[3] == 255);

    make_temp_dir();
    back = round_trip(ref, "fig1.png");
    check_same_pixels(ref, back);
    pp_canvas_destroy(back);
    pp_canvas_destroy(ref);
    remove_temp_dir();
}

/*
 * Image-like bytes: runs of one value broken by noise, so that streams
 * have several blocks and matches cross the split.
 */
static void fill_image_like(uint8_t *data, size_t size, unsigned seed)
{
    size_t i;

    for (i = 0; i < size; i++) {
        seed = seed * 1103515245u + 12345u;
        data[i] = (seed >> 16) % 97 == 0 ? (uint8_t)(seed >> 8)
                                         : (uint8_t)(i / 3000);
    }
}

static void test_two_thread_deflate_joins_into_one_stream(void)
{
    size_t size = 3300 * 1000, splits[] = {1, 1100001, 1650000, 1650003,
                                          2199999, 3299999};
    uint8_t *data = malloc(size), *back = malloc(size);
    size_t i;
    int level;

    fill_image_like(data, size, 7);
    /* Different split points end the first stream on different bits, so
       the joint sees padding of every kind. */
    for (level = 1; level <= 12; level += 5)
        for (i = 0; i < sizeof splits / sizeof *splits; i++) {
            size_t z_size = 0;
            uLongf back_size = size;
            uint8_t *z = pp__png_deflate(data, size, splits[i], level,
                                         NULL, NULL, &z_size);

            CHECK(z != NULL);
            if (z == NULL)
                continue;
            CHECK_INT(uncompress(back, &back_size, z, z_size), Z_OK);
            CHECK_INT(back_size, size);
            CHECK(memcmp(back, data, size) == 0);
            free(z);
        }
    free(data);
    free(back);
}

static void test_large_canvas_round_trips(void)
{
    static const pp__png_filter filters[] = {
        PP__PNG_FILTER_NONE, PP__PNG_FILTER_UP, PP__PNG_FILTER_REPEAT
    };
    pp_color_t white = {255, 255, 255, 1.0f};
    pp_canvas_t *c = NULL, *back = NULL;
    pp__png_options options;
    pp_diff_result_t diff;
    char path[256];
    size_t f;
    int i;

    make_temp_dir();
    pp_canvas_create(1800, 640, white, &c);
    for (i = 0; i < 600; i += 7) {
        double xy[4] = {0, i, 1799, 599 - i};
        pp_stroke_style_t style = {{(uint8_t)i, 0, 128, 0.7f}, 1.5,
                                   PP_CAP_BUTT, PP_JOIN_BEVEL, 10};
        pp_canvas_stroke_polyline(c, xy, 2, &style);
    }
    /* Rows that repeat the one above, for the "repeat" filter. */
    pp_canvas_fill_rect(c, (pp_rect_t){-0.5, 599.5, 1800, 40}, white);
    /* Large enough for two threads, which each filter their rows. */
    snprintf(path, sizeof path, "%s/large.png", temp_dir);
    for (f = 0; f < sizeof filters / sizeof *filters; f++) {
        uint8_t *png = NULL;
        size_t size = 0;
        FILE *file;

        pp__png_default_options(&options);
        options.filter = filters[f];
        CHECK_INT(pp__png_encode(c, &options, &png, &size, NULL), PP_OK);
        file = fopen(path, "wb");
        fwrite(png, 1, size, file);
        fclose(file);
        free(png);
        CHECK_INT(pp_canvas_read_png(path, &back, NULL), PP_OK);
        if (back != NULL) {
            pp_image_diff(c, back, 0, &diff, NULL);
            CHECK_INT(diff.differing_pixels, 0);
        }
        pp_canvas_destroy(back);
        back = NULL;
    }
    pp_canvas_destroy(c);
    remove_temp_dir();
}

int main(void)
{
    RUN(test_round_trip_opaque_keeps_pixels);
    RUN(test_round_trip_translucent_keeps_pixels);
    RUN(test_opaque_canvas_encodes_as_rgb);
    RUN(test_any_translucent_pixel_makes_rgba);
    RUN(test_translucent_canvas_encodes_as_rgba);
    RUN(test_same_canvas_gives_same_bytes);
    RUN(test_output_has_only_image_chunks);
    RUN(test_compression_level_is_applied_and_checked);
    RUN(test_palette_encoding_round_trips);
    RUN(test_write_replaces_existing_file);
    RUN(test_write_into_missing_folder_fails_cleanly);
    RUN(test_write_to_full_device_fails_cleanly);
    RUN(test_write_to_device_writes_through);
    RUN(test_path_descriptor_spellings);
    RUN(test_write_files_to_descriptor_appends);
    RUN(test_write_files_to_closed_descriptor_touches_nothing);
    RUN(test_failed_write_keeps_existing_file);
    RUN(test_written_file_mode_follows_umask);
    RUN(test_read_missing_file_names_path);
    RUN(test_read_non_png_names_path);
    RUN(test_read_folder_is_a_directory);
    RUN(test_read_truncated_png_fails);
    RUN(test_read_grey_and_grey_alpha);
    RUN(test_read_sixteen_bit_scales_to_eight);
    RUN(test_read_oversized_png_is_a_limit_error);
    RUN(test_reads_bokeh_reference_png);
    RUN(test_two_thread_deflate_joins_into_one_stream);
    RUN(test_large_canvas_round_trips);
    CHECK_EXIT();
}
