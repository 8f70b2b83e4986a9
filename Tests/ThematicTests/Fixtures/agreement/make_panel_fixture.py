#!/usr/bin/env python3
"""Makes coder_c.csv (a third coding of the 40 segments of coder_a.csv, seed 11: coder A's coding with
each decision flipped with probability 0.2) and prints, per theme, Fleiss' kappa of coders A, B, C
(statsmodels fleiss_kappa on aggregate_raters counts), Krippendorff's alpha of the three (nominal)
and the majority coding (a theme coded by at least 2 of the 3), saved in reference-panel.txt.

    python3 make_panel_fixture.py > reference-panel.txt

Tools: statsmodels 0.15.0, krippendorff 0.9.0, numpy, Python 3.
"""
import csv
import random

import krippendorff
import numpy as np
import statsmodels
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

THEMES = ["common", "balanced", "skewed", "rare"]


def read(name):
    with open(name, newline="") as f:
        return {row["segment_id"]: set(filter(None, row["themes"].split(";"))) for row in csv.DictReader(f)}


a, b = read("coder_a.csv"), read("coder_b.csv")
segments = list(a)
rng = random.Random(11)
c = {s: {t for t in THEMES if (t in a[s]) != (t != "rare" and rng.random() < 0.2)} for s in segments}
with open("coder_c.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["segment_id", "themes"])
    for s in segments:
        w.writerow([s, ";".join(t for t in THEMES if t in c[s])])

print(f"# statsmodels {statsmodels.__version__}, krippendorff 0.9.0, numpy {np.__version__}")
for t in THEMES:
    ratings = np.array([[int(t in coder[s]) for coder in (a, b, c)] for s in segments])
    table, _ = aggregate_raters(ratings, n_cat=2)
    kappa = fleiss_kappa(table, method="fleiss")
    try:
        alpha = krippendorff.alpha(reliability_data=ratings.T, level_of_measurement="nominal")
    except Exception:
        alpha = float("nan")
    majority = [s for s in segments if ratings[segments.index(s)].sum() >= 2]
    print(f"{t}: fleiss={kappa!r} alpha={alpha!r} majority={','.join(majority)}")
