import SurveyData
import SurveyStats

/// The plan's analyses under the codebook's `design:` (weights, strata, PSUs, fpc), beside the
/// unweighted ones: weighted means of the described variables, weighted proportions of the
/// tabulated ones' levels (``DesignMeans``), weighted correlations (``DesignCorrelation``), each
/// regression by weighted least squares with design-based SEs and the slopes' Wald F
/// (``DesignRegression``), and each one-way ANOVA as the design-based Wald F of the factor's
/// indicators (R `svyglm` + `regTermTest`). Each is a ``DesignSums`` of a block's rows, made in one
/// pass by group of factor levels (``DesignSums/init(_:columns:keepsFourthMoments:)``), so shards
/// merge to the one-pass numbers; a design without PSUs keeps per-stratum sums, not a cell per row.
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

    func summarize(_ block: WaveVariables) throws -> WaveSummary.DesignSummary? {
        guard let design else { return nil }
        let weights = try design.weights.map { try block.numeric($0) }
        let strata = try design.strata.map { try block.codedColumn($0) }
        let psus = try design.psu.map { try block.codedColumn($0) }
        let sizes = try design.fpc.map { try block.numeric($0) }
        try checkDesignValues(block, weights: weights, strata: strata, psus: psus, sizes: sizes)
        let rows: DesignRows
        do {
            rows = try DesignRows(count: block.dataset.rowCount, weightType: weightType, rowsArePSUs: design.psu == nil, weights: weights,
                                  strata: strata, psus: psus, populationSizes: sizes)
        } catch {
            throw StudyError.analysisFailed(analysis: "design", reason: "\(error)")
        }
        func named(_ name: String, fourthMoments: Bool = false, _ columns: [DesignColumn]) -> WaveSummary.Named<DesignSums> {
            WaveSummary.Named(name: name, summary: DesignSums(rows, columns: columns, keepsFourthMoments: fourthMoments))
        }
        // The described and tabulated variables tallied together, each once.
        let names = Array(Set(described + tabulated)).sorted()
        let tallies = DesignColumnTallies(rows, try names.map { try block.codedColumn($0) })
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let means = described.map { WaveSummary.Named(name: $0, summary: tallies.value(index[$0]!)) }   // every name is in `names`
        let proportions = tabulated.map { WaveSummary.Named(name: $0, summary: tallies.indicators(index[$0]!)) }
        // Correlations need only the pooled weighted co-moments, not the design's cells.
        let correlation = correlated.isEmpty ? nil
            : DesignSums(rows.pooled, columns: try correlated.map { .values(try block.codedColumn($0)) }, keepsFourthMoments: false)
        let fits = try regressions.map { model in
            named(model.name, fourthMoments: true, try model.terms.map { try predictors($0, block) } + [.values(try block.codedColumn(model.dependent))])
        }
        let comparisons = try anovas.map { anova in
            named(anova.name, fourthMoments: true, [try indicators(anova.factor, block, dropping: 0), .values(try block.codedColumn(anova.dependent))])
        }
        return WaveSummary.DesignSummary(means: means, proportions: proportions, correlation: correlation, regressions: fits, anovas: comparisons)
    }

    /// Every row's weight, stratum, PSU and population size as the design needs them.
    /// - Throws: `DataError` naming the file, the row's line (that of the block's first row plus
    ///   the rows before it: exact unless a quoted field spans lines) and the column.
    private func checkDesignValues(_ block: WaveVariables, weights: [Double]?, strata: RowTally.CodedColumn?,
                                   psus: RowTally.CodedColumn?, sizes: [Double]?) throws {
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
            if let strata, strata.codes[row] < 0 { throw fail(row, design.strata, .nan, expected: "a stratum for every row") }
            if let psus, psus.codes[row] < 0 { throw fail(row, design.psu, .nan, expected: "a PSU for every row") }
            if let size = sizes?[row], !(size.isFinite && size > 0) {
                throw fail(row, design.fpc, size, expected: "a population size > 0 or a sampling fraction")
            }
        }
    }

    /// A regression term's column: a factor's indicators of its non-reference levels, another variable as it is.
    private func predictors(_ name: String, _ block: WaveVariables) throws -> DesignColumn {
        if !codebook.scales.contains(where: { $0.name == name }), case .categorical(_, let reference)? = codebook.variable(named: name)?.kind {
            return try indicators(name, block, dropping: reference)
        }
        return .values(try block.codedColumn(name))
    }

    /// A factor's indicator (0/1) columns, one per level but `dropping`.
    private func indicators(_ name: String, _ block: WaveVariables, dropping reference: Int) throws -> DesignColumn {
        guard let factor = try block.categorical(name) else { throw StudyError.notCategorical(name) }
        return .indicators(codes: factor.codes, levelCount: factor.levels.count, reference: reference)
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
            let comparison = design.weightType == .sampling ? "design-based comparison of means" : "comparison of weighted means"
            return NamedDesignRegression(name: anova.name, title: "\(codebook.label(anova.dependent)) by \(codebook.label(anova.factor)): \(comparison)", dependent: anova.dependent, result: try estimate("ANOVA '\(anova.name)'") {
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
