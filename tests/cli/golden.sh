# Golden images: every example spec, the raster sample (every cap, join,
# width, alpha and text style) and the C API example (examples/wave.c,
# which must exit 0), rendered and compared with golden/.
#   sh tests/cli/golden.sh          compare (run by make test)
#   sh tests/cli/golden.sh update   rewrite golden/ (make golden), on purpose only
#   sh tests/cli/golden.sh list     list the cases
# Rendering is deterministic, so the comparison is exact (tolerance 0): any
# change to the figures shows up here and is reviewed by looking at it.
. "$PP_REPO/tests/lib.sh"
cd "$PP_REPO" || exit 2

mode=${1:-run}
failures="$PP_REPO/$BUILD/golden-failures"

# produce NAME OUT.png: draws the case NAME.
produce() {
    if [ "$1" = sample ]; then
        "$PP_REPO/$BUILD/tools/sample" "$2" fonts
    elif [ "$1" = wave ]; then
        "$PP_REPO/$BUILD/examples/wave" "$2" fonts >/dev/null
    else
        "$PNGPLOT" render -q "examples/$1.json" -o "$2"
    fi
}

cases="sample wave"
for spec in examples/*.json; do
    cases="$cases $(basename "$spec" .json)"
done

for name in $cases; do
    case $mode in
    list)
        echo "$name"
        continue
        ;;
    update)
        mkdir -p golden
        if produce "$name" "golden/$name.png"; then
            echo "updated golden/$name.png"
        else
            echo "ERROR: could not draw $name" >&2
        fi
        continue
        ;;
    esac

    if [ ! -f "golden/$name.png" ]; then
        fail "golden_$name" "golden/$name.png is missing; run 'make golden' after looking at the figure"
        continue
    fi
    mkdir -p "$failures"
    actual="$failures/${name}_actual.png"
    diff_png="$failures/${name}_diff.png"
    if ! produce "$name" "$actual" 2>"$TMP/err"; then
        fail "golden_$name" "drawing failed: $(cat "$TMP/err")"
        continue
    fi
    if "$PNGPLOT" diff "golden/$name.png" "$actual" --diff-out "$diff_png" \
        >"$TMP/diff" 2>&1; then
        rm -f "$actual" "$diff_png"
        pass "golden_$name"
    else
        fail "golden_$name" "$(cat "$TMP/diff") -- actual: $actual, diff: $diff_png (HINT: if the change is intended, look at both, then run 'make golden')"
    fi
done
