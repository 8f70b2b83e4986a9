import Foundation
import Import
import SurveyData

/// One wave read for a study: its summary for the analyses and, when the study screens, who was
/// excluded.
///
/// A plain CSV without screening is summarised block by block from the file
/// (``WaveSummary/init(plan:reading:codebook:delimiter:shard:collectingIDHashes:rowsPerBlock:progress:)``).
/// A platform export is imported in memory (its data as a plain CSV, errors naming the export and,
/// for a CSV export, its lines), and a screened wave is loaded whole, screened (``Screening``), and
/// the respondents kept are summarised.
struct WaveReading {
    var summary: WaveSummary
    var flow: ParticipantFlow?
    /// Per open-ended question of the plan, the answers of the respondents analysed.
    var openEnded: [OpenEndedAnswers] = []
    /// The first rows of the cells read (``CellSample``): the file's, or its import's.
    var cellSample: CellSample?

    /// - Parameter imported: the wave's import when it was already made (for the codebook of a study without one).
    static func read(_ file: FileReference, of plan: StudyPlan, codebook: Codebook, imported: ImportedSurvey? = nil,
                     progress: LoadProgress?) throws -> WaveReading {
        let isExport = DataImport.imports(file, under: plan.dataImport)
        guard isExport || plan.screening?.isEmpty == false else {
            let collector = plan.openEnded.isEmpty ? nil : OpenEndedCollector(plan.openEnded, codebook: codebook)
            let summary = try StudyRunner.summarize(file, of: plan, codebook: codebook, progress: progress,
                                                    eachBlock: collector.map { collector in { @Sendable block in try collector.add(block) } })
            return WaveReading(summary: summary, openEnded: collector?.answers() ?? [],
                               cellSample: CellSample(contentsOf: file.url, delimiter: plan.delimiter))
        }
        let survey = try isExport ? imported ?? DataImport.read(file, under: plan.dataImport) : nil
        let reader = try survey.map { try CSVReader(bytes: $0.dataCSV, file: file.url.path, delimiter: UInt8(ascii: ",")) }
            ?? CSVReader(contentsOf: file.url, delimiter: plan.delimiter)
        let cellSample = survey.map { CellSample(csv: $0.dataCSV, file: file.url.path, delimiter: UInt8(ascii: ",")) }
            ?? CellSample(contentsOf: file.url, delimiter: plan.delimiter)
        let lineShift = survey?.lineShift ?? 0
        guard let screening = plan.screening, !screening.isEmpty else {
            let dataset = try load(reader, codebook: codebook, lineShift: lineShift, progress: progress)
            return WaveReading(summary: try WaveSummary(plan: plan.analyses, dataset: dataset, codebook: codebook),
                               openEnded: try plan.openEnded.map { try OpenEndedAnswers($0, dataset: dataset, codebook: codebook) },
                               cellSample: cellSample)
        }
        let whole = try load(reader, codebook: codebook.allowingRepeats(of: screening.duplicates?.by?.name), lineShift: lineShift, progress: progress)
        let screened = try Screening(screening, dataset: whole, codebook: codebook, file: file.written)
        var flow = screened.flow
        let split = try ScreenedRows(reader, exclusions: screened.exclusions, codebook: codebook, lineShift: lineShift)
        if screening.excludedOut != nil { flow.excludedCSV = split.excludedCSV }
        let kept = flow.analysed == whole.rowCount ? whole
            : try Dataset.load(reader: CSVReader(bytes: split.keptCSV, file: file.url.path, delimiter: UInt8(ascii: ",")), codebook: codebook)
        return WaveReading(summary: try WaveSummary(plan: plan.analyses, dataset: kept, codebook: codebook), flow: flow,
                           openEnded: try plan.openEnded.map { try OpenEndedAnswers($0, dataset: kept, codebook: codebook) },
                           cellSample: cellSample)
    }

    /// The whole wave, its errors at the export's lines.
    private static func load(_ reader: CSVReader, codebook: Codebook, lineShift: Int, progress: LoadProgress?) throws -> Dataset {
        do {
            return try Dataset.load(reader: reader, codebook: codebook, progress: progress)
        } catch let error as DataError where lineShift != 0 {
            throw error.shifted(by: lineShift, after: 1)
        }
    }
}

extension Codebook {
    /// The codebook with the ID variable `name` read as text, so that a repeated ID reaches the
    /// duplicates rule instead of stopping the load.
    func allowingRepeats(of name: String?) -> Codebook {
        guard let name, let index = variables.firstIndex(where: { $0.name == name && $0.kind == .id }) else { return self }
        var copy = self
        copy.variables[index].kind = .text
        return copy
    }
}
