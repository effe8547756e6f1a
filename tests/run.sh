#!/bin/sh
# Runs every test program (build/tests/test_*) and every command-line test
# script (tests/cli/*.sh), then prints "N passed, N failed[, N skipped]".
# Each test prints one line: PASS name, FAIL name: why, or SKIP name: why.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
PP_REPO=$(pwd)
export PP_REPO BUILD
if [ -z "${PP_SHARED:-}" ] && [ -d "$PP_REPO/../shared" ]; then
    PP_SHARED=$(cd "$PP_REPO/../shared" && pwd)
fi
export PP_SHARED=${PP_SHARED:-}
[ -n "$PP_SHARED" ] || echo "note: ../shared is absent: tests that need its data will skip"

results=$(mktemp)
trap 'rm -f "$results"' EXIT

run_one() {
    # A program that dies before reporting counts as one failure.
    name=$1
    shift
    out=$("$@" 2>&1)
    status=$?
    printf '%s\n' "$out"
    printf '%s\n' "$out" | grep -E '^(PASS|FAIL|SKIP) ' >>"$results"
    if [ $status -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^FAIL '; then
        echo "FAIL $name: exited with status $status"
        echo "FAIL $name: exited with status $status" >>"$results"
    fi
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "$(basename "$t")" "$t"
done
for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    run_one "$(basename "$t")" sh "$t"
done

passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
skipped=$(grep -c '^SKIP ' "$results")
if [ "$failed" -gt 0 ]; then
    echo
    echo "failures:"
    grep '^FAIL ' "$results"
fi
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
