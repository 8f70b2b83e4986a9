extension Dataset {
    /// The composite score of `scale` for every respondent (`nan` where too few items were answered).
    ///
    /// Reverse-keyed Likert items enter as `min + max − x`. `mean` scoring averages the answered
    /// items (SPSS `MEAN.k`); `sum` scoring with missing items allowed is prorated, mean × number of
    /// items, so that scores stay on one metric whatever the number answered.
    public func scores(of scale: ScaleDefinition) throws -> [Double] {
        if let coded = try codedScores(of: scale) { return coded.doubles }
        let items = try keyedItemValues(scale.items)
        return (0..<rowCount).map { row in
            var sum = 0.0, answered = 0
            for item in items where !item[row].isNaN {
                sum += item[row]
                answered += 1
            }
            return ScaleScores.score(sum: sum, answered: answered, of: scale)
        }
    }

    /// The scores of a scale of Likert items as codes into the few values such a score can take
    /// (``ScaleScores``), or `nil` when an item is not a Likert item. The same numbers as
    /// ``scores(of:)``, found by integer sums of the one-byte answers.
    public func codedScores(of scale: ScaleDefinition) throws -> ScaleScores? {
        var items: [LikertValues] = []
        for name in scale.items {
            guard case .likert(let likert) = try requireColumn(name).values else { return nil }
            items.append(likert)
        }
        return ScaleScores(scale: scale, items: items, rowCount: rowCount)
    }

    /// The named items as they enter scores and reliability: Likert items reverse-keyed as the
    /// codebook says, numeric items as they are; `nan` for missing.
    public func keyedItemValues(_ names: [String]) throws -> [[Double]] {
        try names.map { name in
            let column = try requireColumn(name)
            if case .likert(let likert) = column.values { return likert.keyedDoubles }
            return try numericValues(name)
        }
    }

    /// The named Likert items as they enter scores and reliability, as integers
    /// (``LikertValues/keyedIntegers``, `Int16.min` for missing), or `nil` when one of them is not a
    /// Likert item.
    public func keyedItemIntegers(_ names: [String]) throws -> [[Int16]]? {
        var items: [[Int16]] = []
        for name in names {
            guard case .likert(let likert) = try requireColumn(name).values else { return nil }
            items.append(likert.keyedIntegers)
        }
        return items
    }
}
