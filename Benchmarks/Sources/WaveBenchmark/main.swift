import Foundation
import Privacy
import Reporting
import Simulation
import Study
import SurveyData

// Speed and memory of Paradox on large survey waves (issues 2 and 6).
//
// Generates uncalibrated waves of the bundled instrument with 20 extra Likert items
// (`LargeSyntheticWave`, seed 2024) of each size into a temporary folder, then times
//   (a) load: reading the CSV and checking every cell against the codebook (`Dataset.load`);
//   (a′) blocks: the same, streamed block by block to an empty body (`Dataset.forEachBlock`);
//   (b) plan: the bundled study's whole analysis plan on that wave, loading included, with every
//       report format rendered and written (`StudyPlan.load` + `StudyRunner.run` + `ReportFiles`).
// Per size it prints wall time, CPU time (all threads), peak resident memory of that step (VmHWM from
// /proc/self/status, reset before each step through /proc/self/clear_refs), MB/s (10^6 bytes of CSV
// per wall second) and µs per 1,000 rows. Last, the issue-2 figure: a 1,000,000-row × 45-column
// Likert file read on one thread (MB/s per CPU second and per wall second).
//
//     swift run -c release --package-path Benchmarks WaveBenchmark [rows …]     (default 10000 100000 1000000)
//     swift run -c release --package-path Benchmarks WaveBenchmark reader       (only the issue-2 reader figure)
//     swift run -c release --package-path Benchmarks WaveBenchmark report       (only the bundled report: CPU ms to render
//                                                                              every format and to write the files, medians of 21 runs)
//     swift run -c release --package-path Benchmarks WaveBenchmark design [rows] [rounds] (issue 19: the plan with and without a design)
//
// `design` adds a sampling weight column to the wave and times the whole plan under the codebook's
// `design: {weights: weight, weight_type: sampling, strata: region}` (each row its own PSU) against the
// same plan without it, interleaved (unweighted, weighted, three rounds), and prints each run and the medians.

let extraItems = 20
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let bundledStudy = packageRoot.appendingPathComponent("Codebooks/privacy-paradox.study.yml")
let bundledCodebook = packageRoot.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml")

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
let readerOnly = CommandLine.arguments.dropFirst().contains("reader")
let designOnly = CommandLine.arguments.dropFirst().contains("design")
let rowCounts = readerOnly || designOnly ? [] : sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-wave-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

/// Resets the kernel's peak-RSS counter of this process (Linux ≥ 4.0), so that VmHWM measures one step.
func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// Peak resident set size in MB since the last reset (VmHWM), or getrusage's lifetime maximum.
func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kB = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kB / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// CPU seconds used by the process so far (user + system, all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

struct Measurement {
    var wall: Double
    var cpu: Double
    var peakMB: Double
}

func measure(_ body: () throws -> Void) rethrows -> Measurement {
    resetPeakMemory()
    let cpuStart = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Measurement(wall: wall, cpu: cpuSeconds() - cpuStart, peakMB: peakMemoryMB())
}

/// The bundled codebook with `names` appended as 5-point Likert items (before its scales).
func extendedCodebook(adding names: [String]) throws -> String {
    let text = try String(contentsOf: bundledCodebook, encoding: .utf8)
    let entries = names.map { "  - {name: \($0), type: likert, scale: [1, 5], labels: agree5, label: \"Benchmark item \($0)\"}\n" }
    guard let scales = text.range(of: "\nscales:") else { fatalError("the bundled codebook has no scales: section") }
    return text.replacingCharacters(in: scales.lowerBound..<scales.lowerBound, with: "\n" + entries.joined())
}

/// The bundled study pointed at `codebook` and `data` (both relative to the study file's folder),
/// without its `interviews:` section (thematic coding is not part of the survey plan measured here).
func studyFile(codebook: String, data: String) throws -> String {
    let text = try String(contentsOf: bundledStudy, encoding: .utf8)
    var lines: [String] = []
    var inInterviews = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if let first = line.first, first != " ", first != "#" { inInterviews = line.hasPrefix("interviews:") }
        if inInterviews { continue }
        if line.hasPrefix("codebook:") { lines.append("codebook: \(codebook)") }
        else if line.hasPrefix("data:") { lines.append("data: \(data)") }
        else { lines.append(String(line)) }
    }
    return lines.joined(separator: "\n")
}

func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

