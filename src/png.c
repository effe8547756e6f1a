/*
 * PNG encoding and decoding with libpng, and writing files so that a failure
 * never leaves a half-written image behind.
 *
 * libpng reports errors by longjmp. Each direction has exactly one function
 * that calls setjmp (run_writer, run_reader); everything it allocates lives
 * in a struct owned by its caller, so the error path only has to destroy the
 * libpng structs.
 */
#include "pp_png.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

/* What a libpng error handler leaves for the code after setjmp. */
typedef struct png_failure {
    pp_status status;       /* PP_ERR_PNG, or PP_ERR_NOMEM from our hooks */
    char message[200];
} png_failure;

static void on_png_error(png_structp png, png_const_charp message)
{
    png_failure *failure = png_get_error_ptr(png);

    if (failure->status == PP_OK)
        failure->status = PP_ERR_PNG;
    snprintf(failure->message, sizeof failure->message, "%s", message);
    png_longjmp(png, 1);
}

/* The library never prints: libpng's warnings are about benign oddities. */
static void on_png_warning(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

/* ------------------------------------------------------------------------ */
/* Encoding                                                                  */
/* ------------------------------------------------------------------------ */

/*
 * Measured with tests/tools/png_settings.c on our own renderings of the
 * four notebook figures (out/ after `make demo`), against the size of
 * Bokeh's PNG of each: see bench/NOTES.md for the table. zlib cannot give
 * both: level 5 takes 3 to 10 ms and leaves the network figure 14% larger
 * than Bokeh's, and only level 9 (18 to 35 ms) comes near. libdeflate at
 * level 6 compresses the whole image at once in 1.5 to 3 ms into files 6 to
 * 8% smaller than Bokeh's; the network figure, whose thousand anti-aliased
 * diagonal edges compress worse than Chromium's hairlines, stays 3% larger
 * (level 10 brings it under Bokeh's, at 30 ms). Filtering only rows equal
 * to the row above ("up", which makes them zeros) beats both no filter and
 * libpng's adaptive choice on these mostly flat images, for free.
 */
void pp__png_default_options(pp__png_options *options)
{
    options->compressor = PP__PNG_LIBDEFLATE;
    options->level = 6;
    options->filter = PP__PNG_FILTER_REPEAT;
    options->strategy = PP__PNG_STRATEGY_DEFAULT;
    options->palette = false;
}

/* Everything one encoding needs, allocated before libpng starts. */
typedef struct png_writer {
    const pp_canvas_t *canvas;
    const pp__png_options *options;
    int color_type;             /* PNG_COLOR_TYPE_RGB, _RGB_ALPHA, _PALETTE */
    int bit_depth;
    png_color palette[256];
    png_byte palette_alpha[256];
    int palette_size;
    int palette_alpha_size;     /* entries up to the last translucent one */
    uint8_t *indices;           /* palette index per pixel */
    uint8_t *row;               /* one RGB row */
    uint8_t *idat;              /* libdeflate: the whole zlib stream */
    size_t idat_size;
    uint8_t *out;               /* the PNG bytes */
    size_t out_size, out_cap;
    png_failure failure;
} png_writer;

static bool canvas_is_opaque(const pp_canvas_t *canvas)
{
    static const uint8_t alpha_bytes[4] = {0, 0, 0, 255};
    size_t i, count = (size_t)canvas->width * (size_t)canvas->height;
    uint64_t all = ~(uint64_t)0;
    uint32_t folded, alpha;

    /* One AND over every pixel, two at a time, no branch; the two halves
       of the result are two pixels' worth, whatever the byte order. */
    memcpy(&alpha, alpha_bytes, 4);
    for (i = 0; i + 2 <= count; i += 2) {
        uint64_t two;

        memcpy(&two, canvas->rgba + i * 4, 8);
        all &= two;
    }
    folded = (uint32_t)all & (uint32_t)(all >> 32);
    if (i < count) {
        uint32_t pixel;

        memcpy(&pixel, canvas->rgba + i * 4, 4);
        folded &= pixel;
    }
    return (folded & alpha) == alpha;
}

/*
 * Finds a colour in a small open-addressing table of packed RGBA values,
 * adding it when there is room. Returns its index, or -1 once the canvas
 * has more than 256 colours.
 */
static int palette_lookup(png_writer *w, uint32_t *keys, int16_t *slots,
                          uint32_t key, const uint8_t *rgba)
{
    uint32_t h = (key * 2654435761u) >> 22;    /* 1024 slots */

    while (slots[h] >= 0) {
        if (keys[h] == key)
            return slots[h];
        h = (h + 1) & 1023;
    }
    if (w->palette_size == 256)
        return -1;
    keys[h] = key;
    slots[h] = (int16_t)w->palette_size;
    w->palette[w->palette_size].red = rgba[0];
    w->palette[w->palette_size].green = rgba[1];
    w->palette[w->palette_size].blue = rgba[2];
    w->palette_alpha[w->palette_size] = rgba[3];
    if (rgba[3] != 255)
        w->palette_alpha_size = w->palette_size + 1;
    return w->palette_size++;
}

/*
 * Maps every pixel to a palette index. Returns false (without error) when
 * the canvas has too many colours for a palette, and sets *nomem when the
 * index buffer cannot be allocated.
 */
static bool build_palette(png_writer *w, bool *nomem)
{
    const pp_canvas_t *c = w->canvas;
    size_t i, count = (size_t)c->width * (size_t)c->height;
    uint32_t keys[1024], last_key = 0;
    int16_t slots[1024];
    int index = -1;

    *nomem = false;
    w->indices = malloc(count);
    if (w->indices == NULL) {
        *nomem = true;
        return false;
    }
    memset(slots, 0xff, sizeof slots);
    for (i = 0; i < count; i++) {
        uint32_t key;

        memcpy(&key, c->rgba + i * 4, 4);
        /* Figures are mostly runs of one colour: skip the hash for those. */
        if (index < 0 || key != last_key) {
            index = palette_lookup(w, keys, slots, key, c->rgba + i * 4);
            if (index < 0)
                return false;
            last_key = key;
        }
        w->indices[i] = (uint8_t)index;
    }
    return true;
}

/* The smallest bit depth that holds every palette index. */
static int palette_bit_depth(int palette_size)
{
    if (palette_size <= 2)
        return 1;
    if (palette_size <= 4)
        return 2;
    if (palette_size <= 16)
        return 4;
    return 8;
}

/* Chooses the colour type; allocates the palette indices or a row buffer. */
static pp_status prepare_writer(png_writer *w)
{
    bool nomem;

    w->bit_depth = 8;
    if (w->options->palette) {
        if (build_palette(w, &nomem)) {
            w->color_type = PNG_COLOR_TYPE_PALETTE;
            w->bit_depth = palette_bit_depth(w->palette_size);
            return PP_OK;
        }
        if (nomem)
            return PP_ERR_NOMEM;
        free(w->indices);
        w->indices = NULL;
    }
    if (!canvas_is_opaque(w->canvas)) {
        w->color_type = PNG_COLOR_TYPE_RGB_ALPHA;
        return PP_OK;
    }
    w->color_type = PNG_COLOR_TYPE_RGB;
    w->row = malloc((size_t)w->canvas->width * 3);
    return w->row == NULL ? PP_ERR_NOMEM : PP_OK;
}

static void write_to_memory(png_structp png, png_bytep bytes, png_size_t len)
{
    png_writer *w = png_get_io_ptr(png);

    if (!pp__grow((void **)&w->out, &w->out_cap, w->out_size + len, 1)) {
        w->failure.status = PP_ERR_NOMEM;
        png_error(png, "out of memory");
    }
    memcpy(w->out + w->out_size, bytes, len);
    w->out_size += len;
}

static void flush_memory(png_structp png)
{
    (void)png;
}

/* The bytes libpng gets for row y, in the writer's colour type. */
static png_const_bytep writer_row(png_writer *w, int y)
{
    const pp_canvas_t *c = w->canvas;
    const uint8_t *src = c->rgba + (size_t)y * c->width * 4;
    int x;

    if (w->color_type == PNG_COLOR_TYPE_PALETTE)
        return w->indices + (size_t)y * c->width;
    if (w->color_type == PNG_COLOR_TYPE_RGB_ALPHA)
        return src;
    for (x = 0; x < c->width; x++)
        memcpy(w->row + x * 3, src + x * 4, 3);
    return w->row;
}

static int filter_flags(pp__png_filter filter)
{
    switch (filter) {
    case PP__PNG_FILTER_NONE: return PNG_FILTER_NONE;
    case PP__PNG_FILTER_SUB: return PNG_FILTER_SUB;
    case PP__PNG_FILTER_UP: return PNG_FILTER_UP;
    case PP__PNG_FILTER_PAETH: return PNG_FILTER_PAETH;
    case PP__PNG_FILTER_ADAPTIVE: return PNG_ALL_FILTERS;
    case PP__PNG_FILTER_REPEAT: return PNG_FILTER_NONE | PNG_FILTER_UP;
    }
    return PNG_ALL_FILTERS;
}

static int zlib_strategy(pp__png_strategy strategy)
{
    switch (strategy) {
    case PP__PNG_STRATEGY_DEFAULT: return Z_DEFAULT_STRATEGY;
    case PP__PNG_STRATEGY_FILTERED: return Z_FILTERED;
    case PP__PNG_STRATEGY_RLE: return Z_RLE;
    }
    return Z_DEFAULT_STRATEGY;
}

/* Sets the header, palette and compression settings. */
static void configure_writer(png_structp png, png_infop info, png_writer *w)
{
    const pp__png_options *o = w->options;

    png_set_write_fn(png, w, write_to_memory, flush_memory);
    png_set_IHDR(png, info, (png_uint_32)w->canvas->width,
                 (png_uint_32)w->canvas->height, w->bit_depth, w->color_type,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (w->color_type == PNG_COLOR_TYPE_PALETTE) {
        png_set_PLTE(png, info, w->palette, w->palette_size);
        if (w->palette_alpha_size > 0)
            png_set_tRNS(png, info, w->palette_alpha, w->palette_alpha_size,
                         NULL);
    }
    /* Palette images compress best unfiltered (the PNG spec advises so). */
    png_set_filter(png, PNG_FILTER_TYPE_BASE,
                   w->color_type == PNG_COLOR_TYPE_PALETTE
                       ? PNG_FILTER_NONE : filter_flags(o->filter));
    png_set_compression_level(png, o->level > 9 ? 9 : o->level);
    png_set_compression_strategy(png, zlib_strategy(o->strategy));
    /* Fewer, larger IDAT chunks: less overhead, fewer zlib flushes. */
    png_set_compression_buffer_size(png, 1 << 16);
}

/* Writes row y's samples (RGB or RGBA, as the writer's colour type). */
static void copy_samples(const png_writer *w, int y, uint8_t *dst)
{
    const pp_canvas_t *c = w->canvas;
    const uint8_t *src = c->rgba + (size_t)y * c->width * 4;
    int x;

    if (w->color_type == PNG_COLOR_TYPE_RGB_ALPHA) {
        memcpy(dst, src, (size_t)c->width * 4);
        return;
    }
    /* Four bytes at a time, the fourth overwritten by the next pixel: one
       load and one store a pixel instead of three of each. */
    for (x = 0; x + 1 < c->width; x++, dst += 3, src += 4)
        memcpy(dst, src, 4);
    memcpy(dst, src, 3);
}

/* Bytes of one filtered row: the filter byte and the samples. */
static size_t filtered_stride(const png_writer *w)
{
    size_t bpp = w->color_type == PNG_COLOR_TYPE_RGB_ALPHA ? 4 : 3;

    return (size_t)w->canvas->width * bpp + 1;
}

/* Whether canvas rows y and y - 1 hold the same pixels. */
static bool repeats_row_above(const pp_canvas_t *c, int y)
{
    size_t bytes = (size_t)c->width * 4;

    return y > 0 && memcmp(c->rgba + (size_t)y * bytes,
                           c->rgba + (size_t)(y - 1) * bytes, bytes) == 0;
}

/*
 * Rows y0..y1 - 1 of the image data as PNG stores it before compression:
 * each row is a filter byte and the row's samples, filtered. Only "none"
 * and "up" are used here: "up" turns a row equal to the one above into
 * zeros. Each row depends only on itself and the row above in the canvas,
 * so parts can be filled on different threads.
 */
static void filter_rows(const png_writer *w, uint8_t *data, int y0, int y1)
{
    const pp_canvas_t *c = w->canvas;
    size_t stride = filtered_stride(w), row_bytes = stride - 1, i;
    size_t bpp = row_bytes / (size_t)c->width;
    pp__png_filter filter = w->options->filter;
    int y;

    for (y = y0; y < y1; y++) {
        uint8_t *row = data + (size_t)y * stride + 1;

        if (filter == PP__PNG_FILTER_REPEAT && repeats_row_above(c, y)) {
            row[-1] = PNG_FILTER_VALUE_UP;
            memset(row, 0, row_bytes);
            continue;
        }
        row[-1] = PNG_FILTER_VALUE_NONE;
        if (filter != PP__PNG_FILTER_UP || y == 0) {
            copy_samples(w, y, row);
            continue;
        }
        /* From the canvas: the row above may be another thread's. */
        row[-1] = PNG_FILTER_VALUE_UP;
        for (i = 0; i < row_bytes; i++) {
            size_t x = i / bpp, k = i % bpp;
            const uint8_t *p = c->rgba + ((size_t)y * c->width + x) * 4 + k;

            row[i] = (uint8_t)(p[0] - p[-(ptrdiff_t)c->width * 4]);
        }
    }
}

/* What a part of the compression needs to fill its rows. */
typedef struct filter_job {
    const png_writer *w;
    uint8_t *data;
} filter_job;

static void fill_rows(void *context, size_t begin, size_t end)
{
    filter_job *job = context;
    size_t stride = filtered_stride(job->w);

    filter_rows(job->w, job->data, (int)(begin / stride),
                (int)(end / stride));
}

/*
 * Filters and compresses the image into one zlib stream with libdeflate,
 * on two threads for large images, each filtering its own rows first. The
 * first part gets a little less than half the rows: joining the parts
 * means walking it again (deflate.c).
 */
static pp_status compress_image(png_writer *w)
{
    size_t stride = filtered_stride(w);
    size_t size = stride * (size_t)w->canvas->height;
    filter_job job = {w, pp__big_scratch(size)};

    if (job.data == NULL)
        return PP_ERR_NOMEM;
    w->idat = pp__png_deflate(job.data, size,
                              stride * (size_t)(w->canvas->height * 9 / 20),
                              w->options->level, fill_rows, &job,
                              &w->idat_size);
    pp__big_free(job.data, size);
    return w->idat != NULL ? PP_OK : PP_ERR_NOMEM;
}

/* Runs libpng over a prepared writer. The only setjmp of the encoder. */
static pp_status run_writer(png_writer *w)
{
    png_structp png;
    png_infop info;
    int y;

    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &w->failure,
                                  on_png_error, on_png_warning);
    if (png == NULL)
        return PP_ERR_NOMEM;
    info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        return PP_ERR_NOMEM;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return w->failure.status;
    }

    configure_writer(png, info, w);
    png_write_info(png, info);
    if (w->idat != NULL) {
        /* Compressed already: libpng frames it and adds the CRCs. */
        png_write_chunk(png, (png_const_bytep)"IDAT", w->idat, w->idat_size);
        png_write_chunk(png, (png_const_bytep)"IEND", NULL, 0);
        png_destroy_write_struct(&png, &info);
        return PP_OK;
    }
    if (w->bit_depth < 8)
        png_set_packing(png);
    for (y = 0; y < w->canvas->height; y++)
        png_write_row(png, writer_row(w, y));
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return PP_OK;
}

