"""The notebook's timeline, as a matplotlib user would draw it.

python3 timeline.py DATA_DIR OUT.png
"""
import csv
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

data, out = sys.argv[1], sys.argv[2]
x, y = [], []
with open(data + "/byminutebuiltconnectioncount.csv", newline="") as f:
    for row in csv.DictReader(f):
        x.append(int(row["index"]))
        y.append(int(row["builtconnectioncount"]))

fig, ax = plt.subplots(figsize=(8, 3.5), dpi=100)
ax.plot(x, y, color="navy", alpha=0.5)
ax.set_title("Number of New Connections Over Time")
ax.set_xlabel("Date & Time")
ax.set_ylabel("Connections built")
ax.set_xticklabels([])
fig.savefig(out)
