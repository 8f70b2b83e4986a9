import Foundation
import XCTest

/// Runs the built `paradox` binary (with extra environment variables) and captures its exit code, stdout and stderr.
class CLITestCase: XCTestCase {
    /// The package root (two levels above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    var binary: URL { Bundle.main.bundleURL.appendingPathComponent("paradox") }

    @discardableResult
    func paradox(_ arguments: [String], in directory: URL = CLITestCase.packageRoot,
                 environment: [String: String] = [:]) throws -> Outcome {
        try tool(binary.path, arguments, in: directory,
                 environment: environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    /// Runs `executable` (e.g. a checker the test command installs: chromium, soffice, python3) in
    /// `directory`, with only `environment` when given. Its stderr is captured, or discarded for a
    /// tool that writes much of it while stdout is still open (both pipes are read one after the other).
    @discardableResult
    func tool(_ executable: String, _ arguments: [String], in directory: URL = CLITestCase.packageRoot,
              environment: [String: String]? = nil, discardingStandardError: Bool = false) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = discardingStandardError ? FileHandle.nullDevice : err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = discardingStandardError ? Data() : err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder, removed after the test.
    /// `paradox summarize STUDY WAVE --shard i/3 --out FOLDER/part-i.summary.json` for i = 1…3,
    /// each asserted to succeed: the three summary files.
    func shardSummaries(study: String, wave: String, in folder: URL) throws -> [String] {
        try (1...3).map { index -> String in
            let summary = folder.appendingPathComponent("part-\(index).summary.json").path
            let outcome = try paradox(["summarize", study, wave, "--shard", "\(index)/3", "--out", summary])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            return summary
        }
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
