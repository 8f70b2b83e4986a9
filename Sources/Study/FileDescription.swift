import Foundation
import SurveyData
import SurveyStats

/// `paradox describe`: the descriptives of a data file's numeric columns and the frequency tables
/// of its other columns, without a study file.
public struct FileDescription: Sendable, Encodable {
    public var variables: [DescriptivesResult]
    public var frequencies: [FrequencyTableResult]
    public var warnings: [String]

    /// Bytes of the file's head whose rows decide the columns' types.
    static let sampleBytes = 1 << 20

    /// Describes the file at `url` through the engine: the columns' types are inferred from its
    /// first rows (``SurveyData/Codebook/init(inferredFrom:)``), then the file is streamed block by
    /// block into mergeable summaries (``WaveSummary``), in memory that does not grow with its
    /// length. When a later row contradicts the sample (a text cell in a numeric column, a new
    /// level, a number outside the range seen) or the sample needs exact decimals, the file is
    /// described by ``plain(_:delimiter:columns:)``, whose result the engine's equals (tested).
    /// - Parameter columns: the columns to describe, in this order (default: all, in file order).
    public static func describe(_ url: URL, delimiter: UInt8?, columns: [String]?) throws -> FileDescription {
        try routed(url, delimiter: delimiter, columns: columns).description
    }

    /// Which path described a file.
    enum Route { case engine, plain }

    /// ``describe(_:delimiter:columns:)`` and the path that gave its result.
    static func routed(_ url: URL, delimiter: UInt8?, columns: [String]?) throws -> (description: FileDescription, route: Route) {
        guard let sample = try? Dataset.inferSample(contentsOf: url, delimiter: delimiter, bytes: sampleBytes),
              let codebook = Codebook(inferredFrom: sample),
              let description = try? engine(url, codebook: codebook, delimiter: delimiter, columns: columns, tabulatingLikert: false)
        else { return (try plain(url, delimiter: delimiter, columns: columns), .plain) }
        return (description, .engine)
    }

    /// Describes the file at `url` under `codebook` through the engine: Likert and numeric
    /// variables and the codebook's scales are described, Likert and categorical variables
    /// tabulated, each with the codebook's labels and missing codes.
    public static func describe(_ url: URL, codebook: Codebook, delimiter: UInt8?, columns: [String]?) throws -> FileDescription {
        try engine(url, codebook: codebook, delimiter: delimiter, columns: columns, tabulatingLikert: true)
    }

    /// The engine's description; `tabulatingLikert` is false for an inferred codebook, whose
    /// Likert items are only the engine's reading of numeric columns (described, not tabulated,
    /// as ``plain(_:delimiter:columns:)`` does).
    private static func engine(_ url: URL, codebook: Codebook, delimiter: UInt8?, columns: [String]?,
                               tabulatingLikert: Bool) throws -> FileDescription {
        let scales = codebook.scales.map(\.name)
        let selected = columns ?? codebook.variables.map(\.name) + scales
        for name in selected where codebook.variable(named: name) == nil && !scales.contains(name) {
            throw DataError(file: url.path, kind: .unknownColumn(name, available: codebook.variables.map(\.name) + scales))
        }
        let describable = Set(codebook.describableNames), tabulable = Set(codebook.tabulableNames)
        var plan = AnalysisPlan(reliability: [], correlations: [])
        plan.descriptives = selected.filter(describable.contains)
        plan.frequencies = selected.filter { tabulable.contains($0) && (tabulatingLikert || codebook.variable(named: $0)?.likertScale == nil) }
        let summary = try WaveSummary(plan: plan, reading: FileReference(written: url.path, relativeTo: url), codebook: codebook,
                                      delimiter: delimiter)
        let result = try WaveAnalysis.run(plan, summary: summary, codebook: codebook, file: url.path)
        return FileDescription(variables: result.descriptives, frequencies: result.frequencies, warnings: summary.warnings)
    }

    /// The plain path, oracle of the engine's: the whole file read into memory by `Dataset.infer`
    /// (types from every row), each numeric column described from its values (exact decimals when
    /// they share leading digits), each other column tabulated.
    public static func plain(_ url: URL, delimiter: UInt8?, columns: [String]?) throws -> FileDescription {
        let dataset = try Dataset.infer(contentsOf: url, delimiter: delimiter)
        var description = FileDescription(variables: [], frequencies: [], warnings: dataset.warnings)
        for column in try (columns ?? dataset.columnNames).map(dataset.requireColumn) {
            if let centered = column.centered {
                description.variables.append(Descriptives.describe(centered.deviations, name: column.name, offset: centered.offset))
            } else if let values = column.numericValues {
                description.variables.append(Descriptives.describe(values, name: column.name))
            } else {
                description.frequencies.append(try column.frequencyTable())
            }
        }
        return description
    }
}