if CommandLine.arguments.dropFirst().contains("report") {
    // Issue 18: rendering and writing the whole bundled report within 50 ms of CPU.
    let studyPlan = try StudyPlan.load(from: bundledStudy)
    let gated = try PrivacyGate.apply(StudyRunner.run(studyPlan), plan: studyPlan)
    var files: [(path: String, content: Data)] = []
    let renders = try (0..<21).map { _ in try measure { files = try ReportFiles.render(gated) } }
    let writes = try (0..<21).map { run in
        try measure { try OutputFolder.write(to: folder.appendingPathComponent("report-\(run)").path) { try $0.write(files) } }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let bytes = files.reduce(0) { $0 + $1.content.count }
    print("Bundled report: \(files.count) files, \(format(Double(bytes) / 1e6, 2)) MB")
    print("| step | CPU ms (median of 21) | wall ms |")
    print("|---|---:|---:|")
    print("| render every format | \(format(median(renders.map(\.cpu)) * 1e3, 1)) | \(format(median(renders.map(\.wall)) * 1e3, 1)) |")
    for format in ReportFormat.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
        let only = try (0..<21).map { _ in try measure { _ = try ReportFiles.render(gated, formats: [format]) } }
        print("| render \(format.rawValue) only | \(WaveBenchmark.format(median(only.map(\.cpu)) * 1e3, 1)) | \(WaveBenchmark.format(median(only.map(\.wall)) * 1e3, 1)) |")
    }
    print("| write the files | \(format(median(writes.map(\.cpu)) * 1e3, 1)) | \(format(median(writes.map(\.wall)) * 1e3, 1)) |")
    exit(0)
}

let codebookText = try extendedCodebook(adding: LargeSyntheticWave.extraItemNames(extraItems))
try codebookText.write(to: folder.appendingPathComponent("wave.codebook.yml"), atomically: true, encoding: .utf8)
let codebook = try Codebook(yaml: YAMLValue(text: codebookText, file: "wave.codebook.yml"))
let columnCount = LargeSyntheticWave.columnNames(extraItems: extraItems).count

