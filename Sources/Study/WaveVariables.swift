import SurveyData
import SurveyStats

/// The variables of one loaded wave as the analyses see them: items and scale scores by name,
/// with their labels. Scale scores are computed once.
struct WaveVariables {
    let dataset: Dataset
    let codebook: Codebook
    /// The file line of the block's first row, for errors that name a row (``DesignAnalysis``).
    var firstLine: Int?
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

    /// Scale scores and Likert items as integers over a common denominator each (exact co-moments),
    /// or `nil` if one of them is another variable or a score whose numerators do not fit 16 bits.
    func scaledIntegers(_ names: [String]) -> (columns: [[Int16]], denominators: [Int])? {
        var columns: [[Int16]] = [], denominators: [Int] = []
        for name in names {
            if let coded = codedScores[name] {
                guard let integers = coded.scaledIntegers else { return nil }
                columns.append(integers)
                denominators.append(coded.denominator)
            } else if !isScale(name), case .likert(let likert)? = dataset.column(named: name)?.values {
                columns.append(likert.integers)
                denominators.append(1)
            } else {
                return nil
            }
        }
        return (columns, denominators)
    }

    /// Exact co-moments when every column is an integer over a denominator (Likert answers, their
    /// scale scores), else the corrected two-pass co-moments of the numbers.
    func coMoments(integers: consuming (columns: [[Int16]], denominators: [Int]?)?, numbers: () throws -> [[Double]]) rethrows -> CoMoments {
        guard let (columns, denominators) = integers else { return CoMoments(columns: try numbers()) }
        return CoMoments(integerColumns: columns, denominators: denominators)
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
        if let coded = codedScores[dependent] {
            // One row of counts per level, then one for cases without a level; in each, the
            // respondents without a score first (code −1), then those per value.
            let width = coded.values.count + 1
            var counts = [Int](repeating: 0, count: (levels + 1) * width)
            counts.withUnsafeMutableBufferPointer { counts in
                coded.codes.withUnsafeBufferPointer { codes in
                    factor.codes.withUnsafeBufferPointer { factor in
                        for row in codes.indices {
                            let level = factor[row] < 0 ? levels : Int(factor[row])
                            counts[level * width + Int(codes[row]) + 1] += 1
                        }
                    }
                }
            }
            return WaveSummary.GroupTallies(
                levels: (0..<levels).map { level in
                    ValueTally(values: coded.values, counts: Array(counts[(level * width + 1)..<((level + 1) * width)]),
                               missing: counts[level * width])
                },
                excludedWithoutLevel: counts[(levels * width)...].reduce(0, +))
        }
        var byLevel = [[Double]](repeating: [], count: levels)
        var withoutLevel = 0
        for (value, level) in zip(try numeric(dependent), factor.codes) {
            if level < 0 { withoutLevel += 1 } else { byLevel[Int(level)].append(value) }
        }
        return WaveSummary.GroupTallies(levels: byLevel.map { ValueTally($0) }, excludedWithoutLevel: withoutLevel)
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

    /// The values a variable can take: a Likert scale score's possible scores, a Likert item's scale
    /// points, a factor's level codes (as in ``codedColumn(_:)``); `nil` for a numeric variable or a
    /// score of numeric items, which can be any finite number.
    func possibleValues(_ name: String) throws -> [Double]? {
        if let coded = codedScores[name] { return coded.values }
        if isScale(name) { return nil }
        if let factor = try categorical(name) { return factor.levels.indices.map(Double.init) }
        if case .likert(let likert)? = dataset.column(named: name)?.values { return likert.scale.range.map(Double.init) }
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
                                        codes: likert.codes.plainMap { $0 == LikertValues.missing ? -1 : Int32($0) &- low })
        }
        return RowTally.CodedColumn(try numeric(name))
    }
}
