/*
 * Tests of the tickers and tick formatters. Expected values come from
 * BokehJS 3.10: the reference figures' layout.json, and runs of Bokeh's
 * own ticker code for the other ranges.
 */
#include "check.h"
#include "pp_internal.h"

#include <jansson.h>

#define MINUS "\xe2\x88\x92"           /* U+2212, Bokeh's minus */
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Milliseconds of some UTC times used below. */
#define T_2011_04_13_0852 1302684720000.0
#define T_2011_04_16_0700 1302937200000.0
#define T_2011_04_13_1000 1302688800000.0

static void check_list(const double *got, size_t ngot, const double *want,
                       size_t nwant, const char *what)
{
    size_t i;

    CHECK_MSG(ngot == nwant, "%s: %zu ticks, expected %zu", what, ngot,
              nwant);
    for (i = 0; i < ngot && i < nwant; i++) {
        CHECK_MSG(got[i] == want[i], "%s[%zu] is %.17g, expected %.17g", what,
                  i, got[i], want[i]);
    }
}

/* Checks a list against first, first + step, ... (exact for integers). */
static void check_steps(const double *got, size_t ngot, double first,
                        double step, size_t count, const char *what)
{
    size_t i;

    CHECK_MSG(ngot == count, "%s: %zu ticks, expected %zu", what, ngot,
              count);
    for (i = 0; i < ngot && i < count; i++) {
        CHECK_MSG(got[i] == first + (double)i * step,
                  "%s[%zu] is %.17g, expected %.17g", what, i, got[i],
                  first + (double)i * step);
    }
}

static void check_labels(char **got, const char *const *want, size_t n)
{
    size_t i;

    CHECK(got != NULL);
    for (i = 0; got != NULL && i < n; i++)
        CHECK_STR(got[i], want[i]);
}

/* Formats ticks with the basic formatter and compares the labels. */
static void check_basic_labels(const double *ticks, size_t n,
                               const char *const *want)
{
    char **labels = NULL;

    CHECK_INT(pp__format_ticks_basic(ticks, n, &labels), PP_OK);
    check_labels(labels, want, n);
    pp__labels_free(labels, n);
}

/* ---- The four reference figures (values from layout.json) ---- */

static void test_basic_fig1_x_matches_bokeh(void)
{
    static const char *const labels[] = {"0", "1000", "2000", "3000", "4000"};
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(-213.35000000000036, 4480.35, 6, 5, &t), PP_OK);
    check_steps(t.major, t.nmajor, 0, 1000, 5, "major");
    check_steps(t.minor, t.nminor, -200, 200, 24, "minor");
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

static void test_basic_fig1_y_matches_bokeh(void)
{
    static const char *const labels[] = {
        "0.000e+0", "2.000e+4", "4.000e+4", "6.000e+4", "8.000e+4",
        "1.000e+5", "1.200e+5", "1.400e+5"
    };
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(-7450.800000000003, 157654.8, 6, 5, &t), PP_OK);
    check_steps(t.major, t.nmajor, 0, 20000, 8, "major");
    check_steps(t.minor, t.nminor, -4000, 4000, 41, "minor");
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

static void test_basic_fig3_x_matches_bokeh(void)
{
    static const char *const labels[] = {
        "0", "500", "1000", "1500", "2000", "2500", "3000"
    };
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(-157.1500000000001, 3300.15, 6, 5, &t), PP_OK);
    check_steps(t.major, t.nmajor, 0, 500, 7, "major");
    check_steps(t.minor, t.nminor, -100, 100, 35, "minor");
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

static void test_basic_fig3_y_matches_bokeh(void)
{
    static const char *const labels[] = {
        "0", "100", "200", "300", "400", "500", "600"
    };
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(-31.600000000000023, 663.6, 6, 5, &t), PP_OK);
    check_steps(t.major, t.nmajor, 0, 100, 7, "major");
    check_steps(t.minor, t.nminor, -20, 20, 35, "minor");
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

static void test_basic_fig4_x_matches_bokeh(void)
{
    static const char *const labels[] = {"0", "50", "100", "150", "200"};
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(0, 243, 6, 5, &t), PP_OK);
    check_steps(t.major, t.nmajor, 0, 50, 5, "major");
    check_steps(t.minor, t.nminor, 0, 10, 25, "minor");
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

/* The minors are Bokeh's sums to the last bit: 0 + 3 * 0.2 is not 0.6. */
static void test_basic_fig4_y_matches_bokeh(void)
{
    static const double minor[] = {
        0, 0.2, 0.4, 0.6000000000000001, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.2,
        2.4, 2.6, 2.8, 3, 3.2, 3.4, 3.6, 3.8, 4, 4.2, 4.4, 4.6, 4.8, 5
    };
    static const char *const labels[] = {"0", "1", "2", "3", "4", "5"};
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(0, 5, 6, 5, &t), PP_OK);
    check_steps(t.major, t.nmajor, 0, 1, 6, "major");
    check_list(t.minor, t.nminor, minor, COUNT(minor), "minor");
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

