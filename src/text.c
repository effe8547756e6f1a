/*
 * Text with FreeType, measured and placed the way Chromium's canvas does it
 * on Linux (Skia over FreeType), so that figures match Bokeh's.
 *
 * - Widths are sums of unhinted advances in font units plus the 'kern'
 *   table's pairs, scaled to the size: fractional, like measureText.
 * - Each glyph is rasterized by FreeType for its own subpixel phase and
 *   cached per face, size, glyph and phase; a run of text is the cached
 *   masks blended one after the other (as Skia draws a glyph run).
 * - Rotated text rotates the horizontal masks by exactly 90 degrees.
 *
 * Coordinates: callers use screen coordinates, where (i, j) is the centre
 * of pixel (i, j). Chromium's device coordinates put pixel edges on the
 * integers, so the device position of a screen point is (x + 0.5, y + 0.5).
 */
#include "pp_text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H

#define NFACES 3

#ifndef PP_DEFAULT_FONT_DIR
#define PP_DEFAULT_FONT_DIR "fonts"
#endif

/* Sizes beyond this would make glyph bitmaps of many megabytes. */
#define MAX_SIZE_PX 4096.0

/* The glyph cache empties itself at this many masks (a figure uses ~200). */
#define MAX_CACHED_GLYPHS 16384

/* Pen positions beyond this many pixels from the origin are off any canvas. */
#define FAR_AWAY 1e8

static const char *const face_files[NFACES] = {
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf"
};

/* One rendered glyph mask. */
typedef struct cached_glyph {
    uint32_t glyph_plus_one;    /* 0 marks an empty slot */
    int32_t size64;             /* size in 1/64 px */
    uint8_t face, phase_x, phase_y;
    int left, top;              /* mask offset from the pen: right, up */
    int width, height;
    uint8_t *pixels;            /* width * height coverage bytes */
} cached_glyph;

/* An open-addressing hash table of glyph masks. */
typedef struct glyph_cache {
    cached_glyph *slots;
    size_t capacity, count;     /* capacity is a power of two */
} glyph_cache;

/* A glyph of a laid-out text and its pen position in font units. */
typedef struct placed_glyph {
    FT_UInt glyph;
    long x_units;
} placed_glyph;

/* Metrics of one face at one size, computed on first use. */
typedef struct size_metrics {
    int32_t size64;             /* 0 when not computed yet */
    double cap_height, x_height;
} size_metrics;

/* A text laid out before: its glyphs and width in one face, in font units. */
typedef struct cached_layout {
    char *text;                 /* NULL marks an empty slot */
    int face;
    placed_glyph *glyphs;
    size_t count;
    long width_units;
} cached_layout;

/* Layouts by text: a figure measures and draws each label several times. */
typedef struct layout_cache {
    cached_layout *slots;
    size_t capacity, count;     /* capacity is a power of two */
} layout_cache;

/* The layout cache empties itself at this many texts. */
#define MAX_CACHED_LAYOUTS 4096

/* Its first size, in slots: it doubles from there, at half full. A figure
   lays out a few dozen texts; 8192 slots at once would be 320 kB of fresh
   pages, each faulted in when emptied or probed (80 page faults). */
#define FIRST_LAYOUT_SLOTS 64

struct pp_fonts {
    char *dir;                          /* where the faces came from */
    FT_Library library;
    FT_Face faces[NFACES];
    FT_F26Dot6 face_size64[NFACES];     /* size last set on each face */
    size_metrics metrics[NFACES];
    pp__text_options options;
    uint8_t curve[256];
    pp__warnings warnings;
    uint32_t *warned_code_points;
    size_t nwarned, warned_cap;
    uint64_t *warned_texts;             /* hashes of invalid UTF-8 texts */
    size_t nwarned_texts, warned_texts_cap;
    placed_glyph *run;                  /* scratch for layout */
    size_t run_cap;
    uint8_t *rotated;                   /* scratch for rotated masks */
    size_t rotated_cap;
    glyph_cache cache;
    layout_cache layouts;
};

/* A laid-out text: glyphs, width, and the face and scale they are for. */
typedef struct text_run {
    const placed_glyph *glyphs;
    size_t count;
    long width_units;
    int face;
    double scale;               /* pixels per font unit; 0 draws nothing */
} text_run;

/* ------------------------------------------------------------------------ */
/* Settings                                                                  */
/* ------------------------------------------------------------------------ */

