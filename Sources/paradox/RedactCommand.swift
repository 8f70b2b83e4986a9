import ArgumentParser
import Foundation
import Privacy
import Reporting

/// `paradox redact INPUT… --out DIR`: redacted copies of transcripts and CSV files, with a review log.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write redacted copies of transcripts and of CSV files of segments or open answers.",
        discussion: """
        E-mail addresses, phone numbers, IP addresses, GPS coordinate pairs, street addresses, person names and personal
        URLs (profiles, mailto:, IDs or e-mail addresses in the query) become [email], [phone], [ip], [gps], [address],
        [name] and [url], as in the report's quotes; so do the names of --names FILE (one a line: whole words, any
        case, several words apart by spaces, a possessive 's kept: Jane's → [name]'s). A .csv file is read as a table:
        the cells of the --column columns (every column without --column) are redacted, the header is kept. Any other
        file is text, redacted line by line. A folder stands for the files in it (and its subfolders; hidden files
        skipped), written under its name. OUT gets the copies and redaction-log.csv (file, line, field, position, kind,
        characters of each replacement, never the value). The inputs are only read; OUT is written as a whole or not at
        all (see paradox run).
        """)

    @Argument(help: "Transcript files, CSV files or folders of them.")
    var inputs: [String]

    @Option(help: "The folder to write the redacted copies and the review log to.")
    var out: String

    @Option(name: .customLong("column"), help: "A column of the CSV files to redact (repeatable; default: every column).")
    var columns: [String] = []

    @Option(help: "A respondent ID column of the CSV files whose values become keyed pseudonyms (HMAC-SHA256, as paradox run's); needs --id-key-env.")
    var idColumn: String?

    @Option(help: "The environment variable holding the pseudonyms' key.")
    var idKeyEnv: String?

    @Option(help: "A file of names to replace too, one a line (whole words, any case; '#' starts a comment line).")
    var names: String?

    static let logName = "redaction-log.csv"

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one transcript, CSV file or folder.") }
        if (idColumn == nil) != (idKeyEnv == nil) { throw ValidationError("--id-column and --id-key-env go together.") }
    }

    func run() throws {
        try failing {
            let files = try RedactionInputs(inputs, reserved: [Self.logName]).files
            let known = try names.map { try RedactionNames.read(contentsOf: URL(fileURLWithPath: $0), shown: $0) } ?? .none
            let ids = try idColumn.map { column -> (column: String, pseudonym: Pseudonym) in
                guard let variable = idKeyEnv, let key = ProcessInfo.processInfo.environment[variable], !key.isEmpty else {
                    throw RedactionError.missingKey(variable: idKeyEnv ?? "")
                }
                return (column, Pseudonym(key: key))
            }
            let summary = try OutputFolder.write(to: out) { folder in
                var replacements: [FileRedaction.Replacement] = []
                var written: [(path: String, content: Data)] = []
                for file in files {
                    let redacted = file.isCSV
                        ? try FileRedaction.redactCSV(at: file.url, shown: file.shown, columns: columns, ids: ids, names: known)
                        : try FileRedaction.redactText(at: file.url, shown: file.shown, names: known)
                    written.append((file.output, redacted.content))
                    replacements += redacted.replacements
                }
                written.append((Self.logName, Data(FileRedaction.log(replacements).utf8)))
                try folder.write(written)
                let kinds = PersonalDataKind.allCases.compactMap { kind -> String? in
                    let count = replacements.filter { $0.kind == kind }.count
                    return count == 0 ? nil : "\(kind.description) \(count)"
                }
                return "Redacted \(files.count) file\(files.count == 1 ? "" : "s") to \(out)/: "
                    + (kinds.isEmpty ? "nothing to replace" : kinds.joined(separator: ", "))
                    + "; review log \(out)/\(Self.logName)."
            }
            print(summary)
        }
    }
}