pp_status pp__png_encode(const pp_canvas_t *canvas,
                         const pp__png_options *options, uint8_t **data,
                         size_t *size, pp_error_t *err)
{
    png_writer w;
    pp_status status;

    *data = NULL;
    *size = 0;
    memset(&w, 0, sizeof w);
    w.canvas = canvas;
    w.options = options;

    status = prepare_writer(&w);
    if (status == PP_OK && options->compressor == PP__PNG_LIBDEFLATE &&
        w.color_type != PNG_COLOR_TYPE_PALETTE)
        status = compress_image(&w);
    if (status == PP_OK)
        status = run_writer(&w);
    free(w.indices);
    free(w.row);
    free(w.idat);
    if (status != PP_OK) {
        free(w.out);
        if (status == PP_ERR_NOMEM)
            return pp__fail_status(err, status);
        return pp__fail(err, status, "cannot encode PNG: %s",
                        w.failure.message);
    }
    *data = w.out;
    *size = w.out_size;
    return PP_OK;
}

pp_status pp_canvas_encode_png(const pp_canvas_t *canvas, int compression,
                               uint8_t **data, size_t *size, pp_error_t *err)
{
    pp__png_options options;

    if (data == NULL || size == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "no place for the PNG data");
    *data = NULL;
    *size = 0;
    if (canvas == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "no canvas to encode");
    if (compression < PP_COMPRESSION_DEFAULT ||
        compression > PP_COMPRESSION_MAX)
        return pp__fail(err, PP_ERR_ARGUMENT,
                        "compression %d is not -1 (default) or 0..%d",
                        compression, PP_COMPRESSION_MAX);

    pp__png_default_options(&options);
    if (compression != PP_COMPRESSION_DEFAULT)
        options.level = compression;
    return pp__png_encode(canvas, &options, data, size, err);
}

