import Foundation
import Import
import Privacy
import Reporting
import Study
import SurveyData
import SurveyStats
import Thematic

/// One parser of untrusted input, driven the way a command drives it: the bytes are written to a
/// file and read by the same call the command makes, and what the command then does with the result
/// (analyse, render) is done too, so that a crash or a hang anywhere on the user's path is found.
///
/// An input passes when the call returns, or throws an error a user can read: ``FuzzFinding`` lists
/// what does not pass besides a crash (which ends the process) and a hang (which the driver's
/// watchdog reports).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A wave under the bundled study's codebook: `paradox run` minus writing the files.
    case wave
    /// A data file without a codebook: `paradox describe` (its engine, or the plain path it falls back to).
    case inferred
    /// A variable codebook (YAML), run on the bundled wave.
    case codebook
    /// A study file (YAML), run on the bundled codebook and wave.
    case study
    /// A summary file from `paradox summarize`, merged as `paradox merge` does.
    case summary
    /// A summary file of a study with a sampling design (weights, strata, PSUs, fpc; or rows as
    /// PSUs), merged as `paradox merge` does, alone and after another shard's summary.
    case designSummary = "design-summary"
    /// An interview transcript (plain text), coded with the bundled theme codebook.
    case transcript
    /// A theme codebook (YAML), coding the bundled interviews.
    case themes
    /// A Qualtrics CSV export: `paradox import --from qualtrics`, then its data read with its codebook.
    case qualtrics
    /// A LimeSurvey survey structure (.lss): `paradox import --from limesurvey --lss` on the bundled-in fixture's responses.
    case limesurveyStructure = "lss"
    /// An SPSS .sav file through ReadStat: `paradox import --from spss`, then its data read with its codebook.
    case spss
    /// A Stata .dta file through ReadStat: `paradox import --from stata`, likewise.
    case stata
    /// A REFI-QDA project (.qdpx) as gold coding: `paradox code --gold` on the bundled interviews.
    case qdpx
    /// Raking targets (YAML): `paradox weight --targets` on the raking fixture's wave.
    case targets
    /// A names list (`--names`, `privacy: {names: …}`): read, then the redaction of a bundled transcript with it.
    case names

    /// The package's root folder (this file is Tests/FuzzTargets/FuzzTarget.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The seed corpus: `Tests/Fuzz/Corpus/<target>/`.
    public var corpus: URL { Self.packageRoot.appendingPathComponent("Tests/Fuzz/Corpus/\(rawValue)") }
    /// Inputs that once crashed, hung or gave an unreadable error: `Tests/Fuzz/Regressions/<target>/`.
    public var regressions: URL { Self.packageRoot.appendingPathComponent("Tests/Fuzz/Regressions/\(rawValue)") }

    /// Runs one input. Throws ``FuzzFinding`` when the input is handled badly without crashing.
    public func run(_ bytes: [UInt8], in workspace: FuzzWorkspace) throws {
        do {
            try runUnchecked(bytes, in: workspace)
        } catch let finding as FuzzFinding {
            throw finding
        } catch {
            try FuzzFinding.check(error)
        }
    }

    private func runUnchecked(_ bytes: [UInt8], in workspace: FuzzWorkspace) throws {
        let bundled = workspace.bundled
        switch self {
        case .wave:
            var plan = bundled.plan
            plan.data = [try workspace.file("wave.csv", bytes)]
            plan.interviews = nil
            _ = try ReportFiles.render(PrivacyGate.apply(StudyRunner.run(plan), plan: plan))
        case .inferred:
            _ = try FileDescription.describe(try workspace.file("data.csv", bytes).url, delimiter: nil, columns: nil)
        case .codebook:
            var plan = bundled.plan
            plan.codebook = try workspace.file("codebook.yml", bytes)
            plan.interviews = nil
            _ = try ReportFiles.render(PrivacyGate.apply(StudyRunner.run(plan), plan: plan))
        case .study:
            let file = try workspace.file("study.yml", bytes)
            var plan = try StudyPlan.load(from: file.url)
            plan.codebook = bundled.plan.codebook
            plan.data = bundled.plan.data
            plan.interviews = nil
            _ = try ReportFiles.render(PrivacyGate.apply(StudyRunner.run(plan), plan: plan))
        case .summary:
            try Self.merge(bytes, identity: bundled.identity, after: nil, in: workspace)
        case .designSummary:
            // The design study the file names (a mutated title: the first, which refuses it).
            struct Title: Decodable { var study: String }
            let title = try? JSONDecoder().decode(Title.self, from: Data(bytes)).study
            let study = workspace.designStudies.first { $0.identity.plan.title == title } ?? workspace.designStudies[0]
            try Self.merge(bytes, identity: study.identity, after: study.firstShard, in: workspace)
        case .transcript:
            // The extension the content suggests: the reader picks its format by the file's extension.
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            let name = text.hasPrefix("WEBVTT") ? "INT99.vtt" : text.contains("-->") ? "INT99.srt" : "INT99.txt"
            let transcript = try TranscriptReader.read(contentsOf: try workspace.file(name, bytes).url)
            _ = try ThematicAnalysis.run([transcript], codebook: bundled.themes)
        case .themes:
            let themes = try ThemeCodebook.load(contentsOf: try workspace.file("themes.yml", bytes).url)
            _ = try ThematicAnalysis.run(bundled.transcripts, codebook: themes)
        case .qualtrics, .spss, .stata:
            let (format, name): (ImportFormat, String) = self == .qualtrics ? (.qualtrics, "export.csv") : self == .spss ? (.spss, "survey.sav") : (.stata, "survey.dta")
            let survey = try format.read(try workspace.file(name, bytes).url)
            let codebook = try Codebook(yaml: YAMLValue(text: survey.codebook.yamlText(), file: "codebook.yml"))
            _ = try Dataset.load(reader: CSVReader(bytes: survey.dataCSV, file: "data.csv"), codebook: codebook)
        case .qdpx:
            let coding = try ThematicAnalysis.run(bundled.transcripts, codebook: bundled.themes)
            let imported = try REFIQDAImport.codings(contentsOf: try workspace.file("project.qdpx", bytes).url, for: coding,
                                                    maximumInflatedBytes: 16 << 20)
            _ = try ThematicSummary(coding, attributes: nil, coders: imported.coders)
        case .targets:
            let wave = Self.packageRoot.appendingPathComponent("Tests/Fixtures/raking/wave.csv")
            let targets = try RakingTargets.load(from: try workspace.file("targets.yml", bytes).url)
            _ = try FileRaking.run(wave, delimiter: nil, targets: targets, cap: nil, tolerance: 1e-10, maxIterations: 200)
        case .names:
            let names = try RedactionNames.read(contentsOf: try workspace.file("names.txt", bytes).url, shown: "names.txt")
            let transcript = try String(contentsOf: Self.packageRoot.appendingPathComponent("Data/interviews/INT01.txt"), encoding: .utf8)
            _ = TextRedaction.redact(transcript, names: names)
        case .limesurveyStructure:
            let responses = Self.packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures/limesurvey-responses.csv")
            let survey = try ImportFormat.limesurvey.read(responses, structure: try workspace.file("survey.lss", bytes).url)
            _ = try survey.codebook.yamlText()
        }
    }
}

