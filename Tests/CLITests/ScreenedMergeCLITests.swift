import XCTest

/// `paradox summarize` + `paradox merge` of studies that screen their respondents and import their
/// waves: the rules that look at one row at a time screen each part, the participant flow's counts
/// add up exactly, and the merged report is the one-pass run's.
final class ScreenedMergeCLITests: CLITestCase {
    static let codebook = """
        title: C
        variables:
        - {name: id, label: ID, type: id}
        - {name: panel, label: Panel ID, type: text}
        - {name: Finished, label: Finished, type: flag}
        - {name: dur, label: Duration, type: duration}
        - {name: q1, label: Q1, type: likert, scale: [1, 5]}
        - {name: q2, label: Q2, type: likert, scale: [1, 5]}
        - {name: q3, label: Q3, type: likert, scale: [1, 5]}
        - {name: q4, label: Q4, type: likert, scale: [1, 5]}
        - {name: q5, label: Q5, type: likert, scale: [1, 5]}
        scales:
        - {name: S, items: [q1, q2, q3, q4, q5]}

        """

    /// Twelve respondents of equal line length, so shard 1 of 2 is rows 1–6: in each half one
    /// unfinished or speeder, one duplicate panel ID of a row in the same half, one straightliner.
    static let wave = """
        id,panel,Finished,dur,q1,q2,q3,q4,q5
        r01,P01,1,300,1,2,3,4,5
        r02,P02,0,300,2,3,4,5,1
        r03,P01,1,300,3,4,5,1,2
        r04,P04,1,050,4,5,1,2,3
        r05,P05,1,300,3,3,3,3,3
        r06,P06,1,300,5,4,3,2,1
        r07,P07,1,300,1,1,2,2,3
        r08,P08,1,090,2,2,3,3,4
        r09,P07,1,300,3,3,4,4,5
        r10,P10,1,300,4,4,4,4,4
        r11,P11,1,300,5,5,4,4,3
        r12,P12,1,300,1,3,5,3,1

        """

    static let screening = """
        screening:
          unfinished: true
          duplicates: {by: panel}
          speeders: {duration: dur, min_seconds: 100}
          straightliners: true
        analyses:
          descriptives: [q1, q5]
          reliability: [S]

        """

    private func folder(wave: String = wave) throws -> URL {
        let folder = try temporaryFolder()
        _ = try write(Self.codebook, to: "c.yml", in: folder)
        _ = try write(wave, to: "wave.csv", in: folder)
        _ = try write("title: T\ncodebook: c.yml\ndata: wave.csv\n" + Self.screening, to: "s.yml", in: folder)
        return folder
    }

    /// results.json without its run date.
    private func results(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
            .components(separatedBy: "\n").filter { !$0.contains("\"run_date\"") }.joined(separator: "\n")
    }

    func testShardsOfAScreenedWaveMergeToTheOnePassReport() throws {
        let folder = try folder()
        let onePass = try paradox(["run", "s.yml", "--out", "run"], in: folder)
        XCTAssertEqual(onePass.status, 0, onePass.stderr)
        for i in 1...2 {
            let part = try paradox(["summarize", "s.yml", "wave.csv", "--shard", "\(i)/2", "--out", "p\(i).json"], in: folder)
            XCTAssertEqual(part.status, 0, part.stderr)
            XCTAssertEqual(part.stdout, "Summarised \(i == 1 ? 2 : 3) rows of wave.csv#\(i)/2 into p\(i).json.\n")
        }
        let merge = try paradox(["merge", "s.yml", "p1.json", "p2.json", "--out", "merged"], in: folder)
        XCTAssertEqual(merge.status, 0, merge.stderr)
        // The flow's counts exactly; the statistics to rounding (co-moments merged), so the report is the run's.
        let run = try json(try results(folder.appendingPathComponent("run"))), merged = try json(try results(folder.appendingPathComponent("merged")))
        XCTAssertEqual(try JSONSerialization.data(withJSONObject: merged["screening"] as Any, options: .sortedKeys),
                       try JSONSerialization.data(withJSONObject: run["screening"] as Any, options: .sortedKeys))
        let report = try String(contentsOf: folder.appendingPathComponent("merged/report.md"), encoding: .utf8)
        XCTAssertEqual(report, try String(contentsOf: folder.appendingPathComponent("run/report.md"), encoding: .utf8))
        XCTAssertTrue(report.contains("""
            | Responses received |  | 12 | 12 |
            | Excluded: Did not finish | Finished is false | 1 | 11 |
            | Excluded: Duplicate | panel repeats an earlier respondent's | 2 | 9 |
            | Excluded: Speeder | dur below 100 s | 2 | 7 |
            | Excluded: Straightliner | one answer to every item of S | 2 | 5 |
            | Analysed |  | 5 | 5 |
            """), report)
    }

