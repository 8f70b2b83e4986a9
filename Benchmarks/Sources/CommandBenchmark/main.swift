import ChildProcess
import Foundation

// The one-off commands as a user runs them (issue 13): the release `paradox` binary on a generated
// SYNTHETIC wave of 48 five-point Likert items and a four-level group column (fixed seed), without a
// codebook. Each command runs `repeats` times, interleaved; per command it prints the median wall
// time and the largest peak resident memory of the child process (ru_maxrss from wait4).
//
//     swift build -c release --product paradox            (in the package root)
//     swift run -c release --package-path Benchmarks CommandBenchmark [rows] [repeats]   (default 1000000 3)

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let binary = packageRoot.appendingPathComponent(".build/release/paradox").path
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
let rows = arguments.first ?? 1_000_000
let repeats = arguments.count > 1 ? arguments[1] : 3

guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("Build the release binary first: swift build -c release --product paradox")
    exit(1)
}

/// Writes the wave: header Q1…Q48,group; answers correlated through a latent trait (SplitMix64, seed 13).
func writeWave(rows: Int, to path: String) throws {
    var state: UInt64 = 13
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let items = 48
    var text = (1...items).map { "Q\($0)" }.joined(separator: ",") + ",group\n"
    let handle = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: path, contents: nil); return URL(fileURLWithPath: path) }())
    defer { try? handle.close() }
    var line = [UInt8]()
    for row in 0..<rows {
        let trait = Int(next() % 3)
        line.removeAll(keepingCapacity: true)
        for item in 0..<items {
            let answer = min(5, max(1, 1 + trait + Int(next() % 3)))
            line.append(UInt8(ascii: "0") + UInt8(answer))
            line.append(UInt8(ascii: ","))
        }
        line.append(contentsOf: Array(["a", "b", "c", "d"][trait + Int(next() % 2)].utf8))
        line.append(UInt8(ascii: "\n"))
        text += String(decoding: line, as: UTF8.self)
        if row % 65_536 == 65_535 || row == rows - 1 {
            handle.write(Data(text.utf8))
            text = ""
        }
    }
}

/// Runs the binary; wall seconds and peak resident MB of the child.
func run(_ arguments: [String]) -> (wall: Double, peakMB: Double, status: Int32) { runChild(binary, arguments) }

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-command-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let wave = folder.appendingPathComponent("wave.csv").path
try writeWave(rows: rows, to: wave)
let megabytes = Double(try FileManager.default.attributesOfItem(atPath: wave)[.size] as! Int) / 1e6

let commands: [(String, [String])] = [
    ("describe --format json", ["describe", wave, "--format", "json"]),
    ("reliability (48 items)", ["reliability", wave, "--items", (1...48).map { "Q\($0)" }.joined(separator: ",")]),
    ("regress Q1 ~ Q2…Q6", ["regress", wave, "--dv", "Q1", "--iv", "Q2,Q3,Q4,Q5,Q6"]),
    ("anova Q1 by group", ["anova", wave, "--dv", "Q1", "--factor", "group"]),
]
var walls = [[Double]](repeating: [], count: commands.count), peaks = [Double](repeating: 0, count: commands.count)
for _ in 0..<repeats {
    for (index, command) in commands.enumerated() {
        let outcome = run(command.1)
        guard outcome.status == 0 else { fatalError("\(command.0) failed with status \(outcome.status)") }
        walls[index].append(outcome.wall)
        peaks[index] = max(peaks[index], outcome.peakMB)
    }
}
print("Paradox one-off commands on a \(rows)-row × 49-column wave (\(String(format: "%.0f", megabytes)) MB), no codebook, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(repeats)")
print("| command | wall s | peak MB |")
print("|---|---:|---:|")
for (index, command) in commands.enumerated() {
    let median = walls[index].sorted()[walls[index].count / 2]
    print("| `\(command.0)` | \(String(format: "%.2f", median)) | \(String(format: "%.0f", peaks[index])) |")
}
