/*
 * The pngplot command: render a figure spec to PNG, or compare two PNGs.
 * All printing and exiting happens here; the library only returns status.
 *
 * Exit status: 0 on success (diff: images alike), 1 for bad input, a failed
 * render or write (help, the version, the PNG) or (diff) images that
 * differ, 2 for a usage error (diff: also an image that cannot be read, a
 * diff image or standard output that cannot be written).
 */
/* realpath() is in POSIX, but glibc declares it only for X/Open. */
#define _XOPEN_SOURCE 700

#include "pngplot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_USAGE 2

/* Where make install puts the documents; the Makefile passes it. */
#ifndef PP_DOC_DIR
#define PP_DOC_DIR "/usr/local/share/doc/pngplot"
#endif

static const char *program = "pngplot";

/* Standard output was closed when we started: -o - cannot work. */
static int stdout_closed;

/* A failed write to standard output was reported already. */
static int stdout_reported;

static void print_error(const char *message)
{
    fprintf(stderr, "%s: error: %s\n", program, message);
}

static void print_warning(void *user, const char *message)
{
    (void)user;
    fprintf(stderr, "%s: warning: %s\n", program, message);
}

static int usage_error(const char *message, const char *command)
{
    fprintf(stderr, "%s: error: %s\n", program, message);
    fprintf(stderr, "Try '%s %s--help' for more information.\n", program,
            command);
    return EXIT_USAGE;
}

static const char main_help[] =
    "Usage: pngplot COMMAND [OPTION]...\n"
    "Draw figures from CSV files straight to PNG images.\n"
    "\n"
    "Commands:\n"
    "  render SPEC.json [-o OUT.png]   draw the figure a JSON spec describes\n"
    "  diff EXPECTED.png ACTUAL.png    compare two images pixel by pixel\n"
    "\n"
    "Options:\n"
    "  -h, --help      show this help, or a command's with COMMAND --help\n"
    "  -V, --version   show the version\n"
    "\n"
    "The spec format is described in docs/spec.md (installed as\n"
    PP_DOC_DIR "/spec.md).\n"
    "\n"
    "Exit status:\n"
    "  render  0 written; 1 bad input, failed render or write; 2 usage error\n"
    "  diff    0 alike; 1 different; 2 usage error, unreadable image or\n"
    "          failed write\n";

static const char render_help[] =
    "Usage: pngplot render SPEC.json [OPTION]...\n"
    "Draw the figure described by SPEC.json as a PNG image.\n"
    "\n"
    "  -o, --output FILE     write the PNG to FILE ('-' for standard output);\n"
    "                        default: SPEC with .png in place of .json\n"
    "      --data-dir DIR    resolve the spec's relative CSV paths in DIR\n"
    "                        instead of its data_dir (or its own folder)\n"
    "      --font-dir DIR    load the fonts from DIR (also PNGPLOT_FONT_DIR)\n"
    "      --compression N   0 (none) to 12 (smallest file); default 6\n"
    "      --html FILE       also write an HTML page showing the PNG, with\n"
    "                        the spec's tooltips and links as an image map\n"
    "                        ('-' for standard output; the PNG then needs\n"
    "                        -o FILE or the default)\n"
    "  -q, --quiet           do not print warnings\n"
    "      --backend NAME    'pngplot' (default) draws the figure itself;\n"
    "                        'gnuplot' has gnuplot's pngcairo terminal draw\n"
    "                        it (--compression does not apply)\n"
    "      --script-only FILE\n"
    "                        write the gnuplot script to FILE ('-' for\n"
    "                        standard output) instead of running gnuplot;\n"
    "                        it draws into the -o path (implies\n"
    "                        --backend gnuplot)\n"
    "  -h, --help            show this help\n"
    "\n"
    "A file appears only when complete: on any error no file is written and\n"
    "an existing one is left as it was. Standard output ('-') or another\n"
    "descriptor (/dev/stdout, /dev/fd/N) may have received part of the\n"
    "output before the error.\n"
    "Exit status: 0 written, 1 bad input, failed render or write, 2 usage\n"
    "error.\n";

