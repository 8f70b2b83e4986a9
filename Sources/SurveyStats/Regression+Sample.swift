import ComputeSupport

extension Regression {
    /// The estimation sample: the distinct rows of a ``RowTally`` bound to a ``Design``, row i
    /// standing for cᵢ identical cases, with the per-column summaries the result needs.
    ///
    /// The rows fall into groups by their level combination (one group without factors): on a
    /// group's rows the intercept and every dummy are constant, so a row is the group's constant part
    /// aᵍ (the columns equal to 1) plus its k numeric values, which the reduction
    /// (``leastSquaresSystem(reduced:)``) and the pass over the rows for HC3
    /// (``robustCovariance(_:factor:)``) exploit. The groups are numbered in one pass by a ``PackedKeyTable`` on the rows' keys masked
    /// to the factors' codes; the rows stay in the tally's order.
    ///
    /// Every summary is over the n = Σcᵢ cases and is computed from each column's marginal counts
    /// (cases per dictionary value, exact integers): means and sums of squares by the corrected
    /// two-pass algorithm over the few distinct values, a dummy's SD from its level's count.
    struct Sample {
        let design: Design
        let tally: RowTally
        /// n, the number of cases (Σcᵢ).
        let caseCount: Int
        let excludedCases: Int
        let responseMean: Double
        let responseSD: Double
        /// SD of each design column (0 for the intercept).
        let columnSDs: [Double]
        /// Σcᵢ(yᵢ − ȳ)² and Σcᵢyᵢ².
        let centredTotalSS: Double
        let uncentredTotalSS: Double
        /// The design columns of the numeric terms, in term order (k of them), and their means.
        let numericColumns: [Int]
        let numericMeans: [Double]
        /// The tally columns of a row's values: the numeric terms', then the response's.
        let valueColumns: [Int]
        /// The group of each row of the tally.
        let groupOfRow: [Int32]
        /// Per group, the design columns equal to 1 on its rows (the intercept, its levels' dummies).
        let groupColumns: [[Int]]

