import GSL

extension Regression {
    /// The design matrix on the estimation sample (complete rows with a positive case count), with
    /// the column names, the columns of each term and the per-column summaries the result needs.
    /// With case counts cᵢ every summary is over the cases: n = Σcᵢ, means and sums of squares
    /// weighted by cᵢ.
    struct Design {
        /// One row per distinct row of the estimation sample (unscaled).
        let matrix: Matrix
        let response: [Double]
        /// Cases per row of `matrix`; `nil` = one each.
        let counts: [Double]?
        /// n, the number of cases (Σcᵢ).
        let caseCount: Int
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

        /// - Parameter alsoExcluded: cases dropped before the model was built (a tally's `excluded`).
        init(_ model: LinearModel, alsoExcluded: Int = 0) throws {
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
            var caseCounts = [Int](repeating: 1, count: total)
            if let given = model.caseCounts {
                guard given.count == total else {
                    throw RegressionError.lengthMismatch(term: LinearModel.caseCountsName, expected: total, actual: given.count)
                }
                if let row = given.firstIndex(where: { $0 < 0 }) {
                    throw RegressionError.negativeCaseCount(row: row, count: given[row])
                }
                caseCounts = given
            }
            let rows = (0..<total).filter { complete[$0] && caseCounts[$0] > 0 }
            let n = rows.count
            let cases = rows.reduce(0) { $0 + caseCounts[$1] }
            let counts: [Double]? = model.caseCounts == nil ? nil : rows.map { Double(caseCounts[$0]) }
            let p = (model.intercept ? 1 : 0) + model.terms.reduce(0) { $0 + $1.columnCount }
            guard cases > p, n >= 1 else { throw RegressionError.tooFewObservations(n: cases, parameters: p) }

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
            let (meanY, ssY) = Self.meanAndSumOfSquares(response, counts: counts)
            var uncentred = CompensatedSum()
            for (i, y) in response.enumerated() { uncentred.add((counts?[i] ?? 1) * y * y) }
            var sds = [Double](repeating: 0, count: p)
            for j in (model.intercept ? 1 : 0)..<p {
                sds[j] = (Self.meanAndSumOfSquares(matrix.column(j), counts: counts).ss / Double(cases - 1)).squareRoot()
            }
            self.matrix = matrix
            self.response = response
            self.counts = counts
            self.caseCount = cases
            self.names = names
            self.termColumns = termColumns
            self.hasIntercept = model.intercept
            self.responseMean = meanY
            self.responseSD = (ssY / Double(cases - 1)).squareRoot()
            self.columnSDs = sds
            self.centredTotalSS = ssY
            self.uncentredTotalSS = uncentred.value
            self.excludedCases = alsoExcluded + (0..<total).reduce(0) { $0 + (complete[$1] ? 0 : caseCounts[$1]) }
        }

        /// X and y with row i multiplied by √cᵢ, so that least squares on them minimises
        /// Σcᵢ(yᵢ − xᵢᵀb)², the sum over the cases (unchanged without counts).
        func scaled(_ x: Matrix) -> (x: Matrix, y: [Double]) {
            guard let counts else { return (x, response) }
            var scaledX = x
            var scaledY = response
            for i in 0..<x.rows {
                let root = counts[i].squareRoot()
                for j in 0..<x.columns { scaledX[i, j] *= root }
                scaledY[i] *= root
            }
            return (scaledX, scaledY)
        }

        /// The intercept (if any) and the columns of the given terms, ascending.
        func columns(forTerms terms: Set<String>) -> [Int] {
            (hasIntercept ? [0] : []) + termColumns.filter { terms.contains($0.term) }.flatMap(\.columns).sorted()
        }

        /// Mean (compensated sum, corrected by the mean deviation) and Σ(x − x̄)², two passes, each
        /// value counted `counts[i]` times (products by count added with their exact FMA error).
        static func meanAndSumOfSquares(_ values: [Double], counts: [Double]?) -> (mean: Double, ss: Double) {
            func weightedSum(_ term: (Double) -> Double) -> Double {
                var sum = CompensatedSum()
                for (i, v) in values.enumerated() {
                    let x = term(v)
                    guard let c = counts?[i] else { sum.add(x); continue }
                    let product = x * c
                    sum.add(product)
                    sum.add((-product).addingProduct(x, c))
                }
                return sum.value
            }
            let n = counts?.reduce(0, +) ?? Double(values.count)
            let provisional = weightedSum { $0 } / n
            let mean = provisional + weightedSum { $0 - provisional } / n
            return (mean, weightedSum { ($0 - mean) * ($0 - mean) })
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
