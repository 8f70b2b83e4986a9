import Foundation

/// A bounded fuzzing run of one target: every regression input and seed first, then mutations of them
/// until the time is up. Reproducible: the same seed and number of inputs give the same inputs.
public struct FuzzCampaign {
    public var target: FuzzTarget
    public var seconds: Double
    public var seed: UInt64
    /// An input that takes longer than this is a hang (inputs are at most 64 kB).
    public var hangSeconds: Double = 10

    public init(target: FuzzTarget, seconds: Double, seed: UInt64) {
        self.target = target
        self.seconds = seconds
        self.seed = seed
    }

    /// An input handled badly, saved to `input` so that it can become a regression input.
    public struct Failure: CustomStringConvertible {
        public var input: URL
        public var finding: FuzzFinding
        public var description: String { "\(finding) (input saved to \(input.path))" }
    }

    public struct Report {
        public var inputs = 0
        public var failures: [Failure] = []
    }

    /// Runs the campaign. A crash ends the process; its input is the newest file in the workspace
    /// folder, whose path is printed first. A hang prints its input's path and aborts.
    public func run() throws -> Report {
        let workspace = try FuzzWorkspace()
        print("fuzz \(target.rawValue): workspace \(workspace.folder.path)")
        let watchdog = Watchdog(limit: hangSeconds, target: target)
        let fixed = try Self.inputs(in: target.regressions) + Self.inputs(in: target.corpus)
        var mutator = Mutator(seed: seed)
        var report = Report()
        let deadline = Date().addingTimeInterval(seconds)
        var index = 0
        while index < fixed.count || (Date() < deadline && !fixed.isEmpty) {
            let input = index < fixed.count ? fixed[index] : mutator.mutate(fixed[(index - fixed.count) % fixed.count], splicing: fixed)
            index += 1
            watchdog.start(input)
            defer { watchdog.stop() }
            do {
                try target.run(input, in: workspace)
            } catch let finding as FuzzFinding {
                let saved = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-fuzz-\(target.rawValue)-\(report.failures.count).bin")
                try Data(input).write(to: saved)
                report.failures.append(Failure(input: saved, finding: finding))
            }
            report.inputs += 1
        }
        return report
    }

    /// The contents of every file in `folder` (none when it does not exist), by name.
    static func inputs(in folder: URL) throws -> [[UInt8]] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
            Array(try Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }
}

/// Aborts the process when one input runs longer than the limit, after saving it.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (input: [UInt8], started: Date)?
    private let limit: Double
    private let target: FuzzTarget

    init(limit: Double, target: FuzzTarget) {
        self.limit = limit
        self.target = target
        let thread = Thread { [weak self] in
            while let self {
                self.check()
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        thread.start()
    }

    func start(_ input: [UInt8]) { lock.withLock { current = (input, Date()) } }
    func stop() { lock.withLock { current = nil } }

    private func check() {
        guard let (input, started) = lock.withLock({ current }), Date().timeIntervalSince(started) > limit else { return }
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-fuzz-\(target.rawValue)-hang.bin")
        try? Data(input).write(to: saved)
        FileHandle.standardError.write(Data("fuzz \(target.rawValue): an input ran longer than \(limit) s (a hang); saved to \(saved.path)\n".utf8))
        abort()
    }
}