/*
 * Chosen with tests/tools/text_match.c on fig1_timeline.png: light hinting
 * (Chromium's "slight": vertical snapping only), quarter-pixel glyph
 * positions, whole-pixel baselines and a slight contrast boost left the
 * least difference from Bokeh's text.
 */
void pp__text_default_options(pp__text_options *options)
{
    options->hinting = PP__HINTING_LIGHT;
    options->x_phases = 4;
    options->snap_baseline = true;
    options->contrast = 0.05;
}

static void cache_clear(glyph_cache *cache)
{
    size_t i;

    for (i = 0; i < cache->capacity; i++)
        free(cache->slots[i].pixels);
    free(cache->slots);
    memset(cache, 0, sizeof *cache);
}

static void layouts_clear(layout_cache *cache)
{
    size_t i;

    for (i = 0; i < cache->capacity; i++) {
        free(cache->slots[i].text);
        free(cache->slots[i].glyphs);
    }
    free(cache->slots);
    memset(cache, 0, sizeof *cache);
}

void pp__fonts_set_options(pp_fonts_t *fonts, const pp__text_options *options)
{
    int i;

    fonts->options = *options;
    /* Phases must divide FreeType's 1/64 px units. */
    if (options->x_phases < 1 || options->x_phases > 64 ||
        64 % options->x_phases != 0)
        fonts->options.x_phases = 4;
    for (i = 0; i < 256; i++) {
        double a = i / 255.0;

        a += options->contrast * a * (1.0 - a);
        fonts->curve[i] = (uint8_t)lround(255.0 * fmin(fmax(a, 0.0), 1.0));
    }
    memset(fonts->metrics, 0, sizeof fonts->metrics);
    cache_clear(&fonts->cache);
}

