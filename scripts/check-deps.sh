#!/bin/sh
# Checks that the libraries pngplot builds against are installed, and names
# the Debian package of each one that is missing. `make` runs it every time,
# so a package removed after a build is named too, not left to the
# compiler: the usual case, everything there, costs one pkg-config call and
# a file test (about 5 ms).
modules="freetype2 libpng jansson libdeflate zlib"

# libcsv ships no pkg-config file: its header where Debian puts it, or
# wherever the compiler finds it.
have_csv() {
    [ -f /usr/include/csv.h ] ||
        printf '#include <csv.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1
}

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $modules &&
    have_csv; then
    exit 0
fi

missing=""
if ! command -v pkg-config >/dev/null 2>&1; then
    missing="$missing pkg-config"
else
    pkg-config --exists freetype2 || missing="$missing libfreetype-dev"
    pkg-config --exists libpng || missing="$missing libpng-dev"
    pkg-config --exists jansson || missing="$missing libjansson-dev"
    pkg-config --exists libdeflate || missing="$missing libdeflate-dev"
    pkg-config --exists zlib || missing="$missing zlib1g-dev"
fi
have_csv || missing="$missing libcsv-dev"

if [ -n "$missing" ]; then
    echo "ERROR: missing Debian packages:$missing" >&2
    echo "HINT: run 'make demo' as root to install them, or: sudo apt-get install$missing" >&2
    exit 1
fi
exit 0
