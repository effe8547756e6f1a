# A line over a random walk of index,value rows.
# gnuplot -e "data='FILE.csv'; out='OUT.png'" walk.gp
set terminal pngcairo size 800,350 noenhanced
set output out
set datafile separator ','
set title 'Random walk'
set xlabel 'Step'
set ylabel 'Value'
plot data skip 1 using 1:2 with lines lc rgb '#80000080' notitle
