/* Status phrases, error messages and warnings. */
#include "pp_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pp_strerror(pp_status status)
{
    switch (status) {
    case PP_OK: return "success";
    case PP_ERR_NOMEM: return "out of memory";
    case PP_ERR_ARGUMENT: return "invalid argument";
    case PP_ERR_IO: return "input/output error";
    case PP_ERR_SPEC: return "invalid figure spec";
    case PP_ERR_CSV: return "malformed csv";
    case PP_ERR_DATA: return "data does not fit the spec";
    case PP_ERR_FONT: return "font error";
    case PP_ERR_PNG: return "png error";
    case PP_ERR_LIMIT: return "size limit exceeded";
    case PP_ERR_BACKEND: return "backend failed";
    }
    return "unknown status";
}

/*
 * Copies a message, writing control characters as \n, \r, \t or \xHH, and
 * bytes that are not UTF-8 as \xHH. A message is one line of text by
 * contract, but it quotes what the input holds (a key, a cell, a column
 * name): a line break there would split it, a carriage return overwrite it
 * on a terminal, and a character cut short by a fixed buffer upstream (a
 * long path, jansson's error text) would not be text.
 */
static void one_line(char *out, size_t size, const char *text)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *s = (const unsigned char *)text;
    size_t len = 0, left = strlen(text), n;

    while (left > 0) {
        char escape[4] = {'\\', 'x', hex[*s >> 4], hex[*s & 15]};
        const char *piece = escape;

        n = 4;
        if (*s >= 0x20 && *s < 0x7F) {
            piece = (const char *)s;
            n = 1;
        } else if (*s == '\n' || *s == '\r' || *s == '\t') {
            escape[1] = *s == '\n' ? 'n' : *s == '\r' ? 'r' : 't';
            n = 2;
        } else if (*s >= 0x80 && pp__utf8_sequence(s, left) > 0) {
            piece = (const char *)s;
            n = pp__utf8_sequence(s, left);
        }
        if (len + n >= size)
            break;
        memcpy(out + len, piece, n);
        len += n;
        /* An escape stands for one byte; text for as many as it copied. */
        n = piece == escape ? 1 : n;
        s += n;
        left -= n;
    }
    out[len] = '\0';
}

/* Quoted text kept whole in a message that would not fit otherwise. */
#define QUOTE_KEEP 60

/*
 * A message too long to fit is most often one quoting a huge value (a 1 MB
 * cell, a garbage name); cut at the end, it would lose what follows the
 * value, which says what is wrong. Each part between single quotes longer
 * than QUOTE_KEEP bytes is cut to that, at a character's start, and "...".
 */
static void shorten_quotes(char *text)
{
    char *in = text, *out = text, *close;
    size_t keep;

    while (*in != '\0') {
        if (*in != '\'' || (close = strchr(in + 1, '\'')) == NULL) {
            *out++ = *in++;
            continue;
        }
        keep = (size_t)(close - in - 1);
        if (keep > QUOTE_KEEP + 3) {
            keep = QUOTE_KEEP;
            while (keep > 0 && ((unsigned char)in[1 + keep] & 0xC0) == 0x80)
                keep--;
            memmove(out, in, 1 + keep);
            memcpy(out + 1 + keep, "...", 3);
            out += 1 + keep + 3;
        } else {
            memmove(out, in, 1 + keep);
            out += 1 + keep;
        }
        *out++ = '\'';
        in = close + 1;
    }
    *out = '\0';
}

void pp__vformat(char *out, size_t size, const char *fmt, va_list args)
{
    char message[PP_ERROR_MESSAGE_SIZE], *full;
    va_list again;
    int n;

    va_copy(again, args);
    n = vsnprintf(message, sizeof message, fmt, args);
    full = n >= 0 && ((size_t)n >= size || (size_t)n >= sizeof message)
        ? malloc((size_t)n + 1) : NULL;
    if (full != NULL) {
        vsnprintf(full, (size_t)n + 1, fmt, again);
        shorten_quotes(full);
        one_line(out, size, full);
        free(full);
    } else {
        one_line(out, size, message);
    }
    va_end(again);
}

pp_status pp__fail(pp_error_t *err, pp_status status, const char *fmt, ...)
{
    va_list args;

    if (err == NULL)
        return status;
    err->status = status;
    va_start(args, fmt);
    pp__vformat(err->message, sizeof err->message, fmt, args);
    va_end(args);
    return status;
}

pp_status pp__fail_status(pp_error_t *err, pp_status status)
{
    return pp__fail(err, status, "%s", pp_strerror(status));
}

void pp__warn(pp__warnings *sink, const char *fmt, ...)
{
    char line[PP_ERROR_MESSAGE_SIZE];
    va_list args;
    uint64_t hash;
    unsigned i;

    if (sink == NULL || sink->fn == NULL)
        return;
    va_start(args, fmt);
    pp__vformat(line, sizeof line, fmt, args);
    va_end(args);

    hash = pp__hash_text(line);
    for (i = 0; i < sink->ngiven; i++)
        if (sink->given[i] == hash)
            return;
    if (sink->ngiven < PP__WARNINGS_REMEMBERED)
        sink->given[sink->ngiven++] = hash;
    sink->fn(sink->user, line);
}
