import Foundation
import MessageText

/// A file format of a study report, as `--formats` names it: `md` (report.md), `html`
/// (report.html), `tex` (tables.tex), `docx` (report.docx), `json` (results.json), `csv`
/// (csv/NN_<table>.csv) and `svg` (figures/NN_<figure>.svg).
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, html, tex, docx, json, csv, svg

    /// The formats of a comma-separated list such as `md,docx`; `all` for every format.
    /// - Throws: ``ReportFormatError`` for an empty list or a name that is not a format.
    public static func list(_ text: String) throws -> Set<ReportFormat> {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if names == ["all"] { return Set(allCases) }
        var formats = Set<ReportFormat>()
        for name in names {
            guard let format = ReportFormat(rawValue: name.lowercased()) else { throw ReportFormatError.unknown(String(name)) }
            formats.insert(format)
        }
        return formats
    }
}

/// A `--formats` list that names no format of ``ReportFormat``.
public enum ReportFormatError: Error, Equatable, CustomStringConvertible {
    case unknown(String)

    public var description: String {
        switch self {
        case .unknown(let name):
            let shown = name.isEmpty ? "an empty name" : "'\(Excerpt.excerpt(name))'"
            return "--formats: \(shown) is not a report format (expected a comma-separated list of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), or all)"
        }
    }
}
