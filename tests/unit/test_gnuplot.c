/*
 * The gnuplot backend through the library: the script's lines for each
 * part of a figure, the messages when gnuplot is missing or fails, the
 * files left behind (none), and, when gnuplot is installed, pixels of the
 * PNG it draws.
 */
#include "check.h"
#include "model.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

/* A 400x300 figure over data from memory; extra renderers/keys spliced. */
static const char base_spec[] =
    "{\"width\": 400, \"height\": 300,"
    " \"title\": {\"text\": \"Bob's plot\", \"align\": \"center\"},"
    " \"x_range\": [0, 10], \"y_range\": [0, 5],"
    " \"sources\": {\"s\": {\"data\": {}}},"
    " \"xaxis.axis_label\": \"time\","
    " \"renderers\": [%s]}";

static const double xs[] = {1, 2, 3, 4, 5};
static const double ys[] = {1, 2, NAN, 4, 3};
static const double vs[] = {500, 1500, 999, 1000, 2};

typedef struct fixture {
    pp_figure_t *fig;
    pp_fonts_t *fonts;
    char *script;
    pp_error_t err;
    pp_status status;
} fixture;

static void load(fixture *f, const char *renderers)
{
    char spec[4096], font_dir[512];

    memset(f, 0, sizeof *f);
    snprintf(spec, sizeof spec, base_spec, renderers);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    f->status = pp_figure_load_json(spec, strlen(spec), "fig.json", NULL,
                                    &f->fig, &f->err);
    if (f->status == PP_OK)
        f->status = pp_figure_set_column(f->fig, "s", "x", xs, 5, &f->err);
    if (f->status == PP_OK)
        f->status = pp_figure_set_column(f->fig, "s", "y", ys, 5, &f->err);
    if (f->status == PP_OK)
        f->status = pp_figure_set_column(f->fig, "s", "v", vs, 5, &f->err);
    if (f->status == PP_OK)
        f->status = pp_fonts_load(font_dir, &f->fonts, &f->err);
}

static void load_script(fixture *f, const char *renderers)
{
    load(f, renderers);
    if (f->status == PP_OK)
        f->status = pp_figure_gnuplot_script(f->fig, f->fonts, "out.png",
                                             &f->script, NULL, &f->err);
    CHECK_MSG(f->status == PP_OK, "script failed: %s", f->err.message);
}

static void release(fixture *f)
{
    free(f->script);
    pp_fonts_destroy(f->fonts);
    pp_figure_destroy(f->fig);
}

static const char line_renderer[] =
    "{\"glyph\": \"line\", \"source\": \"s\", \"x\": \"x\", \"y\": \"y\","
    " \"line_color\": \"navy\", \"line_alpha\": 0.5, \"line_width\": 2}";

/* ------------------------------------------------------------------------ */
/* The script                                                                */
/* ------------------------------------------------------------------------ */

static void test_script_pins_the_frame(void)
{
    fixture f;
    pp__layout layout;
    char line[128];

    load_script(&f, line_renderer);
    if (f.script == NULL) {
        release(&f);
        return;
    }
    CHECK_CONTAINS(f.script, "set terminal pngcairo size 400,300 noenhanced "
                   "butt background \"#ffffff\" font \"Liberation Sans,8.25\"");
    CHECK_CONTAINS(f.script, "\nset output \"out.png\"\n");
    CHECK_CONTAINS(f.script, "\nset xrange [0:10]\nset yrange [0:5]\n");

    /* The margins are our frame's pixels over the canvas size minus one. */
    CHECK_INT(pp__figure_prepare(f.fig, f.fonts, &layout, &f.err), PP_OK);
    snprintf(line, sizeof line, "\nset lmargin at screen %g/399.\n",
             layout.frame.x);
    CHECK_CONTAINS(f.script, line);
    snprintf(line, sizeof line, "\nset rmargin at screen %g/399.\n",
             layout.frame.x + layout.frame.width);
    CHECK_CONTAINS(f.script, line);
    snprintf(line, sizeof line, "\nset tmargin at screen 1 - %g/299.\n",
             layout.frame.y);
    CHECK_CONTAINS(f.script, line);
    snprintf(line, sizeof line, "\nset bmargin at screen 1 - %g/299.\n",
             layout.frame.y + layout.frame.height);
    CHECK_CONTAINS(f.script, line);
    pp__layout_free(&layout);
    release(&f);
}

