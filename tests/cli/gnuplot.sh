# The gnuplot backend: `render --backend gnuplot` and `--script-only`.
# The checks that need gnuplot itself SKIP when it is not installed (.ci/run
# installs gnuplot-nox); the others stand in for it with small fake
# programs on PATH, or with a PATH that has no gnuplot.
. "$PP_REPO/tests/lib.sh"
cd "$PP_REPO" || exit 2
FIND_FRAME="$PP_REPO/$BUILD/tools/find_frame"
spec=examples/timeline.json

# A file that must survive a failed render as it was.
old_output() {
    printf 'old contents' >"$TMP/$1"
}
untouched() {
    [ "$(cat "$TMP/$1" 2>/dev/null)" = "old contents" ] &&
        [ -z "$(ls -A "$TMP" | grep "^\.$1\.")" ]
}

# Missing gnuplot: the message says so and how to install it; no output.
run env PATH=/nonexistent "$PNGPLOT" render --backend gnuplot "$spec" \
    -o "$TMP/missing.png"
expect gnuplot_missing_says_how_to_install 1 \
    "pngplot: error: gnuplot is not installed: install it with 'apt-get install gnuplot-nox', or render without --backend gnuplot"
if [ -e "$TMP/missing.png" ]; then
    fail gnuplot_missing_leaves_no_output "$TMP/missing.png exists"
else
    pass gnuplot_missing_leaves_no_output
fi
old_output kept.png
run env PATH=/nonexistent "$PNGPLOT" render --backend gnuplot "$spec" \
    -o "$TMP/kept.png"
if [ "$status" -eq 1 ] && untouched kept.png; then
    pass gnuplot_missing_keeps_existing_output
else
    fail gnuplot_missing_keeps_existing_output "status $status, $(cat "$TMP/kept.png")"
fi

# Usage errors exit 2.
run "$PNGPLOT" render --backend gnu "$spec" -o "$TMP/u.png"
expect gnuplot_backend_name_checked 2 "--backend is 'pngplot' or 'gnuplot'"
run "$PNGPLOT" render --backend pngplot --script-only "$TMP/u.gp" "$spec"
expect gnuplot_script_only_needs_gnuplot_backend 2 "goes with --backend gnuplot"
run "$PNGPLOT" render --script-only "$TMP/u.gp" -o - "$spec"
expect gnuplot_script_only_needs_output_file 2 "give -o FILE with --script-only"

# --script-only needs no gnuplot: the script draws into the -o path, with
# the frame pinned where pngplot's layout puts it.
run env PATH=/nonexistent "$PNGPLOT" render --backend gnuplot \
    --script-only "$TMP/timeline.gp" -o timeline-gnuplot.png "$spec"
if [ "$status" -ne 0 ]; then
    fail gnuplot_script_only "status $status: $(cat "$TMP/stderr")"
elif ! grep -qx 'set output "timeline-gnuplot.png"' "$TMP/timeline.gp" ||
    ! grep -qx "set terminal pngcairo size 800,350 noenhanced butt background \"#ffffff\" font \"Liberation Sans,8.25\"" "$TMP/timeline.gp" ||
    ! grep -qx "set lmargin at screen 83/799." "$TMP/timeline.gp" ||
    ! grep -qx "set bmargin at screen 1 - 321/349." "$TMP/timeline.gp" ||
    ! grep -q "^    \$r0 using 1:2 with lines lw 1 lc rgb \"#7f000080\" notitle$" "$TMP/timeline.gp"; then
    fail gnuplot_script_only "unexpected script: $(head -c 600 "$TMP/timeline.gp")"
else
    pass gnuplot_script_only
fi
run "$PNGPLOT" render --script-only - -o bipartite.png examples/bipartite.json
if [ "$status" -eq 0 ] &&
    grep -qx "color0(v) = v < 1000 ? 0x66000080 : 0x66ff0000" "$TMP/stdout"; then
    pass gnuplot_script_keeps_threshold_cmap
else
    fail gnuplot_script_keeps_threshold_cmap "status $status: $(grep color0 "$TMP/stdout")"
fi

# A gnuplot that fails: its last message becomes ours, and no output is
# left (an existing one is untouched).
mkdir -p "$TMP/bin"
cat >"$TMP/bin/gnuplot" <<'EOF'
#!/bin/sh
echo 'set terminal pngcairo size 800,350' >&2
echo '         ^' >&2
echo "\"$2\" line 5: unknown or ambiguous terminal type" >&2
exit 1
EOF
chmod +x "$TMP/bin/gnuplot"
old_output failed.png
run env PATH="$TMP/bin:$PATH" TMPDIR="$TMP" "$PNGPLOT" render \
    --backend gnuplot "$spec" -o "$TMP/failed.png"