static const char diff_help[] =
    "Usage: pngplot diff EXPECTED.png ACTUAL.png [OPTION]...\n"
    "Compare two images pixel by pixel.\n"
    "\n"
    "      --tolerance N        allow each channel to differ by up to N\n"
    "                           (0-255, default 0)\n"
    "      --max-diff-pixels N  still call the images alike when at most N\n"
    "                           pixels differ (default 0)\n"
    "      --diff-out FILE      write an image of the differences: the\n"
    "                           expected image faded, differing pixels magenta\n"
    "                           ('-' for standard output; the verdict then\n"
    "                           goes to standard error)\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 alike, 1 different, 2 usage error, unreadable image or\n"
    "failed write (of FILE or the verdict).\n";

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

/*
 * Matches argv[*i] against a long option ("--name" or "--name=value") or a
 * short one ("-o value"). Sets *value and advances *i past a separate
 * value. Returns 1 on a match, 0 when not this option, -1 when its value
 * is missing.
 */
static int option_value(int argc, char **argv, int *i, const char *shortname,
                        const char *longname, const char **value)
{
    const char *arg = argv[*i];
    size_t len = strlen(longname);

    if (strncmp(arg, longname, len) == 0 && arg[len] == '=') {
        *value = arg + len + 1;
        return 1;
    }
    if (strcmp(arg, longname) != 0 &&
        (shortname == NULL || strcmp(arg, shortname) != 0))
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

static int parse_int(const char *text, int min, int max, int *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < min || v > max)
        return 0;
    *out = (int)v;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Fonts                                                                     */
/* ------------------------------------------------------------------------ */

static int is_dir_with_fonts(const char *dir)
{
    char path[PATH_MAX + 64];
    struct stat st;
    int n = snprintf(path, sizeof path, "%s/LiberationSans-Regular.ttf", dir);

    return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0;
}

/*
 * Where the fonts are: --font-dir, then $PNGPLOT_FONT_DIR, then beside the
 * program (installed: PREFIX/bin/../share/pngplot/fonts; built:
 * build/../fonts), then the folder chosen at build time. *hint says how to
 * choose another folder, for when these fonts fail to load: a binary
 * copied away from its fonts would otherwise name only a path it never
 * meant to use.
 */
static const char *find_font_dir(const char *option, char *buf, size_t size,
                                 const char **hint)
{
    static const char *const relative[] = {"../share/pngplot/fonts",
                                           "../fonts"};
    const char *env = getenv("PNGPLOT_FONT_DIR");
    char exe[PATH_MAX];
    ssize_t n;
    size_t i;

    *hint = "give the folder of LiberationSans-*.ttf with --font-dir DIR "
            "or PNGPLOT_FONT_DIR=DIR";
    if (option != NULL) {
        *hint = "--font-dir must name the folder of LiberationSans-*.ttf";
        return option;
    }
    if (env != NULL && env[0] != '\0') {
        *hint = "PNGPLOT_FONT_DIR chose this folder: point it or "
                "--font-dir DIR at the folder of LiberationSans-*.ttf";
        return env;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        char *slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash != NULL)
            *slash = '\0';
        for (i = 0; i < sizeof relative / sizeof *relative; i++) {
            int len = snprintf(buf, size, "%s/%s", exe, relative[i]);
            if (len > 0 && (size_t)len < size && is_dir_with_fonts(buf))
                return buf;
        }
    }
    return PP_DEFAULT_FONT_DIR;
}

/* ------------------------------------------------------------------------ */
/* render                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct render_args {
    const char *spec;
    const char *output;
    const char *data_dir;
    const char *font_dir;
    const char *html;
    int compression;
    int quiet;
    int gnuplot;                /* --backend gnuplot */
    const char *script_only;    /* --script-only FILE */
} render_args;

