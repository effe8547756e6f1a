/*
 * What every fuzz target checks besides "no crash, no leak, no hang": a
 * failure comes with one line of UTF-8 that matches its status and names
 * the input, and every warning is one line of UTF-8. A broken promise
 * aborts, so libFuzzer keeps the input as a crash.
 *
 * The helpers are static inline so a target may leave some unused.
 * Built two ways: with clang's -fsanitize=fuzzer (`make fuzz`), and with
 * replay.c's main, which runs the targets over files (`make test`).
 */
#ifndef PP_FUZZ_H
#define PP_FUZZ_H

#include "pp_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with the reason: libFuzzer reports it as a crash. */
static inline void fuzz_broken(const char *what, const char *message)
{
    fprintf(stderr, "fuzz: %s: \"%s\"\n", what, message);
    abort();
}

/* A user sees this text as one line of UTF-8: no line breaks, no bytes
   cut out of a character, not empty. */
static inline void fuzz_check_line(const char *what, const char *message)
{
    const unsigned char *s = (const unsigned char *)message;
    size_t len = strlen(message), i = 0, n;

    if (len == 0)
        fuzz_broken(what, "(empty)");
    if (strpbrk(message, "\n\r") != NULL)
        fuzz_broken(what, message);
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        n = pp__utf8_sequence(s + i, len - i);
        if (n == 0)
            fuzz_broken("not UTF-8", message);
        i += n;
    }
}

/* Bad input is named in its message: the file, then where in it. */
static inline void fuzz_check_error(pp_status status, const pp_error_t *err,
                             const char *name)
{
    if (status == PP_OK)
        return;
    if (err->status != status)
        fuzz_broken("status and message disagree", err->message);
    fuzz_check_line("error message", err->message);
    if (status != PP_ERR_NOMEM && strstr(err->message, name) == NULL)
        fuzz_broken("message does not name the input", err->message);
}

static inline void fuzz_check_warning(void *user, const char *message)
{
    (void)user;
    fuzz_check_line("warning", message);
}

#endif /* PP_FUZZ_H */
