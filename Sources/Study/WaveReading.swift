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

    /// - Parameters:
    ///   - imported: the wave's import when it was already made (for the codebook of a study without one).
    ///   - shard: read only this shard of a plain CSV file (``DataShard``); an export is read whole.
    ///   - collectingIDHashes: whether the summary carries the hashes of the respondent IDs analysed
    ///     (``RespondentIDAnalysis``), as a summary for `paradox merge` must.
    static func read(_ file: FileReference, of plan: StudyPlan, codebook: Codebook, imported: ImportedSurvey? = nil,
                     shard: DataShard? = nil, collectingIDHashes: Bool = false, progress: LoadProgress?) throws -> WaveReading {
        let isExport = DataImport.imports(file, under: plan.dataImport)
        guard isExport || plan.screening?.isEmpty == false else {
            let collector = plan.openEnded.isEmpty ? nil : OpenEndedCollector(plan.openEnded, codebook: codebook)
            let summary = try WaveSummary(plan: plan.analyses, reading: file, codebook: codebook, delimiter: plan.delimiter, shard: shard,
                                          collectingIDHashes: collectingIDHashes, progress: progress,
                                          eachBlock: collector.map { collector in { @Sendable block in try collector.add(block) } })
            return WaveReading(summary: summary, openEnded: collector?.answers() ?? [],
                               cellSample: CellSample(contentsOf: file.url, delimiter: plan.delimiter))
        }
        let survey = try isExport ? imported ?? DataImport.read(file, under: plan.dataImport) : nil
        // Where the reader's lines are in the file: after `headerLines`, `lineShift` lines later.
        let reader: CSVReader, headerLines: Int, lineShift: Int
        if let survey {
            (reader, headerLines, lineShift) = (try CSVReader(bytes: survey.dataCSV, file: file.url.path, delimiter: UInt8(ascii: ",")), 1, survey.lineShift)
        } else if let shard {
            (reader, headerLines, lineShift) = try CSVReader.shard(shard, of: file.url, delimiter: plan.delimiter)
        } else {
            (reader, headerLines, lineShift) = (try CSVReader(contentsOf: file.url, delimiter: plan.delimiter), 1, 0)
        }
        let cellSample = survey.map { CellSample(csv: $0.dataCSV, file: file.url.path, delimiter: UInt8(ascii: ",")) }
            ?? CellSample(contentsOf: file.url, delimiter: plan.delimiter)
        func load(_ codebook: Codebook) throws -> Dataset {
            do {
                return try Dataset.load(reader: reader, codebook: codebook, progress: progress)
            } catch let error as DataError where error.kind == .headerOnly && shard != nil {
                return Dataset(noRowsOf: codebook, file: file.url.path)
            } catch let error as DataError where lineShift != 0 {
                throw error.shifted(by: lineShift, after: headerLines)
            }
        }
        /// The summary of the rows analysed, with their IDs' hashes when asked for.
        func summary(of dataset: Dataset) throws -> WaveSummary {
            var summary = try WaveSummary(plan: plan.analyses, dataset: dataset, codebook: codebook)
            if collectingIDHashes {
                summary[RespondentIDAnalysis.self] = RespondentIDHashes(columns: Dataset.sortedIDHashes(of: dataset, codebook: codebook).map {
                    WaveSummary.Named(name: $0.name, summary: RespondentHashes(sorted: $0.hashes))
                })
            }
            return summary
        }
        guard let screening = plan.screening, !screening.isEmpty else {
            let dataset = try load(codebook)
            return WaveReading(summary: try summary(of: dataset),
                               openEnded: try plan.openEnded.map { try OpenEndedAnswers($0, dataset: dataset, codebook: codebook) },
                               cellSample: cellSample)
        }
        let whole = try load(codebook.allowingRepeats(of: screening.duplicates?.by?.name))
        let screened = try Screening(screening, dataset: whole, codebook: codebook, file: file.written)
        var flow = screened.flow
        let split = try ScreenedRows(reader, exclusions: screened.exclusions, codebook: codebook, lineShift: lineShift)
        if screening.excludedOut != nil { flow.excludedCSV = split.excludedCSV }
        let kept = flow.analysed == whole.rowCount ? whole
            : try Dataset.load(reader: CSVReader(bytes: split.keptCSV, file: file.url.path, delimiter: UInt8(ascii: ",")), codebook: codebook)
        var reading = WaveReading(summary: try summary(of: kept), flow: flow,
                                  openEnded: try plan.openEnded.map { try OpenEndedAnswers($0, dataset: kept, codebook: codebook) },
                                  cellSample: cellSample)
        reading.summary.screening = ScreeningTally(flow)
        return reading
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
