import ArgumentParser
import Foundation
import Import
import SurveyData

extension ImportFormat: ExpressibleByArgument {}

/// `paradox import FILE [--from FORMAT] --codebook-out C.yml --data-out D.csv`: a platform export
/// turned into a codebook and a plain data file that `paradox describe` and study files read.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a survey platform's export into a codebook and a data file.",
        discussion: """
        Reads a Qualtrics CSV export (three header rows, or the legacy two), a LimeSurvey CSV response
        export (with --lss, its survey structure for question texts and answer labels), an SPSS
        .sav/.zsav or a Stata .dta file and writes its codebook (variable labels, value labels, missing codes with
        their reasons, types of the metadata columns, matrix questions as Likert items, PII columns
        marked) and its responses as a CSV with one header line. The format is detected from the
        file's first bytes unless --from is given. Nothing is written when the export has a problem;
        the input file is never written.
        """)

    @Argument(help: "The export to read.")
    var file: String

    @Option(help: "The export's format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: detected).")
    var from: ImportFormat?

    @Option(help: "A LimeSurvey export's survey structure file (.lss): question texts and answer labels.")
    var lss: String?

    @Option(help: "The codebook to write (YAML).")
    var codebookOut: String

    @Option(help: "The data to write (CSV).")
    var dataOut: String

    @Option(help: "An earlier wave's codebook: list what changed (questions added, dropped or renamed, labels, new codes).")
    var against: String?

    @Flag(help: "With --against, any change is an error and nothing is written.")
    var strict = false

    func validate() throws {
        if strict && against == nil { throw ValidationError("--strict needs --against, the earlier wave's codebook.") }
        let input = Self.resolved(file)
        guard Self.resolved(dataOut) != input, Self.resolved(codebookOut) != input else {
            throw ValidationError("An output would overwrite the input file \(file); choose another --data-out or --codebook-out.")
        }
        guard Self.resolved(dataOut) != Self.resolved(codebookOut) else {
            throw ValidationError("--codebook-out and --data-out name the same file.")
        }
    }

    func run() throws {
        try failing {
            let url = URL(fileURLWithPath: file)
            let format = try from ?? ImportFormat.detect(url)
            if lss != nil && format != .limesurvey { throw ValidationError("--lss goes with a LimeSurvey export, not a \(format.rawValue) file.") }
            // Both outputs are written beside their final paths under temporary names, then renamed
            // into place: a failure leaves no half-written file and no earlier output replaced.
            let dataURL = URL(fileURLWithPath: dataOut), codebookURL = URL(fileURLWithPath: codebookOut)
            let dataTemporary = Self.temporary(beside: dataURL), codebookTemporary = Self.temporary(beside: codebookURL)
            defer {
                try? FileManager.default.removeItem(at: dataTemporary)
                try? FileManager.default.removeItem(at: codebookTemporary)
            }
            let survey = try format.read(url, structure: lss.map { URL(fileURLWithPath: $0) }, dataTo: .file(dataTemporary))
            if let against {
                let drift = WaveDrift.compare(old: try Codebook.load(from: URL(fileURLWithPath: against)), new: survey.codebook)
                print(drift.changes.isEmpty ? "No change against \(against)." : "\(drift.changes.count) change\(drift.changes.count == 1 ? "" : "s") against \(against):")
                for change in drift.changes { print("  \(change)") }
                if strict && !drift.changes.isEmpty { throw ImportError(file: file, kind: .drift(count: drift.changes.count, against: against)) }
            }
            do {
                try Data(survey.codebook.yamlText().utf8).write(to: codebookTemporary)
            } catch {
                throw ImportError(file: codebookURL.path, kind: .unwritable(reason: error.localizedDescription))
            }
            try Self.rename(dataTemporary, to: dataURL)
            try Self.rename(codebookTemporary, to: codebookURL)
            print("Imported \(survey.rowCount) responses and \(survey.codebook.variables.count) variables from \(file) (\(format.rawValue)) into \(codebookOut) and \(dataOut).")
        }
    }

    /// The absolute path of `path` with symbolic links resolved, to compare outputs with the input.
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A hidden temporary name in the folder of `url` (so the rename stays on one file system).
    private static func temporary(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    }

    /// Renames `temporary` over `url` (atomic on one file system).
    private static func rename(_ temporary: URL, to url: URL) throws {
        guard Foundation.rename(temporary.path, url.path) == 0 else {
            throw ImportError(file: url.path, kind: .unwritable(reason: String(cString: strerror(errno))))
        }
    }
}