/* The folder part of a path ("." when it has none); the caller frees it. */
static char *path_folder(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/*
 * Where the symbolic link at path points, a relative target read from the
 * link's folder: 1 with *target set (the caller frees it), 0 when path is
 * no link, -1 when out of memory.
 */
static int link_target(const char *path, const char *folder, char **target)
{
    char text[PATH_MAX];
    ssize_t n = readlink(path, text, sizeof text - 1);

    if (n <= 0)
        return 0;
    text[n] = '\0';
    *target = malloc(strlen(folder) + (size_t)n + 2);
    if (*target == NULL)
        return -1;
    if (text[0] == '/')
        strcpy(*target, text);
    else
        sprintf(*target, "%s/%s", folder, text);
    return 1;
}

/*
 * A path with its folder resolved ("./out/../fig.png" -> "/work/fig.png")
 * and a symbolic link at its end followed, for files that do not exist
 * yet: a link to a missing file becomes that file once written through.
 * NULL when the folder does not exist, or after 40 links (a loop). The
 * caller frees it.
 */
static char *resolved_path_links(const char *path, int links)
{
    const char *slash = strrchr(path, '/');
    char *folder = path_folder(path), *target = NULL, *real, *out = NULL;
    int is_link;

    if (folder == NULL)
        return NULL;
    if ((is_link = link_target(path, folder, &target)) != 0) {
        if (is_link > 0 && links < 40)
            out = resolved_path_links(target, links + 1);
        free(target);
        free(folder);
        return out;
    }
    real = realpath(folder, NULL);
    if (real != NULL && (out = malloc(strlen(real) + strlen(path) + 2)))
        sprintf(out, "%s/%s", strcmp(real, "/") == 0 ? "" : real,
                slash != NULL ? slash + 1 : path);
    free(folder);
    free(real);
    return out;
}

static char *resolved_path(const char *path)
{
    return resolved_path_links(path, 0);
}

/*
 * Whether two paths name the same file, existing or about to be written.
 * A descriptor (/dev/stdout, /dev/fd/N) is written where it stands, not
 * replaced, so it is the same as another path only when both lead to one
 * regular file (`-o /dev/stdout >>spec.json` would add the PNG to the
 * spec): /dev/stdin and /dev/stdout on one terminal are two.
 */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    char *ra, *rb;
    int same, fa = pp_path_descriptor(a), fb = pp_path_descriptor(b);

    if (strcmp(a, b) == 0 || (fa >= 0 && fa == fb))
        return 1;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino &&
               (S_ISREG(sa.st_mode) || (fa < 0 && fb < 0));
    ra = resolved_path(a);
    rb = resolved_path(b);
    same = ra != NULL && rb != NULL && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

/*
 * The path an output option names for the checks and writers: '-' is
 * standard output, descriptor 1, as /dev/stdout is. Without this, `-o -
 * >>data.csv` passed the checks that refuse /dev/stdout there, and
 * `--html -` wrote a file named "-".
 */
static const char *output_path(const char *path)
{
    return path != NULL && strcmp(path, "-") == 0 ? "/dev/stdout" : path;
}

/* Whether an output option writes to standard output. */
static int is_stdout(const char *path)
{
    return pp_path_descriptor(output_path(path)) == STDOUT_FILENO;
}

static char *default_output(const char *spec);

/*
 * The PNG's path, given with -o or the default SPEC.png, must not also be
 * the page's or the script's: the one written last would replace the other.
 */
static int check_png_clash(const render_args *a)
{
    char *owned = NULL;
    const char *png = a->output;
    int status = 0;

    if (png == NULL && (png = owned = default_output(a->spec)) == NULL) {
        print_error("out of memory");
        return EXIT_FAILURE;
    }
    /* The script only names the PNG: a descriptor there is gnuplot's when
       the script runs (`--script-only /dev/stdout -o /dev/stdout |
       gnuplot >fig.png`), not ours now. */
    if (a->html != NULL && same_file(output_path(a->html), png))
        status = usage_error("render: the PNG and the HTML page need "
                             "different paths", "render ");
    else if (a->script_only != NULL && pp_path_descriptor(png) < 0 &&
             same_file(output_path(a->script_only), png))
        status = usage_error("render: the PNG and the gnuplot script need "
                             "different paths", "render ");
    free(owned);
    return status;
}

/*
 * Paths that cannot be meant: an empty one (which would name "/" once a
 * file name is added), or an output that would replace the spec or the
 * other output.
 */
static int check_paths(const render_args *a)
{
    const char *values[5] = {a->output, a->html, a->data_dir, a->font_dir,
                             a->script_only};
    static const char *const names[5] = {"-o", "--html", "--data-dir",
                                         "--font-dir", "--script-only"};
    char message[256];
    int i;

    for (i = 0; i < 5; i++) {
        if (values[i] != NULL && values[i][0] == '\0') {
            snprintf(message, sizeof message, "render: %s needs a path, not "
                     "an empty string", names[i]);
            return usage_error(message, "render ");
        }
    }
    if ((a->output != NULL && same_file(output_path(a->output), a->spec)) ||
        (a->html != NULL && same_file(output_path(a->html), a->spec)) ||
        (a->script_only != NULL &&
         same_file(output_path(a->script_only), a->spec)))
        return usage_error("render: an output would replace the spec itself",
                           "render ");
    return check_png_clash(a);
}

/*
 * After the spec is read: no output may replace a CSV file the figure
 * reads (a usage error, as for the spec itself).
 */
static int check_inputs_kept(const render_args *a, pp_figure_t *fig,
                             const char *png)
{
    const char *outputs[3] = {png, a->html, a->script_only};
    static const char *const names[3] = {"-o", "--html", "--script-only"};
    const char *file;
    char message[PATH_MAX + 128];
    size_t i;
    int k;

    for (i = 0; (file = pp_figure_source_file(fig, i)) != NULL; i++) {
        for (k = 0; k < 3; k++) {
            if (outputs[k] == NULL || file[0] == '\0' ||
                !same_file(output_path(outputs[k]), file))
                continue;
            snprintf(message, sizeof message, "render: %s %s would replace "
                     "a CSV file the figure reads", names[k], outputs[k]);
            return usage_error(message, "render ");
        }
    }
    return 0;
}

static int parse_render_args(int argc, char **argv, render_args *a)
{
    int i, found;

    memset(a, 0, sizeof *a);
    a->compression = PP_COMPRESSION_DEFAULT;
    for (i = 2; i < argc; i++) {
        const char *value = NULL, *arg = argv[i];
        char message[256];

        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(render_help, stdout);
            return -1;
        }
        if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            a->quiet = 1;
            continue;
        }
        if ((found = option_value(argc, argv, &i, "-o", "--output",
                                  &value)) != 0) {
            a->output = value;
        } else if ((found = option_value(argc, argv, &i, NULL, "--data-dir",
                                         &value)) != 0) {
            a->data_dir = value;
        } else if ((found = option_value(argc, argv, &i, NULL, "--font-dir",
                                         &value)) != 0) {
            a->font_dir = value;
        } else if ((found = option_value(argc, argv, &i, NULL, "--backend",
                                         &value)) != 0) {
            if (found > 0 && strcmp(value, "pngplot") != 0 &&
                strcmp(value, "gnuplot") != 0)
                return usage_error("render: --backend is 'pngplot' or "
                                   "'gnuplot'", "render ");
            a->gnuplot = found > 0 && strcmp(value, "gnuplot") == 0 ? 1 : -1;
        } else if ((found = option_value(argc, argv, &i, NULL,
                                         "--script-only", &value)) != 0) {
            a->script_only = value;
        } else if ((found = option_value(argc, argv, &i, NULL, "--html",
                                         &value)) != 0) {
            a->html = value;
        } else if ((found = option_value(argc, argv, &i, NULL,
                                         "--compression", &value)) != 0) {
            if (found > 0 && !parse_int(value, 0, PP_COMPRESSION_MAX,
                                        &a->compression))
                return usage_error("--compression needs a level from 0 to 12",
                                   "render ");
        } else if (arg[0] == '-' && arg[1] != '\0') {
            snprintf(message, sizeof message, "render: unknown option '%s'",
                     arg);
            return usage_error(message, "render ");
        } else if (a->spec == NULL) {
            a->spec = arg;
            continue;
        } else {
            snprintf(message, sizeof message, "render: unexpected argument "
                     "'%s' (one spec at a time)", arg);
            return usage_error(message, "render ");
        }
        if (found < 0) {
            snprintf(message, sizeof message, "render: option '%s' needs a "
                     "value", arg);
            return usage_error(message, "render ");
        }
    }
    if (a->spec == NULL)
        return usage_error("render: missing SPEC.json", "render ");
    if (a->script_only != NULL && a->gnuplot < 0)
        return usage_error("render: --script-only writes a gnuplot script; "
                           "it goes with --backend gnuplot", "render ");
    if (a->script_only != NULL && a->output != NULL &&
        strcmp(a->output, "-") == 0)
        return usage_error("render: the script needs a file to draw into: "
                           "give -o FILE with --script-only", "render ");
    if (a->script_only != NULL && a->html != NULL)
        return usage_error("render: --script-only draws no PNG, so there is "
                           "none for --html to show", "render ");
    if (a->script_only != NULL)
        a->gnuplot = 1;
    if (a->html != NULL && a->output != NULL && is_stdout(a->html) &&
        is_stdout(a->output))
        return usage_error("render: the PNG and the HTML page cannot both "
                           "go to standard output: give -o a file",
                           "render ");
    if (a->html != NULL && a->output != NULL && strcmp(a->output, "-") == 0)
        return usage_error("render: --html needs the PNG in a file, not on "
                           "standard output", "render ");
    /* The page loads the PNG by its path, which a descriptor has not. */
    if (a->html != NULL && pp_path_descriptor(a->output) >= 0) {
        char message[128];

        snprintf(message, sizeof message, "render: --html needs the PNG in "
                 "a file, not on %s", a->output);
        return usage_error(message, "render ");
    }
    return check_paths(a);
}

