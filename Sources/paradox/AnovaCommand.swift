import ArgumentParser
import Foundation
import Reporting
import Study
import SurveyData
import SurveyStats

/// `paradox anova FILE --dv Y --factor G`.
struct Anova: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One-way ANOVA with assumption tests and post hoc comparisons, without a study file.",
        discussion: """
        Group table, SS/df/MS/F/p with η² and ω², Levene's and the Brown–Forsythe test of variances,
        Welch's F and the Brown–Forsythe F*, Kruskal–Wallis H, and Tukey–Kramer and Games–Howell
        comparisons. Groups are the factor's levels (text values sorted; numbers ascending).
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "The dependent variable (a numeric column).")
    var dv: String

    @Option(help: "The grouping variable.")
    var factor: String

    func run() throws {
        try failing {
            let result = try FileAnova.run(URL(fileURLWithPath: data.file), delimiter: data.delimiter?.byte, dependent: dv, factor: factor)
            print(try render(Table.anovaTables(result, id: "anova", title: "\(dv) by \(factor)"), json: result, format: data.format), terminator: "")
        }
    }
}