/* ------------------------------------------------------------------------ */
/* Writing files                                                             */
/* ------------------------------------------------------------------------ */

/* Writes every byte, retrying short writes. Returns 0 or an errno value. */
static int write_all(int fd, const uint8_t *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int pp_path_descriptor(const char *path)
{
    static const char *const streams[] = {"/dev/stdin", "/dev/stdout",
                                          "/dev/stderr"};
    static const char *const folders[] = {"/dev/fd/", "/proc/self/fd/"};
    const char *digits = NULL;
    long fd = 0;
    size_t i;

    if (path == NULL)
        return -1;
    for (i = 0; i < sizeof streams / sizeof *streams; i++)
        if (strcmp(path, streams[i]) == 0)
            return (int)i;
    for (i = 0; i < sizeof folders / sizeof *folders; i++)
        if (strncmp(path, folders[i], strlen(folders[i])) == 0)
            digits = path + strlen(folders[i]);
    if (digits == NULL || *digits == '\0')
        return -1;
    for (; *digits != '\0'; digits++) {
        if (*digits < '0' || *digits > '9')
            return -1;
        fd = fd * 10 + (*digits - '0');
        if (fd > INT_MAX)
            return -1;
    }
    return (int)fd;
}

/*
 * Whether descriptor fd is open for writing, found before anything is
 * written so that a closed one leaves the other outputs untouched. One
 * open for reading only (standard input, or a standard stream the
 * command reopened on /dev/null) fails as write() would: EBADF.
 */
static pp_status check_descriptor(const char *path, int fd, pp_error_t *err)
{
    int flags = fcntl(fd, F_GETFL);

    if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY)
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", path,
                        strerror(flags < 0 ? errno : EBADF));
    return PP_OK;
}

