import Foundation
import XCTest
@testable import Thematic

/// Fuzz targets for the transcript reader (with segmentation and coding of what it reads) and the
/// theme codebook reader: the seed corpus in `Fixtures/fuzz/` is mutated by a seeded generator for
/// `PARADOX_FUZZ_SECONDS` seconds per target (default 5), from seed `PARADOX_FUZZ_SEED` (default
/// fixed, so that a run is repeatable; set another to explore further). Every input must be read or
/// rejected with a typed error.
final class ReaderFuzzTests: XCTestCase {
    private static var budget: Double {
        ProcessInfo.processInfo.environment["PARADOX_FUZZ_SECONDS"].flatMap(Double.init) ?? 5
    }

    private static func seed(_ target: UInt64) -> UInt64 {
        (ProcessInfo.processInfo.environment["PARADOX_FUZZ_SEED"].flatMap(UInt64.init) ?? 0) &* 1_000_003 &+ target
    }

    /// Fragments that steer mutations towards the readers' syntax.
    private static let dictionary: [String] = [
        "\n", "\r\n", "\n\n", ":", " ", "\t", "#", "# participant: P9\n", "Interviewer: ", "P01: ", "Q: ", "A: ", "Note: ",
        "[00:00:01] ", "WEBVTT\n\n", "00:00:01,000 --> 00:00:02,000\n", "00:01.000 --> 00:02.000\n", "<v Ana>", "-->", "1\n",
        ". ", "e.g. ", "!", "?", "…", "\u{FEFF}", "é", "e\u{301}", "\u{301}", "👩‍💻", "\0", "\u{2028}",
        "themes:\n", "  - id: x\n    label: X\n", "    parent: x\n", "words: [", "]", "phrases: ", "regex: ['", "']", "exclude: ",
        "*", "(a+)+$", "\\1", "(?=a)", "&a", "*a", "!!binary ", "{", "}", "- ", "'", "\"", "color: ", "#12345G",
        "x+y", ".*", "[a-z]+", "(da|ta)+", "\\w+", "\\b", "{2,5}", "?", "|", "(", ")", "$", "^", "\\d+",
    ]

    private static func seeds(_ folder: String) throws -> [[UInt8]] {
        let url = FixtureFiles.url("fuzz/\(folder)")
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { Array(try Data(contentsOf: $0)) }
    }

    /// One random mutation of `input` (a byte flip, an insertion from the dictionary or of random
    /// bytes, a deletion, a duplication of a range, or a splice with another seed).
    private static func mutate(_ input: [UInt8], seeds: [[UInt8]], random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        let position = bytes.isEmpty ? 0 : random.int(in: 0...bytes.count)
        switch random.int(in: 0...5) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.int(in: 0...7))
        case 1:
            bytes.insert(contentsOf: Array(dictionary[random.int(in: 0...(dictionary.count - 1))].utf8), at: position)
        case 2:
            bytes.insert(contentsOf: (0..<random.int(in: 1...4)).map { _ in UInt8(random.int(in: 0...255)) }, at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + random.int(in: 1...64))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 4 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1)
            let piece = bytes[start..<min(bytes.count, start + random.int(in: 1...256))]
            for _ in 0..<random.int(in: 1...8) { bytes.insert(contentsOf: piece, at: start) }
        default:
            let other = seeds[random.int(in: 0...(seeds.count - 1))]
            let cut = other.isEmpty ? 0 : random.int(in: 0...other.count)
            bytes = Array(bytes[..<min(position, bytes.count)]) + other[cut...]
        }
        return bytes.count > 200_000 ? Array(bytes.prefix(200_000)) : bytes
    }

    /// Mutates the seeds for the time budget, stacking up to 8 mutations, and hands each input to `target`.
    private func fuzz(_ folder: String, seed: UInt64, target: ([UInt8]) throws -> Void, isTyped: (Error) -> Bool) throws {
        let seeds = try Self.seeds(folder)
        XCTAssertFalse(seeds.isEmpty)
        var random = SeededRandom(seed: Self.seed(seed))
        let deadline = Date().addingTimeInterval(Self.budget)
        var runs = 0
        repeat {
            var input = seeds[random.int(in: 0...(seeds.count - 1))]
            for _ in 0..<random.int(in: 1...8) { input = Self.mutate(input, seeds: seeds, random: &random) }
            do { try target(input) } catch where isTyped(error) {} catch {
                XCTFail("untyped error \(error) for input \(String(decoding: input, as: UTF8.self).debugDescription)")
            }
            runs += 1
        } while Date() < deadline
        print("\(folder): \(runs) fuzzed inputs in \(Self.budget) s (seed \(Self.seed(seed)))")
    }

    /// The transcript target: read as each format, then segment and code by every unit.
    private static func readTranscript(_ bytes: [UInt8], coders: [Coder]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        for name in ["fuzz.txt", "fuzz.vtt", "fuzz.srt"] {
            do {
                let transcript = try TranscriptReader.parse(text, name: name, detectsSpeakers: bytes.count % 5 != 0)
                for coder in coders {
                    let coded = try coder.code(transcript)
                    let result = CodingResult(codebook: coder.codebook, unit: coder.unit, transcripts: [transcript], participants: [],
                                              segments: coded)
                    _ = result.exemplars()
                }
            } catch is TranscriptError {}
        }
    }

    func testTranscriptReaderReturnsOrThrowsTypedErrors() throws {
        let codebook = try ThemeCodebook.load(contentsOf: FixtureFiles.url("fuzz/codebooks/all-fields.yml"))
        let coders = try SegmentationUnit.allCases.map { try Coder(codebook: codebook, unit: $0, codesInterviewer: true) }
        try fuzz("transcripts", seed: 1, target: { try Self.readTranscript($0, coders: coders) }) { $0 is TranscriptError }
    }

    /// The codebook target: read, compile, and code a transcript of several thousand bytes (so that
    /// fuzzed regexes run over texts longer than one piece fed to Vectorscan).
    func testThemeCodebookReaderReturnsOrThrowsTypedErrors() throws {
        let transcript = try TranscriptReader.read(contentsOf: FixtureFiles.url("fuzz/transcripts/header-and-turns.txt"))
        try fuzz("codebooks", seed: 2, target: { bytes in
            let codebook = try ThemeCodebook.parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yml")
            _ = try Coder(codebook: codebook).code(transcript)
        }, isTyped: { $0 is CodebookError })
    }
}
