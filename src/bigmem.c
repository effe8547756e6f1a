/*
 * Machine resources: large buffers (the canvas, the scan converter's
 * cells, the PNG data) whose pages are mapped in one go, and whether a
 * second thread can help.
 *
 * A figure's process touches a few MB once. Left to page faults, each 4 kB
 * page costs an exception (about 1 us here), and zeroed memory that is read
 * before it is written (the cells) costs two. mmap with MAP_POPULATE maps
 * them all in one call, in about half the time. Small buffers and systems
 * without MAP_POPULATE use calloc.
 */
#define _DEFAULT_SOURCE
#include "pp_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Below this, calloc's own pool is quicker than a mapping. */
#define BIG_BYTES (256 * 1024)

#ifdef MAP_POPULATE

/*
 * A buffer of 2 MB or more is mapped on a 2 MB boundary, and its whole
 * 2 MB stretches are offered to the kernel for transparent huge pages
 * (MADV_HUGEPAGE, a hint that is ignored where they are off). Painting
 * walks the cells a row, 6 kB, apart, so with 4 kB pages most rows cost
 * a TLB miss. Measured (bench/NOTES.md, second pass): 0.1 to 0.3 ms less
 * for the figures whose cells exceed 2 MB. The tail stays on small pages,
 * so no more memory is zeroed than asked for; rounding a 1.1 MB canvas up
 * to a huge page cost more than it saved.
 */
#ifdef MADV_HUGEPAGE
#define HUGE_PAGE ((size_t)2 * 1024 * 1024)
#endif

/* Fresh zeroed pages for size bytes, mapped at once; NULL when out. */
static void *map_fresh(size_t size)
{
    void *p;
#ifdef HUGE_PAGE
    if (size >= HUGE_PAGE && size <= SIZE_MAX - HUGE_PAGE) {
        /* Map a huge page more, then keep the aligned part. */
        uint8_t *raw = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        uint8_t *aligned;

        if (raw == MAP_FAILED)
            return NULL;
        aligned = (uint8_t *)(((uintptr_t)raw + HUGE_PAGE - 1) &
                              ~(uintptr_t)(HUGE_PAGE - 1));
        if (aligned > raw)
            munmap(raw, (size_t)(aligned - raw));
        munmap(aligned + size, (size_t)(raw + HUGE_PAGE - aligned));
        madvise(aligned, size / HUGE_PAGE * HUGE_PAGE, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
        if (madvise(aligned, size, MADV_POPULATE_WRITE) == 0)
            return aligned;
#endif
        /* Kernels before 5.14: fault the pages in by writing them. */
        return memset(aligned, 0, size);
    }
#endif
    p = mmap(NULL, size, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/*
 * One freed mapping is kept for the next big buffer instead of being
 * unmapped: the scan converter's cells, released once a figure is painted
 * (render.c), become its PNG data (png.c), whose pages are then already
 * mapped. Fresh pages cost about 0.2 ms a MB here, even populated; zeroing
 * reused ones costs a tenth of that. At most SPARE_MAX bytes stay idle.
 */
#define SPARE_MAX (32 * 1024 * 1024)

static pthread_mutex_t spare_lock = PTHREAD_MUTEX_INITIALIZER;
static void *spare;             /* the idle mapping, or NULL */
static size_t spare_size;
static void *lent;              /* the spare as handed out again, whose */
static size_t lent_size;        /* mapping may be larger than asked for */

/* The spare when it is large enough, else NULL; the caller zeroes it. */
static void *take_spare(size_t size)
{
    void *p = NULL;

    pthread_mutex_lock(&spare_lock);
    if (spare != NULL && spare_size >= size && lent == NULL) {
        p = lent = spare;
        lent_size = spare_size;
        spare = NULL;
    }
    pthread_mutex_unlock(&spare_lock);
    return p;
}

/* Keeps a freed mapping as the spare (the larger of the two) or unmaps it. */
static void give_back(void *p, size_t size)
{
    void *drop = p;
    size_t drop_size = size;

    pthread_mutex_lock(&spare_lock);
    if (p == lent) {
        drop_size = size = lent_size;
        lent = NULL;
    }
    if (size <= SPARE_MAX && (spare == NULL || size > spare_size)) {
        drop = spare;
        drop_size = spare_size;
        spare = p;
        spare_size = size;
    }
    pthread_mutex_unlock(&spare_lock);
    if (drop != NULL)
        munmap(drop, drop_size);
}
#endif

static bool is_big(size_t size)
{
#ifdef MAP_POPULATE
    return size >= BIG_BYTES;
#else
    (void)size;
    return false;
#endif
}

/* A big buffer, zeroed when zero is true (fresh memory always is). */
static void *big_alloc(size_t size, bool zero)
{
#ifdef MAP_POPULATE
    if (is_big(size)) {
        void *p = take_spare(size);

        if (p != NULL)
            return zero ? memset(p, 0, size) : p;
        return map_fresh(size);
    }
#endif
    (void)zero;
    return calloc(1, size > 0 ? size : 1);
}

void *pp__big_alloc(size_t size)
{
    return big_alloc(size, true);
}

void *pp__big_scratch(size_t size)
{
    return big_alloc(size, false);
}

void pp__big_free(void *p, size_t size)
{
    if (p == NULL)
        return;
#ifdef MAP_POPULATE
    if (is_big(size)) {
        give_back(p, size);
        return;
    }
#endif
    free(p);
}

static long cpus;
static pthread_once_t cpus_once = PTHREAD_ONCE_INIT;

static void count_cpus(void)
{
    cpus = sysconf(_SC_NPROCESSORS_ONLN);
}

bool pp__threads_help(void)
{
    pthread_once(&cpus_once, count_cpus);
    return cpus >= 2;
}
