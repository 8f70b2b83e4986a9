import SurveyData
import SurveyStats

/// The plan's analyses under the codebook's `design:` (weights, strata, PSUs, fpc), beside the
/// unweighted ones: weighted means of the described variables, weighted proportions of the
/// tabulated ones' levels (``DesignMeans``), weighted correlations (``DesignCorrelation``), each
/// regression by weighted least squares with design-based SEs and the slopes' Wald F
/// (``DesignRegression``), and each one-way ANOVA as the design-based Wald F of the factor's
/// indicators (R `svyglm` + `regTermTest`). Each is a ``DesignSums`` of the rows, so shards merge to
/// the one-pass numbers; a design without PSUs keeps per-stratum sums, not a cell per row.
/// Nothing when the codebook has no design.
struct DesignAnalysis: BlockAnalysis {
    static let key = "design"
    static let title = "design-based estimates"
    let design: SurveyDesign?
    let described: [String]
    let tabulated: [String]
    let correlated: [String]
    let regressions: [RegressionPlan]
    let anovas: [AnovaPlan]
    let codebook: Codebook

    /// It has no study-file keys of its own: it follows the plan's descriptives, frequencies,
    /// correlations, regressions and ANOVAs.
    typealias Settings = NoSettings

    /// The design-based twins of the default plan's analyses.
    init(_ settings: NoSettings, codebook: Codebook) { self.init(plan: AnalysisPlan(), codebook: codebook) }

    init(plan: AnalysisPlan, codebook: Codebook) {
        design = codebook.design
        described = plan[DescriptivesSettings.self].variables ?? codebook.describableNames
        tabulated = plan[FrequencySettings.self].variables ?? codebook.tabulableNames
        let correlated = plan[CorrelationSettings.self].variables ?? codebook.scales.map(\.name)
        self.correlated = correlated.count >= 2 ? correlated : []
        regressions = plan[RegressionSettings.self].models
        anovas = plan[AnovaSettings.self].anovas
        self.codebook = codebook
    }

