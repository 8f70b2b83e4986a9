import Study

/// What a design-based table estimates, for its note on the standard errors and df that apply to it.
enum DesignEstimate {
    /// Weighted means and proportions: SE of a mean, t on the df of a mean.
    case means
    /// Weighted correlations: the estimate only, no SEs.
    case correlations
    /// Weighted least squares (and the one-way comparison as a regression): p terms with the intercept.
    case regression
}

extension Table {
    /// A design table's title: under sampling weights (or an equal-probability design) `sampled`
    /// (e.g. "Weighted Means Under the Sampling Design"); under frequency or analytic weights, which
    /// have no sampling design, `subject` with the weight type as SPSS and Stata name it
    /// ("Weighted Means (Frequency Weights)", "… (Analytic Weights)").
    static func designTitle(_ subject: String, sampled: String? = nil, _ design: some DesignRoles) -> String {
        switch design.weightType {
        case "frequency": return "\(subject) (Frequency Weights)"
        case "analytic": return "\(subject) (Analytic Weights)"
        default: return sampled ?? subject
        }
    }

    /// The notes every design-based table carries: the design (which weight type, strata, PSUs,
    /// population sizes) and how the standard errors of `estimate` were computed, with their df:
    /// - sampling: Taylor linearisation over with-replacement PSUs (fpc), t on the design df
    ///   (PSUs − strata) for a mean and on design df + 1 − p for a regression (R `svymean`, `svyglm`);
    /// - frequency: the rows as repeated w times, SE = s/√Σw on Σw − 1 df for a mean and OLS on
    ///   Σw − p df for a regression (SPSS WEIGHT BY, Stata `[fweight]`);
    /// - analytic: weights rescaled to sum to n, SE² = Σw(x − x̄)²/(Σw(n − 1)) on n − 1 df for a
    ///   mean and σ̂² = Σwe²/(n − p) on n − p df for a regression (Stata `[aweight]`, R `lm(weights =)`).
    /// Frequency and analytic weights have no strata, PSUs or fpc (the codebook refuses them), so
    /// their note names the weights alone.
    static func designNotes(_ design: some DesignRoles, for estimate: DesignEstimate) -> [String] {
        let weights = design.weights ?? ""
        switch (design.weightType, estimate) {
        case ("frequency", .means):
            return ["Frequency weights \(weights): each row counted w times (SPSS WEIGHT BY, Stata fweight); SE = s/√Σw, t on df = Σw − 1."]
        case ("frequency", .regression):
            return ["Frequency weights \(weights): each row counted w times (SPSS WEIGHT BY, Stata fweight); OLS SEs of the repeated rows, t on df = Σw − p (p terms with the intercept)."]
        case ("frequency", .correlations):
            return ["Frequency weights \(weights): r of the rows, each counted w times (SPSS WEIGHT BY, Stata fweight)."]
        case ("analytic", .means):
            return ["Analytic weights \(weights), rescaled to sum to n (Stata aweight): SE² = Σw(x − x̄)²/(Σw(n − 1)), t on df = n − 1."]
        case ("analytic", .regression):
            return ["Analytic weights \(weights), rescaled to sum to n (Stata aweight): weighted least squares SEs with σ̂² = Σwe²/(n − p), t on df = n − p (p terms with the intercept; R lm(weights =))."]
        case ("analytic", .correlations):
            return ["Analytic weights \(weights) (Stata aweight): r from the weighted co-moments, which the scale of the weights does not change."]
        default:
            return [samplingDesign(design), samplingMethod(design, for: estimate)]
        }
    }

    /// "Design: sampling weights w, strata …, PSUs … (or each row its own PSU), population sizes …."
    private static func samplingDesign(_ design: some DesignRoles) -> String {
        var parts = [design.weights.map { "sampling weights \($0)" } ?? "equal weights"]
        if let strata = design.strata { parts.append("strata \(strata)") }
        parts.append(design.psu.map { "PSUs \($0)" } ?? "each row its own PSU")
        if let fpc = design.fpc { parts.append("population sizes \(fpc)") }
        return "Design: \(parts.joined(separator: ", "))."
    }

    /// How a sampling design's standard errors of `estimate` were computed.
    private static func samplingMethod(_ design: some DesignRoles, for estimate: DesignEstimate) -> String {
        let taylor = "Design-based SEs by Taylor linearisation (with-replacement PSUs\(design.fpc == nil ? "" : ", finite population correction"))"
        switch estimate {
        case .means: return taylor + ", t on the design df (PSUs − strata), as R survey."
        case .regression: return taylor + ", t on the design df + 1 − p (PSUs − strata + 1 − p, p terms with the intercept), as R svyglm."
        case .correlations: return "r estimates the population correlation from the weighted co-moments (R cov2cor(svyvar(…))); no SEs."
        }
    }
}
