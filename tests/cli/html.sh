# render --html: the page beside the PNG, its image map checked as text
# and, where Chromium is installed, in the browser with real mouse events:
# hovering a row's pixel finds the area with that row's tooltip, and
# clicking there opens its URL.
. "$PP_REPO/tests/lib.sh"

VERTEX_PIXEL="$PP_REPO/$BUILD/tools/vertex_pixel"
FONTS="$PP_REPO/fonts"
OUT="$TMP/out"
mkdir -p "$OUT"

for name in timeline bipartite intrusions network; do
    run "$PNGPLOT" render "$PP_REPO/examples/$name.json" -o "$OUT/$name.png" \
        --html "$OUT/$name.html"
    expect "html_example_$name" 0 ""
done

# ------------------------------------------------------------------------
# The page as text
# ------------------------------------------------------------------------

# The page shows the PNG by a relative path and loads nothing else: no
# script, no style sheet, no frame, nothing from another place.
bad=""
for name in timeline bipartite intrusions network; do
    page="$OUT/$name.html"
    [ -f "$page" ] || { bad="$bad $name:missing"; continue; }
    grep -q "<img src=\"$name.png\" width=\"800\"" "$page" ||
        bad="$bad $name:img"
    grep -qiE '<(script|link|iframe|object|embed|style)|javascript:|url\(|src="[a-z]+:' \
        "$page" && bad="$bad $name:loads"
    [ "$(grep -c '^<area ' "$page")" -gt 100 ] || bad="$bad $name:areas"
    cmp -s "$OUT/$name.png" "$PP_REPO/golden/$name.png" ||
        bad="$bad $name:png-changed"
done
if [ -z "$bad" ]; then
    pass html_pages_show_the_png_and_load_nothing_else
else
    fail html_pages_show_the_png_and_load_nothing_else "$bad"
fi

# Each page file ends "\n</html>\n": the closing tag on a line of its own
# and one final newline, as a text file does (compared in hex: dash's echo
# would turn the \n of a message into a newline).
bad=""
for name in timeline bipartite intrusions network; do
    end=$(tail -c 9 "$OUT/$name.html" | od -An -tx1 | tr -d ' \n')
    [ "$end" = 0a3c2f68746d6c3e0a ] || bad="$bad $name:$end"
done
if [ -z "$bad" ]; then
    pass html_page_ends_with_newline
else
    fail html_page_ends_with_newline "last 9 bytes:$bad"
fi

# The timeline's areas carry the tooltip and the incident link.
area='title="minute: 2011-04-13 11:39&#10;count: 3720" href="inc1.html"'
area="$area target=\"_blank\" alt=\"minute: 2011-04-13 11:39\">"
if grep -qF "$area" "$OUT/timeline.html"; then
    pass html_area_has_title_and_link
else
    fail html_area_has_title_and_link "no area for row 167 in timeline.html"
fi

# A small figure of our own for the command's behaviour.
cat >"$TMP/data.csv" <<'EOF'
x,y,host
1,5,a b
2,8,c&d
EOF
cat >"$TMP/spec.json" <<'EOF'
{"width": 320, "height": 200,
 "sources": {"s": {"csv": "data.csv"}},
 "tooltips": [["host", "@host"], ["y", "@y"]],
 "tap": "hosts/@host.html",
 "renderers": [{"glyph": "scatter", "source": "s", "x": "x", "y": "y",
                "size": 8}]}
EOF

# The image is found from the page's folder, wherever each one is.
mkdir -p "$TMP/img" "$TMP/pages"
run "$PNGPLOT" render "$TMP/spec.json" -o "$TMP/img/my fig.png" \
    --html "$TMP/pages/fig.html"
if [ "$status" -eq 0 ] &&
    grep -qF '<img src="../img/my%20fig.png"' "$TMP/pages/fig.html" &&
    grep -qF 'title="host: c&amp;d&#10;y: 8" href="hosts/c%26d.html"' \
        "$TMP/pages/fig.html"; then
    pass html_relative_image_and_escaped_area
else
    fail html_relative_image_and_escaped_area "status $status: $(head -c 300 "$TMP/stderr")"
fi

# -o - has no file for the page to show.
run "$PNGPLOT" render "$TMP/spec.json" -o - --html "$TMP/x.html"
expect html_needs_png_file 2 "render: --html needs the PNG in a file"

