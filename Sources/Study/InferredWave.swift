import Foundation
import SurveyData

/// A data file analysed without a study file through the engine, as the one-off commands do: a
/// codebook is inferred from the file's first megabyte (``SurveyData/Codebook/init(inferredFrom:)``),
/// adjusted for the analysis (a factor's column made categorical, …), and the file is streamed block
/// by block into the plan's mergeable summaries (``WaveSummary``), in memory that does not grow with
/// its length.
///
/// Each command keeps a plain path beside it (the whole file read by `Dataset.infer`, statistics
/// on the values), its oracle in the tests and its fallback here: when the file is no larger than
/// the sample, when the sample needs exact decimals, or when a later row contradicts the sample (a
/// text cell in a numeric column, a new level, a number outside the range seen), ``analyse(_:delimiter:plan:)``
/// gives `nil` and the command takes the plain path, which reads every row and reports any error
/// with its file, line and column.
enum InferredWave {
    /// Which path analysed a file.
    enum Route { case engine, plain }

    /// Bytes of the file's head whose rows decide the columns' types.
    static let sampleBytes = 1 << 20

    /// The engine's result of the plan that `plan` makes of the sample and the inferred codebook
    /// (which it may adjust; it throws ``SampleDoesNotFit`` when the sample cannot serve the
    /// analysis), or `nil` for the plain path.
    static func analyse(_ url: URL, delimiter: UInt8?,
                        plan: (_ sample: Dataset, _ codebook: inout Codebook) throws -> AnalysisPlan) -> (result: WaveResult, summary: WaveSummary)? {
        guard let sample = try? Dataset.inferSample(contentsOf: url, delimiter: delimiter, bytes: sampleBytes),
              var codebook = Codebook(inferredFrom: sample),
              let plan = try? plan(sample, &codebook)
        else { return nil }
        return try? run(plan, on: url, codebook: codebook, delimiter: delimiter)
    }

    /// `plan` on the file at `url` under `codebook`: the file streamed into the plan's summaries,
    /// then analysed (what `paradox run` does with one wave).
    static func run(_ plan: AnalysisPlan, on url: URL, codebook: Codebook, delimiter: UInt8?) throws -> (result: WaveResult, summary: WaveSummary) {
        let summary = try WaveSummary(plan: plan, reading: FileReference(written: url.path, relativeTo: url),
                                      codebook: codebook, delimiter: delimiter)
        return (try WaveAnalysis.run(plan, summary: summary, codebook: codebook, file: url.path), summary)
    }

    /// Thrown by a plan maker when the sample cannot serve the analysis (a column it needs as a
    /// number is not numeric there, …): the plain path then reads the file and names the problem.
    struct SampleDoesNotFit: Error {}
}

extension Codebook {
    /// Makes every variable but `names` and the Likert items a text column, which the reader does
    /// not parse, so that a surprise there does not send the file to the plain path. Likert items
    /// stay: the reader counts them sixteen bytes at a time, faster than it skips text (1M rows ×
    /// 48 items: 0.2 s as Likert, 0.8 s as text).
    mutating func reading(only names: Set<String>) {
        for index in variables.indices where !names.contains(variables[index].name) && variables[index].likertScale == nil {
            variables[index].kind = .text
        }
    }

    /// Makes `name` a categorical variable with the levels `factor` gives it (a numeric column's
    /// distinct values, ascending, as the plain path's `Dataset.factor` names them).
    mutating func makeCategorical(_ name: String, levels: [Level], reference: Int = 0) {
        guard let index = variables.firstIndex(where: { $0.name == name }) else { return }
        variables[index].kind = .categorical(levels: levels, reference: reference)
    }
}
