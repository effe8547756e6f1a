# Nodes in rows by kind, with their edges.
# gnuplot -e "data='DIR'; out='OUT.png'" network.gp
set terminal pngcairo size 800,255 noenhanced
set output out
set datafile separator ','
nodes = data.'/network_node.csv'
edges = data.'/network_edge.csv'
# Node positions by index, for the edges (before any range is set).
stats nodes skip 1 using 1 nooutput
array X[STATS_records]
array Y[STATS_records]
stats nodes skip 1 using (X[int($1) + 1] = $4) nooutput
stats nodes skip 1 using (Y[int($1) + 1] = $5) nooutput
x(i) = X[int(i) + 1]
y(i) = Y[int(i) + 1]
color(s) = int('0x'.s[2:7])
set title 'Connections Made in Network'
set xrange [0:243]
set yrange [0:5]
plot edges skip 1 using (x($1)):(y($1)):(x($2) - x($1)):(y($2) - y($1)) \
         with vectors nohead lc rgb 'black' notitle, \
     nodes skip 1 using 4:5:(color(strcol(6))) \
         with points pt 7 ps 0.8 lc rgb variable notitle, \
     nodes skip 1 using 4:5 with points pt 6 ps 0.8 lc rgb 'black' notitle