expect gnuplot_failure_reported 1 \
    "gnuplot failed (exit status 1): \"figure.gp\" line 5: unknown or ambiguous terminal type (--script-only FILE writes that script)"
if untouched failed.png && [ -z "$(ls "$TMP" | grep '^pngplot-gnuplot')" ]
then
    pass gnuplot_failure_keeps_existing_output
else
    fail gnuplot_failure_keeps_existing_output "$(cat "$TMP/failed.png")"
fi

# A gnuplot that succeeds without a PNG, and one that warns: its warnings
# are ours, the PNG it drew is put in place.
printf '#!/bin/sh\nexit 0\n' >"$TMP/bin/gnuplot"
run env PATH="$TMP/bin:$PATH" "$PNGPLOT" render --backend gnuplot "$spec" \
    -o "$TMP/none.png"
expect gnuplot_without_png_is_an_error 1 "gnuplot ended without drawing a PNG"
cat >"$TMP/bin/gnuplot" <<EOF
#!/bin/sh
out=\$(sed -n 's/^set output "\\(.*\\)"\$/\\1/p' "\$2")
cp "$PP_REPO/golden/timeline.png" "\$out"
echo '"figure.gp" line 40: warning: Skipping data file with no valid points' >&2
EOF
run env PATH="$TMP/bin:$PATH" "$PNGPLOT" render --backend gnuplot "$spec" \
    -o "$TMP/warned.png"
expect gnuplot_warnings_passed_on 0 \
    "pngplot: warning: gnuplot: \"figure.gp\" line 40: warning: Skipping data file with no valid points"
if cmp -s "$TMP/warned.png" golden/timeline.png; then
    pass gnuplot_png_put_in_place
else
    fail gnuplot_png_put_in_place "$TMP/warned.png is not the PNG gnuplot drew"
fi
run env PATH="$TMP/bin:$PATH" "$PNGPLOT" render -q --backend gnuplot "$spec" \
    -o "$TMP/quiet.png"
if [ "$status" -eq 0 ] && [ ! -s "$TMP/stderr" ]; then
    pass gnuplot_warnings_quiet
else
    fail gnuplot_warnings_quiet "status $status: $(cat "$TMP/stderr")"
fi

# pngplot's fonts reach gnuplot: FONTCONFIG_FILE names a file that reads
# the configuration gnuplot would have read and adds the font folder.
cat >"$TMP/bin/gnuplot" <<EOF
#!/bin/sh
cat "\$FONTCONFIG_FILE" >"$TMP/seen.conf"
exit 1
EOF
fonts=$(cd fonts && pwd -P)
run env PATH="$TMP/bin:$PATH" "$PNGPLOT" render --backend gnuplot \
    --font-dir fonts "$spec" -o "$TMP/f.png"
if grep -qF "<dir>$fonts</dir>" "$TMP/seen.conf" &&
    grep -qF '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' \
        "$TMP/seen.conf"; then
    pass gnuplot_sees_pngplot_fonts
else
    fail gnuplot_sees_pngplot_fonts "$(cat "$TMP/seen.conf")"
fi
run env PATH="$TMP/bin:$PATH" FONTCONFIG_FILE=/etc/my-fonts.conf \
    "$PNGPLOT" render --backend gnuplot "$spec" -o "$TMP/f.png"
if grep -qF '<include ignore_missing="yes">/etc/my-fonts.conf</include>' \
    "$TMP/seen.conf"; then
    pass gnuplot_fonts_keep_user_fontconfig
else
    fail gnuplot_fonts_keep_user_fontconfig "$(cat "$TMP/seen.conf")"
fi

# gnuplot runs in a UTF-8 locale, whatever ours: the script is UTF-8.
cat >"$TMP/bin/gnuplot" <<EOF
#!/bin/sh
echo "LC_ALL=\$LC_ALL LANG=\$LANG" >"$TMP/seen.env"
exit 1
EOF
run env -i PATH="$TMP/bin:$PATH" LC_ALL=C LANG=de_DE.UTF-8 "$PNGPLOT" \
    render --backend gnuplot "$spec" -o "$TMP/f.png"
if [ "$(cat "$TMP/seen.env")" = "LC_ALL=C.UTF-8 LANG=de_DE.UTF-8" ]; then
    pass gnuplot_runs_in_utf8_locale
else
    fail gnuplot_runs_in_utf8_locale "gnuplot saw $(cat "$TMP/seen.env")"
