"""The pandas baseline of issue 5: only NPS by segment, touchpoint means and correlations, on the CSV export.

Usage: /usr/bin/python3 pandas_baseline.py data.csv   (Debian's python3-pandas)
Prints the elapsed seconds; run it under /usr/bin/time -f '%e s %M KB' for the peak memory.
"""
import sys
import time

import numpy as np
import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], na_values=["na"], low_memory=False)
touchpoints = [c for c in frame.columns if c.startswith("touchpoints.")]
score = frame["recommend"]
nps_class = np.select([score <= 6, score <= 8], [-1, 0], 1).astype(float)
nps_class[score.isna()] = np.nan
frame["nps"] = nps_class * 100
by_segment = frame.groupby("segment")["nps"].agg(["mean", "count"])
means = frame[touchpoints].mean()
correlations = frame[["recommend"] + touchpoints].corr()
elapsed = time.perf_counter() - start
print(by_segment.to_string())
print(means.round(2).to_string())
print(correlations.round(3).to_string())
print(f"{elapsed:.3f} s")
