/// The automatic coding judged as a classifier of the human (reference) coding, one theme at a time:
/// with a = both, b = automatic only (false positives), c = human only (false negatives),
/// - precision = a / (a + b), the share of the tool's codings the human agrees with;
/// - recall = a / (a + c), the share of the human's codings the tool finds;
/// - F1 = 2a / (2a + b + c), their harmonic mean.
/// Each is nil when its denominator is 0 (scikit-learn would warn and report 0). Test values come
/// from scikit-learn `precision_score`, `recall_score`, `f1_score` (see
/// `Tests/ThematicTests/Fixtures/agreement/`).
extension ConfusionCounts {
    public var precision: Double? { both + firstOnly == 0 ? nil : Double(both) / Double(both + firstOnly) }
    public var recall: Double? { both + secondOnly == 0 ? nil : Double(both) / Double(both + secondOnly) }
    public var f1: Double? {
        let denominator = 2 * both + firstOnly + secondOnly
        return denominator == 0 ? nil : Double(2 * both) / Double(denominator)
    }
}

extension AgreementResult {
    /// The confusion counts summed over the themes (for micro-averaged precision, recall and F1).
    public var pooledConfusion: ConfusionCounts {
        themes.reduce(ConfusionCounts(both: 0, firstOnly: 0, secondOnly: 0, neither: 0)) { sum, theme in
            ConfusionCounts(both: sum.both + theme.confusion.both, firstOnly: sum.firstOnly + theme.confusion.firstOnly,
                            secondOnly: sum.secondOnly + theme.confusion.secondOnly, neither: sum.neither + theme.confusion.neither)
        }
    }

    /// The unweighted mean over the themes where `value` is defined (macro average), nil if none is.
    public func macroAverage(_ value: (ConfusionCounts) -> Double?) -> Double? {
        let defined = themes.compactMap { value($0.confusion) }
        return defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
    }
}
