import XCTest

/// The Privacy gate through `paradox run` (issue 15, points 1 and 3): personal-data columns dropped
/// and reported, kept only when the study file says so, small cells suppressed with complementary
/// suppression, statistics over all respondents unchanged.
final class PrivacyCLITests: CLITestCase {
    static let codebook = """
        title: Privacy fixture
        variables:
          - {name: respondent_id, label: Respondent, type: id}
          - {name: IPAddress, label: IP address, type: text, pii: true}
          - {name: contact, label: Contact, type: text}
          - {name: phone, label: Phone, type: text}
          - {name: location, label: Location, type: text}
          - {name: comment, label: Comment, type: text}
          - {name: q1, label: Q1, type: likert, scale: [1, 5]}
          - name: group
            label: Group
            type: categorical
            levels:
              - {value: a, label: A}
              - {value: b, label: B}
              - {value: c, label: C}

        """

    /// 20 respondents. q1 counts 2, 0, 5, 6, 7 over 1…5; groups a 8, b 9, c 3. Every other `contact`
    /// is an e-mail address (the others blank), `phone` holds 5 phone numbers and 15 "n/a",
    /// `location` 10 coordinate pairs and 10 "Berlin", `IPAddress` (typed pii) 20 IPv4 addresses.
    static var wave: String {
        let q1 = [1, 3, 4, 5, 3, 4, 5, 1, 4, 5, 3, 4, 5, 3, 4, 5, 3, 5, 5, 4]
        let group = [String](repeating: "a", count: 8) + [String](repeating: "b", count: 9) + [String](repeating: "c", count: 3)
        var lines = ["respondent_id,IPAddress,contact,phone,location,comment,q1,group"]
        for i in 0..<20 {
            let contact = i % 2 == 0 ? "person\(i)@example.org" : ""
            let phone = i < 5 ? "+44 20 7946 0\(String(format: "%03d", i))" : "n/a"
            let location = i < 10 ? "\"52.52\(String(format: "%03d", i)), 13.40\(String(format: "%03d", i))\"" : "Berlin"
            lines.append("R\(String(format: "%03d", i + 1)),192.0.2.\(i + 1),\(contact),\(phone),\(location),fine,\(q1[i]),\(group[i])")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let analyses = """
        analyses:
          descriptives: [q1]
          frequencies: [q1, group]
          anovas:
            - {name: q1_by_group, dependent: q1, factor: group}

        """

    /// Runs the fixture study with `privacy` appended to the study file; returns the output folder.
    func runFixture(privacy: String = "") throws -> (outcome: Outcome, out: URL) {
        let folder = try temporaryFolder()
        _ = try write(Self.codebook, to: "codebook.yml", in: folder)
        _ = try write(Self.wave, to: "wave.csv", in: folder)
        let study = try write("title: Privacy fixture\ncodebook: codebook.yml\ndata: wave.csv\n" + Self.analyses + privacy,
                              to: "study.yml", in: folder)
        let out = folder.appendingPathComponent("out")
        return (try paradox(["run", study.path, "--out", out.path, "--quiet"]), out)
    }

    func read(_ path: String, in out: URL) throws -> String {
        try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every byte of every file written, concatenated (to look for values that must not leak).
    func everything(in out: URL) throws -> String {
        try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted().compactMap { path in
            try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }.joined(separator: "\n")
    }

    func testPersonalColumnsAreDroppedAndReported() throws {
        let (outcome, out) = try runFixture()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try read("report.md", in: out)
        XCTAssertTrue(report.contains("""
            ## Privacy

            Column IPAddress is left out of every table and file: typed pii in the codebook; 20 of 20 sampled cells of wave.csv look like IP addresses (100.0%).

            Column contact is left out of every table and file: 10 of 10 sampled cells of wave.csv look like e-mail addresses (100.0%).

            Column phone is left out of every table and file: 5 of 20 sampled cells of wave.csv look like phone numbers (25.0%).

            Column location is left out of every table and file: 10 of 20 sampled cells of wave.csv look like GPS coordinates (50.0%).

            Counts from 1 to 4 are shown as "< 5": 3 small cells in 3 tables, and 3 further cells hidden so that they cannot be recovered from the totals. Statistics are computed over all respondents.

            ## Data Quality
            """), report)
        XCTAssertEqual(try read("csv/01_data_quality.csv", in: out), """
            variable,valid,blank,percent_missing
            respondent_id,20,0,0.0
            comment,20,0,0.0
            q1,20,0,0.0
            group,20,0,0.0

            """)
        let json = try self.json(read("results.json", in: out))
        let privacy = try XCTUnwrap(json["privacy"] as? [String: Any])
        let dropped = try XCTUnwrap(privacy["dropped"] as? [[String: Any]])
        XCTAssertEqual(dropped.map { $0["name"] as? String }, ["IPAddress", "contact", "phone", "location"])
        XCTAssertEqual(dropped.map { $0["codebook_pii"] as? Bool }, [true, false, false, false])
        let all = try everything(in: out)
        for planted in ["192.0.2.", "@example.org", "7946", "52.52", "IPAddress\",\"valid", "location,20"] {
            XCTAssertFalse(all.contains(planted), planted)
        }
    }

    func testAKeptColumnCarriesAWarning() throws {
        let (outcome, out) = try runFixture(privacy: "privacy:\n  keep: [contact]\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try read("report.md", in: out)
        XCTAssertTrue(report.contains("\n\nWARNING: column contact is personal data (10 of 10 sampled cells of wave.csv look like e-mail addresses (100.0%)) and is kept because the study file says privacy: {keep: [contact]}.\n\n"), report)
        XCTAssertFalse(report.contains("Column contact is left out"), report)
        XCTAssertTrue(try read("csv/01_data_quality.csv", in: out).contains("\ncontact,10,10,50.0\n"))
    }

    /// q1: 2 answers of 1 (small), 0 of 2 (hidden to protect it); group c has 3 (small), a the next
    /// smallest (8). Shown counts, percentages and group statistics are the unsuppressed ones.
    func testSmallCellsAreSuppressedWithTheirComplement() throws {
        let (outcome, out) = try runFixture()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try read("csv/03_frequencies_q1.csv", in: out), """
            value,label,count,percent,valid_percent,cumulative_percent
            1,1,< 5,,,
            2,2,[c],,,
            3,3,5,25.0,25.0,35.0
            4,4,6,30.0,30.0,65.0
            5,5,7,35.0,35.0,100.0
            ,Total,20,100.0,,

            """)
        XCTAssertEqual(try read("csv/04_frequencies_group.csv", in: out), """
            value,label,count,percent,valid_percent,cumulative_percent
            a,A,[c],,,
            b,B,9,45.0,45.0,
            c,C,< 5,,,
            ,Total,20,100.0,,

            """)
        // Group means from the data: a = (1+3+4+5+3+4+5+1)/8 = 3.25; b = (4+5+3+4+5+3+4+5+3)/9 = 4.
        let groups = try read("csv/05_anova_q1_by_group_groups.csv", in: out).components(separatedBy: "\n")
        XCTAssertEqual(groups[0], "level,n,mean,sd,std_error,conf_low,conf_high")
        XCTAssertTrue(groups[1].hasPrefix("A,[c],3.25,"), groups[1])
        XCTAssertTrue(groups[1].hasSuffix(",,,"), groups[1])
        XCTAssertTrue(groups[2].hasPrefix("B,9,4.0,"), groups[2])
        XCTAssertEqual(groups[3], "C,< 5,,,,,")
        let report = try read("report.md", in: out)
        XCTAssertTrue(report.contains("*Note.* Counts from 1 to 4 are shown as \"< 5\" to protect respondents; \"[c]\": a count hidden so that they cannot be recovered from the total. Pairwise comparisons with these groups are left out."), report)
        XCTAssertFalse(report.contains("Tukey"), "every pair involves a hidden group")
        // The ANOVA itself is over all 20 respondents.
        let json = try self.json(read("results.json", in: out))
        let wave = try XCTUnwrap((json["waves"] as? [[String: Any]])?.first)
        let anova = try XCTUnwrap(((wave["anovas"] as? [[String: Any]])?.first?["result"]) as? [String: Any])
        XCTAssertEqual(anova["nobs"] as? Int, 20)
        XCTAssertEqual((anova["groups"] as? [[String: Any]])?.map { "\($0["n"] ?? "")" }, ["[c]", "9", "< 5"])
        let q1 = try XCTUnwrap((wave["frequencies"] as? [[String: Any]])?.first)
        XCTAssertEqual((q1["levels"] as? [[String: Any]])?.map { "\($0["count"] ?? "")" }, ["< 5", "[c]", "5", "6", "7"])
        XCTAssertTrue(q1["top2_box"] is Double)
    }

    func testMinCellIsConfigurable() throws {
        let (outcome, out) = try runFixture(privacy: "privacy:\n  min_cell: 3\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(try read("csv/03_frequencies_q1.csv", in: out).hasPrefix("value,label,count,percent,valid_percent,cumulative_percent\n1,1,< 3,,,\n2,2,[c],,,\n"))
        XCTAssertEqual(try read("csv/04_frequencies_group.csv", in: out), """
            value,label,count,percent,valid_percent,cumulative_percent
            a,A,8,40.0,40.0,40.0
            b,B,9,45.0,45.0,85.0
            c,C,3,15.0,15.0,100.0
            ,Total,20,100.0,,

            """)
    }

    func testPrivacyBlockErrorsNameTheirLine() throws {
        for (block, message) in [
            ("privacy:\n  min_cell: 0\n", "study.yml:10:13: privacy.min_cell: 0 (expected a whole number from 1 to 1000)"),
            ("privacy:\n  keep: [nosuch]\n", "study.yml:10:10: privacy keeps 'nosuch', which is not a variable of the codebook"),
            ("privacy:\n  min_cel: 3\n", "study.yml:10:3: privacy.min_cel: unknown key 'min_cel' (expected one of: id_key_env, k, keep, min_cell, names, quasi_identifiers)"),
            ("privacy:\n  min_cell: many\n", "study.yml:10:13: privacy.min_cell"),
            ("privacy:\n  id_key_env: \"A B\"\n", "study.yml:10:15: privacy.id_key_env: 'A B' (expected the name of an environment variable: letters, digits and _)"),
        ] {
            let (outcome, out) = try runFixture(privacy: block)
            XCTAssertEqual(outcome.status, 1, block)
            XCTAssertTrue(outcome.stderr.contains(message), "\(block): \(outcome.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
    }

    /// A Likert item typed pii is read as text, so it cannot be a scale's item: the codebook check says
    /// so at the item's line rather than the run failing on the scale's score.
    func testAPersonalItemInAScaleIsRefusedAtItsLine() throws {
        let folder = try temporaryFolder()
        let bundled = try String(contentsOf: Self.packageRoot.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml"), encoding: .utf8)
        let codebook = bundled.replacingOccurrences(of: "{name: PC1, type: likert, scale: [1, 5], labels: agree5,",
                                                    with: "{name: PC1, type: likert, scale: [1, 5], labels: agree5, pii: true,")
        XCTAssertNotEqual(codebook, bundled)
        _ = try write(codebook, to: "codebook.yml", in: folder)
        let study = try write("title: T\ncodebook: codebook.yml\ndata: \(Self.packageRoot.path)/Data/wave1.csv\n", to: "study.yml", in: folder)
        let outcome = try paradox(["run", study.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        let line = codebook.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("name: privacy_concern") }! + 1
        XCTAssertTrue(outcome.stderr.contains("codebook.yml:\(line):"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("item 'PC1' is personal data (pii: true), which is read as text and never scored"), outcome.stderr)
    }

    /// The bundled interviews with `privacy: {id_key_env: …}`: every interviewee ID in the outputs is
    /// its keyed pseudonym, and an e-mail address and a phone number planted in a turn are redacted. Expected values:
    /// `printf P01 | openssl dgst -sha256 -hmac 'correct horse battery staple'` (OpenSSL 3.0.19) →
    /// f2064b48e8a77ece1a4784b8e62138c35cd780391afeb7356de129d69e7a0189; P12 →
    /// b8fcdf5524319707d0d4cd228b725c89d95575813adab66270e7f78e55b8947f (the first 16 hex digits are used).
    func testInterviewIDsArePseudonymisedAndQuotesRedacted() throws {
        let folder = try temporaryFolder()
        let root = Self.packageRoot.path
        // The bundled interviews, P01 giving an e-mail address and a phone number in a turn of their own.
        let interviews = folder.appendingPathComponent("interviews")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Data/interviews"), to: interviews)
        let first = interviews.appendingPathComponent("INT01.txt")
        try (String(contentsOf: first, encoding: .utf8) + "\nP01: Write to anna.k@example.com or call +49 30 1234 5678 if you need more.\n")
            .write(to: first, atomically: true, encoding: .utf8)
        let study = try write("""
            title: Interviews
            codebook: \(root)/Codebooks/privacy-paradox.codebook.yml
            data: \(root)/Data/wave1.csv
            analyses:
              descriptives: [PC1]
              frequencies: [PC1]
              reliability: []
              correlations: []
            interviews:
              transcripts: interviews/INT*
              codebook: \(root)/Codebooks/themes.yml
              participants: interviews/participants.csv
              unit: turn
            privacy:
              id_key_env: PARADOX_TEST_ID_KEY

            """, to: "study.yml", in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["run", study.path, "--out", out.path, "--quiet"],
                                  environment: ["PARADOX_TEST_ID_KEY": "correct horse battery staple"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let json = try self.json(read("results.json", in: out))
        let summary = try XCTUnwrap((json["interviews"] as? [String: Any])?["summary"] as? [String: Any])
        let ids = try XCTUnwrap((summary["participants"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        XCTAssertEqual(ids.count, 12)
        XCTAssertEqual(ids.first, "f2064b48e8a77ece")
        XCTAssertEqual(ids.last, "b8fcdf5524319707")
        let report = try read("report.md", in: out)
        XCTAssertTrue(report.contains("The 12 interviewees' IDs are replaced by keyed pseudonyms (the first 16 hex digits of HMAC-SHA256 with the key in the environment variable PARADOX_TEST_ID_KEY)."), report)
        XCTAssertTrue(report.contains("| f2064b48e8a77ece |") || report.contains("| b8fcdf5524319707 |"), report)
        XCTAssertTrue(report.contains("Replaced in the interview quotes and segments: 1 e-mail addresses as [email], 1 phone numbers as [phone]."), report)
        let privacy = try XCTUnwrap(json["privacy"] as? [String: Any])
        XCTAssertEqual((privacy["interviewees"] as? [String: Any])?["redactions"] as? [String: Int], ["email": 1, "phone": 1])
        let all = try everything(in: out)
        XCTAssertTrue(all.contains("Write to [email] or call [phone] if you need more."))
        XCTAssertFalse(all.contains("anna.k@"))
        XCTAssertFalse(all.contains("1234 5678"))
        for id in (1...12).map({ String(format: "P%02d", $0) }) {
            XCTAssertFalse(all.contains("\"\(id)\"") || all.contains("| \(id) |") || all.contains(",\(id),"), id)
        }

        let missing = try paradox(["run", study.path, "--out", out.path, "--quiet"], environment: ["PARADOX_TEST_ID_KEY": ""])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "paradox: error: \(study.path):15:15: the environment variable PARADOX_TEST_ID_KEY is not set or empty (expected the key for the interviewees' pseudonymous IDs, e.g. export PARADOX_TEST_ID_KEY=…; keep the key out of the study's folder)\n")
    }
}
