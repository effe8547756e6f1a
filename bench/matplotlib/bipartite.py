"""One segment per source-target pair, red from 1000 connections on.

python3 bipartite.py DATA_DIR OUT.png
"""
import csv
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection

data, out = sys.argv[1], sys.argv[2]
with open(data + "/incident1sourcetargetconnectionscount.csv", newline="") as f:
    rows = list(csv.DictReader(f))
ips = list(dict.fromkeys([r["source"] for r in rows] + [r["target"] for r in rows]))
pos = {ip: i + 1 for i, ip in enumerate(ips)}

segments = [[(1, pos[r["source"]]), (2, pos[r["target"]])] for r in rows]
colors = ["red" if int(r["newconnections"]) >= 1000 else "navy" for r in rows]

fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
ax.add_collection(LineCollection(segments, colors=colors, linewidths=2,
                                 alpha=0.6, capstyle="round"))
ax.set_xlim(0, 3)
ax.set_ylim(0, len(ips) + 1)
ax.set_xticks([1, 2], ["source", "target"])
ax.set_yticks(range(1, len(ips) + 1), ips, fontsize=4)
ax.set_title("First Incident (peak 11:39~11:49)")
ax.set_xlabel("Source and Target")
ax.set_ylabel("IP Address")
fig.savefig(out)