# An unknown column fails with its place in the spec before anything is
# written; an existing page is left as it was.
sed 's/"@y"/"@count"/' "$TMP/spec.json" >"$TMP/bad.json"
echo "old page" >"$TMP/bad.html"
run "$PNGPLOT" render "$TMP/bad.json" -o "$TMP/bad.png" --html "$TMP/bad.html"
expect html_unknown_column 1 "bad.json:3:40: tooltips[1][1]: scatter renderer \
renderers[0]: column 'count' is not in"
if [ ! -e "$TMP/bad.png" ] && [ "$(cat "$TMP/bad.html")" = "old page" ]; then
    pass html_unknown_column_writes_nothing
else
    fail html_unknown_column_writes_nothing "a file was written"
fi

# A folder that is not there for the page: an error naming it.
run "$PNGPLOT" render "$TMP/spec.json" -o "$TMP/ok.png" \
    --html "$TMP/nowhere/fig.html"
expect html_missing_folder 1 "nowhere/fig.html: No such file or directory"

# Without tooltips or tap the page still shows the image, with a warning.
sed -e '/"tooltips"/d' -e '/"tap"/d' "$TMP/spec.json" >"$TMP/plain.json"
run "$PNGPLOT" render "$TMP/plain.json" -o "$TMP/plain.png" \
    --html "$TMP/plain.html"
expect html_without_tooltips_warns 0 \
    "plain.html: no renderer has tooltips or tap, so the page has no areas"

# The PNG and the page each lay the figure out, but a warning is given once.
printf 'x,y,k\n1,1,a\n2,2,b\n3,3,c\n' >"$TMP/pal.csv"
cat >"$TMP/pal.json" <<'EOF'
{"sources": {"s": {"csv": "pal.csv"}},
 "renderers": [{"glyph": "scatter", "source": "s", "x": "x", "y": "y",
   "tooltips": "@k",
   "fill_color": {"field": "k", "transform": {"type": "factor_cmap",
     "factors": ["a", "b", "c"], "palette": ["red", "blue"]}}}]}
EOF
run "$PNGPLOT" render "$TMP/pal.json" -o "$TMP/pal.png" --html "$TMP/pal.html"
expected="pngplot: warning: $TMP/pal.json:4:18: renderers[0].fill_color: factor_cmap has 2 colours for 3 factors, so 'c' and the factors after it get nan_color"
if [ "$status" -eq 0 ] && [ "$(cat "$TMP/stderr")" = "$expected" ]; then
    pass html_warning_given_once
else
    fail html_warning_given_once "status $status, stderr: $(cat "$TMP/stderr")"
fi

# ------------------------------------------------------------------------
# In Chromium
# ------------------------------------------------------------------------

# The timeline again with the link in the same tab (OpenURL's same_tab),
# beside the example's link that opens a new tab: both clicks are followed.
sed 's|"tap": "inc@incidentnum.html"|"tap": {"url": "inc@incidentnum.html", "same_tab": true}|' \
    "$PP_REPO/examples/timeline.json" >"$TMP/timeline_same_tab.json"
run "$PNGPLOT" render "$TMP/timeline_same_tab.json" \
    --data-dir "$PP_REPO/examples/data" -o "$OUT/timeline_same_tab.png" \
    --html "$OUT/timeline_same_tab.html"
expect html_same_tab_page 0 ""
printf '<!DOCTYPE html>\n<title>incident</title>\n<p>incident 1</p>\n' \
    >"$OUT/inc1.html"

# Two areas that overlap: a line's vertex 2 px above a segment's centre
# line, in its hover strip. The line is drawn last, on top, so at the
# vertex its area wins; 10 px along, the strip's own area is found.
cat >"$OUT/overlap.csv" <<'EOF'
x0,y0,x1,y1,x,y,name
1,5,9,5,2,8,vertex a
,,,,5.5,5.1,vertex b
,,,,8,8,vertex c
EOF
cat >"$OUT/overlap.json" <<'EOF'
{"width": 200, "height": 200, "min_border": 0,
 "x_range": [0, 10], "y_range": [0, 10],
 "axis": {"visible": false},
 "sources": {"s": {"csv": "overlap.csv"}},
 "renderers": [
  {"glyph": "segment", "source": "s", "x0": "x0", "y0": "y0", "x1": "x1",
   "y1": "y1", "tooltips": [["strip", "@x0 to @x1"]], "tap": "strip.html"},
  {"glyph": "line", "source": "s", "x": "x", "y": "y",
   "tooltips": [["vertex", "@name"]], "tap": "@{name}.html"}]}
EOF
run "$PNGPLOT" render "$OUT/overlap.json" -o "$OUT/overlap.png" \
    --html "$OUT/overlap.html"
