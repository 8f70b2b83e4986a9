import Foundation
import SurveyData
import SurveyStats

/// `paradox reliability FILE --items A,B,C`: Cronbach's α of items of a data file without a study file.
public enum FileReliability {
    /// The most items whose k × k co-moment matrix the engine tallies; a longer list goes to the
    /// plain path, which needs O(n·k) and no matrix (``Reliability/cronbachAlpha(_:names:confidenceLevel:)``).
    static let engineItemLimit = 200

    /// The analysis through the engine (``InferredWave``: the items' co-moments merged over the
    /// file's blocks), or by ``plain(_:delimiter:items:reversed:scale:)`` when the file's first
    /// rows cannot speak for the rest or the items are many; both give the same result (tested).
    /// - Parameters:
    ///   - reversed: items scored `min + max − x` on `scale` (required when any is reversed).
    ///   - scale: the response scale's lowest and highest points.
    ///   - missing: codes that are missing answers (`--missing 98,99`), blank for every statistic.
    public static func run(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                           scale: ClosedRange<Int>?, missing: Set<Double> = []) throws -> ReliabilityResult {
        try routed(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale, missing: missing).result
    }

    /// α, ω beside it, and on request ordinal α and ω from polychoric correlations. The ordinal
    /// analysis reads the whole file (its pairwise cross-tabulations, ``PairwiseContingency``, are
    /// mergeable but not yet tallied by the engine). Its categories are the items' answers, so an
    /// item whose answers are not whole numbers within ``Polychoric/maxCategories`` points (a 98 or
    /// 99 "don't know" beside 1–5, unless given in `missing`) is refused rather than given extra
    /// categories above the scale's top — as psych's `polychoric` would, were the codes not recoded to NA.
    /// - Throws: ``FileAnalysisError/notOrdinal(item:lowest:highest:)`` for such an item.
    public static func analyse(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                               scale: ClosedRange<Int>?, ordinal: Bool, missing: Set<Double> = []) throws -> FileReliabilityResult {
        let (alpha, omega, _) = try routed(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale, missing: missing)
        guard ordinal else { return FileReliabilityResult(alpha: alpha, omega: omega, ordinal: nil) }
        let values = try columns(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale, missing: missing)
        for (item, column) in zip(items, values) {
            let answers = column.filter { !$0.isNaN }
            guard let lowest = answers.min(), let highest = answers.max() else { continue }
            if highest - lowest + 1 > Double(Polychoric.maxCategories) || answers.contains(where: { $0 != $0.rounded() }) {
                throw FileAnalysisError.notOrdinal(item: item, lowest: lowest, highest: highest)
            }
        }
        return FileReliabilityResult(alpha: alpha, omega: omega,
                                     ordinal: try OrdinalReliability.analyse(PairwiseContingency(columns: values, names: items), names: items))
    }

    /// α and ω and the path that gave them.
    static func routed(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                       scale: ClosedRange<Int>?, missing: Set<Double> = []) throws -> (result: ReliabilityResult, omega: NamedOmega, route: InferredWave.Route) {
        let name = "(items)"
        let engine = items.count > engineItemLimit || Set(items).count < items.count ? nil : InferredWave.analyse(url, delimiter: delimiter) { _, codebook in
            for item in items {
                guard let index = codebook.variables.firstIndex(where: { $0.name == item }) else { throw InferredWave.SampleDoesNotFit() }
                codebook.variables[index].missingCodes = missing.sorted().map { MissingCode(value: $0, label: "--missing") }
                switch codebook.variables[index].kind {
                case .likert(let inferred):
                    // The items' answers checked against the scale the user gave, keyed as asked.
                    codebook.variables[index].kind = .likert(LikertScale(range: scale ?? inferred.range, reversed: reversed.contains(item)))
                case .numeric where !reversed.contains(item):
                    break
                default:
                    throw InferredWave.SampleDoesNotFit()
                }
            }
            codebook.reading(only: Set(items))
            codebook.scales = [ScaleDefinition(name: name, label: name, items: items)]
            return AnalysisPlan(only: ReliabilitySettings(scales: [name]))
        }
        guard let result = engine?.result.reliability.first?.result, let omega = engine?.result.omega.first else {
            let values = try columns(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale, missing: missing)
            let omega: NamedOmega
            do {
                omega = NamedOmega(scale: name, result: try Omega.oneFactor(CoMoments(columns: values), names: items), problem: nil)
            } catch {
                omega = NamedOmega(scale: name, result: nil, problem: "\(error)")
            }
            return (try Reliability.cronbachAlpha(values, names: items), omega, .plain)
        }
        return (result, omega, .engine)
    }

    /// The plain path, oracle of the engine's: the whole file read by `Dataset.infer`, reversed
    /// items keyed, α from the columns in O(n·k).
    public static func plain(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                             scale: ClosedRange<Int>?, missing: Set<Double> = []) throws -> ReliabilityResult {
        try Reliability.cronbachAlpha(columns(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale, missing: missing), names: items)
    }

    /// The items' values from the whole file read by `Dataset.infer`, the `missing` codes blank
    /// (NaN), reversed items keyed.
    static func columns(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                        scale: ClosedRange<Int>?, missing: Set<Double> = []) throws -> [[Double]] {
        let dataset = try Dataset.infer(contentsOf: url, delimiter: delimiter)
        return try items.map { item -> [Double] in
            let values = try dataset.numericValues(item).map { missing.contains($0) ? .nan : $0 }
            guard reversed.contains(item), let scale else { return values }
            return try Reliability.reverseKeyed(values, item: item, min: Double(scale.lowerBound), max: Double(scale.upperBound))
        }
    }
}
