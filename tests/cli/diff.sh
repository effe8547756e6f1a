# pngplot diff: the comparison users run in their own CI, and the one the
# golden tests rely on to catch a single changed pixel.
. "$PP_REPO/tests/lib.sh"
POKE="$PP_REPO/$BUILD/tools/pngpoke"
golden="$PP_REPO/golden/timeline.png"

run "$PNGPLOT" diff "$golden" "$golden"
if [ "$status" -eq 0 ] && grep -q '^alike: 0 pixels differ' "$TMP/stdout"; then
    pass diff_same_image_is_alike
else
    fail diff_same_image_is_alike "status $status: $(cat "$TMP/stdout")"
fi

# One pixel changed: exit 1, one pixel counted, named with both values.
before=$("$POKE" "$golden" 400 200)
"$POKE" "$golden" 400 200 255 0 0 "$TMP/poked.png"
run "$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out "$TMP/d.png"
expected="different: 1 pixel differs by more than 0 (largest channel difference 255); first at (400, 200): expected rgba($(echo "$before" | tr ' ' ',')), actual rgba(255,0,0,255)"
if [ "$status" -eq 1 ] && grep -qF "$expected" "$TMP/stdout"; then
    pass diff_one_pixel_change_detected
else
    fail diff_one_pixel_change_detected "status $status: $(cat "$TMP/stdout")"
fi
if [ "$("$POKE" "$TMP/d.png" 400 200)" = "255 0 255 255" ]; then
    pass diff_image_marks_pixel_magenta
else
    fail diff_image_marks_pixel_magenta "pixel is $("$POKE" "$TMP/d.png" 400 200)"
fi

# The diff image on a descriptor (here 3, beside the verdict on standard
# output): written to it, the same bytes as to a file.
"$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out /dev/fd/3 \
    3>"$TMP/d3.png" >/dev/null 2>"$TMP/stderr"
status=$?
if [ "$status" -eq 1 ] && cmp -s "$TMP/d3.png" "$TMP/d.png"; then
    pass diff_image_to_descriptor
else
    fail diff_image_to_descriptor "status $status: $(head -c 300 "$TMP/stderr")"
fi

