import ArgumentParser
import Foundation
import MessageText
import Privacy
import Reporting
import Thematic

/// `paradox code TRANSCRIPT… --codebook FILE`: deductive thematic coding of interview transcripts.
struct Code: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Code interview transcripts with a theme codebook.",
        discussion: """
        Transcripts: plain text with speaker labels (Interviewer:, P07:, Q:/A:, [00:12:31] Name:), WebVTT (.vtt)
        or SRT (.srt); a .csv file holds pre-segmented text, one row per segment (id, text, optional participant, any
        attribute columns), the row id being the segment id. E-mail addresses, phone numbers, IP addresses, coordinate
        pairs, street addresses, person names, personal URLs, the names of --names FILE (one a line) and of the
        participants (speaker labels, a participants file's name column) are replaced ([email], [name], …) in everything printed or written,
        offsets included (the themes are coded on the original text); stderr says how many. Prints theme frequencies and prevalence, theme × attribute matrices, co-occurrence of the
        top-level themes, exemplar quotes and, with --gold, agreement with a human coding (κ, PABAK, α, precision,
        recall, F1); with several --gold files (or a .qdpx project coded by several users), Fleiss' κ among the coders
        and agreement with their majority. A .qdpx gold file is read as REFI-QDA: its codes match themes by label or id, a
        segment is coded by a user when one of the user's selections overlaps it by at least one character.
        JSON: {"unit", "participants", "themes", "matrices", "cooccurrence", "exemplars", "segments", "agreement",
        "panel", "learned"}.
        """)

    @Argument(help: "Transcript files (.txt, .vtt, .srt) or CSV files of pre-segmented text (id,text[,participant,attributes…]).")
    var transcripts: [String]

    @Option(help: "Theme codebook (YAML).")
    var codebook: String

    @Option(help: "Segmentation unit: turn, paragraph or sentence.")
    var unit: SegmentationUnit = .turn

    @Flag(help: "Code interviewer turns too.")
    var codeInterviewer = false

    @Flag(name: .customLong("no-speakers"), help: "Plain-text files have no header and no speaker labels: each file is one participant's text (cut it with --unit paragraph or sentence).")
    var noSpeakers = false

    @Option(help: "Participants CSV (id column plus attributes such as role, industry).")
    var participants: String?

    @Option(help: "A file of names to replace in every output too, one a line (whole words, any case).")
    var names: String?

    @Option(help: "Participant attribute for a theme matrix (repeatable; default: every attribute that groups participants, i.e. all but those with a different value for each one).")
    var by: [String] = []

    @Option(help: "Human coding to measure agreement with: a CSV (segment_id,themes) or a REFI-QDA project (.qdpx, one coder per user); repeat for several coders (Fleiss' κ among them, the tool against their majority).")
    var gold: [String] = []

    @Option(help: "Folder holding the texts of .qdpx sources stored outside the project (relative:// paths, default: the .qdpx's folder; absolute:// paths: read as DIR/<file name>).")
    var sources: String?

    @Option(help: "Human coding (CSV or .qdpx; several coders: their majority) to learn per-theme coding from; reports its 5-fold cross-validated precision, recall and κ beside the dictionary's.")
    var train: String?

    @Option(help: "With --train: write the learned model as YAML.")
    var saveModel: String?

    @Option(help: "Learned model (YAML from --save-model) to suggest codes with.")
    var model: String?

    @Option(help: "With --train or --model: write every theme the learned coding suggests (probability ≥ .5) as CSV, for review.")
    var suggestions: String?

    @Option(help: "With --gold: write every segment the two codings disagree on (text, codes, terms that fired) as CSV.")
    var disagreements: String?

    @Option(help: "Write a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder: Paradox's coding, each --gold coder and the learned suggestions as users of their own.")
    var qdpx: String?

    @Option(help: "Write the codebook alone as REFI-QDA (.qdc).")
    var qdc: String?

    @Option(help: "Write the coded segments (one 0/1 column per theme) as CSV.")
    var segments: String?

    @Option(help: "Output format: text, markdown, csv or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if transcripts.isEmpty { throw ValidationError("Give at least one transcript file.") }
        if disagreements != nil, gold.isEmpty { throw ValidationError("--disagreements needs --gold (the human coding to compare with).") }
        if train != nil, model != nil { throw ValidationError("Give --train (learn a model) or --model (apply one), not both.") }
        if sources != nil, !(gold + [train].compactMap { $0 }).contains(where: { $0.lowercased().hasSuffix(".qdpx") }) {
            throw ValidationError("--sources needs a .qdpx project (--gold or --train) whose texts it holds.")
        }
        if saveModel != nil, train == nil { throw ValidationError("--save-model needs --train (the human coding to learn from).") }
        if suggestions != nil, train == nil, model == nil { throw ValidationError("--suggestions needs --train or --model.") }
    }

    private var sourcesFolder: URL? { sources.map { URL(fileURLWithPath: $0, isDirectory: true) } }

    func run() throws {
        try failing {
            let original = try ThematicAnalysis.run(
                transcripts: transcripts.map { URL(fileURLWithPath: $0) }, codebook: URL(fileURLWithPath: codebook),
                participants: participants.map { URL(fileURLWithPath: $0) }, unit: unit, codesInterviewer: codeInterviewer,
                detectsSpeakers: !noSpeakers)
            // Human codings are matched to the transcripts as their coders saw them (a .qdpx holds the
            // original text); every output shows the redacted texts (the privacy gate's TextRedaction),
            // and a learned model sees only those, so that no name can end up among its words.
            let known = try names.map { try RedactionNames.read(contentsOf: URL(fileURLWithPath: $0), shown: $0) } ?? .none
            let (result, redactions, segmentIDs) = CodingRedaction.redact(original, names: known)
            let coders = try gold.flatMap { try humanCodings(URL(fileURLWithPath: $0), result: original, sources: sourcesFolder) }
                .map { CodingRedaction.renamed($0, segmentIDs: segmentIDs) }
            let skipped = result.skippedQuestionTurns
            if !skipped.isEmpty {
                let counts = skipped.map { "\($0.transcript) (\($0.turns))" }
                printWarning("Q: turns are interviewer turns and were not coded (--code-interviewer codes them): \(Excerpt.excerptList(counts))")
            }
            var summary = try ThematicSummary(result, attributes: by.isEmpty ? nil : by, coders: coders)
            var tables: [Table] = [.themeFrequencies(result)]
            tables += summary.matrices.map { .themeMatrix($0, result: result) }
            tables.append(.themeCooccurrence(summary.cooccurrence, result: result))
            tables.append(.themeExemplars(summary.exemplars, result: result))
            if let panel = summary.panel { tables.append(.coderPanelAgreement(panel)) }
            if let agreement = summary.agreement {
                let second = summary.panel == nil ? "Human" : "Majority"
                tables += [.coderAgreement(agreement, secondCoder: second), .coderPrecisionRecall(agreement)]
            }
            // Every output file is written before any is renamed into place.
            var files: [(path: String, content: Data)] = []
            var learned: LearnedCodingModel?
            if let train {
                let trainers = try humanCodings(URL(fileURLWithPath: train), result: original, sources: sourcesFolder).map { CodingRedaction.renamed($0, segmentIDs: segmentIDs) }
                let gold = trainers.count >= 2 ? try result.panel(trainers).majority : trainers[0]
                let evaluation = try LearnedCodingEvaluation.crossValidate(result, gold: gold)
                summary.learned = evaluation
                tables.append(.learnedCodingEvaluation(evaluation))
                learned = LearnedCodingModel.train(result, gold: gold)
            }
            if let model { learned = try LearnedCodingModel.load(contentsOf: URL(fileURLWithPath: model), codebook: result.codebook) }
            if let saveModel, let learned { files.append((saveModel, Data(learned.yaml(codebook: result.codebook).utf8))) }
            if let suggestions, let learned {
                files.append((suggestions, Data(CSVRenderer.render(.learnedSuggestions(learned.suggestions(for: result))).utf8)))
            }
            if let disagreements {
                let reference = coders.count >= 2 ? try result.panel(coders).majority : coders[0]
                files.append((disagreements, Data(CSVRenderer.render(.codingDisagreements(try result.disagreements(with: reference))).utf8)))
            }
            if let qdpx {
                // The human coders and the learned coding's suggestions go in as users of their own, for review.
                let suggested = learned.map { model in
                    HumanCoding(segmentIDs: result.segments.map(\.segment.id),
                                themes: Dictionary(grouping: model.suggestions(for: result), by: \.segment.id).mapValues { Set($0.map(\.themeID)) },
                                source: "Paradox learned coding (suggestions for review)")
                }
                files.append((qdpx, REFIQDAExport.project(result, coders: coders + (suggested.map { [$0] } ?? [])).data))
            }
            if let qdc { files.append((qdc, Data(REFIQDAExport.codebookXML(result.codebook).utf8))) }
            if let segments { files.append((segments, Data(CSVRenderer.render(.codedSegments(result)).utf8))) }
            try AtomicFile.write(files)
            if !redactions.isEmpty { printNote("personal data replaced in every output: \(CodingRedaction.describe(redactions))") }
            print(try render(tables, json: summary, format: format), terminator: "")
        }
    }
}

/// The coders of one `--gold` file: a CSV is one coder; a REFI-QDA project one per user, with a
/// warning for what of it could not be used.
private func humanCodings(_ url: URL, result: CodingResult, sources: URL?) throws -> [HumanCoding] {
    guard url.pathExtension.lowercased() == "qdpx" else { return [try HumanCoding.read(contentsOf: url, codebook: result.codebook)] }
    let imported = try REFIQDAImport.codings(contentsOf: url, for: result, sources: sources)
    if !imported.unmatchedCodes.isEmpty {
        printWarning("\(url.path): codes that name no theme of \(result.codebook.source), their codings left out: \(Excerpt.excerptList(imported.unmatchedCodes))")
    }
    if !imported.unmatchedSources.isEmpty {
        printWarning("\(url.path): sources that are no transcript being coded, left out: \(Excerpt.excerptList(imported.unmatchedSources))")
    }
    if !imported.uncodedTranscripts.isEmpty {
        printWarning("\(url.path): transcripts the project does not hold, not compared: \(Excerpt.excerptList(imported.uncodedTranscripts))")
    }
    return imported.coders
}

extension SegmentationUnit: ExpressibleByArgument {}