        /// The tally's column 0 is the response, column t + 1 term t (a factor's level codes).
        /// - Throws: ``RegressionError/tallyColumnMismatch(expected:actual:)``,
        ///   ``RegressionError/invalidTalliedLevelCode(term:value:levelCount:)``,
        ///   ``RegressionError/tooFewObservations(n:parameters:)``,
        ///   ``RegressionError/constantResponse(response:value:)``,
        ///   ``RegressionError/constantPredictor(term:value:)``, ``RegressionError/emptyLevel(term:level:)``.
        init(_ design: Design, tally: RowTally) throws {
            guard tally.columnCount == 1 + design.terms.count else {
                throw RegressionError.tallyColumnMismatch(expected: 1 + design.terms.count, actual: tally.columnCount)
            }
            for (t, term) in design.terms.enumerated() {
                guard case let .categorical(name, levels, _) = term else { continue }
                for value in tally.columnValues[t + 1] where !(value >= 0 && value < Double(levels.count) && value == value.rounded()) {
                    throw RegressionError.invalidTalliedLevelCode(term: name, value: value, levelCount: levels.count)
                }
            }
            let n = tally.caseCount, p = design.columnCount
            guard n > p, tally.rowCount >= 1 else { throw RegressionError.tooFewObservations(n: n, parameters: p) }
            if tally.columnValues[0].count == 1 {
                throw RegressionError.constantResponse(response: design.responseName, value: tally.columnValues[0][0])
            }
            for (t, term) in design.terms.enumerated() {
                let values = tally.columnValues[t + 1]
                switch term {
                case let .numeric(name, _):
                    if values.count == 1, design.hasIntercept || values[0] == 0 {
                        throw RegressionError.constantPredictor(term: name, value: values[0])
                    }
                case let .categorical(name, levels, _):
                    // The dictionary holds the level codes that occur (so a code is its level): all of
                    // them, or one is empty.
                    if let empty = levels.indices.first(where: { !values.contains(Double($0)) }) {
                        throw RegressionError.emptyLevel(term: name, level: levels[empty])
                    }
                }
            }
            self.design = design
            self.tally = tally
            caseCount = n
            excludedCases = tally.excluded
            var numericColumns: [Int] = [], numericTallyColumns: [Int] = [], factorTallyColumns: [Int] = []
            for (t, term) in design.terms.enumerated() {
                switch term {
                case let .numeric(_, column):
                    numericColumns.append(column)
                    numericTallyColumns.append(t + 1)
                case .categorical:
                    factorTallyColumns.append(t + 1)
                }
            }
            self.numericColumns = numericColumns
            valueColumns = numericTallyColumns + [0]

            // Number the groups (rows' keys masked to the factors' codes), adding up each group's
            // cases and the valued columns' marginal counts on the way.
            let layout = tally.layout, width = layout.wordsPerRow, rowCount = tally.rowCount
            var factorBits = [UInt64](repeating: 0, count: width)
            for j in factorTallyColumns { factorBits[layout.word[j]] |= layout.mask[j] << layout.shift[j] }
            var table = PackedKeyTable(width: width)
            var groupOfRow = [Int32](repeating: 0, count: rowCount)
            var firstRow: [Int] = [], groupCases: [Int] = []
            var masked = [UInt64](repeating: 0, count: width)
            var marginals = tally.columnValues.map { [Int](repeating: 0, count: $0.count) }
            let reader = ValueReader(tally, columns: valueColumns)
            var valueCases = [Int](repeating: 0, count: reader.values.count)
            tally.keys.withUnsafeBufferPointer { keys in
                tally.counts.withUnsafeBufferPointer { counts in
                    groupOfRow.withUnsafeMutableBufferPointer { groupOfRow in
                        masked.withUnsafeMutableBufferPointer { masked in
                            valueCases.withUnsafeMutableBufferPointer { valueCases in
                                for row in 0..<rowCount {
                                    let start = row &* width
                                    for w in 0..<width { masked[w] = keys[start &+ w] & factorBits[w] }
                                    let g = table.number(of: masked.baseAddress!)
                                    if g == firstRow.count { firstRow.append(row); groupCases.append(0) }
                                    groupOfRow[row] = Int32(g)
                                    let count = counts[row]
                                    groupCases[g] &+= count
                                    for m in 0..<reader.columnCount { valueCases[reader.index(keys, start, m)] &+= count }
                                }
                            }
                        }
                    }
                }
            }
            self.groupOfRow = groupOfRow
            groupColumns = firstRow.map { row in
                var constant = design.hasIntercept ? [0] : []
                for (t, term) in design.terms.enumerated() {
                    guard case let .categorical(_, _, columnOfLevel) = term else { continue }
                    let column = columnOfLevel[tally.code(row: row, column: t + 1)]
                    if column >= 0 { constant.append(column) }
                }
                return constant
            }
            for (m, j) in valueColumns.enumerated() { marginals[j] = Array(valueCases[reader.offsets[m]..<reader.offsets[m + 1]]) }
            for (row, cases) in zip(firstRow, groupCases) {
                for j in factorTallyColumns { marginals[j][tally.code(row: row, column: j)] += cases }
            }

            // Column summaries from the marginal counts.
            let (meanY, ssY) = Self.meanAndSumOfSquares(tally.columnValues[0], counts: marginals[0])
            var uncentred = CompensatedSum()
            for (y, count) in zip(tally.columnValues[0], marginals[0]) { uncentred.add(Double(count) * y * y) }
            var sds = [Double](repeating: 0, count: p)
            func sd(_ values: [Double], _ counts: [Int]) -> Double {
                (Self.meanAndSumOfSquares(values, counts: counts).ss / Double(n - 1)).squareRoot()
            }
            numericMeans = numericTallyColumns.map { Self.meanAndSumOfSquares(tally.columnValues[$0], counts: marginals[$0]).mean }
            for (t, term) in design.terms.enumerated() {
                switch term {
                case let .numeric(_, column):
                    sds[column] = sd(tally.columnValues[t + 1], marginals[t + 1])
                case let .categorical(_, _, columnOfLevel):
                    for (level, column) in columnOfLevel.enumerated() where column >= 0 {
                        sds[column] = sd([0, 1], [n - marginals[t + 1][level], marginals[t + 1][level]])
                    }
                }
            }
            responseMean = meanY
            responseSD = (ssY / Double(n - 1)).squareRoot()
            columnSDs = sds
            centredTotalSS = ssY
            uncentredTotalSS = uncentred.value
        }

