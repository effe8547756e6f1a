"""Eight IDS rules as eight lines with a legend.

python3 intrusions.py DATA_DIR OUT.png
"""
import csv
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

data, out = sys.argv[1], sys.argv[2]
with open(data + "/IDSbyminutecount.csv", newline="") as f:
    rows = list(csv.DictReader(f))
x = [int(r["index"]) for r in rows]

rules = [
    ("(portscan) TCP Portscan", "navy", 0.5),
    ("(portscan) TCP Portsweep", "red", 0.5),
    ("(portscan) TCP Decoy Portscan", "green", 1),
    ("(portscan) TCP Distributed Portscan", "yellow", 1),
    ("(spp_frag3) Fragmentation overlap", "black", 1),
    ("(snort_decoder): Tcp Window Scale Option found with length > 14", "orange", 1),
    ("COMMUNITY SIP TCP/IP message flooding directed to SIP proxy", "blue", 1),
    ("(http_inspect) BARE BYTE UNICODE ENCODING", "purple", 1),
]
fig, ax = plt.subplots(figsize=(8, 2.5), dpi=100)
for rule, color, alpha in rules:
    y = [int(r["count"]) if r["rule"] == rule else 0 for r in rows]
    ax.plot(x, y, color=color, alpha=alpha, linewidth=2, label=rule)
ax.set_title("Intrusions Detected Over Time")
ax.set_xlabel("Date & Time")
ax.set_ylabel("Number of Incidents")
ax.set_xticklabels([])
ax.legend(fontsize=6, frameon=False)
fig.savefig(out)