static void check_json_numbers(const double *got, size_t n, json_t *want,
                               const char *what)
{
    size_t i;

    CHECK_MSG(n == json_array_size(want), "%s: %zu ticks, layout.json has %zu",
              what, n, json_array_size(want));
    for (i = 0; i < n && i < json_array_size(want); i++) {
        double w = json_number_value(json_array_get(want, i));

        CHECK_MSG(got[i] == w, "%s[%zu] is %.17g, layout.json has %.17g",
                  what, i, got[i], w);
    }
}

/* Compares one axis of layout.json; returns false for FixedTicker axes. */
static bool check_json_axis(json_t *image, json_t *axis, const char *name)
{
    const char *side = json_string_value(json_object_get(axis, "side"));
    bool horizontal = strcmp(side, "below") == 0 || strcmp(side, "above") == 0;
    json_t *range = json_object_get(image, horizontal ? "x_range" : "y_range");
    json_t *minor = json_object_get(axis, "minor_ticks");
    json_t *want_labels = json_object_get(axis, "labels");
    char what[128], **labels = NULL;
    double start, end;
    pp__ticks t;
    size_t i;

    /* fig2 sets its ticks by hand (FixedTicker, no minors): not ours. */
    if (json_array_size(minor) == 0)
        return false;

    snprintf(what, sizeof what, "%s %s", name, side);
    start = json_number_value(json_object_get(range, "start"));
    end = json_number_value(json_object_get(range, "end"));
    CHECK_INT(pp__ticks_basic(start, end, 6, 5, &t), PP_OK);
    check_json_numbers(t.major, t.nmajor, json_object_get(axis, "major_ticks"),
                       what);
    check_json_numbers(t.minor, t.nminor, minor, what);
    CHECK_INT(pp__format_ticks_basic(t.major, t.nmajor, &labels), PP_OK);
    for (i = 0; labels != NULL && i < t.nmajor; i++) {
        const char *w = json_string_value(json_array_get(want_labels, i));

        CHECK_MSG(w != NULL && strcmp(labels[i], w) == 0,
                  "%s label %zu is \"%s\", layout.json has \"%s\"", what, i,
                  labels[i], w ? w : "(none)");
    }
    pp__labels_free(labels, t.nmajor);
    pp__ticks_free(&t);
    return true;
}

static void test_layout_json_axes_match(void)
{
    const char *shared = check_shared_dir("reference/bokeh");
    char path[1024];
    json_error_t error;
    json_t *root, *images, *image;
    const char *name;
    int compared = 0;

    if (shared == NULL) {
        SKIP("../shared/reference/bokeh is absent: layout.json not checked");
        return;
    }
    snprintf(path, sizeof path, "%s/reference/bokeh/layout.json", shared);
    root = json_load_file(path, JSON_DECODE_INT_AS_REAL, &error);
    if (root == NULL) {
        SKIP("cannot read reference/bokeh/layout.json: %s", error.text);
        return;
    }

    images = json_object_get(root, "images");
    json_object_foreach(images, name, image) {
        json_t *axes = json_object_get(image, "axes");
        size_t i;

        for (i = 0; i < json_array_size(axes); i++)
            compared += check_json_axis(image, json_array_get(axes, i), name);
    }
    /* fig1, fig3 and fig4, with and without toolbar, two axes each. */
    CHECK_INT(compared, 12);
    json_decref(root);
}

/* ---- BasicTicker edge cases ---- */

static void test_basic_equal_ends_gives_no_ticks(void)
{
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(7, 7, 6, 5, &t), PP_OK);
    CHECK_INT(t.nmajor, 0);
    CHECK_INT(t.nminor, 0);
    CHECK(t.major == NULL && t.minor == NULL);
    CHECK_INT(pp__ticks_basic(0, 0, 6, 5, &t), PP_OK);
    CHECK_INT(t.nmajor + t.nminor, 0);
}

/* A reversed range gives the ticks of the ordered one, in Bokeh's order
 * (the minors below the first major come nearest first). */
static void test_basic_reversed_range_same_ticks(void)
{
    static const double minor_head[] = {3.6, 3.2, 4, 4.4, 4.8};
    pp__ticks a, b;

    CHECK_INT(pp__ticks_basic(17, 3, 6, 5, &a), PP_OK);
    CHECK_INT(pp__ticks_basic(3, 17, 6, 5, &b), PP_OK);
    check_steps(a.major, a.nmajor, 4, 2, 7, "major");
    CHECK_INT(a.nminor, 35);
    check_list(a.minor, 5, minor_head, 5, "first minors");
    check_list(a.major, a.nmajor, b.major, b.nmajor, "reversed major");
    check_list(a.minor, a.nminor, b.minor, b.nminor, "reversed minor");
    pp__ticks_free(&a);
    pp__ticks_free(&b);
}

