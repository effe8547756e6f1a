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
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* Below this, calloc's own pool is quicker than a mapping. */
#define BIG_BYTES (256 * 1024)

static bool is_big(size_t size)
{
#ifdef MAP_POPULATE
    return size >= BIG_BYTES;
#else
    (void)size;
    return false;
#endif
}

void *pp__big_alloc(size_t size)
{
#ifdef MAP_POPULATE
    if (is_big(size)) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
#endif
    return calloc(1, size > 0 ? size : 1);
}

void pp__big_free(void *p, size_t size)
{
    if (p == NULL)
        return;
    if (is_big(size))
        munmap(p, size);
    else
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
