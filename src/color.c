/*
 * CSS colours as Bokeh accepts them: the CSS Color 4 names, hex forms with
 * and without alpha, rgb() and rgba().
 */
#include "pp_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct named_color {
    const char *name;
    uint32_t rgb;        /* 0xRRGGBB */
} named_color;

/* The CSS Color 4 named colours, sorted for bsearch. */
static const named_color named_colors[] = {
    {"aliceblue", 0xf0f8ff}, {"antiquewhite", 0xfaebd7}, {"aqua", 0x00ffff},
    {"aquamarine", 0x7fffd4}, {"azure", 0xf0ffff}, {"beige", 0xf5f5dc},
    {"bisque", 0xffe4c4}, {"black", 0x000000}, {"blanchedalmond", 0xffebcd},
    {"blue", 0x0000ff}, {"blueviolet", 0x8a2be2}, {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887}, {"cadetblue", 0x5f9ea0},
    {"chartreuse", 0x7fff00}, {"chocolate", 0xd2691e}, {"coral", 0xff7f50},
    {"cornflowerblue", 0x6495ed}, {"cornsilk", 0xfff8dc},
    {"crimson", 0xdc143c}, {"cyan", 0x00ffff}, {"darkblue", 0x00008b},
    {"darkcyan", 0x008b8b}, {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9}, {"darkgreen", 0x006400}, {"darkgrey", 0xa9a9a9},
    {"darkkhaki", 0xbdb76b}, {"darkmagenta", 0x8b008b},
    {"darkolivegreen", 0x556b2f}, {"darkorange", 0xff8c00},
    {"darkorchid", 0x9932cc}, {"darkred", 0x8b0000}, {"darksalmon", 0xe9967a},
    {"darkseagreen", 0x8fbc8f}, {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f}, {"darkslategrey", 0x2f4f4f},
    {"darkturquoise", 0x00ced1}, {"darkviolet", 0x9400d3},
    {"deeppink", 0xff1493}, {"deepskyblue", 0x00bfff}, {"dimgray", 0x696969},
    {"dimgrey", 0x696969}, {"dodgerblue", 0x1e90ff}, {"firebrick", 0xb22222},
    {"floralwhite", 0xfffaf0}, {"forestgreen", 0x228b22},
    {"fuchsia", 0xff00ff}, {"gainsboro", 0xdcdcdc}, {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700}, {"goldenrod", 0xdaa520}, {"gray", 0x808080},
    {"green", 0x008000}, {"greenyellow", 0xadff2f}, {"grey", 0x808080},
    {"honeydew", 0xf0fff0}, {"hotpink", 0xff69b4}, {"indianred", 0xcd5c5c},
    {"indigo", 0x4b0082}, {"ivory", 0xfffff0}, {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa}, {"lavenderblush", 0xfff0f5},
    {"lawngreen", 0x7cfc00}, {"lemonchiffon", 0xfffacd},
    {"lightblue", 0xadd8e6}, {"lightcoral", 0xf08080},
    {"lightcyan", 0xe0ffff}, {"lightgoldenrodyellow", 0xfafad2},
    {"lightgray", 0xd3d3d3}, {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3}, {"lightpink", 0xffb6c1},
    {"lightsalmon", 0xffa07a}, {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa}, {"lightslategray", 0x778899},
    {"lightslategrey", 0x778899}, {"lightsteelblue", 0xb0c4de},
    {"lightyellow", 0xffffe0}, {"lime", 0x00ff00}, {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6}, {"magenta", 0xff00ff}, {"maroon", 0x800000},
    {"mediumaquamarine", 0x66cdaa}, {"mediumblue", 0x0000cd},
    {"mediumorchid", 0xba55d3}, {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371}, {"mediumslateblue", 0x7b68ee},
    {"mediumspringgreen", 0x00fa9a}, {"mediumturquoise", 0x48d1cc},
    {"mediumvioletred", 0xc71585}, {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa}, {"mistyrose", 0xffe4e1}, {"moccasin", 0xffe4b5},
    {"navajowhite", 0xffdead}, {"navy", 0x000080}, {"oldlace", 0xfdf5e6},
    {"olive", 0x808000}, {"olivedrab", 0x6b8e23}, {"orange", 0xffa500},
    {"orangered", 0xff4500}, {"orchid", 0xda70d6},
    {"palegoldenrod", 0xeee8aa}, {"palegreen", 0x98fb98},
    {"paleturquoise", 0xafeeee}, {"palevioletred", 0xdb7093},
    {"papayawhip", 0xffefd5}, {"peachpuff", 0xffdab9}, {"peru", 0xcd853f},
    {"pink", 0xffc0cb}, {"plum", 0xdda0dd}, {"powderblue", 0xb0e0e6},
    {"purple", 0x800080}, {"rebeccapurple", 0x663399}, {"red", 0xff0000},
    {"rosybrown", 0xbc8f8f}, {"royalblue", 0x4169e1},
    {"saddlebrown", 0x8b4513}, {"salmon", 0xfa8072}, {"sandybrown", 0xf4a460},
    {"seagreen", 0x2e8b57}, {"seashell", 0xfff5ee}, {"sienna", 0xa0522d},
    {"silver", 0xc0c0c0}, {"skyblue", 0x87ceeb}, {"slateblue", 0x6a5acd},
    {"slategray", 0x708090}, {"slategrey", 0x708090}, {"snow", 0xfffafa},
    {"springgreen", 0x00ff7f}, {"steelblue", 0x4682b4}, {"tan", 0xd2b48c},
    {"teal", 0x008080}, {"thistle", 0xd8bfd8}, {"tomato", 0xff6347},
    {"turquoise", 0x40e0d0}, {"violet", 0xee82ee}, {"wheat", 0xf5deb3},
    {"white", 0xffffff}, {"whitesmoke", 0xf5f5f5}, {"yellow", 0xffff00},
    {"yellowgreen", 0x9acd32},
};