    /// Personal-data columns leave the design-based results as they leave the unweighted ones:
    /// their means and proportions, and every correlation, regression or ANOVA that uses them.
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        guard var design = result.design else { return [] }
        for index in design.means.indices { design.means[index].rows.removeAll { columns.contains($0.name) } }
        design.proportions.removeAll { columns.contains($0.name) }
        var dropped: [String] = []
        if let correlation = design.correlation, correlation.names.contains(where: columns.contains) {
            design.correlation = nil
            dropped.append("design-based correlations")
        }
        dropped += design.regressions.drop(using: columns, uses: { fitted in
            regressions.first { $0.name == fitted.name }.map { [$0.dependent] + $0.terms } ?? []
        }, named: { "design-based regression \($0.name)" })
        dropped += design.anovas.drop(using: columns, uses: { fitted in
            anovas.first { $0.name == fitted.name }.map { [$0.dependent, $0.factor] } ?? []
        }, named: { "design-based ANOVA \($0.name)" })
        result.design = design
        return dropped
    }

    private var weightType: WeightType { design.map { WeightType(rawValue: $0.weightType.rawValue) ?? .sampling } ?? .sampling }
    private var rowsArePSUs: Bool { weightType == .sampling && design?.psu == nil }

    /// A variable's coded values (``WaveVariables/codedColumn(_:)``), to be read as numbers per row.
    private struct Values {
        let column: RowTally.CodedColumn
        subscript(row: Int) -> Double {
            let code = column.codes[row]
            return code < 0 ? .nan : column.values[Int(code)]
        }
    }

    func summarize(_ block: WaveVariables) throws -> WaveSummary.DesignSummary? {
        guard let design else { return nil }
        let rows = block.dataset.rowCount
        let weights = try design.weights.map { try block.numeric($0) }
        let strata = try design.strata.map { Values(column: try block.codedColumn($0)) }
        let psus = try design.psu.map { Values(column: try block.codedColumn($0)) }
        let sizes = try design.fpc.map { try block.numeric($0) }
        try checkDesignValues(block, weights: weights, strata: strata, psus: psus, sizes: sizes)
        func sums(variableCount: Int, fourthMoments: Bool, _ values: (Int) -> [Double]) throws -> DesignSums {
            var sums = DesignSums(variableCount: variableCount, weightType: weightType, rowsArePSUs: rowsArePSUs,
                                  keepsFourthMoments: fourthMoments && rowsArePSUs)
            let sparse = fourthMoments && rowsArePSUs
            var squares: [Double: SparseSquares] = [:]
            for row in 0..<rows {
                let rowValues = values(row), weight = weights?[row] ?? 1, stratum = strata?[row] ?? 0
                do {
                    try sums.add(rowValues, weight: weight, stratum: stratum, psu: psus?[row] ?? 0, populationSize: sizes?[row], keepingSquares: !sparse)
                } catch let problem as DesignError {
                    throw StudyError.analysisFailed(analysis: "design", reason: "\(problem)")
                }
                if sparse { squares[stratum, default: SparseSquares(variableCount: variableCount)].add(rowValues, weight: weight) }
            }
            for (stratum, sum) in squares.sorted(by: { $0.key < $1.key }) { sums.addRowStratum(stratum, sum.rowSums) }
            return sums
        }
        func named(_ name: String, fourthMoments: Bool = false, _ columns: [Values]) throws -> WaveSummary.Named<DesignSums> {
            WaveSummary.Named(name: name, summary: try sums(variableCount: columns.count, fourthMoments: fourthMoments) { row in columns.map { $0[row] } })
        }
        let groups = try RowGroups(rows: rows, weights: weights, strata: strata, psus: psus, sizes: sizes)
        let means = try described.map { name -> WaveSummary.Named<DesignSums> in
            let column = try block.codedColumn(name)
            if column.values.count <= RowGroups.maximumValues {
                return WaveSummary.Named(name: name, summary: try groups.sums(of: column, indicators: false, empty: DesignSums(
                    variableCount: 1, weightType: weightType, rowsArePSUs: rowsArePSUs)))
            }
            return try named(name, [Values(column: column)])
        }
        let proportions = try tabulated.map { name -> WaveSummary.Named<DesignSums> in
            let column = try block.codedColumn(name)
            return WaveSummary.Named(name: name, summary: try groups.sums(of: column, indicators: true, empty: DesignSums(
                variableCount: column.values.count, weightType: weightType, rowsArePSUs: rowsArePSUs)))
        }
        let correlation = correlated.isEmpty ? nil : try sums(variableCount: correlated.count, fourthMoments: false) { [columns = try correlated.map { Values(column: try block.codedColumn($0)) }] row in
            columns.map { $0[row] }
        }
        let fits = try regressions.map { model in
            try named(model.name, fourthMoments: true, try model.terms.flatMap { try predictors($0, block) } + [Values(column: try block.codedColumn(model.dependent))])
        }
        let comparisons = try anovas.map { anova in
            try named(anova.name, fourthMoments: true, try indicators(anova.factor, block, dropping: 0) + [Values(column: try block.codedColumn(anova.dependent))])
        }
        return WaveSummary.DesignSummary(means: means, proportions: proportions, correlation: correlation, regressions: fits, anovas: comparisons)
    }

    /// Every row's weight, stratum, PSU and population size as the design needs them.
    /// - Throws: `DataError` naming the file, the row's line (that of the block's first row plus
    ///   the rows before it: exact unless a quoted field spans lines) and the column.
    private func checkDesignValues(_ block: WaveVariables, weights: [Double]?, strata: Values?, psus: Values?, sizes: [Double]?) throws {
        guard let design else { return }
        func fail(_ row: Int, _ name: String?, _ value: Double, expected: String) -> DataError {
            let position = name.flatMap { block.dataset.column(named: $0)?.position }
            return DataError(file: block.dataset.file, line: block.firstLine.map { $0 + row }, column: position, columnName: name,
                      kind: .outOfRange(value: value.isNaN ? "" : MissingCode.format(value), expected: expected))
        }
        let frequency = weightType == .frequency
        for row in 0..<block.dataset.rowCount {
            if let w = weights?[row], !(w.isFinite && w >= 0 && (!frequency || w.rounded() == w)) {
                throw fail(row, design.weights, w, expected: frequency ? "a whole number ≥ 0" : "a weight ≥ 0")
            }
            if let stratum = strata?[row], stratum.isNaN { throw fail(row, design.strata, stratum, expected: "a stratum for every row") }
            if let psu = psus?[row], psu.isNaN { throw fail(row, design.psu, psu, expected: "a PSU for every row") }
            if let size = sizes?[row], !(size.isFinite && size > 0) {
                throw fail(row, design.fpc, size, expected: "a population size > 0 or a sampling fraction")
            }
        }
    }

    /// A block's rows by PSU (by stratum when each row is its own PSU): a coded column's values
    /// tallied per PSU with their weights' sums, Σw² and Σw⁴, and added to a ``DesignSums`` a
    /// value at a time (``DesignSums/addRows(_:count:positiveWeights:weightSum:squaredWeightSum:fourthPowerWeightSum:stratum:psu:)``),
    /// not a row at a time: a means or frequency table of a Likert item costs a few additions per row.
    private struct RowGroups {
        /// Columns with at most this many values are tallied; others are added a row at a time.
        static let maximumValues = 64
        let rows: Int
        let weights: [Double]?
        /// The PSUs (or strata) of the block, and each row's place among them.
        var cells: [DesignSums.Cell] = []
        var cellOfRow: [Int32]
        /// Each stratum's population size, when the design has an fpc.
        var sizes: [Double: Double] = [:]

        init(rows: Int, weights: [Double]?, strata: Values?, psus: Values?, sizes: [Double]?) throws {
            self.rows = rows
            self.weights = weights
            cellOfRow = [Int32](repeating: 0, count: rows)
            var index: [DesignSums.Cell: Int32] = [:]
            for row in 0..<rows {
                let cell = DesignSums.Cell(stratum: strata?[row] ?? 0, psu: psus?[row] ?? 0)
                if let known = index[cell] { cellOfRow[row] = known; continue }
                index[cell] = Int32(cells.count)
                cellOfRow[row] = Int32(cells.count)
                cells.append(cell)
            }
            if let sizes {
                var check = DesignSums(variableCount: 0)
                for row in 0..<rows {
                    do { try check.setPopulationSize(sizes[row], stratum: strata?[row] ?? 0) } catch let problem as DesignError {
                        throw StudyError.analysisFailed(analysis: "design", reason: "\(problem)")
                    }
                }
                self.sizes = check.populationSizes
            }
        }

        /// The summary of `column` (its value, or with `indicators` one 0/1 variable per value) added to `empty`.
        func sums(of column: RowTally.CodedColumn, indicators: Bool, empty: DesignSums) throws -> DesignSums {
            let width = column.values.count + 1   // the last slot: rows without a value
            var counts = [Int](repeating: 0, count: cells.count * width), positive = counts
            var weightSums = [Double](repeating: 0, count: cells.count * width), squared = weightSums, fourth = weightSums
            for row in 0..<rows {
                let code = column.codes[row]
                let slot = Int(cellOfRow[row]) * width + (code < 0 ? width - 1 : Int(code))
                counts[slot] += 1
                let w = weights?[row] ?? 1
                guard w > 0 else { continue }
                positive[slot] += 1
                weightSums[slot] += w
                squared[slot] += w * w
                fourth[slot] += w * w * w * w
            }
            var sums = empty
            for (stratum, size) in sizes.sorted(by: { $0.key < $1.key }) { try sums.setPopulationSize(size, stratum: stratum) }
            for (c, cell) in cells.enumerated() {
                for value in 0..<width where counts[c * width + value] > 0 {
                    let slot = c * width + value
                    let values: [Double] = value == width - 1 ? [Double](repeating: .nan, count: empty.variableCount)
                        : indicators ? column.values.indices.map { $0 == value ? 1 : 0 } : [column.values[value]]
                    sums.addRows(values, count: counts[slot], positiveWeights: positive[slot], weightSum: weightSums[slot],
                                 squaredWeightSum: squared[slot], fourthPowerWeightSum: fourth[slot], stratum: cell.stratum, psu: cell.psu)
                }
            }
            return sums
        }
    }

    /// A block's Σw²·v and Σw²·vvᵀ of v = (x, xₐx_b for a ≤ b) in one stratum whose rows are its PSUs,
    /// over v's non-zero entries only (a row's factor indicators are mostly 0, and so are their
    /// products): the fourth moments a regression's variance needs (``DesignSums/RowPSUSums``) at a
    /// fraction of a dense update's cost.
    private struct SparseSquares {
        let variableCount: Int
        let dimension: Int
        var rows = 0, count = 0
        var weightSum = 0.0, squaredWeightSum = 0.0
        var sums: [Double]
        var products: [Double]

        init(variableCount m: Int) {
            variableCount = m
            dimension = m + m * (m + 1) / 2
            sums = [Double](repeating: 0, count: dimension)
            products = [Double](repeating: 0, count: dimension * dimension)
        }

        mutating func add(_ x: [Double], weight: Double) {
            rows += 1
            guard weight > 0, !x.contains(where: \.isNaN) else { return }
            let m = variableCount
            var entries: [(index: Int, value: Double)] = []
            for a in 0..<m where x[a] != 0 { entries.append((a, x[a])) }
            let single = entries
            for (i, (a, xa)) in single.enumerated() {
                for (b, xb) in single[i...] { entries.append((m + a * m - a * (a - 1) / 2 + (b - a), xa * xb)) }
            }
            let w2 = weight * weight
            count += 1
            weightSum += w2
            squaredWeightSum += w2 * w2
            for (i, (a, va)) in entries.enumerated() {
                sums[a] += w2 * va
                for (b, vb) in entries[i...] {
                    let (low, high) = a <= b ? (a, b) : (b, a)
                    products[low * dimension + high] += w2 * va * vb
                }
            }
        }

        var rowSums: DesignSums.RowPSUSums {
            DesignSums.RowPSUSums(rows: rows, squared: WeightedMoments(count: count, weightSum: weightSum, squaredWeightSum: squaredWeightSum,
                                                                        sums: sums, products: products))
        }
    }

    /// A regression term's columns: a factor's indicators of its non-reference levels, another variable as it is.
    private func predictors(_ name: String, _ block: WaveVariables) throws -> [Values] {
        if !codebook.scales.contains(where: { $0.name == name }), case .categorical(_, let reference)? = codebook.variable(named: name)?.kind {
            return try indicators(name, block, dropping: reference)
        }
        return [Values(column: try block.codedColumn(name))]
    }

    /// A factor's indicator (0/1) columns, one per level but `dropping`.
    private func indicators(_ name: String, _ block: WaveVariables, dropping reference: Int) throws -> [Values] {
        guard let factor = try block.categorical(name) else { throw StudyError.notCategorical(name) }
        let codes = factor.codes.map { $0 == CategoricalValues.missing ? Int32(-1) : Int32($0) }
        return factor.levels.indices.filter { $0 != reference }.map { level in
            Values(column: RowTally.CodedColumn(values: [0, 1], codes: codes.map { $0 < 0 ? -1 : ($0 == level ? 1 : 0) }))
        }
    }

    /// The same analyses as the plan's with as many variables and the plan's weight type and design shape.
    func validate(_ summary: WaveSummary.DesignSummary?, shape: WaveSummary.DesignSummary?, _ check: SummaryChecker) throws {
        switch (summary, shape) {
        case (nil, nil): return
        case (_?, nil): throw WaveSummaryError.invalid(at: Self.key, expected: "no design-based sums (the codebook has no design)")
        case (nil, _?): throw WaveSummaryError.invalid(at: Self.key, expected: "design-based sums (the codebook has a design)")
        case let (summary?, shape?):
            for (key, found, expected) in [("means", summary.means, shape.means), ("proportions", summary.proportions, shape.proportions),
                                           ("regressions", summary.regressions, shape.regressions), ("anovas", summary.anovas, shape.anovas)] {
                try check.sameNames(found, expected, at: "\(Self.key).\(key)")
                for (i, (a, b)) in zip(found, expected).enumerated() {
                    try Self.validate(a.summary, like: b.summary, at: "\(Self.key).\(key)[\(i)] (\(a.name))")
                }
            }
            switch (summary.correlation, shape.correlation) {
            case (nil, nil): break
            case let (found?, expected?): try Self.validate(found, like: expected, at: "\(Self.key).correlation")
            default: throw WaveSummaryError.invalid(at: "\(Self.key).correlation", expected: shape.correlation == nil ? "none" : "design-based sums")
            }
        }
    }

    /// A summary's weight type, design shape and moments of as many variables as `shape`'s, and
    /// moments whose counts and weight sums are possible.
    private static func validate(_ sums: DesignSums, like shape: DesignSums, at path: String) throws {
        guard sums.weightType == shape.weightType, sums.rowsArePSUs == shape.rowsArePSUs,
              sums.keepsFourthMoments == shape.keepsFourthMoments, sums.variableCount == shape.variableCount else {
            throw WaveSummaryError.invalid(at: path, expected: "\(shape.weightType.rawValue) weights of \(shape.variableCount) variables\(shape.rowsArePSUs ? " with rows as PSUs" : "")")
        }
        let moments = sums.cells.values.map { ($0, shape.variableCount) } + sums.rowStrata.values.map { ($0.squared, shape.squaredVariableCount) }
        for (moment, count) in moments {
            guard moment.variableCount == count, moment.coMoments.count == count * count, moment.count >= 0,
                  moment.weightSum.isFinite, moment.weightSum >= 0, moment.means.allSatisfy({ $0.isFinite }), moment.coMoments.allSatisfy({ $0.isFinite }) else {
                throw WaveSummaryError.invalid(at: path, expected: "moments of \(count) variables with finite sums")
            }
        }
        guard sums.rowStrata.values.allSatisfy({ $0.rows >= $0.squared.count }) else {
            throw WaveSummaryError.invalid(at: path, expected: "as many rows per stratum as complete rows at least")
        }
    }

    func finish(_ summary: WaveSummary.DesignSummary?, of wave: WaveSummary, into result: inout WaveResult) throws {
        guard let design, let summary else { return }
        let names = stratumNames()
        func named(_ sums: DesignSums) -> DesignSums {
            var sums = sums
            sums.stratumNames = names
            return sums
        }
        func estimate<T>(_ what: String, _ body: () throws -> T) throws -> T {
            do { return try body() } catch let problem as DesignError {
                throw StudyError.analysisFailed(analysis: "design-based \(what)", reason: "\(problem)")
            }
        }
        let codebook = self.codebook
        var results = DesignResults(weightType: design.weightType.rawValue, weights: design.weights, strata: design.strata,
                                    psu: design.psu, fpc: design.fpc)
        results.means = try summary.means.map { entry in
            try estimate("mean of \(entry.name)") { try DesignMeans.estimate(named(entry.summary), names: [result.labelled(entry.name, codebook)]) }
        }
        results.proportions = try summary.proportions.map { entry in
            let levels = levelLabels(entry.name)
            return NamedDesignMeans(name: entry.name, result: try estimate("proportions of \(entry.name)") {
                try DesignMeans.estimate(named(entry.summary), names: levels)
            })
        }
        if let sums = summary.correlation {
            let names = correlated.map { result.labelled($0, codebook) }
            results.correlation = try estimate("correlations") { try DesignCorrelation.estimate(named(sums), names: names) }
        }
        results.regressions = try zip(regressions, summary.regressions).map { model, entry in
            let predictors = model.terms.flatMap(predictorNames)
            return NamedDesignRegression(name: model.name, title: model.title, dependent: model.dependent, result: try estimate("regression '\(model.name)'") {
                try DesignRegression.fit(named(entry.summary), predictors: predictors)
            })
        }
        results.anovas = try zip(anovas, summary.anovas).map { anova, entry in
            let levels = levelLabels(anova.factor)
            return NamedDesignRegression(name: anova.name, title: "\(codebook.label(anova.dependent)) by \(codebook.label(anova.factor)): design-based comparison of means", dependent: anova.dependent, result: try estimate("ANOVA '\(anova.name)'") {
                try DesignRegression.fit(named(entry.summary), predictors: levels.dropFirst().map { "\(anova.factor)[\($0)]" })
            })
        }
        result.design = results
    }

    /// A regression term's column names: `G[level]` per non-reference level of a factor (as the unweighted fit names them).
    private func predictorNames(_ name: String) -> [String] {
        if !codebook.scales.contains(where: { $0.name == name }), case .categorical(let levels, let reference)? = codebook.variable(named: name)?.kind {
            return levels.indices.filter { $0 != reference }.map { "\(name)[\(levels[$0].label)]" }
        }
        return [name]
    }

    /// A tabulated variable's level labels: a factor's, or a Likert item's scale points.
    private func levelLabels(_ name: String) -> [String] {
        switch codebook.variable(named: name)?.kind {
        case .categorical(let levels, _)?: return levels.map(\.label)
        case .likert(let scale)?: return scale.range.map { scale.valueLabels[$0] ?? String($0) }
        default: return []
        }
    }

    /// The strata's level labels, for messages (a lonely PSU).
    private func stratumNames() -> [Double: String] {
        guard let strata = design?.strata, case .categorical(let levels, _)? = codebook.variable(named: strata)?.kind else { return [:] }
        return Dictionary(uniqueKeysWithValues: levels.enumerated().map { (Double($0.offset), $0.element.label) })
    }
}

