import Foundation
import MessageText
import SurveyData
import SurveyStats

/// `paradox describe --codebook C.yml` with a `design:`: the weighted mean of each described
/// variable with its standard error and confidence interval under the codebook's weight type and
/// design (``DesignMeans``), shown beside the unweighted descriptives.
///
/// Reads the whole file (``Dataset/load(contentsOf:codebook:delimiter:concurrency:progress:)``);
/// each variable's rows with a value form its ``DesignSums`` (PSUs with no such row kept, as a
/// domain of the design).
public struct DesignDescription: Sendable, Encodable {
    public var weightType: String
    public var weights: String?
    public var strata: String?
    public var psu: String?
    public var fpc: String?
    public var means: [DesignMeansResult]

    private enum CodingKeys: String, CodingKey {
        case weightType = "weight_type", weights, strata, psu, fpc, means
    }

    /// - Throws: ``DataError``, ``FileAnalysisError/invalidDesignValue(file:row:column:value:expected:)``
    ///   for a missing or invalid weight, stratum, PSU or fpc, ``FileAnalysisError/designProblem(file:variable:problem:)``
    ///   (a lonely PSU, two population sizes in one stratum).
    public static func describe(_ url: URL, codebook: Codebook, design: SurveyDesign, names: [String],
                                delimiter: UInt8?) throws -> DesignDescription {
        let dataset = try Dataset.load(contentsOf: url, codebook: codebook, delimiter: delimiter)
        let file = url.path
        let n = dataset.rowCount
        func numbers(_ name: String, expected: String, valid: (Double) -> Bool) throws -> [Double] {
            let values = try dataset.numericValues(name)
            if let row = values.firstIndex(where: { !valid($0) }) {
                throw FileAnalysisError.invalidDesignValue(file: file, row: row + 1, column: name,
                                                           value: values[row].isNaN ? "" : MissingCode.format(values[row]), expected: expected)
            }
            return values
        }
        func codes(_ name: String) throws -> [Double] {
            let column = try dataset.requireColumn(name)
            let codes: [Double]
            switch column.values {
            case .categorical(let factor): codes = factor.codes.map { $0 == CategoricalValues.missing ? .nan : Double($0) }
            case .numeric(let values): codes = values
            default: codes = [Double](repeating: .nan, count: n)
            }
            if let row = codes.firstIndex(where: \.isNaN) {
                throw FileAnalysisError.invalidDesignValue(file: file, row: row + 1, column: name, value: "", expected: "a \(name == design.strata ? "stratum" : "PSU") for every row")
            }
            return codes
        }
        var stratumNames: [Double: String] = [:]
        if let strata = design.strata, case .categorical(let factor)? = dataset.column(named: strata)?.values {
            for (code, level) in factor.levels.enumerated() { stratumNames[Double(code)] = level.value }
        }
        let weights = try design.weights.map {
            try numbers($0, expected: design.weightType == .frequency ? "a whole number ≥ 0" : "a weight ≥ 0") {
                $0.isFinite && $0 >= 0 && (design.weightType != .frequency || $0.rounded() == $0)
            }
        } ?? [Double](repeating: 1, count: n)
        let strata = try design.strata.map(codes)
        let psus = try design.psu.map(codes)
        let sizes = try design.fpc.map { try numbers($0, expected: "a population size > 0 or a sampling fraction") { $0.isFinite && $0 > 0 } }
        let weightType = WeightType(rawValue: design.weightType.rawValue) ?? .sampling
        let isSampling = weightType == .sampling
        let means = try names.map { name -> DesignMeansResult in
            let values = try values(of: name, in: dataset, codebook: codebook)
            do {
                var sums = DesignSums(variableCount: 1, weightType: weightType, rowsArePSUs: isSampling && psus == nil)
                sums.stratumNames = stratumNames
                for row in 0..<n {
                    try sums.add([values[row]], weight: weights[row], stratum: strata?[row] ?? 0,
                                 psu: psus?[row] ?? 0, populationSize: sizes?[row])
                }
                return try DesignMeans.estimate(sums, names: [name])
            } catch let problem as DesignError {
                throw FileAnalysisError.designProblem(file: file, variable: name, problem: problem)
            }
        }
        return DesignDescription(weightType: design.weightType.rawValue, weights: design.weights, strata: design.strata,
                                 psu: design.psu, fpc: design.fpc, means: means)
    }

    /// A variable's values as described (Likert answers as written) or a scale's scores; NaN when missing.
    private static func values(of name: String, in dataset: Dataset, codebook: Codebook) throws -> [Double] {
        if let scale = codebook.scales.first(where: { $0.name == name }) { return try dataset.scores(of: scale) }
        return try dataset.numericValues(name)
    }
}
