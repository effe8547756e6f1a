# Eight IDS rules as eight lines with a legend.
# gnuplot -e "data='DIR'; out='OUT.png'" intrusions.gp
set terminal pngcairo size 800,250 noenhanced
set output out
set datafile separator ','
file = data.'/IDSbyminutecount.csv'
set title 'Intrusions Detected Over Time'
set xlabel 'Date & Time'
set ylabel 'Number of Incidents'
set format x ''
set key top right font ',8'
rules = "'(portscan) TCP Portscan' '(portscan) TCP Portsweep' '(portscan) TCP Decoy Portscan' '(portscan) TCP Distributed Portscan' '(spp_frag3) Fragmentation overlap' '(snort_decoder): Tcp Window Scale Option found with length > 14' 'COMMUNITY SIP TCP/IP message flooding directed to SIP proxy' '(http_inspect) BARE BYTE UNICODE ENCODING'"
colors = "#80000080 #80ff0000 #008000 #ffff00 #000000 #ffa500 #0000ff #800080"
plot for [i = 1:8] file skip 1 using 1:(strcol(3) eq word(rules, i) ? $4 : 0) \
     with lines lw 2 lc rgb word(colors, i) title word(rules, i)