extension FuzzTarget {
    /// `paradox merge` of a summary file under `identity`, analysed and rendered: alone, and after
    /// the summary file `earlier` when given (the merge of two shards).
    ///
    /// A mutation rarely keeps the content hash right, so an input that decodes is also merged
    /// sealed with the hash of its own summary, as a file crafted on purpose would be, for the
    /// validation behind the hash check to see it.
    static func merge(_ bytes: [UInt8], identity: SummaryIdentity, after earlier: URL?, in workspace: FuzzWorkspace) throws {
        func merge(_ bytes: [UInt8], as name: String) throws {
            let file = try workspace.file(name, bytes)
            for files in [[file.url]] + (earlier.map { [[$0, file.url]] } ?? []) {
                do {
                    if let merged = try WaveSummaryFile.merged(files, expecting: identity) {
                        _ = try ReportFiles.render(PrivacyGate.apply(StudyRunner.analyse(identity, merged: merged), plan: identity.plan))
                    }
                } catch {
                    try FuzzFinding.check(error)
                }
            }
        }
        if let decoded = try? JSONDecoder().decode(WaveSummaryFile.self, from: Data(bytes)), let sealed = try? decoded.encoded() {
            try merge(Array(sealed.utf8), as: "sealed.summary.json")
        }
        try merge(bytes, as: "part.summary.json")
    }
}

/// An input handled badly without a crash: an error no user can read.
public struct FuzzFinding: Error, CustomStringConvertible {
    public var description: String

    /// The longest error message a user should see (a cell is quoted up to ~80 characters).
    static let longestMessage = 2_000

    /// Passes an error a user can read: a Paradox error type with a bounded, specific message.
    static func check(_ error: Error) throws {
        let message = "\(error)"
        let type = String(reflecting: Swift.type(of: error))
        if type.hasPrefix("Foundation.") || type.hasPrefix("Swift.") || message.contains("Error Domain=") {
            throw FuzzFinding(description: "raw \(type) reached the user: \(message.prefix(300))")
        }
        if message.count > longestMessage {
            throw FuzzFinding(description: "error message of \(message.count) characters (at most \(longestMessage)): \(message.prefix(300))…")
        }
    }
}