#define NAMED_COLOR_COUNT (sizeof named_colors / sizeof named_colors[0])

/* Longer than any colour text we accept; longer input is not a colour. */
#define MAX_COLOR_TEXT 64

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static pp_color_t make_color(uint32_t rgb, float alpha)
{
    pp_color_t color;

    color.r = (uint8_t)(rgb >> 16);
    color.g = (uint8_t)(rgb >> 8);
    color.b = (uint8_t)rgb;
    color.a = alpha;
    return color;
}

static int compare_names(const void *key, const void *item)
{
    return strcmp(key, ((const named_color *)item)->name);
}

/* text is already lowercase. */
static bool parse_name(const char *text, pp_color_t *out)
{
    const named_color *found;

    if (strcmp(text, "transparent") == 0) {
        *out = make_color(0, 0.0f);
        return true;
    }
    found = bsearch(text, named_colors, NAMED_COLOR_COUNT,
                    sizeof named_colors[0], compare_names);
    if (found == NULL)
        return false;
    *out = make_color(found->rgb, 1.0f);
    return true;
}

/* "#rgb", "#rgba", "#rrggbb" or "#rrggbbaa" without the '#'. */
static bool parse_hex(const char *digits, pp_color_t *out)
{
    size_t n = strlen(digits), i;
    size_t per_channel = n <= 4 ? 1 : 2;
    int channel[4] = {0, 0, 0, 255};

    if (n != 3 && n != 4 && n != 6 && n != 8)
        return false;
    for (i = 0; i < n; i++) {
        int v = hex_value(digits[i]);
        if (v < 0)
            return false;
        if (per_channel == 1)
            channel[i] = v * 17;                /* "f" stands for "ff" */
        else if (i % 2 == 0)
            channel[i / 2] = v * 16;
        else
            channel[i / 2] += v;
    }
    *out = make_color((uint32_t)channel[0] << 16 | (uint32_t)channel[1] << 8 |
                      (uint32_t)channel[2], (float)channel[3] / 255.0f);
    return true;
}

