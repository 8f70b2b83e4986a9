import SurveyData
import SurveyStats

/// The variables of one loaded wave as the analyses see them: items and scale scores by name,
/// with their labels. Scale scores are computed once.
struct WaveVariables {
    let dataset: Dataset
    let codebook: Codebook
    private(set) var scaleScores: [String: [Double]] = [:]

    init(dataset: Dataset, codebook: Codebook) throws {
        self.dataset = dataset
        self.codebook = codebook
        for scale in codebook.scales { scaleScores[scale.name] = try dataset.scores(of: scale) }
    }

    func isScale(_ name: String) -> Bool { scaleScores[name] != nil }

    /// Values of a scale score or a Likert/numeric column (`nan` = missing).
    func numeric(_ name: String) throws -> [Double] {
        if let scores = scaleScores[name] { return scores }
        return try dataset.numericValues(name)
    }

    /// The exact tally of a scale score's or a Likert/numeric column's values (a Likert item from
    /// its per-level counts).
    func tally(_ name: String) throws -> ValueTally {
        try likertTally(name) ?? ValueTally(numeric(name))
    }

    private func likertTally(_ name: String) -> ValueTally? {
        guard scaleScores[name] == nil, let column = dataset.column(named: name), case .likert(let likert) = column.values else { return nil }
        return ValueTally(values: likert.scale.range.map(Double.init), counts: likert.counts,
                          missing: dataset.rowCount - likert.counts.reduce(0, +))
    }

    /// A categorical column's codes and levels.
    func categorical(_ name: String) throws -> CategoricalValues? {
        if scaleScores[name] != nil { return nil }
        if case .categorical(let values) = try dataset.requireColumn(name).values { return values }
        return nil
    }

    /// A regression term: categorical columns enter as dummies, everything else as a number.
    func term(_ name: String) throws -> LinearModel.Term {
        if let factor = try categorical(name) {
            return .categorical(name: name, codes: factor.intCodes, levels: factor.levels.map(\.label), reference: factor.reference)
        }
        return .numeric(name: name, values: try numeric(name))
    }
}
