/*
 * Finding where a value sits in the spec's JSON text.
 *
 * jansson parses the spec and reports syntax errors with their line and
 * column, but a decoded value does not remember where it came from. Messages
 * about valid JSON that means something wrong ("unknown key", "column not in
 * the CSV") still have to point at the spot, so this file walks the text
 * along one path. It runs only when a message is being written, on text
 * jansson has already accepted, so it can skip values without validating.
 */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cursor {
    const char *text;
    size_t len, pos;
} cursor;

static void skip_space(cursor *c)
{
    while (c->pos < c->len && strchr(" \t\r\n", c->text[c->pos]) != NULL)
        c->pos++;
}

static void position_of(const cursor *c, size_t pos, int *line, int *column)
{
    size_t i;

    *line = 1;
    *column = 1;
    for (i = 0; i < pos && i < c->len; i++) {
        if (c->text[i] == '\n') {
            (*line)++;
            *column = 1;
        } else if (((unsigned char)c->text[i] & 0xC0) != 0x80) {
            /* Columns count characters, not UTF-8 continuation bytes. */
            (*column)++;
        }
    }
}

/*
 * Reads a string starting at the opening quote into out (escapes decoded
 * well enough to compare keys; \u escapes outside ASCII become '?').
 * Returns false when out is too small.
 */
static bool read_string(cursor *c, char *out, size_t size)
{
    size_t n = 0;
    bool fits = true;

    c->pos++;
    while (c->pos < c->len && c->text[c->pos] != '"') {
        char ch = c->text[c->pos++];

        if (ch == '\\' && c->pos < c->len) {
            char esc = c->text[c->pos++];
            const char *from = "nrtbf", *to = "\n\r\t\b\f";
            const char *hit = strchr(from, esc);

            if (esc == 'u') {
                unsigned long code = strtoul(
                    (char[5]){c->text[c->pos], c->text[c->pos + 1],
                              c->text[c->pos + 2], c->text[c->pos + 3], 0},
                    NULL, 16);
                c->pos += 4;
                ch = code < 0x80 ? (char)code : '?';
            } else {
                ch = hit != NULL ? to[hit - from] : esc;
            }
        }
        if (n + 1 < size)
            out[n++] = ch;
        else
            fits = false;
    }
    c->pos++;
    out[n] = '\0';
    return fits;
}

static void skip_value(cursor *c)
{
    int depth = 0;

    skip_space(c);
    do {
        char ch;

        if (c->pos >= c->len)
            return;
        ch = c->text[c->pos];
        if (ch == '"') {
            c->pos++;
            while (c->pos < c->len && c->text[c->pos] != '"')
                c->pos += c->text[c->pos] == '\\' ? 2 : 1;
            c->pos++;
        } else if (ch == '{' || ch == '[') {
            depth++;
            c->pos++;
        } else if (ch == '}' || ch == ']') {
            depth--;
            c->pos++;
        } else if (depth == 0) {
            /* A scalar: runs up to the next delimiter. */
            while (c->pos < c->len &&
                   strchr(",}] \t\r\n", c->text[c->pos]) == NULL)
                c->pos++;
        } else {
            c->pos++;
        }
    } while (depth > 0);
}

/* The next segment of an encoded path: its kind and text. */
static const char *next_segment(const char *path, char *kind, char *buf,
                                size_t size)
{
    size_t n = 0;

    *kind = *path++;
    while (*path != '\0' && *path != PP__PATH_KEY && *path != PP__PATH_INDEX) {
        if (n + 1 < size)
            buf[n++] = *path;
        path++;
    }
    buf[n] = '\0';
    return path;
}

/*
 * How many path segments a key consumes: 1 when it equals the first key
 * segment, k when it is the first k key segments joined by dots, else 0.
 */
static int key_matches(const char *key, const char *path)
{
    char kind, segment[512];
    size_t klen = strlen(key);
    size_t used = 0;
    int count = 0;

    while (*path != '\0') {
        size_t slen;

        path = next_segment(path, &kind, segment, sizeof segment);
        slen = strlen(segment);
        if (kind != PP__PATH_KEY || used + slen > klen ||
            strncmp(key + used, segment, slen) != 0)
            return 0;
        used += slen;
        count++;
        if (used == klen)
            return count;
        if (key[used] != '.')
            return 0;
        used++;
    }
    /* "y_range.start" stands where the path "y_range" is asked for. */
    return count;
}

