/// One cell of a simulated wave: an answer, a skipped question, or a user-missing code.
public enum ResponseCell: Equatable, Sendable {
    /// A Likert value (1–5), or for a categorical question the index of its level.
    case answer(Int)
    /// Left empty (system-missing).
    case blank
    /// A user-missing code such as 98 "Don't know" or 99 "Prefer not to say".
    case missingCode(Int)

    public var answer: Int? {
        if case .answer(let value) = self { return value } else { return nil }
    }
}