/* SPEC.json (or .JSON, .Json) -> SPEC.png; a name without .json gets .png
   added. */
static char *default_output(const char *spec)
{
    size_t len = strlen(spec);
    char *out = malloc(len + 5);

    if (out == NULL)
        return NULL;
    memcpy(out, spec, len + 1);
    if (len > 5 && strcasecmp(spec + len - 5, ".json") == 0)
        out[len - 5] = '\0';
    strcat(out, ".png");
    return out;
}

/* Writes bytes to standard output; 0 or 1 as the command's status. */
static int write_bytes_stdout(const void *data, size_t size, const char *what)
{
    const char *why = "it is closed";

    if (stdout_closed ||
        fwrite(data, 1, size, stdout) != size || fflush(stdout) != 0) {
        if (!stdout_closed)
            why = strerror(errno);
        fprintf(stderr, "%s: error: cannot write the %s to standard output: "
                "%s\n", program, what, why);
        stdout_reported = 1;
        return 1;
    }
    return 0;
}

static int write_stdout(const pp_canvas_t *canvas, int compression)
{
    pp_error_t err;
    uint8_t *data;
    size_t size;
    int status;

    if (stdout_closed)
        return write_bytes_stdout(NULL, 0, "PNG");
    if (pp_canvas_encode_png(canvas, compression, &data, &size, &err)) {
        print_error(err.message);
        return 1;
    }
    status = write_bytes_stdout(data, size, "PNG");
    free(data);
    return status;
}

