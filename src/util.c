/* Strings, growable arrays and edit distance. */
#include "pp_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *pp__strndup(const char *s, size_t n)
{
    char *copy = malloc(n + 1);

    if (copy == NULL)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *pp__strdup(const char *s)
{
    return s == NULL ? NULL : pp__strndup(s, strlen(s));
}

uint64_t pp__hash_text(const char *text)
{
    uint64_t h = 14695981039346656037u;

    for (; *text != '\0'; text++)
        h = (h ^ (unsigned char)*text) * 1099511628211u;
    return h;
}

bool pp__grow(void **items, size_t *capacity, size_t needed, size_t item_size)
{
    size_t new_capacity = *capacity ? *capacity : 8;
    void *grown;

    if (needed <= *capacity)
        return true;
    while (new_capacity < needed) {
        if (new_capacity > SIZE_MAX / 2 / item_size)
            return false;
        new_capacity *= 2;
    }
    grown = realloc(*items, new_capacity * item_size);
    if (grown == NULL)
        return false;
    *items = grown;
    *capacity = new_capacity;
    return true;
}

void pp__str_append(pp__str *s, const char *text, size_t len)
{
    if (s->failed)
        return;
    if (!pp__grow((void **)&s->data, &s->cap, s->len + len + 1, 1)) {
        s->failed = true;
        return;
    }
    memcpy(s->data + s->len, text, len);
    s->len += len;
    s->data[s->len] = '\0';
}

void pp__str_puts(pp__str *s, const char *text)
{
    pp__str_append(s, text, strlen(text));
}

void pp__str_printf(pp__str *s, const char *fmt, ...)
{
    va_list args;
    int needed;

    if (s->failed)
        return;
    va_start(args, fmt);
    needed = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (needed < 0 ||
        !pp__grow((void **)&s->data, &s->cap, s->len + (size_t)needed + 1, 1)) {
        s->failed = true;
        return;
    }
    va_start(args, fmt);
    vsnprintf(s->data + s->len, (size_t)needed + 1, fmt, args);
    va_end(args);
    s->len += (size_t)needed;
}

void pp__str_free(pp__str *s)
{
    free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
    s->failed = false;
}

size_t pp__edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row, i, j, result;

    /* Names compared here are short keys; long inputs are never close. */
    if (la > 256 || lb > 256)
        return la > lb ? la : lb;
    row = malloc((lb + 1) * sizeof *row);
    if (row == NULL)
        return la > lb ? la : lb;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    result = row[lb];
    free(row);
    return result;
}

/*
 * The length of the valid UTF-8 sequence at s (at most n bytes), or 0.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid.
 */
size_t pp__utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char lo = 0x80, hi = 0xBF;
    size_t length, i;

    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        length = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        length = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        length = 4;
    else
        return 0;
    if (s[0] == 0xE0)
        lo = 0xA0;          /* shorter forms are overlong */
    else if (s[0] == 0xED)
        hi = 0x9F;          /* U+D800..U+DFFF are surrogates */
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;          /* beyond U+10FFFF */

    if (n < length || s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < length; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return length;
}

void pp__free_strings(char **items, size_t n)
{
    size_t i;

    if (items == NULL)
        return;
    for (i = 0; i < n; i++)
        free(items[i]);
    free(items);
}
