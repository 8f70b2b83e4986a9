import XCTest
@testable import SurveyData

final class DatasetTests: XCTestCase {
    let codebook = try! Codebook(yaml: YAMLValue(text: CodebookTests.yaml, file: "cb.yml"))
    static let header = "id,q1,q2,q3,age,income,note\n"

    func load(_ rows: String) throws -> Dataset {
        try Dataset.load(reader: CSVReader(bytes: Array((Self.header + rows).utf8), file: "wave.csv"), codebook: codebook)
    }

    func dataError(_ rows: String) -> DataError? {
        do { _ = try load(rows) } catch let error as DataError { return error } catch { XCTFail("\(error)") }
        return nil
    }

    func testLoadsAndCountsMissingByKind() throws {
        let data = try load(#"""
        r1,1,5,3,1,1200.5,"said ""no"""
        r2,Agree,98,-99,2,,
        r3, 5 ,,2,25+,NA,ok
        """#)
        XCTAssertEqual(data.rowCount, 3)
        guard case .likert(let q1) = try data.requireColumn("q1").values else { return XCTFail() }
        XCTAssertEqual(q1.codes, [1, 4, 5])
        let q2 = try data.requireColumn("q2")
        XCTAssertEqual(q2.missing.blank, 1)
        XCTAssertEqual(q2.missing.userMissing.map(\.count), [1, 0])
        XCTAssertEqual(try data.requireColumn("q3").missing.userMissing.map(\.count), [1])
        guard case .categorical(let age) = try data.requireColumn("age").values else { return XCTFail() }
        XCTAssertEqual(age.codes, [0, 1, 1])
        XCTAssertEqual(age.reference, 1)
        let income = try data.numericValues("income")
        XCTAssertEqual(income[0], 1200.5)
        XCTAssertTrue(income[1].isNaN && income[2].isNaN)
        guard case .text(let notes) = try data.requireColumn("note").values else { return XCTFail() }
        XCTAssertEqual(notes[0], "said \"no\"")
        // score = mean of q1, reversed q2, q3 with at least 2 answered
        let scores = try data.scores(of: codebook.scales[0])
        XCTAssertEqual(scores[0], (1 + 1 + 3) / 3)
        XCTAssertTrue(scores[1].isNaN)  // only q1 answered
        XCTAssertEqual(scores[2], 3.5)
    }

    /// Answers per scale point, counted 16 bytes at a time with lane counters added up every 255
    /// steps: the counts of a column of every length around those boundaries are the answers counted
    /// one by one (missing cells and codes outside the scale counted nowhere).
    func testLikertCountsAreTheAnswersCountedOneByOne() {
        var state: UInt64 = 20261123
        let answers: [Int8] = (0..<9000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let draw = Int(state >> 33) % 9
            return draw == 8 ? LikertValues.missing : draw == 7 ? 9 : Int8(draw)   // 0: no scale point
        }
        for count in [0, 1, 15, 16, 17, 255 * 16, 255 * 16 + 1, 4095, 4096, 4097, 9000] {
            let codes = Array(answers.prefix(count))
            let counts = LikertValues(codes: codes, scale: LikertScale(range: 1...7)).counts
            XCTAssertEqual(counts, (1...7).map { point in codes.filter { $0 == point }.count }, "\(count) answers")
        }
    }

    func testNonNumericLikert() {
        let error = dataError("r1,1,2,3,1,5,x\nr2,x,2,3,1,5,x\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 2)
        XCTAssertEqual(error?.columnName, "q1")
        XCTAssertEqual(error?.kind, .notNumeric(value: "x", expected: "a whole number from 1 to 5 or a missing code (98, 99)"))
    }

    func testLikertOutOfRange() {
        let error = dataError("r1,1,7,3,1,5,x\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.columnName, "q2")
        XCTAssertEqual(error?.kind, .outOfRange(value: "7", expected: "a whole number from 1 to 5 or a missing code (98, 99)"))
        XCTAssertEqual(dataError("r1,2.5,1,3,1,5,x\n")?.kind, .outOfRange(value: "2.5", expected: "a whole number from 1 to 5 or a missing code (98, 99)"))
    }

    /// A Likert cell is a number that is a whole scale point or a missing code, in any notation
    /// (R's `read.csv` reads 3.0 and 3e0 as 3), alike on the block loader's fast path and the
    /// sequential reader; anything else is an error naming the cell, on both paths.
    func testLikertNumbersInAnyNotationAgreeOnBothPaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("likert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func bothPaths(_ rows: String) throws -> [Result<[Int8], DataError>] {
            let url = folder.appendingPathComponent("wave.csv")
            try Data((Self.header + rows).utf8).write(to: url)
            let loaders: [() throws -> Dataset] = [
                { try Dataset.load(contentsOf: url, codebook: self.codebook) },
                { try Dataset.loadSequentially(reader: CSVReader(contentsOf: url), codebook: self.codebook) },
            ]
            return loaders.map { load in
                Result {
                    guard case .likert(let q1) = try load().requireColumn("q1").values else { return [] }
                    return q1.codes
                }.mapError { $0 as! DataError }
            }
        }
        let accepted = try bothPaths("r1,3.0,1,1,1,5,x\nr2,3e0,1,1,1,5,x\nr3,98.0,1,1,1,5,x\nr4,+4.00,1,1,1,5,x\nr5,2,1,1,1,5,x\n")
        XCTAssertEqual(try accepted[0].get(), [3, 3, LikertValues.missing, 4, 2])
        XCTAssertEqual(try accepted[1].get(), try accepted[0].get())
        for cell in ["3.5", "6.0", "1e300", "0x3"] {
            let results = try bothPaths("r1,2,1,1,1,5,x\nr2,\(cell),1,1,1,5,x\n")
            let expected = "a whole number from 1 to 5 or a missing code (98, 99)"
            let kind: DataError.Kind = cell == "0x3" ? .notNumeric(value: cell, expected: expected) : .outOfRange(value: cell, expected: expected)
            for result in results {
                guard case .failure(let error) = result else { XCTFail("\(cell) accepted"); continue }
                XCTAssertEqual(error.kind, kind)
                XCTAssertEqual(error.line, 3)
            }
        }
    }

    func testUnknownLevel() {
        let error = dataError("r1,1,2,3,3,5,x\n")
        XCTAssertEqual(error?.kind, .unknownLevel(value: "3", levels: ["1", "2"]))
        XCTAssertEqual(error?.column, 5)
    }

    func testNonNumericNumber() {
        XCTAssertEqual(dataError("r1,1,2,3,1,lots,x\n")?.kind, .notNumeric(value: "lots", expected: "a number or a missing code (98, 99)"))
    }

    func testDuplicateID() {
        let error = dataError("r1,1,2,3,1,5,x\nr2,1,2,3,1,5,x\nr1,1,2,3,1,5,x\n")
        XCTAssertEqual(error?.kind, .duplicateID(value: "r1", firstLine: 2))
        XCTAssertEqual(error?.line, 4)
    }

    func testRaggedRow() {
        let error = dataError("r1,1,2,3,1,5,x\nr2,1,2,3\n")
        XCTAssertEqual(error?.kind, .raggedRow(expected: 7, found: 4))
        XCTAssertEqual(error?.line, 3)
    }

    func testHeaderOnlyAndMissingColumn() {
        XCTAssertEqual(dataError("")?.kind, .headerOnly)
        let error: DataError? = {
            do { _ = try Dataset.load(reader: CSVReader(bytes: Array("id,q1\nr1,1\n".utf8), file: "w.csv"), codebook: codebook) }
            catch let e as DataError { return e } catch {}
            return nil
        }()
        XCTAssertEqual(error?.kind, .missingColumn("q2"))
    }

    func testInferenceWithoutCodebook() throws {
        let data = try Dataset.infer(reader: CSVReader(bytes: Array("a,b,c\n1,x,1\n2,y,2\n,x,oops\n4,,5\n".utf8), file: "f.csv"))
        XCTAssertEqual(try data.numericValues("a").filter { !$0.isNaN }, [1, 2, 4])
        guard case .categorical(let b) = try data.requireColumn("b").values else { return XCTFail() }
        XCTAssertEqual(b.levels.map(\.value), ["x", "y"])
        XCTAssertEqual(data.warnings.count, 1)
        XCTAssertTrue(data.warnings[0].contains("'c'") && data.warnings[0].contains("line 4"), data.warnings[0])
        do {
            _ = try data.numericValues("c")
            XCTFail("expected an error")
        } catch let error as DataError {
            XCTAssertEqual(error.line, 4)
            XCTAssertEqual(error.column, 3)
            XCTAssertEqual(error.kind, .notNumeric(value: "oops", expected: "a number in every cell of a column used as numeric"))
        }
    }
}