static void test_script_line_colors_and_gaps(void)
{
    fixture f;

    load_script(&f, line_renderer);
    if (f.script == NULL) {
        release(&f);
        return;
    }
    /* Alpha 0.5 of navy: gnuplot counts transparency, 0x7f of 0xff. */
    CHECK_CONTAINS(f.script, "    $r0 using 1:2 with lines lw 2 lc rgb "
                   "\"#7f000080\" notitle\n");
    /* The missing y breaks the line: a blank line in the datablock. */
    CHECK_CONTAINS(f.script, "$r0 << EOD\n1 1\n2 2\n\n4 4\n5 3\nEOD\n");
    CHECK_CONTAINS(f.script, "\nunset output\n");
    release(&f);
}

static void test_script_text(void)
{
    fixture f;

    load_script(&f, line_renderer);
    if (f.script == NULL) {
        release(&f);
        return;
    }
    /* Quotes doubled in single-quoted text; fonts in points (13 px). */
    CHECK_CONTAINS(f.script, "set label 1 \"Bob's plot\" at screen ");
    CHECK_CONTAINS(f.script, " center font \"Liberation Sans:Bold,9.75\" "
                   "textcolor rgb \"#444444\" front\n");
    CHECK_CONTAINS(f.script, "set label 2 \"time\" at screen ");
    CHECK_CONTAINS(f.script, "font \"Liberation Sans:Italic,9.75\"");
    /* Tick labels as Bokeh formats them, with minor ticks at level 1. */
    CHECK_CONTAINS(f.script, "    \"0\" 0, \\\n    \"2\" 2, \\\n");
    CHECK_CONTAINS(f.script, "    \"\" 0.4 1, \\\n");
    release(&f);
}

/* Text from the input never becomes a command: gnuplot runs what stands
   between backquotes even in double quotes, and a line break in a name
   would end a comment. The figure carries both; gnuplot must not run
   them. */
static void test_script_keeps_input_as_text(void)
{
    static const char field[] = "v\nset output \"stolen.png\"";
    char spec[1024], font_dir[512], marker[512];
    pp_figure_t *fig = NULL;
    pp_fonts_t *fonts = NULL;
    char *script = NULL;
    pp_error_t err;
    pp_status st;

    snprintf(marker, sizeof marker, "%s/ran", tmpdir);
    snprintf(spec, sizeof spec,
             "{\"title\": \"a `touch %s` b\", \"sources\": {\"s\": "
             "{\"data\": {}}}, \"renderers\": [{\"glyph\": \"segment\","
             " \"source\": \"s\", \"x0\": \"x\", \"y0\": \"y\", \"x1\": 2,"
             " \"y1\": 2, \"line_color\": {\"field\": \"v\\nset output "
             "\\\"stolen.png\\\"\", \"transform\": {\"type\": "
             "\"threshold_cmap\", \"thresholds\": [1000], \"palette\": "
             "[\"navy\", \"red\"]}}}]}", marker);
    snprintf(font_dir, sizeof font_dir, "%s/fonts", check_repo_dir());
    st = pp_figure_load_json(spec, strlen(spec), "fig.json", NULL, &fig,
                             &err);
    if (st == PP_OK)
        st = pp_figure_set_column(fig, "s", "x", xs, 5, &err);
    if (st == PP_OK)
        st = pp_figure_set_column(fig, "s", "y", xs, 5, &err);
    if (st == PP_OK)
        st = pp_figure_set_column(fig, "s", field, vs, 5, &err);
    if (st == PP_OK)
        st = pp_fonts_load(font_dir, &fonts, &err);
    if (st == PP_OK)
        st = pp_figure_gnuplot_script(fig, fonts, "out`x`.png", &script,
                                      NULL, &err);
    CHECK_MSG(st == PP_OK, "script failed: %s", err.message);
    if (script != NULL) {
        CHECK(strchr(script, '`') == NULL);
        CHECK_CONTAINS(script, "set output \"out\\140x\\140.png\"\n");
        CHECK_CONTAINS(script, "set label 1 \"a \\140touch ");
        CHECK_CONTAINS(script, "/ran\\140 b\" at screen ");
        CHECK_CONTAINS(script, "# renderers[0]: colours by threshold_cmap "
                       "of 'v set output \"stolen.png\"'.\ncolor0(v) = ");
    }

    /* gnuplot itself draws the title as written and runs nothing. */
    if (st == PP_OK) {
        char path[512];

        snprintf(path, sizeof path, "%s/quoted.png", tmpdir);
        st = pp_figure_write_gnuplot_png(fig, fonts, NULL, path, &err);
        if (st == PP_ERR_BACKEND &&
            strncmp(err.message, "gnuplot is not installed", 24) == 0)
            SKIP("gnuplot is not installed (apt-get install gnuplot-nox)");
        else
            CHECK_MSG(st == PP_OK, "gnuplot failed: %s", err.message);
        CHECK_INT(access(marker, F_OK), -1);
    }
    free(script);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
}

