import Archive
import Foundation
import XCTest

/// The privacy gate tested as an attacker would (issue 15, point 6): personal data planted in every
/// place it could enter — column names, categorical levels, open-text answers, transcript turns and
/// headers and speaker labels, participant attributes and names, file names — then the real
/// `paradox run`, `code` (with `--names`) and `describe --min-cell`,
/// and no byte written (every output file, the entries of .qdpx and .docx archives, stdout and
/// stderr) may hold a planted value. Each value carries a marker (`qzx…`) found also where an output
/// escapes or re-cases it (`\/` in JSON, `&#64;`, upper case), and phone numbers are looked for by
/// their digits alone.
final class PlantedPIICLITests: CLITestCase {
    /// Every planted value, by what it is.
    static let planted = [
        "email": "anna.qzxmail@example.org",
        "phone": "+44 20 7946 0199",
        "url": "https://www.facebook.com/qzxurl.doe",
        "name": "Sarah Qzxname",
        "column e-mail": "jo.qzxcolumn@example.org",
        "level phone": "+49 151 4412 7788",
        "level URL": "https://linkedin.com/in/qzxlevel-smith",
        "file e-mail": "kim.qzxfile@example.org",
        "turn e-mail": "lee.qzxturn@example.org",
        "turn phone": "(030) 9182-7364",
        "turn URL": "instagram.com/qzxturn_handle",
        "turn name": "Dr. Maria Qzxturnname",
        "header e-mail": "max.qzxheader@example.org",
        "attribute phone": "+1 202 555 0177",
        "attribute e-mail": "pat.qzxattr@example.org",
        "speaker name": "Amara Qzxspeaker",
        "name column": "Jonas Qzxcolumnname",
        "listed name": "Qzxlisted",
        "study listed name": "Kwame Qzxstudylisted",
    ]

    /// The needles of `value`: the marker word (letters after `qzx`, lower-cased) or, for a phone number, its digits.
    static func needles(_ value: String) -> [String] {
        if let range = value.range(of: "qzx", options: .caseInsensitive) {
            return [String(value[range.lowerBound...].prefix { $0.isLetter }).lowercased()]
        }
        let digits = value.filter(\.isNumber)
        return [digits, String(digits.suffix(8))]
    }

