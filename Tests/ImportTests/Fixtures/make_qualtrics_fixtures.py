"""Writes the Qualtrics CSV fixtures of ImportTests (python3 make_qualtrics_fixtures.py, Python 3.11,
csv module). The layout follows Qualtrics' "Export Data → CSV" of 2024 (three header rows, numeric
values, a UTF-8 byte-order mark, CRLF line ends, a trailing comma) and the legacy two-row export; the data
are invented. Re-running rewrites the same bytes."""
import csv, io, json

meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
        "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
        "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
meta_text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
             "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
             "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
             "Distribution Channel", "User Language"]
meta_ids = [{"ImportId": "startDate", "timeZone": "Europe/Berlin"}, {"ImportId": "endDate", "timeZone": "Europe/Berlin"},
            {"ImportId": "status"}, {"ImportId": "ipAddress"}, {"ImportId": "progress"}, {"ImportId": "duration"},
            {"ImportId": "finished"}, {"ImportId": "recordedDate", "timeZone": "Europe/Berlin"}, {"ImportId": "_recordId"},
            {"ImportId": "recipientLastName"}, {"ImportId": "recipientFirstName"}, {"ImportId": "recipientEmail"},
            {"ImportId": "externalDataReference"}, {"ImportId": "locationLatitude"}, {"ImportId": "locationLongitude"},
            {"ImportId": "distributionChannel"}, {"ImportId": "userLanguage"}]
matrix = "Wie sehr stimmen Sie zu? - "
items = ["Ich mache mir Sorgen um meine Daten.", "Firmen nutzen meine Daten fair.", "個人データの利用が心配です。",
         "Personalisierte Werbung ist nützlich.", "Ich lese Datenschutzerklärungen."]
questions = (["Q1", "Q2"] + [f"Q3_{i}" for i in range(1, 6)] + ["Q3_DO"] + [f"Q4_{i}" for i in range(1, 4)] + ["Q4_3_TEXT", "Q5", "Q5 - Topics", "Q5 - Sentiment Score"])
question_text = (["How often do you shop online?", "Age group"] + [matrix + t for t in items]
                 + ["Wie sehr stimmen Sie zu? - Display Order"]
                 + ["Which apps do you use? (select all) - Selected Choice - " + c for c in ["Email", "Maps", "Other"]]
                 + ["Which apps do you use? (select all) - Other - Text", "Anything else you want to tell us?",
                    "Q5 - Topics", "Q5 - Sentiment Score"])
question_ids = ([{"ImportId": "QID1"}, {"ImportId": "QID2"}] + [{"ImportId": f"QID3_{i}"} for i in range(1, 6)]
                + [{"ImportId": "QID3_DO"}] + [{"ImportId": "QID4", "choiceId": str(i)} for i in range(1, 4)]
                + [{"ImportId": "QID4_3_TEXT"}, {"ImportId": "QID5_TEXT"}, {"ImportId": "QID5_TEXT_TOPICS"},
                   {"ImportId": "QID5_TEXT_SENTIMENT_SCORE"}])
rows = [
    ["2024-03-01 09:15:02", "2024-03-01 09:21:14", "0", "192.0.2.7", "100", "372", "1", "2024-03-01 09:21:15", "R_1a2B3c4D5e6F7g8",
     "", "", "", "", "52.5200", "13.4050", "anonymous", "DE", "3", "2", "5", "2", "4", "1", "3", "1|2|3|4|5", "1", "", "", "", "Alles gut.", "Zufriedenheit", "2"],
    ["2024-03-01 10:02:40", "2024-03-01 10:04:01", "0", "198.51.100.4", "100", "81", "1", "2024-03-01 10:04:02", "R_2h3J4k5L6m7N8p9",
     "", "", "", "", "48.1371", "11.5754", "anonymous", "DE", "1", "1", "3", "3", "3", "3", "3", "5|4|3|2|1", "", "1", "1", "Signal, \"Threema\"",
     "Ich finde, \"personalisierte\" Werbung ist\nzu aufdringlich,\ngerade bei Apps.", "Werbung, Apps", "-3"],
    ["2024-03-02 18:44:09", "2024-03-02 18:52:30", "1", "", "100", "501", "1", "2024-03-02 18:52:31", "R_3q4R5s6T7u8V9w0",
     "Muster", "Erika", "erika@example.org", "panel-17", "", "", "preview", "EN", "2", "3", "4", "-99", "5", "2", "4", "2|1|4|3|5", "1", "1", "", "", "", "", ""],
    ["2024-03-03 07:01:00", "2024-03-03 07:03:12", "0", "203.0.113.9", "60", "132", "0", "2024-03-10 07:03:13", "R_4x5Y6z7A8b9C0d1",
     "", "", "", "", "53.5511", "9.9937", "anonymous", "JA", "2", "2", "", "", "", "", "", "", "", "", "", "", "プライバシーが大事です。", "Datenschutz", "1"],
]
header = meta + questions
texts = meta_text + question_text
ids = [json.dumps(x, separators=(",", ":")) for x in meta_ids + question_ids]

def write(path, header_rows, data, bom=True, trailing_comma=False):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    for r in header_rows:
        w.writerow(r + ([""] if trailing_comma else []))
    for r in data:
        w.writerow(r + ([""] if trailing_comma else []))
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(out.getvalue())

write("qualtrics-three-rows.csv", [header, texts, ids], rows, bom=True, trailing_comma=True)
# The same export with its header cut after the question texts (a damaged download).
write("qualtrics-cut-header.csv", [header, texts], [], bom=True)

legacy_meta = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status",
               "StartDate", "EndDate", "Finished"]
legacy_header = [f"V{i}" for i in range(1, 11)] + ["Q1", "Q2_1", "Q2_2", "Q2_3", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]
legacy_texts = legacy_meta + ["How often do you shop online?", "Trust in companies - Banks", "Trust in companies - Shops",
                              "Trust in companies - Apps", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]
legacy_rows = [
    ["R_9a8B7c6D5e4F3g2", "Default Response Set", "Doe, Jane", "", "jane@example.com", "192.0.2.44", "0", "2016-05-02 11:00:01", "2016-05-02 11:06:40", "1", "4", "7", "6", "5", "40.7128", "-74.0060", "-1"],
    ["R_8h7J6k5L4m3N2p1", "Default Response Set", "Roe, Rick", "", "rick@example.com", "198.51.100.23", "0", "2016-05-02 12:10:00", "2016-05-02 12:14:30", "1", "2", "1", "2", "3", "34.0522", "-118.2437", "-1"],
    ["R_7q6R5s4T3u2V1w0", "Default Response Set", "", "", "", "203.0.113.77", "1", "2016-05-03 08:00:00", "2016-05-03 08:01:00", "0", "3", "4", "", "7", "", "", ""],
]
write("qualtrics-legacy-two-rows.csv", [legacy_header, legacy_texts], legacy_rows, bom=False)
