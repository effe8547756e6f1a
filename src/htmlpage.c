/*
 * The HTML page of the image map: the PNG, named by a path relative to the
 * page, and one <area> per item of pp__imagemap_build, with no script and
 * nothing else to load; and pp_figure_write_html, which writes it.
 */
/* realpath() is an X/Open function. */
#define _XOPEN_SOURCE 700

#include "imagemap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The page                                                                  */
/* ------------------------------------------------------------------------ */

static void write_area(pp__str *out, const pp__area *area)
{
    static const char *const shapes[] = {"circle", "rect", "poly"};
    size_t i;

    pp__str_printf(out, "<area shape=\"%s\" coords=\"", shapes[area->shape]);
    for (i = 0; i < area->ncoords; i++)
        pp__str_printf(out, i > 0 ? ",%d" : "%d", area->coords[i]);
    pp__str_puts(out, "\"");
    if (area->title != NULL) {
        pp__str_puts(out, " title=\"");
        pp__html_escape(out, area->title);
        pp__str_puts(out, "\"");
    }
    if (area->href != NULL) {
        /* A link needs alt text: the tooltip's first line, or the URL. */
        const char *alt = area->title != NULL ? area->title : area->href;
        size_t len = strcspn(alt, "\r\n");
        char *first = pp__strndup(alt, len);

        pp__str_puts(out, " href=\"");
        pp__html_escape(out, area->href);
        pp__str_puts(out, area->new_tab ? "\" target=\"_blank\" alt=\""
                                        : "\" alt=\"");
        if (first == NULL)
            out->failed = true;
        else
            pp__html_escape(out, first);
        free(first);
        pp__str_puts(out, "\"");
    }
    pp__str_puts(out, ">\n");
}

void pp__imagemap_html(const pp_figure_t *fig, const pp__imagemap *map,
                       const char *png_href, pp__str *out)
{
    const char *title = fig->title.text != NULL && fig->title.text[0] != '\0'
        ? fig->title.text : "Figure";
    size_t i;

    pp__str_puts(out, "<!DOCTYPE html>\n<html>\n<head>\n"
                 "<meta charset=\"utf-8\">\n<title>");
    pp__html_escape(out, title);
    pp__str_puts(out, "</title>\n</head>\n<body>\n<img src=\"");
    pp__html_escape(out, png_href);
    pp__str_printf(out, "\" width=\"%d\" height=\"%d\" alt=\"", fig->width,
                   fig->height);
    pp__html_escape(out, title);
    pp__str_puts(out, "\" usemap=\"#figure\">\n<map name=\"figure\">\n");
    for (i = 0; i < map->n; i++)
        write_area(out, &map->areas[i]);
    pp__str_puts(out, "</map>\n</body>\n</html>\n");
}

/* The real path of the folder a file is (or will be) in, into *out. */
static pp_status real_folder(const char *path, char **out, pp_error_t *err)
{
    const char *slash = strrchr(path, '/');
    char *folder;
    int e;

    if (slash == NULL)
        folder = pp__strdup(".");
    else
        folder = pp__strndup(path, slash == path ? 1 : (size_t)(slash - path));
    if (folder == NULL)
        return pp__fail_status(err, PP_ERR_NOMEM);
    *out = realpath(folder, NULL);
    e = errno;
    free(folder);
    if (*out == NULL)
        return pp__fail(err, e == ENOMEM ? PP_ERR_NOMEM : PP_ERR_IO,
                        "cannot write %s: %s", path, strerror(e));
    return PP_OK;
}

/* The length of the next segment of a path at p (after its slashes). */
static size_t segment(const char **p)
{
    while (**p == '/')
        (*p)++;
    return strcspn(*p, "/");
}

