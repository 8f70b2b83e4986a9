extension Dataset {
    /// The composite score of `scale` for every respondent (`nan` where too few items were answered).
    ///
    /// Reverse-keyed Likert items enter as `min + max − x`. `mean` scoring averages the answered
    /// items (SPSS `MEAN.k`); `sum` scoring with missing items allowed is prorated, mean × number of
    /// items, so that scores stay on one metric whatever the number answered.
    public func scores(of scale: ScaleDefinition) throws -> [Double] {
        let items = try keyedItemValues(scale.items)
        let k = Double(items.count)
        return (0..<rowCount).map { row in
            var sum = 0.0, answered = 0
            for item in items where !item[row].isNaN {
                sum += item[row]
                answered += 1
            }
            guard answered >= scale.minimumItems, answered > 0 else { return .nan }
            let mean = sum / Double(answered)
            return scale.scoring == .mean ? mean : mean * k
        }
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
}