fi

# The rest needs gnuplot itself. Without it each check still runs (its
# renders fail at once) and reports a skip by its own name, so the count
# stays whole and no check can be left out of the skip by mistake.
if ! command -v gnuplot >/dev/null 2>&1; then
    pass() { skip "$1" "gnuplot is not installed (apt-get install gnuplot-nox)"; }
    fail() { pass "$1"; }
fi

# With no locale at all (env -i), gnuplot used to warn "iconv failed to
# convert degree sign", passed on as pngplot's warning.
run env -i PATH="$PATH" "$PNGPLOT" render --backend gnuplot \
    examples/timeline.json -o "$TMP/no_locale.png"
if [ "$status" -eq 0 ] && [ ! -s "$TMP/stderr" ] &&
    [ "$(png_size "$TMP/no_locale.png")" = 800x350 ]; then
    pass gnuplot_quiet_without_locale
else
    fail gnuplot_quiet_without_locale "status $status: $(cat "$TMP/stderr")"
fi

# gnuplot's PNG written to /dev/stdout, a pipe here: the descriptor, as
# -o - writes it (it once failed: /proc names a pipe "pipe:[123]").
"$PNGPLOT" render -q --backend gnuplot examples/timeline.json -o - \
    >"$TMP/dash.png" 2>/dev/null
{ "$PNGPLOT" render -q --backend gnuplot examples/timeline.json \
    -o /dev/stdout 2>"$TMP/stderr"; echo $? >"$TMP/status"; } |
    cat >"$TMP/piped.png"
if [ "$(cat "$TMP/status")" -eq 0 ] &&
    [ "$(png_size "$TMP/piped.png")" = 800x350 ] &&
    cmp -s "$TMP/piped.png" "$TMP/dash.png"; then
    pass gnuplot_png_to_dev_stdout
else
    fail gnuplot_png_to_dev_stdout "status $(cat "$TMP/status"): $(head -c 300 "$TMP/stderr")"
fi

