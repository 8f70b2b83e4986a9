import ArgumentParser
import Foundation
import Reporting
import Study
import SurveyData
import SurveyStats

/// `paradox reliability FILE --items A,B,C [--reverse C --scale-min 1 --scale-max 5]`.
struct ReliabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "Cronbach's α and McDonald's ω of a set of items, without a study file.",
        discussion: """
        Raw and standardized α with a Feldt confidence interval, corrected item–total r and α if item
        deleted, on listwise-complete cases; beside it McDonald's ω total (model-implied total
        variance) from a one-factor ML CFA with a 95% Wald interval, ω with the observed total
        variance, and the model's fit (3 items or more). --ordinal adds ordinal α and ω from polychoric
        correlations, the categories being the items' answers: an item whose answers are not whole
        numbers within 10 points (a 98 "don't know" beside 1–5) is refused; give such codes with
        --missing, which makes them blank for every statistic. Items named in --reverse are scored min + max − x, with min and max from
        --scale-min/--scale-max. JSON: {n, k, alpha, std_alpha, conf_low, conf_high,
        items: [{name, r_drop, alpha_if_deleted, mean, sd}], ..., omega: {omega, std_error, conf_low,
        conf_high, omega_observed, items, fit, ...} | null, omega_problem, ordinal: {polychoric, alpha,
        omega, omega_problem} | null}.
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "Comma-separated item columns (at least two).", transform: commaList)
    var items: [String]

    @Option(help: "Comma-separated items to reverse-key (they must be among --items).", transform: commaList)
    var reverse: [String] = []

    @Option(help: "Lowest scale point (a whole number), for reverse keying.")
    var scaleMin: Int?

    @Option(help: "Highest scale point (a whole number), for reverse keying.")
    var scaleMax: Int?

    @Flag(help: "Also ordinal α and ω from polychoric correlations (whole-number answers within 10 points).")
    var ordinal = false

    @Option(help: "Comma-separated missing codes (e.g. 98,99): blank cells for every statistic.", transform: numberList)
    var missing: [Double] = []

    func validate() throws {
        guard items.count >= 2 else { throw ValidationError("--items needs at least two columns, e.g. --items q1,q2,q3") }
        if let stray = reverse.first(where: { !items.contains($0) }) {
            throw ValidationError("--reverse names '\(stray)', which is not among --items")
        }
        if !reverse.isEmpty && (scaleMin == nil || scaleMax == nil) {
            throw ValidationError("--reverse needs --scale-min and --scale-max (e.g. --scale-min 1 --scale-max 5)")
        }
        if let low = scaleMin, let high = scaleMax, low >= high {
            throw ValidationError("--scale-min must be below --scale-max")
        }
    }

    func run() throws {
        try failing {
            let scale = scaleMin.flatMap { low in scaleMax.map { low...$0 } }
            let result = try FileReliability.analyse(URL(fileURLWithPath: data.file), delimiter: data.delimiter?.byte, items: items,
                                                     reversed: Set(reverse), scale: scale, ordinal: ordinal, missing: Set(missing))
            let omega = NamedOmega(scale: "Selected", result: result.omega.result, problem: result.omega.problem)
            var tables: [Table] = [.reliability(result.alpha, scale: "Selected", reversed: reverse), .omegaSummary([omega])]
            if let model = omega.result { tables.append(.oneFactorLoadings(model, scale: "Selected")) }
            if let ordinal = result.ordinal { tables.append(.ordinalReliability(ordinal, scale: "Selected")) }
            print(try render(tables, json: result, format: data.format), terminator: "")
        }
    }
}

/// Parses `98,99` into numbers.
func numberList(_ text: String) throws -> [Double] {
    try commaList(text).map { word in
        guard let number = Double(word), number.isFinite else { throw ValidationError("'\(word.prefix(80))' is not a number (expected codes such as 98,99)") }
        return number
    }
}

/// Parses `a,b,c` into names.
func commaList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
