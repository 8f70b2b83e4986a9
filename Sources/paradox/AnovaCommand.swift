import ArgumentParser
import Foundation
import Privacy
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
        comparisons. Groups are the factor's levels (text values sorted; numbers ascending). A group of 1 to N − 1
        respondents (--min-cell N, default 5; 1 shows every group) prints its count as "< N" and no mean, SD or
        comparison, and a second group is hidden ("[c]") when the total would give it away, as a study run does;
        the ANOVA and the tests use every respondent.
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "The dependent variable (a numeric column).")
    var dv: String

    @Option(help: "The grouping variable.")
    var factor: String

    @Option(help: "Hide the groups of 1 to N − 1 respondents (and a group that would give them away) as a study run does.")
    var minCell = PrivacyPlan.defaultMinCell

    func validate() throws { try checkMinCell(minCell) }

    func run() throws {
        try failing {
            let result = try FileAnova.run(URL(fileURLWithPath: data.file), delimiter: data.delimiter?.byte, dependent: dv, factor: factor)
            let hidden = PrivacyGate.suppressGroups(result, minCell: minCell)
            print(try render(Table.anovaTables(result, id: "anova", title: "\(dv) by \(factor)", suppressed: hidden),
                             json: SuppressedGroups(result: result, suppressed: hidden), format: data.format), terminator: "")
        }
    }
}
