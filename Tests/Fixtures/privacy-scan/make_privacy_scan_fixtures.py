"""Writes the fixtures of the privacy gate's content scan through the wave reader (PrivacyCLITests):
    python3 make_privacy_scan_fixtures.py   (Python 3.11, pyreadstat 1.3.8, pandas 3.1.1)
contacts.sav: four invented respondents; `contact` is a string variable holding e-mail addresses
(not typed pii by anything in the file, so only the content scan can find it), `q1` a labelled
5-point item. qualtrics-label-email.csv: a Qualtrics export (three header rows) whose question
text of `Q2` holds an e-mail address while its answers hold none: the label row is not data."""
import csv
import pandas as pd
import pyreadstat

frame = pd.DataFrame({
    "id": ["r1", "r2", "r3", "r4"],
    "contact": ["ann@example.org", "bo@example.net", "cy@example.com", "di@example.org"],
    "q1": [1.0, 4.0, 5.0, 2.0],
})
pyreadstat.write_sav(frame, "contacts.sav", column_labels={"id": "Respondent", "contact": "How can we reach you?", "q1": "I trust apps"},
                     variable_value_labels={"q1": {1: "Strongly disagree", 2: "Disagree", 3: "Neither", 4: "Agree", 5: "Strongly agree"}},
                     variable_measure={"id": "nominal", "contact": "nominal", "q1": "ordinal"})

with open("qualtrics-label-email.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["ResponseId", "Q1", "Q2"])
    w.writerow(["Response ID", "How often do you shop online?", "Questions? Write to privacy@example.org - Comment"])
    w.writerow(['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2_TEXT"}'])
    for i, (q1, q2) in enumerate([("1", "fine"), ("2", "too many ads"), ("3", ""), ("2", "ok")], start=1):
        w.writerow([f"R_{i:04d}", q1, q2])
