"""Writes qualtrics-screening.csv, a Qualtrics export (three header rows) built so that each screening
rule of screening.study.yml excludes a known number of responses, and prints those numbers as this
script counts them (the oracle of Tests/CLITests/ScreeningCLITests.swift).

Run: python3 make_screening_fixture.py   (Python 3.11, standard library only; deterministic)
"""
import csv, io, random, statistics

random.seed(20261206)
tags = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
        "ResponseId", "RecipientEmail", "PanelID", "Q1_1", "Q1_2", "Q1_3", "Q1_4", "Q1_5", "Q2", "Q3"]
texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
         "Recorded Date", "Response ID", "Recipient Email", "PanelID"] + \
        [f"How much do you agree? - Statement {k}" for k in range(1, 6)] + \
        ["Attention check: please select 'Agree' (4)", "Age group"]
ids = ['{"ImportId":"startDate","timeZone":"Europe/Berlin"}', '{"ImportId":"endDate","timeZone":"Europe/Berlin"}',
       '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
       '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Europe/Berlin"}', '{"ImportId":"_recordId"}',
       '{"ImportId":"recipientEmail"}', '{"ImportId":"PanelID"}'] + \
      [f'{{"ImportId":"QID1_{k}"}}' for k in range(1, 6)] + ['{"ImportId":"QID2"}', '{"ImportId":"QID3"}']

# kind of each response, in file order; "ok" rows are kept.
kinds = (["ok"] * 3 + ["preview", "ok", "test", "ok", "unfinished", "ok", "duplicate", "ok", "speeder", "ok", "straight",
         "ok", "attention", "ok", "preview_unfinished", "ok", "unfinished", "duplicate", "speeder", "straight", "straight",
         "attention_blank", "ok", "answers_copy", "ok"])
rows, panels, first_answers = [], [], None
for n, kind in enumerate(kinds, start=1):
    answers = [random.randint(1, 5) for _ in range(5)]
    while len(set(answers)) == 1:
        answers = [random.randint(1, 5) for _ in range(5)]
    if kind == "straight":
        answers = [3] * 5 if n % 2 else [5] * 5
    attention = "" if kind == "attention_blank" else ("2" if kind == "attention" else "4")
    age = random.choice(["1", "2", "3"])
    if kind == "answers_copy":
        answers, attention, age = first_answers
    if first_answers is None:
        first_answers = (answers, attention, age)
    panel = f"P{n:03d}"
    if kind == "duplicate":
        panel = panels[n % 4]
    panels.append(panel)
    status = {"preview": "1", "test": "2", "preview_unfinished": "1"}.get(kind, "0")
    finished = "0" if kind in ("unfinished", "preview_unfinished") else "1"
    progress = "55" if finished == "0" else "100"
    duration = str(120 if kind == "speeder" else 480 + (n * 37) % 400)
    rows.append([f"2026-11-{n % 28 + 1:02d} 10:00:00", f"2026-11-{n % 28 + 1:02d} 10:15:00", status, f"192.0.2.{n}",
                 progress, duration, finished, f"2026-11-{n % 28 + 1:02d} 10:15:01", f"R_{n:04d}abcdef", f"person{n}@example.org",
                 panel] + [str(a) for a in answers] + [attention, age])

out = io.StringIO()
writer = csv.writer(out, lineterminator="\n")
for header in (tags, texts, ids):
    writer.writerow(header)
writer.writerows(rows)
with open("qualtrics-screening.csv", "w", encoding="utf-8", newline="") as f:
    f.write(out.getvalue())

# The oracle: the rules in order, each on the rows still in.
col = {t: i for i, t in enumerate(tags)}
remaining = list(range(len(rows)))
def apply(name, excluded):
    global remaining
    out = [r for r in remaining if excluded(r)]
    remaining = [r for r in remaining if r not in out]
    print(f"{name}: {len(out)} (lines {[r + 4 for r in out]})")
apply("preview", lambda r: rows[r][col["Status"]] in ("1", "2", "9", "17"))
apply("unfinished", lambda r: rows[r][col["Finished"]] == "0")
seen = set()
def duplicate(r):
    key = rows[r][col["PanelID"]]
    repeated = key in seen
    seen.add(key)
    return repeated
apply("duplicate", duplicate)
median = statistics.median(float(rows[r][col["Duration (in seconds)"]]) for r in remaining)
print(f"median duration {median}")
apply("speeder", lambda r: float(rows[r][col["Duration (in seconds)"]]) < median / 3)
items = [col[f"Q1_{k}"] for k in range(1, 6)]
apply("straightliner", lambda r: len({rows[r][i] for i in items}) == 1)
apply("attention", lambda r: rows[r][col["Q2"]] != "4")
print(f"analysed: {len(remaining)} of {len(rows)}")

# Rules applied alone, for the other study files of the tests.
answers = [col[f"Q1_{k}"] for k in range(1, 6)] + [col["Q2"], col["Q3"]]
seen_ids, seen_answers, out = set(), set(), []
for r in range(len(rows)):
    key, fingerprint = rows[r][col["PanelID"]], tuple(rows[r][i] for i in answers)
    if key in seen_ids or fingerprint in seen_answers:
        out.append(r + 4)
    seen_ids.add(key)
    seen_answers.add(fingerprint)
print(f"duplicates by PanelID or answers, alone: {len(out)} (lines {out})")
low = [r + 4 for r in range(len(rows)) if float(rows[r][col["Progress"]]) < 60]
print(f"progress below 60, alone: {len(low)} (lines {low})")
median = statistics.median(float(row[col["Duration (in seconds)"]]) for row in rows if float(row[col["Progress"]]) >= 60)
fast = [r + 4 for r in range(len(rows)) if float(rows[r][col["Progress"]]) >= 60 and float(rows[r][col["Duration (in seconds)"]]) < median / 2]
print(f"then speeders below half the median ({median}): {len(fast)} (lines {fast})")
