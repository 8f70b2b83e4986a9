import GSL

extension Regression {
    /// The design matrix on the estimation sample (complete cases), with the column names, the
    /// columns of each term and the per-column summaries the result needs.
    struct Design {
        let matrix: Matrix
        let response: [Double]
        /// Column names: `(Intercept)`, numeric names, `G[level]`.
        let names: [String]
        /// Non-intercept terms and their column indices.
        let termColumns: [(term: String, columns: [Int])]
        let hasIntercept: Bool
        let responseMean: Double
        let responseSD: Double
        /// SD of each design column (0 for the intercept).
        let columnSDs: [Double]
        /// Σ(y − ȳ)² and Σy².
        let centredTotalSS: Double
        let uncentredTotalSS: Double
        let excludedCases: Int

        init(_ model: LinearModel) throws {
            let total = model.response.count
            guard model.intercept || !model.terms.isEmpty else { throw RegressionError.emptyModel }
            var seen = Set<String>()
            for term in model.terms where !seen.insert(term.name).inserted {
                throw RegressionError.invalidBlocks("term name \(term.name) appears twice")
            }
            try Self.validateBlocks(model)

            // Listwise deletion.
            var complete = [Bool](repeating: true, count: total)
            for i in 0..<total {
                if model.response[i].isNaN { complete[i] = false } else if !model.response[i].isFinite {
                    throw RegressionError.nonFiniteValue(term: model.responseName, case: i)
                }
            }
            for term in model.terms {
                switch term {
                case let .numeric(name, values):
                    guard values.count == total else {
                        throw RegressionError.lengthMismatch(term: name, expected: total, actual: values.count)
                    }
                    for i in 0..<total {
                        if values[i].isNaN { complete[i] = false } else if !values[i].isFinite {
                            throw RegressionError.nonFiniteValue(term: name, case: i)
                        }
                    }
                case let .categorical(name, codes, levels, reference):
                    guard codes.count == total else {
                        throw RegressionError.lengthMismatch(term: name, expected: total, actual: codes.count)
                    }
                    guard levels.count >= 2, (0..<levels.count).contains(reference) else {
                        throw RegressionError.invalidFactor(term: name, levelCount: levels.count, reference: reference)
                    }
                    for i in 0..<total {
                        let code = codes[i]
                        if code == -1 { complete[i] = false } else if !(0..<levels.count).contains(code) {
                            throw RegressionError.invalidLevelCode(term: name, case: i, code: code, levelCount: levels.count)
                        }
                    }
                }
            }
            let rows = (0..<total).filter { complete[$0] }
            let n = rows.count
            let p = (model.intercept ? 1 : 0) + model.terms.reduce(0) { $0 + $1.columnCount }
            guard n > p else { throw RegressionError.tooFewObservations(n: n, parameters: p) }

            // Columns.
            var matrix = Matrix(rows: n, columns: p)
            var names: [String] = []
            var termColumns: [(String, [Int])] = []
            if model.intercept {
                names.append(LinearModel.interceptName)
                for i in 0..<n { matrix[i, 0] = 1 }
            }
            for term in model.terms {
                switch term {
                case let .numeric(name, values):
                    let j = names.count
                    names.append(name)
                    termColumns.append((name, [j]))
                    for (r, i) in rows.enumerated() { matrix[r, j] = values[i] }
                    let first = matrix[0, j]
                    if (0..<n).allSatisfy({ matrix[$0, j] == first }), model.intercept || first == 0 {
                        throw RegressionError.constantPredictor(term: name, value: first)
                    }
                case let .categorical(name, codes, levels, reference):
                    var counts = [Int](repeating: 0, count: levels.count)
                    for i in rows { counts[codes[i]] += 1 }
                    if let empty = counts.firstIndex(of: 0) {
                        throw RegressionError.emptyLevel(term: name, level: levels[empty])
                    }
                    var columns: [Int] = []
                    for level in levels.indices where level != reference {
                        let j = names.count
                        names.append("\(name)[\(levels[level])]")
                        columns.append(j)
                        for (r, i) in rows.enumerated() where codes[i] == level { matrix[r, j] = 1 }
                    }
                    termColumns.append((name, columns))
                }
            }
            let response = rows.map { model.response[$0] }
            let (meanY, ssY) = Self.meanAndSumOfSquares(response)
            var uncentred = CompensatedSum()
            for y in response { uncentred.add(y * y) }
            var sds = [Double](repeating: 0, count: p)
            for j in (model.intercept ? 1 : 0)..<p {
                sds[j] = (Self.meanAndSumOfSquares(matrix.column(j)).ss / Double(n - 1)).squareRoot()
            }
            self.matrix = matrix
            self.response = response
            self.names = names
            self.termColumns = termColumns
            self.hasIntercept = model.intercept
            self.responseMean = meanY
            self.responseSD = (ssY / Double(n - 1)).squareRoot()
            self.columnSDs = sds
            self.centredTotalSS = ssY
            self.uncentredTotalSS = uncentred.value
            self.excludedCases = total - n
        }

        /// The intercept (if any) and the columns of the given terms, ascending.
        func columns(forTerms terms: Set<String>) -> [Int] {
            (hasIntercept ? [0] : []) + termColumns.filter { terms.contains($0.term) }.flatMap(\.columns).sorted()
        }

        /// Mean (compensated sum, corrected by the mean deviation) and Σ(x − x̄)², two passes.
        static func meanAndSumOfSquares(_ values: [Double]) -> (mean: Double, ss: Double) {
            var sum = CompensatedSum()
            for v in values { sum.add(v) }
            var mean = sum.value / Double(values.count)
            var deviation = CompensatedSum(), squares = CompensatedSum()
            for v in values { deviation.add(v - mean) }
            mean += deviation.value / Double(values.count)
            for v in values { let d = v - mean; squares.add(d * d) }
            return (mean, squares.value)
        }

        static func validateBlocks(_ model: LinearModel) throws {
            guard !model.blocks.isEmpty else { return }
            let names = model.terms.map(\.name)
            var count: [String: Int] = [:]
            for name in model.blocks.joined() {
                guard names.contains(name) else {
                    throw RegressionError.invalidBlocks("block term \(name) is not a term of the model")
                }
                count[name, default: 0] += 1
            }
            for name in names where count[name, default: 0] != 1 {
                throw RegressionError.invalidBlocks("term \(name) is in \(count[name, default: 0]) blocks, expected exactly 1")
            }
            if let empty = model.blocks.firstIndex(where: \.isEmpty) {
                throw RegressionError.invalidBlocks("block \(empty + 1) is empty")
            }
        }
    }
}