/* 1e308 - -1e308 overflows; the span is measured in halves. */
static void test_basic_huge_span_measured_in_halves(void)
{
    static const double major[] = {-1e308, -5e307, 0, 5e307, 1e308};
    pp__ticks t;
    size_t i;

    CHECK_INT(pp__ticks_basic(-1e308, 1e308, 6, 5, &t), PP_OK);
    check_list(t.major, t.nmajor, major, COUNT(major), "major");
    CHECK_INT(t.nminor, 21);
    for (i = 0; i < t.nminor; i++)
        CHECK(isfinite(t.minor[i]) && fabs(t.minor[i]) <= 1e308);
    pp__ticks_free(&t);

    CHECK_INT(pp__ticks_basic(-1.7976931348623157e308, 1.7976931348623157e308,
                              6, 5, &t), PP_OK);
    CHECK(t.nmajor >= 3 && t.nmajor <= 12);
    pp__ticks_free(&t);
}

static void test_basic_tiny_span(void)
{
    static const double major[] = {0, 2e-301, 4e-301, 6.000000000000001e-301,
                                   8e-301, 1e-300};
    static const char *const labels[] = {
        "0.000e+0", "2.000e" MINUS "301", "4.000e" MINUS "301",
        "6.000e" MINUS "301", "8.000e" MINUS "301", "1.000e" MINUS "300"
    };
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(0, 1e-300, 6, 5, &t), PP_OK);
    check_list(t.major, t.nmajor, major, COUNT(major), "major");
    CHECK_INT(t.nminor, 26);
    check_basic_labels(t.major, t.nmajor, labels);
    pp__ticks_free(&t);
}

/*
 * Below DBL_MIN a double holds few digits: pow(10, -321) is 9.98e-322, and
 * Bokeh's 2 * pow(10, -321) is 1.996e-321, which its labels show. Ticks
 * there are the doubles nearest the decimal multiples instead, labelled
 * with the digits they hold (2e-321 is 2.00097e-321, not "2.001e-321").
 */
static void test_basic_subnormal_span_decimal_ticks(void)
{
    static const double major[] = {0, 2e-321, 4e-321, 6e-321, 8e-321,
                                   1e-320};
    static const char *const labels[] = {
        "0.000e+0", "2.000e" MINUS "321", "4.000e" MINUS "321",
        "6.000e" MINUS "321", "8.000e" MINUS "321", "1.000e" MINUS "320"
    };
    static const double negative[] = {-1e-320, -8e-321, -6e-321, -4e-321,
                                      -2e-321, 0};
    static const char *const negative_labels[] = {
        MINUS "1.000e" MINUS "320", MINUS "8.000e" MINUS "321",
        MINUS "6.000e" MINUS "321", MINUS "4.000e" MINUS "321",
        MINUS "2.000e" MINUS "321", "0.000e+0"
    };
    static const char *const bokeh_labels[] = {"0.000e+0",
                                               "1.996e" MINUS "321"};
    double bokeh[2] = {0, 0};
    char exact[32];
    pp__ticks t;

    bokeh[1] = 2 * pow(10, -321);
    CHECK(bokeh[1] < 2e-321);
    check_basic_labels(bokeh, 2, bokeh_labels);
    snprintf(exact, sizeof exact, "%.3e", 2e-321);
    CHECK_STR(exact, "2.001e-321");

    CHECK_INT(pp__ticks_basic(0, 1e-320, 6, 5, &t), PP_OK);
    check_list(t.major, t.nmajor, major, COUNT(major), "major");
    check_basic_labels(t.major, t.nmajor, labels);
    CHECK(t.nminor > 0);
    pp__ticks_free(&t);

    CHECK_INT(pp__ticks_basic(-1e-320, 0, 6, 5, &t), PP_OK);
    check_list(t.major, t.nmajor, negative, COUNT(negative), "major");
    check_basic_labels(t.major, t.nmajor, negative_labels);
    pp__ticks_free(&t);
}

/* A subnormal's label rounds the digits it holds, no more. */
static void test_format_subnormal_shows_its_digits(void)
{
    static const double wide[] = {1.5e-310, 3e-310};
    static const char *const wide_labels[] = {"1.500e" MINUS "310",
                                              "3.000e" MINUS "310"};
    static const double many[] = {1.2345678e-310, 2.2345678e-310};
    static const char *const many_labels[] = {"1.235e" MINUS "310",
                                              "2.235e" MINUS "310"};
    static const double least[] = {0, 4.9406564584124654e-324,
                                   9.8813129168249309e-324};
    static const char *const least_labels[] = {"0.000e+0",
                                               "5.000e" MINUS "324",
                                               "1.000e" MINUS "323"};

    check_basic_labels(wide, COUNT(wide), wide_labels);
    check_basic_labels(many, COUNT(many), many_labels);
    check_basic_labels(least, COUNT(least), least_labels);
}