/*
 * Devices and FIFOs (also through a link) are written through as they are:
 * renaming a file over /dev/null or a FIFO would replace it instead of
 * writing to it.
 */
static pp_status write_in_place(const char *path, const uint8_t *data,
                                size_t size, pp_error_t *err)
{
    int fd, e;

    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0)
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", path,
                        strerror(errno));
    e = write_all(fd, data, size);
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0)
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", path,
                        strerror(e));
    return PP_OK;
}

/*
 * Creates ".name.XXXXXX" beside path, with a fresh suffix on each try. We do
 * not use mkstemp because its files are mode 0600; open() with 0666 gives the
 * mode (and default ACL) any new file of the user would get.
 */
static int open_temporary(const char *path, char **temp_path)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    static unsigned counter;
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t len = strlen(path) + 9;
    struct timespec now;
    int attempt, i, fd;

    *temp_path = malloc(len);
    if (*temp_path == NULL) {
        errno = ENOMEM;
        return -1;
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    for (attempt = 0; attempt < 100; attempt++) {
        unsigned long seed = (unsigned long)now.tv_nsec * 2654435761u +
                             (unsigned long)getpid() * 40503u + counter++;
        char suffix[7];

        for (i = 0; i < 6; i++, seed /= 36)
            suffix[i] = digits[seed % 36];
        suffix[6] = '\0';
        snprintf(*temp_path, len, "%.*s.%s.%s", (int)dir_len, path,
                 path + dir_len, suffix);
        fd = open(*temp_path, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

/*
 * Where path leads once the symbolic links at its end are followed, a
 * relative target read from the link's folder, up to a path that names a
 * descriptor; it may not exist yet (a link to a file about to be made).
 * NULL with errno set when out of memory or after 40 links (a loop). The
 * caller frees it.
 */
static char *link_destination(const char *path)
{
    char *current = pp__strdup(path), target[PATH_MAX];
    int links;

    for (links = 0; current != NULL && links < 40; links++) {
        const char *slash = strrchr(current, '/');
        size_t dir_len = slash != NULL ? (size_t)(slash - current) + 1 : 0;
        ssize_t n;
        char *next;

        /* /dev/stdout leads on to /proc/self/fd/1 and then to what no
           path names ("pipe:[123]"): the descriptor is the destination. */
        if (pp_path_descriptor(current) >= 0)
            return current;
        n = readlink(current, target, sizeof target - 1);
        /* Not a link (or not there): this is the file. */
        if (n < 0)
            return current;
        target[n] = '\0';
        next = malloc(dir_len + (size_t)n + 1);
        if (next != NULL && target[0] == '/')
            strcpy(next, target);
        else if (next != NULL)
            sprintf(next, "%.*s%s", (int)dir_len, current, target);
        free(current);
        current = next;
    }
    if (current == NULL)
        errno = ENOMEM;
    else
        errno = ELOOP;
    free(current);
    return NULL;
}

/*
 * A file written to a temporary file beside the file it replaces, waiting
 * to be renamed over it; or, for a device or a FIFO, to be written there;
 * or, for /dev/stdout and the like, to be written to the descriptor.
 */
typedef struct staged_file {
    const char *path;
    const uint8_t *data;
    size_t size;
    char *target;               /* path, or where the link at path leads */
    char *temp_path;            /* NULL: written in place when committed */
    int fd;                     /* the descriptor target names, or -1 */
} staged_file;

/*
 * Writes f's data to its temporary file. A file being replaced keeps its
 * permissions; one we may not write (chmod 444) is refused, as a shell's
 * redirection would refuse it, rather than replaced behind its back. A
 * symbolic link stays: the temporary file goes beside the file it leads to
 * and replaces that one, so a failure leaves it untouched too.
 */
static pp_status stage(staged_file *f, pp_error_t *err)
{
    struct stat old;
    bool replacing;
    int fd, e;

    f->temp_path = NULL;
    f->fd = -1;
    f->target = link_destination(f->path);
    if (f->target == NULL)
        return pp__fail(err, errno == ENOMEM ? PP_ERR_NOMEM : PP_ERR_IO,
                        "cannot write %s: %s", f->path, strerror(errno));
    /* The descriptor already open, as a shell's >&1 writes to it,
       whatever it leads to. Opened again through /proc, a pipe has no
       path ("pipe:[123]"), and a regular file would be replaced, losing
       what was written before (`{ echo before; pngplot ... -o
       /dev/stdout; } >log`) and the append mode of >>. */
    if ((f->fd = pp_path_descriptor(f->target)) >= 0)
        return check_descriptor(f->path, f->fd, err);
    if (lstat(f->target, &old) == 0 && !S_ISREG(old.st_mode))
        return PP_OK;
    replacing = lstat(f->target, &old) == 0;
    if (replacing && access(f->target, W_OK) != 0)
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", f->path,
                        strerror(errno));
    fd = open_temporary(f->target, &f->temp_path);
    if (fd < 0) {
        e = errno;
        free(f->temp_path);
        f->temp_path = NULL;
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", f->path,
                        strerror(e));
    }
    /* XXX: no fsync: it costs milliseconds; a crash may lose the new file. */
    e = write_all(fd, f->data, f->size);
    if (e == 0 && replacing && fchmod(fd, old.st_mode & 07777) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0) {
        unlink(f->temp_path);
        free(f->temp_path);
        f->temp_path = NULL;
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", f->path,
                        strerror(e));
    }
    return PP_OK;
}