static void test_script_threshold_function(void)
{
    fixture f;

    load_script(&f, "{\"glyph\": \"segment\", \"source\": \"s\", \"x0\": 1,"
                " \"y0\": \"x\", \"x1\": 2, \"y1\": \"x\", \"line_width\": 2,"
                " \"line_alpha\": 0.6, \"line_color\": {\"field\": \"v\","
                " \"transform\": {\"type\": \"threshold_cmap\","
                " \"thresholds\": [1000], \"palette\": [\"navy\", \"red\"]}}}");
    if (f.script == NULL) {
        release(&f);
        return;
    }
    CHECK_CONTAINS(f.script, "\ncolor0(v) = v < 1000 ? 0x66000080 : "
                   "0x66ff0000\n");
    CHECK_CONTAINS(f.script, "$r0 << EOD\n1 1 2 1 500\n1 2 2 2 1500\n");
    CHECK_CONTAINS(f.script, "    $r0 using 1:2:($3-$1):($4-$2):"
                   "(color0($5)) with vectors nohead lw 2 lc rgb variable "
                   "notitle\n");
    release(&f);
}

static void test_script_markers(void)
{
    fixture f;

    load_script(&f, "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": \"x\","
                " \"y\": 1, \"size\": 8, \"fill_color\": \"red\"},"
                "{\"glyph\": \"scatter\", \"source\": \"s\", \"x\": \"x\","
                " \"y\": 2, \"size\": 8, \"marker\": \"square\","
                " \"line_color\": null}");
    if (f.script == NULL) {
        release(&f);
        return;
    }
    /* Circles take their radius in x units: 4 px of the frame's width.
       Colours not given are bokeh.plotting's #1f77b4. */
    CHECK_CONTAINS(f.script, "    $r0 using 1:2:3 with circles lw 1 lc rgb "
                   "\"#ff0000\" fs solid 1.0 border lc rgb \"#1f77b4\" "
                   "notitle");
    CHECK_CONTAINS(f.script, "    $r1 using 1:2:3:4:5:6 with boxxyerror lw 1 "
                   "lc rgb \"#1f77b4\" fs solid 1.0 noborder notitle\n");
    release(&f);
}

/* A renderer without a point to draw is left out of the plot command
   (gnuplot would warn about it); an empty plot command plots nothing. */
static void test_script_without_points(void)
{
    fixture f;

    load_script(&f, "{\"glyph\": \"line\", \"source\": \"s\", \"x\": \"x\","
                " \"y\": {\"field\": \"v\", \"transform\": {\"type\": "
                "\"where\", \"column\": \"x\", \"equals\": 99,"
                " \"otherwise\": null}}}");
    if (f.script == NULL) {
        release(&f);
        return;
    }
    CHECK_CONTAINS(f.script, "\nunset key\nplot NaN notitle\nunset output\n");
    CHECK(strstr(f.script, "$r0 using") == NULL);
    release(&f);
}

static void test_script_legend(void)
{
    fixture f;
    char renderers[512];

    snprintf(renderers, sizeof renderers, "%.*s, \"legend_label\": \"it's\"}",
             (int)strlen(line_renderer) - 1, line_renderer);
    load_script(&f, renderers);
    if (f.script == NULL) {
        release(&f);
        return;
    }
    CHECK_CONTAINS(f.script, "set object 2 rectangle from screen ");
    CHECK_CONTAINS(f.script, " front fillcolor rgb \"#ffffff\" fillstyle "
                   "transparent solid 0.95 border lc rgb \"#7fe5e5e5\" lw 1\n");
    CHECK_CONTAINS(f.script, " nohead front lw 2 lc rgb \"#7f000080\"\n");
    CHECK_CONTAINS(f.script, "set label 10 \"it's\" at screen ");
    release(&f);
}

