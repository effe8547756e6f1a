# The error suite: every case of tests/bad/cases.txt through the real
# command (see that file for what is checked), then faults whose input is
# made here because it is large: a 1 MB field, a 1 MB header.
. "$PP_REPO/tests/lib.sh"
BAD="$PP_REPO/tests/bad"

# Seconds one render may take before it counts as a hang.
LIMIT=60

# Memory is capped at 1 GB a run, so input that would make the command eat
# memory without bound fails the test. Not under the sanitizers: they
# reserve terabytes of address space up front.
cap_memory() {
    [ "$BUILD" = build-sanitize ] || ulimit -v 1048576
}

# render_in DIR ARGS...: runs `pngplot render ARGS...` in DIR, keeping its
# status in $status and its output in $TMP/stdout and $TMP/stderr.
render_in() {
    dir=$1
    shift
    (cd "$dir" && cap_memory && exec timeout "$LIMIT" "$PNGPLOT" render "$@") \
        >"$TMP/stdout" 2>"$TMP/stderr"
    status=$?
}

# What is wrong with the last run as a clean failure, or nothing.
failure_problem() {
    if [ "$status" -eq 124 ]; then
        printf '%s\n' "no answer within $LIMIT s"
    elif [ "$status" -ne 1 ]; then
        printf '%s\n' "exit status $status, expected 1: $(head -c 300 "$TMP/stderr")"
    elif [ "$(wc -l <"$TMP/stderr")" -ne 1 ]; then
        printf '%s\n' "expected one line on stderr: $(head -c 300 "$TMP/stderr")"
    elif [ "$(head -c 16 "$TMP/stderr")" != "pngplot: error: " ]; then
        printf '%s\n' "not an error line: $(head -c 300 "$TMP/stderr")"
    elif ! grep -qF -- "$1" "$TMP/stderr"; then
        printf '%s\n' "message lacks '$1': $(head -c 300 "$TMP/stderr")"
    fi
}

# expect_failure NAME DIR TEXT SPEC [OPTION...]: the render fails cleanly
# with TEXT in its message, leaves no file behind (nor a temporary one) and
# does not touch an existing output file.
expect_failure() {
    name=$1 dir=$2 text=$3 spec=$4
    shift 4
    out="$TMP/out"
    rm -rf "$out" && mkdir -p "$out"
    render_in "$dir" "$spec" -o "$out/new.png" "$@"
    problem=$(failure_problem "$text")
    if [ -z "$problem" ] && [ -n "$(ls -A "$out")" ]; then
        problem="left files behind: $(ls -A "$out" | tr '\n' ' ')"
    fi
    if [ -z "$problem" ]; then
        printf 'keep me' >"$out/old.png"
        render_in "$dir" "$spec" -o "$out/old.png" "$@"
        if [ "$(cat "$out/old.png")" != "keep me" ]; then
            problem="an existing output file was changed"
        elif [ "$(ls -A "$out")" != old.png ]; then
            problem="left files behind: $(ls -A "$out" | tr '\n' ' ')"
        fi
    fi
    if [ -n "$problem" ]; then
        fail "bad_$name" "$problem"
    else
        pass "bad_$name"
    fi
}

# expect_drawn NAME DIR SIZE TEXT SPEC: the render succeeds with a PNG of
# SIZE ("WxH") that decodes, and stderr holds TEXT (nothing when empty).
expect_drawn() {
    name=$1 dir=$2 size=$3 text=$4 spec=$5
    out="$TMP/out"
    rm -rf "$out" && mkdir -p "$out"
    render_in "$dir" "$spec" -o "$out/new.png"
    problem=""
    if [ "$status" -ne 0 ]; then
        problem="exit status $status: $(head -c 300 "$TMP/stderr")"
    elif [ "$(png_size "$out/new.png")" != "$size" ]; then
        problem="expected a $size PNG, got '$(png_size "$out/new.png")'"
    elif ! "$PNGPLOT" diff "$out/new.png" "$out/new.png" >/dev/null 2>&1; then
        problem="the PNG does not decode"
    elif [ -z "$text" ] && [ -s "$TMP/stderr" ]; then
        problem="unexpected messages: $(head -c 300 "$TMP/stderr")"
    elif [ -n "$text" ] && ! grep -qF -- "$text" "$TMP/stderr"; then
        problem="stderr lacks '$text': $(head -c 300 "$TMP/stderr")"
    elif grep -q '^pngplot: error' "$TMP/stderr"; then
        problem="an error was printed: $(head -c 300 "$TMP/stderr")"
    elif [ "$(ls -A "$out")" != new.png ]; then
        problem="left files behind: $(ls -A "$out" | tr '\n' ' ')"
    fi
    if [ -n "$problem" ]; then
        fail "bad_$name" "$problem"
    else
        pass "bad_$name"
    fi
}

# The cases of cases.txt.
if [ ! -f "$BAD/cases.txt" ]; then
    fail bad_cases "no $BAD/cases.txt"
    exit 0
