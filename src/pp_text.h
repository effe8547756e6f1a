/*
 * Text rendering settings (text.c). They are internal: the defaults were
 * chosen by comparing renderings with Bokeh's reference PNGs using
 * tests/tools/text_match.c, which uses this header to try the others.
 */
#ifndef PP_TEXT_H
#define PP_TEXT_H

#include "pp_internal.h"

typedef enum pp__hinting {
    PP__HINTING_NONE,          /* the outlines as designed */
    PP__HINTING_LIGHT,         /* vertical only (FT_LOAD_TARGET_LIGHT) */
    PP__HINTING_LIGHT_AUTO,    /* the same with FreeType's auto-hinter */
    PP__HINTING_NORMAL         /* the font's own instructions */
} pp__hinting;

typedef struct pp__text_options {
    pp__hinting hinting;
    int x_phases;              /* glyph positions per pixel: 1, 2, 4 ... 64 */
    bool snap_baseline;        /* round the baseline to a pixel boundary */
    /*
     * Darkens partly covered pixels: coverage a is drawn as
     * a + contrast * a * (1 - a). 0 draws FreeType's coverage as it is.
     */
    double contrast;
} pp__text_options;

/* The settings pp_fonts_load starts with. */
void pp__text_default_options(pp__text_options *options);

/* Changes the settings of loaded fonts (and empties the glyph cache). */
void pp__fonts_set_options(pp_fonts_t *fonts,
                           const pp__text_options *options);

#endif /* PP_TEXT_H */
