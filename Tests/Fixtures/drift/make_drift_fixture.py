"""Writes wave2.csv, a later wave of ../screening/qualtrics-screening.csv whose export drifted:
the matrix Q1 re-tagged Q7 (same ImportIds QID1_1…QID1_5), Q3 dropped, a new question Q4 added, and
one answer 5 to Q2 (whose earlier codes were 2 and 4). Tests/CLITests/DriftCLITests.swift expects
exactly these changes (and a Status label edited in the earlier codebook by the test).

Run: python3 make_drift_fixture.py   (Python 3.11, standard library only; deterministic)
"""
import csv

with open("../screening/qualtrics-screening.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
tags, texts, ids = rows[0], rows[1], rows[2]
drop = tags.index("Q3")
out = []
for n, row in enumerate(rows):
    row = row[:drop] + row[drop + 1:]
    if n == 0:
        row = [t.replace("Q1_", "Q7_") for t in row] + ["Q4"]
    elif n == 1:
        row = row + ["How did you hear about this survey?"]
    elif n == 2:
        row = row + ['{"ImportId":"QID4"}']
    else:
        row = row + [str(1 + n % 2)]
        if n == 5:
            row[tags.index("Q2")] = "5"
    out.append(row)
with open("wave2.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(out)