/*
 * Writes the PNG and, with --html, its page, as one: when either cannot be
 * written, neither path changes.
 */
static int write_outputs(const render_args *a, pp_figure_t *fig,
                         pp_fonts_t *fonts, const char *output,
                         const uint8_t *png, size_t png_size)
{
    const char *paths[2] = {output, output_path(a->html)};
    const void *data[2] = {png, NULL};
    size_t sizes[2] = {png_size, 0};
    char *page = NULL;
    pp_error_t err;
    pp_status st = PP_OK;

    /* gnuplot draws on pngplot's frame too, so the same map fits. */
    if (a->html != NULL)
        st = pp_figure_html(fig, fonts, output, paths[1], &page, &sizes[1],
                            &err);
    data[1] = page;
    if (st == PP_OK)
        st = pp_write_files(a->html != NULL ? 2 : 1, paths, data, sizes,
                            &err);
    free(page);
    if (st != PP_OK) {
        print_error(err.message);
        return 1;
    }
    return 0;
}

/* --backend gnuplot: gnuplot draws the PNG, or the script is written. */
static int render_gnuplot(const render_args *a, pp_figure_t *fig,
                          pp_fonts_t *fonts, const char *font_dir,
                          const char *output)
{
    pp_gnuplot_options_t gopt = {NULL, font_dir};
    pp_error_t err;
    char *script = NULL;
    uint8_t *png = NULL;
    size_t size;
    int status;

    if (a->script_only != NULL && strcmp(a->script_only, "-") == 0) {
        if (pp_figure_gnuplot_script(fig, fonts, output, &script, &size,
                                     &err) != PP_OK) {
            print_error(err.message);
            return 1;
        }
        status = write_bytes_stdout(script, size, "script");
        free(script);
        return status;
    }
    if (a->script_only != NULL) {
        if (pp_figure_write_gnuplot_script(fig, fonts, output, a->script_only,
                                           &err) == PP_OK)
            return 0;
    } else if (strcmp(output, "-") == 0) {
        if (pp_figure_render_gnuplot(fig, fonts, &gopt, &png, &size,
                                     &err) == PP_OK) {
            status = write_bytes_stdout(png, size, "PNG");
            free(png);
            return status;
        }
    } else if (pp_figure_render_gnuplot(fig, fonts, &gopt, &png, &size,
                                        &err) == PP_OK) {
        status = write_outputs(a, fig, fonts, output, png, size);
        free(png);
        return status;
    }
    print_error(err.message);
    return 1;
}