print("Paradox wave benchmark: bundled instrument + \(extraItems) Likert items (\(columnCount) columns), "
      + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
if !rowCounts.isEmpty {
    print("| rows | MB | step | wall s | CPU s | peak MB | MB/s | µs / 1k rows |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
}
/// The plan on `rows` rows with and without a design, interleaved (issue 19).
func designComparison(rows: Int, rounds: Int = 3) throws {
    let plain = folder.appendingPathComponent("design-plain.csv")
    try LargeSyntheticWave.write(respondents: rows, extraItems: extraItems, to: plain)
    // The same wave with a sampling weight per row (0.5 to 3.5 by the row's number; fixed).
    let weighted = folder.appendingPathComponent("design-weighted.csv")
    var output = Data()
    for (index, line) in try String(contentsOf: plain, encoding: .utf8).split(separator: "\n").enumerated() {
        output.append(contentsOf: Array((line + (index == 0 ? ",weight" : "," + format(0.5 + Double((index * 7919) % 61) / 20, 2)) + "\n").utf8))
    }
    try output.write(to: weighted)
    try FileManager.default.removeItem(at: plain)
    let designText = codebookText.replacingOccurrences(of: "\nscales:", with: "  - {name: weight, type: numeric, label: \"Sampling weight\"}\n"
        + "design: {weights: weight, weight_type: sampling, strata: region}\n\nscales:")
    try designText.write(to: folder.appendingPathComponent("design.codebook.yml"), atomically: true, encoding: .utf8)
    try codebookText.replacingOccurrences(of: "\nscales:", with: "  - {name: weight, type: numeric, label: \"Sampling weight\"}\n\nscales:")
        .write(to: folder.appendingPathComponent("plain.codebook.yml"), atomically: true, encoding: .utf8)
    let megabytes = Double(try FileManager.default.attributesOfItem(atPath: weighted.path)[.size] as! Int) / 1e6
    var runs: [String: [Measurement]] = [:]
    print("Issue 19: the bundled plan on \(rows) rows (\(format(megabytes, 1)) MB), without and with design: {weights, strata: region}")
    print("| round | plan | wall s | CPU s | peak MB |")
    print("|---:|---|---:|---:|---:|")
    for round in 1...rounds {
        for name in ["plain", "design"] {
            let study = folder.appendingPathComponent("\(name).study.yml")
            try studyFile(codebook: "\(name).codebook.yml", data: weighted.lastPathComponent).write(to: study, atomically: true, encoding: .utf8)
            let m = try measure {
                let studyPlan = try StudyPlan.load(from: study)
                let files = try ReportFiles.render(PrivacyGate.apply(StudyRunner.run(studyPlan), plan: studyPlan))
                try OutputFolder.write(to: folder.appendingPathComponent("out-\(name)").path) { try $0.write(files) }
            }
            runs[name, default: []].append(m)
            print("| \(round) | \(name) | \(format(m.wall, 3)) | \(format(m.cpu, 3)) | \(format(m.peakMB, 0)) |")
        }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let plainWall = median(runs["plain"]!.map(\.wall)), designWall = median(runs["design"]!.map(\.wall))
    let plainCPU = median(runs["plain"]!.map(\.cpu)), designCPU = median(runs["design"]!.map(\.cpu))
    print("Median wall: without design \(format(plainWall, 3)) s, with design \(format(designWall, 3)) s, ratio \(format(designWall / plainWall, 2))")
    print("Median CPU: without design \(format(plainCPU, 3)) s, with design \(format(designCPU, 3)) s, ratio \(format(designCPU / plainCPU, 2))")
    try FileManager.default.removeItem(at: weighted)
}

if designOnly {
    try designComparison(rows: sizes.first ?? 1_000_000, rounds: sizes.count > 1 ? sizes[1] : 3)
    exit(0)
}

for rows in rowCounts {
    let data = folder.appendingPathComponent("wave-\(rows).csv")
    try LargeSyntheticWave.write(respondents: rows, extraItems: extraItems, to: data)
    let megabytes = Double(try FileManager.default.attributesOfItem(atPath: data.path)[.size] as! Int) / 1e6
    let study = folder.appendingPathComponent("wave-\(rows).study.yml")
    try studyFile(codebook: "wave.codebook.yml", data: data.lastPathComponent).write(to: study, atomically: true, encoding: .utf8)

    var loadedRows = 0
    let load = try measure { loadedRows = try Dataset.load(contentsOf: data, codebook: codebook).rowCount }
    precondition(loadedRows == rows)
    var blockRows = 0
    let blocks = try measure { blockRows = try Dataset.forEachBlock(contentsOf: data, codebook: codebook) { _ in }.rowCount }
    precondition(blockRows == rows)
    var fileCount = 0
    let plan = try measure {
        let studyPlan = try StudyPlan.load(from: study)
        let files = try ReportFiles.render(PrivacyGate.apply(StudyRunner.run(studyPlan), plan: studyPlan))   // as `paradox run` renders them
        try OutputFolder.write(to: folder.appendingPathComponent("out-\(rows)").path) { try $0.write(files) }
        fileCount = files.count
    }
    for (step, m) in [("load", load), ("blocks", blocks), ("plan (\(fileCount) files)", plan)] {
        print("| \(rows) | \(format(megabytes, 1)) | \(step) | \(format(m.wall, 3)) | \(format(m.cpu, 3)) | \(format(m.peakMB, 0)) | "
              + "\(format(megabytes / m.wall, 0)) | \(format(m.wall * 1e6 / (Double(rows) / 1000), 1)) |")
    }
    try FileManager.default.removeItem(at: data)
}

// Issue 2: 1,000,000 rows × 45 Likert columns, one thread.
let likertNames = (1...45).map { String(format: "Q%02d", $0) }
let likertCodebook = Codebook(title: "45 Likert items", variables: likertNames.map {
    Variable(name: $0, label: $0, kind: .likert(LikertScale(range: 1...5)))
})
let likertFile = folder.appendingPathComponent("likert45.csv")
do {
    var generator = SplitMix64(seed: SyntheticWave.defaultSeed)
    var bytes = Array((likertNames.joined(separator: ",") + "\n").utf8)
    bytes.reserveCapacity(1_000_000 * 90 + bytes.count)
    for _ in 0..<1_000_000 {
        for column in 0..<45 {
            bytes.append(UInt8(ascii: "1") + UInt8(generator.nextIndex(below: 5)))
            bytes.append(column == 44 ? UInt8(ascii: "\n") : UInt8(ascii: ","))
        }
    }
    try Data(bytes).write(to: likertFile)
}
let likertMB = Double(try FileManager.default.attributesOfItem(atPath: likertFile.path)[.size] as! Int) / 1e6
var likertBytesPerCell = 0.0
let oneThread = try measure {
    let dataset = try Dataset.load(contentsOf: likertFile, codebook: likertCodebook, concurrency: 1)
    if case .likert(let values) = dataset.columns[0].values {
        likertBytesPerCell = Double(MemoryLayout<Int8>.stride * values.codes.capacity) / Double(dataset.rowCount)
    }
}
let allCores = try measure { _ = try Dataset.load(contentsOf: likertFile, codebook: likertCodebook) }
print("")
print("Issue 2: 1,000,000 rows × 45 Likert columns (\(format(likertMB, 1)) MB), \(format(likertBytesPerCell, 2)) byte per Likert cell")
print("| threads | wall s | CPU s | peak MB | MB/s (wall) | MB/s per CPU second |")
print("|---|---:|---:|---:|---:|---:|")
for (threads, m) in [("1", oneThread), ("all", allCores)] {
    print("| \(threads) | \(format(m.wall, 3)) | \(format(m.cpu, 3)) | \(format(m.peakMB, 0)) | \(format(likertMB / m.wall, 0)) | \(format(likertMB / m.cpu, 0)) |")
}
