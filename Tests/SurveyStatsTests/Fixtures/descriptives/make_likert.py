"""Generates likert.csv, the synthetic SurveyStats test fixture (fixed seed; stdlib only).

60 respondents: five 5-point items q1..q5 driven by one latent trait, q3 worded in reverse
(so it correlates negatively until reverse-keyed), a skewed numeric column `hours`, and a
categorical `region` (levels 1-4, level 4 never chosen, 98 = "Don't know"). A few blank cells.
Synthetic data, not from any survey.  Run: python3 make_likert.py > likert.csv
"""
import random

rng = random.Random(20261123)


def item(trait, loading):
    raw = 3 + loading * trait + rng.gauss(0, 0.9)
    return min(5, max(1, round(raw)))


print("id,q1,q2,q3,q4,q5,hours,region")
for i in range(1, 61):
    trait = rng.gauss(0, 1)
    cells = [item(trait, 1.0), item(trait, 0.8), item(-trait, 0.9), item(trait, 0.7), item(trait, 0.4)]
    cells = [str(c) for c in cells]
    hours = f"{rng.gammavariate(2.0, 3.0):.2f}"
    region = str(rng.choice([1, 1, 2, 2, 2, 3, 98]))
    row = cells + [hours, region]
    for column in range(len(row)):
        if rng.random() < 0.03:
            row[column] = ""
    print(",".join([str(i)] + row))
