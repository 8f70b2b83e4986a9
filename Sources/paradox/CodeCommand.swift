import ArgumentParser
import Foundation
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
        pairs, street addresses and person names are replaced ([email], [name], …) in everything printed or written,
        offsets included (the themes are coded on the original text); stderr says how many. Prints theme frequencies and prevalence, theme × attribute matrices, co-occurrence of the
        top-level themes, exemplar quotes and, with --gold, agreement with a human coding (κ, PABAK, α, precision,
        recall, F1); with several --gold files, Fleiss' κ among the coders and agreement with their majority.
        JSON: {"unit", "participants", "themes", "matrices", "cooccurrence", "exemplars", "segments", "agreement",
        "panel"}.
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

    @Option(help: "Participant attribute for a theme matrix (repeatable; default: every attribute with at most 10 values).")
    var by: [String] = []

    @Option(help: "Human coding CSV (segment_id,themes) to measure agreement with; repeat for several coders (Fleiss' κ among them, the tool against their majority).")
    var gold: [String] = []

    @Option(help: "With --gold: write every segment the two codings disagree on (text, codes, terms that fired) as CSV.")
    var disagreements: String?

    @Option(help: "Write a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder.")
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
    }

    func run() throws {
        try failing {
            // Every output shows the redacted texts (the privacy gate's TextRedaction); the themes are coded on the originals.
            let (result, redactions) = CodingRedaction.redact(try ThematicAnalysis.run(
                transcripts: transcripts.map { URL(fileURLWithPath: $0) }, codebook: URL(fileURLWithPath: codebook),
                participants: participants.map { URL(fileURLWithPath: $0) }, unit: unit, codesInterviewer: codeInterviewer,
                detectsSpeakers: !noSpeakers))
            let coders = try gold.map { try HumanCoding.read(contentsOf: URL(fileURLWithPath: $0), codebook: result.codebook) }
            let summary = try ThematicSummary(result, attributes: by.isEmpty ? nil : by, coders: coders)
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
            if let disagreements {
                let reference = coders.count >= 2 ? try result.panel(coders).majority : coders[0]
                files.append((disagreements, Data(CSVRenderer.render(.codingDisagreements(try result.disagreements(with: reference))).utf8)))
            }
            if let qdpx { files.append((qdpx, REFIQDAExport.project(result).data)) }
            if let qdc { files.append((qdc, Data(REFIQDAExport.codebookXML(result.codebook).utf8))) }
            if let segments { files.append((segments, Data(CSVRenderer.render(.codedSegments(result)).utf8))) }
            try AtomicFile.write(files)
            if !redactions.isEmpty { printNote("personal data replaced in every output: \(CodingRedaction.describe(redactions))") }
            print(try render(tables, json: summary, format: format), terminator: "")
        }
    }
}

extension SegmentationUnit: ExpressibleByArgument {}
