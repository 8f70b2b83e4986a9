import Foundation
import SurveyData

/// The file `paradox summarize` writes for one part of a wave (or `paradox merge --summary` for
/// several merged) and `paradox merge` reads: the part's ``WaveSummary`` with what identifies it
/// (JSON, numbers at full precision).
///
/// Summaries come from other machines, so a file is untrusted: ``read(_:expecting:)`` checks the
/// format and version, the study, the hash of the codebook and analysis plan it was made with, and
/// then every count and value of the summary (``WaveSummary/validate(plan:codebook:)``) before it
/// is merged.
public struct WaveSummaryFile: Sendable, Equatable, Codable {
    public static let formatName = "paradox-wave-summary"
    public static let currentVersion = 4

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
        case format, version, study, planHash = "plan_sha256", parts, summary
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Adds the parts of `other`, a summary file of the same study (``WaveSummary/merge(_:)``).
    public mutating func merge(_ other: WaveSummaryFile) throws {
        try summary.merge(other.summary)
        parts += other.parts
    }

    /// Reads a summary file and checks it against `identity`: format and version, study title, the
    /// hash of codebook and plan, then the summary itself (``WaveSummary/validate(plan:codebook:)``).
    /// - Throws: ``WaveSummaryFileError`` naming the file, the key and what was expected.
    public static func read(_ url: URL, expecting identity: SummaryIdentity) throws -> WaveSummaryFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WaveSummaryFileError(file: url.path, reason: "no such file, or no permission to read it")
        }
        func fail(_ reason: String) -> WaveSummaryFileError { WaveSummaryFileError(file: url.path, reason: reason) }
        // The format and version first: a summary of another version may not decode as this one.
        struct Header: Decodable { var format: String; var version: Int }
        let file: WaveSummaryFile
        do {
            let header = try JSONDecoder().decode(Header.self, from: data)
            guard header.format == formatName, header.version == currentVersion else {
                throw fail("format '\(header.format.bounded())' version \(header.version) (expected '\(formatName)' version \(currentVersion))")
            }
            file = try JSONDecoder().decode(WaveSummaryFile.self, from: data)
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
        } catch let error as WaveSummaryError {
            throw fail("\(error)")
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
                    try read(earlier, expecting: identity).summary.idHashes.contains { $0.name == column && $0.summary.contains(hash) }
                }
                throw RepeatedRespondentsError(file: url.path, earlierFile: earlier?.path ?? urls[0].path, column: column, count: count)
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

    public var description: String {
        "\(file): \(count) respondent ID\(count == 1 ? "" : "s") of \(column) \(count == 1 ? "is" : "are") also in \(earlierFile)"
            + " (expected each respondent in one summary only: do parts or shards overlap, or was one summarised twice?)"
    }
}
