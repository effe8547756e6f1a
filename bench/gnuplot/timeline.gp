# The notebook's timeline, as a gnuplot user would draw it.
# gnuplot -e "data='DIR'; out='OUT.png'" timeline.gp
set terminal pngcairo size 800,350 noenhanced
set output out
set datafile separator ','
set title 'Number of New Connections Over Time'
set xlabel 'Date & Time'
set ylabel 'Connections built'
set format x ''
plot data.'/byminutebuiltconnectioncount.csv' skip 1 using 1:3 \
     with lines lc rgb '#80000080' notitle
