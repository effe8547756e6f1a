/* Tests of CSS colour parsing: names, hex forms, rgb() and rgba(). */
#include "check.h"
#include "pp_internal.h"

/* Parses text and checks the channels; alpha within 1/1000. */
static void check_color(const char *text, int r, int g, int b, double a)
{
    pp_color_t c = {1, 2, 3, 0.5f};
    pp_status status = pp_color_parse(text, &c);

    CHECK_MSG(status == PP_OK, "\"%s\" was rejected", text);
    CHECK_MSG(c.r == r && c.g == g && c.b == b && fabs(c.a - a) < 1e-3,
              "\"%s\" gave (%d, %d, %d, %.4f), expected (%d, %d, %d, %.4f)",
              text, c.r, c.g, c.b, c.a, r, g, b, a);
}

static void test_case_c18_values(void)
{
    check_color("red", 255, 0, 0, 1.0);
    check_color("RED", 255, 0, 0, 1.0);
    check_color("#3288bd", 50, 136, 189, 1.0);
    check_color("#3288BD", 50, 136, 189, 1.0);
    check_color("#f00", 255, 0, 0, 1.0);
    check_color("rgb(50,136,189)", 50, 136, 189, 1.0);
    check_color("#fc8d5980", 252, 141, 89, 128.0 / 255.0);
    check_color("rgba(252,141,89,0.5)", 252, 141, 89, 0.5);
}

static void test_named_colors_follow_css(void)
{
    /* The names where CSS differs from X11 are the ones to get right. */
    check_color("navy", 0, 0, 128, 1.0);
    check_color("green", 0, 128, 0, 1.0);
    check_color("purple", 128, 0, 128, 1.0);
    check_color("maroon", 128, 0, 0, 1.0);
    check_color("gray", 128, 128, 128, 1.0);
    check_color("grey", 128, 128, 128, 1.0);
    check_color("yellow", 255, 255, 0, 1.0);
    check_color("orange", 255, 165, 0, 1.0);
    check_color("black", 0, 0, 0, 1.0);
    check_color("blue", 0, 0, 255, 1.0);
    check_color("rebeccapurple", 102, 51, 153, 1.0);
    check_color("aliceblue", 240, 248, 255, 1.0);
    check_color("yellowgreen", 154, 205, 50, 1.0);
    check_color("lightgoldenrodyellow", 250, 250, 210, 1.0);
    check_color("darkslategrey", 47, 79, 79, 1.0);
    check_color("transparent", 0, 0, 0, 0.0);
}

/* Every CSS Color 4 name, so a typo or a misordered table shows. */
static void test_all_148_css_names_are_known(void)
{
    static const char *const names[] = {
        "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige",
        "bisque", "black", "blanchedalmond", "blue", "blueviolet", "brown",
        "burlywood", "cadetblue", "chartreuse", "chocolate", "coral",
        "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue",
        "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkgrey",
        "darkkhaki", "darkmagenta", "darkolivegreen", "darkorange",
        "darkorchid", "darkred", "darksalmon", "darkseagreen",
        "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise",
        "darkviolet", "deeppink", "deepskyblue", "dimgray", "dimgrey",
        "dodgerblue", "firebrick", "floralwhite", "forestgreen", "fuchsia",
        "gainsboro", "ghostwhite", "gold", "goldenrod", "gray", "green",
        "greenyellow", "grey", "honeydew", "hotpink", "indianred", "indigo",
        "ivory", "khaki", "lavender", "lavenderblush", "lawngreen",
        "lemonchiffon", "lightblue", "lightcoral", "lightcyan",
        "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey",
        "lightpink", "lightsalmon", "lightseagreen", "lightskyblue",
        "lightslategray", "lightslategrey", "lightsteelblue", "lightyellow",
        "lime", "limegreen", "linen", "magenta", "maroon", "mediumaquamarine",
        "mediumblue", "mediumorchid", "mediumpurple", "mediumseagreen",
        "mediumslateblue", "mediumspringgreen", "mediumturquoise",
        "mediumvioletred", "midnightblue", "mintcream", "mistyrose",
        "moccasin", "navajowhite", "navy", "oldlace", "olive", "olivedrab",
        "orange", "orangered", "orchid", "palegoldenrod", "palegreen",
        "paleturquoise", "palevioletred", "papayawhip", "peachpuff", "peru",
        "pink", "plum", "powderblue", "purple", "rebeccapurple", "red",
        "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown",
        "seagreen", "seashell", "sienna", "silver", "skyblue", "slateblue",
        "slategray", "slategrey", "snow", "springgreen", "steelblue", "tan",
        "teal", "thistle", "tomato", "turquoise", "violet", "wheat", "white",
        "whitesmoke", "yellow", "yellowgreen",
    };
    pp_color_t c;
    size_t i;

    CHECK_INT(sizeof names / sizeof names[0], 148);
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        CHECK_MSG(pp_color_parse(names[i], &c) == PP_OK && c.a == 1.0f,
                  "\"%s\" was rejected", names[i]);
}