static void discard(staged_file *f)
{
    if (f->temp_path != NULL)
        unlink(f->temp_path);
    free(f->temp_path);
    free(f->target);
    f->temp_path = NULL;
    f->target = NULL;
}

pp_status pp_write_files(size_t count, const char *const paths[],
                         const void *const data[], const size_t sizes[],
                         pp_error_t *err)
{
    staged_file *files;
    pp_status status = PP_OK;
    size_t i, staged = 0;

    if (count == 0)
        return PP_OK;
    if (paths == NULL || data == NULL || sizes == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "pp_write_files: missing "
                        "argument");
    for (i = 0; i < count; i++)
        if (paths[i] == NULL || paths[i][0] == '\0')
            return pp__fail(err, PP_ERR_ARGUMENT, "no output path given");
    if ((files = calloc(count, sizeof *files)) == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    /* Every regular file complete beside its path first... */
    for (i = 0; i < count && status == PP_OK; i++, staged++) {
        files[i].path = paths[i];
        files[i].data = data[i];
        files[i].size = sizes[i];
        status = stage(&files[i], err);
    }
    /* ...then descriptors, devices and FIFOs, which cannot wait... */
    for (i = 0; i < count && status == PP_OK; i++) {
        int e;

        if (files[i].fd < 0) {
            if (files[i].temp_path == NULL)
                status = write_in_place(paths[i], files[i].data,
                                        files[i].size, err);
        } else if ((e = write_all(files[i].fd, files[i].data,
                                  files[i].size)) != 0) {
            status = pp__fail(err, PP_ERR_IO, "cannot write %s: %s",
                              paths[i], strerror(e));
        }
    }
    /* ...and only then the renames, which do not fail for want of room. */
    for (i = 0; i < count && status == PP_OK; i++) {
        if (files[i].temp_path != NULL &&
            rename(files[i].temp_path, files[i].target) != 0)
            status = pp__fail(err, PP_ERR_IO, "cannot write %s: %s",
                              paths[i], strerror(errno));
        if (status == PP_OK) {
            free(files[i].temp_path);
            files[i].temp_path = NULL;
        }
    }
    for (i = 0; i < staged; i++)
        discard(&files[i]);
    free(files);
    return status;
}

pp_status pp_canvas_write_png(const pp_canvas_t *canvas, const char *path,
                              int compression, pp_error_t *err)
{
    uint8_t *data;
    size_t size;
    pp_status status;

    if (path == NULL || path[0] == '\0')
        return pp__fail(err, PP_ERR_ARGUMENT, "no output path given");
    status = pp_canvas_encode_png(canvas, compression, &data, &size, err);
    if (status != PP_OK)
        return status;

    status = pp__write_file(path, data, size, err);
    free(data);
    return status;
}

pp_status pp__write_file(const char *path, const uint8_t *data, size_t size,
                         pp_error_t *err)
{
    const void *bytes = data;

    return pp_write_files(1, &path, &bytes, &size, err);
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct png_reader {
    FILE *file;
    pp_canvas_t *canvas;        /* the result, freed on failure */
    png_bytep *rows;
    png_failure failure;
} png_reader;

/* Asks libpng for 8-bit RGBA whatever the file holds. */
static void request_rgba(png_structp png, png_infop info)
{
    int color_type = png_get_color_type(png, info);

    png_set_expand(png);    /* palette, low-bit grey and tRNS */
    if (png_get_bit_depth(png, info) == 16)
        png_set_scale_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY ||
        color_type == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(png);
    if (!(color_type & PNG_COLOR_MASK_ALPHA) &&
        !png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

/* Makes the canvas and the row pointers into it. */
static void allocate_image(png_structp png, png_infop info, png_reader *r)
{
    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    pp_color_t clear = {0, 0, 0, 0.0f};
    png_uint_32 y;

    if (width > PP_MAX_CANVAS_SIDE || height > PP_MAX_CANVAS_SIDE) {
        r->failure.status = PP_ERR_LIMIT;
        png_error(png, "image larger than 16384 pixels a side");
    }
    if (png_get_rowbytes(png, info) != (size_t)width * 4)
        png_error(png, "unexpected row layout after conversion");
    if (pp_canvas_create((int)width, (int)height, clear, &r->canvas) == PP_OK)
        r->rows = malloc(height * sizeof *r->rows);
    if (r->rows == NULL) {
        r->failure.status = PP_ERR_NOMEM;
        png_error(png, "out of memory");
    }
    for (y = 0; y < height; y++)
        r->rows[y] = r->canvas->rgba + (size_t)y * width * 4;
}

/* Runs libpng over an open file. The only setjmp of the decoder. */
static pp_status run_reader(png_reader *r)
{
    png_structp png;
    png_infop info;

    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r->failure,
                                 on_png_error, on_png_warning);
    if (png == NULL)
        return PP_ERR_NOMEM;
    info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        return PP_ERR_NOMEM;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        return r->failure.status;
    }

    png_init_io(png, r->file);
    png_set_sig_bytes(png, 8);
    png_read_info(png, info);
    request_rgba(png, info);
    allocate_image(png, info, r);
    png_read_image(png, r->rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    return PP_OK;
}

pp_status pp_canvas_read_png(const char *path, pp_canvas_t **out,
                             pp_error_t *err)
{
    png_reader r;
    uint8_t signature[8];
    pp_status status;

    *out = NULL;
    memset(&r, 0, sizeof r);
    r.file = fopen(path, "rb");
    if (r.file == NULL)
        return pp__fail(err, PP_ERR_IO, "cannot open %s: %s", path,
                        strerror(errno));
    /* A folder opens, and fails only here (EISDIR): not "not a PNG". */
    if (fread(signature, 1, 8, r.file) != 8 && ferror(r.file)) {
        int e = errno;
        fclose(r.file);
        return pp__fail(err, PP_ERR_IO, "cannot read %s: %s", path,
                        strerror(e));
    }
    if (feof(r.file) || png_sig_cmp(signature, 0, 8) != 0) {
        fclose(r.file);
        return pp__fail(err, PP_ERR_PNG, "%s: not a PNG file", path);
    }

    status = run_reader(&r);
    free(r.rows);
    if (status != PP_OK) {
        int e = ferror(r.file) ? errno : 0;
        fclose(r.file);
        pp_canvas_destroy(r.canvas);
        if (status == PP_ERR_NOMEM)
            return pp__fail(err, status, "%s: out of memory", path);
        if (e != 0)
            return pp__fail(err, PP_ERR_IO, "cannot read %s: %s", path,
                            strerror(e));
        /* libpng's whole word for a file that ends too soon. */
        if (strcmp(r.failure.message, "Read Error") == 0)
            return pp__fail(err, status, "%s: the PNG is truncated or "
                            "corrupt (Read Error)", path);
        return pp__fail(err, status, "%s: %s", path, r.failure.message);
    }
    fclose(r.file);
    *out = r.canvas;
    return PP_OK;
}
