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
        abstract: "Cronbach's α of a set of items, without a study file.",
        discussion: """
        Raw and standardized α with a Feldt confidence interval, corrected item–total r and α if item
        deleted, on listwise-complete cases. Items named in --reverse are scored min + max − x, with
        min and max from --scale-min/--scale-max. JSON: {n, k, alpha, std_alpha, conf_low, conf_high,
        items: [{name, r_drop, alpha_if_deleted, mean, sd}], ...}.
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
            let result = try FileReliability.run(URL(fileURLWithPath: data.file), delimiter: data.delimiter?.byte, items: items,
                                                 reversed: Set(reverse), scale: scale)
            print(try render([.reliability(result, scale: "Selected")], json: result, format: data.format), terminator: "")
        }
    }
}

/// Parses `a,b,c` into names.
func commaList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