    /// A panel ID in both shards: the rule saw one in each, so the merge refuses them, naming the rule.
    func testADuplicateAcrossShardsIsRefusedByTheMerge() throws {
        let folder = try folder(wave: Self.wave.replacingOccurrences(of: "r11,P11", with: "r11,P01"))
        for i in 1...2 {
            XCTAssertEqual(try paradox(["summarize", "s.yml", "wave.csv", "--shard", "\(i)/2", "--out", "p\(i).json"], in: folder).status, 0)
        }
        let merge = try paradox(["merge", "s.yml", "p1.json", "p2.json", "--out", "merged"], in: folder)
        XCTAssertEqual(merge.status, 1)
        XCTAssertEqual(merge.stderr, "paradox: error: \(folder.appendingPathComponent("p2.json").path): 1 respondent ID of panel is also in "
                       + "\(folder.appendingPathComponent("p1.json").path) (expected each respondent in one summary only: the duplicates rule excludes "
                       + "a repeated panel within a part, not across parts; put a respondent's responses in one part, or run the study on the whole wave)\n")
    }

    /// What a part cannot do alone is refused by name: speeders against the median, duplicates by
    /// their answers, a shard of an export; a summary of other rules does not merge.
    func testWhatNeedsTheWholeWaveIsRefused() throws {
        let folder = try folder()
        for (rule, reason) in [
            ("speeders: {duration: dur}", "screens speeders against the median duration (with speeders: {min_seconds: …} instead, each part is screened alone)"),
            ("duplicates: {answers: true}", "screens duplicates by their answers (duplicates: {answers: true}), which a part cannot compare with another part's"),
        ] {
            _ = try write("title: T\ncodebook: c.yml\ndata: wave.csv\nscreening:\n  \(rule)\n", to: "m.yml", in: folder)
            let outcome = try paradox(["summarize", "m.yml", "wave.csv", "--out", "m.json"], in: folder)
            XCTAssertEqual(outcome.status, 1)
            XCTAssertEqual(outcome.stderr, "paradox: error: the study \(reason), which needs the whole wave (expected paradox run on the wave, not summaries of its parts)\n")
        }
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures/survey.sav"), to: folder.appendingPathComponent("survey.sav"))
        _ = try write("title: SAV\ndata: survey.sav\n", to: "sav.yml", in: folder)
        let shard = try paradox(["summarize", "sav.yml", "survey.sav", "--shard", "1/2", "--out", "x.json"], in: folder)
        XCTAssertEqual(shard.status, 1)
        XCTAssertEqual(shard.stderr, "paradox: error: survey.sav is a platform export, which cannot be cut into shards at byte offsets (--shard reads a plain CSV file; "
                       + "summarise the export whole, or each export of a part of the wave as a part of its own)\n")
        // Summarised under the rules of s.yml, merged under a study with another rule: another plan hash.
        XCTAssertEqual(try paradox(["summarize", "s.yml", "wave.csv", "--out", "p.json"], in: folder).status, 0)
        _ = try write("title: T\ncodebook: c.yml\ndata: wave.csv\n" + Self.screening.replacingOccurrences(of: "min_seconds: 100", with: "min_seconds: 60"), to: "s.yml", in: folder)
        let merge = try paradox(["merge", "s.yml", "p.json", "--out", "merged"], in: folder)
        XCTAssertEqual(merge.status, 1)
        XCTAssertTrue(merge.stderr.contains("p.json: made with another codebook or analysis plan"), merge.stderr)
    }

    /// An SPSS file whose codebook comes from its import, summarised whole (imported once) and merged:
    /// the one-pass numbers; the merged report says its content was not scanned here.
    func testAnExportIsSummarisedAndMerged() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures/survey.sav"), to: folder.appendingPathComponent("survey.sav"))
        _ = try write("title: SAV\ndata: survey.sav\n", to: "s.yml", in: folder)
        XCTAssertEqual(try paradox(["run", "s.yml", "--out", "run"], in: folder).status, 0)
        let part = try paradox(["summarize", "s.yml", "survey.sav", "--out", "p.json"], in: folder)
        XCTAssertEqual(part.status, 0, part.stderr)
        XCTAssertEqual(part.stdout, "Summarised 6 rows of survey.sav into p.json.\n")
        let merge = try paradox(["merge", "s.yml", "p.json", "--out", "merged"], in: folder)
        XCTAssertEqual(merge.status, 0, merge.stderr)
        let run = try json(try results(folder.appendingPathComponent("run")))
        let merged = try json(try results(folder.appendingPathComponent("merged")))
        XCTAssertEqual(try JSONSerialization.data(withJSONObject: run["waves"] as Any, options: .sortedKeys),
                       try JSONSerialization.data(withJSONObject: merged["waves"] as Any, options: .sortedKeys))
        XCTAssertEqual((merged["privacy"] as? [String: Any])?["unscanned_files"] as? [String], ["survey.sav"])
    }
}
