import ChildProcess
import Foundation

// `paradox import` as a user runs it (issue 14, Performance): the release binary on a generated
// SYNTHETIC Qualtrics export of `rows` respondents × 60 columns (three header rows; the 17 metadata
// columns, four 10-item Likert matrices, two coded questions, one open answer with commas, quotes and
// the odd line break; fixed seed) and on the same responses as an SPSS .sav (written by
// Scripts/csv_to_sav.py with pyreadstat, if python3 has it). Each import runs `repeats` times,
// interleaved; per file it prints the median wall time and the largest peak resident memory of the child.
//
//     swift build -c release --product paradox            (in the package root)
//     swift run -c release --package-path Benchmarks ImportBenchmark [rows] [repeats] [folder]   (default 1000000 3)
//
// With a folder, the generated export.csv and export.sav are kept there (for `/usr/bin/time` or `perf`).

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let binary = packageRoot.appendingPathComponent(".build/release/paradox").path
let arguments = CommandLine.arguments.dropFirst().prefix(2).compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
let keptFolder = CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : nil
let rows = arguments.first ?? 1_000_000
let repeats = arguments.count > 1 ? arguments[1] : 3

guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("Build the release binary first: swift build -c release --product paradox")
    exit(1)
}

/// SplitMix64 (Steele, Lea & Flood 2014), seed 14.
var state: UInt64 = 14
func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

let metadata = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
                "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
                "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
let items = (1...4).flatMap { question in (1...10).map { "Q\(question)_\($0)" } }
let tags = metadata + items + ["Q5", "Q6", "Q7"]

/// Writes the export: tags, question texts, ImportIds, then the responses.
func writeExport(to path: String) throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var text = tags.joined(separator: ",") + "\n"
    text += (metadata + items.map { "How much do you agree? - Statement \($0)" } + ["Age group", "Gender", "Anything else?"]).map { "\"\($0)\"" }
        .joined(separator: ",") + "\n"
    text += tags.map { "\"{\"\"ImportId\"\":\"\"\($0.hasPrefix("Q") ? "QID" + $0.dropFirst() : Substring($0))\"\"}\"" }.joined(separator: ",") + "\n"
    let answers = ["", "", "", "fine", "too long, honestly", "I said \"\"no\"\"", "line one\nline two", "ok"]
    for row in 0..<rows {
        let day = 1 + Int(next() % 28), minute = Int(next() % 60), duration = 120 + Int(next() % 1_500)
        text += "2026-11-\(day < 10 ? "0" : "")\(day) 10:\(minute < 10 ? "0" : "")\(minute):00,2026-11-\(day < 10 ? "0" : "")\(day) 11:00:00,"
        text += "\(next() % 50 == 0 ? 1 : 0),10.\(next() % 256).\(next() % 256).\(next() % 256),100,\(duration),1,2026-11-\(day < 10 ? "0" : "")\(day) 11:00:01,"
        text += "R_\(String(row, radix: 36)),,,,,\(Double(next() % 180_000) / 1000 - 90),\(Double(next() % 360_000) / 1000 - 180),anonymous,EN"
        let trait = Int(next() % 3)
        for _ in items { text += ",\(min(5, max(1, 1 + trait + Int(next() % 3))))" }
        text += ",\(1 + next() % 6),\(1 + next() % 3),"
        let answer = answers[Int(next() % UInt64(answers.count))]
        text += answer.contains(",") || answer.contains("\"") || answer.contains("\n") ? "\"\(answer)\"" : answer
        text += "\n"
        if row % 16_384 == 16_383 || row == rows - 1 {
            handle.write(Data(text.utf8))
            text = ""
        }
    }
}

/// Runs the binary; wall seconds and peak resident MB of the child.
func run(_ arguments: [String]) -> (wall: Double, peakMB: Double, status: Int32) { runChild(binary, arguments) }

func megabytes(_ path: String) -> Double {
    Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
}

let folder = keptFolder.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("paradox-import-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if keptFolder == nil { try? FileManager.default.removeItem(at: folder) } }
let export = folder.appendingPathComponent("export.csv").path, sav = folder.appendingPathComponent("export.sav").path
try writeExport(to: export)
var inputs = [("Qualtrics CSV", export)]
let converter = Process()
converter.executableURL = URL(fileURLWithPath: "/usr/bin/env")
converter.arguments = ["python3", packageRoot.appendingPathComponent("Benchmarks/Scripts/csv_to_sav.py").path, export, sav]
if (try? converter.run()) != nil {
    converter.waitUntilExit()
    if converter.terminationStatus == 0 { inputs.append(("SPSS .sav", sav)) } else { print("(no .sav: Scripts/csv_to_sav.py failed; it needs python3 with pandas and pyreadstat)") }
}

var walls = [[Double]](repeating: [], count: inputs.count), peaks = [Double](repeating: 0, count: inputs.count)
for _ in 0..<repeats {
    for (index, input) in inputs.enumerated() {
        let outcome = run(["import", input.1, "--codebook-out", folder.appendingPathComponent("c.yml").path,
                           "--data-out", folder.appendingPathComponent("d.csv").path])
        guard outcome.status == 0 else { fatalError("import of \(input.0) failed with status \(outcome.status)") }
        walls[index].append(outcome.wall)
        peaks[index] = max(peaks[index], outcome.peakMB)
    }
}
print("paradox import of \(rows) respondents × \(tags.count) columns, \(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(repeats)")
print("| export | MB | wall s | peak MB |")
print("|---|---:|---:|---:|")
for (index, input) in inputs.enumerated() {
    let median = walls[index].sorted()[walls[index].count / 2]
    print("| \(input.0) | \(String(format: "%.0f", megabytes(input.1))) | \(String(format: "%.2f", median)) | \(String(format: "%.0f", peaks[index])) |")
}