    /// Every byte written under `folder` (archives opened), with stdout and stderr: path → text.
    func everything(under folder: URL, outcome: Outcome) throws -> [(String, String)] {
        var texts = [("stdout", outcome.stdout), ("stderr", outcome.stderr)]
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        for path in paths {
            let url = folder.appendingPathComponent(path)
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            texts.append(("name of " + path, path))
            let data = try Data(contentsOf: url)
            texts.append((path, String(decoding: data, as: UTF8.self)))
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                var zip = try ZipReader(data: data, file: path)
                for entry in zip.entries {
                    texts.append(("\(path): name of \(entry.name)", entry.name))
                    texts.append(("\(path): \(entry.name)", String(decoding: try zip.contents(of: entry), as: UTF8.self)))
                }
            }
        }
        return texts
    }

    /// Fails for each planted value (of `kinds`) found in a text.
    func assertNothingLeaks(_ texts: [(String, String)], kinds: [String], file: StaticString = #filePath, line: UInt = #line) {
        for kind in kinds {
            let value = Self.planted[kind]!
            for (place, text) in texts {
                // Compared without case, entities and JSON escapes, and for digits without separators.
                let plain = text.lowercased().replacingOccurrences(of: "\\/", with: "/")
                let digits = String(text.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map(Character.init))
                for needle in Self.needles(value) where plain.contains(needle) || (needle.allSatisfy(\.isNumber) && digits.contains(needle)) {
                    XCTFail("\(kind) (\(value)) leaks into \(place)", file: file, line: line)
                }
            }
        }
    }

    func testNothingPlantedInAStudyReachesItsOutputs() throws {
        let folder = try temporaryFolder()
        let p = Self.planted
        _ = try write("""
            title: Planted personal data
            variables:
              - {name: respondent_id, label: Respondent, type: id}
              - {name: q1, label: I trust online shops with my data, type: likert, scale: [1, 5]}
              - name: gender
                label: Gender
                type: categorical
                levels:
                  - {value: f, label: Female}
                  - {value: m, label: Male}
              - name: callback
                label: Call me back on
                type: categorical
                levels:
                  - {value: "\(p["level phone"]!)", label: "\(p["level phone"]!)"}
                  - {value: none, label: No call}
              - name: profile
                label: Your profile
                type: categorical
                levels:
                  - {value: "\(p["level URL"]!)", label: "\(p["level URL"]!)"}
                  - {value: none, label: None}
              - {name: Q12_text, label: What would make you share more data?, type: text}

            """, to: "codebook.yml", in: folder)
        _ = try write("""
            themes:
              - {id: control, label: Control, words: [control, delete]}
              - {id: transparency, label: Transparency, words: [transparent, why]}

            """, to: "themes.yml", in: folder)
        var rows = ["respondent_id,q1,gender,callback,profile,Q12_text,\(p["column e-mail"]!)"]
        for index in 1...30 {
            let answer = switch index {
            case 1: "More control. Write to me at \(p["email"]!) please"
            case 2: "If they were transparent; call \(p["phone"]!) any time"
            case 3: "Delete it, see \(p["url"]!) for why"
            case 4: "Ask \(p["name"]!) why they need it, she knows control"
            case 7: "Tell \(p["study listed name"]!) why"
            default: index % 2 == 0 ? "Control over my data" : "Tell me why"
            }
            let level = index == 5 ? p["level phone"]! : "none"
            let profile = index == 6 ? p["level URL"]! : "none"
            rows.append("R\(index),\(index % 5 + 1),\(index % 2 == 0 ? "f" : "m"),\(level),\(profile),\"\(answer)\",x")
        }
        _ = try write(rows.joined(separator: "\n") + "\n", to: "wave.csv", in: folder)
        let study = try write("""
            title: Planted personal data
            run_date: 2026-01-01
            codebook: codebook.yml
            data: wave.csv
            analyses:
              descriptives: [q1]
              frequencies: [gender, callback, profile]
            open_ended:
              - {column: Q12_text, codebook: themes.yml, by: [gender]}
            privacy: {names: names.txt}

            """, to: "study.yml", in: folder)
        _ = try write("\(p["study listed name"]!)\n", to: "names.txt", in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["run", study.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let texts = try everything(under: out, outcome: outcome)
        XCTAssertTrue(texts.contains { $0.0.hasSuffix(".docx: word/document.xml") }, "the Word report is read too")
        assertNothingLeaks(texts, kinds: ["email", "phone", "url", "name", "column e-mail", "level phone", "level URL", "study listed name"])
    }

    func testNothingPlantedInTranscriptsReachesTheCodingsOutputs() throws {
        let folder = try temporaryFolder()
        let p = Self.planted
        let transcript = """
            # participant: P01
            # contact: \(p["header e-mail"]!)

            Interviewer: How do you handle consent?
            P01: Ask \(p["turn name"]!) or write to \(p["turn e-mail"]!); we want control and transparency.
            Interviewer: And the customers?
            P01: They call \(p["turn phone"]!) or post on \(p["turn URL"]!) to delete their data.
            [00:03:10] \(p["speaker name"]!): \(p["name column"]!) and \(p["listed name"]!)'s team want control.
            Interviewer: Thank you, \(p["speaker name"]!.split(separator: " ")[0]).

            """
        let name = "INT01 \(p["file e-mail"]!).txt"
        _ = try write(transcript, to: name, in: folder)
        _ = try write("id,role,phone,email,name\nP01,Manager,\(p["attribute phone"]!),\(p["attribute e-mail"]!),\(p["name column"]!)\n",
                      to: "participants.csv", in: folder)
        _ = try write("# names to redact\n\(p["listed name"]!)\n", to: "names.txt", in: folder)
        let codebook = Self.packageRoot.appendingPathComponent("Codebooks/themes.yml").path
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var texts: [(String, String)] = []
        for format in ["text", "json", "markdown", "csv"] {
            let outcome = try paradox(["code", name, "--codebook", codebook, "--participants", "participants.csv", "--names", "names.txt",
                                       "--qdpx", "out/project.qdpx", "--segments", "out/segments.csv", "--qdc", "out/codebook.qdc",
                                       "--format", format], in: folder)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            texts += try everything(under: out, outcome: outcome)
        }
        assertNothingLeaks(texts, kinds: ["file e-mail", "turn e-mail", "turn phone", "turn URL", "turn name", "header e-mail",
                                          "attribute phone", "attribute e-mail", "speaker name", "name column", "listed name"])
    }

    func testNothingPlantedReachesASharedDescription() throws {
        let folder = try temporaryFolder()
        let p = Self.planted
        var rows = ["q1,\(p["column e-mail"]!),callback"]
        for index in 1...30 { rows.append("\(index % 5 + 1),x,\(index == 5 ? p["level phone"]! : "0800 100 200")") }
        let data = try write(rows.joined(separator: "\n") + "\n", to: "wave.csv", in: folder)
        for format in ["text", "json", "markdown", "csv"] {
            let outcome = try paradox(["describe", data.path, "--min-cell", "5", "--format", format])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            assertNothingLeaks([("stdout", outcome.stdout), ("stderr", outcome.stderr)], kinds: ["column e-mail", "level phone"])
        }
    }
}
