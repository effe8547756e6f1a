#!/bin/sh
# Times pngplot against the tools a user would otherwise pick, on the same
# figures: gnuplot's pngcairo terminal and matplotlib's Agg (Debian's
# python3-matplotlib under the system python3), each skipped when absent.
#
#   make bench                      (or: sh bench/run.sh)
#   RUNS=21 BIG_RUNS=5 make bench   more runs; ONLY=timeline one figure
#
# Figures: the four notebook examples and a line over random walks of 1e5,
# 1e6 and 1e7 rows (made once by bench/walk.c into bench/data/, which git
# ignores). Each run times every tool once, in an order that rotates from
# run to run, as a whole process from start to PNG written (bench/timeit.c:
# wall time, and peak memory as /usr/bin/time -v reports it). Prints the
# median of RUNS runs (BIG_RUNS for the walks), the ratio of each peer's
# median to pngplot's, peak memory, pngplot's file size against Bokeh's
# PNG (when ../shared is there) and pngplot's rows and bytes per second.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
CC=${CC:-cc}
RUNS=${RUNS:-11}
BIG_RUNS=${BIG_RUNS:-3}
ONLY=${ONLY:-}
DATA=bench/data
OUT=$DATA/out
TIMES=$DATA/times
PNGPLOT=$BUILD/pngplot
PYTHON=${PYTHON:-/usr/bin/python3}
SHARED=${PP_SHARED:-../shared}
WALKS="100000 1000000 10000000"

[ -x "$PNGPLOT" ] || { echo "ERROR: $PNGPLOT is missing; run make first" >&2; exit 1; }
mkdir -p "$OUT" "$TIMES" || exit 1

# Our two helpers, rebuilt when their source changes.
for tool in timeit walk; do
    if [ ! -x "$DATA/$tool" ] || [ "bench/$tool.c" -nt "$DATA/$tool" ]; then
        $CC -O2 -std=c99 -Wall -Wextra -pedantic -o "$DATA/$tool" \
            "bench/$tool.c" || exit 1
    fi
done

# The walks, once: bench/walk.json reads walk.csv from --data-dir.
for n in $WALKS; do
    if [ ! -f "$DATA/walk-$n/walk.csv" ]; then
        echo "making $DATA/walk-$n/walk.csv"
        mkdir -p "$DATA/walk-$n" &&
            "$DATA/walk" "$n" "$DATA/walk-$n/walk.csv" || exit 1
    fi
done

tools="pngplot"
if command -v gnuplot >/dev/null 2>&1; then
    tools="$tools gnuplot"
else
    echo "skipping gnuplot: not installed (apt-get install gnuplot-nox)"
fi
[ -x "$PYTHON" ] || PYTHON=python3
if "$PYTHON" -c 'import matplotlib' >/dev/null 2>&1; then
    tools="$tools matplotlib"
else
    echo "skipping matplotlib: $PYTHON cannot import it (apt-get install python3-matplotlib)"
fi

# Runs one tool on one figure; its output PNG goes to $OUT.
run_tool() {
    rt_tool=$1 rt_fig=$2 rt_results=$3
    out="$OUT/$rt_fig-$rt_tool.png"
    case $rt_fig in
    walk-*)
        dir="$DATA/$rt_fig"
        case $rt_tool in
        pngplot) set -- "$PNGPLOT" render bench/walk.json --data-dir "$dir" -o "$out" ;;
        gnuplot) set -- gnuplot -e "data='$dir/walk.csv'; out='$out'" bench/gnuplot/walk.gp ;;
        matplotlib) set -- "$PYTHON" bench/matplotlib/walk.py "$dir/walk.csv" "$out" ;;
        esac ;;
    *)
        case $rt_tool in
        pngplot) set -- "$PNGPLOT" render "examples/$rt_fig.json" \
                     --data-dir examples/data -o "$out" ;;
        gnuplot) set -- gnuplot -e "data='examples/data'; out='$out'" "bench/gnuplot/$rt_fig.gp" ;;
        matplotlib) set -- "$PYTHON" "bench/matplotlib/$rt_fig.py" examples/data "$out" ;;
        esac ;;
    esac
    if [ -n "$rt_results" ]; then
        "$DATA/timeit" "$rt_results" "$@" >/dev/null 2>&1
    else
        "$@" >/dev/null 2>&1
    fi
}

