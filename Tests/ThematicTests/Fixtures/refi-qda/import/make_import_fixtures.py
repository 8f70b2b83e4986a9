"""Writes the REFI-QDA import fixtures (Python 3.11.7, standard library only):

- nvivo-style.qdpx: what a QDA package writes, by hand after REFI-QDA 1.5 Project.xsd: deflated
  entries, a source text with a byte-order mark and CR LF line ends (positions count the CRs), two
  users, nested codes, a code matched by id in other case (ETHICS), a code no theme has (Off-topic),
  a selection crossing two segments, a selection on an interviewer turn, a coding of the whole
  source, a source that is no transcript (PlainTextContent), notes and a case.
- bad inputs, one defect each (see BAD below), and bomb.qdpx (a project.qde of 8 MiB, 8 kB deflated).
- external/: sources stored outside the archive: relative.qdpx (relative:///mini-interview.txt with a
  basePath of the machine that made it), absolute.qdpx (absolute://…/mini-interview.txt), escape.qdpx
  (relative:///../../../transcripts/mini.txt, a path out of its folder to a file that exists), and
  mini-interview.txt, the text they name.
- unicode-qualcoder.qdpx: ../../transcripts/unicode.txt (emoji outside the BMP, combining marks,
  CJK) stored as QualCoder stores a source (UTF-8, LF, no BOM), its selections' positions being
  Python string indices (code points), as QualCoder reads and writes them (`fulltext[pos0:pos1]`).
  Prints the code point offsets of the transcript's paragraphs, used in REFIQDAExportTests.

Run from this folder: python3 make_import_fixtures.py. The expected codings are in REFIQDAImportTests.
"""
import zipfile

TEXT = open("../../transcripts/mini.txt", encoding="utf-8").read()
SOURCE = "\ufeff" + TEXT.replace("\n", "\r\n")
ANA, BEN = "A0000000-0000-0000-0000-00000000000A", "B0000000-0000-0000-0000-00000000000B"
SRC = "5E000000-0000-0000-0000-000000000001"


def span(words, occurrence=0, source=None):
    """0-based, half-open code point offsets of `words` in `source` (default SOURCE: CR LF and the BOM counted)."""
    source = SOURCE if source is None else source
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(words, start + 1)
    return start, start + len(words)


def selection(guid, words, code, user, on_coding=True, source=None):
    start, end = span(words, source=source)
    coding_user = f' creatingUser="{user}"' if on_coding else ""
    selection_user = "" if on_coding else f' creatingUser="{user}"'
    return (f'      <PlainTextSelection guid="{guid}" name="{words[:20]}" startPosition="{start}" endPosition="{end}"{selection_user}>\n'
            f'        <Description>selected by hand</Description>\n'
            f'        <Coding guid="{guid[:-4]}C0DE"{coding_user}><CodeRef targetGUID="{code}"/></Coding>\n'
            f'      </PlainTextSelection>\n')


CODES = """  <CodeBook>
    <Codes>
      <Code guid="C0000000-0000-0000-0000-000000000001" name="Clear communication about data usage" isCodable="true">
        <Description>Parent code</Description>
        <Code guid="C0000000-0000-0000-0000-000000000002" name=" Consent and control " isCodable="true"/>
      </Code>
      <Code guid="C0000000-0000-0000-0000-000000000003" name="ETHICS" isCodable="true"/>
      <Code guid="C0000000-0000-0000-0000-000000000004" name="Trust" isCodable="true"/>
      <Code guid="C0000000-0000-0000-0000-000000000005" name="Off-topic" isCodable="true"/>
    </Codes>
  </CodeBook>
"""


def project(selections, source_codings="", text_source_extra="", doctype="", codes=CODES, plain_text_path=f"internal://{SRC}.txt",
            base_path=""):
    return f"""<?xml version="1.0" encoding="utf-8"?>
{doctype}<Project xmlns="urn:QDA-XML:project:1.0" name="Hand-made" origin="make_import_fixtures.py"{base_path}>
  <Users>
    <User guid="{ANA}" name="Ana"/>
    <User guid="{BEN}" name="Ben"/>
  </Users>
{codes}  <Cases>
    <Case guid="CA000000-0000-0000-0000-000000000001" name="P01"><SourceRef targetGUID="{SRC}"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="{SRC}" name="mini" plainTextPath="{plain_text_path}" creatingUser="{ANA}">
{selections}{source_codings}{text_source_extra}    </TextSource>
    <TextSource guid="5E000000-0000-0000-0000-000000000002" name="Other interview">
      <PlainTextContent>Someone else, not coded here.</PlainTextContent>
      <PlainTextSelection guid="5E100000-0000-0000-0000-000000000009" startPosition="0" endPosition="7">
        <Coding guid="5E100000-0000-0000-0000-00000000C0DE" creatingUser="{ANA}"><CodeRef targetGUID="C0000000-0000-0000-0000-000000000004"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="0E000000-0000-0000-0000-000000000001" name="memo"><PlainTextContent>A memo.</PlainTextContent></Note>
  </Notes>
</Project>
"""


