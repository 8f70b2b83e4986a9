/// Agreement between two codings of the same segments, theme by theme and overall.
///
/// Each theme is a binary judgement per segment (coded or not, counting sub-themes toward their
/// parent). With the confusion counts a (both), b (first only), c (second only), d (neither), n = a+b+c+d:
/// - percent agreement p_o = (a + d) / n;
/// - Cohen's κ = (p_o − p_e) / (1 − p_e), p_e = [(a+b)(a+c) + (c+d)(b+d)] / n², undefined when p_e = 1
///   (Cohen 1960, "A coefficient of agreement for nominal scales", Educ. Psychol. Meas. 20(1));
/// - PABAK = 2 p_o − 1, κ with prevalence and bias adjusted away (Byrt, Bishop & Carlin 1993,
///   "Bias, prevalence and kappa", J. Clin. Epidemiol. 46(5));
/// - Krippendorff's α (nominal) = 1 − D_o / D_e on the coincidence matrix (see
///   ``krippendorffAlphaNominal(_:)``), per theme and overall, where overall pools every
///   (segment, theme) pair as one unit.
///
/// Test values come from scikit-learn `cohen_kappa_score` and the `krippendorff` package
/// (`alpha(level_of_measurement="nominal")`); see `Tests/ThematicTests/Fixtures/agreement/`.
public enum Agreement {
    /// Compares two codings (segment id → theme ids, already aggregated) over `segments` and `themes`.
    public static func compare(_ first: [String: Set<String>], _ second: [String: Set<String>],
                               segments: [String], themes: [(id: String, label: String)]) -> AgreementResult {
        var pooled: [[Int?]] = []
        var rows: [ThemeAgreement] = []
        for theme in themes {
            var counts = ConfusionCounts(both: 0, firstOnly: 0, secondOnly: 0, neither: 0)
            var units: [[Int?]] = []
            for segment in segments {
                let inFirst = first[segment]?.contains(theme.id) ?? false
                let inSecond = second[segment]?.contains(theme.id) ?? false
                switch (inFirst, inSecond) {
                case (true, true): counts.both += 1
                case (true, false): counts.firstOnly += 1
                case (false, true): counts.secondOnly += 1
                case (false, false): counts.neither += 1
                }
                units.append([inFirst ? 1 : 0, inSecond ? 1 : 0])
            }
            pooled += units
            rows.append(ThemeAgreement(themeID: theme.id, label: theme.label, confusion: counts,
                                       percentAgreement: counts.percentAgreement, kappa: cohensKappa(counts),
                                       pabak: pabak(counts), alpha: krippendorffAlphaNominal(units)))
        }
        let agreeing = rows.reduce(0) { $0 + $1.confusion.both + $1.confusion.neither }
        return AgreementResult(segments: segments.count, themes: rows,
                               percentAgreement: pooled.isEmpty ? nil : Double(agreeing) / Double(pooled.count) * 100,
                               alpha: krippendorffAlphaNominal(pooled))
    }

    /// Cohen's κ for a 2 × 2 table; nil when chance agreement is 1 (both coders constant and equal) or n = 0.
    public static func cohensKappa(_ c: ConfusionCounts) -> Double? {
        let n = Double(c.total)
        guard n > 0 else { return nil }
        let observed = Double(c.both + c.neither) / n
        let expected = (Double(c.both + c.firstOnly) * Double(c.both + c.secondOnly)
                        + Double(c.secondOnly + c.neither) * Double(c.firstOnly + c.neither)) / (n * n)
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }

    /// Prevalence-adjusted bias-adjusted κ, 2 p_o − 1; nil when n = 0.
    public static func pabak(_ c: ConfusionCounts) -> Double? {
        guard c.total > 0 else { return nil }
        return 2 * Double(c.both + c.neither) / Double(c.total) - 1
    }

    /// Krippendorff's α for nominal data. `units[u]` holds each coder's value for unit u (nil: not coded).
    ///
    /// Units with fewer than two values are not pairable and are dropped. With the coincidence matrix
    /// o_ck = Σ_u (number of ordered pairs of values (c, k) in u) / (m_u − 1), n_c = Σ_k o_ck and
    /// n = Σ_c n_c: α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k
    /// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", Annenberg School, eq. for
    /// nominal data; Hayes & Krippendorff 2007, Commun. Methods Meas. 1(1)).
    /// Returns nil when there are no pairable values or only one value occurs (D_e = 0).
    public static func krippendorffAlphaNominal(_ units: [[Int?]]) -> Double? {
        var coincidences: [Int: [Int: Double]] = [:]
        for unit in units {
            let values = unit.compactMap { $0 }
            let m = values.count
            guard m >= 2 else { continue }
            for i in 0..<m {
                for j in 0..<m where i != j {
                    coincidences[values[i], default: [:]][values[j], default: 0] += 1 / Double(m - 1)
                }
            }
        }
        let categories = coincidences.keys.sorted()
        let marginals = categories.map { c in categories.reduce(0) { $0 + (coincidences[c]?[$1] ?? 0) } }
        let n = marginals.reduce(0, +)
        guard n > 1 else { return nil }
        var observedDisagreement = 0.0
        var expectedDisagreement = 0.0
        for (ci, c) in categories.enumerated() {
            for (ki, k) in categories.enumerated() where c != k {
                observedDisagreement += coincidences[c]?[k] ?? 0
                expectedDisagreement += marginals[ci] * marginals[ki]
            }
        }
        guard expectedDisagreement > 0 else { return nil }
        return 1 - (n - 1) * observedDisagreement / expectedDisagreement
    }
}

/// The 2 × 2 table of two coders' decisions for one theme.
public struct ConfusionCounts: Sendable, Equatable, Codable {
    public var both: Int
    public var firstOnly: Int
    public var secondOnly: Int
    public var neither: Int

    public init(both: Int, firstOnly: Int, secondOnly: Int, neither: Int) {
        self.both = both
        self.firstOnly = firstOnly
        self.secondOnly = secondOnly
        self.neither = neither
    }

    public var total: Int { both + firstOnly + secondOnly + neither }
    /// (both + neither) / total × 100; nil when there are no segments.
    public var percentAgreement: Double? { total == 0 ? nil : Double(both + neither) / Double(total) * 100 }
}
