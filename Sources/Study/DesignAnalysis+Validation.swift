import SurveyData
import SurveyStats

/// The checks of a summary file's design-based sums (untrusted: made on another machine), before
/// they are merged or estimated from.
extension DesignAnalysis {
    /// The same analyses as the plan's with as many variables and the plan's weight type and design
    /// shape; moments that rows can give (``validate(_:like:ranges:at:_:)``); and one design throughout:
    /// every analysis' sums hold the same PSUs, strata and population sizes, those of strata, PSUs
    /// and fpc the codebook's design can give (``validateDesign(_:at:_:)``). The correlations'
    /// sums, which pool all rows, hold one cell and no design.
    func validate(_ summary: WaveSummary.DesignSummary?, shape: WaveSummary.DesignSummary?, _ check: SummaryChecker) throws {
        switch (summary, shape) {
        case (nil, nil): return
        case (_?, nil): throw WaveSummaryError.invalid(at: Self.key, expected: "no design-based sums (the codebook has no design)")
        case (nil, _?): throw WaveSummaryError.invalid(at: Self.key, expected: "design-based sums (the codebook has a design)")
        case let (summary?, shape?):
            var first: (path: String, layout: Layout)?
            for (key, found, expected) in [("means", summary.means, shape.means), ("proportions", summary.proportions, shape.proportions),
                                           ("regressions", summary.regressions, shape.regressions), ("anovas", summary.anovas, shape.anovas)] {
                try check.sameNames(found, expected, at: "\(Self.key).\(key)")
                for (i, (a, b)) in zip(found, expected).enumerated() {
                    let path = "\(Self.key).\(key)[\(i)] (\(a.name.bounded()))"
                    if let first {
                        guard Layout(a.summary) == first.layout else {
                            throw WaveSummaryError.invalid(at: path, expected: "the strata, PSUs and population sizes (fpc) of \(first.path)")
                        }
                    } else {
                        try validateDesign(a.summary, at: path, check)
                        first = (path, Layout(a.summary))
                    }
                    try Self.validate(a.summary, like: b.summary, ranges: try columnRanges(key, i, b.summary.variableCount, check), at: path, check)
                }
            }
            switch (summary.correlation, shape.correlation) {
            case (nil, nil): break
            case let (found?, expected?):
                let path = "\(Self.key).correlation"
                try Self.validate(found, like: expected, ranges: try columnRanges("correlation", 0, expected.variableCount, check), at: path, check)
                guard found.cells.keys.allSatisfy({ $0 == DesignSums.Cell(stratum: 0, psu: 0) }), found.rowStrata.isEmpty,
                      found.populationSizes.isEmpty else {
                    throw WaveSummaryError.invalid(at: path, expected: "the pooled moments of all rows (one cell, no strata, PSUs or fpc)")
                }
            default: throw WaveSummaryError.invalid(at: "\(Self.key).correlation", expected: shape.correlation == nil ? "none" : "design-based sums")
            }
        }
    }

    /// What the design-based sums of one summary share whatever their variables: the PSUs (cells),
    /// per stratum its rows when each row is its own PSU, and the population sizes (fpc).
    struct Layout: Equatable {
        var cells: Set<DesignSums.Cell>
        var stratumRows: [Double: Int]
        var populationSizes: [Double: Double]

        init(_ sums: DesignSums) {
            cells = Set(sums.cells.keys)
            stratumRows = sums.rowStrata.mapValues(\.rows)
            populationSizes = sums.populationSizes
        }
    }

