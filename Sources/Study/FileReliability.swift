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
    public static func run(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                           scale: ClosedRange<Int>?) throws -> ReliabilityResult {
        try routed(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale).result
    }

    /// α, ω beside it, and on request ordinal α and ω from polychoric correlations. The ordinal
    /// analysis reads the whole file (its pairwise cross-tabulations, ``PairwiseContingency``, are
    /// mergeable but not yet tallied by the engine).
    public static func analyse(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                               scale: ClosedRange<Int>?, ordinal: Bool) throws -> FileReliabilityResult {
        let (alpha, omega, _) = try routed(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale)
        let ordinalResult = try ordinal ? OrdinalReliability.analyse(
            PairwiseContingency(columns: columns(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale), names: items),
            names: items) : nil
        return FileReliabilityResult(alpha: alpha, omega: omega, ordinal: ordinalResult)
    }

    /// α and ω and the path that gave them.
    static func routed(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                       scale: ClosedRange<Int>?) throws -> (result: ReliabilityResult, omega: NamedOmega, route: InferredWave.Route) {
        let name = "(items)"
        let engine = items.count > engineItemLimit || Set(items).count < items.count ? nil : InferredWave.analyse(url, delimiter: delimiter) { _, codebook in
            for item in items {
                guard let index = codebook.variables.firstIndex(where: { $0.name == item }) else { throw InferredWave.SampleDoesNotFit() }
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
            let values = try columns(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale)
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
                             scale: ClosedRange<Int>?) throws -> ReliabilityResult {
        try Reliability.cronbachAlpha(columns(url, delimiter: delimiter, items: items, reversed: reversed, scale: scale), names: items)
    }

    /// The items' values from the whole file read by `Dataset.infer`, reversed items keyed.
    static func columns(_ url: URL, delimiter: UInt8?, items: [String], reversed: Set<String>,
                        scale: ClosedRange<Int>?) throws -> [[Double]] {
        let dataset = try Dataset.infer(contentsOf: url, delimiter: delimiter)
        return try items.map { item -> [Double] in
            let values = try dataset.numericValues(item)
            guard reversed.contains(item), let scale else { return values }
            return try Reliability.reverseKeyed(values, item: item, min: Double(scale.lowerBound), max: Double(scale.upperBound))
        }
    }
}
