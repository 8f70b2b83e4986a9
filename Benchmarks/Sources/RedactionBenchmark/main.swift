import Foundation
import Privacy

// Speed of Paradox's text redaction (`paradox redact`, `paradox code`'s quotes, issues 15 and 17):
// the bundled interview transcripts (Data/interviews/*.txt) repeated to 50 MB of ordinary English
// text, and hostile single lines of 1 and 10 MB (`a,a,a,…`, `Sarah Anna Maria …`, `1.2.3.4.…`,
// `127.0.0.1 55 1 …`). Prints MB/s (10^6 bytes of UTF-8 text per second of the thread's CPU time,
// what one core achieves, and of wall time) and the process's peak resident memory so far.
// Targets: ≥ 50 MB/s on the transcripts; ≥ 20 MB/s and linear in size on the hostile lines.
//
//     swift run -c release --package-path Benchmarks RedactionBenchmark [megabytes]

/// CPU seconds used so far by the calling thread.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident memory of the process so far, in MB.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let megabytes = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let interviews = root.appendingPathComponent("Data/interviews")
let transcripts = try FileManager.default.contentsOfDirectory(atPath: interviews.path).sorted().filter { $0.hasSuffix(".txt") }
    .map { try String(contentsOf: interviews.appendingPathComponent($0), encoding: .utf8) }.joined()

/// `unit` repeated to `bytes` bytes (cut at a character).
func repeated(_ unit: String, bytes: Int) -> String {
    String(String(repeating: unit, count: bytes / unit.utf8.count + 1).utf8.prefix(bytes))!
}

var inputs: [(name: String, text: String)] = [("transcripts", repeated(transcripts, bytes: megabytes * 1_000_000))]
for size in [1, 10] {
    for (name, unit) in [("a,a,a,…", "a,"), ("Sarah Anna Maria …", "Sarah Anna Maria "), ("1.2.3.4.…", "1.2.3.4."), ("127.0.0.1 55 1 …", "127.0.0.1 55 1 ")] {
        inputs.append(("one line of \(name)", repeated(unit, bytes: size * 1_000_000)))
    }
}

print("input                          MB   pieces   MB/s (CPU)   MB/s (wall)   peak MB")
for (name, text) in inputs {
    let size = Double(text.utf8.count) / 1e6
    let cpu = threadCPUSeconds(), wall = Date()
    let (_, counts) = TextRedaction.redact(text)
    let cpuSeconds = threadCPUSeconds() - cpu, wallSeconds = Date().timeIntervalSince(wall)
    print(name.padding(toLength: 28, withPad: " ", startingAt: 0),
          String(format: "%5.1f %8d %12.1f %13.1f %9.0f", size, counts.values.reduce(0, +), size / cpuSeconds, size / wallSeconds, peakMegabytes()))
}
