"""Writes survey.sav, survey.zsav and survey.dta for ImportTests:
    python3 make_spss_stata_fixtures.py   (Python 3.11, pyreadstat 1.3.8, pandas 3.1.1)
Six invented respondents. SPSS: discrete user-missing codes (q1: 8, 9), a user-missing range (q2:
-9 thru -1) whose codes carry value labels, measurement levels, a string variable in two scripts.
Stata: extended missing values .a ("Don't know") and .b ("Refused") with value labels. Dates:
SPSS DATETIME (started), Stata %td (interviewed).
The expected metadata in the tests were read back with Debian's `extract_metadata` (readstat 1.1.8):
    extract_metadata survey.sav; extract_metadata survey.dta
whose output is committed beside this script (survey.sav.metadata.json, survey.dta.metadata.json)."""
import datetime as dt
import pandas as pd
import pyreadstat


agree = {1: "Strongly disagree", 2: "Disagree", 3: "Neither", 4: "Agree", 5: "Strongly agree"}

sav = pd.DataFrame({
    "id": ["r1", "r2", "r3", "r4", "r5", "r6"],
    "q1": [1.0, 5.0, 8.0, 9.0, 4.0, None],
    "q2": [2.0, -9.0, 3.0, -1.0, 5.0, 4.0],
    "gender": [1.0, 2.0, 2.0, 3.0, 1.0, 2.0],
    "income": [1200.5, 2500.0, 99999.0, 3100.0, None, 1800.0],
    "comment": ["gut", "", "trop cher", "個人情報", "fine, \"ok\"", ""],
    "started": pd.to_datetime(["2024-03-01 09:15:02", "2024-03-01 10:02:40", "2024-03-02 18:44:09",
                               "1999-12-31 23:59:59", "2024-02-29 00:00:00", None]),
})
sav_labels = {
    "q1": {**agree, 8: "Don't know", 9: "Refused"},
    "q2": {**agree, -9: "Refused", -8: "Don't know", -1: "Not applicable"},
    "gender": {1: "Woman", 2: "Man", 3: "Another gender"},
    "income": {99999: "Refused"},
}
sav_options = dict(
    file_label="Privacy survey wave 3",
    column_labels={"id": "Respondent", "q1": "I worry about my data", "q2": "Firms use my data fairly",
                   "gender": "Gender", "income": "Monthly income (EUR)", "comment": "Any comments?",
                   "started": "Start of the interview"},
    variable_value_labels=sav_labels,
    missing_ranges={"q1": [8, 9], "q2": [{"lo": -9, "hi": -1}], "income": [99999]},
    variable_measure={"id": "nominal", "q1": "ordinal", "q2": "ordinal", "gender": "nominal", "income": "scale",
                      "comment": "nominal", "started": "scale"},
)
pyreadstat.write_sav(sav, "survey.sav", **sav_options)
pyreadstat.write_sav(sav, "survey.zsav", compress=True, **sav_options)

dta = pd.DataFrame({
    "id": ["r1", "r2", "r3", "r4", "r5"],
    "q1": [1, "a", 4, "b", 3],
    "gender": [1.0, 2.0, 2.0, 1.0, 2.0],
    "age": [34.0, 51.0, None, 27.0, 63.0],
    "interviewed": [dt.date(2024, 3, 1), dt.date(1960, 1, 1), dt.date(1959, 12, 31), None, dt.date(2024, 2, 29)],
})
dta["q1"] = dta["q1"].astype(object)
pyreadstat.write_dta(
    dta, "survey.dta",
    file_label="Privacy survey wave 3",
    column_labels={"id": "Respondent", "q1": "I worry about my data", "gender": "Gender", "age": "Age in years",
                   "interviewed": "Date of interview"},
    variable_value_labels={"q1": {**agree, "a": "Don't know", "b": "Refused"}, "gender": {1: "Woman", 2: "Man"}},
    missing_user_values={"q1": ["a", "b"]},
)

# A damaged download: survey.sav without its last 60 bytes (cut inside the data).
with open("survey.sav", "rb") as f:
    head = f.read()[:-60]
with open("survey-truncated.sav", "wb") as f:
    f.write(head)

# survey.sav weighted by income: pyreadstat cannot write SPSS's WEIGHT BY, so the file header's
# weight_index (int32 at byte 76: rec_type 4 + prod_name 60 + layout_code 4 + nominal_case_size 4 +
# compression 4; GNU PSPP manual, "System File Format", File Header Record) is set to income's
# 1-based position among the 8-byte case slots (id 1, q1 2, q2 3, gender 4, income 5).
import struct
with open("survey.sav", "rb") as f:
    data = bytearray(f.read())
assert data[:4] == b"$FL2" and struct.unpack_from("<i", data, 76)[0] == 0
struct.pack_into("<i", data, 76, 5)
with open("survey-weighted.sav", "wb") as f:
    f.write(bytes(data))
