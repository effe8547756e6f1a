/*
 * One zlib stream compressed on two threads with libdeflate, for the PNG
 * image data.
 *
 * libdeflate compresses a whole buffer at once, fast, but only into a
 * complete stream: its last block carries the "final" flag. So the two
 * halves are compressed as two raw deflate streams at once, then joined
 * as zlib's examples/gzjoin.c joins gzip members: inflate (zlib) walks
 * the first stream block by block to find where its final block starts
 * and how many padding bits follow its end; the flag is cleared, an empty
 * stored block brings the stream to a byte boundary, and the second stream
 * follows. The checksum is the two halves' Adler-32 combined. Walking the
 * first half costs a quarter of compressing it, so two threads take about
 * 60% of the time of one.
 */
#include "pp_png.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Smaller inputs (images under about a million pixels) are compressed as
   one stream: measured, a thread costs more than it saves there. */
#define PARALLEL_MIN_BYTES (3 * 1024 * 1024)

/* Output space for inflate while walking the blocks (thrown away). */
#define SINK_BYTES (64 * 1024)

typedef struct part {
    uint8_t *data;
    size_t size, offset;        /* offset: where data is in the whole */
    int level;
    pp__png_fill_fn fill;
    void *context;
    bool zlib;                  /* a zlib stream rather than raw deflate */
    uint8_t *out;
    size_t out_size;
    uint32_t adler;
} part;

static void compress_part(part *p)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(p->level);
    size_t bound;

    p->out = NULL;
    p->out_size = 0;
    if (p->fill != NULL)
        p->fill(p->context, p->offset, p->offset + p->size);
    if (c == NULL)
        return;
    bound = p->zlib ? libdeflate_zlib_compress_bound(c, p->size)
                    : libdeflate_deflate_compress_bound(c, p->size);
    p->out = malloc(bound);
    if (p->out != NULL)
        p->out_size = p->zlib
            ? libdeflate_zlib_compress(c, p->data, p->size, p->out, bound)
            : libdeflate_deflate_compress(c, p->data, p->size, p->out,
                                          bound);
    if (!p->zlib)
        p->adler = libdeflate_adler32(1, p->data, p->size);
    libdeflate_free_compressor(c);
}

static void *compress_thread(void *arg)
{
    compress_part(arg);
    return NULL;
}

/*
 * Walks a raw deflate stream block by block. Returns the bit (counted
 * from the first byte's lowest) where its final block's header starts,
 * and in *padding the unused bits after that block's end, or -1.
 */
static long find_final_block(const uint8_t *z, size_t n, int *padding)
{
    uint8_t *sink = malloc(SINK_BYTES);
    long header = -1, found = -1;
    z_stream s;
    int ret;

    memset(&s, 0, sizeof s);
    if (sink == NULL || inflateInit2(&s, -15) != Z_OK) {
        free(sink);
        return -1;
    }
    s.next_in = (Bytef *)z;
    s.avail_in = (uInt)n;
    do {
        s.next_out = sink;
        s.avail_out = SINK_BYTES;
        ret = inflate(&s, Z_BLOCK);
        /* 128: stopped between blocks; 64: the block just read was the
           final one; the low bits: unused bits of the last byte read. */
        if ((ret == Z_OK || ret == Z_STREAM_END) && (s.data_type & 128)) {
            long bit = (long)(s.next_in - z) * 8 - (s.data_type & 7);
            if (!(s.data_type & 64)) {
                header = bit;
            } else {
                found = header;
                *padding = s.data_type & 7;
                break;
            }
        }
    } while (ret == Z_OK);
    inflateEnd(&s);
    free(sink);
    return found;
}

/* Joins b after a (raw deflate streams) into a zlib stream in a->out. */
static bool join(part *a, const part *b, uint8_t **out, size_t *out_size)
{
    int padding = 0;
    long final = find_final_block(a->out, a->out_size, &padding);
    uint32_t adler;
    uint8_t *z;
    size_t n = 0;

    if (final < 0)
        return false;
    z = malloc(2 + a->out_size + 5 + b->out_size + 4);
    if (z == NULL)
        return false;
    z[n++] = 0x78;              /* deflate, 32 kB window; checks mod 31 */
    z[n++] = 0x9C;
    memcpy(z + n, a->out, a->out_size);
    z[n + (size_t)final / 8] &= (uint8_t)~(1u << (final % 8));
    n += a->out_size;
    /* An empty stored block, non-final: its 3 header bits go in the
       padding when it has room, else in one more byte. */
    if (padding < 3)
        z[n++] = 0;
    z[n++] = 0x00;
    z[n++] = 0x00;
    z[n++] = 0xFF;
    z[n++] = 0xFF;
    memcpy(z + n, b->out, b->out_size);
    n += b->out_size;
    adler = (uint32_t)adler32_combine(a->adler, b->adler, (z_off_t)b->size);
    z[n++] = (uint8_t)(adler >> 24);
    z[n++] = (uint8_t)(adler >> 16);
    z[n++] = (uint8_t)(adler >> 8);
    z[n++] = (uint8_t)adler;
    *out = z;
    *out_size = n;
    return true;
}

/*
 * Compresses the two parts, at once when a second processor can help and
 * one after the other otherwise: the bytes are the same either way, so a
 * figure's PNG does not depend on the machine. The data is filled after.
 */
static bool compress_two(uint8_t *data, size_t size, size_t split,
                         int level, pp__png_fill_fn fill, void *context,
                         uint8_t **out, size_t *out_size)
{
    part a = {data, split, 0, level, fill, context, false, NULL, 0, 0};
    part b = {data + split, size - split, split, level, fill, context, false,
              NULL, 0, 0};
    pthread_t thread;
    bool threaded, ok;

    threaded = pp__threads_help() &&
               pthread_create(&thread, NULL, compress_thread, &b) == 0;
    compress_part(&a);
    if (threaded)
        pthread_join(thread, NULL);
    else
        compress_part(&b);
    ok = a.out_size > 0 && b.out_size > 0 &&
         join(&a, &b, out, out_size);
    free(a.out);
    free(b.out);
    return ok;
}

uint8_t *pp__png_deflate(uint8_t *data, size_t size, size_t split, int level,
                         pp__png_fill_fn fill, void *context,
                         size_t *out_size)
{
    part whole = {data, size, 0, level, fill, context, true, NULL, 0, 0};
    uint8_t *out = NULL;

    if (size >= PARALLEL_MIN_BYTES && split > 0 && split < size &&
        level > 0) {
        if (compress_two(data, size, split, level, fill, context, &out,
                         out_size))
            return out;
        /* Out of memory, most likely: one stream, from the filled data. */
        whole.fill = NULL;
    }
    compress_part(&whole);
    if (whole.out_size == 0) {
        free(whole.out);
        return NULL;
    }
    *out_size = whole.out_size;
    return whole.out;
}