# Column 1 (or 2) of a results file: the median, or the largest.
median() {
    sort -n "$1" | awk '{ v[NR] = $1 }
        END { if (NR) printf "%.3f",
                  (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak_kb() { awk '$2 > m { m = $2 } END { print m + 0 }' "$1"; }
failures() { awk '$3 != 0 { n++ } END { print n + 0 }' "$1"; }

# The tools, starting from number $1 (0-based) and wrapping around.
rotate() {
    ro_k=$1 ro_i=0 ro_first="" ro_rest=""
    shift
    for ro_t in "$@"; do
        if [ $ro_i -lt "$ro_k" ]; then
            ro_rest="$ro_rest $ro_t"
        else
            ro_first="$ro_first $ro_t"
        fi
        ro_i=$((ro_i + 1))
    done
    echo $ro_first $ro_rest
}

# Times every tool $2 times on figure $1, the order rotating by run.
measure() {
    fig=$1 runs=$2 ntools=$(echo $tools | wc -w)
    rm -f "$TIMES/$fig-pngplot.txt" "$TIMES/$fig-gnuplot.txt" \
        "$TIMES/$fig-matplotlib.txt"
    for tool in $tools; do
        run_tool "$tool" "$fig" ""      # warms the page cache, untimed
    done
    i=0
    while [ $i -lt "$runs" ]; do
        for tool in $(rotate $((i % ntools)) $tools); do
            run_tool "$tool" "$fig" "$TIMES/$fig-$tool.txt"
        done
        i=$((i + 1))
    done
}

bokeh_name() {
    case $1 in
    timeline) echo fig1_timeline ;;
    bipartite) echo fig2_bipartite ;;
    intrusions) echo fig3_ids ;;
    network) echo fig4_network ;;
    esac
}

figures="timeline bipartite intrusions network"
for n in $WALKS; do figures="$figures walk-$n"; done
[ -n "$ONLY" ] && figures=$ONLY

echo "tools: $tools; $RUNS runs a figure, $BIG_RUNS a walk; $(nproc 2>/dev/null || echo '?') cores"
for fig in $figures; do
    case $fig in walk-*) runs=$BIG_RUNS ;; *) runs=$RUNS ;; esac
    printf 'timing %s...\n' "$fig"
    measure "$fig" "$runs"
done

echo
printf '%-16s %10s %10s %7s %11s %7s %22s %8s\n' figure "pngplot" "gnuplot" ratio \
    "matplotlib" ratio "peak MB pp/gp/mpl" "PNG/Bokeh"
for fig in $figures; do
    base=$(median "$TIMES/$fig-pngplot.txt")
    line=$(printf '%-16s %8.1f ms' "$fig" "$base")
    mem=$(awk -v k="$(peak_kb "$TIMES/$fig-pngplot.txt")" 'BEGIN { printf "%.0f", k / 1024 }')
    bad=$(failures "$TIMES/$fig-pngplot.txt")
    for peer in gnuplot matplotlib; do
        f="$TIMES/$fig-$peer.txt"
        if [ -s "$f" ]; then
            t=$(median "$f")
            line="$line $(awk -v t="$t" -v b="$base" \
                'BEGIN { printf "%8.0f ms %6.1fx", t, t / b }')"
            mem="$mem/$(awk -v k="$(peak_kb "$f")" 'BEGIN { printf "%.0f", k / 1024 }')"
            bad=$((bad + $(failures "$f")))
        else
            line="$line $(printf '%11s %7s' - -)"
            mem="$mem/-"
        fi
    done
    ref="$SHARED/reference/bokeh/$(bokeh_name "$fig").png"
    size="-"
    if [ -n "$(bokeh_name "$fig")" ] && [ -f "$ref" ]; then
        size=$(awk -v a="$(wc -c <"$OUT/$fig-pngplot.png")" -v b="$(wc -c <"$ref")" \
            'BEGIN { printf "%.1f%%", 100 * a / b }')
    fi
    printf '%s %22s %8s\n' "$line" "$mem" "$size"
    [ "$bad" -gt 0 ] && echo "  ($bad runs of $fig failed: see $OUT)"
done

echo
echo "pngplot's throughput on the walks (median times):"
for n in $WALKS; do
    f="$TIMES/walk-$n-pngplot.txt"
    case " $figures " in *" walk-$n "*) ;; *) continue ;; esac
    [ -s "$f" ] || continue
    awk -v t="$(median "$f")" -v n="$n" -v b="$(wc -c <"$DATA/walk-$n/walk.csv")" \
        'BEGIN { printf "  %9d rows, %6.1f MB: %8.1f ms, %6.2f M rows/s, %6.1f MB/s\n",
                 n, b / 1e6, t, n / t / 1e3, b / t / 1e3 }'
done
