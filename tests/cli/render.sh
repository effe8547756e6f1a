# The render command: output paths, exit codes and the messages users see.
. "$PP_REPO/tests/lib.sh"

# A small valid figure: spec.json reading data.csv beside it.
cat >"$TMP/data.csv" <<'EOF'
index,count
0,5
1,8
2,6
3,9
EOF
cat >"$TMP/spec.json" <<'EOF'
{"width": 320, "height": 200, "title": "Counts",
 "sources": {"s": {"csv": "data.csv"}},
 "renderers": [{"glyph": "line", "source": "s", "x": "index", "y": "count",
                "line_color": "navy", "line_width": 2}]}
EOF

# is_png FILE: the file starts with the PNG signature.
is_png() {
    [ "$(head -c 8 "$1" | od -An -c | tr -d ' \n')" = '211PNG\r\n032\n' ]
}

run "$PNGPLOT" render "$TMP/spec.json" -o "$TMP/out.png"
if [ "$status" -eq 0 ] && is_png "$TMP/out.png"; then
    pass render_writes_png
else
    fail render_writes_png "status $status: $(cat "$TMP/stderr")"
fi

# Without -o the output is the spec's name with .png.
rm -f "$TMP/spec.png"
run "$PNGPLOT" render "$TMP/spec.json"
if [ "$status" -eq 0 ] && is_png "$TMP/spec.png"; then
    pass render_default_output_name
else
    fail render_default_output_name "status $status, no $TMP/spec.png"
fi

# The .json swap ignores case: up.JSON gave up.JSON.png.
cp "$TMP/spec.json" "$TMP/up.JSON"
rm -f "$TMP/up.png"
run "$PNGPLOT" render "$TMP/up.JSON"
if [ "$status" -eq 0 ] && cmp -s "$TMP/up.png" "$TMP/spec.png" &&
    [ ! -e "$TMP/up.JSON.png" ]; then
    pass render_default_output_name_any_case
else
    fail render_default_output_name_any_case "status $status: $(ls "$TMP" | grep up)"
fi

# -o - writes the same bytes to standard output.
run "$PNGPLOT" render "$TMP/spec.json" -o -
if [ "$status" -eq 0 ] && cmp -s "$TMP/stdout" "$TMP/out.png"; then
    pass render_to_stdout_same_bytes
else
    fail render_to_stdout_same_bytes "status $status or bytes differ"
fi

# The same input gives the same bytes every run.
"$PNGPLOT" render "$TMP/spec.json" -o "$TMP/again.png" 2>/dev/null
if cmp -s "$TMP/again.png" "$TMP/out.png"; then
    pass render_is_deterministic
else
    fail render_is_deterministic "two runs gave different bytes"
fi

# --data-dir swaps the data: same shape, other numbers, other picture,
# byte for byte the one a spec naming the other folder's file draws.
mkdir -p "$TMP/other"
printf 'index,count\n0,9\n1,1\n2,9\n3,1\n' >"$TMP/other/data.csv"
run "$PNGPLOT" render "$TMP/spec.json" --data-dir "$TMP/other" -o "$TMP/o.png"
sed 's|"csv": "data.csv"|"csv": "other/data.csv"|' "$TMP/spec.json" \
    >"$TMP/pointed.json"
"$PNGPLOT" render "$TMP/pointed.json" -o "$TMP/pointed.png" 2>"$TMP/pointed.err"
if [ "$status" -ne 0 ] || cmp -s "$TMP/o.png" "$TMP/out.png"; then
    fail render_data_dir_replaces_folder "status $status or same picture"
elif ! grep -q '"other/data.csv"' "$TMP/pointed.json" ||
    ! cmp -s "$TMP/o.png" "$TMP/pointed.png"; then
    fail render_data_dir_replaces_folder "differs from other/data.csv named in the spec: $(cat "$TMP/pointed.err")"
else
    pass render_data_dir_replaces_folder
fi

# Run from another folder, the command still finds its fonts.
(cd / && "$PNGPLOT" render "$TMP/spec.json" -o "$TMP/fromroot.png") \
    >/dev/null 2>&1
if cmp -s "$TMP/fromroot.png" "$TMP/out.png"; then
    pass render_from_other_folder_finds_fonts
else
    fail render_from_other_folder_finds_fonts "output differs or missing"
fi

# Help and version.
run "$PNGPLOT" --version
if [ "$status" -eq 0 ] && grep -q '^pngplot [0-9]' "$TMP/stdout"; then
    pass version_prints_version
else
    fail version_prints_version "status $status: $(cat "$TMP/stdout")"
fi
run "$PNGPLOT" render --help
if [ "$status" -eq 0 ] && grep -q -- '--data-dir' "$TMP/stdout"; then
    pass render_help_lists_options
else
    fail render_help_lists_options "status $status"
fi
# All or nothing is promised for files only: a descriptor (a pipe) may
# have part of the output when a write fails.
if tr '\n' ' ' <"$TMP/stdout" | grep -qF "A file appears only when complete: on any error no file is written and an existing one is left as it was. Standard output ('-') or another descriptor (/dev/stdout, /dev/fd/N) may have received part of the output before the error." &&
    ! grep -q 'nothing is written' "$TMP/stdout"; then
    pass render_help_all_or_nothing_for_files
else
    fail render_help_all_or_nothing_for_files "$(grep -i -A3 'appears' "$TMP/stdout")"
fi
# '-' means standard output for each output option.
for opt in --output --html --script-only; do
    line=$(sed -n "/^ *\(-o, \)\?$opt /,/^  *-/p" "$TMP/stdout" | tr '\n' ' ')
    case "$line" in
    *"'-' for"*"standard output"*) pass "render_help_dash_$opt" ;;
    *) fail "render_help_dash_$opt" "$line" ;;
    esac
