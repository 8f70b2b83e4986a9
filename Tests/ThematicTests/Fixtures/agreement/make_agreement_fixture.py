#!/usr/bin/env python3
"""Makes the coder-agreement fixture and prints the reference values the Swift tests check.

    python3 make_agreement_fixture.py

Writes coder_a.csv and coder_b.csv (segment_id,themes: two codings of 40 segments with four themes,
drawn with a fixed seed so that the themes differ in prevalence and agreement; theme `rare` is never
used by either coder), and prints, per theme, Cohen's kappa (scikit-learn cohen_kappa_score), percent
agreement (scikit-learn accuracy_score x 100), PABAK (2 * accuracy_score - 1) and Krippendorff's alpha
(krippendorff.alpha, level_of_measurement="nominal"), then alpha pooled over all segment x theme
pairs, then alpha of a 3-coder reliability matrix with missing values.
Tools: scikit-learn 1.9.1, krippendorff 0.9.0, numpy 2.4.6, Python 3.
"""
import csv
import random
import sys
import warnings

import krippendorff
import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, cohen_kappa_score

THEMES = ["common", "balanced", "skewed", "rare"]
rng = random.Random(7)
segments = [f"S{n:02d}" for n in range(1, 41)]
prevalence = {"common": 0.7, "balanced": 0.5, "skewed": 0.12, "rare": 0.0}
flip = {"common": 0.15, "balanced": 0.25, "skewed": 0.08, "rare": 0.0}
a, b = {}, {}
for s in segments:
    a[s], b[s] = set(), set()
    for t in THEMES:
        first = rng.random() < prevalence[t]
        second = first if rng.random() >= flip[t] else not first
        if first:
            a[s].add(t)
        if second:
            b[s].add(t)

for name, coding in (("coder_a.csv", a), ("coder_b.csv", b)):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["segment_id", "themes"])
        for s in segments:
            w.writerow([s, ";".join(t for t in THEMES if t in coding[s])])

print(f"# scikit-learn {sklearn.__version__}, krippendorff 0.9.0, numpy {np.__version__}")
pooled_a, pooled_b = [], []
for t in THEMES:
    x = [int(t in a[s]) for s in segments]
    y = [int(t in b[s]) for s in segments]
    pooled_a += x
    pooled_b += y
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kappa = cohen_kappa_score(x, y)
    po = accuracy_score(x, y)
    try:
        alpha = krippendorff.alpha(reliability_data=[x, y], level_of_measurement="nominal")
    except Exception as error:  # only one value in the data: alpha is undefined
        alpha = float("nan")
    both = sum(1 for i, j in zip(x, y) if i and j)
    first_only = sum(1 for i, j in zip(x, y) if i and not j)
    second_only = sum(1 for i, j in zip(x, y) if j and not i)
    neither = len(x) - both - first_only - second_only
    print(f"{t}: counts=({both},{first_only},{second_only},{neither}) kappa={kappa!r} percent={po * 100!r} pabak={2 * po - 1!r} alpha={alpha!r}")
print(f"pooled: alpha={krippendorff.alpha(reliability_data=[pooled_a, pooled_b], level_of_measurement='nominal')!r} percent={accuracy_score(pooled_a, pooled_b) * 100!r}")

# Krippendorff's (2011) worked example shape: 3 coders, 12 units, missing values as nan.
matrix = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, np.nan, np.nan, np.nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, np.nan, 3],
    [np.nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, np.nan],
]
print(f"missing: alpha={krippendorff.alpha(reliability_data=matrix, level_of_measurement='nominal')!r}")
