"""Writes the fixtures of the privacy gate's content scan through the wave reader (PrivacyCLITests):
    python3 make_privacy_scan_fixtures.py   (Python 3.11, pyreadstat 1.3.8, pandas 3.1.1)
contacts.sav: four invented respondents; `contact` is a string variable holding e-mail addresses
(not typed pii by anything in the file, so only the content scan can find it), `q1` a labelled
5-point item."""
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

