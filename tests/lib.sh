# Helpers for command-line tests (sourced by tests/cli/*.sh).
# Each check prints PASS name, FAIL name: why, or SKIP name: why.
BUILD=${BUILD:-build}
PP_REPO=${PP_REPO:-$(pwd)}
PNGPLOT="$PP_REPO/$BUILD/pngplot"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }

# run CMD...: runs a command, keeping its status in $status and its
# standard error in $TMP/stderr (standard output in $TMP/stdout).
run() {
    "$@" >"$TMP/stdout" 2>"$TMP/stderr"
    status=$?
}

# expect NAME STATUS TEXT: the last run exited with STATUS and its stderr
# holds TEXT.
expect() {
    if [ "$status" -ne "$2" ]; then
        fail "$1" "exit status $status, expected $2; stderr: $(head -c 300 "$TMP/stderr")"
    elif [ -n "$3" ] && ! grep -qF -- "$3" "$TMP/stderr"; then
        fail "$1" "stderr lacks '$3': $(head -c 300 "$TMP/stderr")"
    else
        pass "$1"
    fi
}

# png_size FILE: prints "WxH" from a PNG's header, or nothing when the file
# does not start like a PNG.
png_size() {
    [ "$(head -c 8 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = \
        89504e470d0a1a0a ] || return 1
    od -An -tu1 -j16 -N8 "$1" | awk '{
        printf "%dx%d\n", (($1 * 256 + $2) * 256 + $3) * 256 + $4,
                          (($5 * 256 + $6) * 256 + $7) * 256 + $8 }'
}
