/*
 * Running gnuplot: a new temporary folder gets the script (and a fontconfig
 * file that adds pngplot's fonts to the system's); gnuplot runs on it with
 * no shell and its standard error in a file; the PNG it drew is read back
 * and the folder removed. The library prints nothing: gnuplot's messages
 * become the error message or warnings.
 */
/* realpath is an XSI part of POSIX. */
#define _XOPEN_SOURCE 700

#include "model.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define NOT_INSTALLED "gnuplot is not installed: install it with " \
    "'apt-get install gnuplot-nox', or render without --backend gnuplot"

/* gnuplot's messages passed on as warnings after a success, at most. */
#define MAX_WARNINGS 5

typedef struct workdir {
    char dir[PATH_MAX];
    char script[PATH_MAX + 32];
    char png[PATH_MAX + 32];
    char errors[PATH_MAX + 32];
    char fonts_conf[PATH_MAX + 32];
} workdir;

/* ------------------------------------------------------------------------ */
/* Files                                                                     */
/* ------------------------------------------------------------------------ */

/* Reads a whole file into a malloc'ed buffer (NUL-terminated). */
static int read_all(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0, n;
    int e = 0;

    *data = NULL;
    *size = 0;
    if (f == NULL)
        return errno;
    do {
        if (!pp__grow((void **)&buf, &cap, len + 65536 + 1, 1)) {
            e = ENOMEM;
            break;
        }
        n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
    } while (n > 0);
    if (e == 0 && ferror(f))
        e = EIO;
    fclose(f);
    if (e != 0) {
        free(buf);
        return e;
    }
    buf[len] = '\0';
    *data = buf;
    *size = len;
    return 0;
}

static int write_text(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    int e = 0;

    if (f == NULL)
        return errno;
    if (fwrite(text, 1, len, f) != len)
        e = errno ? errno : EIO;
    if (fclose(f) != 0 && e == 0)
        e = errno;
    return e;
}

/* Removes a folder and what is in it (fontconfig adds a cache folder). */
static void remove_folder(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    char child[PATH_MAX + 300];

    if (dir != NULL) {
        while ((entry = readdir(dir)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 ||
                strcmp(entry->d_name, "..") == 0)
                continue;
            snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
            if (unlink(child) != 0)
                remove_folder(child);
        }
        closedir(dir);
    }
    rmdir(path);
}

