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

/*
 * Levenshtein distance with a swap of two neighbours counted as one edit
 * (the optimal string alignment distance): 'ulr' is one edit from 'url'.
 */
size_t pp__edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *rows, *before, *above, *row, i, j, result;

    /* Names compared here are short keys; long inputs are never close. */
    if (la > 256 || lb > 256)
        return la > lb ? la : lb;
    rows = malloc(3 * (lb + 1) * sizeof *rows);
    if (rows == NULL)
        return la > lb ? la : lb;
    before = rows;
    above = rows + (lb + 1);
    row = rows + 2 * (lb + 1);
    for (j = 0; j <= lb; j++)
        above[j] = j;
    for (i = 1; i <= la; i++) {
        size_t *spare = before;
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t best = above[j - 1] + (a[i - 1] != b[j - 1]);
            if (above[j] + 1 < best)
                best = above[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            row[j] = best;
        }
        before = above;
        above = row;
        row = spare;
    }
    result = above[lb];
    free(rows);
    return result;
}

void pp__nearest_init(pp__nearest *n, const char *wanted)
{
    n->wanted = wanted;
    n->best = NULL;
    n->distance = (size_t)-1;
    n->folded = false;
}

static bool equal_but_for_case(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return *a == *b;
}

void pp__nearest_offer(pp__nearest *n, const char *candidate)
{
    size_t d;

    if (n->folded)
        return;
    if (equal_but_for_case(n->wanted, candidate)) {
        n->best = candidate;
        n->folded = true;
        return;
    }
    d = pp__edit_distance(n->wanted, candidate);
    if (d < n->distance) {
        n->distance = d;
        n->best = candidate;
    }
}

const char *pp__nearest_found(const pp__nearest *n)
{
    size_t len = strlen(n->wanted), longer;

    if (n->folded)
        return n->best;
    if (n->best == NULL)
        return NULL;
    /* Within a third of the length, at least 2 edits, is a likely typo;
       but not when half the longer name changes ('cnt' is not 'c0'). */
    longer = strlen(n->best) > len ? strlen(n->best) : len;
    if (n->distance <= 2 + len / 3 && 2 * n->distance <= longer)
        return n->best;
    return NULL;
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
