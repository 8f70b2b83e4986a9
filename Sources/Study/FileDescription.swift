import Foundation
import SurveyData
import SurveyStats

/// `paradox describe`: the descriptives of a data file's numeric columns and the frequency tables
/// of its other columns, without a study file.
public struct FileDescription: Sendable, Encodable {
    public var variables: [DescriptivesResult]
    public var frequencies: [FrequencyTableResult]
    public var warnings: [String]
    /// The weighted means under the codebook's `design:`, when it has one.
    public var weighted: DesignDescription?

    /// Describes the file at `url` through the engine (``InferredWave``), or by
    /// ``plain(_:delimiter:columns:)`` when the file's first rows cannot speak for the rest; both give
    /// the same result (tested).
    /// - Parameter columns: the columns to describe, in this order (default: all, in file order).
    public static func describe(_ url: URL, delimiter: UInt8?, columns: [String]?) throws -> FileDescription {
        try routed(url, delimiter: delimiter, columns: columns).description
    }

    /// ``describe(_:delimiter:columns:)`` and the path that gave its result.
    static func routed(_ url: URL, delimiter: UInt8?, columns: [String]?) throws -> (description: FileDescription, route: InferredWave.Route) {
        // An inferred Likert item is only the engine's reading of a numeric column: described, not tabulated.
        guard let (result, summary) = InferredWave.analyse(url, delimiter: delimiter, plan: { _, codebook in
            let plan = try plan(codebook, columns: columns, file: url, tabulatingLikert: false)
            if let columns { codebook.reading(only: Set(columns)) }
            return plan
        }) else { return (try plain(url, delimiter: delimiter, columns: columns), .plain) }
        return (FileDescription(variables: result.descriptives, frequencies: result.frequencies, warnings: summary.warnings), .engine)
    }

    /// Describes the file at `url` under `codebook` through the engine: Likert and numeric
    /// variables and the codebook's scales are described, Likert and categorical variables
    /// tabulated, each with the codebook's labels and missing codes.
    public static func describe(_ url: URL, codebook: Codebook, delimiter: UInt8?, columns: [String]?) throws -> FileDescription {
        let plan = try plan(codebook, columns: columns, file: url, tabulatingLikert: true)
        let (result, summary) = try InferredWave.run(plan, on: url, codebook: codebook, delimiter: delimiter)
        return FileDescription(variables: result.descriptives, frequencies: result.frequencies, warnings: summary.warnings,
                               weighted: result.design.map(DesignDescription.init))
    }

    /// Descriptives of the selected Likert and numeric variables and scales, frequencies of the
    /// selected Likert (if `tabulatingLikert`) and categorical variables.
    private static func plan(_ codebook: Codebook, columns: [String]?, file url: URL, tabulatingLikert: Bool) throws -> AnalysisPlan {
        let scales = codebook.scales.map(\.name)
        let selected = columns ?? codebook.variables.map(\.name) + scales
        for name in selected where codebook.variable(named: name) == nil && !scales.contains(name) {
            throw DataError(file: url.path, kind: .unknownColumn(name, available: codebook.variables.map(\.name) + scales))
        }
        let describable = Set(codebook.describableNames), tabulable = Set(codebook.tabulableNames)
        return AnalysisPlan(only: DescriptivesSettings(variables: selected.filter(describable.contains)),
                            FrequencySettings(variables: selected.filter {
                                tabulable.contains($0) && (tabulatingLikert || codebook.variable(named: $0)?.likertScale == nil)
                            }))
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
