"""Expected values of the open-ended fixture (Tests/CLITests/OpenEndedCLITests.swift), counted
independently of Paradox: each non-blank Q12_text answer is one segment; a theme is coded when one
of its words (whole word, any case) or phrases occurs; a sub-theme counts for its parent. Prevalence
is over the respondents who answered. Pseudonyms: HMAC-SHA256(key, ID), first 16 hex digits.

Run: python3 expected.py > expected.json   (produced with Python 3.11.7, standard library only)
"""
import csv, hashlib, hmac, json, re

THEMES = [  # id, parent, words, phrases (as in themes-q12.yml)
    ("control", None, ["control", "delete", "settings"], []),
    ("transparency", None, ["transparent", "transparency"], ["know why", "explain why"]),
    ("incentives", None, ["discount", "discounts", "money", "reward", "rewards"], []),
    ("cash", "incentives", ["money", "cash"], []),
]
AGE = {"1": "18-34", "2": "35-54", "3": "55+"}
GENDER = {"f": "Female", "m": "Male", "d": "Diverse"}
KEY = "fixture-key"


def coded(text):
    lower = text.lower()
    found = set()
    for theme, parent, words, phrases in THEMES:
        if any(re.search(r"\b" + re.escape(w) + r"\b", lower) for w in words) or \
           any(re.search(r"\b" + r"[\s-]+".join(map(re.escape, p.split())) + r"\b", lower) for p in phrases):
            found.add(theme)
            if parent:
                found.add(parent)
    return found


rows = list(csv.DictReader(open("wave.csv", newline="")))
answered = [r for r in rows if r["Q12_text"].strip()]
codes = {r["respondent_id"]: coded(r["Q12_text"]) for r in answered}
themes = [{"themeID": t, "participants": sum(t in c for c in codes.values()),
           "prevalencePercent": 100 * sum(t in c for c in codes.values()) / len(answered)} for t, *_ in THEMES]


def matrix(column, labels):
    values = sorted({labels[r[column]] for r in answered})
    group = {v: [r for r in answered if labels[r[column]] == v] for v in values}
    return {"attribute": column, "values": values, "groupSizes": [len(group[v]) for v in values],
            "rows": [{"themeID": t, "participants": [sum(t in codes[r["respondent_id"]] for r in group[v]) for v in values]}
                     for t, *_ in THEMES]}


print(json.dumps({
    "respondents": len(rows), "answered": len(answered), "no_answer": len(rows) - len(answered),
    "themes": themes,
    "matrices": [matrix("age_group", AGE), matrix("gender", GENDER)],
    # Answers coded to both of two top-level themes (the co-occurrence table covers those).
    "cooccurrence": [[sum(a in c and b in c for c in codes.values()) for b, parent, *_ in THEMES if parent is None]
                     for a, parent, *_ in THEMES if parent is None],
    "pseudonyms": {i: hmac.new(KEY.encode(), i.encode(), hashlib.sha256).hexdigest()[:16] for i in ["R002", "R009", "R013"]},
}, indent=2))
