import Crypto
import Foundation
import SurveyData

/// The file `paradox summarize` writes for one part of a wave (or `paradox merge --summary` for
/// several merged) and `paradox merge` reads: the part's ``WaveSummary`` with what identifies it
/// (JSON, numbers at full precision).
///
/// Summaries come from other machines, so a file is untrusted: ``read(_:expecting:)`` checks the
/// format and version, the study, the hash of the codebook and analysis plan it was made with, then
/// every count and value of the summary (``WaveSummary/validate(plan:codebook:)``), and last the
/// summary's content hash, which catches a file edited or cut short into another plausible summary.
public struct WaveSummaryFile: Sendable, Equatable, Codable {
    public static let formatName = "paradox-wave-summary"
    public static let currentVersion = 8

    public var format: String
    public var version: Int
    /// The study's title, to catch parts summarised for another study.
    public var study: String
    /// What the summary was made with: ``SummaryIdentity/planHash``.
    public var planHash: String
    /// The data files summarised (a shard as `FILE#i/N`), in the order merged.
    public var parts: [String]
    public var summary: WaveSummary

    private enum CodingKeys: String, CodingKey {
        case format, version, study, planHash = "plan_sha256", parts, summary, contentHash = "content_sha256"
    }

    public init(identity: SummaryIdentity, parts: [String], summary: WaveSummary) {
        format = Self.formatName
        version = Self.currentVersion
        study = identity.plan.title
        planHash = identity.planHash
        self.parts = parts
        self.summary = summary
    }

    /// The JSON text, keys sorted so that equal summaries give equal files.
    public func encoded() throws -> String {
        String(decoding: try Self.canonicalJSON(self), as: UTF8.self) + "\n"
    }

    /// SHA-256 (FIPS 180-4, through apple/swift-crypto), in hex, of the summary's canonical JSON
    /// (sorted keys, numbers at full precision, as the file writes it): `content_sha256` in the file.
    /// A summary read from a file re-encodes to the same bytes, so a file whose summary was edited
    /// carries another hash.
    public static func contentHash(of summary: WaveSummary) throws -> String {
        SHA256.hash(data: try canonicalJSON(summary)).map { String(format: "%02x", $0) }.joined()
    }