/*
 * Whether a file can be made at path; says why not when it cannot. A
 * descriptor, a device or a FIFO is written where it is, needing nothing
 * of its folder (/dev, which only root may write).
 */
static int folder_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    struct stat st;

    if (pp_path_descriptor(path) >= 0 ||
        (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
         !S_ISDIR(st.st_mode)))
        return 1;
    if (slash == NULL) {
        strcpy(dir, ".");
    } else if (slash == path) {
        strcpy(dir, "/");
    } else {
        size_t n = (size_t)(slash - path);
        if (n >= sizeof dir)
            n = sizeof dir - 1;
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    if (access(dir, W_OK | X_OK) == 0)
        return 1;
    fprintf(stderr, "%s: error: cannot write %s: %s\n", program, path,
            strerror(errno));
    return 0;
}

static int command_render(int argc, char **argv)
{
    pp_load_options_t opt = {0};
    pp_figure_t *fig = NULL;
    pp_fonts_t *fonts = NULL;
    pp_canvas_t *canvas = NULL;
    pp_error_t err;
    render_args a;
    char font_buf[PATH_MAX + 64], *output = NULL;
    const char *font_dir, *font_hint;
    uint8_t *png = NULL;
    size_t png_size = 0;
    int status = 1, parsed = parse_render_args(argc, argv, &a);

    if (parsed != 0)
        return parsed < 0 ? 0 : parsed;
    opt.data_dir = a.data_dir;
    opt.warning = a.quiet ? NULL : print_warning;

    font_dir = find_font_dir(a.font_dir, font_buf, sizeof font_buf,
                             &font_hint);
    if (pp_figure_load(a.spec, &opt, &fig, &err) != PP_OK) {
        print_error(err.message);
        goto done;
    }
    /* The library names the file; only the command knows its options. */
    if (pp_fonts_load(font_dir, &fonts, &err) != PP_OK) {
        if (err.status == PP_ERR_FONT)
            fprintf(stderr, "%s: error: %s; %s\n", program, err.message,
                    font_hint);
        else
            print_error(err.message);
        goto done;
    }
    if (!a.quiet)
        pp_fonts_set_warning_handler(fonts, print_warning, NULL);
    output = a.output != NULL ? strdup(a.output) : default_output(a.spec);
    if (output == NULL) {
        print_error("out of memory");
        goto done;
    }
    if ((status = check_inputs_kept(&a, fig, output)) != 0)
        goto done;
    status = 1;
    /* A page whose folder cannot be written is found before drawing. */
    if (a.html != NULL && a.script_only == NULL &&
        !folder_writable(output_path(a.html)))
        goto done;
    if (a.gnuplot > 0) {
        status = render_gnuplot(&a, fig, fonts, font_dir, output);
        goto done;
    }
    if (pp_figure_render(fig, fonts, &canvas, &err) != PP_OK) {
        print_error(err.message);
        goto done;
    }

    if (strcmp(output, "-") == 0) {
        status = write_stdout(canvas, a.compression);
        goto done;
    }
    if (pp_canvas_encode_png(canvas, a.compression, &png, &png_size,
                             &err) != PP_OK) {
        print_error(err.message);
        goto done;
    }
    status = write_outputs(&a, fig, fonts, output, png, png_size);
done:
    free(png);
    free(output);
    pp_canvas_destroy(canvas);
    pp_fonts_destroy(fonts);
    pp_figure_destroy(fig);
    return status;
}