    /// Strata and PSUs the design's columns can take (0 without the column; 0 for every PSU when each
    /// row is its own), at most one PSU per row, and a population size (fpc), finite and > 0, for each
    /// stratum sampled exactly when the design has an fpc.
    private func validateDesign(_ sums: DesignSums, at path: String, _ check: SummaryChecker) throws {
        func keys(_ values: [Double], of column: String?, at path: String, _ what: String) throws {
            if let column { return try check.possible(values, of: column, at: path) }
            if let other = values.first(where: { $0 != 0 }) {
                throw WaveSummaryError.invalid(at: path, expected: "\(what) 0 only (the design has none), found \(MissingCode.format(other))")
            }
        }
        let cells = sums.sortedCells.map(\.cell)
        try keys(cells.map(\.stratum), of: design?.strata, at: "\(path).cells", "strata")
        try keys(cells.map(\.psu), of: sums.rowsArePSUs ? nil : design?.psu, at: "\(path).cells", "PSUs")
        guard cells.count <= check.rows else {
            throw WaveSummaryError.invalid(at: "\(path).cells", expected: "at most one PSU per row (\(check.rows) rows), found \(cells.count)")
        }
        let strata = Set(cells.map(\.stratum))
        if sums.rowsArePSUs {
            try check.adds(sums.rowStrata.values.map(\.rows), upTo: check.rows, at: "\(path).row_strata", of: "rows of the strata")
            guard Set(sums.rowStrata.keys) == strata else {
                throw WaveSummaryError.invalid(at: "\(path).row_strata", expected: "the strata of the cells (one cell per stratum when rows are PSUs)")
            }
        }
        if design?.fpc == nil {
            guard sums.populationSizes.isEmpty else {
                throw WaveSummaryError.invalid(at: "\(path).population_sizes", expected: "none (the design has no fpc)")
            }
        } else {
            guard Set(sums.populationSizes.keys) == strata, sums.populationSizes.values.allSatisfy({ $0.isFinite && $0 > 0 }) else {
                throw WaveSummaryError.invalid(at: "\(path).population_sizes", expected: "a population size (fpc) > 0 for each stratum of the cells (the design has an fpc: \(design?.fpc ?? ""))")
            }
        }
    }

    /// The values each column of an analysis' sums can take (`nil`: any), the columns as
    /// ``summarize(_:)`` makes them: a factor's indicators in [0, 1] (the levels but the reference),
    /// a proportion's indicators, another variable's values. None known when they are not `count`.
    private func columnRanges(_ kind: String, _ index: Int, _ count: Int, _ check: SummaryChecker) throws -> [ClosedRange<Double>?] {
        func values(_ name: String) throws -> [ClosedRange<Double>?] {
            guard let possible = try check.variables.possibleValues(name), let low = possible.min(), let high = possible.max() else { return [nil] }
            return [low...high]
        }
        func indicators(_ name: String) -> [ClosedRange<Double>?]? {
            guard case .categorical(let levels, _)? = codebook.variable(named: name)?.kind else { return nil }
            return Array(repeating: 0...1, count: max(0, levels.count - 1))
        }
        let ranges: [ClosedRange<Double>?]
        switch kind {
        case "means": ranges = try values(described[index])
        case "proportions": ranges = Array(repeating: 0...1, count: count)
        case "correlation": ranges = try correlated.flatMap(values)
        case "regressions":
            let model = regressions[index]
            ranges = try model.terms.flatMap { term in
                try (codebook.scales.contains { $0.name == term } ? nil : indicators(term)) ?? values(term)
            } + values(model.dependent)
        case "anovas": ranges = try (indicators(anovas[index].factor) ?? []) + values(anovas[index].dependent)
        default: ranges = []
        }
        return ranges.count == count ? ranges : Array(repeating: nil, count: count)
    }

