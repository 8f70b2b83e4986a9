extension RowTally {
    /// The tally of a model's cases: the response, then each term's values (a categorical term's
    /// level codes, passed as coded columns without hashing; code −1 is missing).
    /// - Throws: ``RegressionError/lengthMismatch(term:expected:actual:)``,
    ///   ``RegressionError/nonFiniteValue(term:case:)`` for an infinite value,
    ///   ``RegressionError/invalidLevelCode(term:case:code:levelCount:)``.
    public init(_ model: LinearModel) throws {
        let n = model.response.count
        func numeric(_ name: String, _ values: [Double]) throws -> CodedColumn {
            guard values.count == n else { throw RegressionError.lengthMismatch(term: name, expected: n, actual: values.count) }
            if let i = values.firstIndex(where: { $0.isInfinite }) { throw RegressionError.nonFiniteValue(term: name, case: i) }
            return CodedColumn(values)
        }
        var columns = [try numeric(model.responseName, model.response)]
        for term in model.terms {
            switch term {
            case let .numeric(name, values):
                columns.append(try numeric(name, values))
            case let .categorical(name, codes, levels, _):
                guard codes.count == n else { throw RegressionError.lengthMismatch(term: name, expected: n, actual: codes.count) }
                if let i = codes.firstIndex(where: { $0 < -1 || $0 >= levels.count }) {
                    throw RegressionError.invalidLevelCode(term: name, case: i, code: codes[i], levelCount: levels.count)
                }
                columns.append(CodedColumn(values: levels.indices.map(Double.init), codes: codes.map { Int32($0) }))
            }
        }
        self.init(codedColumns: columns)
    }
}