/* Bands at x = 1..5 (each row of v marks one): narrow ones, 0.01 wide,
   and wide ones, 0.5. */
static const char narrow_bands[] =
    "{\"glyph\": \"bands\", \"source\": \"s\", \"x\": \"x\", \"by\": \"v\","
    " \"width\": 0.01, \"fill_color\": \"red\", \"fill_alpha\": 0.2}";
static const char wide_bands[] =
    "{\"glyph\": \"bands\", \"source\": \"s\", \"x\": \"x\", \"by\": \"v\","
    " \"width\": 0.5, \"fill_color\": \"red\", \"fill_alpha\": 0.2}";

/* The x ends of "set object TAG rectangle from first A, ... to first B". */
static bool band_ends(const char *script, int tag, double *a, double *b)
{
    char start[64];
    const char *p;

    snprintf(start, sizeof start, "set object %d rectangle from first ", tag);
    p = strstr(script, start);
    return p != NULL &&
           sscanf(p + strlen(start), "%lf, graph 0 to first %lf", a, b) == 2;
}

/*
 * A band narrower than a pixel is written as the pixel its middle falls
 * in, as pngplot draws it: a one-minute band on a three-day axis is a
 * quarter pixel, which gnuplot's coverage at alpha 0.2 leaves all but
 * white.
 */
static void test_script_band_at_least_a_pixel_wide(void)
{
    fixture f;
    pp__layout layout;
    double a = 0, b = 0, pixel;

    load_script(&f, narrow_bands);
    if (f.script == NULL ||
        pp__figure_prepare(f.fig, f.fonts, &layout, &f.err) != PP_OK) {
        release(&f);
        return;
    }
    /* The pixel the band's middle (x = 3) falls in, as pngplot fills it. */
    pixel = floor(pp__scale_x(f.fig, &layout, 3.0) + 0.5);
    CHECK(band_ends(f.script, 1002, &a, &b));
    CHECK_NEAR(pp__scale_x(f.fig, &layout, a), pixel - 0.5, 1e-9);
    CHECK_NEAR(pp__scale_x(f.fig, &layout, b), pixel + 0.5, 1e-9);
    pp__layout_free(&layout);
    release(&f);

    /* Wider bands keep their own ends, exactly. */
    load_script(&f, wide_bands);
    if (f.script != NULL)
        CHECK_CONTAINS(f.script, "set object 1002 rectangle from first 2.75, "
                       "graph 0 to first 3.25, graph 1 behind");
    release(&f);
}

/* ------------------------------------------------------------------------ */
/* Running gnuplot                                                           */
/* ------------------------------------------------------------------------ */

