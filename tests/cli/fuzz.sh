# The fuzz targets (tests/fuzz/), built with a plain main, replayed over
# their seeds and over the inputs that made them fail once (tests/bad/fuzz/):
# no input may crash, leak (under SANITIZE=1) or break the targets' checks
# (a failure has one line of message that names the input).
. "$PP_REPO/tests/lib.sh"

sh "$PP_REPO/tests/fuzz/run.sh" --seeds "$TMP/seeds"

# Each example's render seed carries the CSV files it names (from its
# data_dir), so the render target starts from real tables.
missing=""
for spec in "$PP_REPO"/examples/*.json; do
    name=$(basename "$spec" .json)
    for csv in $(grep -o '"csv": *"[^"]*"' "$spec" |
                 sed 's/.*"\([^"]*\)"$/\1/'); do
        header=$(head -n 1 "$PP_REPO/examples/data/$csv")
        grep -qF -- "$header" "$TMP/seeds/render/$name" 2>/dev/null ||
            missing="$missing $name:$csv"
    done
done
if [ -z "$missing" ]; then
    pass fuzz_render_seeds_hold_example_csv
else
    fail fuzz_render_seeds_hold_example_csv "seeds without their CSV:$missing"
fi
for target in csv spec render stream; do
    bin="$PP_REPO/$BUILD/replay/fuzz_$target"
    found="$PP_REPO/tests/bad/fuzz/$target"
    if [ ! -x "$bin" ]; then
        fail "fuzz_replay_$target" "$bin is not built"
        continue
    fi
    [ -d "$found" ] || found=""
    (cd "$PP_REPO" && "$bin" "$TMP/seeds/$target" $found) >"$TMP/stdout" \
        2>"$TMP/stderr"
    status=$?
    count=$(sed -n 's/^\([0-9]*\) inputs replayed$/\1/p' "$TMP/stdout")
    if [ "$status" -ne 0 ]; then
        fail "fuzz_replay_$target" "exit status $status: $(tail -c 600 "$TMP/stderr")"
    elif [ "${count:-0}" -lt 10 ]; then
        fail "fuzz_replay_$target" "only ${count:-0} inputs replayed"
    else
        pass "fuzz_replay_$target"
    fi
done
