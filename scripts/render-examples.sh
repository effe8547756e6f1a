#!/bin/sh
# Renders every example spec into out/, one line per file written.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
mkdir -p out
status=0
for spec in examples/*.json; do
    [ -f "$spec" ] || continue
    png="out/$(basename "${spec%.json}").png"
    if "$BUILD/pngplot" render "$spec" -o "$png"; then
        echo "wrote $png"
    else
        status=1
    fi
done
exit $status