static const char *skip_segments(const char *path, int count)
{
    char kind, segment[512];

    while (count-- > 0 && *path != '\0')
        path = next_segment(path, &kind, segment, sizeof segment);
    return path;
}

/* Walks from the value at c->pos along path; sets *key_pos for the last key. */
static bool follow(cursor *c, const char *path, size_t *key_pos)
{
    char kind, segment[512], key[512];

    skip_space(c);
    if (*path == '\0')
        return true;
    next_segment(path, &kind, segment, sizeof segment);

    if (kind == PP__PATH_INDEX && c->pos < c->len && c->text[c->pos] == '[') {
        long want = atol(segment), i;

        c->pos++;
        for (i = 0; i < want; i++) {
            skip_value(c);
            skip_space(c);
            if (c->pos >= c->len || c->text[c->pos] != ',')
                return false;
            c->pos++;
        }
        skip_space(c);
        *key_pos = c->pos;
        return follow(c, skip_segments(path, 1), key_pos);
    }

    if (kind != PP__PATH_KEY || c->pos >= c->len || c->text[c->pos] != '{')
        return false;
    c->pos++;
    for (;;) {
        size_t this_key;
        int used;

        skip_space(c);
        if (c->pos >= c->len || c->text[c->pos] != '"')
            return false;
        this_key = c->pos;
        if (!read_string(c, key, sizeof key))
            key[0] = '\0';
        skip_space(c);
        c->pos++; /* the colon */
        used = key_matches(key, path);
        if (used > 0) {
            *key_pos = this_key;
            return follow(c, skip_segments(path, used), key_pos);
        }
        skip_value(c);
        skip_space(c);
        if (c->pos >= c->len || c->text[c->pos] != ',')
            return false;
        c->pos++;
    }
}

bool pp__json_locate(const char *text, size_t len, const char *path,
                     bool at_key, int *line, int *column)
{
    cursor c = {text, len, 0};
    size_t key_pos = 0;
    char *parent;
    bool found;

    *line = *column = 0;
    if (text == NULL)
        return false;
    if (follow(&c, path != NULL ? path : "", &key_pos)) {
        position_of(&c, at_key && key_pos ? key_pos : c.pos, line, column);
        return true;
    }

    /* A default the spec does not write (an edge's "start" column, say)
       is placed at the object it belongs to: its path without the last
       segment. */
    if (path == NULL || path[0] == '\0')
        return false;
    parent = pp__strdup(path);
    if (parent == NULL)
        return false;
    {
        char *last = NULL, *p;
        for (p = parent; *p != '\0'; p++)
            if (*p == PP__PATH_KEY || *p == PP__PATH_INDEX)
                last = p;
        if (last == NULL) {     /* no segment to drop: nothing above */
            free(parent);
            return false;
        }
        *last = '\0';
    }
    found = parent[0] != '\0' &&
            pp__json_locate(text, len, parent, false, line, column);
    free(parent);
    return found;
}

void pp__loc_describe(const pp__loc *loc, char *buf, size_t size)
{
    const char *path = loc != NULL && loc->path != NULL ? loc->path : "";
    char kind, segment[512];
    size_t n = 0;

    buf[0] = '\0';
    while (*path != '\0' && n + 1 < size) {
        int wrote;

        path = next_segment(path, &kind, segment, sizeof segment);
        if (kind == PP__PATH_INDEX)
            wrote = snprintf(buf + n, size - n, "[%s]", segment);
        else
            wrote = snprintf(buf + n, size - n, "%s%s", n ? "." : "",
                             segment);
        if (wrote < 0 || (size_t)wrote >= size - n)
            break;
        n += (size_t)wrote;
    }
}

void pp__loc_prefix(const pp_figure_t *fig, const pp__loc *loc, bool at_key,
                    char *buf, size_t size)
{
    int line, column;
    const char *name = fig->spec_path != NULL ? fig->spec_path : "spec";

    if (loc != NULL && pp__json_locate(fig->spec_text, fig->spec_len,
                                       loc->path, at_key, &line, &column))
        snprintf(buf, size, "%s:%d:%d: ", name, line, column);
    else
        snprintf(buf, size, "%s: ", name);
}
