import SurveyData
import SurveyStats

extension WaveSummary {
    /// Checks a summary read from a file — made on another machine, so untrusted — before it is
    /// merged or analysed:
    /// - its shape is that of the summary of no rows under `plan` and `codebook`: the same columns
    ///   with as many user-missing and level counts, the same described variables, scales (with
    ///   their numbers of items), correlated variables, regressions (with their numbers of columns)
    ///   and ANOVAs (with their numbers of levels);
    /// - its counts are 0 or more and add up: per column its blank and user-missing cells and its
    ///   answers per level, per tally its valid and missing cases, per co-moment summary its complete
    ///   and incomplete cases, per regression its cases, per ANOVA its cases over the levels and
    ///   without one — each to `rows` (a column without levels: at most `rows`). So no count in a
    ///   valid summary exceeds `rows`, and summaries whose rows add up within `Int`'s range merge
    ///   without overflow (``merge(_:)`` checks the rows);
    /// - per ID column of the codebook, a list of at most `rows` hashes of respondent IDs (ascending
    ///   and distinct, checked as it is decoded: ``RespondentHashes``);
    /// - its values are ones the variables can take: a Likert item's scale points, a Likert scale's
    ///   possible scores, a factor's level codes; and the co-moments are those of such values: each
    ///   mean between the variable's lowest and highest value, each sum of squares at most
    ///   n·(highest − lowest)²/4, each co-moment within √(CᵢᵢCⱼⱼ) (Cauchy–Schwarz), to rounding.
    ///
    /// The invariants of the tallies themselves (one count per value, ascending finite values,
    /// positive counts) are checked as they are decoded (``ValueTally``, ``RowTally``, ``CoMoments``).
    /// - Throws: ``WaveSummaryError/invalid(at:expected:)`` naming the first offending key.
    public func validate(plan: AnalysisPlan, codebook: Codebook) throws {
        let noRows = Dataset(noRowsOf: codebook, file: "")
        let shape = try WaveSummary(plan: plan, dataset: noRows, codebook: codebook)
        let variables = try WaveVariables(dataset: noRows, codebook: codebook)
        let check = Checker(rows: rows, variables: variables)
        guard rows >= 0 else { throw WaveSummaryError.invalid(at: "rows", expected: "0 or more rows, found \(rows)") }

        try check.sameCount(columns.count, shape.columns.count, at: "columns", of: "columns (the codebook's variables)")
        for (i, (column, expected)) in zip(columns, shape.columns).enumerated() {
            let path = "columns[\(i)]"
            try check.sameName(column.name, expected.name, at: path)
            try check.sameCount(column.userMissing.count, expected.userMissing.count, at: "\(path).userMissing", of: "counts (one per user-missing code)")
            switch (column.levels, expected.levels) {
            case (nil, nil): try check.adds([column.blank] + column.userMissing, upTo: rows, at: path, of: "blank and user-missing cells")
            case let (levels?, expectedLevels?):
                try check.sameCount(levels.count, expectedLevels.count, at: "\(path).levels", of: "counts (one per level)")
                try check.adds([column.blank] + column.userMissing + levels, to: rows, at: path, of: "blank, user-missing and answered cells")
            case (_, nil): throw WaveSummaryError.invalid(at: "\(path).levels", expected: "no level counts (\(expected.name) has no levels)")
            case (nil, _): throw WaveSummaryError.invalid(at: "\(path).levels", expected: "a count per level of \(expected.name)")
            }
        }

        try check.sameNames(tallies, shape.tallies, at: "tallies")
        for (i, tally) in tallies.enumerated() {
            try check.tally(tally.summary, of: tally.name, at: "tallies[\(i)] (\(tally.name)).summary")
        }

        try check.sameNames(reliability, shape.reliability, at: "reliability")
        for (i, (scale, expected)) in zip(reliability, shape.reliability).enumerated() {
            let path = "reliability[\(i)] (\(scale.name)).summary"
            try check.sameCount(scale.summary.variableCount, expected.summary.variableCount, at: "\(path).means", of: "means (one per item)")
            try check.coMoments(scale.summary, of: try codebook.requireScale(scale.name).items, at: path)
        }

        let correlated = plan.correlations ?? codebook.scales.map(\.name)
        switch (correlation, shape.correlation) {
        case (nil, nil): break
        case let (.listwise(coMoments)?, .listwise(expected)?):
            try check.sameCount(coMoments.variableCount, expected.variableCount, at: "correlation.listwise.means", of: "means (one per variable)")
            try check.coMoments(coMoments, of: correlated, at: "correlation.listwise")
        case let (.pairwise(coMoments)?, .pairwise(expected)?):
            try check.sameCount(coMoments.variableCount, expected.variableCount, at: "correlation.pairwise.variables", of: "variables")
            var m = 0
            for i in correlated.indices {
                for j in correlated.indices.dropFirst(i + 1) {
                    try check.coMoments(coMoments.pair(i, j), of: [correlated[i], correlated[j]], at: "correlation.pairwise.pairs[\(m)]")
                    m += 1
                }
            }
        case (_, nil): throw WaveSummaryError.invalid(at: "correlation", expected: "no correlation (the plan correlates fewer than two variables)")
        case (_, .listwise?): throw WaveSummaryError.invalid(at: "correlation", expected: "listwise co-moments (the plan's correlations are listwise)")
        case (_, .pairwise?): throw WaveSummaryError.invalid(at: "correlation", expected: "pairwise co-moments (the plan's correlations are pairwise)")
        }

        try check.sameNames(regressions, shape.regressions, at: "regressions")
        for (i, (model, named)) in zip(plan.regressions, regressions).enumerated() {
            let path = "regressions[\(i)] (\(model.name)).summary"
            let tally = named.summary
            let names = [model.dependent] + model.terms
            try check.sameCount(tally.columnCount, names.count, at: "\(path).columns", of: "columns (the response and each term)")
            try check.adds([tally.caseCount, tally.excluded], to: rows, at: path, of: "complete and excluded cases")
            for (j, name) in names.enumerated() {
                try check.possible(tally.columnValues[j], of: name, at: "\(path).columns[\(j)]")
            }
        }

        try check.sameNames(anovas, shape.anovas, at: "anovas")
        for (i, (anova, (named, expected))) in zip(plan.anovas, zip(anovas, shape.anovas)).enumerated() {
            let path = "anovas[\(i)] (\(anova.name)).summary"
            let groups = named.summary
            try check.sameCount(groups.levels.count, expected.summary.levels.count, at: "\(path).levels", of: "tallies (one per level of \(anova.factor))")
            let cases = groups.levels.map { $0.count + $0.missing }   // each within Int's range (checked on decoding)
            try check.adds(cases + [groups.casesWithoutLevel], to: rows, at: path, of: "cases per level and without a level")
            for (level, tally) in groups.levels.enumerated() {
                try check.possible(tally.values, of: anova.dependent, at: "\(path).levels[\(level)].values")
            }
        }

        let idColumns = codebook.variables.filter { $0.kind == .id }.map(\.name)
        try check.sameCount(idHashes.count, idColumns.count, at: "idHashes", of: "hash lists (one per ID column of the codebook)")
        for (i, (hashes, name)) in zip(idHashes, idColumns).enumerated() {
            try check.sameName(hashes.name, name, at: "idHashes[\(i)]")
            guard hashes.summary.hashes.count <= rows else {
                throw WaveSummaryError.invalid(at: "idHashes[\(i)] (\(name)).summary",
                                               expected: "at most the \(rows) rows' hashes (one per respondent), found \(hashes.summary.hashes.count)")
            }
        }
    }
}