expect html_overlap_page 0 ""
for name in "strip" "vertex b"; do
    printf '<!DOCTYPE html>\n<title>%s</title>\n<p>%s page</p>\n' \
        "$name" "$name" >"$OUT/$name.html"
done

# A row of the CSV (row 0 is the line after the header), CR removed.
csv_row() {
    sed -n "$(($2 + 2))p" "$1" | tr -d '\r'
}

# Field N of the row in $r.
field() {
    echo "$r" | cut -d, -f"$1"
}

# The cases: page, spec, renderer, row, what follows the tooltip in the
# result, and the tooltip expected (lines joined by '|'), from the CSV.
# Each example row is one a user could not mistake: no other item of the
# figure is within hover reach of its pixel.
EX="$PP_REPO/examples"
IDS="$EX/data/IDSbyminutecount.csv"
NODES="$EX/data/network_node.csv"
PAIRS="$EX/data/incident1sourcetargetconnectionscount.csv"
CONN="$EX/data/byminutebuiltconnectioncount.csv"
INC="file://$OUT/inc1.html"
NONE="href= target= went= page="
cases() {
    # The start of the first incident: 3720 connections, incident 1.
    r=$(csv_row "$CONN" 167)
    tip="minute: $(field 2)|count: $(field 3)"
    echo "timeline $EX/timeline.json 0 167 href=$INC target=_blank went=$INC page=incident 1;$tip"
    echo "timeline_same_tab $EX/timeline.json 0 167 href=$INC target= went=$INC page=incident 1;$tip"
    # The highest port scan count, far above the other rules.
    r=$(csv_row "$IDS" 1489)
    tip="rule: $(field 3)|minute: $(field 2)|count: $(field 4)"
    echo "intrusions $EX/intrusions.json 0 1489 $NONE;$tip"
    # The last segment is drawn on top of all that cross it.
    r=$(csv_row "$PAIRS" 386)
    tip="source: $(field 1)|target: $(field 2)|connections: $(field 3)"
    echo "bipartite $EX/bipartite.json 0 386 $NONE;$tip"
    # A workstation 3 px from its neighbours, and a server on its own.
    for row in 10 241; do
        r=$(csv_row "$NODES" $row)
        tip="IP: $(field 2)|category: $(field 3)"
        echo "network $EX/network.json 0 $row $NONE;$tip"
    done
    # The overlap: at the vertex the line on top wins; the strip's centre
    # is 10 px from the vertex, out of its reach.
    v="file://$OUT/vertex%20b.html"
    echo "overlap $OUT/overlap.json 1 1 href=$v target=_blank went=$v page=vertex b page;vertex: vertex b"
    v="file://$OUT/strip.html"
    echo "overlap $OUT/overlap.json 0 0 href=$v target=_blank went=$v page=strip page;strip: 1 to 9"
}

why=""
command -v chromium >/dev/null 2>&1 ||
    why="chromium is not installed (scripts/install-deps.sh --with-test-tools)"
[ -n "$why" ] || command -v python3 >/dev/null 2>&1 ||
    why="python3, which drives chromium, is not installed (scripts/install-deps.sh --with-test-tools)"
if [ -n "$why" ]; then
    cases | while read -r page spec renderer row rest; do
        skip "html_chromium_${page}_$row" "$why"
    done
    exit 0
fi

# Each case's pixel, from the layout and the scales alone (not the map);
# then real mouse events there through the DevTools protocol: the browser
# hit-tests the map, and the driver reports what :hover holds and where
# the click went (tests/tools/chromium_mouse.py).
cases | while read -r page spec renderer row rest; do
    xy=$("$VERTEX_PIXEL" "$spec" "$FONTS" "$renderer" "$row") ||
        xy="-1000 -1000"
    echo "${page}_$row file://$OUT/$page.html $xy"
done >"$TMP/mouse_cases"
timeout 120 python3 "$PP_REPO/tests/tools/chromium_mouse.py" \
    "$TMP/profile" <"$TMP/mouse_cases" >"$TMP/results" 2>"$TMP/driver.log"

cases | while read -r page spec renderer row rest; do
    line=$(grep "^${page}_$row " "$TMP/results")
    want="${page}_$row tag=AREA title=${rest#*;} ${rest%%;*}"
    if [ -z "$line" ]; then
        said=$(cat "$TMP/driver.log" "$TMP/profile.log" 2>/dev/null |
            grep -v dbus | tail -c 300)
        fail "html_chromium_${page}_$row" "no result; the driver said: $said"
    elif [ "$line" != "$want" ]; then
        fail "html_chromium_${page}_$row" "expected '$want', got '$line'"
    else
        pass "html_chromium_${page}_$row"
    fi
done
