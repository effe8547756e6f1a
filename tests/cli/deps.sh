# scripts/check-deps.sh names the Debian package that is missing, and make
# runs it on every build, so a package removed after a build is named
# rather than left to the compiler. A fake pkg-config first in PATH plays
# the missing package.
. "$PP_REPO/tests/lib.sh"
CHECK="$PP_REPO/scripts/check-deps.sh"
REAL_PKG_CONFIG=$(command -v pkg-config)
mkdir -p "$TMP/fake" "$TMP/bare"

# fake_pkg_config MODULE...: a pkg-config that lacks these modules, passes
# the rest to the real one and logs each call.
fake_pkg_config() {
    {
        echo '#!/bin/sh'
        echo "echo \"\$*\" >>'$TMP/calls'"
        echo 'for a; do case $a in'
        for m; do echo "    $m) exit 1 ;;"; done
        echo 'esac; done'
        echo "exec '$REAL_PKG_CONFIG' \"\$@\""
    } >"$TMP/fake/pkg-config"
    chmod +x "$TMP/fake/pkg-config"
    : >"$TMP/calls"
}

if [ -z "$REAL_PKG_CONFIG" ]; then
    skip deps_check "no pkg-config"
    exit 0
fi

# Everything there: silent, and cheap (one pkg-config call), since make
# runs it every time.
fake_pkg_config
PATH="$TMP/fake:$PATH" run sh "$CHECK"
if [ "$status" -eq 0 ] && [ ! -s "$TMP/stderr" ] &&
    [ "$(wc -l <"$TMP/calls")" -eq 1 ]; then
    pass deps_all_there_is_one_quiet_call
else
    fail deps_all_there_is_one_quiet_call \
        "status $status, $(wc -l <"$TMP/calls") calls: $(cat "$TMP/stderr")"
fi

# libpng missing: named alone, with the command that installs it.
fake_pkg_config libpng
PATH="$TMP/fake:$PATH" run sh "$CHECK"
if [ "$status" -eq 1 ] &&
    [ "$(sed -n 1p "$TMP/stderr")" = "ERROR: missing Debian packages: libpng-dev" ] &&
    grep -qF "sudo apt-get install libpng-dev" "$TMP/stderr"; then
    pass deps_names_missing_package
else
    fail deps_names_missing_package "status $status: $(cat "$TMP/stderr")"
fi

# Every module missing: each package named, in order.
fake_pkg_config freetype2 libpng jansson libdeflate zlib
PATH="$TMP/fake:$PATH" run sh "$CHECK"
expect deps_names_every_missing_package 1 \
    "ERROR: missing Debian packages: libfreetype-dev libpng-dev libjansson-dev libdeflate-dev zlib1g-dev"

# No pkg-config at all (a PATH with nothing on it; the script needs only
# the shell's builtins then).
PATH="$TMP/bare" run /bin/sh "$CHECK"
expect deps_names_pkg_config 1 "ERROR: missing Debian packages: pkg-config"

# make after a build, with the package since removed: the check runs again
# and stops make before the compiler does. `make test` has just built
# everything, so nothing is out of date and nothing is built either way;
# the first make is the build that passed the check (a stamp of it would
# be fresh now).
sanitize=""
[ "$BUILD" = build-sanitize ] && sanitize="SANITIZE=1"
if ! make -s -C "$PP_REPO" BUILD="$BUILD" $sanitize lib >"$TMP/make.log" 2>&1
then
    fail deps_make_names_package_removed_after_build \
        "make lib fails as it is: $(tail -3 "$TMP/make.log")"
    exit 0
fi
fake_pkg_config libpng
PATH="$TMP/fake:$PATH" run make -s -C "$PP_REPO" BUILD="$BUILD" $sanitize lib
if [ "$status" -ne 0 ] &&
    grep -qF "ERROR: missing Debian packages: libpng-dev" "$TMP/stderr" &&
    ! grep -q "error:" "$TMP/stderr"; then
    pass deps_make_names_package_removed_after_build
else
    fail deps_make_names_package_removed_after_build \
        "status $status: $(head -c 300 "$TMP/stderr")"
fi
