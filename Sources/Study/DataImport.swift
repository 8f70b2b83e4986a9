import Foundation
import Import
import MessageText
import SurveyData

/// The study file's `import:` key: the waves are platform exports read through their importer
/// (``Import/ImportFormat``), so a Qualtrics CSV or an SPSS file is analysed without a converted copy.
///
/// SPSS (`.sav`, `.zsav`) and Stata (`.dta`) files are always imported; a CSV only when the study
/// file says `import:` (a Qualtrics or LimeSurvey export is a CSV whose header rows a plain CSV
/// reader would take for data).
public struct DataImport: Sendable, Equatable {
    /// The format; `nil` to detect it from each file, as `paradox import` does.
    public var format: ImportFormat?
    /// A LimeSurvey export's survey structure (`.lss`).
    public var structure: FileReference?

    public init(format: ImportFormat? = nil, structure: FileReference? = nil) {
        self.format = format
        self.structure = structure
    }

    /// `import: {from: qualtrics, structure: survey.lss}`; `import: auto` (or `{}`) detects the format.
    init(yaml node: YAMLValue, base: URL) throws {
        if node.node.scalar != nil {
            guard try node.string() == "auto" else { throw node.error("expected auto or a mapping with from (and structure)") }
            self.init()
            return
        }
        try node.checkKeys(["from", "structure"])
        var format: ImportFormat?
        if let fromNode = try node.optional("from") {
            let name = try fromNode.string()
            guard let known = ImportFormat(rawValue: name) else {
                throw fromNode.error("unknown format '\(Excerpt.excerpt(name))' (expected \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            format = known
        }
        self.init(format: format, structure: try node.optional("structure").map { FileReference(written: try $0.string(), relativeTo: base) })
    }

    /// Whether `file` is read through an importer under `dataImport` (the study's `import:`, if any).
    static func imports(_ file: FileReference, under dataImport: DataImport?) -> Bool {
        dataImport != nil || ["sav", "zsav", "dta"].contains(file.url.pathExtension.lowercased())
    }

    /// The export at `file` as a codebook and a plain CSV in memory.
    /// - Throws: the importer's ``Import/ImportError`` or `DataError`, naming the export.
    static func read(_ file: FileReference, under dataImport: DataImport?) throws -> ImportedSurvey {
        let format = try dataImport?.format ?? ImportFormat.detect(file.url)
        return try format.read(file.url, structure: dataImport?.structure?.url, dataTo: .memory)
    }
}
