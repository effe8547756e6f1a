#!/bin/sh
# `make memcheck`: runs the examples (each spec in examples/, drawn, with
# its --html page, and as a gnuplot script with --script-only; and the C
# example) and every case of the error suite (tests/bad/) under valgrind's
# memcheck. An invalid read or write, a jump on uninitialised memory or a
# definite, indirect or possible leak fails it, on the paths that draw and
# on those that fail. Prints one line per run and the total; exits 1 on any fault.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "ERROR: valgrind is not installed" >&2
    echo "HINT: sh scripts/install-deps.sh --with-test-tools (or apt-get install valgrind)" >&2
    exit 2
fi
if [ "$BUILD" = build-sanitize ]; then
    echo "ERROR: memcheck cannot run the sanitized build; use the normal one" >&2
    exit 2
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Exit status 99 marks a memcheck error, apart from the program's own 1.
VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full
    --show-leak-kinds=all --errors-for-leak-kinds=definite,indirect,possible
    --track-origins=yes --log-file=$TMP/valgrind.log"
runs=0
faults=0

# check NAME EXPECTED-STATUS DIR CMD...: runs CMD in DIR under memcheck.
check() {
    name=$1
    expected=$2
    dir=$3
    shift 3
    runs=$((runs + 1))
    (cd "$dir" && exec $VALGRIND "$@") >/dev/null 2>"$TMP/stderr"
    status=$?
    if [ "$status" -eq 99 ] || [ -s "$TMP/valgrind.log" ]; then
        faults=$((faults + 1))
        echo "FAULT $name:"
        sed 's/^/    /' "$TMP/valgrind.log"
    elif [ "$status" -ne "$expected" ]; then
        faults=$((faults + 1))
        echo "FAULT $name: exit status $status, expected $expected:" \
            "$(head -c 300 "$TMP/stderr")"
    else
        echo "clean $name"
    fi
    rm -f "$TMP/valgrind.log"
}

PNGPLOT=$(pwd)/$BUILD/pngplot
for spec in examples/*.json; do
    check "$spec" 0 . "$PNGPLOT" render "$spec" -o "$TMP/out.png"
done
# Each example's page (the image map, its templates and escaping) and its
# gnuplot script, which needs no gnuplot: 8 runs of about 2 s, in a
# memcheck of about 2.5 minutes.
for spec in examples/*.json; do
    check "$spec --html" 0 . "$PNGPLOT" render "$spec" -o "$TMP/out.png" \
        --html "$TMP/out.html"
    check "$spec --script-only" 0 . "$PNGPLOT" render --backend gnuplot \
        "$spec" -o "$TMP/out.png" --script-only "$TMP/out.gp"
done
check examples/wave.c 0 . "$BUILD/examples/wave" "$TMP/wave.png" fonts

# The error suite, from its folder as tests/cli/bad.sh runs it. Cases that
# read a device up to a limit (64 MB of /dev/zero) take minutes under
# valgrind; `make test SANITIZE=1` checks them.
grep -v -e '^#' -e '^[[:space:]]*$' tests/bad/cases.txt >"$TMP/cases"
while read -r name code text; do
    if grep -q '"/dev/' "tests/bad/$name.json" 2>/dev/null; then
        echo "skip tests/bad/$name (reads a device)"
        continue
    fi
    check "tests/bad/$name" "$code" tests/bad "$PNGPLOT" render "$name.json" \
        -o "$TMP/out.png"
done <"$TMP/cases"

echo "memcheck: $runs runs, $faults with faults"
[ "$faults" -eq 0 ]
