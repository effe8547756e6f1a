#!/bin/sh
# Installs the Debian packages pngplot needs when they are missing.
# Run as root with apt-get available it installs them; otherwise it says
# which to install. --with-test-tools adds what the whole test suite uses
# (gnuplot, Chromium and python3, which drives it in tests/cli/html.sh, a
# German locale, clang and valgrind).
required="pkg-config libpng-dev libfreetype-dev libcsv-dev libjansson-dev libdeflate-dev"
test_tools="gnuplot-nox chromium python3 locales clang valgrind"

packages="$required"
[ "$1" = "--with-test-tools" ] && packages="$required $test_tools"

# The locale test (case C23) needs a German locale to compare against.
make_german_locale() {
    [ "$1" = "--with-test-tools" ] || return 0
    locale -a 2>/dev/null | grep -qi '^de_DE.utf-\?8$' && return 0
    [ "$(id -u)" = 0 ] && command -v locale-gen >/dev/null 2>&1 || return 0
    sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen 2>/dev/null
    grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null ||
        echo 'de_DE.UTF-8 UTF-8' >>/etc/locale.gen
    locale-gen >/dev/null 2>&1 || echo "ERROR: locale-gen de_DE.UTF-8 failed" >&2
}

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
if [ -z "$missing" ]; then
    make_german_locale "$1"
    exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null &&
        apt-get install -y -q --no-install-recommends $missing >/dev/null ||
        { echo "ERROR: apt-get could not install:$missing" >&2; exit 1; }
    make_german_locale "$1"
    exit 0
fi

echo "ERROR: missing Debian packages:$missing" >&2
echo "HINT: sudo apt-get install$missing" >&2
# Only the required packages stop the build.
for p in $required; do
    case " $missing " in *" $p "*) exit 1 ;; esac
done
exit 0
