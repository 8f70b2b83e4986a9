import Foundation

/// The file `paradox summarize` writes for one part of a wave and `paradox merge` reads: the
/// part's ``WaveSummary`` with what identifies it (JSON, numbers at full precision).
public struct WaveSummaryFile: Sendable, Equatable, Codable {
    public static let formatName = "paradox-wave-summary"
    public static let currentVersion = 2

    public var format: String
    public var version: Int
    /// The study's title, to catch parts summarised for another study.
    public var study: String
    /// The part's data file as given on the command line.
    public var part: String
    public var summary: WaveSummary

    public init(study: String, part: String, summary: WaveSummary) {
        format = Self.formatName
        version = Self.currentVersion
        self.study = study
        self.part = part
        self.summary = summary
    }

    /// The JSON text, keys sorted so that equal summaries give equal files.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a summary file written for the study titled `study`.
    /// - Throws: ``WaveSummaryFileError`` naming the file and what was expected.
    public static func read(_ url: URL, study: String) throws -> WaveSummaryFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WaveSummaryFileError(file: url.path, reason: "no such file, or no permission to read it")
        }
        // The format and version first: a summary of another version may not decode as this one.
        struct Header: Decodable { var format: String; var version: Int }
        let file: WaveSummaryFile
        do {
            let header = try JSONDecoder().decode(Header.self, from: data)
            guard header.format == formatName, header.version == currentVersion else {
                throw WaveSummaryFileError(file: url.path, reason: "format '\(header.format)' version \(header.version) "
                                           + "(expected '\(formatName)' version \(currentVersion))")
            }
            file = try JSONDecoder().decode(WaveSummaryFile.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw WaveSummaryFileError(file: url.path, reason: "not JSON (expected a summary written by paradox summarize)")
        } catch let error as DecodingError {
            throw WaveSummaryFileError(file: url.path, reason: "not a Paradox wave summary: \(Self.describe(error))")
        }
        guard file.study == study else {
            throw WaveSummaryFileError(file: url.path, reason: "summarised for the study '\(file.study)' (expected '\(study)')")
        }
        return file
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' at \(path(context).isEmpty ? "top level" : path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}

/// A summary file that cannot be read.
public struct WaveSummaryFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}
