import Foundation
import TestSupport
import XCTest
@testable import Study
import SurveyData
import SurveyStats

/// Issue 16: summary files are untrusted input. Each case below crashed `paradox merge` (the site
/// is named) or was accepted as nonsense; each now goes through the path the command takes —
/// ``WaveSummaryFile/merged(_:expecting:)`` reading and checking every file, then
/// ``StudyRunner/analyse(_:merged:)`` — and must be refused with the file, the key and what was
/// expected.
final class WaveSummaryFileTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let study = root.appendingPathComponent("Codebooks/privacy-paradox.study.yml")

    var folder: URL!
    var identity: SummaryIdentity!
    var lines: [Substring] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-file-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        identity = try SummaryIdentity(StudyPlan.load(from: Self.study))
        lines = try String(contentsOf: identity.plan.data[0].url, encoding: .utf8).split(separator: "\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The summary file of data rows `rows` (0-based) of the bundled wave, as `paradox summarize` makes it.
    func summaryFile(_ rows: Range<Int>, name: String) throws -> URL {
        let part = folder.appendingPathComponent("\(name).csv")
        try (([lines[0]] + lines[(rows.lowerBound + 1)..<(rows.upperBound + 1)]).joined(separator: "\n") + "\n")
            .write(to: part, atomically: true, encoding: .utf8)
        let file = try StudyRunner.summarize(identity, part: FileReference(written: part.path, relativeTo: folder))
        let url = folder.appendingPathComponent("\(name).summary.json")
        try file.encoded().write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A copy of the summary file at `url` with the JSON values at `edits`' paths replaced.
    func edited(_ url: URL, name: String, _ edits: [([Any], Any)]) throws -> URL {
        func set(_ node: Any, _ path: ArraySlice<Any>, _ value: Any) -> Any {
            guard let key = path.first else { return value }
            if let key = key as? String, var object = node as? [String: Any] {
                object[key] = set(object[key] as Any, path.dropFirst(), value)
                return object
            }
            var array = node as! [Any]
            array[key as! Int] = set(array[key as! Int], path.dropFirst(), value)
            return array
        }
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        for (path, value) in edits { json = set(json, path[...], value) }
        let copy = folder.appendingPathComponent("\(name).summary.json")
        try JSONSerialization.data(withJSONObject: json).write(to: copy)
        return copy
    }

    /// Merges and analyses the files as `paradox merge` does.
    func merge(_ urls: [URL]) throws -> StudyResult {
        guard let merged = try WaveSummaryFile.merged(urls, expecting: identity) else { throw XCTSkip("no files") }
        return try StudyRunner.analyse(identity, merged: merged)
    }

    func assertRefused(_ urls: [URL], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try merge(urls), file: file, line: line) { error in
            XCTAssertTrue(error is WaveSummaryFileError, "\(type(of: error)): \(error)", file: file, line: line)
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
    }

    func testNegativeRowsAreRefused() throws {
        // Was accepted: "96 respondents".
        let good = try summaryFile(0..<100, name: "a")
        let bad = try edited(try summaryFile(100..<200, name: "b"), name: "bad", [(["summary", "rows"], -5)])
        assertRefused([good, bad], "\(bad.path): at summary.rows: expected 0 or more rows, found -5")
    }

    func testTallyValuesOffTheScaleAreRefused() throws {
        // Was accepted: values 200–500 on a 1–5 item gave M = 210.2.
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "tallies", 0, "summary", "values"], [200, 300, 400, 500])])
        assertRefused([bad], "\(bad.path): at summary.tallies[0] (PC1).summary.values: expected values of PC1 (1, 2, 3, 4, 5), found 200")
    }

    func testValuesAndCountsOfDifferentLengthsAreRefused() throws {
        // Crashed: index out of range, ValueTally.swift:81 (merging).
        let good = try summaryFile(0..<100, name: "a")
        let bad = try edited(good, name: "bad", [(["summary", "tallies", 0, "summary", "values"], [1, 2, 3, 4, 5])])
        assertRefused([good, bad], "\(bad.path): not a Paradox wave summary: at .summary.tallies[0].summary.counts: expected one count per value (5), found 4")
    }

    func testNegativeTallyCountsAreRefused() throws {
        // Crashed: precondition failure in NormalRange/LogTrapezoid for a count of −1.
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "tallies", 0, "summary", "counts"], [-1, 12, 47, 38])])
        assertRefused([bad], "\(bad.path): not a Paradox wave summary: at .summary.tallies[0].summary.counts: expected positive counts, found -1")
    }

    func testTallyCountsBeyondIntAreRefused() throws {
        // Crashed: arithmetic overflow, Moments.swift:95.
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "tallies", 0, "summary", "counts"], [Int.max, Int.max, 47, 38])])
        assertRefused([bad], "\(bad.path): not a Paradox wave summary: at .summary.tallies[0].summary.counts: expected at most \(Int.max) cases in all, found more")
    }

    func testLevelCountsBeyondIntAreRefused() throws {
        // Crashed: arithmetic overflow, Frequencies.swift:61.
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "columns", 1, "levels"], [Int.max, 27, 24, 29])])
        assertRefused([bad], "\(bad.path): at summary.columns[1]: expected blank, user-missing and answered cells adding up to the 100 rows, found more than \(Int.max)")
    }

    func testLevelCountsThatDoNotAddUpAreRefused() throws {
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "columns", 1, "levels"], [20, 27, 24])])
        assertRefused([bad], "\(bad.path): at summary.columns[1].levels: expected 4 counts (one per level), found 3")
    }

    func testRegressionCountsBeyondIntAreRefused() throws {
        // Crashed: arithmetic overflow, RowTally.swift:34 (a count past Int.max, and counts adding past it).
        let a = try summaryFile(0..<100, name: "a")
        var bad = try edited(a, name: "bad", [(["summary", "regressions", 0, "summary", "rows", 0], "0 3 6: 9223372036854775808")])
        assertRefused([bad], "\(bad.path): not a Paradox wave summary: at .summary.regressions[0].summary.rows: "
                      + "row 0 is \"0 3 6: 9223372036854775808\", expected 3 codes, a colon and a count (e.g. \"0 1: 4\" for two columns)")
        bad = try edited(a, name: "bad", [(["summary", "regressions", 0, "summary", "rows", 0], "0 3 6: 9223372036854775807")])
        assertRefused([bad], "\(bad.path): not a Paradox wave summary: at .summary.regressions[0].summary.rows: expected at most \(Int.max) cases in all, found more")
    }

    func testRegressionCountsThatDoNotAddUpAreRefused() throws {
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "regressions", 0, "summary", "excluded"], 7)])
        XCTAssertThrowsError(try merge([bad])) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(bad.path): at summary.regressions[0] (concern_model).summary: expected complete and excluded cases adding up to the 100 rows, found"), "\(error)")
        }
    }

    /// Issue 13, point 7: the hashes of respondent IDs a summary carries are checked too.
    func testCraftedIDHashesAreRefused() throws {
        let a = try summaryFile(0..<100, name: "a")
        func base64(_ hashes: [UInt64]) -> String {
            Data(hashes.flatMap { hash in (0..<8).reversed().map { UInt8(truncatingIfNeeded: hash >> (8 * $0)) } }).base64EncodedString()
        }
        let path = ["summary", "idHashes", 0, "summary"] as [Any]
        var bad = try edited(a, name: "bad", [(path, "not base64!")])
        assertRefused([bad], "\(bad.path): not a Paradox wave summary: at .summary.idHashes[0].summary: expected base64 of whole 8-byte hashes")
        bad = try edited(a, name: "bad", [(path, base64([5, 3]))])
        assertRefused([bad], "\(bad.path): not a Paradox wave summary: at .summary.idHashes[0].summary: expected ascending, distinct hashes of respondent IDs (none 0)")
        bad = try edited(a, name: "bad", [(path, base64(Array(1...101)))])
        assertRefused([bad], "\(bad.path): at summary.idHashes[0] (respondent_id).summary: expected at most the 100 rows' hashes (one per respondent), found 101")
        bad = try edited(a, name: "bad", [(["summary", "idHashes"], [])])
        assertRefused([bad], "\(bad.path): at summary.idHashes: expected 1 hash lists (one per ID column of the codebook), found 0")
        // Overlapping parts: rows 50–99 in both.
        XCTAssertThrowsError(try merge([a, try summaryFile(50..<150, name: "b")])) { error in
            XCTAssertEqual(error as? RepeatedRespondentsError, RepeatedRespondentsError(file: folder.appendingPathComponent("b.summary.json").path,
                                                                                        earlierFile: a.path, column: "respondent_id", count: 50))
        }
    }

    func testAsymmetricCoMomentsAreRefused() throws {
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "reliability", 0, "summary", "co_moments", 1], 3.5)])
        XCTAssertThrowsError(try merge([bad])) { error in
            XCTAssertTrue("\(error)".contains("at .summary.reliability[0].summary.co_moments: expected a symmetric matrix, found C[0][1] = 3.5"), "\(error)")
        }
    }

    func testMeansOffTheScaleAreRefused() throws {
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "reliability", 0, "summary", "means", 0], 7.5)])
        assertRefused([bad], "\(bad.path): at summary.reliability[0] (privacy_concern).summary.means[0]: expected a mean of PC1 between 1 and 5, found 7.5")
    }

    /// Two summaries of all 200 rows with every count multiplied by ⌊Int.max/200⌋: each is valid, but
    /// their rows add up past `Int.max`. Crashed: arithmetic overflow, WaveSummary.swift:102.
    func testRowsAddingUpPastIntMaxAreRefused() throws {
        let whole = try summaryFile(0..<200, name: "whole")
        let k = Int.max / 200
        func scaled(_ node: Any, key: String?) -> Any {
            let counts: Set<String> = ["rows", "blank", "userMissing", "counts", "missing", "n", "incomplete", "excluded", "cases_without_level", "count"]
            switch node {
            case let object as [String: Any]: return object.reduce(into: [String: Any]()) { $0[$1.key] = scaled($1.value, key: $1.key) }
            case let strings as [String] where key == "rows":
                return strings.map { row in
                    let parts = row.split(separator: ":")
                    return "\(parts[0]): \(Int(parts[1].dropFirst())! * k)"
                }
            case let numbers as [Double] where key == "co_moments": return numbers.map { $0 * Double(k) }
            case let numbers as [Int] where key == "levels": return numbers.map { $0 * k }
            case let array as [Any]: return array.map { scaled($0, key: key) }
            case let number as Int where counts.contains(key ?? ""): return number * k
            default: return node
            }
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: whole)) as! [String: Any]
        let huge = folder.appendingPathComponent("huge.summary.json")
        try JSONSerialization.data(withJSONObject: json.merging(["summary": scaled(json["summary"]!, key: nil)]) { $1 }).write(to: huge)
        // Sealed with the hash of its scaled summary, as a file crafted on purpose would be: the
        // validation, not the hash, must catch it.
        try JSONDecoder().decode(WaveSummaryFile.self, from: Data(contentsOf: huge)).encoded().write(to: huge, atomically: true, encoding: .utf8)
        XCTAssertEqual(try WaveSummaryFile.merged([huge], expecting: identity)?.summary.rows, 200 * k)
        assertRefused([huge, huge], "\(huge.path): cannot be merged with the files before it: the summaries hold more than \(Int.max) rows together")
    }

    /// Issue 13, point 7: a summary carries a content hash; an edit that leaves a valid summary
    /// (here a count moved from one level to another) is caught by it.
    func testEditedSummaryIsRefusedByItsContentHash() throws {
        let a = try summaryFile(0..<100, name: "a")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: a)) as? [String: Any])
        let levels = try XCTUnwrap(((json["summary"] as? [String: Any])?["columns"] as? [[String: Any]])?[1]["levels"] as? [Int])
        let bad = try edited(a, name: "bad", [(["summary", "columns", 1, "levels"], [levels[0] + 1, levels[1] - 1] + levels.dropFirst(2))])
        let hash = try XCTUnwrap(json["content_sha256"] as? String)
        let file = try JSONDecoder().decode(WaveSummaryFile.self, from: Data(contentsOf: bad))
        assertRefused([bad], "\(bad.path): content_sha256 \(hash) does not match the summary (its hash is \(try WaveSummaryFile.contentHash(of: file.summary))): "
                      + "the file was edited or damaged after paradox summarize wrote it; summarise the part again")
        // The file as written passes, and its hash is that of its summary.
        XCTAssertEqual(hash, try WaveSummaryFile.contentHash(of: WaveSummaryFile.read(a, expecting: identity).summary))
    }

    func testSummaryOfAnotherPlanIsRefused() throws {
        let good = try summaryFile(0..<100, name: "a")
        var plan = identity.plan
        plan.analyses[AnovaSettings.self].anovas.removeLast()
        let other = try SummaryIdentity(plan)
        XCTAssertNotEqual(other.planHash, identity.planHash)
        XCTAssertThrowsError(try WaveSummaryFile.merged([good], expecting: other)) { error in
            XCTAssertEqual("\(error)", "\(good.path): made with another codebook or analysis plan (plan_sha256 \(identity.planHash), expected "
                           + "\(other.planHash) for privacy-paradox.codebook.yml and this study's analyses); summarise the part again with this study file")
        }
    }

    func testLongValuesInMessagesAreBounded() throws {
        let bad = try edited(try summaryFile(0..<100, name: "a"), name: "bad", [(["summary", "columns", 0, "name"], String(repeating: "x", count: 10_000))])
        assertRefused([bad], "\(bad.path): at summary.columns[0].name: expected 'respondent_id', found '\(String(repeating: "x", count: 80))…'")
    }
}