    /// A summary's weight type, design shape and moments of as many variables as `shape`'s; the
    /// fourth moments' origin, one finite number per variable with them, none without; moments that
    /// rows can give (``validate(_:variables:ranges:at:)``) of values in `ranges` (in the cells; in
    /// the w²-moments of rows as PSUs, ``squaredRanges(_:origin:keepsFourthMoments:)``), of at most
    /// the summary's rows in all; and when each row is its own PSU, per stratum as many complete rows
    /// in its w²-moments as in its cell, and at least as many rows.
    private static func validate(_ sums: DesignSums, like shape: DesignSums, ranges: [ClosedRange<Double>?], at path: String,
                                 _ check: SummaryChecker) throws {
        guard sums.weightType == shape.weightType, sums.rowsArePSUs == shape.rowsArePSUs,
              sums.keepsFourthMoments == shape.keepsFourthMoments, sums.variableCount == shape.variableCount else {
            throw WaveSummaryError.invalid(at: path, expected: "\(shape.weightType.rawValue) weights of \(shape.variableCount) variables\(shape.rowsArePSUs ? " with rows as PSUs" : "")")
        }
        // The w²-moments' origin c: without it (c = 0) the fourth moments would be read about another point.
        guard sums.keepsFourthMoments ? sums.origin.count == shape.variableCount && sums.origin.allSatisfy(\.isFinite) : sums.origin.isEmpty else {
            throw WaveSummaryError.invalid(at: path, expected: sums.keepsFourthMoments
                ? "an origin of \(shape.variableCount) finite numbers with the fourth moments" : "no origin (no fourth moments)")
        }
        let squaredRanges = Self.squaredRanges(ranges, origin: sums.origin, keepsFourthMoments: sums.keepsFourthMoments)
        for (cell, moments) in sums.sortedCells {
            try validate(moments, variables: shape.variableCount, ranges: ranges, at: "\(path).cells (stratum \(MissingCode.format(cell.stratum)), PSU \(MissingCode.format(cell.psu)))")
        }
        try check.adds(sums.sortedCells.map(\.moments.count), upTo: check.rows, at: "\(path).cells", of: "complete rows of positive weight")
        for (stratum, stratumSums) in sums.rowStrata.sorted(by: { $0.key < $1.key }) {
            let at = "\(path).row_strata (stratum \(MissingCode.format(stratum)))"
            try validate(stratumSums.squared, variables: shape.squaredVariableCount, ranges: squaredRanges, at: at)
            let complete = sums.cells[DesignSums.Cell(stratum: stratum, psu: 0)]?.count ?? 0
            guard stratumSums.squared.count == complete, stratumSums.rows >= complete else {
                throw WaveSummaryError.invalid(at: at, expected: "as many complete rows as its cell (\(complete)) and at least as many rows, found \(stratumSums.squared.count) of \(stratumSums.rows)")
            }
        }
    }

    /// The ranges of the w²-moments' variables of rows as PSUs: y = x − c for each variable x of
    /// `ranges` (c the origin; 0 when there is none), then with fourth moments the products yₐy_b
    /// (a ≤ b), in the interval products of their ranges.
    private static func squaredRanges(_ ranges: [ClosedRange<Double>?], origin: [Double], keepsFourthMoments: Bool) -> [ClosedRange<Double>?] {
        let shifted = ranges.enumerated().map { i, range in
            range.map { ($0.lowerBound - (origin.isEmpty ? 0 : origin[i]))...($0.upperBound - (origin.isEmpty ? 0 : origin[i])) }
        }
        guard keepsFourthMoments else { return shifted }
        var products: [ClosedRange<Double>?] = []
        for a in shifted.indices {
            for b in a..<shifted.count {
                products.append(shifted[a].flatMap { x in
                    shifted[b].map { y in
                        let (p, q) = (x.lowerBound * y.lowerBound, x.lowerBound * y.upperBound)
                        let (r, s) = (x.upperBound * y.lowerBound, x.upperBound * y.upperBound)
                        return min(min(p, q), min(r, s))...max(max(p, q), max(r, s))
                    }
                })
            }
        }
        return shifted + products
    }