/* ------------------------------------------------------------------------ */
/* diff                                                                      */
/* ------------------------------------------------------------------------ */

static int command_diff(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL}, *diff_out = NULL;
    int tolerance = 0, max_pixels = 0, nfiles = 0, i, found;
    pp_canvas_t *expected = NULL, *actual = NULL, *diff = NULL;
    pp_diff_result_t result;
    pp_error_t err;
    int status = EXIT_USAGE;
    FILE *verdict = stdout;

    for (i = 2; i < argc; i++) {
        const char *value = NULL, *arg = argv[i];
        char message[256];

        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(diff_help, stdout);
            return 0;
        }
        if ((found = option_value(argc, argv, &i, NULL, "--tolerance",
                                  &value)) != 0) {
            if (found > 0 && !parse_int(value, 0, 255, &tolerance))
                return usage_error("--tolerance needs a number from 0 to 255",
                                   "diff ");
        } else if ((found = option_value(argc, argv, &i, NULL,
                                         "--max-diff-pixels", &value)) != 0) {
            if (found > 0 && !parse_int(value, 0, INT_MAX, &max_pixels))
                return usage_error("--max-diff-pixels needs a count of "
                                   "pixels", "diff ");
        } else if ((found = option_value(argc, argv, &i, NULL, "--diff-out",
                                         &value)) != 0) {
            diff_out = value;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            snprintf(message, sizeof message, "diff: unknown option '%s'",
                     arg);
            return usage_error(message, "diff ");
        } else if (nfiles < 2) {
            files[nfiles++] = arg;
            continue;
        } else {
            return usage_error("diff: give exactly two images", "diff ");
        }
        if (found < 0) {
            snprintf(message, sizeof message, "diff: option '%s' needs a "
                     "value", arg);
            return usage_error(message, "diff ");
        }
    }
    if (nfiles != 2)
        return usage_error("diff: give EXPECTED.png and ACTUAL.png", "diff ");
    /* The diff image over an input would lose the golden image. */
    if (diff_out != NULL && diff_out[0] == '\0')
        return usage_error("diff: --diff-out needs a path, not an empty "
                           "string", "diff ");
    if (diff_out != NULL &&
        (same_file(output_path(diff_out), files[0]) ||
         same_file(output_path(diff_out), files[1])))
        return usage_error("diff: --diff-out would replace an image being "
                           "compared", "diff ");

    /* The diff image on standard output (`--diff-out - >d.png`) would get
       the verdict appended to it: the verdict goes beside it instead. */
    if (diff_out != NULL && is_stdout(diff_out))
        verdict = stderr;

    if (pp_canvas_read_png(files[0], &expected, &err) != PP_OK ||
        pp_canvas_read_png(files[1], &actual, &err) != PP_OK) {
        print_error(err.message);
        goto done;
    }
    if (pp_image_diff(expected, actual, tolerance, &result,
                      diff_out != NULL ? &diff : NULL) != PP_OK) {
        print_error("out of memory");
        goto done;
    }
    if (diff != NULL && pp_canvas_write_png(diff, output_path(diff_out),
                                            PP_COMPRESSION_DEFAULT,
                                            &err) != PP_OK) {
        print_error(err.message);
        goto done;
    }
    if (result.size_mismatch) {
        fprintf(verdict, "different: sizes differ (%dx%d and %dx%d)\n",
                pp_canvas_width(expected), pp_canvas_height(expected),
                pp_canvas_width(actual), pp_canvas_height(actual));
        status = 1;
    } else if (result.differing_pixels > max_pixels) {
        fprintf(verdict, "different: %ld %s by more than %d (largest "
                "channel difference %d); first at (%d, %d): expected "
                "rgba(%d,%d,%d,%d), actual rgba(%d,%d,%d,%d)\n",
                result.differing_pixels, result.differing_pixels == 1
                ? "pixel differs" : "pixels differ", tolerance,
                result.max_channel_diff,
                result.first_x, result.first_y, result.first_expected[0],
                result.first_expected[1], result.first_expected[2],
                result.first_expected[3], result.first_actual[0],
                result.first_actual[1], result.first_actual[2],
                result.first_actual[3]);
        status = 1;
    } else {
        fprintf(verdict, "alike: %ld %s by more than %d (largest channel "
                "difference %d)\n", result.differing_pixels,
                result.differing_pixels == 1 ? "pixel differs"
                                             : "pixels differ", tolerance,
                result.max_channel_diff);
        status = 0;
    }