/* The entries of tmpdir whose names start with prefix. */
static int count_entries(const char *prefix)
{
    DIR *dir = opendir(tmpdir);
    struct dirent *e;
    int n = 0;

    if (dir == NULL)
        return -1;
    while ((e = readdir(dir)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(dir);
    return n;
}

static void test_missing_gnuplot(void)
{
    pp_gnuplot_options_t opt = {"pngplot-test-no-such-gnuplot", NULL};
    fixture f;
    uint8_t *png = (uint8_t *)"x";
    size_t size = 1;

    load(&f, line_renderer);
    CHECK_INT(pp_figure_render_gnuplot(f.fig, f.fonts, &opt, &png, &size,
                                       &f.err), PP_ERR_BACKEND);
    CHECK_STR(f.err.message, "gnuplot is not installed: install it with "
              "'apt-get install gnuplot-nox', or render without --backend "
              "gnuplot");
    CHECK(png == NULL);
    CHECK_INT(size, 0);

    opt.program = "/nonexistent/gnuplot";
    CHECK_INT(pp_figure_render_gnuplot(f.fig, f.fonts, &opt, &png, &size,
                                       &f.err), PP_ERR_BACKEND);
    CHECK_STR(f.err.message, "cannot run /nonexistent/gnuplot: No such file "
              "or directory");
    CHECK_INT(count_entries("pngplot-gnuplot-"), 0);
    release(&f);
}

static void test_failure_keeps_existing_output(void)
{
    pp_gnuplot_options_t opt = {"/bin/false", NULL};
    char path[512], text[32] = "";
    fixture f;
    FILE *file;

    snprintf(path, sizeof path, "%s/kept.png", tmpdir);
    file = fopen(path, "w");
    if (file != NULL) {
        fputs("old contents", file);
        fclose(file);
    }
    load(&f, line_renderer);
    CHECK_INT(pp_figure_write_gnuplot_png(f.fig, f.fonts, &opt, path, &f.err),
              PP_ERR_BACKEND);
    CHECK_STR(f.err.message, "fig.json: /bin/false failed (exit status 1): "
              "(no message) (--script-only FILE writes that script)");
    file = fopen(path, "r");
    if (file != NULL) {
        if (fgets(text, sizeof text, file) == NULL)
            text[0] = '\0';
        fclose(file);
    }
    CHECK_STR(text, "old contents");
    CHECK_INT(count_entries(".kept.png."), 0);
    CHECK_INT(count_entries("pngplot-gnuplot-"), 0);
    release(&f);
}

/* With gnuplot: the PNG has the figure's size and our frame's pixels. */
static void test_gnuplot_draws_the_frame(void)
{
    fixture f;
    pp__layout layout;
    pp_canvas_t *canvas = NULL;
    char path[512];
    uint8_t p[4];
    int left, bottom, right, top;

    snprintf(path, sizeof path, "%s/drawn.png", tmpdir);
    load(&f, line_renderer);
    f.status = pp_figure_write_gnuplot_png(f.fig, f.fonts, NULL, path,
                                           &f.err);
    if (f.status == PP_ERR_BACKEND &&
        strncmp(f.err.message, "gnuplot is not installed", 24) == 0) {
        SKIP("gnuplot is not installed (apt-get install gnuplot-nox)");
        release(&f);
        return;
    }
    CHECK_MSG(f.status == PP_OK, "gnuplot failed: %s", f.err.message);
    CHECK_INT(pp_canvas_read_png(path, &canvas, &f.err), PP_OK);
    CHECK_INT(pp__figure_prepare(f.fig, f.fonts, &layout, &f.err), PP_OK);
    if (canvas == NULL) {
        release(&f);
        return;
    }
    CHECK_INT(pp_canvas_width(canvas), 400);
    CHECK_INT(pp_canvas_height(canvas), 300);

    /* The axis lines in black on our frame's left column and bottom row,
       the outline in light grey on its top row and right column. */
    left = (int)layout.frame.x;
    top = (int)layout.frame.y;
    right = (int)(layout.frame.x + layout.frame.width);
    bottom = (int)(layout.frame.y + layout.frame.height);
    pp_canvas_get_pixel(canvas, left, (top + bottom) / 2, p);
    CHECK_MSG(p[0] == 0 && p[1] == 0 && p[2] == 0, "left axis is %d,%d,%d",
              p[0], p[1], p[2]);
    pp_canvas_get_pixel(canvas, (left + right) / 2, bottom, p);
    CHECK_MSG(p[0] == 0 && p[1] == 0 && p[2] == 0, "x axis is %d,%d,%d",
              p[0], p[1], p[2]);
    pp_canvas_get_pixel(canvas, (left + right) / 2 + 1, top, p);
    CHECK_MSG(p[0] == 0xe5 && p[2] == 0xe5, "top outline is %d,%d,%d", p[0],
              p[1], p[2]);
    pp_canvas_get_pixel(canvas, right, (top + bottom) / 2 + 1, p);
    CHECK_MSG(p[0] == 0xe5 && p[2] == 0xe5, "right outline is %d,%d,%d", p[0],
              p[1], p[2]);
    pp_canvas_get_pixel(canvas, left - 1, (top + bottom) / 2, p);
    CHECK_MSG(p[0] == 255 && p[1] == 255 && p[2] == 255,
              "left of the axis is %d,%d,%d", p[0], p[1], p[2]);

    /* The first line piece from (1, 1) to (2, 2): its middle is navy at
       half alpha over white, where our scale puts it. */
    pp_canvas_get_pixel(canvas, (int)lround(pp__scale_x(f.fig, &layout, 1.5)),
                        (int)lround(pp__scale_y(f.fig, &layout, 1.5)), p);
    CHECK_MSG(p[0] < 160 && p[2] > 160, "line middle is %d,%d,%d", p[0], p[1],
              p[2]);
    pp__layout_free(&layout);
    pp_canvas_destroy(canvas);
    CHECK_INT(count_entries("pngplot-gnuplot-"), 0);
    release(&f);
}

/*
 * With gnuplot: a narrow band tints the same pixel columns as pngplot's,
 * at the same strength. Tolerance: 4 levels a channel, for the two
 * rasterizers' rounding of a fractional pixel's coverage (measured: 1).
 */
static void test_gnuplot_draws_narrow_bands(void)
{
    fixture f;
    pp__layout layout;
    pp_canvas_t *ours = NULL, *theirs = NULL;
    char path[512];
    int x, y, tinted = 0;

    snprintf(path, sizeof path, "%s/bands.png", tmpdir);
    load(&f, narrow_bands);
    f.status = pp_figure_write_gnuplot_png(f.fig, f.fonts, NULL, path,
                                           &f.err);
    if (f.status == PP_ERR_BACKEND &&
        strncmp(f.err.message, "gnuplot is not installed", 24) == 0) {
        SKIP("gnuplot is not installed (apt-get install gnuplot-nox)");
        release(&f);
        return;
    }
    CHECK_MSG(f.status == PP_OK, "gnuplot failed: %s", f.err.message);
    CHECK_INT(pp_canvas_read_png(path, &theirs, &f.err), PP_OK);
    CHECK_INT(pp_figure_render(f.fig, f.fonts, &ours, &f.err), PP_OK);
    CHECK_INT(pp__figure_prepare(f.fig, f.fonts, &layout, &f.err), PP_OK);
    if (ours == NULL || theirs == NULL) {
        pp_canvas_destroy(ours);
        pp_canvas_destroy(theirs);
        release(&f);
        return;
    }

    /* Around the band at x = 3, half way down the frame. */
    y = (int)(layout.frame.y + layout.frame.height / 2.0);
    for (x = (int)pp__scale_x(f.fig, &layout, 3.0) - 2;
         x <= (int)pp__scale_x(f.fig, &layout, 3.0) + 2; x++) {
        uint8_t p[4], q[4];
        int c;

        pp_canvas_get_pixel(ours, x, y, p);
        pp_canvas_get_pixel(theirs, x, y, q);
        for (c = 0; c < 3; c++)
            CHECK_MSG(abs(p[c] - q[c]) <= 4, "pixel %d,%d: ours %d,%d,%d, "
                      "gnuplot's %d,%d,%d", x, y, p[0], p[1], p[2], q[0],
                      q[1], q[2]);
        tinted += 255 - q[1];
    }
    /* A pixel of red at alpha 0.2 over white: 51 levels off green. */
    CHECK_MSG(tinted >= 45 && tinted <= 57, "the band takes %d levels of "
              "green, expected about 51", tinted);
    pp__layout_free(&layout);
    pp_canvas_destroy(ours);
    pp_canvas_destroy(theirs);
    release(&f);
}

int main(void)
{
    char template[] = "/tmp/pp_test_gnuplot_XXXXXX";

    if (mkdtemp(template) == NULL) {
        printf("FAIL test_gnuplot: cannot create a temporary folder\n");
        return 1;
    }
    snprintf(tmpdir, sizeof tmpdir, "%s", template);
    /* Our temporary folders go here, so the tests can see none is left. */
    setenv("TMPDIR", tmpdir, 1);

    RUN(test_script_pins_the_frame);
    RUN(test_script_line_colors_and_gaps);
    RUN(test_script_text);
    RUN(test_script_threshold_function);
    RUN(test_script_keeps_input_as_text);
    RUN(test_script_markers);
    RUN(test_script_without_points);
    RUN(test_script_legend);
    RUN(test_script_band_at_least_a_pixel_wide);
    RUN(test_missing_gnuplot);
    RUN(test_failure_keeps_existing_output);
    RUN(test_gnuplot_draws_the_frame);
    RUN(test_gnuplot_draws_narrow_bands);

    {
        char command[600];
        snprintf(command, sizeof command, "rm -rf '%s'", tmpdir);
        if (system(command) != 0)
            fprintf(stderr, "note: could not remove %s\n", tmpdir);
    }
    CHECK_EXIT();
}
