# Output paths that cannot be meant are usage errors (exit status 2) that
# write nothing: the PNG's path, given or the default SPEC.png, is also the
# HTML page's or the gnuplot script's, or an output would replace the spec.
. "$PP_REPO/tests/lib.sh"

printf 'index,count\n0,5\n1,8\n' >"$TMP/data.csv"
cat >"$TMP/fig.json" <<'EOF2'
{"sources": {"s": {"csv": "data.csv"}}, "tooltips": "@count",
 "renderers": [{"glyph": "line", "source": "s", "x": "index", "y": "count"}]}
EOF2

# expect_usage NAME TEXT FILE: exit status 2, the message, its --help hint,
# and FILE still holding "old".
expect_usage() {
    if [ "$status" -ne 2 ]; then
        fail "$1" "exit status $status, expected 2: $(head -c 300 "$TMP/stderr")"
    elif [ "$(sed -n 1p "$TMP/stderr")" != "pngplot: error: $2" ] ||
        [ "$(sed -n 2p "$TMP/stderr")" != \
            "Try 'pngplot render --help' for more information." ]; then
        fail "$1" "stderr is: $(head -c 300 "$TMP/stderr")"
    elif [ "$(cat "$3")" != old ]; then
        fail "$1" "$3 was replaced"
    else
        pass "$1"
    fi
}

# The page at the default PNG path: the page used to replace the PNG.
echo old >"$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" --html "$TMP/fig.png"
expect_usage paths_html_at_default_png \
    "render: the PNG and the HTML page need different paths" "$TMP/fig.png"

echo old >"$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/fig.png" --html "$TMP/fig.png"
expect_usage paths_html_at_given_png \
    "render: the PNG and the HTML page need different paths" "$TMP/fig.png"

# The script at the PNG's path: gnuplot would overwrite its own script.
echo old >"$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" --script-only "$TMP/fig.png"
expect_usage paths_script_at_default_png \
    "render: the PNG and the gnuplot script need different paths" \
    "$TMP/fig.png"

echo old >"$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/fig.png" \
    --script-only "$TMP/fig.png"
expect_usage paths_script_at_given_png \
    "render: the PNG and the gnuplot script need different paths" \
    "$TMP/fig.png"

# Different paths still work: the PNG and the page are both written.
rm -f "$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" --html "$TMP/fig.html"
if [ "$status" -eq 0 ] && [ "$(png_size "$TMP/fig.png")" = 600x600 ] &&
    grep -q '<img src="fig.png"' "$TMP/fig.html"; then
    pass paths_distinct_outputs
else
    fail paths_distinct_outputs "status $status: $(head -c 300 "$TMP/stderr")"
fi
