"""A line over a random walk of index,value rows.

python3 walk.py FILE.csv OUT.png
"""
import sys

import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

data, out = sys.argv[1], sys.argv[2]
index, value = np.loadtxt(data, delimiter=",", skiprows=1, unpack=True)

fig, ax = plt.subplots(figsize=(8, 3.5), dpi=100)
ax.plot(index, value, color="navy", alpha=0.5)
ax.set_title("Random walk")
ax.set_xlabel("Step")
ax.set_ylabel("Value")
fig.savefig(out)