/// The checks of ``WaveSummary/validate(plan:codebook:)``, each throwing
/// ``WaveSummaryError/invalid(at:expected:)`` with the key path and what was expected.
private struct Checker {
    let rows: Int
    let variables: WaveVariables

    func sameCount(_ found: Int, _ expected: Int, at path: String, of what: String) throws {
        guard found == expected else { throw WaveSummaryError.invalid(at: path, expected: "\(expected) \(what), found \(found)") }
    }

    func sameName(_ found: String, _ expected: String, at path: String) throws {
        guard found == expected else {
            throw WaveSummaryError.invalid(at: "\(path).name", expected: "'\(expected)', found '\(found.bounded())'")
        }
    }

    func sameNames<T>(_ found: [WaveSummary.Named<T>], _ expected: [WaveSummary.Named<T>], at path: String) throws {
        try sameCount(found.count, expected.count, at: path, of: "entries (as the analysis plan has)")
        for (i, (a, b)) in zip(found, expected).enumerated() { try sameName(a.name, b.name, at: "\(path)[\(i)]") }
    }

    /// `counts` are each 0 or more and add up to `total` (or, with `upTo`, at most `total`).
    func adds(_ counts: [Int], to total: Int? = nil, upTo limit: Int? = nil, at path: String, of what: String) throws {
        if let negative = counts.first(where: { $0 < 0 }) {
            throw WaveSummaryError.invalid(at: path, expected: "\(what) 0 or more, found \(negative)")
        }
        let sum = counts.checkedSum()
        if let total, sum != total {
            throw WaveSummaryError.invalid(at: path, expected: "\(what) adding up to the \(total) rows, found \(sum.map(String.init) ?? "more than \(Int.max)")")
        }
        if let limit, sum.map({ $0 > limit }) ?? true {
            throw WaveSummaryError.invalid(at: path, expected: "\(what) adding up to at most the \(limit) rows, found \(sum.map(String.init) ?? "more than \(Int.max)")")
        }
    }