    private static func canonicalJSON<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        study = try container.decode(String.self, forKey: .study)
        planHash = try container.decode(String.self, forKey: .planHash)
        parts = try container.decode([String].self, forKey: .parts)
        summary = try container.decode(WaveSummary.self, forKey: .summary)
    }

    /// The file's keys, with `content_sha256` (``contentHash(of:)``).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(study, forKey: .study)
        try container.encode(planHash, forKey: .planHash)
        try container.encode(parts, forKey: .parts)
        try container.encode(summary, forKey: .summary)
        try container.encode(try Self.contentHash(of: summary), forKey: .contentHash)
    }

    /// Adds the parts of `other`, a summary file of the same study (``WaveSummary/merge(_:)``).
    public mutating func merge(_ other: WaveSummaryFile) throws {
        try summary.merge(other.summary)
        parts += other.parts
    }

    /// Reads a summary file and checks it against `identity`: format and version, study title, the
    /// hash of codebook and plan, the summary itself (``WaveSummary/validate(plan:codebook:)``: it
    /// names the key at fault), then the content hash (``contentHash(of:)``).
    /// - Throws: ``WaveSummaryFileError`` naming the file, the key and what was expected.
    public static func read(_ url: URL, expecting identity: SummaryIdentity) throws -> WaveSummaryFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WaveSummaryFileError(file: url.path, reason: "no such file, or no permission to read it")
        }
        func fail(_ reason: String) -> WaveSummaryFileError { WaveSummaryFileError(file: url.path, reason: reason) }
        // The format and version first: a summary of another version may not decode as this one.
        struct Header: Decodable {
            var format: String
            var version: Int
            var contentHash: String?
            enum CodingKeys: String, CodingKey { case format, version, contentHash = "content_sha256" }
        }
        let file: WaveSummaryFile, writtenHash: String
        do {
            let header = try JSONDecoder().decode(Header.self, from: data)
            guard header.format == formatName, header.version == currentVersion else {
                throw fail("format '\(header.format.bounded())' version \(header.version) (expected '\(formatName)' version \(currentVersion))")
            }
            file = try JSONDecoder().decode(WaveSummaryFile.self, from: data)
            guard let hash = header.contentHash else { throw fail("no content_sha256 (expected the hash of the summary that paradox summarize writes)") }
            writtenHash = hash
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw fail("not JSON (expected a summary written by paradox summarize)")
        } catch let error as DecodingError {
            throw fail("not a Paradox wave summary: \(Self.describe(error))")
        }
        guard file.study == identity.plan.title else {
            throw fail("summarised for the study '\(file.study.bounded())' (expected '\(identity.plan.title.bounded())')")
        }
        guard file.planHash == identity.planHash else {
            throw fail("made with another codebook or analysis plan (plan_sha256 \(file.planHash.bounded()), expected \(identity.planHash) "
                       + "for \(identity.plan.codebook.written.bounded()) and this study's analyses); summarise the part again with this study file")
        }
        do {
            try file.summary.validate(plan: identity.plan.analyses, codebook: identity.codebook)
            try file.summary.validateScreening(identity)
        } catch let error as WaveSummaryError {
            throw fail("\(error)")
        }
        let expectedHash = try contentHash(of: file.summary)
        guard writtenHash == expectedHash else {
            throw fail("content_sha256 \(writtenHash.bounded()) does not match the summary (its hash is \(expectedHash)): "
                       + "the file was edited or damaged after paradox summarize wrote it; summarise the part again")
        }
        return file
    }

    /// The summary files at `urls`, each read and checked (``read(_:expecting:)``), merged in order;
    /// `nil` for none.
    /// - Throws: ``WaveSummaryFileError`` naming the file that could not be read or merged;
    ///   ``RepeatedRespondentsError`` naming two files that hold the same respondent ID (found by
    ///   reading the earlier files again, on that path only).
    public static func merged(_ urls: [URL], expecting identity: SummaryIdentity) throws -> WaveSummaryFile? {
        var whole: WaveSummaryFile?
        for (index, url) in urls.enumerated() {
            let part = try read(url, expecting: identity)
            do {
                if whole == nil { whole = part } else { try whole!.merge(part) }
            } catch WaveSummaryError.repeatedRespondents(let column, let count, let hash) {
                let earlier = try urls[..<index].first { earlier in
                    try read(earlier, expecting: identity).summary[RespondentIDAnalysis.self].contains(hash, in: column)
                }
                throw RepeatedRespondentsError(file: url.path, earlierFile: earlier?.path ?? urls[0].path, column: column, count: count,
                                               screenedBy: identity.plan.screening?.duplicates?.by?.name == column)
            } catch let error as WaveSummaryError {
                throw WaveSummaryFileError(file: url.path, reason: "cannot be merged with the files before it: \(error)")
            }
        }
        return whole
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "top level" : path.bounded(200)
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue.bounded())' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "at \(path(context)): \(context.debugDescription.bounded(200))"
        @unknown default: return "\(error)".bounded(200)
        }
    }
}

/// A summary file that cannot be read.
public struct WaveSummaryFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}

/// Two summary files that hold the same respondents (equal hashes of IDs, ``RespondentHashes``):
/// overlapping parts or shards, or one summarised twice.
public struct RepeatedRespondentsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var earlierFile: String
    /// The ID column.
    public var column: String
    /// How many of `file`'s IDs are also in the files before it (`earlierFile` holds at least the first).
    public var count: Int
    /// Whether `column` is the one the study's duplicates rule finds repeats by: then a repeat may be
    /// a duplicate response the rule, seeing one part at a time, could not exclude.
    public var screenedBy = false

    public var description: String {
        "\(file): \(count) respondent ID\(count == 1 ? "" : "s") of \(column) \(count == 1 ? "is" : "are") also in \(earlierFile)"
            + (screenedBy
                ? " (expected each respondent in one summary only: the duplicates rule excludes a repeated \(column) within a part, not across parts; put a respondent's responses in one part, or run the study on the whole wave)"
                : " (expected each respondent in one summary only: do parts or shards overlap, or was one summarised twice?)")
    }
}