SELECTIONS = (
    selection("5E100000-0000-0000-0000-000000000001", "Consent is opt-in", "C0000000-0000-0000-0000-000000000002", ANA)
    + selection("5E100000-0000-0000-0000-000000000002", "plain language.\r\n\r\nZoë from legal", "C0000000-0000-0000-0000-000000000003", BEN, on_coding=False)
    + selection("5E100000-0000-0000-0000-000000000003", "Customers trust us", "C0000000-0000-0000-0000-000000000004", ANA)
    + selection("5E100000-0000-0000-0000-000000000004", "Customers trust us", "C0000000-0000-0000-0000-000000000005", BEN)
    + selection("5E100000-0000-0000-0000-000000000005", "And trust?", "C0000000-0000-0000-0000-000000000004", ANA)
    + selection("5E100000-0000-0000-0000-000000000006", "ethics come first", "C0000000-0000-0000-0000-000000000003", ANA)
)
WHOLE = f'      <Coding guid="5E200000-0000-0000-0000-000000000001" creatingUser="{BEN}"><CodeRef targetGUID="C0000000-0000-0000-0000-000000000001"/></Coding>\n'


def write(name, qde, sources=None, method=zipfile.ZIP_DEFLATED):
    sources = {f"sources/{SRC}.txt": SOURCE.encode("utf-8")} if sources is None else sources
    with zipfile.ZipFile(name, "w", method) as archive:
        entries = [] if qde is None else [("project.qde", qde.encode("utf-8"))]
        for entry, data in entries + list(sources.items()):
            info = zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data)


write("nvivo-style.qdpx", project(SELECTIONS, WHOLE))

# BAD: one defect each.
length = len(SOURCE)
write("out-of-range.qdpx", project(
    f'      <PlainTextSelection guid="BAD00000-0000-0000-0000-000000000001" startPosition="10" endPosition="{length + 1}">\n'
    f'        <Coding guid="BAD00000-0000-0000-0000-00000000C0DE" creatingUser="{ANA}"><CodeRef targetGUID="C0000000-0000-0000-0000-000000000004"/></Coding>\n'
    '      </PlainTextSelection>\n'))
write("unknown-code.qdpx", project(
    f'      <Coding guid="BAD00000-0000-0000-0000-000000000002" creatingUser="{ANA}"><CodeRef targetGUID="C0000000-0000-0000-0000-0000000000FF"/></Coding>\n'))
write("missing-source.qdpx", project(SELECTIONS), sources={})
write("text-differs.qdpx", project(SELECTIONS), sources={f"sources/{SRC}.txt": SOURCE.replace("opt-in", "opt-out").encode("utf-8")})
billion_laughs = '<!DOCTYPE Project [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
write("doctype.qdpx", project(SELECTIONS, doctype=billion_laughs))
write("bad-position.qdpx", project(SELECTIONS.replace('startPosition="', 'startPosition="x', 1)))
write("no-project.qdpx", None, sources={"other.xml": b"<x/>"})
# A deflated entry whose directory record declares fewer bytes than it inflates to.
write("lying-size.qdpx", project(SELECTIONS))
with open("lying-size.qdpx", "r+b") as archive:
    data = bytearray(archive.read())
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = (100).to_bytes(4, "little")
    archive.seek(0)
    archive.write(data)
# A project document padded with 8 MiB of trailing spaces (well-formed XML), deflated to a few kB.
write("bomb.qdpx", project(SELECTIONS) + " " * (8 << 20))
with open("not-a-zip.qdpx", "w") as text:
    text.write("segment_id,themes\n")

# External sources: the text beside the project, not in it.
import os
os.makedirs("external", exist_ok=True)
with open("external/mini-interview.txt", "w", encoding="utf-8", newline="") as text:
    text.write(SOURCE)
write("external/relative.qdpx", project(SELECTIONS, WHOLE, plain_text_path="relative:///mini-interview.txt",
                                        base_path=' basePath="C:\\Users\\Ana\\QDA\\Sources"'), sources={})
write("external/absolute.qdpx", project(SELECTIONS, WHOLE, plain_text_path="absolute:///C:/Users/Ana/My%20Documents/mini-interview.txt"),
      sources={})
write("external/escape.qdpx", project(SELECTIONS, WHOLE, plain_text_path="relative:///../../../transcripts/mini.txt"), sources={})

# QualCoder's convention on text outside the BMP: positions are Python string indices (code points).
UNICODE = open("../../transcripts/unicode.txt", encoding="utf-8").read()
USRC = "5E000000-0000-0000-0000-0000000000DC"
UNICODE_SELECTIONS = "".join(
    selection(f"5E100000-0000-0000-0000-0000000000{index:02d}", words, code, user, source=UNICODE)
    for index, (words, code, user) in enumerate([
        ("trust us 👍🏽", "C0000000-0000-0000-0000-000000000004", ANA),
        ("the consent form is opt-in 𝒜𝒷𝒸", "C0000000-0000-0000-0000-000000000002", ANA),
        ("信任 matters", "C0000000-0000-0000-0000-000000000004", BEN),
        ("Ethics come first", "C0000000-0000-0000-0000-000000000003", ANA),
        ("nai\u0308ve or not 🙂.", "C0000000-0000-0000-0000-000000000003", BEN),
    ]))
unicode_project = project(UNICODE_SELECTIONS).replace(f'guid="{SRC}" name="mini" plainTextPath="internal://{SRC}.txt"',
                                                      f'guid="{USRC}" name="unicode" plainTextPath="internal://{USRC}.txt"')
write("unicode-qualcoder.qdpx", unicode_project, sources={f"sources/{USRC}.txt": UNICODE.encode("utf-8")})
for paragraph in ["They trust us", "Zoe\u0301 said", "Ethics come first"]:
    start = UNICODE.index(paragraph)
    end = UNICODE.index("\n", start)
    print(f"{paragraph!r}: code points {start}..<{end}, UTF-16 units {len(UNICODE[:start].encode('utf-16-le')) // 2}")
