"""Writes the SPSS file of ImportBenchmark: the responses of its generated Qualtrics export (the
three header rows skipped) as a .sav with variable labels, five-point value labels and ordinal
measurement on the Likert items, nominal on the codes, and the open answer as a string.

    python3 csv_to_sav.py EXPORT.csv OUT.sav     (Python 3.11, pyreadstat 1.3.8, pandas)
"""
import sys
import pandas as pd
import pyreadstat

source, target = sys.argv[1], sys.argv[2]
labels = pd.read_csv(source, nrows=1).iloc[0].to_dict()
frame = pd.read_csv(source, skiprows=[1, 2], keep_default_na=False, na_values=[""], low_memory=False)
# SPSS names have no spaces or parentheses: "Duration (in seconds)" becomes "Duration".
names = {c: c.split(" ")[0] for c in frame.columns}
labels = {names[c]: label for c, label in labels.items()}
frame = frame.rename(columns=names)
agree = {1: "Strongly disagree", 2: "Disagree", 3: "Neither", 4: "Agree", 5: "Strongly agree"}
likert = [c for c in frame.columns if c.startswith("Q") and "_" in c and not c.endswith("_TEXT")]
text = [c for c in frame.columns if frame[c].dtype == object]
for column in text:
    frame[column] = frame[column].astype(str).replace("nan", "")
pyreadstat.write_sav(frame, target,
                     column_labels={c: str(labels[c]) for c in frame.columns},
                     variable_value_labels={c: agree for c in likert},
                     variable_measure={**{c: "ordinal" for c in likert},
                                       **{c: "nominal" for c in ["Status", "Q5", "Q6"]}})