extension WaveSummary {
    /// The ``DesignSums`` of each design-based estimate of the plan.
    public struct DesignSummary: Sendable, Equatable, Codable, MergeableSummary {
        public var means: [Named<DesignSums>]
        public var proportions: [Named<DesignSums>]
        public var correlation: DesignSums?
        public var regressions: [Named<DesignSums>]
        public var anovas: [Named<DesignSums>]

        public mutating func add(_ other: DesignSummary) throws {
            try means.add(other.means)
            try proportions.add(other.proportions)
            switch (correlation, other.correlation) {
            case (nil, nil): break
            case let (a?, b?): correlation = try a.adding(b)
            default: throw WaveSummaryError.mismatch("correlated variables")
            }
            try regressions.add(other.regressions)
            try anovas.add(other.anovas)
        }
    }
}

extension DesignSums: MergeableSummary {
    /// - Throws: ``WaveSummaryError/mismatch(_:)`` for sums of other variables, weight type or
    ///   design shape, or a stratum with two population sizes.
    public mutating func add(_ other: DesignSums) throws {
        guard other.weightType == weightType, other.variableCount == variableCount, other.rowsArePSUs == rowsArePSUs,
              other.keepsFourthMoments == keepsFourthMoments else {
            throw WaveSummaryError.mismatch("design-based sums of other variables, weight type or design")
        }
        self = self + other
        if let problem = inconsistentPopulationSize { throw WaveSummaryError.mismatch("\(problem)") }
    }
}
