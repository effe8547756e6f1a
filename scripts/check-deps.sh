#!/bin/sh
# Checks that the libraries pngplot builds against are installed, and names
# the Debian package of each one that is missing.
missing=""

if ! command -v pkg-config >/dev/null 2>&1; then
    missing="$missing pkg-config"
else
    pkg-config --exists freetype2 || missing="$missing libfreetype-dev"
    pkg-config --exists libpng || missing="$missing libpng-dev"
    pkg-config --exists jansson || missing="$missing libjansson-dev"
    pkg-config --exists libdeflate || missing="$missing libdeflate-dev"
fi
if ! printf '#include <csv.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1; then
    missing="$missing libcsv-dev"
fi

if [ -n "$missing" ]; then
    echo "ERROR: missing Debian packages:$missing" >&2
    echo "HINT: run 'make demo' as root to install them, or: sudo apt-get install$missing" >&2
    exit 1
fi
exit 0
