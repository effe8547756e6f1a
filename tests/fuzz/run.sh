#!/bin/sh
# Runs the libFuzzer targets ($BUILD/fuzz/fuzz_*, built by `make fuzz`), each
# for FUZZ_TIME seconds with FUZZ_JOBS processes, from seeds made here out of
# examples/, tests/bad/ and ../shared/cases (when present). FUZZ_TARGETS
# names some targets ("csv spec"); default: all. FUZZ_KEEP_GOING=1 keeps
# fuzzing after a fault (libFuzzer's fork mode) to collect them all.
#
# The corpora grow in tests/fuzz/corpus-NAME/ and crashes, leaks, timeouts
# and out-of-memory inputs land in $BUILD/fuzz/artifacts/: neither is in
# git. A fault found becomes a case in tests/bad/ once it is fixed. Prints a
# summary line per target; exits 1 when any target found a fault.
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build-fuzz}
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_JOBS=${FUZZ_JOBS:-1}
FUZZ_TARGETS=${FUZZ_TARGETS:-csv spec render stream}
SHARED=${PP_SHARED:-../shared}
out=$BUILD/fuzz
# Seeds and dictionary are per run, so two runs can share the build.
work=$out/run-$$
trap 'rm -rf "$work"' EXIT

# The first 40 lines of a CSV: enough to seed, small enough to mutate.
csv_head() {
    head -n 40 "$1" 2>/dev/null
}

# A spec with its canvas shrunk to the render target's cap (300 px).
small_spec() {
    sed -E 's/"(width|height)": *([4-9][0-9]{2}|[0-9]{4,})/"\1": 300/g' "$1"
}

# A render input: the spec, then each CSV it names after a form feed (found
# in the spec's "data_dir", when it has one, as pngplot finds them).
render_seed() {
    spec=$1
    dir=$(dirname "$spec")
    data_dir=$(grep -o '"data_dir": *"[^"]*"' "$spec" | head -n 1 |
        sed 's/.*"\([^"]*\)"$/\1/')
    case $data_dir in
    "") ;;
    /*) dir=$data_dir ;;
    *) dir=$dir/$data_dir ;;
    esac
    small_spec "$spec"
    grep -o '"csv": *"[^"]*"' "$spec" | sed 's/.*"\([^"]*\)"$/\1/' |
        while IFS= read -r csv; do
            printf '\f'
            [ -f "$dir/$csv" ] && csv_head "$dir/$csv"
        done
}

# Two figures over the columns most shared cases have (index, count).
line_spec='{"width": 300, "height": 200, "title": "t",
 "sources": {"s": {"csv": "data.csv"}},
 "renderers": [{"glyph": "line", "source": "s", "x": "index", "y": "count",
                "legend_label": "count"}]}'
scatter_spec='{"width": 200, "height": 300, "y_axis_type": "log",
 "sources": {"s": {"csv": "data.csv"}},
 "renderers": [{"glyph": "scatter", "source": "s", "x": "index", "y": "count",
                "size": "count", "fill_color": "navy"}]}'

# make_seeds DIR: DIR/csv, DIR/spec, DIR/render and DIR/stream (CSV files
# with the index,count columns that target's line reads).
make_seeds() {
    seeds=$1
    mkdir -p "$seeds/csv" "$seeds/spec" "$seeds/render" "$seeds/stream"
    for f in examples/data/*.csv tests/bad/*.csv; do
        [ -f "$f" ] && csv_head "$f" >"$seeds/csv/$(basename "$f")"
        head -n 1 "$f" 2>/dev/null | grep -q '^index,count' &&
            cp "$f" "$seeds/stream/$(basename "$f")"
    done
    awk 'BEGIN { print "index,count"; for (i = 0; i < 3000; i++)
                 print i "," (i * 7919) % 1000 }' >"$seeds/stream/walk.csv"
    for f in examples/*.json tests/bad/*.json; do
        [ -f "$f" ] || continue
        name=$(basename "$f" .json)
        cp "$f" "$seeds/spec/$name.json"
        render_seed "$f" >"$seeds/render/$name"
    done
    for f in "$SHARED"/cases/*/*.csv; do
        [ -f "$f" ] || continue
        name=$(basename "$(dirname "$f")")-$(basename "$f")
        cp "$f" "$seeds/csv/$name"
        cp "$f" "$seeds/stream/$name"
        { printf '%s\f' "$line_spec"; cat "$f"; } \
            >"$seeds/render/line-$name"
        { printf '%s\f' "$scatter_spec"; cat "$f"; } \
            >"$seeds/render/scatter-$name"
    done
}

# A dictionary of the spec's keys and words, from the reader's own lists.
make_dict() {
    grep -oh '"[a-z][a-z0-9_]*"' src/spec.c | sort -u |
        sed 's/"\(.*\)"/"\\"\1\\""/' >"$work/spec.dict"
    for w in '{' '}' '[' ']' ':' ',' 'null' 'true' 'false' '1e308' '-1' \
        '"#ff0000"' '"13px"' '"field"' '"value"' '"transform"'; do
        printf '"%s"\n' "$(printf '%s' "$w" | sed 's/\\/\\\\/g; s/"/\\"/g')"
    done >>"$work/spec.dict"
}

run_target() {
    name=$1
    bin=$out/fuzz_$name
    corpus=tests/fuzz/corpus-$name
    dict=""
    case $name in csv | stream) ;; *) dict="-dict=$work/spec.dict" ;; esac
    parallel=""
    [ "$FUZZ_JOBS" -gt 1 ] && parallel="-fork=$FUZZ_JOBS"
    [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && parallel="-fork=$FUZZ_JOBS
        -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
    mkdir -p "$corpus" "$out/artifacts"
    touch "$work/start-$name"
    "$bin" $dict $parallel -max_total_time="$FUZZ_TIME" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$name-" \
        "$corpus" "$work/seeds/$name" >"$out/$name.log" 2>&1
    status=$?
    # One process prints its stats; -fork only its progress lines.
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$name.log" |
           awk '{s += $2} END {print s + 0}')
    [ "$runs" -gt 0 ] ||
        runs=$(grep -o '^#[0-9]*' "$out/$name.log" | tail -1 | tr -d '#')
    # Faults of this run only: the artifacts folder keeps older ones.
    faults=$(find "$out/artifacts" -name "$name-*" -newer "$work/start-$name" |
             wc -l)
    echo "fuzz_$name: ${FUZZ_TIME}s x $FUZZ_JOBS, $runs runs, corpus" \
        "$(ls "$corpus" | wc -l) inputs, $faults faults, exit $status" \
        "(log: $out/$name.log)"
    [ "$faults" -eq 0 ] && [ "$status" -eq 0 ]
}

# --seeds DIR only writes the seeds (tests/cli/fuzz.sh replays them).
if [ "$1" = --seeds ]; then
    make_seeds "$2"
    exit 0
fi

for name in $FUZZ_TARGETS; do
    if [ ! -x "$out/fuzz_$name" ]; then
        echo "ERROR: $out/fuzz_$name is not built; run 'make fuzz'" >&2
        exit 2
    fi
done
make_seeds "$work/seeds"
make_dict
failed=0
for name in $FUZZ_TARGETS; do
    run_target "$name" || failed=1
done
exit $failed