static void test_basic_rejects_non_finite(void)
{
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(NAN, 1, 6, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_basic(0, INFINITY, 6, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_basic(-INFINITY, 0, 6, 5, &t), PP_ERR_ARGUMENT);
    CHECK(t.major == NULL && t.nmajor == 0);
}

static void test_basic_rejects_bad_counts(void)
{
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(0, 1, 0, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_basic(0, 1, 6, -1, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_basic(0, 1, PP__TICKS_MAX_DESIRED + 1, 5, &t),
              PP_ERR_ARGUMENT);
    /* A count between two is taken (thinning asks for one), but not one
       below 1 or NaN. */
    CHECK_INT(pp__ticks_basic(0, 1, 0.99, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_basic(0, 1, NAN, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_log(1, 50, NAN, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_datetime(0, 1e9, NAN, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_basic(0, 1, 1.5, 5, &t), PP_OK);
    pp__ticks_free(&t);
}

/* 1000 majors with 1000 minors each would be a million ticks. */
static void test_basic_caps_tick_count(void)
{
    pp__ticks t;

    CHECK_INT(pp__ticks_basic(0, 1, 1000, 1000, &t), PP_ERR_LIMIT);
    CHECK(t.major == NULL && t.minor == NULL);
    CHECK_INT(pp__ticks_basic(0, 1, 1000, 0, &t), PP_OK);
    CHECK_INT(t.nmajor, 1001);
    pp__ticks_free(&t);
}

/* ---- BasicTickFormatter ---- */

/* JavaScript rounds exact halves up; printf rounds them to even. */
static void test_format_rounds_halves_up_like_js(void)
{
    static const double fixed[] = {1.0625, 2.0625};
    static const double sci[] = {106250, 206250};
    static const char *const fixed_labels[] = {"1.063", "2.063"};
    static const char *const sci_labels[] = {"1.063e+5", "2.063e+5"};

    check_basic_labels(fixed, 2, fixed_labels);
    check_basic_labels(sci, 2, sci_labels);
}

static void test_format_negative_uses_minus_sign(void)
{
    static const double ticks[] = {-200, -100, 0, 100};
    static const double sci[] = {-200000, 0, 200000};
    static const char *const labels[] = {MINUS "200", MINUS "100", "0", "100"};
    static const char *const sci_labels[] = {
        MINUS "2.000e+5", "0.000e+0", "2.000e+5"
    };

    check_basic_labels(ticks, 4, labels);
    check_basic_labels(sci, 3, sci_labels);
}

static void test_format_negative_zero_prints_zero(void)
{
    static const double ticks[] = {-0.0, 1, 2};
    static const double tiny[] = {-1e-20, 1, 2};
    static const char *const labels[] = {"0", "1", "2"};

    check_basic_labels(ticks, 3, labels);
    check_basic_labels(tiny, 3, labels);
}

static void test_format_scientific_below_a_thousandth(void)
{
    static const double ticks[] = {0.0001, 0.0002, 0.0003};
    static const double plain[] = {0.0015, 0.002, 0.0025};
    static const char *const labels[] = {
        "1.000e" MINUS "4", "2.000e" MINUS "4", "3.000e" MINUS "4"
    };
    static const char *const plain_labels[] = {"0.0015", "0.002", "0.0025"};

    check_basic_labels(ticks, 3, labels);
    check_basic_labels(plain, 3, plain_labels);
}

static void test_format_precision_grows_until_labels_differ(void)
{
    static const double ticks[] = {1.0001, 1.0002, 1.0003};
    static const double sci[] = {100001, 100002};
    static const char *const labels[] = {"1.0001", "1.0002", "1.0003"};
    static const char *const sci_labels[] = {"1.00001e+5", "1.00002e+5"};

    check_basic_labels(ticks, 3, labels);
    check_basic_labels(sci, 2, sci_labels);
}

static void test_format_empty_and_non_finite(void)
{
    static const double bad[] = {1, NAN};
    char **labels = (char **)1;

    CHECK_INT(pp__format_ticks_basic(NULL, 0, &labels), PP_OK);
    CHECK(labels == NULL);
    CHECK_INT(pp__format_ticks_basic(bad, 2, &labels), PP_ERR_ARGUMENT);
    CHECK(labels == NULL);
}

/* ---- LogTicker and LogTickFormatter ---- */

static void test_log_majors_are_powers_of_ten(void)
{
    static const double minor[] = {
        1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400, 600, 800, 1000,
        2000, 4000, 6000, 8000, 10000, 20000, 40000, 60000, 80000, 100000
    };
    static const double major[] = {1, 10, 100, 1000, 10000, 100000};
    pp__ticks t;

    CHECK_INT(pp__ticks_log(1, 150000, 6, 5, &t), PP_OK);
    check_list(t.major, t.nmajor, major, COUNT(major), "major");
    check_list(t.minor, t.nminor, minor, COUNT(minor), "minor");
    pp__ticks_free(&t);
}

/* 600 decades: every 67th power, at most ten majors. */
static void test_log_wide_span_takes_every_kth_power(void)
{
    pp__ticks t;
    size_t i;

    CHECK_INT(pp__ticks_log(1e-300, 1e300, 6, 5, &t), PP_OK);
    CHECK_INT(t.nmajor, 9);
    for (i = 0; i < t.nmajor; i++) {
        double exponent = -300 + 67 * (double)i;

        CHECK_NEAR(log10(t.major[i]), exponent, 1e-9);
        CHECK(t.major[i] == pow(10, exponent));
    }
    CHECK_INT(t.nminor, 41);
    pp__ticks_free(&t);
}

/* Under two decades Bokeh ticks linearly and leaves out 0. */
static void test_log_short_span_is_linear(void)
{
    static const double major[] = {10, 20, 30, 40, 50};
    static const double minor_head[] = {8, 6, 4, 2, 10, 12};
    pp__ticks t;

    CHECK_INT(pp__ticks_log(2, 50, 6, 5, &t), PP_OK);
    check_list(t.major, t.nmajor, major, COUNT(major), "major");
    CHECK_INT(t.nminor, 25);
    check_list(t.minor, 6, minor_head, COUNT(minor_head), "minor");
    pp__ticks_free(&t);
}

/*
 * Labels that would overlap at Bokeh's step ask for powers further apart;
 * spans under two decades are linear and thin out by desired_num_ticks.
 */
static void test_log_sparser_decades(void)
{
    static const double every_2nd[] = {1, 1e2, 1e4, 1e6, 1e8};
    static const double every_3rd[] = {1, 1e3, 1e6};
    static const double linear[] = {10, 20, 30, 40, 50};
    pp__ticks a, b;

    CHECK_INT(pp__ticks_log(1, 1e8, 6, 5, &a), PP_OK);
    CHECK_INT(pp__ticks_log_sparser(1, 1e8, 6, 5, 0, &b), PP_OK);
    CHECK_INT(a.nmajor, 9);
    check_list(b.major, b.nmajor, a.major, a.nmajor, "major");
    check_list(b.minor, b.nminor, a.minor, a.nminor, "minor");
    pp__ticks_free(&a);
    pp__ticks_free(&b);

    CHECK_INT(pp__ticks_log_sparser(1, 1e8, 6, 5, 1, &a), PP_OK);
    check_list(a.major, a.nmajor, every_2nd, COUNT(every_2nd), "major");
    pp__ticks_free(&a);
    CHECK_INT(pp__ticks_log_sparser(1, 1e8, 6, 5, 2, &a), PP_OK);
    check_list(a.major, a.nmajor, every_3rd, COUNT(every_3rd), "major");
    pp__ticks_free(&a);

    CHECK_INT(pp__ticks_log_sparser(2, 50, 6, 5, 3, &a), PP_OK);
    check_list(a.major, a.nmajor, linear, COUNT(linear), "major");
    pp__ticks_free(&a);
    CHECK_INT(pp__ticks_log_sparser(1, 1e8, 6, 5, -1, &a), PP_ERR_ARGUMENT);
}

static void test_log_rejects_non_positive(void)
{
    pp__ticks t;

    CHECK_INT(pp__ticks_log(0, 100, 6, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_log(-1, 100, 6, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_log(1, INFINITY, 6, 5, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_log(5, 5, 6, 5, &t), PP_OK);
    CHECK_INT(t.nmajor + t.nminor, 0);
}

/* The pinned font has the superscripts 1..9 but not 0 or minus. */
static void test_font_superscripts_of_liberation(void)
{
    char dir[1024];
    pp_fonts_t *fonts = NULL;
    pp_error_t err;

    snprintf(dir, sizeof dir, "%s/fonts", check_repo_dir());
    CHECK_INT(pp_fonts_load(dir, &fonts, &err), PP_OK);
    if (fonts == NULL)
        return;
    CHECK_INT(pp__superscript_mask(fonts), 0x3fe);
    pp_fonts_destroy(fonts);
}

static void test_log_labels_use_superscripts_the_font_has(void)
{
    static const double ticks[] = {10, 100, 1000, 10000, 100000};
    static const double negative[] = {0.001, 0.1, 10};
    /* 10^1 reads "10" (and 10^0 "1"): no superscript needed there. */
    static const char *const labels[] = {
        "10", "10\xc2\xb2", "10\xc2\xb3", "10\xe2\x81\xb4",
        "10\xe2\x81\xb5"
    };
    static const char *const negative_labels[] = {
        "10\xe2\x81\xbb\xc2\xb3", "10\xe2\x81\xbb\xc2\xb9", "10"
    };
    char **got = NULL;

    CHECK_INT(pp__format_ticks_log(ticks, 5, 0x3fe, &got), PP_OK);
    check_labels(got, labels, 5);
    pp__labels_free(got, 5);
    CHECK_INT(pp__format_ticks_log(negative, 3, PP__SUPERSCRIPT_ALL, &got),
              PP_OK);
    check_labels(got, negative_labels, 3);
    pp__labels_free(got, 3);
}

/*
 * Every label reads as its tick: two ticks at 0.002 and 0.0025 (an axis
 * thinned to two) are "0.002" and "0.0025", not Bokeh's "0.002" and
 * "0.003"; log ticks that are not powers of ten get the basic labels, not
 * the nearest powers (0.003 and 0.004 read "10^-3" and "10^-2" in Bokeh).
 */
static void test_labels_read_as_their_ticks(void)
{
    static const double two[] = {0.002, 0.0025};
    static const char *const two_labels[] = {"0.002", "0.0025"};
    static const double sci[] = {2e-6, 2.5e-6};
    static const char *const sci_labels[] = {"2.000e" MINUS "6",
                                             "2.500e" MINUS "6"};
    static const double log_ticks[] = {0.003, 0.004};
    static const char *const log_labels[] = {"0.003", "0.004"};
    static const double one[] = {50};
    static const char *const one_label[] = {"50"};
    char **got = NULL;

    check_basic_labels(two, 2, two_labels);
    check_basic_labels(sci, 2, sci_labels);
    CHECK_INT(pp__format_ticks_log(log_ticks, 2, PP__SUPERSCRIPT_ALL, &got),
              PP_OK);
    check_labels(got, log_labels, 2);
    pp__labels_free(got, 2);
    CHECK_INT(pp__format_ticks_log(one, 1, PP__SUPERSCRIPT_ALL, &got), PP_OK);
    check_labels(got, one_label, 1);
    pp__labels_free(got, 1);
}

/*
 * 10^10 needs U+2070, which Liberation Sans lacks: the whole axis says
 * 1e0, 1e5, 1e10; 1, 10 and 10^5 need none.
 */
static void test_log_labels_fall_back_for_whole_axis(void)
{
    static const double ticks[] = {1, 1e5, 1e10};
    static const double small[] = {1, 10, 100000};
    static const double negative[] = {0.001, 1};
    static const char *const labels[] = {"1e0", "1e5", "1e10"};
    static const char *const small_labels[] = {"1", "10",
                                               "10\xe2\x81\xb5"};
    static const char *const negative_labels[] = {"1e" MINUS "3", "1e0"};
    char **got = NULL;

    CHECK_INT(pp__format_ticks_log(ticks, 3, 0x3fe, &got), PP_OK);
    check_labels(got, labels, 3);
    pp__labels_free(got, 3);
    CHECK_INT(pp__format_ticks_log(small, 3, 0x3fe, &got), PP_OK);
    check_labels(got, small_labels, 3);
    pp__labels_free(got, 3);
    CHECK_INT(pp__format_ticks_log(negative, 2, 0, &got), PP_OK);
    check_labels(got, negative_labels, 2);
    pp__labels_free(got, 2);
}

/* Linear ticks of a short log span share exponents: basic labels. */
static void test_log_labels_shared_exponent_use_basic(void)
{
    static const double ticks[] = {10, 20, 30, 40, 50};
    static const char *const labels[] = {"10", "20", "30", "40", "50"};
    char **got = NULL;

    CHECK_INT(pp__format_ticks_log(ticks, 5, PP__SUPERSCRIPT_ALL, &got),
              PP_OK);
    check_labels(got, labels, 5);
    pp__labels_free(got, 5);
}

/* ---- DatetimeTicker and labels ---- */

static void check_datetime(double start, double end, const double *major,
                           size_t nmajor, const char *const *labels)
{
    char **got = NULL;
    pp__ticks t;

    CHECK_INT(pp__ticks_datetime(start, end, 6, &t), PP_OK);
    check_list(t.major, t.nmajor, major, nmajor, "major");
    CHECK_INT(t.nminor, 0);
    CHECK_INT(pp__format_ticks_datetime(t.major, t.nmajor, &got), PP_OK);
    check_labels(got, labels, nmajor < t.nmajor ? nmajor : t.nmajor);
    pp__labels_free(got, t.nmajor);
    pp__ticks_free(&t);
}

/* Three days: 12-hour steps on UTC midnight and noon. */
static void test_datetime_three_days_twelve_hours(void)
{
    static const double major[] = {
        1302696000000, 1302739200000, 1302782400000, 1302825600000,
        1302868800000, 1302912000000
    };
    static const char *const labels[] = {
        "04/13 12:00", "04/14 00:00", "04/14 12:00", "04/15 00:00",
        "04/15 12:00", "04/16 00:00"
    };

    check_datetime(T_2011_04_13_0852, T_2011_04_16_0700, major, 6, labels);
}

/* Every third day; Feb 28 would crowd Mar 1, so Bokeh skips it. */
static void test_datetime_days_skip_crowded_28th(void)
{
    static const double major[] = {
        1298332800000, 1298592000000, 1298937600000, 1299196800000,
        1299456000000
    };
    static const char *const labels[] = {
        "02/22", "02/25", "03/01", "03/04", "03/07"
    };

    check_datetime(1298160000000, 1299542400000, major, 5, labels);
}

static void test_datetime_leap_day(void)
{
    static const double major[] = {
        1330387200000, 1330473600000, 1330560000000, 1330646400000,
        1330732800000
    };
    static const char *const labels[] = {
        "02/28", "02/29", "03/01", "03/02", "03/03"
    };

    check_datetime(1330344000000, 1330732800000, major, 5, labels);
}

static void test_datetime_every_second_month(void)
{
    static const double major[] = {
        1298937600000, 1304208000000, 1309478400000, 1314835200000,
        1320105600000
    };
    static const char *const labels[] = {
        "03/2011", "05/2011", "07/2011", "09/2011", "11/2011"
    };

    check_datetime(1295049600000, 1324339200000, major, 5, labels);
}

static void test_datetime_years(void)
{
    static const double major[] = {
        788918400000, 946684800000, 1104537600000, 1262304000000,
        1420070400000, 1577836800000, 1735689600000, 1893456000000
    };
    static const char *const labels[] = {
        "1995", "2000", "2005", "2010", "2015", "2020", "2025", "2030"
    };

    check_datetime(644198400000, 1906502400000, major, 8, labels);
}

static void test_datetime_minutes_seconds_milliseconds(void)
{
    static const double minutes[] = {
        T_2011_04_13_1000, T_2011_04_13_1000 + 600000,
        T_2011_04_13_1000 + 1200000, T_2011_04_13_1000 + 1800000,
        T_2011_04_13_1000 + 2400000, T_2011_04_13_1000 + 3000000
    };
    static const char *const minute_labels[] = {
        "10:00", "10:10", "10:20", "10:30", "10:40", "10:50"
    };
    static const double seconds[] = {
        T_2011_04_13_1000, T_2011_04_13_1000 + 5000,
        T_2011_04_13_1000 + 10000, T_2011_04_13_1000 + 15000,
        T_2011_04_13_1000 + 20000, T_2011_04_13_1000 + 25000,
        T_2011_04_13_1000 + 30000
    };
    static const char *const second_labels[] = {
        "10:00:00", "10:00:05", "10:00:10", "10:00:15", "10:00:20",
        "10:00:25", "10:00:30"
    };
    static const double ms[] = {
        T_2011_04_13_1000, T_2011_04_13_1000 + 50, T_2011_04_13_1000 + 100,
        T_2011_04_13_1000 + 150, T_2011_04_13_1000 + 200,
        T_2011_04_13_1000 + 250, T_2011_04_13_1000 + 300
    };
    static const char *const ms_labels[] = {
        "10:00:00.000", "10:00:00.050", "10:00:00.100", "10:00:00.150",
        "10:00:00.200", "10:00:00.250", "10:00:00.300"
    };

    check_datetime(T_2011_04_13_1000, T_2011_04_13_1000 + 3000000, minutes, 6,
                   minute_labels);
    check_datetime(T_2011_04_13_1000, T_2011_04_13_1000 + 30000, seconds, 7,
                   second_labels);
    check_datetime(T_2011_04_13_1000, T_2011_04_13_1000 + 300, ms, 7,
                   ms_labels);
}

static void test_datetime_rejects_bad_input(void)
{
    pp__ticks t;

    CHECK_INT(pp__ticks_datetime(NAN, 0, 6, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_datetime(0, 9e15, 6, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_datetime(0, 1e9, 0, &t), PP_ERR_ARGUMENT);
    CHECK_INT(pp__ticks_datetime(1e12, 1e12, 6, &t), PP_OK);
    CHECK_INT(t.nmajor, 0);
}

static void test_datetime_single_tick_label(void)
{
    static const double ticks[] = {
        T_2011_04_13_1000, 1301616000000, 1293840000000, 1302652800000,
        T_2011_04_13_1000 + 5000, T_2011_04_13_1000 + 7
    };
    static const char *const want[] = {
        "04/13 10:00", "04/2011", "2011", "04/13", "10:00:05", "10:00:00.007"
    };
    char **got = NULL;
    size_t i;

    for (i = 0; i < COUNT(ticks); i++) {
        CHECK_INT(pp__format_ticks_datetime(&ticks[i], 1, &got), PP_OK);
        check_labels(got, &want[i], 1);
        pp__labels_free(got, 1);
    }
}

/* Half-hour ticks over more than a day would repeat "10:00" under the
 * minutes format: every label then takes the full form. */
static void test_datetime_labels_repeat_falls_back(void)
{
    double ticks[50];
    char **got = NULL;
    size_t i;

    for (i = 0; i < COUNT(ticks); i++)
        ticks[i] = T_2011_04_13_1000 + (double)i * 1800000;
    CHECK_INT(pp__format_ticks_datetime(ticks, COUNT(ticks), &got), PP_OK);
    CHECK(got != NULL);
    if (got != NULL) {
        CHECK_STR(got[0], "2011-04-13 10:00:00");
        CHECK_STR(got[1], "2011-04-13 10:30:00");
        CHECK_STR(got[48], "2011-04-14 10:00:00");
    }
    pp__labels_free(got, COUNT(ticks));

    /* Five of them fit in the minutes format. */
    CHECK_INT(pp__format_ticks_datetime(ticks, 5, &got), PP_OK);
    CHECK(got != NULL);
    if (got != NULL) {
        CHECK_STR(got[0], "10:00");
        CHECK_STR(got[4], "12:00");
    }
    pp__labels_free(got, 5);
}

/* Over spans from a millisecond to a century, no two labels are equal. */
static void test_datetime_labels_all_differ(void)
{
    double span = 1;
    int desired;

    for (; span < 4e12; span *= 1.7) {
        for (desired = 2; desired <= 12; desired += 5) {
            char **got = NULL;
            pp__ticks t;
            size_t i, j;

            CHECK_INT(pp__ticks_datetime(T_2011_04_13_0852,
                                         T_2011_04_13_0852 + span, desired,
                                         &t), PP_OK);
            CHECK_INT(pp__format_ticks_datetime(t.major, t.nmajor, &got),
                      PP_OK);
            for (i = 0; got != NULL && i < t.nmajor; i++) {
                for (j = i + 1; j < t.nmajor; j++)
                    CHECK_MSG(strcmp(got[i], got[j]) != 0,
                              "span %g: \"%s\" twice", span, got[i]);
            }
            pp__labels_free(got, t.nmajor);
            pp__ticks_free(&t);
        }
    }
}

int main(void)
{
    RUN(test_basic_fig1_x_matches_bokeh);
    RUN(test_basic_fig1_y_matches_bokeh);
    RUN(test_basic_fig3_x_matches_bokeh);
    RUN(test_basic_fig3_y_matches_bokeh);
    RUN(test_basic_fig4_x_matches_bokeh);
    RUN(test_basic_fig4_y_matches_bokeh);
    RUN(test_layout_json_axes_match);
    RUN(test_basic_equal_ends_gives_no_ticks);
    RUN(test_basic_reversed_range_same_ticks);
    RUN(test_basic_huge_span_measured_in_halves);
    RUN(test_basic_tiny_span);
    RUN(test_basic_subnormal_span_decimal_ticks);
    RUN(test_format_subnormal_shows_its_digits);
    RUN(test_basic_rejects_non_finite);
    RUN(test_basic_rejects_bad_counts);
    RUN(test_basic_caps_tick_count);
    RUN(test_format_rounds_halves_up_like_js);
    RUN(test_format_negative_uses_minus_sign);
    RUN(test_format_negative_zero_prints_zero);
    RUN(test_format_scientific_below_a_thousandth);
    RUN(test_format_precision_grows_until_labels_differ);
    RUN(test_format_empty_and_non_finite);
    RUN(test_log_majors_are_powers_of_ten);
    RUN(test_log_wide_span_takes_every_kth_power);
    RUN(test_log_short_span_is_linear);
    RUN(test_log_sparser_decades);
    RUN(test_log_rejects_non_positive);
    RUN(test_font_superscripts_of_liberation);
    RUN(test_log_labels_use_superscripts_the_font_has);
    RUN(test_labels_read_as_their_ticks);
    RUN(test_log_labels_fall_back_for_whole_axis);
    RUN(test_log_labels_shared_exponent_use_basic);
    RUN(test_datetime_three_days_twelve_hours);
    RUN(test_datetime_days_skip_crowded_28th);
    RUN(test_datetime_leap_day);
    RUN(test_datetime_every_second_month);
    RUN(test_datetime_years);
    RUN(test_datetime_minutes_seconds_milliseconds);
    RUN(test_datetime_rejects_bad_input);
    RUN(test_datetime_single_tick_label);
    RUN(test_datetime_labels_repeat_falls_back);
    RUN(test_datetime_labels_all_differ);
    CHECK_EXIT();
}
