# One segment per source-target pair, red from 1000 connections on.
# gnuplot -e "data='DIR'; out='OUT.png'" bipartite.gp
set terminal pngcairo size 800,400 noenhanced
set output out
set datafile separator ','
file = data.'/incident1sourcetargetconnectionscount.csv'
# Every IP once, sources first, in order of first appearance.
ips = ' '.system("awk -F, 'NR > 1 { print $1 } NR > 1 { t[NR] = $2 } END { for (i = 2; i <= NR; i++) print t[i] }' ".file." | awk '!seen[$0]++' | tr '\n' ' '")
pos(ip) = words(ips[1:strstrt(ips, ' '.ip.' ')]) + 1
set title 'First Incident (peak 11:39~11:49)'
set xlabel 'Source and Target'
set ylabel 'IP Address'
set xrange [0:3]
set yrange [0:words(ips) + 1]
set xtics ('source' 1, 'target' 2)
set ytics font ',6'
do for [i = 1:words(ips)] { set ytics add (word(ips, i) i) }
plot file skip 1 using (1):(pos(strcol(1))):(1):(pos(strcol(2)) - pos(strcol(1))):($3 >= 1000 ? 0x66ff0000 : 0x66000080) \
     with vectors nohead lw 2 lc rgb variable notitle
