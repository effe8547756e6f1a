"""Nodes in rows by kind, with their edges.

python3 network.py DATA_DIR OUT.png
"""
import csv
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection

data, out = sys.argv[1], sys.argv[2]
with open(data + "/network_node.csv", newline="") as f:
    nodes = {int(r["index"]): r for r in csv.DictReader(f)}
with open(data + "/network_edge.csv", newline="") as f:
    edges = [(int(r["start"]), int(r["end"])) for r in csv.DictReader(f)]

def at(i):
    return float(nodes[i]["x"]), float(nodes[i]["y"])

fig, ax = plt.subplots(figsize=(8, 2.55), dpi=100)
ax.add_collection(LineCollection([[at(a), at(b)] for a, b in edges],
                                 colors="black", linewidths=1))
ax.scatter([float(n["x"]) for n in nodes.values()],
           [float(n["y"]) for n in nodes.values()],
           s=20, c=[n["fill_color"] for n in nodes.values()],
           edgecolors="black", linewidths=1, zorder=2)
ax.set_xlim(0, 243)
ax.set_ylim(0, 5)
ax.set_title("Connections Made in Network")
fig.savefig(out)
