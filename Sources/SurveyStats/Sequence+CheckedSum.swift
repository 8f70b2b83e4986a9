extension Sequence where Element == Int {
    /// The sum of the counts, or `nil` when a partial sum leaves `Int`'s range: for counts read from
    /// files, where `reduce(0, +)` would trap.
    public func checkedSum() -> Int? {
        var total = 0
        for term in self {
            let (sum, overflow) = total.addingReportingOverflow(term)
            if overflow { return nil }
            total = sum
        }
        return total
    }
}
