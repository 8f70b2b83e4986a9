import Study
import SurveyStats

extension StudyReport {
    /// The key findings of a wave in APA sentences, drawn from its tables (no statistic is computed
    /// here): the range of the scales' α, the strongest correlation, each regression's fit and its
    /// predictors that are significant, each ANOVA's F test with η², and the most prevalent themes of
    /// the interviews. A test is called significant at α = .05, with the inference the study chose
    /// (HC3 when requested).
    static func keyFindings(_ wave: WaveResult, interviews: InterviewResult?, label: (String) -> String) -> [String] {
        var findings: [String] = []
        let alphas = wave.reliability.compactMap { named in named.result.alpha.map { (label(named.scale), $0) } }
        if let low = alphas.min(by: { $0.1 < $1.1 }), let high = alphas.max(by: { $0.1 < $1.1 }) {
            findings.append(alphas.count == 1
                ? "Internal consistency of \(low.0): Cronbach's α = \(decimal(low.1))."
                : "Internal consistency of the \(alphas.count) scales ranged from α = \(decimal(low.1)) (\(low.0)) to α = \(decimal(high.1)) (\(high.0)).")
        }
        if let correlation = wave.correlation,
           let strongest = correlation.pairs.filter({ $0.estimate != nil }).max(by: { abs($0.estimate ?? 0) < abs($1.estimate ?? 0) }),
           let r = strongest.estimate {
            findings.append("The strongest correlation was between \(label(strongest.x)) and \(label(strongest.y)), r(\(strongest.df)) = \(decimal(r)), p \(Table.pText(strongest.pValue)).")
        }
        for model in wave.regressions {
            let fit = model.result.model
            guard let rSquared = fit.rSquared, let f = fit.statistic else { continue }
            let robust = model.result.coefficients.first?.stdErrorHC3 != nil
            let significant = model.result.coefficients.filter { $0.term != "(Intercept)" && (robust ? $0.pValueHC3 : $0.pValue).map { $0 < 0.05 } == true }
            var sentence = "\(model.title): R² = \(decimal(rSquared)), F(\(fit.df), \(fit.dfResidual)) = \(APA.number(f, decimals: 2)), p \(Table.pText(fit.pValue))"
            if significant.isEmpty {
                sentence += "; no predictor was significant at α = .05\(robust ? " (HC3)" : "")."
            } else {
                sentence += "; significant predictors\(robust ? " (HC3)" : ""): " + significant.map { c in
                    let beta = c.stdEstimate.map { "β = \(decimal($0)), " } ?? ""
                    return "\(c.term) (\(beta)p \(Table.pText(robust ? c.pValueHC3 : c.pValue)))"
                }.joined(separator: ", ") + "."
            }
            findings.append(sentence)
        }
        for anova in wave.anovas {
            guard let factor = anova.result.anova.first, let residuals = anova.result.anova.last, let f = factor.statistic, let p = factor.pValue else { continue }
            let differs = p < 0.05 ? "differed significantly" : "did not differ significantly"
            let effect = anova.result.etaSquared.map { ", η² = \(decimal($0))" } ?? ""
            findings.append("\(label(anova.dependent)) \(differs) by \(label(anova.factor)), F(\(factor.df), \(residuals.df)) = \(APA.number(f, decimals: 2)), p \(Table.pText(p))\(effect).")
        }
        if let interviews {
            let themes = interviews.summary.themes.filter { $0.depth == 0 }.sorted { $0.prevalencePercent > $1.prevalencePercent }
            if let top = themes.first {
                let shared = themes.filter { $0.prevalencePercent == top.prevalencePercent }
                findings.append("Interviews: \(shared.count == 1 ? "the most prevalent theme was" : "the most prevalent themes were") "
                    + shared.map { "\"\($0.label)\"" }.joined(separator: ", ")
                    + " (\(APA.number(top.prevalencePercent, decimals: 0))% of \(interviews.summary.participants.count) participants).")
            }
        }
        return findings
    }

    /// A coefficient bounded by 1 in APA style: two decimals, no leading zero.
    private static func decimal(_ value: Double) -> String { APA.number(value, decimals: 2, leadingZero: false) }
}