done:
    pp_canvas_destroy(expected);
    pp_canvas_destroy(actual);
    pp_canvas_destroy(diff);
    return status;
}

/* ------------------------------------------------------------------------ */
/* main                                                                      */
/* ------------------------------------------------------------------------ */

/*
 * A standard stream closed by the caller would be reused by the next file
 * we open (the spec, a font, the output), and a message could then land in
 * the PNG. Each closed one is opened on /dev/null instead, in order, so
 * open() fills exactly that number. Standard output is opened for reading
 * only: a write to it still fails (EBADF) as on a closed one, and is
 * reported, rather than vanishing.
 */
static void guard_standard_streams(void)
{
    int fd;

    stdout_closed = fcntl(STDOUT_FILENO, F_GETFD) < 0;
    for (fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 &&
            open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY) < 0)
            exit(1);
}

/*
 * Whatever went to standard output (help, the version, diff's verdict) is
 * only known to be written once it is flushed and closed: a full disk or a
 * closed stream fails there, and must not end in exit status 0. Returns
 * the status to exit with: failure, the command's status when it failed
 * already, or (diff, where 1 means "different") trouble_status.
 */
static int close_stdout(int status, int trouble_status)
{
    int failed = ferror(stdout) != 0, e = 0;

    if (fclose(stdout) != 0) {
        failed = 1;
        e = errno;
    }
    if (!failed)
        return status;
    if (!stdout_reported) {
        if (e != 0)
            fprintf(stderr, "%s: error: cannot write standard output: %s\n",
                    program, strerror(e));
        else
            print_error("cannot write standard output");
    }
    return trouble_status > 1 || status == 0 ? trouble_status : status;
}

static int run_command(int argc, char **argv)
{
    char message[256];

    if (argc < 2) {
        fputs(main_help, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(main_help, stdout);
        return 0;
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
        if (argc > 2) {
            snprintf(message, sizeof message, "unexpected argument '%s' "
                     "after %s", argv[2], argv[1]);
            return usage_error(message, "");
        }
        printf("pngplot %s\n", PP_VERSION_STRING);
        return 0;
    }
    if (strcmp(argv[1], "render") == 0)
        return command_render(argc, argv);
    if (strcmp(argv[1], "diff") == 0)
        return command_diff(argc, argv);
    snprintf(message, sizeof message, "unknown command '%s'", argv[1]);
    return usage_error(message, "");
}

int main(int argc, char **argv)
{
    int status;

    guard_standard_streams();
    /* Past a file size limit (ulimit -f), or into a pipe nobody reads, a
       write would kill us (leaving a temporary file behind, or no word of
       what happened); ignored, it fails with EFBIG or EPIPE, which is
       reported as any other failure. */
    signal(SIGXFSZ, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);

    status = run_command(argc, argv);
    /* diff's trouble is 2, as cmp's is; 1 would read "different". */
    return close_stdout(status, argc >= 2 && strcmp(argv[1], "diff") == 0
                                    ? EXIT_USAGE : EXIT_FAILURE);
}
