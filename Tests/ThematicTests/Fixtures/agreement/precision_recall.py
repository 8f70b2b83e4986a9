#!/usr/bin/env python3
"""Prints per-theme precision, recall and F1 of coder_a.csv (as the prediction) against coder_b.csv
(as the reference), and their macro and micro averages, with scikit-learn; the values are saved in
reference-precision-recall.txt and checked by AgreementTests.

    python3 precision_recall.py > reference-precision-recall.txt
"""
import csv

import sklearn
from sklearn.metrics import f1_score, precision_score, recall_score

THEMES = ["common", "balanced", "skewed", "rare"]


def read(name):
    with open(name, newline="") as f:
        return {row["segment_id"]: set(filter(None, row["themes"].split(";"))) for row in csv.DictReader(f)}


a, b = read("coder_a.csv"), read("coder_b.csv")
segments = list(a)
print(f"# scikit-learn {sklearn.__version__}; zero_division=nan (undefined)")
y_pred = [[int(t in a[s]) for t in THEMES] for s in segments]
y_true = [[int(t in b[s]) for t in THEMES] for s in segments]
for i, t in enumerate(THEMES):
    p = [row[i] for row in y_pred]
    r = [row[i] for row in y_true]
    print(f"{t}: precision={precision_score(r, p, zero_division=float('nan'))!r} "
          f"recall={recall_score(r, p, zero_division=float('nan'))!r} f1={f1_score(r, p, zero_division=float('nan'))!r}")
for average in ("macro", "micro"):
    print(f"{average}: precision={precision_score(y_true, y_pred, average=average, zero_division=float('nan'))!r} "
          f"recall={recall_score(y_true, y_pred, average=average, zero_division=float('nan'))!r} "
          f"f1={f1_score(y_true, y_pred, average=average, zero_division=float('nan'))!r}")
