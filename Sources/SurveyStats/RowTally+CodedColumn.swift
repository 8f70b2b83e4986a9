extension RowTally {
    /// One column of a ``RowTally``'s input, dictionary-encoded: its possible values and, per case,
    /// the index of the case's value. A caller that knows its columns' values (scale scores,
    /// factor level codes) builds it directly and the tally does no hashing of values.
    public struct CodedColumn: Sendable, Equatable {
        /// The possible values, ascending, distinct and finite (values no case uses are allowed).
        public var values: [Double]
        /// Per case, the index of its value in `values`; −1 for a missing value.
        public var codes: [Int32]

        public init(values: [Double], codes: [Int32]) {
            self.values = values
            self.codes = codes
        }

        /// The dictionary encoding of `column`: `Double.nan` is missing (code −1), other values must
        /// be finite; −0 counts as +0. One pass numbers the distinct values in order of appearance in
        /// a ``PackedKeyTable`` on their bit patterns; then the few distinct values are sorted and the
        /// codes renumbered in value order. O(n) for the few values of survey answers.
        public init(_ column: [Double]) {
            var table = PackedKeyTable(width: 1)
            var seen: [Double] = []
            var provisional = [Int32](repeating: -1, count: column.count)
            column.withUnsafeBufferPointer { values in
                provisional.withUnsafeMutableBufferPointer { codes in
                    for (i, value) in values.enumerated() where !value.isNaN {
                        precondition(value.isFinite, "value \(value) at case \(i + 1) is not finite")
                        var key = (value + 0).bitPattern
                        let number = table.number(of: &key)
                        if number == seen.count { seen.append(value + 0) }
                        codes[i] = Int32(number)
                    }
                }
            }
            let order = seen.indices.sorted { seen[$0] < seen[$1] }
            var rank = [Int32](repeating: 0, count: seen.count)
            for (position, number) in order.enumerated() { rank[number] = Int32(position) }
            values = order.map { seen[$0] }
            codes = provisional.map { $0 < 0 ? -1 : rank[Int($0)] }
        }
    }
}
