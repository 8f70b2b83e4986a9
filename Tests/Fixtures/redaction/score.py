"""Recall and precision of paradox redact on the labelled corpus: python3 score.py OUT/redaction-log.csv.
A labelled item is found when a logged replacement of its kind overlaps it; a logged replacement
that overlaps no labelled item of its kind is a false positive."""
import csv
import sys
from collections import Counter

labels = list(csv.DictReader(open("labels.csv", encoding="utf-8")))
found = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["file"].endswith("corpus.txt")]

def overlaps(a, b):
    if a["line"] != b["line"] or a["kind"] != b["kind"]:
        return False
    a0, b0 = int(a["position"]), int(b["position"])
    return a0 < b0 + int(b["characters"]) and b0 < a0 + int(a["characters"])

tp, fn, fp = Counter(), Counter(), Counter()
for label in labels:
    (tp if any(overlaps(label, f) for f in found) else fn)[label["kind"]] += 1
for f in found:
    if not any(overlaps(f, label) for label in labels):
        fp[f["kind"]] += 1
print("kind,planted,found,missed,false_positives,recall,precision")
for kind in ["email", "phone", "ip_address", "street_address", "person_name", "url", "gps_coordinates"]:
    planted = tp[kind] + fn[kind]
    if planted == 0 and fp[kind] == 0:
        continue
    recall = tp[kind] / planted if planted else float("nan")
    precision = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else float("nan")
    print(f"{kind},{planted},{tp[kind]},{fn[kind]},{fp[kind]},{recall:.3f},{precision:.3f}")