    /// Moments that n rows of weights w ≥ 0 give: n ≥ 0; Σw finite, ≥ 0 and 0 exactly when n is;
    /// (Σw)²/n ≤ Σw² ≤ (Σw)² (Cauchy–Schwarz, and Σw² ≤ (Σw)² for w ≥ 0); finite means and
    /// co-moments C with finite raw sums of squares Σw·xᵢ² = Cᵢᵢ + W·x̄ᵢ², symmetric, Cᵢᵢ ≥ 0 and
    /// |Cᵢⱼ| ≤ √(CᵢᵢCⱼⱼ) (Cauchy–Schwarz); and for a variable of
    /// values in [a, b] (`ranges`, when known) a mean in [a, b] and Cᵢᵢ ≤ W·(b − a)²/4 (Popoviciu).
    /// Each to rounding: 10⁻⁹ of the raw sums Σw·xᵢxⱼ, bounded by √((Cᵢᵢ + W·x̄ᵢ²)(Cⱼⱼ + W·x̄ⱼ²)),
    /// from which C is found.
    private static func validate(_ moments: WeightedMoments, variables p: Int, ranges: [ClosedRange<Double>?], at path: String) throws {
        func fail(_ expected: String) -> WaveSummaryError { .invalid(at: path, expected: expected) }
        guard moments.variableCount == p, moments.coMoments.count == p * p else {
            throw fail("moments of \(p) variables (\(p) means, \(p)×\(p) co-moments)")
        }
        let n = moments.count, w = moments.weightSum, w2 = moments.squaredWeightSum
        guard n >= 0, w.isFinite, w >= 0, (n == 0) == (w == 0) else {
            throw fail("0 or more rows and a finite weight sum Σw ≥ 0, 0 exactly when there are no rows, found \(n) rows of Σw = \(w)")
        }
        guard w2.isFinite, n == 0 ? w2 == 0 : (w2 >= w * (w / Double(n)) * (1 - 1e-9) && w2 <= w * w * (1 + 1e-9)) else {
            throw fail("Σw² between (Σw)²/n and (Σw)² (weights ≥ 0), found Σw² = \(w2) for n = \(n), Σw = \(w)")
        }
        guard moments.means.allSatisfy(\.isFinite), moments.coMoments.allSatisfy(\.isFinite) else {
            throw fail("finite means and co-moments")
        }
        let means = moments.means
        let raw = (0..<p).map { moments.coMoment($0, $0) + w * means[$0] * means[$0] }   // Σw·xᵢ² ≥ Cᵢᵢ
        if let i = raw.firstIndex(where: { !$0.isFinite }) {
            throw fail("sums of squares Σw·x² within a double's range, found a mean of \(means[i]) for variable \(i + 1) of Σw = \(w)")
        }
        for i in 0..<p {
            let c = moments.coMoment(i, i)
            guard c >= -1e-9 * (1 + raw[i]) else { throw fail("sums of squares ≥ 0, found \(c) for variable \(i + 1)") }
            if n > 0, i < ranges.count, let range = ranges[i] {
                let width = range.upperBound - range.lowerBound, slack = 1e-9 * max(1, width)
                guard means[i] >= range.lowerBound - slack, means[i] <= range.upperBound + slack else {
                    throw fail("a mean of variable \(i + 1) between \(range.lowerBound) and \(range.upperBound), found \(means[i])")
                }
                guard c <= w * width * width / 4 * (1 + 1e-9) + slack else {
                    throw fail("a sum of squares of variable \(i + 1) at most Σw·(range)²/4 = \(w * width * width / 4), found \(c)")
                }
            }
            for j in 0..<i {
                let tolerance = 1e-9 * (abs(raw[i] * raw[j]).squareRoot() + 1)
                let a = moments.coMoment(i, j), b = moments.coMoment(j, i)
                guard abs(a - b) <= tolerance, abs(a) <= (max(0, c) * max(0, moments.coMoment(j, j))).squareRoot() + tolerance else {
                    throw fail("a symmetric co-moment matrix within √(CᵢᵢCⱼⱼ) (Cauchy–Schwarz), found C[\(i)][\(j)] = \(a), C[\(j)][\(i)] = \(b)")
                }
            }
        }
    }
}