pp_status pp__relative_href(const char *png_path, const char *html_path,
                            pp__str *out, pp_error_t *err)
{
    char *from = NULL, *to = NULL;
    const char *f, *t, *name = strrchr(png_path, '/');
    size_t nf, nt;
    pp_status st;

    /* A page written to a descriptor (/dev/stdout) has no folder of its
       own: its file, if any, is wherever the shell put it, which we cannot
       know. The current directory is the best guess (`--html /dev/stdout
       >page.html`), and "/dev" (the path's folder) the worst. */
    if (pp_path_descriptor(html_path) >= 0) {
        if ((from = realpath(".", NULL)) == NULL) {
            int e = errno;
            return pp__fail(err, e == ENOMEM ? PP_ERR_NOMEM : PP_ERR_IO,
                            "%s: cannot find the current directory, which "
                            "the page's link to the PNG starts from: %s",
                            html_path, strerror(e));
        }
    } else if ((st = real_folder(html_path, &from, err)) != PP_OK) {
        return st;
    }
    if ((st = real_folder(png_path, &to, err)) != PP_OK) {
        free(from);
        return st;
    }

    /* Past the folders both paths share, "../" for each left in the
       page's, then the rest of the image's. */
    f = from;
    t = to;
    nf = segment(&f);
    nt = segment(&t);
    while (nf > 0 && nf == nt && memcmp(f, t, nf) == 0) {
        f += nf;
        t += nt;
        nf = segment(&f);
        nt = segment(&t);
    }
    for (; nf > 0; f += nf, nf = segment(&f))
        pp__str_puts(out, "../");
    for (; nt > 0; t += nt, nt = segment(&t)) {
        pp__url_encode(out, t, nt);
        pp__str_puts(out, "/");
    }
    name = name != NULL ? name + 1 : png_path;
    pp__url_encode(out, name, strlen(name));
    free(from);
    free(to);
    return out->failed ? pp__fail_status(err, PP_ERR_NOMEM) : PP_OK;
}

/* ------------------------------------------------------------------------ */
/* Entry point                                                               */
/* ------------------------------------------------------------------------ */

static void warn_about(pp_figure_t *fig, const pp__imagemap *map,
                       const char *html_path)
{
    size_t i;
    bool any = false;

    for (i = 0; i < fig->nrenderers; i++) {
        pp__interact use;
        pp__interact_effective(fig, &fig->renderers[i], &use);
        any |= use.ntooltips > 0 || use.tap_url != NULL;
    }
    if (!any)
        pp__warn(&fig->warnings, "%s: no renderer has tooltips or tap, so "
                 "the page has no areas", html_path);
    if (map->dropped_links > 0)
        pp__warn(&fig->warnings, "%s: %zu tap link%s left out, as a page "
                 "without scripts links to no such scheme; the first: %s",
                 html_path, map->dropped_links,
                 map->dropped_links == 1 ? "" : "s", map->dropped_example);
}

pp_status pp_figure_html(pp_figure_t *fig, pp_fonts_t *fonts,
                         const char *png_path, const char *html_path,
                         char **page_out, size_t *size, pp_error_t *err)
{
    pp__layout layout;
    pp__imagemap map = {0};
    pp__str href = {0}, page = {0};
    pp_status st;

    if (page_out != NULL)
        *page_out = NULL;
    if (fig == NULL || fonts == NULL || png_path == NULL ||
        html_path == NULL || png_path[0] == '\0' || html_path[0] == '\0' ||
        page_out == NULL || size == NULL)
        return pp__fail(err, PP_ERR_ARGUMENT, "pp_figure_html: missing "
                        "argument");
    fig->for_page = true;
    st = pp__figure_prepare(fig, fonts, &layout, err);
    fig->for_page = false;
    if (st != PP_OK)
        return st;
    st = pp__imagemap_build(fig, &layout, &map, err);
    pp__layout_free(&layout);
    if (st == PP_OK)
        st = pp__relative_href(png_path, html_path, &href, err);
    if (st == PP_OK) {
        pp__imagemap_html(fig, &map, href.data != NULL ? href.data : "",
                          &page);
        if (page.failed)
            st = pp__fail_status(err, PP_ERR_NOMEM);
    }
    if (st == PP_OK) {
        warn_about(fig, &map, html_path);
        *page_out = page.data;
        *size = page.len;
        page.data = NULL;
    }
    pp__imagemap_free(&map);
    pp__str_free(&href);
    pp__str_free(&page);
    return st;
}

pp_status pp_figure_write_html(pp_figure_t *fig, pp_fonts_t *fonts,
                               const char *png_path, const char *html_path,
                               pp_error_t *err)
{
    char *page;
    size_t size;
    pp_status st = pp_figure_html(fig, fonts, png_path, html_path, &page,
                                  &size, err);

    if (st != PP_OK)
        return st;
    st = pp__write_file(html_path, (const uint8_t *)page, size, err);
    free(page);
    return st;
}