# --diff-out - is standard output, as -o - is for render: no file named
# "-" (here in the current directory, $TMP/dash).
mkdir "$TMP/dash"
(cd "$TMP/dash" && "$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out - \
    >"$TMP/dash.png" 2>"$TMP/stderr")
status=$?
if [ "$status" -ne 1 ] || [ -n "$(ls -A "$TMP/dash")" ]; then
    fail diff_out_dash_is_stdout "status $status, files: $(ls -A "$TMP/dash")"
elif ! head -c "$(wc -c <"$TMP/d.png")" "$TMP/dash.png" | cmp -s - "$TMP/d.png"
then
    fail diff_out_dash_is_stdout "standard output does not start with the diff image"
else
    pass diff_out_dash_is_stdout
fi
# The diff image on standard output gets nothing after it: the verdict
# goes to standard error then, in each spelling, into a file or a pipe.
expected="different: 1 pixel differs by more than 0 (largest channel difference 255); first at (400, 200)"
for out in - /dev/stdout /dev/fd/1 /proc/self/fd/1; do
    run "$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out "$out"
    if [ "$status" -ne 1 ] || ! cmp -s "$TMP/stdout" "$TMP/d.png"; then
        fail "diff_out_stdout_only_image_$out" "status $status, $(wc -c <"$TMP/stdout") bytes, not $(wc -c <"$TMP/d.png")"
    elif [ "$(wc -l <"$TMP/stderr")" -ne 1 ] ||
        ! grep -qF "$expected" "$TMP/stderr"; then
        fail "diff_out_stdout_only_image_$out" "stderr: $(head -c 300 "$TMP/stderr")"
    else
        pass "diff_out_stdout_only_image_$out"
    fi
    { "$PNGPLOT" diff "$golden" "$golden" --diff-out "$out" 2>"$TMP/stderr"
      echo $? >"$TMP/status"; } | cat >"$TMP/piped.png"
    if [ "$(cat "$TMP/status")" -eq 0 ] &&
        [ "$(png_size "$TMP/piped.png")" = 800x350 ] &&
        [ "$(tail -c 12 "$TMP/piped.png" | od -An -tx1 | tr -d ' \n')" = \
            0000000049454e44ae426082 ] &&
        grep -q '^alike: 0 pixels differ' "$TMP/stderr"; then
        pass "diff_out_stdout_pipe_alike_$out"
    else
        fail "diff_out_stdout_pipe_alike_$out" "status $(cat "$TMP/status"), ends $(tail -c 12 "$TMP/piped.png" | od -An -tx1); $(head -c 300 "$TMP/stderr")"
    fi
done
# Any other descriptor leaves the verdict on standard output.
"$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out /dev/fd/3 \
    3>/dev/null >"$TMP/stdout" 2>"$TMP/stderr"
if grep -qF "$expected" "$TMP/stdout" && [ ! -s "$TMP/stderr" ]; then
    pass diff_out_other_descriptor_verdict_on_stdout
else
    fail diff_out_other_descriptor_verdict_on_stdout "stdout: $(cat "$TMP/stdout")"
fi
# ... and refused over an image being compared, as /dev/stdout is.
cp "$TMP/poked.png" "$TMP/poked.keep"
"$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out - >>"$TMP/poked.png" \
    2>"$TMP/stderr"
status=$?
expect diff_out_dash_onto_input 2 \
    "diff: --diff-out would replace an image being compared"
cmp -s "$TMP/poked.png" "$TMP/poked.keep" ||
    fail diff_out_dash_onto_input_untouched "the image changed"

# Allowances: one differing pixel is accepted with --max-diff-pixels 1, and
# a change of 10 per channel with --tolerance 10.
run "$PNGPLOT" diff "$golden" "$TMP/poked.png" --max-diff-pixels 1
expect diff_max_diff_pixels_allows 0 ""
set -- $before
"$POKE" "$golden" 400 200 $(( $1 > 128 ? $1 - 10 : $1 + 10 )) "$2" "$3" "$TMP/near.png"
run "$PNGPLOT" diff "$golden" "$TMP/near.png" --tolerance 10
expect diff_tolerance_allows 0 ""
run "$PNGPLOT" diff "$golden" "$TMP/near.png" --tolerance 9
expect diff_tolerance_exceeded 1 ""

# Sizes that differ, and unreadable input.
run "$PNGPLOT" diff "$golden" "$PP_REPO/golden/network.png"
if [ "$status" -eq 1 ] && grep -q 'sizes differ (800x350 and 800x255)' "$TMP/stdout"; then
    pass diff_size_mismatch
else
    fail diff_size_mismatch "status $status: $(cat "$TMP/stdout")"
fi
run "$PNGPLOT" diff "$golden" "$TMP/none.png"
expect diff_missing_file_is_status_2 2 "none.png"
printf 'not a png' >"$TMP/text.png"
run "$PNGPLOT" diff "$TMP/text.png" "$golden"
expect diff_not_png_is_status_2 2 "text.png"
run "$PNGPLOT" diff "$golden"
expect diff_usage_one_file 2 "give EXPECTED.png and ACTUAL.png"

# expect_diff_error NAME MESSAGE: exit status 2 and exactly that one line.
expect_diff_error() {
    if [ "$status" -ne 2 ]; then
        fail "$1" "exit status $status, expected 2: $(head -c 300 "$TMP/stderr")"
    elif [ "$(cat "$TMP/stderr")" != "pngplot: error: $2" ]; then
        fail "$1" "stderr is: $(head -c 300 "$TMP/stderr")"
    else
        pass "$1"
    fi
}

# A folder was "not a PNG file"; a truncated PNG gave libpng's bare "Read
# Error".
mkdir "$TMP/folder"
run "$PNGPLOT" diff "$golden" "$TMP/folder"
expect_diff_error diff_folder_is_a_directory \
    "cannot read $TMP/folder: Is a directory"
head -c 3000 "$golden" >"$TMP/trunc.png"
run "$PNGPLOT" diff "$golden" "$TMP/trunc.png"
expect_diff_error diff_truncated_png \
    "$TMP/trunc.png: the PNG is truncated or corrupt (Read Error)"

# A diff image that cannot be written is trouble (2, as ImageMagick's
# compare says), not "different", and nothing appears.
run "$PNGPLOT" diff "$golden" "$TMP/poked.png" --diff-out "$TMP/nodir/d.png"
expect_diff_error diff_out_unwritable \
    "cannot write $TMP/nodir/d.png: No such file or directory"
if [ -e "$TMP/nodir" ] || [ -s "$TMP/stdout" ]; then
    fail diff_out_unwritable_no_verdict "$(cat "$TMP/stdout")"
else
    pass diff_out_unwritable_no_verdict
fi