/* One rgb() channel: an integer 0..255 with optional spaces around it. */
static bool parse_channel(const char *p, const char *end, int *out)
{
    int value = 0, ndigits = 0;

    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    for (; p < end; p++) {
        if (*p < '0' || *p > '9' || ++ndigits > 3)
            return false;
        value = value * 10 + (*p - '0');
    }
    if (ndigits == 0 || value > 255)
        return false;
    *out = value;
    return true;
}

/* The alpha of rgba(): a decimal number 0..1. */
static bool parse_alpha(const char *p, const char *end, float *out)
{
    double value;

    if (!pp__parse_number(p, (size_t)(end - p), &value) ||
        !(value >= 0.0 && value <= 1.0))
        return false;
    *out = (float)value;
    return true;
}

/*
 * The argument list of rgb(...) or rgba(...): args points after '(' and
 * must end with ')'. nargs is 3 or 4.
 */
static bool parse_function(const char *args, size_t nargs, pp_color_t *out)
{
    const char *end = args + strlen(args), *p = args;
    int channel[3];
    float alpha = 1.0f;
    size_t i;

    if (end == args || end[-1] != ')')
        return false;
    end--;
    for (i = 0; i < nargs; i++) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma != NULL ? comma : end;
        if ((comma != NULL) != (i + 1 < nargs))
            return false;                   /* too few or too many */
        if (i < 3 ? !parse_channel(p, stop, &channel[i])
                  : !parse_alpha(p, stop, &alpha))
            return false;
        p = stop + 1;
    }
    *out = make_color((uint32_t)channel[0] << 16 | (uint32_t)channel[1] << 8 |
                      (uint32_t)channel[2], alpha);
    return true;
}

pp_status pp_color_parse(const char *text, pp_color_t *out)
{
    char lowered[MAX_COLOR_TEXT];
    const char *end;
    size_t n = 0;
    bool ok;

    if (text == NULL || out == NULL)
        return PP_ERR_ARGUMENT;

    /* Work on a trimmed lowercase copy: names and functions ignore case. */
    while (is_space(*text))
        text++;
    end = text + strlen(text);
    while (end > text && is_space(end[-1]))
        end--;
    if ((size_t)(end - text) >= sizeof lowered)
        return PP_ERR_ARGUMENT;
    for (; text + n < end; n++)
        lowered[n] = lower(text[n]);
    lowered[n] = '\0';

    if (lowered[0] == '#')
        ok = parse_hex(lowered + 1, out);
    else if (strncmp(lowered, "rgba(", 5) == 0)
        ok = parse_function(lowered + 5, 4, out);
    else if (strncmp(lowered, "rgb(", 4) == 0)
        ok = parse_function(lowered + 4, 3, out);
    else
        ok = parse_name(lowered, out);
    return ok ? PP_OK : PP_ERR_ARGUMENT;
}

/*
 * Why text (which pp_color_parse refused) is not a colour, as a phrase to
 * follow "'text' is not a colour: ". Only the shape is judged, so the
 * phrase is right for any text the parser refuses.
 */
const char *pp__color_problem(const char *text)
{
    char start[6];
    size_t i;

    while (is_space(*text))
        text++;
    /* Functions ignore case, as pp_color_parse reads them. */
    for (i = 0; i + 1 < sizeof start && text[i] != '\0'; i++)
        start[i] = lower(text[i]);
    start[i] = '\0';
    if (start[0] == '#')
        return "a hex colour is '#' and 3, 4, 6 or 8 hex digits";
    if (strncmp(start, "rgba(", 5) == 0)
        return "rgba() takes three whole numbers 0..255 and an alpha "
               "0..1, as rgba(0, 0, 128, 0.5)";
    if (strncmp(start, "rgb(", 4) == 0)
        return "rgb() takes three whole numbers 0..255, as rgb(0, 0, 128)";
    return "not a CSS colour name (such as \"navy\"), \"#rrggbb\", "
           "\"#rrggbbaa\", \"rgb(r, g, b)\" or \"rgba(r, g, b, a)\"";
}
