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

# An output over a CSV file the figure reads.
echo old >"$TMP/keep.csv"
cp "$TMP/data.csv" "$TMP/data.saved"
run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/./data.csv"
if cmp -s "$TMP/data.csv" "$TMP/data.saved"; then
    echo old >"$TMP/marker"
else
    echo changed >"$TMP/marker"
fi
expect_usage paths_png_over_csv "render: -o $TMP/./data.csv would replace a \
CSV file the figure reads" "$TMP/marker"
run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/f.png" --html "$TMP/data.csv"
cmp -s "$TMP/data.csv" "$TMP/data.saved" && echo old >"$TMP/marker"
expect_usage paths_html_over_csv "render: --html $TMP/data.csv would \
replace a CSV file the figure reads" "$TMP/marker"

# diff's image over one of the images it compares.
"$PNGPLOT" render -q "$TMP/fig.json" -o "$TMP/a.png"
"$PNGPLOT" render -q "$TMP/fig.json" -o "$TMP/b.png"
cp "$TMP/a.png" "$TMP/a.saved"
run "$PNGPLOT" diff "$TMP/a.png" "$TMP/b.png" --diff-out "$TMP/./a.png"
if [ "$status" -eq 2 ] && cmp -s "$TMP/a.png" "$TMP/a.saved" &&
    grep -q "^pngplot: error: diff: --diff-out would replace an image being compared$" "$TMP/stderr"
then
    pass paths_diff_out_over_input
else
    fail paths_diff_out_over_input "status $status: $(head -c 300 "$TMP/stderr")"
fi

# Different paths still work: the PNG and the page are both written.
rm -f "$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" --html "$TMP/fig.html"
if [ "$status" -eq 0 ] && [ "$(png_size "$TMP/fig.png")" = 600x600 ] &&
    grep -q '<img src="fig.png"' "$TMP/fig.html"; then
    pass paths_distinct_outputs
else
    fail paths_distinct_outputs "status $status: $(head -c 300 "$TMP/stderr")"
fi

# The same file by two spellings, before either exists: the folder is
# resolved, so ./fig.png and sub/../fig.png are both fig.png.
mkdir -p "$TMP/sub"
rm -f "$TMP/fig.png" "$TMP/fig.gp"
run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/sub/../fig.png" \
    --html "$TMP/./fig.png"
if [ "$status" -eq 2 ] && [ ! -e "$TMP/fig.png" ] &&
    grep -qF "render: the PNG and the HTML page need different paths" \
        "$TMP/stderr"; then
    pass paths_clash_before_files_exist
else
    fail paths_clash_before_files_exist "status $status: $(head -c 300 "$TMP/stderr")"
fi

# The same file through a symbolic link: the page written through the link
# replaced the PNG (or the PNG the page), and the run still said 0. A link
# to a file not there yet counts as that file, either way round and through
# a relative link from another folder; so does a link to an existing one.
rm -f "$TMP/fig.png"
ln -s fig.png "$TMP/alias.png"
ln -s ../fig.png "$TMP/sub/alias.png"
for case in html_link:fig.png:alias.png png_link:alias.png:fig.png \
    relative_link:fig.png:sub/alias.png; do
    rm -f "$TMP/fig.png"
    name=paths_${case%%:*}_to_missing
    case=${case#*:}
    run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/${case%:*}" \
        --html "$TMP/${case#*:}"
    if [ "$status" -eq 2 ] && [ ! -e "$TMP/fig.png" ] &&
        [ "$(readlink "$TMP/alias.png")" = fig.png ] &&
        [ "$(sed -n 1p "$TMP/stderr")" = \
            "pngplot: error: render: the PNG and the HTML page need different paths" ]
    then
        pass "$name"
    else
        fail "$name" "status $status: $(head -c 300 "$TMP/stderr")"
    fi
done
echo old >"$TMP/fig.png"
run "$PNGPLOT" render "$TMP/fig.json" -o "$TMP/fig.png" --html "$TMP/alias.png"
expect_usage paths_html_link_to_existing \
    "render: the PNG and the HTML page need different paths" "$TMP/fig.png"
rm -f "$TMP/alias.png" "$TMP/sub/alias.png"

# --script-only draws no PNG, so a page would have nothing to show.
echo old >"$TMP/fig.html"
run "$PNGPLOT" render "$TMP/fig.json" --script-only "$TMP/fig.gp" \
    --html "$TMP/fig.html"
expect_usage paths_html_with_script_only \
    "render: --script-only draws no PNG, so there is none for --html to show" \
    "$TMP/fig.html"
if [ -e "$TMP/fig.gp" ]; then
    fail paths_html_with_script_only_writes_no_script "fig.gp was written"
else
    pass paths_html_with_script_only_writes_no_script
fi