        /// The rows in consecutive pieces for the passes over them on all cores
        /// (``leastSquaresSystem(reduced:)``, ``robustCovariance(_:factor:)``): pieces of
        /// ``rowsPerPiece`` rows, merged in their order, so that the pieces — and the rounding of the
        /// merge — depend on the tally alone, not on the machine. One piece when the tally has at most
        /// that many rows, or when a piece's per-group sums (O(groups)) would outweigh its rows.
        var rowPieces: [Range<Int>] {
            let rows = tally.rowCount, size = Self.rowsPerPiece
            guard rows > size, groupColumns.count * 8 <= size else { return [0..<rows] }
            return stride(from: 0, to: rows, by: size).map { $0..<min($0 + size, rows) }
        }

        static let rowsPerPiece = 65_536

        /// Calls `body` for each row of the tally in `rows` (all by default), in order, with the row's
        /// group, its count cᵢ and its values (the k numeric terms' values, then yᵢ).
        @inline(__always)
        func forEachRow(in rows: Range<Int>? = nil, _ body: (_ group: Int, _ count: Double, _ values: UnsafePointer<Double>) -> Void) {
            let reader = ValueReader(tally, columns: valueColumns)
            let width = tally.layout.wordsPerRow
            var row = [Double](repeating: 0, count: reader.columnCount)
            tally.keys.withUnsafeBufferPointer { keys in
                tally.counts.withUnsafeBufferPointer { counts in
                    groupOfRow.withUnsafeBufferPointer { groups in
                        reader.values.withUnsafeBufferPointer { values in
                            row.withUnsafeMutableBufferPointer { row in
                                for i in rows ?? 0..<counts.count {
                                    for m in 0..<reader.columnCount { row[m] = values[reader.index(keys, i &* width, m)] }
                                    body(Int(groups[i]), Double(counts[i]), row.baseAddress!)
                                }
                            }
                        }
                    }
                }
            }
        }

        /// Mean (compensated sum, corrected by the mean deviation) and Σ(x − x̄)², two passes, value
        /// j counted `counts[j]` times (products by count added with their exact FMA error).
        static func meanAndSumOfSquares(_ values: [Double], counts: [Int]) -> (mean: Double, ss: Double) {
            func weightedSum(_ term: (Double) -> Double) -> Double {
                var sum = CompensatedSum()
                for (v, count) in zip(values, counts) {
                    let x = term(v), c = Double(count)
                    let product = x * c
                    sum.add(product)
                    sum.add((-product).addingProduct(x, c))
                }
                return sum.value
            }
            let n = Double(counts.reduce(0, +))
            let provisional = weightedSum { $0 } / n
            let mean = provisional + weightedSum { $0 - provisional } / n
            return (mean, weightedSum { ($0 - mean) * ($0 - mean) })
        }

        /// Where the values of some tally columns are: each column's code position in a key and its
        /// dictionary, the dictionaries laid end to end (`values`, column m from `offsets[m]`).
        struct ValueReader {
            let word: [Int], shift: [UInt64], mask: [UInt64], offsets: [Int]
            let values: [Double]
            var columnCount: Int { word.count }

            init(_ tally: RowTally, columns: [Int]) {
                word = columns.map { tally.layout.word[$0] }
                shift = columns.map { tally.layout.shift[$0] }
                mask = columns.map { tally.layout.mask[$0] }
                offsets = columns.reduce(into: [0]) { $0.append($0[$0.count - 1] + tally.columnValues[$1].count) }
                values = columns.flatMap { tally.columnValues[$0] }
            }

            /// The index in `values` of column m's value in the row whose key starts at `keys[start]`.
            @inline(__always)
            func index(_ keys: UnsafeBufferPointer<UInt64>, _ start: Int, _ m: Int) -> Int {
                offsets[m] &+ Int(truncatingIfNeeded: (keys[start &+ word[m]] &>> shift[m]) & mask[m])
            }
        }
    }
}
