/*
 * A minimal test harness. Each test is a function run with RUN(); checks
 * record failures without stopping the test. Every test prints one line:
 *   PASS name | FAIL name: what differed | SKIP name: why
 * which tests/run.sh counts.
 */
#ifndef PP_CHECK_H
#define PP_CHECK_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int check_failed;    /* failures in the current test */
static int check_skipped;   /* the current test skipped itself */
static int check_any_failed;
static char check_message[512];

static void check_record(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void check_record(const char *file, int line, const char *fmt, ...)
{
    va_list args;
    char detail[400];

    va_start(args, fmt);
    vsnprintf(detail, sizeof detail, fmt, args);
    va_end(args);
    if (check_failed++ == 0)
        snprintf(check_message, sizeof check_message, "%s:%d: %s", file, line,
                 detail);
    else
        fprintf(stderr, "    also %s:%d: %s\n", file, line, detail);
}

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond))                                                        \
            check_record(__FILE__, __LINE__, "%s", #cond);                  \
    } while (0)

#define CHECK_MSG(cond, ...)                                                \
    do {                                                                    \
        if (!(cond))                                                        \
            check_record(__FILE__, __LINE__, __VA_ARGS__);                  \
    } while (0)

#define CHECK_INT(actual, expected)                                         \
    do {                                                                    \
        long long check_a = (long long)(actual);                            \
        long long check_e = (long long)(expected);                          \
        if (check_a != check_e)                                             \
            check_record(__FILE__, __LINE__, "%s is %lld, expected %lld",   \
                         #actual, check_a, check_e);                        \
    } while (0)

#define CHECK_NEAR(actual, expected, tolerance)                             \
    do {                                                                    \
        double check_a = (actual), check_e = (expected);                    \
        if (!(fabs(check_a - check_e) <= (tolerance)))                      \
            check_record(__FILE__, __LINE__,                                \
                         "%s is %.6g, expected %.6g +- %.3g", #actual,      \
                         check_a, check_e, (double)(tolerance));            \
    } while (0)

#define CHECK_STR(actual, expected)                                         \
    do {                                                                    \
        const char *check_a = (actual), *check_e = (expected);              \
        if (check_a == NULL || strcmp(check_a, check_e) != 0)               \
            check_record(__FILE__, __LINE__, "%s is \"%s\", expected \"%s\"", \
                         #actual, check_a ? check_a : "(null)", check_e);   \
    } while (0)

#define CHECK_CONTAINS(haystack, needle)                                    \
    do {                                                                    \
        const char *check_h = (haystack), *check_n = (needle);              \
        if (check_h == NULL || strstr(check_h, check_n) == NULL)            \
            check_record(__FILE__, __LINE__, "%s (\"%s\") lacks \"%s\"",    \
                         #haystack, check_h ? check_h : "(null)", check_n); \
    } while (0)

/* Marks the current test as skipped; the caller returns after it. */
#define SKIP(...)                                                           \
    do {                                                                    \
        check_skipped = 1;                                                  \
        snprintf(check_message, sizeof check_message, __VA_ARGS__);        \
    } while (0)

#define RUN(test)                                                           \
    do {                                                                    \
        check_failed = 0;                                                   \
        check_skipped = 0;                                                  \
        check_message[0] = '\0';                                            \
        test();                                                             \
        if (check_failed) {                                                 \
            check_any_failed = 1;                                           \
            printf("FAIL %s: %s\n", #test, check_message);                  \
        } else if (check_skipped) {                                         \
            printf("SKIP %s: %s\n", #test, check_message);                  \
        } else {                                                            \
            printf("PASS %s\n", #test);                                     \
        }                                                                   \
        fflush(stdout);                                                     \
    } while (0)

#define CHECK_EXIT() return check_any_failed ? 1 : 0

/* The folder of shared test data (../shared), or NULL when absent. */
/*
 * The shared folder (PP_SHARED, set by tests/run.sh to ../shared), when it
 * holds the folder sub ("reference/bokeh"); NULL otherwise, so a test
 * skips rather than fails where only part of ../shared is there.
 */
static __attribute__((unused)) const char *check_shared_dir(const char *sub)
{
    const char *dir = getenv("PP_SHARED");
    char path[1024];
    struct stat st;

    if (dir == NULL || dir[0] == '\0')
        return NULL;
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}

/* The repository root, set by tests/run.sh (or the working directory). */
static __attribute__((unused)) const char *check_repo_dir(void)
{
    const char *dir = getenv("PP_REPO");

    return dir != NULL && dir[0] != '\0' ? dir : ".";
}

#endif