    func tally(_ tally: ValueTally, of name: String, at path: String) throws {
        try adds([tally.count, tally.missing], to: rows, at: path, of: "valid and missing cases")
        try possible(tally.values, of: name, at: "\(path).values")
    }

    /// Every one of `values` is one that `name` can take.
    func possible(_ values: [Double], of name: String, at path: String) throws {
        guard let possible = try variables.possibleValues(name) else { return }
        let allowed = Set(possible)
        if let bad = values.first(where: { !allowed.contains($0) }) {
            let shown = possible.count <= 12 ? possible.map { MissingCode.format($0) }.joined(separator: ", ")
                : "\(MissingCode.format(possible[0])) … \(MissingCode.format(possible[possible.count - 1]))"
            throw WaveSummaryError.invalid(at: path, expected: "values of \(name) (\(shown)), found \(MissingCode.format(bad))")
        }
    }

    /// Counts that add up to `rows`, and means and co-moments that values in the variables' ranges can give.
    func coMoments(_ summary: CoMoments, of names: [String], at path: String) throws {
        try adds([summary.count, summary.incomplete], to: rows, at: path, of: "complete and incomplete cases")
        let n = Double(summary.count)
        for (i, name) in names.enumerated() {
            guard let possible = try variables.possibleValues(name), let low = possible.first, let high = possible.last else { continue }
            let slack = 1e-9 * Swift.max(1, high - low)
            let mean = summary.means[i]
            guard summary.count == 0 || (low - slack...high + slack).contains(mean) else {
                throw WaveSummaryError.invalid(at: "\(path).means[\(i)]", expected: "a mean of \(name) between \(MissingCode.format(low)) and \(MissingCode.format(high)), found \(mean)")
            }
            let largest = n * (high - low) * (high - low) / 4
            guard summary.coMoment(i, i) <= largest * (1 + 1e-9) + slack else {
                throw WaveSummaryError.invalid(at: "\(path).co_moments", expected: "a sum of squares of \(name) at most n·(range)²/4 = \(largest), found \(summary.coMoment(i, i))")
            }
        }
        for i in names.indices {
            for j in names.indices where j != i {
                let bound = (summary.coMoment(i, i) * summary.coMoment(j, j)).squareRoot()
                guard abs(summary.coMoment(i, j)) <= bound * (1 + 1e-9) + 1e-9 else {
                    throw WaveSummaryError.invalid(at: "\(path).co_moments", expected: "co-moments within √(CᵢᵢCⱼⱼ) (Cauchy–Schwarz), found C[\(i)][\(j)] = \(summary.coMoment(i, j))")
                }
            }
        }
    }
}
