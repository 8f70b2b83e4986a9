extension String {
    /// The text as an error message shows a value read from a file: at most `limit` characters,
    /// then "…".
    func bounded(_ limit: Int = 80) -> String {
        let head = prefix(limit)
        return head.endIndex == endIndex ? self : head + "…"
    }
}
