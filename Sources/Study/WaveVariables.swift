import SurveyData
import SurveyStats

/// The variables of one loaded wave as the analyses see them: items and scale scores by name,
/// with their labels. Scale scores are computed once.
struct WaveVariables {
    let dataset: Dataset
    let codebook: Codebook
    /// Scores of scales of Likert items, as codes into their few possible values.
    private var codedScores: [String: ScaleScores] = [:]
    /// Scores of scales with a numeric item.
    private var otherScores: [String: [Double]] = [:]
    /// Answers per scale point of each Likert column, counted once.
    private var likertCounts: [String: [Int]] = [:]

    init(dataset: Dataset, codebook: Codebook) throws {
        self.dataset = dataset
        self.codebook = codebook
        for column in dataset.columns {
            if case .likert(let likert) = column.values { likertCounts[column.name] = likert.counts }
        }
        for scale in codebook.scales {
            if let coded = try dataset.codedScores(of: scale) { codedScores[scale.name] = coded }
            else { otherScores[scale.name] = try dataset.scores(of: scale) }
        }
    }

    func isScale(_ name: String) -> Bool { codedScores[name] != nil || otherScores[name] != nil }

    /// Values of a scale score or a Likert/numeric column (`nan` = missing).
    func numeric(_ name: String) throws -> [Double] {
        if let coded = codedScores[name] { return coded.doubles }
        if let scores = otherScores[name] { return scores }
        return try dataset.numericValues(name)
    }

    /// A scale score or Likert item as integers over a common denominator (exact co-moments), or
    /// `nil` for other variables.
    func scaledIntegers(_ name: String) -> (values: [Int32], denominator: Int)? {
        if let coded = codedScores[name] { return (coded.scaledIntegers, coded.denominator) }
        guard !isScale(name), case .likert(let likert)? = dataset.column(named: name)?.values else { return nil }
        return (likert.codes.map { $0 == LikertValues.missing ? Int32.min : Int32($0) }, 1)
    }

    /// The exact tally of a scale score's or a Likert/numeric column's values (a Likert item from
    /// its per-level counts).
    func tally(_ name: String) throws -> ValueTally {
        if let coded = codedScores[name] {
            let counts = coded.counts
            return ValueTally(values: coded.values, counts: counts.perValue, missing: counts.missing)
        }
        return try likertTally(name) ?? ValueTally(numeric(name))
    }

    /// The tallies of `dependent` per level of `factor` (cases without a level counted apart).
    func groupTallies(_ dependent: String, by factor: CategoricalValues) throws -> WaveSummary.GroupTallies {
        let levels = factor.levels.count
        var withoutLevel = 0
        if let coded = codedScores[dependent] {
            var counts = [[Int]](repeating: [Int](repeating: 0, count: coded.values.count), count: levels)
            var missing = [Int](repeating: 0, count: levels)
            for (code, level) in zip(coded.codes, factor.codes) {
                if level < 0 { withoutLevel += 1 } else if code < 0 { missing[Int(level)] += 1 } else { counts[Int(level)][Int(code)] += 1 }
            }
            return WaveSummary.GroupTallies(
                levels: (0..<levels).map { ValueTally(values: coded.values, counts: counts[$0], missing: missing[$0]) },
                casesWithoutLevel: withoutLevel)
        }
        var byLevel = [[Double]](repeating: [], count: levels)
        for (value, level) in zip(try numeric(dependent), factor.codes) {
            if level < 0 { withoutLevel += 1 } else { byLevel[Int(level)].append(value) }
        }
        return WaveSummary.GroupTallies(levels: byLevel.map { ValueTally($0) }, casesWithoutLevel: withoutLevel)
    }

    private func likertTally(_ name: String) -> ValueTally? {
        guard !isScale(name), let column = dataset.column(named: name), case .likert(let likert) = column.values,
              let counts = likertCounts[name] else { return nil }
        return ValueTally(values: likert.scale.range.map(Double.init), counts: counts,
                          missing: dataset.rowCount - counts.reduce(0, +))
    }

    /// Answers per scale point or level of a Likert or categorical column; `nil` for other columns.
    func levelCounts(_ column: DataColumn) -> [Int]? {
        switch column.values {
        case .likert: return likertCounts[column.name]
        case .categorical(let factor): return factor.counts
        case .numeric, .text: return nil
        }
    }

    /// A categorical column's codes and levels.
    func categorical(_ name: String) throws -> CategoricalValues? {
        if isScale(name) { return nil }
        if case .categorical(let values) = try dataset.requireColumn(name).values { return values }
        return nil
    }

    /// A variable as a ``RowTally`` column: a Likert scale score, Likert item or factor by its codes
    /// (no hashing of values), any other variable dictionary-encoded from its numbers.
    func codedColumn(_ name: String) throws -> RowTally.CodedColumn {
        if let coded = codedScores[name] { return RowTally.CodedColumn(values: coded.values, codes: coded.codes) }
        if let factor = try categorical(name) {
            return RowTally.CodedColumn(values: factor.levels.indices.map(Double.init), codes: factor.codes)
        }
        if !isScale(name), case .likert(let likert)? = dataset.column(named: name)?.values {
            let low = Int32(likert.scale.range.lowerBound)
            return RowTally.CodedColumn(values: likert.scale.range.map(Double.init),
                                        codes: likert.codes.map { $0 == LikertValues.missing ? -1 : Int32($0) - low })
        }
        return RowTally.CodedColumn(try numeric(name))
    }
}
