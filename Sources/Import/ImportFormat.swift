import Foundation
import SurveyData

/// The platform exports `paradox import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    case qualtrics, spss, stata, limesurvey

    /// The format of the file at `url`, from its first bytes: SPSS's `$FL2`/`$FL3` record, Stata's
    /// `<stata_dta>` header or format byte (113–115 with a `.dta` name), a CSV whose header names
    /// Qualtrics' `ResponseId` or LimeSurvey's `submitdate`.
    public static func detect(_ url: URL) throws -> ImportFormat {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        if head.starts(with: Array("$FL2".utf8)) || head.starts(with: Array("$FL3".utf8)) { return .spss }
        if head.starts(with: Array("<stata_dta>".utf8)) { return .stata }
        if url.pathExtension.lowercased() == "dta", let version = head.first, (113...115).contains(version) { return .stata }
        let text = String(decoding: head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...], as: UTF8.self)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine.contains("submitdate") && firstLine.contains("startlanguage") { return .limesurvey }
        if QualtricsImport.looksLikeExport(head[...]) { return .qualtrics }
        throw ImportError(file: url.path, line: 1, kind: .unknownFormat(reason: "its first bytes are no SPSS or Stata header and its first line names no ResponseId or submitdate column"))
    }

    /// Whether `name` is a column the platform adds to every export (Qualtrics' `Status`,
    /// `Progress`, …; LimeSurvey's `lastpage`, …) rather than an answer to a question.
    public static func isPlatformColumn(_ name: String) -> Bool {
        QualtricsMetadata.roles[name] != nil || LimeSurveyImport.roles[name] != nil
    }

    /// Reads the export at `url` as this format, its data to `destination`; `structure` is a
    /// LimeSurvey export's `.lss` file.
    public func read(_ url: URL, structure: URL? = nil, dataTo destination: DataDestination = .memory) throws -> ImportedSurvey {
        switch self {
        case .qualtrics: return try QualtricsImport.read(contentsOf: url, dataTo: destination)
        case .spss, .stata: return try StatisticalImport.read(contentsOf: url, format: self, dataTo: destination)
        case .limesurvey: return try LimeSurveyImport.read(contentsOf: url, structure: structure, dataTo: destination)
        }
    }
}
