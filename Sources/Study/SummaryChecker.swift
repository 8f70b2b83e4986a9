import SurveyData
import SurveyStats

/// The checks of a summary read from a file (``WaveSummary/validate(plan:codebook:)``, each
/// analysis' ``BlockAnalysis/validate(_:shape:_:)``), each throwing
/// ``WaveSummaryError/invalid(at:expected:)`` with the key path and what was expected.
struct SummaryChecker {
    /// The rows of the summary checked: every count adds up to them.
    let rows: Int
    /// The variables of the codebook, for the values each can take.
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
        try adds([summary.count, summary.excluded], to: rows, at: path, of: "complete and incomplete cases")
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
