# make install: the command, library, header, pkg-config file and fonts land
# under the prefix, and the installed command finds its fonts from anywhere.
. "$PP_REPO/tests/lib.sh"
prefix="$TMP/prefix"

# Installing under another prefix rebuilds what compiles the prefix in:
# do it in a copy of the build, so the build under test stays as it is.
cp -a "$PP_REPO/$BUILD" "$TMP/build"
sanitize=""
[ "$BUILD" = build-sanitize ] && sanitize="SANITIZE=1"
if ! make -s -C "$PP_REPO" install PREFIX="$prefix" BUILD="$TMP/build" $sanitize \
    >"$TMP/install.log" 2>&1; then
    fail install_runs "$(tail -5 "$TMP/install.log")"
    exit 0
fi
missing=""
for f in bin/pngplot lib/libpngplot.a lib/libpngplot.so.0 lib/libpngplot.so \
    include/pngplot.h lib/pkgconfig/pngplot.pc \
    share/pngplot/fonts/LiberationSans-Regular.ttf \
    share/pngplot/fonts/LiberationSans-Bold.ttf \
    share/pngplot/fonts/LiberationSans-Italic.ttf share/pngplot/fonts/LICENSE \
    share/doc/pngplot/spec.md share/doc/pngplot/README.md
do
    [ -e "$prefix/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then
    pass install_puts_files_under_prefix
else
    fail install_puts_files_under_prefix "missing:$missing"
fi

# The installed help points at the installed spec format.
if "$prefix/bin/pngplot" --help | grep -qF "$prefix/share/doc/pngplot/spec.md"; then
    pass install_help_names_installed_docs
else
    fail install_help_names_installed_docs \
        "$("$prefix/bin/pngplot" --help | grep -i spec)"
fi

# DESTDIR stages the same tree under another root.
make -s -C "$PP_REPO" install PREFIX=/opt/pp DESTDIR="$TMP/stage" \
    BUILD="$TMP/build" $sanitize >/dev/null 2>&1
if [ -x "$TMP/stage/opt/pp/bin/pngplot" ] &&
    grep -q '^prefix=/opt/pp$' "$TMP/stage/opt/pp/lib/pkgconfig/pngplot.pc"; then
    pass install_destdir_stages
else
    fail install_destdir_stages "no staged tree under $TMP/stage/opt/pp"
fi

# The installed command, run from another folder, finds the installed fonts
# and draws the same figure as the built one.
cd / || exit 2
"$prefix/bin/pngplot" render "$PP_REPO/examples/network.json" \
    -o "$TMP/installed.png" 2>"$TMP/err"
"$PNGPLOT" render "$PP_REPO/examples/network.json" -o "$TMP/built.png" \
    2>/dev/null
if cmp -s "$TMP/installed.png" "$TMP/built.png"; then
    pass installed_command_finds_fonts
else
    fail installed_command_finds_fonts "$(cat "$TMP/err")"
fi

# A program built with pkg-config against the installed library.
cat >"$TMP/use.c" <<'CEOF'
#include <pngplot.h>
#include <stdio.h>
int main(void)
{
    pp_color_t c;
    pp_fonts_t *fonts = NULL;
    pp_error_t err;
    int ok;

    /* NULL: the fonts installed under the prefix the library was
       installed with. */
    ok = pp_color_parse("navy", &c) == PP_OK && c.b == 128 &&
         pp_fonts_load(NULL, &fonts, &err) == PP_OK;
    if (fonts == NULL)
        fprintf(stderr, "%s\n", err.message);
    pp_fonts_destroy(fonts);
    return ok ? 0 : 1;
}
CEOF
# A sanitized build's library needs the sanitizers' runtime too.
san=""
[ "$BUILD" = build-sanitize ] && san="-fsanitize=address,undefined"
if PKG_CONFIG_PATH="$prefix/lib/pkgconfig" cc $san -o "$TMP/use" "$TMP/use.c" \
    $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs pngplot) \
    2>"$TMP/cc.log" && LD_LIBRARY_PATH="$prefix/lib" "$TMP/use"; then
    pass installed_library_links_with_pkg_config
else
    fail installed_library_links_with_pkg_config "$(head -5 "$TMP/cc.log")"
fi

# A missing font file is one clear error naming its path.
mkdir -p "$TMP/fonts"
cp "$PP_REPO/fonts/LiberationSans-Regular.ttf" "$TMP/fonts/"
run "$PNGPLOT" render "$PP_REPO/examples/network.json" -o "$TMP/nofont.png" \
    --font-dir "$TMP/fonts"
expect missing_font_names_path 1 \
    "cannot open font $TMP/fonts/LiberationSans-Bold.ttf: No such file or directory"
if [ -e "$TMP/nofont.png" ]; then
    fail missing_font_leaves_no_file "$TMP/nofont.png exists"
else
    pass missing_font_leaves_no_file
fi