static pp_status make_workdir(workdir *wd, pp_error_t *err)
{
    const char *tmp = getenv("TMPDIR");
    int n;

    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    n = snprintf(wd->dir, sizeof wd->dir, "%s/pngplot-gnuplot-XXXXXX", tmp);
    if (n < 0 || (size_t)n >= sizeof wd->dir)
        return pp__fail(err, PP_ERR_IO, "the temporary folder's path is too "
                        "long (TMPDIR=%s)", tmp);
    if (mkdtemp(wd->dir) == NULL)
        return pp__fail(err, PP_ERR_IO, "cannot create a temporary folder "
                        "in %s: %s", tmp, strerror(errno));
    snprintf(wd->script, sizeof wd->script, "%s/figure.gp", wd->dir);
    snprintf(wd->png, sizeof wd->png, "%s/figure.png", wd->dir);
    snprintf(wd->errors, sizeof wd->errors, "%s/stderr.txt", wd->dir);
    snprintf(wd->fonts_conf, sizeof wd->fonts_conf, "%s/fonts.conf",
             wd->dir);
    return PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Fonts                                                                     */
/* ------------------------------------------------------------------------ */

static void put_xml(pp__str *s, const char *text)
{
    for (; *text != '\0'; text++) {
        switch (*text) {
        case '&': pp__str_puts(s, "&amp;"); break;
        case '<': pp__str_puts(s, "&lt;"); break;
        case '>': pp__str_puts(s, "&gt;"); break;
        case '"': pp__str_puts(s, "&quot;"); break;
        default: pp__str_append(s, text, 1); break;
        }
    }
}

/*
 * A fontconfig file that reads the configuration gnuplot would read anyway
 * and adds our font folder, with the cache of that folder kept in the
 * temporary folder (so nothing is left in the user's caches).
 */
static pp_status write_fonts_conf(const workdir *wd, const char *font_dir,
                                  pp_error_t *err)
{
    const char *base = getenv("FONTCONFIG_FILE");
    char absolute[PATH_MAX];
    pp__str s = {NULL, 0, 0, false};
    int e;

    if (realpath(font_dir, absolute) == NULL)
        return pp__fail(err, PP_ERR_FONT, "cannot find the font folder %s: "
                        "%s", font_dir, strerror(errno));
    if (base == NULL || base[0] == '\0')
        base = "/etc/fonts/fonts.conf";
    pp__str_puts(&s, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM "
                 "\"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n  <cachedir>");
    put_xml(&s, wd->dir);
    pp__str_puts(&s, "/cache</cachedir>\n  <include ignore_missing=\"yes\">");
    put_xml(&s, base);
    pp__str_puts(&s, "</include>\n  <dir>");
    put_xml(&s, absolute);
    pp__str_puts(&s, "</dir>\n</fontconfig>\n");
    if (s.failed) {
        pp__str_free(&s);
        return pp__fail_status(err, PP_ERR_NOMEM);
    }
    e = write_text(wd->fonts_conf, s.data, s.len);
    pp__str_free(&s);
    if (e != 0)
        return pp__fail(err, PP_ERR_IO, "cannot write %s: %s", wd->fonts_conf,
                        strerror(e));
    return PP_OK;
}

/*
 * gnuplot's environment: ours with LC_ALL=C.UTF-8 and, when conf is set,
 * FONTCONFIG_FILE=conf. The script says "set encoding utf8", which gnuplot
 * checks against the locale's character set: in the C locale (env -i, a
 * cron job) iconv fails and gnuplot warns about the degree sign, and its
 * warnings become ours. C.UTF-8 also keeps its messages in English and
 * its numbers with a point, as the script writes them.
 */
static char **child_environment(const char *conf, char **setting)
{
    static char locale[] = "LC_ALL=C.UTF-8";
    size_t n = 0, i, j = 0;
    char **env;

    *setting = NULL;
    while (environ[n] != NULL)
        n++;
    env = malloc((n + 3) * sizeof *env);
    if (conf != NULL && env != NULL) {
        *setting = malloc(strlen(conf) + sizeof "FONTCONFIG_FILE=");
        if (*setting == NULL) {
            free(env);
            return NULL;
        }
        sprintf(*setting, "FONTCONFIG_FILE=%s", conf);
    }
    if (env == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        if (strncmp(environ[i], "LC_ALL=", 7) != 0 &&
            (conf == NULL || strncmp(environ[i], "FONTCONFIG_FILE=", 16) != 0))
            env[j++] = environ[i];
    env[j++] = locale;
    if (*setting != NULL)
        env[j++] = *setting;
    env[j] = NULL;
    return env;
}

/* ------------------------------------------------------------------------ */
/* Running                                                                   */
/* ------------------------------------------------------------------------ */

/*
 * Runs `program -d script` (-d: no initialisation files, so the user's
 * ~/.gnuplot cannot change the figure) with standard error in a file.
 * Returns 0 and the wait status, or the errno of a failed start.
 */
static int spawn_and_wait(const char *program, const workdir *wd,
                          char **env, int *wait_status)
{
    posix_spawn_file_actions_t actions;
    char *argv[4];
    pid_t pid;
    int e;

    argv[0] = (char *)program;
    argv[1] = (char *)"-d";
    argv[2] = (char *)wd->script;
    argv[3] = NULL;
    if ((e = posix_spawn_file_actions_init(&actions)) != 0)
        return e;
    if ((e = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null",
                                              O_RDONLY, 0)) == 0 &&
        (e = posix_spawn_file_actions_addopen(&actions, 1, "/dev/null",
                                              O_WRONLY, 0)) == 0 &&
        (e = posix_spawn_file_actions_addopen(&actions, 2, wd->errors,
                                              O_WRONLY | O_CREAT | O_TRUNC,
                                              0600)) == 0)
        e = posix_spawnp(&pid, program, &actions, NULL, argv, env);
    posix_spawn_file_actions_destroy(&actions);
    if (e != 0)
        return e;
    while (waitpid(pid, wait_status, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

/* The last line of gnuplot's messages that says something. */
static void last_message(char *text, char *out, size_t size)
{
    char *line, *save = NULL, *found = NULL;

    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save))
        if (line[strspn(line, " \t^\r")] != '\0')
            found = line;
    snprintf(out, size, "%s", found != NULL ? found + strspn(found, " \t")
                                            : "(no message)");
}

static void pass_warnings(pp_figure_t *fig, char *text)
{
    char *line, *save = NULL;
    int n = 0;

    for (line = strtok_r(text, "\n", &save); line != NULL && n < MAX_WARNINGS;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[strspn(line, " \t^\r")] == '\0')
            continue;
        pp__warn(&fig->warnings, "gnuplot: %s", line + strspn(line, " \t"));
        n++;
    }
}

/*
 * gnuplot names the script by its path in the temporary folder, which is
 * gone by the time the message is read: "figure.gp" line 75 says more.
 */
static void drop_folder(char *message, const char *folder)
{
    size_t n = strlen(folder);
    char *at;

    while ((at = strstr(message, folder)) != NULL && at[n] == '/')
        memmove(at, at + n + 1, strlen(at + n + 1) + 1);
}

/* What gnuplot said and how it ended, as a status and message. */
static pp_status judge_run(pp_figure_t *fig, const char *program,
                           const workdir *wd, int wait_status,
                           pp_error_t *err)
{
    uint8_t *text;
    size_t len;
    char message[PP_ERROR_MESSAGE_SIZE / 2];
    bool failed = !WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0;

    if (read_all(wd->errors, &text, &len) != 0)
        text = NULL;
    if (failed && WIFEXITED(wait_status) &&
        WEXITSTATUS(wait_status) == 127 && (text == NULL || len == 0)) {
        free(text);
        return pp__fail(err, PP_ERR_BACKEND, NOT_INSTALLED);
    }
    if (!failed) {
        if (text != NULL)
            pass_warnings(fig, (char *)text);
        free(text);
        return PP_OK;
    }
    last_message(text != NULL ? (char *)text : (char *)"", message,
                 sizeof message);
    free(text);
    drop_folder(message, wd->dir);
    if (WIFSIGNALED(wait_status))
        return pp__fail(err, PP_ERR_BACKEND, "%s: %s was killed by signal "
                        "%d: %s", fig->spec_path, program,
                        WTERMSIG(wait_status), message);
    return pp__fail(err, PP_ERR_BACKEND, "%s: %s failed (exit status %d): "
                    "%s (--script-only FILE writes that script)",
                    fig->spec_path, program, WEXITSTATUS(wait_status),
                    message);
}

static pp_status read_png(pp_figure_t *fig, const workdir *wd, uint8_t **png,
                          size_t *size, pp_error_t *err)
{
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n',
                                         0x1a, '\n'};
    int e = read_all(wd->png, png, size);

    if (e == ENOMEM)
        return pp__fail_status(err, PP_ERR_NOMEM);
    if (e != 0 || *size < sizeof signature ||
        memcmp(*png, signature, sizeof signature) != 0) {
        free(*png);
        *png = NULL;
        return pp__fail(err, PP_ERR_BACKEND, "%s: gnuplot ended without "
                        "drawing a PNG", fig->spec_path);
    }
    return PP_OK;
}

