/*
 * PNG encoder settings (png.c). They are internal: the public call takes a
 * zlib level only, and the rest are the defaults measured by
 * tests/tools/png_settings.c, which uses this header to try the others.
 */
#ifndef PP_PNG_H
#define PP_PNG_H

#include "pp_internal.h"

typedef enum pp__png_filter {
    PP__PNG_FILTER_NONE,
    PP__PNG_FILTER_SUB,
    PP__PNG_FILTER_UP,
    PP__PNG_FILTER_PAETH,
    PP__PNG_FILTER_ADAPTIVE,   /* libpng picks one per row (zlib only) */
    PP__PNG_FILTER_REPEAT      /* "up" for a row equal to the one above
                                  (all zeros then), none for the others */
} pp__png_filter;

typedef enum pp__png_compressor {
    PP__PNG_LIBDEFLATE,         /* whole image at once, levels 0..12 */
    PP__PNG_ZLIB                /* libpng's own zlib stream, levels 0..9 */
} pp__png_compressor;

typedef enum pp__png_strategy {
    PP__PNG_STRATEGY_DEFAULT,
    PP__PNG_STRATEGY_FILTERED,
    PP__PNG_STRATEGY_RLE
} pp__png_strategy;

typedef struct pp__png_options {
    pp__png_compressor compressor;
    int level;                  /* 0..12 (libdeflate) or 0..9 (zlib) */
    pp__png_filter filter;
    pp__png_strategy strategy;  /* zlib only */
    bool palette;               /* indexed colour when <= 256 colours */
} pp__png_options;

/* The settings PP_COMPRESSION_DEFAULT stands for. */
void pp__png_default_options(pp__png_options *options);

/*
 * Encodes a canvas with explicit settings; the output buffer is malloc'ed.
 * RGB when every pixel is opaque, RGBA otherwise, or indexed colour (with a
 * tRNS chunk when needed) when options->palette is set and the canvas has
 * at most 256 colours (palettes and the zlib strategies go through zlib).
 */
pp_status pp__png_encode(const pp_canvas_t *canvas,
                         const pp__png_options *options, uint8_t **data,
                         size_t *size, pp_error_t *err);

/* Fills data[begin, end) before it is compressed (NULL: it is filled). */
typedef void (*pp__png_fill_fn)(void *context, size_t begin, size_t end);

/*
 * Compresses data into one zlib stream with libdeflate at level (1..12;
 * 0 stores). Large inputs are compressed in two parts, split at byte split,
 * on two threads when there are two processors (each calling fill for its
 * part first), and joined into the same single stream (deflate.c); the
 * bytes do not depend on the number of threads. Returns a malloc'ed buffer,
 * or NULL when out of memory.
 */
uint8_t *pp__png_deflate(uint8_t *data, size_t size, size_t split, int level,
                         pp__png_fill_fn fill, void *context,
                         size_t *out_size);

#endif /* PP_PNG_H */