done
run "$PNGPLOT" diff --help
if tr '\n' ' ' <"$TMP/stdout" | tr -s ' ' | grep -qF "('-' for standard output; the verdict then goes to standard error)"
then
    pass diff_help_dash_verdict_on_stderr
else
    fail diff_help_dash_verdict_on_stderr "$(grep -A3 diff-out "$TMP/stdout")"
fi
run "$PNGPLOT" --help
if [ "$status" -eq 0 ] && grep -q 'render SPEC.json' "$TMP/stdout"; then
    pass help_lists_commands
else
    fail help_lists_commands "status $status"
fi
# The exit statuses of both commands: the help once gave render's alone,
# where diff's 1 means "different", not a failure.
cat >"$TMP/exit-help" <<'EOF'
Exit status:
  render  0 written; 1 bad input, failed render or write; 2 usage error
  diff    0 alike; 1 different; 2 usage error, unreadable image or
          failed write
EOF
if tail -n 4 "$TMP/stdout" | cmp -s - "$TMP/exit-help"; then
    pass help_gives_each_command_exit_status
else
    fail help_gives_each_command_exit_status "help ends: $(tail -n 4 "$TMP/stdout")"
fi

# Usage errors exit 2.
run "$PNGPLOT" render
expect usage_missing_spec 2 "missing SPEC.json"
run "$PNGPLOT" render "$TMP/spec.json" --bogus
expect usage_unknown_option 2 "unknown option '--bogus'"
run "$PNGPLOT" frobnicate
expect usage_unknown_command 2 "unknown command 'frobnicate'"
run "$PNGPLOT" render "$TMP/spec.json" --compression 13
expect usage_bad_compression 2 "--compression needs a level from 0 to 12"
# --version once ignored what followed it.
run "$PNGPLOT" --version extra
expect usage_version_extra_argument 2 \
    "pngplot: error: unexpected argument 'extra' after --version"
if [ -s "$TMP/stdout" ] || [ "$(sed -n 2p "$TMP/stderr")" != \
    "Try 'pngplot --help' for more information." ]; then
    fail usage_version_extra_prints_no_version "stdout: $(cat "$TMP/stdout"); stderr: $(cat "$TMP/stderr")"
else
    pass usage_version_extra_prints_no_version
fi

# fails_cleanly NAME SPEC TEXT...: exit 1, one message with each TEXT, no
# output left behind and an existing output untouched.
fails_cleanly() {
    name=$1
    spec=$2
    shift 2
    rm -f "$TMP/new.png"
    printf 'keep me' >"$TMP/old.png"
    run "$PNGPLOT" render "$spec" -o "$TMP/new.png"
    if [ "$status" -ne 1 ]; then
        fail "$name" "exit status $status, expected 1: $(cat "$TMP/stderr")"
        return
    fi
    for text in "$@"; do
        if ! grep -qF -- "$text" "$TMP/stderr"; then
            fail "$name" "message lacks '$text': $(cat "$TMP/stderr")"
            return
        fi
    done
    if [ "$(wc -l <"$TMP/stderr")" -ne 1 ]; then
        fail "$name" "expected one line of message: $(cat "$TMP/stderr")"
        return
    fi
    if [ -e "$TMP/new.png" ] || ls "$TMP"/.new.png* >/dev/null 2>&1; then
        fail "$name" "an output file was left behind"
        return
    fi
    "$PNGPLOT" render "$spec" -o "$TMP/old.png" 2>/dev/null
    if [ "$(cat "$TMP/old.png")" != "keep me" ]; then
        fail "$name" "an existing output file was changed"
        return
    fi
    pass "$name"
}

# A typo in a key: named, located, with the nearest valid key.
sed 's/"line_color"/"line_colour"/' "$TMP/spec.json" >"$TMP/typo.json"
fails_cleanly error_typo_suggests_key "$TMP/typo.json" \
    "typo.json:4:17: renderers[0].line_colour: unknown key 'line_colour'" \
    "did you mean 'line_color'?"

# A column the CSV lacks: renderer, spec location, column, actual columns.
sed 's/"y": "count"/"y": "hits"/' "$TMP/spec.json" >"$TMP/column.json"
fails_cleanly error_missing_column "$TMP/column.json" \
    "column.json:3:68: renderers[0].y" "line renderer" \
    "column 'hits' is not in" "whose columns are: index, count"

# A ragged CSV: file, line and both counts.
printf 'index,count\n0,5\n1,7\n2,6,99\n3,8\n' >"$TMP/ragged.csv"
sed 's/data.csv/ragged.csv/' "$TMP/spec.json" >"$TMP/ragged.json"
fails_cleanly error_ragged_csv "$TMP/ragged.json" \
    "ragged.csv:4: expected 2 fields, found 3"

# An unclosed quote: file and the line where it starts.
printf 'index,count\n0,"3\n1,5\n' >"$TMP/quote.csv"
sed 's/data.csv/quote.csv/' "$TMP/spec.json" >"$TMP/quote.json"
fails_cleanly error_unclosed_quote "$TMP/quote.json" \
    "quote.csv:2: quote is not closed"

# A missing CSV file.
sed 's/data.csv/nowhere.csv/' "$TMP/spec.json" >"$TMP/missing.json"
fails_cleanly error_missing_csv "$TMP/missing.json" "nowhere.csv" \
    "No such file or directory"

# A missing spec.
fails_cleanly error_missing_spec "$TMP/nospec.json" "nospec.json" \
    "No such file or directory"
