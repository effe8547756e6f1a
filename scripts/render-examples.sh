#!/bin/sh
# Renders every example into out/, one line per file written: the specs in
# examples/ (each with its HTML page of tooltips and links, and through
# gnuplot when it is installed), the C example, and the VAST 2011 specs when
# the shared data is there (../shared, or $PP_SHARED).
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
mkdir -p out
status=0

# render SPEC OUT [OPTION]...
render() {
    spec=$1 out=$2
    shift 2
    if "$BUILD/pngplot" render "$spec" -o "$out" "$@"; then
        echo "wrote $out"
    else
        status=1
    fi
}

for spec in examples/*.json; do
    name=$(basename "${spec%.json}")
    if "$BUILD/pngplot" render "$spec" -o "out/$name.png" \
        --html "out/$name.html"; then
        echo "wrote out/$name.png"
        echo "wrote out/$name.html"
    else
        status=1
    fi
done

# The same figures drawn by gnuplot, to look at side by side.
if command -v gnuplot >/dev/null 2>&1; then
    for spec in examples/*.json; do
        render "$spec" "out/$(basename "${spec%.json}")-gnuplot.png" \
            --backend gnuplot
    done
else
    echo "skipped the gnuplot renderings: gnuplot is not installed"
fi

"$BUILD/examples/wave" out/wave.png fonts || status=1

# Every spec names its CSV files bare and its folder in data_dir, so
# --data-dir takes a folder of CSV files: here the one checked for.
vast=${PP_SHARED:-../shared}/data/vast2011
if [ -d examples/vast2011 ]; then
    if [ -d "$vast" ]; then
        mkdir -p out/vast2011
        for spec in examples/vast2011/*.json; do
            render "$spec" "out/vast2011/$(basename "${spec%.json}").png" \
                --data-dir "$vast"
        done
    else
        echo "skipped examples/vast2011: $vast is absent"
    fi
fi
exit $status
