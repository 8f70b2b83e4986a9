import XCTest
import Import
import SurveyData

/// SPSS and Stata files through ReadStat, on fixtures written by `Fixtures/make_spss_stata_fixtures.py`
/// (pyreadstat 1.3.8).
///
/// Expected metadata, by source:
/// - variable labels, value labels and missing definitions: Debian `extract_metadata` (readstat
///   1.1.8-1), `extract_metadata survey.sav survey.sav.metadata.json` (and `.dta`), committed beside
///   the fixtures; e.g. q1 `"missing": {"type": "DISCRETE", "values": [8, 9]}`, q2
///   `{"type": "RANGE", "low": -9, "high": -1}`, Stata q1 categories `.a` "Don't know", `.b` "Refused";
/// - measurement levels and cells: `pyreadstat.read_sav("survey.sav", user_missing=True)`:
///   measures id nominal, q1 ordinal, q2 ordinal, gender nominal, income scale, comment nominal;
///   q1 = 1, 5, 8, 9, 4, NaN; q2 = 2, −9, 3, −1, 5, 4; Stata q1 = 1, "a", 4, "b", 3;
/// - dates: `pyreadstat.read_sav` / `read_dta` decode `started` (format DATETIME20; raw seconds from
///   Debian `readstat survey.sav -`, e.g. 13928663702) as 2024-03-01 09:15:02, 2024-03-01 10:02:40,
///   2024-03-02 18:44:09, 1999-12-31 23:59:59, 2024-02-29 00:00:00, NaT, and `interviewed` (%td; raw
///   23436, 0, −1, ., 23435) as 2024-03-01, 1960-01-01, 1959-12-31, NaN, 2024-02-29.
final class StatisticalImportTests: XCTestCase {
    func fixture(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    static let agree = [1: "Strongly disagree", 2: "Disagree", 3: "Neither", 4: "Agree", 5: "Strongly agree"]

    func testSPSSKeepsLabelsMissingReasonsAndMeasurementLevels() throws {
        let url = try fixture("survey.sav")
        XCTAssertEqual(try ImportFormat.detect(url), .spss)
        let survey = try ImportFormat.spss.read(url)
        let book = survey.codebook
        XCTAssertEqual(book.title, "Privacy survey wave 3")
        XCTAssertEqual(book.variables.map(\.name), ["id", "q1", "q2", "gender", "income", "comment", "started"])
        XCTAssertEqual(book.variables.map(\.label), ["Respondent", "I worry about my data", "Firms use my data fairly", "Gender",
                                                     "Monthly income (EUR)", "Any comments?", "Start of the interview"])
        XCTAssertEqual(book.variable(named: "started")?.kind, .date)
        XCTAssertEqual(book.variable(named: "q1")?.kind, .likert(LikertScale(range: 1...5, valueLabels: Self.agree)))
        XCTAssertEqual(book.variable(named: "q1")?.missingCodes, [MissingCode(value: 8, label: "Don't know"), MissingCode(value: 9, label: "Refused")])
        XCTAssertEqual(book.variable(named: "q2")?.missingCodes,
                       [MissingCode(value: -9, label: "Refused"), MissingCode(value: -8, label: "Don't know"), MissingCode(value: -1, label: "Not applicable")])
        XCTAssertEqual(book.variable(named: "gender")?.kind, .categorical(levels: [Level(value: "1", label: "Woman"), Level(value: "2", label: "Man"),
                                                                                  Level(value: "3", label: "Another gender")], reference: 0))
        XCTAssertEqual(book.variable(named: "income")?.kind, .numeric)
        XCTAssertEqual(book.variable(named: "income")?.missingCodes, [MissingCode(value: 99999, label: "Refused")])
        XCTAssertEqual(book.variable(named: "comment")?.kind, .text)
        XCTAssertEqual(String(decoding: survey.dataCSV, as: UTF8.self), """
            id,q1,q2,gender,income,comment,started
            r1,1,2,1,1200.5,gut,2024-03-01 09:15:02
            r2,5,-9,2,2500,,2024-03-01 10:02:40
            r3,8,3,2,99999,trop cher,2024-03-02 18:44:09
            r4,9,-1,3,3100,個人情報,1999-12-31 23:59:59
            r5,4,5,1,,"fine, ""ok\""",2024-02-29 00:00:00
            r6,,4,2,1800,,

            """)

        // Through the data path: each reason counted apart from the others and from blank cells.
        let data = try Dataset.load(reader: CSVReader(bytes: survey.dataCSV, file: "d.csv"),
                                    codebook: Codebook(yaml: YAMLValue(text: book.yamlText(), file: "c.yml")))
        XCTAssertEqual(data.column(named: "q1")?.missing.userMissing.map(\.count), [1, 1])
        XCTAssertEqual(data.column(named: "q1")?.missing.blank, 1)
        XCTAssertEqual(data.column(named: "q2")?.missing.userMissing.map(\.count), [1, 0, 1])
        XCTAssertEqual(data.column(named: "income")?.numericValues?.filter { !$0.isNaN }, [1200.5, 2500, 3100, 1800])
    }

    func testZSAVReadsAsTheSAV() throws {
        let sav = try ImportFormat.spss.read(fixture("survey.sav"))
        let zsav = try fixture("survey.zsav")
        XCTAssertEqual(try ImportFormat.detect(zsav), .spss)
        let compressed = try ImportFormat.spss.read(zsav)
        XCTAssertEqual(compressed.codebook, sav.codebook)
        XCTAssertEqual(compressed.dataCSV, sav.dataCSV)
    }

    func testStataExtendedMissingValuesKeepTheirLabels() throws {
        let url = try fixture("survey.dta")
        XCTAssertEqual(try ImportFormat.detect(url), .stata)
        let survey = try ImportFormat.stata.read(url)
        let q1 = try XCTUnwrap(survey.codebook.variable(named: "q1"))
        XCTAssertEqual(q1.missingCodes, [MissingCode(letter: "a", label: "Don't know"), MissingCode(letter: "b", label: "Refused")])
        XCTAssertEqual(q1.kind, .categorical(levels: Self.agree.sorted { $0.key < $1.key }.map { Level(value: String($0.key), label: $0.value) }, reference: 0))
        XCTAssertEqual(survey.codebook.variable(named: "age")?.kind, .numeric)
        XCTAssertEqual(survey.codebook.variable(named: "interviewed")?.kind, .date)
        XCTAssertEqual(String(decoding: survey.dataCSV, as: UTF8.self),
                       "id,q1,gender,age,interviewed\nr1,1,1,34,2024-03-01\nr2,.a,2,51,1960-01-01\nr3,4,2,,1959-12-31\nr4,.b,1,27,\nr5,3,2,63,2024-02-29\n")

        let written = try survey.codebook.yamlText()
        XCTAssertTrue(written.contains(".a: Don't know"), written)
        let data = try Dataset.load(reader: CSVReader(bytes: survey.dataCSV, file: "d.csv"),
                                    codebook: Codebook(yaml: YAMLValue(text: written, file: "c.yml")))
        XCTAssertEqual(data.column(named: "q1")?.missing.userMissing.map(\.count), [1, 1])
        XCTAssertEqual(data.column(named: "q1")?.missing.blank, 0)
    }

    func testTruncatedSAVIsAnErrorNamingHowFarItGot() throws {
        let url = try fixture("survey-truncated.sav")
        XCTAssertThrowsError(try ImportFormat.spss.read(url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): cannot read the file: ReadStat: File did not contain the expected number of rows; stopped after row 5 of 6, variable started (expected a complete SPSS .sav/.zsav file)")
        }
    }

    /// `survey-weighted.sav` is survey.sav with the header's weight_index set to income (see the script).
    func testSPSSFrequencyWeightBecomesTheCodebooksWeight() throws {
        let weighted = try ImportFormat.spss.read(fixture("survey-weighted.sav")).codebook
        XCTAssertEqual(weighted.weight, "income")
        XCTAssertEqual(try Codebook(yaml: YAMLValue(text: weighted.yamlText(), file: "c.yml")), weighted)
        XCTAssertNil(try ImportFormat.spss.read(fixture("survey.sav")).codebook.weight)
    }
}
