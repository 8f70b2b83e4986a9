import ArgumentParser
import Foundation
import Reporting
import Thematic

/// `paradox code TRANSCRIPT… --codebook FILE`: deductive thematic coding of interview transcripts.
struct Code: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Code interview transcripts with a theme codebook.",
        discussion: """
        Transcripts: plain text with speaker labels (Interviewer:, P07:, Q:/A:, [00:12:31] Name:), WebVTT (.vtt)
        or SRT (.srt). Prints theme frequencies and prevalence, theme × attribute matrices, co-occurrence of the
        top-level themes, exemplar quotes and, with --gold, agreement with a human coding. JSON: {"unit",
        "participants", "themes", "matrices", "cooccurrence", "exemplars", "segments", "agreement"}.
        """)

    @Argument(help: "Transcript files (.txt, .vtt, .srt).")
    var transcripts: [String]

    @Option(help: "Theme codebook (YAML).")
    var codebook: String

    @Option(help: "Segmentation unit: turn, paragraph or sentence.")
    var unit: SegmentationUnit = .turn

    @Flag(help: "Code interviewer turns too.")
    var codeInterviewer = false

    @Option(help: "Participants CSV (id column plus attributes such as role, industry).")
    var participants: String?

    @Option(help: "Participant attribute for a theme matrix (repeatable; default: every attribute with at most 10 values).")
    var by: [String] = []

    @Option(help: "Human coding CSV (segment_id,themes) to measure agreement with.")
    var gold: String?

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
    }

    struct Output: Encodable {
        var unit: SegmentationUnit
        var participants: [Participant]
        var themes: [ThemeFrequency]
        var matrices: [ThemeAttributeMatrix]
        var cooccurrence: ThemeCooccurrence
        var exemplars: [ThemeExemplar]
        var segments: [CodedSegment]
        var agreement: AgreementResult?
    }

    func run() throws {
        try failing {
            let result = try ThematicAnalysis.run(
                transcripts: transcripts.map { URL(fileURLWithPath: $0) }, codebook: URL(fileURLWithPath: codebook),
                participants: participants.map { URL(fileURLWithPath: $0) }, unit: unit, codesInterviewer: codeInterviewer)
            let agreement = try gold.map { try result.agreement(with: HumanCoding.read(contentsOf: URL(fileURLWithPath: $0), codebook: result.codebook)) }
            let attributes = by.isEmpty
                ? result.attributeNames.filter { name in Set(result.participants.compactMap { $0[name] }).count <= 10 }
                : by
            let matrices = attributes.map(result.matrix)
            let topLevel = result.codebook.children(of: nil)
            let cooccurrence = result.cooccurrence(of: topLevel)
            let exemplars = result.exemplars()
            var tables: [Table] = [.themeFrequencies(result)]
            tables += matrices.map { .themeMatrix($0, result: result) }
            tables.append(.themeCooccurrence(cooccurrence, result: result))
            tables.append(.themeExemplars(exemplars, result: result))
            if let agreement { tables.append(.coderAgreement(agreement)) }
            if let qdpx { try REFIQDAExport.project(result).write(to: URL(fileURLWithPath: qdpx)) }
            if let qdc { try Data(REFIQDAExport.codebookXML(result.codebook).utf8).write(to: URL(fileURLWithPath: qdc)) }
            if let segments { try Data(CSVRenderer.render(.codedSegments(result)).utf8).write(to: URL(fileURLWithPath: segments)) }
            let output = Output(unit: unit, participants: result.participants, themes: result.themeFrequencies(),
                                matrices: matrices, cooccurrence: cooccurrence,
                                exemplars: result.themeOrder.flatMap { exemplars[$0] ?? [] },
                                segments: result.segments, agreement: agreement)
            print(try render(tables, json: output, format: format), terminator: "")
        }
    }
}

extension SegmentationUnit: ExpressibleByArgument {}