static pp_status run_in(pp_figure_t *fig, pp_fonts_t *fonts,
                        const pp_gnuplot_options_t *opt, const workdir *wd,
                        uint8_t **png, size_t *size, pp_error_t *err)
{
    const char *program = opt != NULL && opt->program != NULL
        ? opt->program : "gnuplot";
    char **env, *setting;
    int wait_status = 0, e;
    pp_status st;

    st = pp_figure_write_gnuplot_script(fig, fonts, wd->png, wd->script,
                                        err);
    if (st == PP_OK && opt != NULL && opt->font_dir != NULL)
        st = write_fonts_conf(wd, opt->font_dir, err);
    if (st != PP_OK)
        return st;

    env = child_environment(opt != NULL && opt->font_dir != NULL
                            ? wd->fonts_conf : NULL, &setting);
    if (env == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    e = spawn_and_wait(program, wd, env, &wait_status);
    free(env);
    free(setting);
    if (e == ENOENT && strchr(program, '/') == NULL)
        return pp__fail(err, PP_ERR_BACKEND, NOT_INSTALLED);
    if (e != 0)
        return pp__fail(err, PP_ERR_BACKEND, "cannot run %s: %s", program,
                        strerror(e));

    if ((st = judge_run(fig, program, wd, wait_status, err)) != PP_OK)
        return st;
    return read_png(fig, wd, png, size, err);
}

pp_status pp_figure_render_gnuplot(pp_figure_t *fig, pp_fonts_t *fonts,
                                   const pp_gnuplot_options_t *opt,
                                   uint8_t **png, size_t *size,
                                   pp_error_t *err)
{
    workdir wd;
    pp_status st;

    if (png == NULL || size == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "no place for the PNG");
    *png = NULL;
    *size = 0;
    if ((st = make_workdir(&wd, err)) != PP_OK)
        return st;
    st = run_in(fig, fonts, opt, &wd, png, size, err);
    remove_folder(wd.dir);
    return st;
}

pp_status pp_figure_write_gnuplot_png(pp_figure_t *fig, pp_fonts_t *fonts,
                                      const pp_gnuplot_options_t *opt,
                                      const char *png_path, pp_error_t *err)
{
    uint8_t *png;
    size_t size;
    pp_status st;

    if (png_path == NULL || png_path[0] == '\0')
        return pp__fail(err, PP_ERR_ARGUMENT, "no output path given");
    st = pp_figure_render_gnuplot(fig, fonts, opt, &png, &size, err);
    if (st != PP_OK)
        return st;
    st = pp__write_file(png_path, png, size, err);
    free(png);
    return st;
}