static void test_names_ignore_case(void)
{
    check_color("Navy", 0, 0, 128, 1.0);
    check_color("NAVY", 0, 0, 128, 1.0);
    check_color("RebeccaPurple", 102, 51, 153, 1.0);
    check_color("Transparent", 0, 0, 0, 0.0);
    check_color("RGBA(1, 2, 3, 1)", 1, 2, 3, 1.0);
}

static void test_hex_forms(void)
{
    check_color("#000", 0, 0, 0, 1.0);
    check_color("#abc", 0xaa, 0xbb, 0xcc, 1.0);
    check_color("#abcd", 0xaa, 0xbb, 0xcc, 0xdd / 255.0);
    check_color("#0000ff", 0, 0, 255, 1.0);
    check_color("#FFAACC99", 255, 170, 204, 0x99 / 255.0);
    check_color("#12345600", 0x12, 0x34, 0x56, 0.0);
}

static void test_rgb_functions(void)
{
    check_color("rgb(0, 0, 0)", 0, 0, 0, 1.0);
    check_color("rgb( 255 ,128,  7 )", 255, 128, 7, 1.0);
    check_color("rgba(10, 20, 30, 0)", 10, 20, 30, 0.0);
    check_color("rgba(10, 20, 30, 1)", 10, 20, 30, 1.0);
    check_color("rgba(10,20,30,.25)", 10, 20, 30, 0.25);
    check_color("  red  ", 255, 0, 0, 1.0);
}

static void test_invalid_colors_are_rejected(void)
{
    static const char *const cases[] = {
        "", " ", "bleu", "redd", "re d", "#", "#12", "#12345", "#1234567",
        "#123456789", "#gg0000", "# fff", "fff", "rgb(256, 0, 0)",
        "rgb(-1, 0, 0)", "rgb(1.5, 0, 0)", "rgb(1, 2)", "rgb(1, 2, 3, 4)",
        "rgb(1, 2, 3", "rgb(1, 2, 3))", "rgb(1, 2, 3)x", "rgb(1,,3)",
        "rgb()", "rgb (1, 2, 3)", "rgba(1, 2, 3)", "rgba(0, 0, 0, 1.5)",
        "rgba(0, 0, 0, -0.1)", "rgba(0, 0, 0, nan)", "rgba(0, 0, 0, 50%)",
        "rgba(1, 2, 3, 0.5, 1)", "hsl(0, 100%, 50%)", "red blue",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    pp_color_t c = {7, 8, 9, 0.25f};
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_MSG(pp_color_parse(cases[i], &c) == PP_ERR_ARGUMENT,
                  "\"%s\" was accepted", cases[i]);
    CHECK_INT(pp_color_parse(NULL, &c), PP_ERR_ARGUMENT);
    CHECK_INT(pp_color_parse("red", NULL), PP_ERR_ARGUMENT);
    /* A failure leaves the output alone. */
    CHECK(c.r == 7 && c.g == 8 && c.b == 9 && c.a == 0.25f);
}

/* Why a text is not a colour: judged by its shape, in any case. */
static void test_color_problem_names_the_form(void)
{
    CHECK_CONTAINS(pp__color_problem("#12345"), "3, 4, 6 or 8 hex digits");
    CHECK_CONTAINS(pp__color_problem(" RgBa(1, 2, 3)"), "rgba() takes "
                   "three whole numbers 0..255 and an alpha 0..1");
    CHECK_CONTAINS(pp__color_problem("RGB(300, 0, 0)"), "rgb() takes three "
                   "whole numbers 0..255");
    CHECK_CONTAINS(pp__color_problem("bleu"), "not a CSS colour name");
}

int main(void)
{
    RUN(test_case_c18_values);
    RUN(test_named_colors_follow_css);
    RUN(test_all_148_css_names_are_known);
    RUN(test_names_ignore_case);
    RUN(test_hex_forms);
    RUN(test_rgb_functions);
    RUN(test_invalid_colors_are_rejected);
    RUN(test_color_problem_names_the_form);
    CHECK_EXIT();
}