fi
grep -v -e '^#' -e '^[[:space:]]*$' "$BAD/cases.txt" |
    while read -r name code text; do
        if [ "$code" = 0 ]; then
            size=${text%% *}
            warning=${text#"$size"}
            expect_drawn "$name" "$BAD" "$size" "${warning# }" "$name.json"
        else
            expect_failure "$name" "$BAD" "$text" "$name.json"
        fi
    done

# A character the font lacks, twice in the title: warned about once.
render_in "$BAD" text-missing-glyph.json -o "$TMP/glyph.png"
if [ "$status" -eq 0 ] && [ "$(wc -l <"$TMP/stderr")" -eq 1 ] &&
    [ "$(grep -c 'missing glyph U+63A5' "$TMP/stderr")" -eq 1 ]; then
    pass bad_text_missing_glyph_warned_once
else
    fail bad_text_missing_glyph_warned_once "status $status: $(head -c 300 "$TMP/stderr")"
fi

# Large fields, made here rather than kept in git. A figure over
# $TMP/big/NAME.csv (index, count).
mkdir -p "$TMP/big"
big_case() {
    printf '{"width": 200, "height": 150, "sources": {"s": {"csv": "%s.csv"}},
 "renderers": [{"glyph": "line", "source": "s", "x": "index",
                "y": "count"}]}\n' "$1" >"$TMP/big/$1.json"
}
# mega CHAR: a million times CHAR.
mega() {
    head -c 1048576 /dev/zero | tr '\0' "$1"
}

# A 1 MB number is a number too large for a double: a gap, no error.
big_case long-number
{ printf 'index,count\n0,5\n1,'; mega 7; printf '\n2,6\n'; } \
    >"$TMP/big/long-number.csv"
expect_drawn csv_long_number_field "$TMP/big" 200x150 "" long-number.json

# A 1 MB text where a number should be: the message quotes its start only.
big_case long-text
{ printf 'index,count\n0,5\n1,"'; mega a; printf '"\n'; } \
    >"$TMP/big/long-text.csv"
expect_failure csv_long_text_field "$TMP/big" \
    "long-text.csv:3 has 'aaaaaaaaaa" long-text.json
if [ "$(wc -c <"$TMP/stderr")" -gt 1100 ]; then
    fail bad_csv_long_text_message_is_short "$(wc -c <"$TMP/stderr") bytes"
else
    pass bad_csv_long_text_message_is_short
fi

# A 1 MB column name: named in the list of columns, within one line.
big_case long-header
{ printf 'index,'; mega b; printf '\n0,5\n'; } >"$TMP/big/long-header.csv"
expect_failure csv_long_column_name "$TMP/big" \
    "column 'count' is not in long-header.csv, whose columns are: index, bbb" \
    long-header.json

# Inputs large enough that quadratic work would not finish within the
# limit (it once took minutes): 300 000 columns with the first name again
# at the end, and a factor list of 300 000 categories.
big_case wide-header
awk 'BEGIN { printf "index,count"; for (i = 0; i < 300000; i++)
             printf ",c%06d", i; print ",c000000"; print "0,5" }' \
    >"$TMP/big/wide-header.csv"
expect_failure csv_wide_header_duplicate "$TMP/big" \
    "wide-header.csv:1: column 'c000000' appears twice (fields 3 and 300003)" \
    wide-header.json

# A missing column among 100 000: the list ends at a whole name, with the
# count, and the message stays one line that fits.
awk 'BEGIN { printf "index"; for (i = 0; i < 100000; i++) printf ",c%d", i
             print ""; print "0" }' >"$TMP/big/wide-missing.csv"
big_case wide-missing
expect_failure csv_wide_header_missing_column "$TMP/big" \
    "column 'count' is not in wide-missing.csv, whose columns are: index, c0, c1, c2," \
    wide-missing.json
if grep -qE ', c[0-9]+, \.\.\. \(100001 columns\)$' "$TMP/stderr"; then
    pass bad_csv_wide_header_list_cut_at_a_name
else
    fail bad_csv_wide_header_list_cut_at_a_name "$(tail -c 100 "$TMP/stderr")"
fi

awk 'BEGIN { print "index,count,ip"
             for (i = 0; i < 300000; i++) print i "," i % 7 ",10.0." i }' \
    >"$TMP/big/categories.csv"
cat >"$TMP/big/categories.json" <<'JSON'
{"width": 200, "height": 150,
 "sources": {"s": {"csv": "categories.csv"}},
 "factors": {"ips": {"source": "s", "columns": ["ip"]}},
 "renderers": [{"glyph": "scatter", "source": "s", "x": "count",
                "y": {"field": "ip", "transform": {"type": "factor_index",
                                                   "factors": "ips"}}}]}
JSON
expect_drawn csv_many_categories "$TMP/big" 200x150 "" categories.json

