#!/bin/sh
# The example-data generator: it rebuilds examples/data/*.csv byte for byte,
# and the committed files tell the story the example figures need (row
# counts, the DoS peak, valid graph indices, 165 addresses, 8 IDS rules).
. "$(dirname "$0")/../lib.sh"

GEN="$PP_REPO/$BUILD/tools/generate-data"
DATA="$PP_REPO/examples/data"
FILES="byminutebuiltconnectioncount.csv incident1sourcetargetconnectionscount.csv
IDSbyminutecount.csv IDS_type6bysourcetargetcount.csv network_node.csv
network_edge.csv"

# check_awk NAME PROGRAM FILE...: runs an awk program (fields split at
# commas, the CR of each CRLF line end removed) over files of examples/data.
# The program prints nothing when all is well, else what is wrong; stop(why)
# reports a bad line and skips the END checks, which would only echo it.
check_awk() {
    name=$1
    prog=$2
    shift 2
    files=
    for f in "$@"; do
        files="$files $DATA/$f"
    done
    # shellcheck disable=SC2086 # the paths hold no spaces: split on purpose
    why=$(awk -F, '
        function stop(why) { print why; stopped = 1; exit }
        { sub(/\r$/, "") }
        END { if (stopped) exit }'"$prog" $files 2>&1)
    if [ -z "$why" ]; then
        pass "$name"
    else
        fail "$name" "$(printf '%s' "$why" | head -c 300)"
    fi
}

test_rebuilds_committed_files() {
    if [ ! -x "$GEN" ]; then
        fail generator_rebuilds_committed_files "no $GEN (run make tests)"
        return
    fi
    mkdir "$TMP/data"
    run "$GEN" "$TMP/data"
    if [ "$status" -ne 0 ]; then
        fail generator_rebuilds_committed_files \
            "exit status $status: $(head -c 300 "$TMP/stderr")"
        return
    fi
    for f in $FILES; do
        if ! cmp -s "$TMP/data/$f" "$DATA/$f"; then
            fail generator_rebuilds_committed_files \
                "$f differs (after a model change, run make examples-data)"
            return
        fi
    done
    pass generator_rebuilds_committed_files
}

test_fails_on_missing_folder() {
    [ -x "$GEN" ] || return
    run "$GEN" "$TMP/no/such/folder"
    expect generator_fails_on_missing_folder 1 "ERROR: cannot create"
}

test_headers() {
    check_awk data_headers '
        FNR == 1 { header[FILENAME] = $0 }
        END {
            want["byminutebuiltconnectioncount.csv"] = \
                "index,datetime,builtconnectioncount,incidentnum"
            want["incident1sourcetargetconnectionscount.csv"] = \
                "source,target,newconnections"
            want["IDSbyminutecount.csv"] = "index,datetime,rule,count"
            want["IDS_type6bysourcetargetcount.csv"] = \
                "source,target,connections"
            want["network_node.csv"] = "index,node,type,x,y,fill_color"
            want["network_edge.csv"] = "start,end"
            for (f in header) {
                base = f
                sub(/.*\//, "", base)
                if (header[f] != want[base])
                    print base ": header " header[f]
            }
        }' $FILES
}

# Every line ends in CRLF, like the notebook files.
test_crlf_line_ends() {
    bare=$(cd "$DATA" && cat $FILES | awk '!/\r$/' | wc -l)
    if [ "$bare" -eq 0 ]; then
        pass data_crlf_line_ends
    else
        fail data_crlf_line_ends "$bare lines lack the CR"
    fi
}

# The reference data, when present, must have the very same header lines.
test_headers_match_reference() {
    ref="$PP_SHARED/reference/bokeh/data"
    if [ -z "$PP_SHARED" ] || [ ! -d "$ref" ]; then
        skip data_headers_match_reference "../shared/reference/bokeh/data is absent (or set PP_SHARED)"
        return
    fi
    for f in $FILES; do
        if [ "$(head -n 1 "$ref/$f")" != "$(head -n 1 "$DATA/$f")" ]; then
            fail data_headers_match_reference "$f: header differs"
            return
        fi
    done
    pass data_headers_match_reference
}

test_connections_minutes() {
    check_awk connections_consecutive_minutes_one_missing '
        function minute(s) {
            return substr(s, 9, 2) * 1440 + substr(s, 12, 2) * 60 \
                + substr(s, 15, 2)
        }
        NR == 1 { next }
        $1 != NR - 2 { stop("line " NR ": index " $1) }
        NR == 2 { first = $2 }
        NR > 2 { gaps += minute($2) - minute(last) - 1 }
        { last = $2; rows++ }
        END {
            if (rows != 4268) print rows " rows, not 4268"
            if (first != "2011-04-13 08:52") print "starts " first
            if (last != "2011-04-16 08:00") print "ends " last
            if (gaps != 1) print gaps " minutes missing, not 1"
        }' byminutebuiltconnectioncount.csv
}

test_connections_peak() {
    check_awk connections_peak_is_the_dos '
        NR > 1 && $3 + 0 > max { max = $3 + 0; at = $2; incident = $4 }
        END {
            if (max < 140000 || max > 160000)
                print "peak " max " is outside 140000..160000"
            else if (at < "2011-04-13 11:39" || at > "2011-04-13 12:51")
                print "peak at " at ", outside the DoS"
            else if (incident != 1)
                print "peak minute has incidentnum " incident
        }' byminutebuiltconnectioncount.csv
}

test_connections_incidents() {
    check_awk connections_incident_spans '
        NR == 1 { next }
        $4 == 1 { n1++; if (!f1) f1 = $2; l1 = $2 }
        $4 == 2 { n2++; if (!f2) f2 = $2; l2 = $2; if ($3 > max2) max2 = $3 }
        $4 == 3 { n3++ }
        $4 == 4 { n4++ }
        $4 !~ /^[0-4]$/ { print "incidentnum " $4 }
        END {
            if (n1 != 73 || f1 != "2011-04-13 11:39" || l1 != "2011-04-13 12:51")
                print "incident 1: " n1 " rows " f1 " .. " l1
            if (f2 != "2011-04-14 10:56" || l2 != "2011-04-14 12:28")
                print "incident 2: " f2 " .. " l2
            if (max2 < 4000 || max2 > 100000)
                print "incident 2 peak " max2
            if (n3 < 1 || n4 < 1)
                print "incidents 3, 4: " n3 + 0 ", " n4 + 0 " rows"
        }' byminutebuiltconnectioncount.csv
}

test_incident1_addresses() {
    check_awk incident1_165_addresses_red_on_web_server '
        NR == 1 { next }
        { rows++; ip[$1]; ip[$2] }
        $1 !~ /^10\.200\.150\.[0-9]+$/ { stop("source " $1) }
        $2 == "172.20.1.5" && $3 < 1000 { stop("web server row " $3) }
        $2 != "172.20.1.5" && $3 >= 1000 { stop("probe row " $3) }
        END {
            for (a in ip) n++
            if (n != 165) print n " distinct addresses, not 165"
            if (rows < 350 || rows > 420) print rows " rows"
        }' incident1sourcetargetconnectionscount.csv
}

test_ids_rules() {
    check_awk ids_eight_rules_and_counts '
        NR == 1 { next }
        { rows++; seen[$3]++; if ($4 + 0 > max) max = $4 + 0 }
        $1 != NR - 2 { stop("line " NR ": index " $1) }
        END {
            want["(portscan) TCP Portscan"]
            want["(portscan) TCP Portsweep"]
            want["(portscan) TCP Decoy Portscan"]
            want["(portscan) TCP Distributed Portscan"]
            want["(spp_frag3) Fragmentation overlap"]
            want["(snort_decoder): Tcp Window Scale Option found with length > 14"]
            want["COMMUNITY SIP TCP/IP message flooding directed to SIP proxy"]
            want["(http_inspect) BARE BYTE UNICODE ENCODING"]
            for (r in seen) { n++; if (!(r in want)) print "rule " r }
            if (n != 8) print n " distinct rules, not 8"
            if (rows < 3000 || rows > 3300) print rows " rows"
            if (max < 500 || max > 700) print "max count " max
        }' IDSbyminutecount.csv
}

test_type6_pairs() {
    check_awk type6_scanner_pairs '
        NR == 1 { next }
        { rows++; src[$1]; pair[$1 "," $2]++ }
        $1 !~ /^192\.168\.2\./ || $2 !~ /^192\.168\.[12]\./ {
            stop("pair " $1 " " $2)
        }
        $3 < 1 || $3 > 2500 { stop("count " $3) }
        END {
            for (s in src) n++
            for (p in pair) if (pair[p] > 1) print "repeated " p
            if (n != 5) print n " sources, not 5"
            if (rows < 950 || rows > 1050) print rows " rows"
        }' IDS_type6bysourcetargetcount.csv
}

test_network_nodes() {
    check_awk network_nodes_layout '
        BEGIN {
            row["Workstation"] = "1"; row["Server"] = "2.5"
            row["Firewall"] = "3.3"; row["Web server"] = "3.3"
            row["External"] = "4.3"; row["Unknown"] = "2.0"
        }
        NR == 1 { next }
        $1 != NR - 2 { stop("line " NR ": index " $1) }
        $5 != row[$3] { stop($3 " at y=" $5) }
        $4 + 0 < 0 || $4 + 0 > 243 { stop("x " $4) }
        $6 !~ /^#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]$/ {
            stop("colour " $6)
        }
        { kind[$3]++; colour[$3 " " $6] }
        END {
            if (NR - 1 != 403) print NR - 1 " nodes, not 403"
            if (kind["Workstation"] != 241)
                print kind["Workstation"] " workstations"
            for (c in colour) n++
            if (n != 6) print n " kind-colour pairs for 6 kinds"
        }' network_node.csv
}

test_network_edges() {
    check_awk network_edges_join_nodes '
        FNR == 1 { next }
        FILENAME ~ /node/ { node[$1]; next }
        { edges++ }
        !($1 in node) || !($2 in node) { stop("edge " $1 "," $2) }
        END { if (edges < 380 || edges > 420) print edges " edges" }
    ' network_node.csv network_edge.csv
}

test_rebuilds_committed_files
test_fails_on_missing_folder
test_headers
test_crlf_line_ends
test_headers_match_reference
test_connections_minutes
test_connections_peak
test_connections_incidents
test_incident1_addresses
test_ids_rules
test_type6_pairs
test_network_nodes
test_network_edges
