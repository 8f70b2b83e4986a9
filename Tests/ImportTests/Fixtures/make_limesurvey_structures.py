"""Writes limesurvey-structure-v6.lss (the layout of LimeSurvey 4 and later: texts in question_l10ns
and answer_l10ns, DBVersion 624 as LimeSurvey 6.x writes) and limesurvey-structure-v3.lss (the layout
before LimeSurvey 4: texts in the questions and answers rows, one row per language, DBVersion 366)
for the survey of limesurvey-responses.csv. Python 3.11, standard library; the field names and
nesting follow .lss files exported by LimeSurvey (document → table → fields/rows → row → field in
CDATA). Run: python3 make_limesurvey_structures.py"""
def cd(x): return f"<![CDATA[{x}]]>"
def table(name, fields, rows):
    out = [f" <{name}>", "  <fields>"] + [f"   <fieldname>{f}</fieldname>" for f in fields] + ["  </fields>", "  <rows>"]
    for r in rows:
        out.append("   <row>")
        for f in fields:
            if f in r: out.append(f"    <{f}>{cd(r[f])}</{f}>")
        out.append("   </row>")
    out += ["  </rows>", f" </{name}>"]
    return out
questions = [
    dict(qid="11", parent_qid="0", sid="482911", gid="5", type="L", title="Q1", other="Y", text="<p>How often do you shop <b>online</b>?</p>"),
    dict(qid="12", parent_qid="0", sid="482911", gid="5", type="A", title="Q2", other="N", text="How much do you trust these companies with your data?"),
    dict(qid="13", parent_qid="0", sid="482911", gid="5", type="T", title="Q3", other="N", text="Anything else you want to tell us?"),
]
subs = [dict(qid=str(20 + i), parent_qid="12", sid="482911", gid="5", type="T", title=f"SQ00{i}", other="N", text=t)
        for i, t in enumerate(["Banks", "Shops", "Apps &amp; services"], start=1)]
answers = [dict(aid=str(30 + i), qid="11", code=c, sortorder=str(i), text=t, scale_id="0") for i, (c, t) in enumerate([("A1", "Daily"), ("A2", "Weekly"), ("A3", "Rarely")], start=1)]
head = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>", " <LimeSurveyDocType>Survey</LimeSurveyDocType>"]
qf = ["qid", "parent_qid", "sid", "gid", "type", "title", "other", "mandatory", "question_order", "scale_id", "relevance"]
new = head + [" <DBVersion>624</DBVersion>", " <languages>", "  <language>de</language>", "  <language>en</language>", " </languages>"]
new += table("surveys", ["sid", "language"], [dict(sid="482911", language="en")])
new += table("questions", qf, questions)
new += table("subquestions", qf, subs)
new += table("question_l10ns", ["id", "qid", "question", "help", "language"],
             [dict(id=q["qid"], qid=q["qid"], question=q["text"], help="", language="en") for q in questions + subs]
             + [dict(id="9" + q["qid"], qid=q["qid"], question="(Deutsch) " + q["text"], help="", language="de") for q in questions + subs])
new += table("answers", ["aid", "qid", "code", "sortorder", "assessment_value", "scale_id"], answers)
new += table("answer_l10ns", ["id", "aid", "answer", "language"],
             [dict(id=a["aid"], aid=a["aid"], answer=a["text"], language="en") for a in answers]
             + [dict(id="9" + a["aid"], aid=a["aid"], answer="(de) " + a["text"], language="de") for a in answers])
new += ["</document>", ""]
open("limesurvey-structure-v6.lss", "w", encoding="utf-8").write("\n".join(new))

oldf = ["qid", "parent_qid", "sid", "gid", "type", "title", "question", "other", "language", "scale_id"]
old = head + [" <DBVersion>366</DBVersion>", " <languages>", "  <language>en</language>", "  <language>de</language>", " </languages>"]
old += table("answers", ["qid", "code", "answer", "sortorder", "language", "scale_id"],
             [dict(qid=a["qid"], code=a["code"], answer=a["text"], sortorder=a["sortorder"], language=l, scale_id="0") for l in ["en", "de"] for a in answers])
old += table("questions", oldf, [dict(q, question=q["text"] if l == "en" else "(Deutsch) " + q["text"], language=l) for l in ["en", "de"] for q in questions])
old += table("subquestions", oldf, [dict(q, question=q["text"] if l == "en" else "(Deutsch) " + q["text"], language=l) for l in ["en", "de"] for q in subs])
old += table("surveys", ["sid", "language"], [dict(sid="482911", language="en")])
old += ["</document>", ""]
open("limesurvey-structure-v3.lss", "w", encoding="utf-8").write("\n".join(old))