# A row of more than a million fields (each costs memory beyond its text).
big_case many-fields
awk 'BEGIN { for (i = 0; i < 1000001; i++) printf "1,"; print "" }' \
    >"$TMP/big/many-fields.csv"
expect_failure csv_too_many_fields "$TMP/big" \
    "many-fields.csv:1: a row of more than 1000000 fields; is this a CSV file?" \
    many-fields.json

# Fonts that are there but broken: empty, not a font, cut short.
mkdir -p "$TMP/fonts"
cp "$PP_REPO"/fonts/LiberationSans-*.ttf "$TMP/fonts/"
: >"$TMP/fonts/LiberationSans-Regular.ttf"
expect_failure font_empty "$BAD" \
    "cannot load font $TMP/fonts/LiberationSans-Regular.ttf: not a usable TrueType font" \
    ok-line.json --font-dir "$TMP/fonts"
printf 'not a font\n' >"$TMP/fonts/LiberationSans-Regular.ttf"
expect_failure font_not_a_font "$BAD" \
    "cannot load font $TMP/fonts/LiberationSans-Regular.ttf: not a usable TrueType font" \
    ok-line.json --font-dir "$TMP/fonts"
cp "$PP_REPO/fonts/LiberationSans-Regular.ttf" "$TMP/fonts/"
head -c 5000 "$PP_REPO/fonts/LiberationSans-Italic.ttf" \
    >"$TMP/fonts/LiberationSans-Italic.ttf"
expect_failure font_cut_short "$BAD" \
    "cannot load font $TMP/fonts/LiberationSans-Italic.ttf: not a usable TrueType font" \
    ok-line.json --font-dir "$TMP/fonts"

# Fonts that are not there: the library names the file, the command adds
# how to choose the folder, after where this one came from. A binary
# copied away from its fonts once said only "cannot open font
# /usr/local/share/pngplot/fonts/...", a folder the user never chose.
# expect_font_hint NAME TEXT: exit status 1 and exactly that error line.
expect_font_hint() {
    if [ "$status" -ne 1 ]; then
        fail "$1" "exit status $status, expected 1: $(head -c 300 "$TMP/stderr")"
    elif [ "$(cat "$TMP/stderr")" != "pngplot: error: $2" ]; then
        fail "$1" "stderr is: $(head -c 400 "$TMP/stderr")"
    else
        pass "$1"
    fi
}
# (Under bin/: from $TMP/moved, ../fonts would be $TMP/fonts, the broken
# fonts above.)
mkdir -p "$TMP/moved/bin" "$TMP/nofonts"
cp "$PNGPLOT" "$TMP/moved/bin/pngplot"
run env -u PNGPLOT_FONT_DIR "$PNGPLOT" render "$BAD/ok-line.json" \
    -o "$TMP/font.png" --font-dir "$TMP/nofonts"
expect_font_hint font_dir_option_missing_hint "cannot open font $TMP/nofonts/LiberationSans-Regular.ttf: No such file or directory; --font-dir must name the folder of LiberationSans-*.ttf"
run env PNGPLOT_FONT_DIR="$TMP/nofonts" "$PNGPLOT" render "$BAD/ok-line.json" \
    -o "$TMP/font.png"
expect_font_hint font_dir_env_missing_hint "cannot open font $TMP/nofonts/LiberationSans-Regular.ttf: No such file or directory; PNGPLOT_FONT_DIR chose this folder: point it or --font-dir DIR at the folder of LiberationSans-*.ttf"
# The folder built in is PREFIX's, as the Makefile records it.
installed="$(cat "$PP_REPO/$BUILD/prefix")/share/pngplot/fonts"
if [ -e "$installed/LiberationSans-Regular.ttf" ]; then
    skip font_moved_binary_hint "fonts are installed in $installed"
else
    run env -u PNGPLOT_FONT_DIR "$TMP/moved/bin/pngplot" render \
        "$BAD/ok-line.json" -o "$TMP/font.png"
    expect_font_hint font_moved_binary_hint "cannot open font $installed/LiberationSans-Regular.ttf: No such file or directory; give the folder of LiberationSans-*.ttf with --font-dir DIR or PNGPLOT_FONT_DIR=DIR"
fi
# Doing as the hint says works.
run env PNGPLOT_FONT_DIR="$PP_REPO/fonts" "$TMP/moved/bin/pngplot" render \
    "$BAD/ok-line.json" -o "$TMP/font.png"
if [ "$status" -eq 0 ] && [ "$(png_size "$TMP/font.png")" = 200x150 ]; then
    pass font_moved_binary_follows_hint
else
    fail font_moved_binary_follows_hint "status $status: $(head -c 300 "$TMP/stderr")"
fi

# A spec that never ends (a device given by mistake) is read only so far.
expect_failure spec_endless "$TMP" \
    "/dev/zero: cannot read spec: larger than 16 MB, which no figure spec is" \
    /dev/zero