static FT_Int32 load_flags(const pp__text_options *options)
{
    switch (options->hinting) {
    case PP__HINTING_NONE:
        return FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;
    case PP__HINTING_LIGHT:
        return FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP;
    case PP__HINTING_LIGHT_AUTO:
        return FT_LOAD_TARGET_LIGHT | FT_LOAD_FORCE_AUTOHINT |
               FT_LOAD_NO_BITMAP;
    case PP__HINTING_NORMAL:
        return FT_LOAD_TARGET_NORMAL | FT_LOAD_NO_BITMAP;
    }
    return FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */
/* ------------------------------------------------------------------------ */

/* Opens one face; a failure names the full path and the reason. */
static pp_status open_face(pp_fonts_t *fonts, const char *dir, int index,
                           pp_error_t *err)
{
    size_t len = strlen(dir);
    const char *sep = len > 0 && dir[len - 1] == '/' ? "" : "/";
    char path[4096];
    FILE *probe;
    FT_Error error;

    snprintf(path, sizeof path, "%s%s%s", dir, sep, face_files[index]);
    error = FT_New_Face(fonts->library, path, 0, &fonts->faces[index]);
    if (error == 0 && FT_IS_SCALABLE(fonts->faces[index]))
        return PP_OK;

    /* Find out why: the file's absence is the usual reason. */
    probe = fopen(path, "rb");
    if (probe == NULL)
        return pp__fail(err, PP_ERR_FONT, "cannot open font %s: %s", path,
                        strerror(errno));
    fclose(probe);
    return pp__fail(err, PP_ERR_FONT,
                    "cannot load font %s: not a usable TrueType font "
                    "(FreeType error %d)", path, (int)error);
}

pp_status pp_fonts_load(const char *dir, pp_fonts_t **out, pp_error_t *err)
{
    pp_fonts_t *fonts;
    pp__text_options options;
    pp_status status;
    int i;

    if (out == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "no place for the fonts");
    *out = NULL;
    if (dir == NULL)
        dir = PP_DEFAULT_FONT_DIR;
    fonts = calloc(1, sizeof *fonts);
    if (fonts == NULL || (fonts->dir = pp__strdup(dir)) == NULL) {
        free(fonts);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    if (FT_Init_FreeType(&fonts->library) != 0) {
        free(fonts->dir);
        free(fonts);
        return pp__fail(err, PP_ERR_FONT, "cannot start FreeType");
    }

    for (i = 0; i < NFACES; i++) {
        status = open_face(fonts, dir, i, err);
        if (status != PP_OK) {
            pp_fonts_destroy(fonts);
            return status;
        }
    }
    pp__text_default_options(&options);
    pp__fonts_set_options(fonts, &options);
    *out = fonts;
    return PP_OK;
}

void pp_fonts_destroy(pp_fonts_t *fonts)
{
    int i;

    if (fonts == NULL)
        return;
    cache_clear(&fonts->cache);
    layouts_clear(&fonts->layouts);
    for (i = 0; i < NFACES; i++)
        if (fonts->faces[i] != NULL)
            FT_Done_Face(fonts->faces[i]);
    FT_Done_FreeType(fonts->library);
    free(fonts->warned_code_points);
    free(fonts->warned_texts);
    free(fonts->run);
    free(fonts->rotated);
    free(fonts->dir);
    free(fonts);
}

pp_status pp__fonts_clone(const pp_fonts_t *fonts, pp_fonts_t **out)
{
    pp_error_t scratch;
    pp_status status = pp_fonts_load(fonts->dir, out, &scratch);

    if (status == PP_OK)
        pp__fonts_set_options(*out, &fonts->options);
    return status;
}

void pp_fonts_set_warning_handler(pp_fonts_t *fonts, pp_warning_fn fn,
                                  void *user)
{
    if (fonts == NULL)
        return;
    fonts->warnings.fn = fn;
    fonts->warnings.user = user;
}

/* ------------------------------------------------------------------------ */
/* UTF-8 and warnings                                                        */
/* ------------------------------------------------------------------------ */

/*
 * The bytes that may follow a lead byte (the table of well-formed UTF-8 in
 * the Unicode standard), which rules out overlong forms, surrogates and
 * values past U+10FFFF.
 */
static void second_byte_range(unsigned lead, unsigned *lo, unsigned *hi)
{
    *lo = 0x80;
    *hi = 0xbf;
    if (lead == 0xe0)
        *lo = 0xa0;
    else if (lead == 0xed)
        *hi = 0x9f;
    else if (lead == 0xf0)
        *lo = 0x90;
    else if (lead == 0xf4)
        *hi = 0x8f;
}

/*
 * Decodes one code point at s (before end) and returns the bytes used. An
 * ill-formed sequence gives U+FFFD with *valid false and uses its maximal
 * well-formed prefix (at least one byte), as browsers do. Each byte is
 * checked before the next is read, so decoding never passes the end.
 */
static size_t decode_utf8(const unsigned char *s, const unsigned char *end,
                          uint32_t *cp, bool *valid)
{
    unsigned lead = s[0], lo, hi;
    size_t len, i;
    uint32_t c;

    *valid = true;
    *cp = lead;
    if (lead < 0x80)
        return 1;
    len = lead >= 0xc2 && lead <= 0xdf ? 2
        : lead >= 0xe0 && lead <= 0xef ? 3
        : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    *valid = false;
    *cp = 0xfffd;
    if (len == 0)
        return 1;

    second_byte_range(lead, &lo, &hi);
    c = lead & (0x7fu >> len);
    for (i = 1; i < len; i++) {
        if (s + i >= end || s[i] < lo || s[i] > hi)
            return i;
        c = c << 6 | (s[i] & 0x3fu);
        lo = 0x80;
        hi = 0xbf;
    }
    *valid = true;
    *cp = c;
    return len;
}

/* Warns about a code point the font lacks, once per code point. */
static void warn_missing(pp_fonts_t *fonts, FT_Face face, uint32_t cp)
{
    const char *name = FT_Get_Postscript_Name(face);
    size_t i;

    for (i = 0; i < fonts->nwarned; i++)
        if (fonts->warned_code_points[i] == cp)
            return;
    /* Out of memory only costs a repeated warning later. */
    if (pp__grow((void **)&fonts->warned_code_points, &fonts->warned_cap,
                 fonts->nwarned + 1, sizeof(uint32_t)))
        fonts->warned_code_points[fonts->nwarned++] = cp;
    pp__warn(&fonts->warnings, "missing glyph U+%04X in font %s",
             (unsigned)cp, name ? name : face->family_name);
}

/* Warns about invalid UTF-8, once per text, showing bad bytes as \xNN. */
static void warn_invalid(pp_fonts_t *fonts, const char *text)
{
    uint64_t h = pp__hash_text(text);
    char shown[160];
    size_t i, n = 0;

    for (i = 0; i < fonts->nwarned_texts; i++)
        if (fonts->warned_texts[i] == h)
            return;
    if (pp__grow((void **)&fonts->warned_texts, &fonts->warned_texts_cap,
                 fonts->nwarned_texts + 1, sizeof(uint64_t)))
        fonts->warned_texts[fonts->nwarned_texts++] = h;

    for (i = 0; text[i] != '\0' && n + 5 < sizeof shown; i++) {
        unsigned char c = (unsigned char)text[i];

        if (c >= 0x20 && c < 0x7f)
            shown[n++] = (char)c;
        else
            n += (size_t)snprintf(shown + n, sizeof shown - n, "\\x%02X", c);
    }
    shown[n] = '\0';
    pp__warn(&fonts->warnings,
             "invalid UTF-8 in text \"%s%s\": bad bytes replaced by "
             "U+FFFD", shown,
             text[i] != '\0' ? "..." : "");
}

/* ------------------------------------------------------------------------ */
/* Layout                                                                    */
/* ------------------------------------------------------------------------ */

static int face_index(pp_font_style style)
{
    switch (style) {
    case PP_FONT_NORMAL: return 0;
    case PP_FONT_BOLD: return 1;
    case PP_FONT_ITALIC: return 2;
    }
    return 0;
}

static pp_status set_size(pp_fonts_t *fonts, int face, int32_t size64)
{
    if (fonts->face_size64[face] == size64)
        return PP_OK;
    if (FT_Set_Char_Size(fonts->faces[face], 0, size64, 72, 72) != 0)
        return PP_ERR_FONT;
    fonts->face_size64[face] = size64;
    return PP_OK;
}

/* The glyph a code point draws with, warning when the font lacks it. */
static FT_UInt glyph_for(pp_fonts_t *fonts, FT_Face face, uint32_t cp,
                         bool valid)
{
    FT_UInt glyph;

    /* A canvas draws these white-space characters as spaces. */
    if (cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r')
        cp = ' ';
    glyph = FT_Get_Char_Index(face, cp);
    if (glyph == 0 && valid)
        warn_missing(fonts, face, cp);
    return glyph;
}

/* Lays out UTF-8 text along a line: glyphs and pen positions, in units. */
static pp_status lay_out(pp_fonts_t *fonts, int face_i, const char *utf8,
                         text_run *run)
{
    FT_Face face = fonts->faces[face_i];
    const unsigned char *p = (const unsigned char *)utf8;
    const unsigned char *end = p + strlen(utf8);
    FT_UInt previous = 0;
    bool any_invalid = false;
    long pen = 0;
    size_t n = 0;

    while (p < end) {
        uint32_t cp;
        bool valid;
        FT_UInt glyph;
        FT_Fixed advance;
        FT_Vector kern;

        p += decode_utf8(p, end, &cp, &valid);
        any_invalid = any_invalid || !valid;
        glyph = glyph_for(fonts, face, cp, valid);
        if (previous != 0 && glyph != 0 &&
            FT_Get_Kerning(face, previous, glyph, FT_KERNING_UNSCALED,
                           &kern) == 0)
            pen += kern.x;
        if (!pp__grow((void **)&fonts->run, &fonts->run_cap, n + 1,
                      sizeof *fonts->run))
            return PP_ERR_NOMEM;
        fonts->run[n].glyph = glyph;
        fonts->run[n++].x_units = pen;
        if (FT_Get_Advance(face, glyph, FT_LOAD_NO_SCALE, &advance) != 0)
            return PP_ERR_FONT;
        pen += advance;
        previous = glyph;
    }
    if (any_invalid)
        warn_invalid(fonts, utf8);

    run->glyphs = fonts->run;
    run->count = n;
    run->width_units = pen;
    run->face = face_i;
    run->scale = 0.0;
    return PP_OK;
}

static size_t layout_hash(int face, const char *text)
{
    return (size_t)(pp__hash_text(text) + (uint64_t)face);
}

/* Where a text goes in a table of that many slots (a power of two). */
static size_t free_slot(const cached_layout *slots, size_t capacity,
                        size_t hash)
{
    size_t i;

    for (i = hash & (capacity - 1); slots[i].text != NULL;
         i = (i + 1) & (capacity - 1))
        ;
    return i;
}

/* Doubles the table (or makes the first), moving the entries over. */
static bool layouts_grow(layout_cache *cache)
{
    size_t capacity = cache->capacity ? 2 * cache->capacity
                                       : FIRST_LAYOUT_SLOTS, i;
    cached_layout *slots = calloc(capacity, sizeof *slots);

    if (slots == NULL)
        return false;
    for (i = 0; i < cache->capacity; i++) {
        const cached_layout *entry = &cache->slots[i];

        if (entry->text != NULL)
            slots[free_slot(slots, capacity,
                            layout_hash(entry->face, entry->text))] = *entry;
    }
    free(cache->slots);
    cache->slots = slots;
    cache->capacity = capacity;
    return true;
}

/* Keeps a copy of a fresh layout; out of memory only costs a later miss. */
static void remember_layout(layout_cache *cache, const char *utf8,
                            const text_run *run, size_t hash)
{
    cached_layout entry;

    if (cache->count >= MAX_CACHED_LAYOUTS)
        layouts_clear(cache);
    if (2 * (cache->count + 1) > cache->capacity && !layouts_grow(cache))
        return;
    entry.text = pp__strdup(utf8);
    entry.face = run->face;
    entry.glyphs = malloc((run->count + 1) * sizeof *entry.glyphs);
    entry.count = run->count;
    entry.width_units = run->width_units;
    if (entry.text == NULL || entry.glyphs == NULL) {
        free(entry.text);
        free(entry.glyphs);
        return;
    }
    memcpy(entry.glyphs, run->glyphs, run->count * sizeof *entry.glyphs);
    cache->slots[free_slot(cache->slots, cache->capacity, hash)] = entry;
    cache->count++;
}

/*
 * Lays a text out in a face, or finds it laid out before. Warnings were
 * given the first time (and are given once anyway).
 */
static pp_status layout_text(pp_fonts_t *fonts, int face_i, const char *utf8,
                             text_run *run)
{
    layout_cache *cache = &fonts->layouts;
    size_t hash = layout_hash(face_i, utf8), i;
    pp_status status;

    for (i = hash & (cache->capacity - 1);
         cache->capacity > 0 && cache->slots[i].text != NULL;
         i = (i + 1) & (cache->capacity - 1)) {
        const cached_layout *hit = &cache->slots[i];

        if (hit->face != face_i || strcmp(hit->text, utf8) != 0)
            continue;
        run->glyphs = hit->glyphs;
        run->count = hit->count;
        run->width_units = hit->width_units;
        run->face = face_i;
        run->scale = 0.0;
        return PP_OK;
    }
    status = lay_out(fonts, face_i, utf8, run);
    if (status == PP_OK)
        remember_layout(cache, utf8, run, hash);
    return status;
}

void pp__fonts_copy_caches(pp_fonts_t *to, const pp_fonts_t *from)
{
    const layout_cache *cache = &from->layouts;
    size_t i;
    int face;

    for (face = 0; face < NFACES; face++)
        if (to->metrics[face].size64 == 0)
            to->metrics[face] = from->metrics[face];
    for (i = 0; i < cache->capacity; i++) {
        const cached_layout *entry = &cache->slots[i];
        text_run run;

        if (entry->text == NULL)
            continue;
        run.glyphs = entry->glyphs;
        run.count = entry->count;
        run.width_units = entry->width_units;
        run.face = entry->face;
        remember_layout(&to->layouts, entry->text, &run,
                        layout_hash(entry->face, entry->text));
    }
}

/* Checks a style and returns its size in 1/64 px. */
static pp_status check_style(const pp_text_style_t *style, int32_t *size64)
{
    if (style == NULL || !(style->size_px >= 0.0))
        return PP_ERR_ARGUMENT;
    if (style->size_px > MAX_SIZE_PX)
        return PP_ERR_LIMIT;
    if (style->angle != 0 && style->angle != 90)
        return PP_ERR_ARGUMENT;
    *size64 = (int32_t)lround(style->size_px * 64.0);
    return PP_OK;
}

/*
 * Checks the style, sets the size and lays out the text: the start of
 * measure and draw. A size below 1/128 px gives an empty run of scale 0.
 */
static pp_status prepare_run(pp_fonts_t *fonts, const char *utf8,
                             const pp_text_style_t *style, text_run *run)
{
    int face;
    int32_t size64;
    pp_status status;

    memset(run, 0, sizeof *run);
    status = check_style(style, &size64);
    if (status != PP_OK || size64 == 0)
        return status;
    face = face_index(style->font_style);
    status = set_size(fonts, face, size64);
    if (status != PP_OK)
        return status;

    status = layout_text(fonts, face, utf8, run);
    run->scale = style->size_px / fonts->faces[face]->units_per_EM;
    return status;
}

/* ------------------------------------------------------------------------ */
/* Metrics                                                                   */
/* ------------------------------------------------------------------------ */

/* How far the ink of a character rises above the baseline, in pixels. */
static double ink_top(pp_fonts_t *fonts, FT_Face face, uint32_t cp)
{
    FT_BBox box;

    if (FT_Load_Char(face, cp, load_flags(&fonts->options)) != 0 ||
        face->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
        return 0.0;
    FT_Outline_Get_CBox(&face->glyph->outline, &box);
    /* A browser reports whole pixels: the top row of the glyph's mask. */
    return (double)((box.yMax + 63) >> 6);
}

static const size_metrics *metrics_for(pp_fonts_t *fonts, int face,
                                       int32_t size64)
{
    size_metrics *m = &fonts->metrics[face];

    if (m->size64 != size64) {
        m->cap_height = ink_top(fonts, fonts->faces[face], 'M');
        m->x_height = ink_top(fonts, fonts->faces[face], 'x');
        m->size64 = size64;
    }
    return m;
}

pp_status pp_text_measure(pp_fonts_t *fonts, const char *utf8,
                          const pp_text_style_t *style,
                          pp_text_metrics_t *out)
{
    const size_metrics *m;
    text_run run;
    FT_Face face;
    pp_status status;

    if (fonts == NULL || utf8 == NULL || out == NULL)
        return PP_ERR_ARGUMENT;
    memset(out, 0, sizeof *out);
    status = prepare_run(fonts, utf8, style, &run);
    if (status != PP_OK || run.scale == 0.0)
        return status;
    face = fonts->faces[run.face];
    m = metrics_for(fonts, run.face, fonts->face_size64[run.face]);
    out->width = run.width_units * run.scale;
    /* Chromium rounds the hhea ascent and descent to whole pixels. */
    out->ascent = floor(face->ascender * run.scale + 0.5);
    out->descent = floor(-face->descender * run.scale + 0.5);
    out->cap_height = m->cap_height;
    out->x_height = m->x_height;
    return PP_OK;
}

/*
 * The em box as Chromium's canvas defines it for textBaseline top, middle
 * and bottom: the OS/2 typographic ascent and descent, scaled so that they
 * add up to the font size, in 1/64 px.
 */
static void em_box(FT_Face face, double size, double *ascent, double *descent)
{
    const TT_OS2 *os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2);
    double a = face->ascender, d = -face->descender;

    if (os2 != NULL && os2->version != 0xffff && os2->sTypoAscender >= 0 &&
        os2->sTypoDescender <= 0 &&
        os2->sTypoAscender - os2->sTypoDescender > 0) {
        a = os2->sTypoAscender;
        d = -os2->sTypoDescender;
    }
    *ascent = floor(a * size / (a + d) * 64.0 + 0.5) / 64.0;
    *descent = floor(size * 64.0 + 0.5) / 64.0 - *ascent;
}

/* How far below the anchor the alphabetic baseline lies, in pixels. */
static double baseline_shift(FT_Face face, const pp_text_style_t *style)
{
    double ascent, descent;

    em_box(face, style->size_px, &ascent, &descent);
    switch (style->baseline) {
    case PP_BASELINE_ALPHABETIC: return 0.0;
    case PP_BASELINE_TOP: return ascent;
    case PP_BASELINE_MIDDLE: return (ascent - descent) / 2.0;
    case PP_BASELINE_BOTTOM: return -descent;
    }
    return 0.0;
}

/* ------------------------------------------------------------------------ */
/* Glyph cache                                                               */
/* ------------------------------------------------------------------------ */

static size_t glyph_hash(uint32_t glyph, int32_t size64, int face,
                         int phase_x, int phase_y)
{
    uint32_t h = glyph * 2654435761u;

    h ^= (uint32_t)size64 * 2246822519u;
    h ^= (uint32_t)(face << 16 | phase_x << 8 | phase_y) * 3266489917u;
    return h ^ (h >> 15);
}

static cached_glyph *cache_slot(glyph_cache *cache, uint32_t glyph,
                                int32_t size64, int face, int phase_x,
                                int phase_y)
{
    size_t mask = cache->capacity - 1;
    size_t i = glyph_hash(glyph, size64, face, phase_x, phase_y) & mask;

    for (;; i = (i + 1) & mask) {
        cached_glyph *g = &cache->slots[i];

        if (g->glyph_plus_one == 0 ||
            (g->glyph_plus_one == glyph + 1 && g->size64 == size64 &&
             g->face == face && g->phase_x == phase_x &&
             g->phase_y == phase_y))
            return g;
    }
}

/* Makes room for one more glyph: doubles the table at half load. */
static bool cache_reserve(glyph_cache *cache)
{
    glyph_cache bigger;
    size_t i;

    if (cache->count >= MAX_CACHED_GLYPHS)
        cache_clear(cache);
    if ((cache->count + 1) * 2 <= cache->capacity)
        return true;
    bigger.capacity = cache->capacity ? cache->capacity * 2 : 256;
    bigger.count = cache->count;
    bigger.slots = calloc(bigger.capacity, sizeof *bigger.slots);
    if (bigger.slots == NULL)
        return false;
    for (i = 0; i < cache->capacity; i++) {
        cached_glyph *g = &cache->slots[i];

        if (g->glyph_plus_one != 0)
            *cache_slot(&bigger, g->glyph_plus_one - 1, g->size64, g->face,
                        g->phase_x, g->phase_y) = *g;
    }
    free(cache->slots);
    *cache = bigger;
    return true;
}

/* Copies FreeType's bitmap into a cache entry, through the coverage curve. */
static bool keep_bitmap(pp_fonts_t *fonts, const FT_GlyphSlot slot,
                        cached_glyph *g)
{
    const FT_Bitmap *bm = &slot->bitmap;
    int row, col;

    g->left = slot->bitmap_left;
    g->top = slot->bitmap_top;
    g->width = (int)bm->width;
    g->height = (int)bm->rows;
    g->pixels = NULL;
    if (g->width == 0 || g->height == 0)
        return true;
    g->pixels = malloc((size_t)g->width * (size_t)g->height);
    if (g->pixels == NULL)
        return false;
    for (row = 0; row < g->height; row++) {
        const uint8_t *src = bm->buffer + (ptrdiff_t)row * bm->pitch;
        uint8_t *dst = g->pixels + (size_t)row * g->width;

        for (col = 0; col < g->width; col++)
            dst[col] = fonts->curve[src[col]];
    }
    return true;
}

/*
 * The mask of a glyph whose origin sits phase_x / x_phases px right of and
 * phase_y / x_phases px below a pixel corner.
 */
static pp_status get_glyph(pp_fonts_t *fonts, int face_i, FT_UInt glyph,
                           int phase_x, int phase_y, const cached_glyph **out)
{
    FT_Face face = fonts->faces[face_i];
    int32_t size64 = (int32_t)fonts->face_size64[face_i];
    int step = 64 / fonts->options.x_phases;
    cached_glyph *g;

    if (fonts->cache.capacity > 0) {
        g = cache_slot(&fonts->cache, glyph, size64, face_i, phase_x, phase_y);
        if (g->glyph_plus_one != 0) {
            *out = g;
            return PP_OK;
        }
    }

    if (FT_Load_Glyph(face, glyph, load_flags(&fonts->options)) != 0 ||
        face->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
        return PP_ERR_FONT;
    /* FreeType's y axis points up: a lower baseline is a negative shift. */
    FT_Outline_Translate(&face->glyph->outline, phase_x * step,
                         -phase_y * step);
    if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0)
        return PP_ERR_FONT;

    if (!cache_reserve(&fonts->cache))
        return PP_ERR_NOMEM;
    g = cache_slot(&fonts->cache, glyph, size64, face_i, phase_x, phase_y);
    if (!keep_bitmap(fonts, face->glyph, g))
        return PP_ERR_NOMEM;
    g->glyph_plus_one = glyph + 1;
    g->size64 = size64;
    g->face = (uint8_t)face_i;
    g->phase_x = (uint8_t)phase_x;
    g->phase_y = (uint8_t)phase_y;
    fonts->cache.count++;
    *out = g;
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                   */
/* ------------------------------------------------------------------------ */

/* Splits a device coordinate into a whole pixel and a phase in 0..n-1. */
static void quantize(double v, int phases, int *whole, int *phase)
{
    double q = floor(v * phases + 0.5);
    double w = floor(q / phases);

    *whole = (int)w;
    *phase = (int)(q - w * phases);
}

/*
 * Blends a glyph mask whose top-left corner is at pixel (px, py) of the
 * text's own frame. For rotated text that frame is the canvas turned by 90
 * degrees clockwise: its pixel (p, q) is canvas pixel (q, -p - 1).
 */
static pp_status blend_glyph(pp_canvas_t *canvas, pp_fonts_t *fonts,
                             const cached_glyph *g, int px, int py,
                             bool rotated, pp_color_t color)
{
    size_t size = (size_t)g->width * (size_t)g->height;
    int r, c;

    if (!rotated) {
        pp__canvas_blend_mask(canvas, px, py, g->pixels, g->width, g->height,
                              g->width, color);
        return PP_OK;
    }
    if (!pp__grow((void **)&fonts->rotated, &fonts->rotated_cap, size, 1))
        return PP_ERR_NOMEM;
    /* Column c of the mask becomes row width - 1 - c. */
    for (r = 0; r < g->height; r++)
        for (c = 0; c < g->width; c++)
            fonts->rotated[(size_t)(g->width - 1 - c) * g->height + r] =
                g->pixels[(size_t)r * g->width + c];
    pp__canvas_blend_mask(canvas, py, -px - g->width, fonts->rotated,
                          g->height, g->width, g->height, color);
    return PP_OK;
}

/*
 * Draws a laid-out run whose pen starts at (start, baseline) in device
 * coordinates of the text's frame.
 */
static pp_status draw_run(pp_canvas_t *canvas, pp_fonts_t *fonts,
                          const text_run *run, double start, double baseline,
                          bool rotated, pp_color_t color)
{
    int phases = fonts->options.x_phases;
    int base_px, phase_y = 0;
    size_t i;

    if (fabs(baseline) > FAR_AWAY)
        return PP_OK;
    if (fonts->options.snap_baseline)
        base_px = (int)floor(baseline + 0.5);
    else
        quantize(baseline, phases, &base_px, &phase_y);

    for (i = 0; i < run->count; i++) {
        double pen = start + run->glyphs[i].x_units * run->scale;
        const cached_glyph *g;
        int pen_px, phase_x;
        pp_status status;

        if (fabs(pen) > FAR_AWAY)
            continue;
        quantize(pen, phases, &pen_px, &phase_x);
        status = get_glyph(fonts, run->face, run->glyphs[i].glyph, phase_x,
                           phase_y, &g);
        if (status != PP_OK)
            return status;
        if (g->pixels == NULL)
            continue;
        status = blend_glyph(canvas, fonts, g, pen_px + g->left,
                             base_px - g->top, rotated, color);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

static double align_shift(pp_text_align align, double width)
{
    switch (align) {
    case PP_ALIGN_LEFT: return 0.0;
    case PP_ALIGN_CENTER: return width / 2.0;
    case PP_ALIGN_RIGHT: return width;
    }
    return 0.0;
}

/*
 * False when a line of text on this baseline cannot touch a row the canvas
 * struct may change (another thread paints those rows: render.c), so its
 * glyphs need no rasterizing here. Glyphs stay well within two sizes of
 * the baseline. The text has been laid out already, so warnings about it
 * are given all the same.
 */
static bool owns_rows_near(const pp_canvas_t *canvas, double baseline,
                           double size)
{
    double lo = floor(baseline - 2.0 * size), hi = ceil(baseline + 2.0 * size);
    int row;

    if (canvas->nbands <= 1 || !(lo > -1e6 && hi < 1e6))
        return true;
    for (row = (int)lo; row <= (int)hi; row++)
        if (row >= 0 && row < canvas->height &&
            pp__canvas_owns_row(canvas, row))
            return true;
    return false;
}

pp_status pp_canvas_draw_text(pp_canvas_t *canvas, pp_fonts_t *fonts,
                              const char *utf8, double x, double y,
                              const pp_text_style_t *style)
{
    text_run run;
    double start, baseline;
    pp_status status;

    if (canvas == NULL || fonts == NULL || utf8 == NULL || style == NULL)
        return PP_ERR_ARGUMENT;
    if (!isfinite(x) || !isfinite(y))
        return PP_ERR_ARGUMENT;
    status = prepare_run(fonts, utf8, style, &run);
    if (status != PP_OK || run.scale == 0.0 || !(style->color.a > 0.0f))
        return status;
    start = -align_shift(style->align, run.width_units * run.scale);
    baseline = baseline_shift(fonts->faces[run.face], style);

    /* Device coordinates put pixel edges on integers: add half a pixel. */
    if (style->angle == 0 &&
        !owns_rows_near(canvas, y + 0.5 + baseline, style->size_px))
        return PP_OK;
    if (style->angle == 0)
        return draw_run(canvas, fonts, &run, x + 0.5 + start,
                        y + 0.5 + baseline, false, style->color);
    /* Turned frame: p = -device y, q = device x (see blend_glyph). */
    return draw_run(canvas, fonts, &run, -(y + 0.5) + start,
                    x + 0.5 + baseline, true, style->color);
}

bool pp__fonts_has_char(pp_fonts_t *fonts, pp_font_style style,
                        uint32_t code)
{
    int face = (int)style;

    if (fonts == NULL || face < 0 || face >= NFACES)
        return false;
    return FT_Get_Char_Index(fonts->faces[face], code) != 0;
}