# Each example: the same size as pngplot's rendering, and the frame (found
# from the axis lines) within 2 pixels of ours on every side.
for spec in examples/*.json; do
    name=$(basename "$spec" .json)
    ours="$TMP/$name.png"
    theirs="$TMP/${name}_gnuplot.png"
    if ! "$PNGPLOT" render -q "$spec" -o "$ours" 2>"$TMP/err" ||
        ! "$PNGPLOT" render -q --backend gnuplot "$spec" -o "$theirs" \
            2>"$TMP/err"; then
        fail "gnuplot_${name}_size" "render failed: $(cat "$TMP/err")"
        fail "gnuplot_${name}_frame" "render failed"
        continue
    fi
    "$PNGPLOT" diff "$ours" "$theirs" >"$TMP/diff" 2>&1
    if grep -q 'sizes differ' "$TMP/diff"; then
        fail "gnuplot_${name}_size" "$(cat "$TMP/diff")"
    else
        pass "gnuplot_${name}_size"
    fi
    frame_ours=$("$FIND_FRAME" "$ours")
    frame_theirs=$("$FIND_FRAME" "$theirs")
    far=$(echo "$frame_ours $frame_theirs" | awk '{
        for (i = 1; i <= 4; i++) { d = $i - $(i + 4); if (d < 0) d = -d;
                                   if (d > 2) print "side " i ": " $i " vs " $(i + 4) } }')
    if [ -n "$frame_ours" ] && [ -n "$frame_theirs" ] && [ -z "$far" ]; then
        pass "gnuplot_${name}_frame"
    else
        fail "gnuplot_${name}_frame" "frame (left top right bottom) ours '$frame_ours', gnuplot's '$frame_theirs' $far"
    fi
done

# The script --script-only writes draws the same PNG when gnuplot runs it.
# Run by hand, gnuplot takes the system's fonts, and this machine may lack
# Liberation Sans: let fontconfig see the project's copy, as a user without
# fonts-liberation2 would.
"$PNGPLOT" render -q --backend gnuplot examples/bipartite.json \
    -o "$TMP/rendered.png" 2>"$TMP/stderr"
run "$PNGPLOT" render -q --script-only "$TMP/bipartite.gp" \
    -o "$TMP/scripted.png" examples/bipartite.json
cat >"$TMP/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>$TMP/fontcache</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$PP_REPO/fonts</dir>
</fontconfig>
EOF
(cd "$TMP" && FONTCONFIG_FILE="$TMP/fonts.conf" gnuplot "$TMP/bipartite.gp") \
    >"$TMP/gnuplot.out" 2>&1
if "$PNGPLOT" diff "$TMP/rendered.png" "$TMP/scripted.png" >"$TMP/diff" 2>&1
then
    pass gnuplot_script_draws_the_same_png
else
    fail gnuplot_script_draws_the_same_png "$(cat "$TMP/diff" "$TMP/gnuplot.out")"
fi

# gnuplot reads an explicit tick label as a format for the tick's value:
# a '%' in a category is written "%%", so "50%" stays "50%".
printf 'k,v\n"50%%",1\n"%%d items",2\n' >"$TMP/pct.csv"
cat >"$TMP/pct.json" <<'EOF2'
{"width": 300, "height": 200, "sources": {"s": {"csv": "pct.csv"}},
 "factors": {"ks": {"source": "s", "columns": ["k"]}},
 "yaxis": {"ticker": {"factors": "ks"}},
 "renderers": [{"glyph": "scatter", "source": "s", "x": "v",
                "y": {"field": "k", "transform": {"type": "factor_index",
                                                  "factors": "ks"}}}]}
EOF2
run "$PNGPLOT" render --script-only - -o pct.png "$TMP/pct.json"
if [ "$status" -eq 0 ] && grep -q '^    "50%%" 1, ' "$TMP/stdout" &&
    grep -q '^    "%%d items" 2)$' "$TMP/stdout"; then
    pass gnuplot_tick_label_percent_escaped
else
    fail gnuplot_tick_label_percent_escaped "status $status: $(grep -F '%' "$TMP/stdout" | head -3)"
fi
run "$PNGPLOT" render -q --backend gnuplot "$TMP/pct.json" -o "$TMP/pct.png"
expect gnuplot_tick_label_percent_draws 0 ""

# The temporary folder (with gnuplot's font cache in it) is removed.
mkdir -p "$TMP/tmpdir"
run env TMPDIR="$TMP/tmpdir" "$PNGPLOT" render -q --backend gnuplot \
    examples/network.json -o "$TMP/n.png"
if [ "$status" -eq 0 ] && [ -z "$(ls -A "$TMP/tmpdir")" ]; then
    pass gnuplot_leaves_no_temporary_files
else
    fail gnuplot_leaves_no_temporary_files "status $status, left: $(ls -A "$TMP/tmpdir")"
fi

# -o - writes gnuplot's PNG to standard output.
run "$PNGPLOT" render -q --backend gnuplot examples/bipartite.json -o -
if [ "$status" -eq 0 ] && cmp -s "$TMP/stdout" "$TMP/rendered.png"; then
    pass gnuplot_to_stdout
else
    fail gnuplot_to_stdout "status $status: $(cat "$TMP/stderr")"
fi

# Quotes and backslashes anywhere in a text reach gnuplot intact.
printf 'index,count\n0,1\n1,3\n' >"$TMP/q.csv"
printf '%s\n' '{"title": "'"'"'Quoted'"'"' \"twice\" \\ and '"''"'", "sources": {"s": {"csv": "q.csv"}},' \
    '"renderers": [{"glyph": "line", "source": "s", "x": "index", "y": "count"}]}' \
    >"$TMP/q.json"
run "$PNGPLOT" render --backend gnuplot --script-only - "$TMP/q.json" \
    -o "$TMP/q.png"
if grep -qF 'set label 1 "'"'"'Quoted'"'"' \"twice\" \\ and '"''"'" at' "$TMP/stdout"; then
    pass gnuplot_text_quotes_escaped
else
    fail gnuplot_text_quotes_escaped "$(grep 'set label 1' "$TMP/stdout")"
fi
run "$PNGPLOT" render --backend gnuplot "$TMP/q.json" -o "$TMP/q.png"
expect gnuplot_draws_quoted_title 0 ""

# gnuplot's PNG with its page on standard output: the page shows the PNG
# by its path from the current directory, not from /dev.
mkdir -p "$TMP/gcwd"
cp examples/timeline.json "$TMP/gcwd/"
(cd "$TMP/gcwd" && "$PNGPLOT" render -q --backend gnuplot timeline.json \
    --data-dir "$PP_REPO/examples/data" -o g.png --html /dev/stdout \
    >page.html 2>"$TMP/stderr")
status=$?
if [ "$status" -eq 0 ] && grep -q '^<img src="g.png" ' "$TMP/gcwd/page.html"
then
    pass gnuplot_descriptor_page_img_src
else
    fail gnuplot_descriptor_page_img_src "status $status: $(head -c 300 "$TMP/stderr")"
fi
