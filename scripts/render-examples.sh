#!/bin/sh
# Renders every example into out/, one line per file written: the specs in
# examples/ (each with its HTML page of tooltips and links), the C example,
# and the VAST 2011 specs when ../shared is there.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
mkdir -p out
status=0

# render SPEC OUT.png [OUT.html]
render() {
    if "$BUILD/pngplot" render "$1" -o "$2" ${3:+--html "$3"}; then
        echo "wrote $2${3:+ and $3}"
    else
        status=1
    fi
}

for spec in examples/*.json; do
    name=$(basename "${spec%.json}")
    render "$spec" "out/$name.png" "out/$name.html"
done

"$BUILD/examples/wave" out/wave.png fonts || status=1

if [ -d examples/vast2011 ]; then
    if [ -d ../shared/data/vast2011 ]; then
        mkdir -p out/vast2011
        for spec in examples/vast2011/*.json; do
            render "$spec" "out/vast2011/$(basename "${spec%.json}").png"
        done
    else
        echo "skipped examples/vast2011: ../shared/data/vast2011 is absent"
    fi
fi
exit $status
