/// How the block loader's fast path (``ChunkParser``) decodes one column of the file. The plan
/// owns its tables; its ``decoder`` reads them without reference counting, for the inner loop.
final class ColumnPlan: @unchecked Sendable {
    enum Kind { case skip, likert, numeric, categorical, text, id }
    let kind: Kind
    /// The digits `"a"…"b"` whose one-byte code is their value, when those are all of them
    /// (e.g. `"1"…"5"`): such cells take the fast path's shortcuts, several at a time where they
    /// follow each other.
    let digitRange: ClosedRange<UInt8>?
    let decoder: CellDecoder
    private let missingValues: UnsafeMutableBufferPointer<Double>
    private let levels: LevelTable?

    /// What decoding a cell needs: plain values and pointers into the plan's tables.
    struct CellDecoder {
        let kind: Kind
        /// A Likert column's scale points.
        let range: ClosedRange<Int>
        /// The user-missing codes, in codebook order.
        let missingValues: UnsafeBufferPointer<Double>
        /// A categorical column's levels by their values' and labels' bytes.
        let levels: LevelTable.Lookup?
    }

    /// The plan of a column that is `variable`, or that is not in the codebook (`nil`), in a file
    /// whose cells are separated by `delimiter`.
    init(_ variable: Variable?, delimiter: UInt8) {
        let missing = variable?.missingCodes.map(\.value) ?? []
        let missingValues = UnsafeMutableBufferPointer<Double>.allocate(capacity: missing.count)
        _ = missingValues.initialize(from: missing)
        var digitRange: ClosedRange<UInt8>?
        var range = 0...0
        var levels: LevelTable?
        switch variable?.kind {
        case nil: kind = .skip
        case .likert(let scale):
            kind = .likert
            range = scale.range
            let digits = scale.range.filter { (0...9).contains($0) && !missing.contains(Double($0)) }
            if let first = digits.first, let last = digits.last, digits.count == last - first + 1 {
                digitRange = UInt8(48 + first)...UInt8(48 + last)
            }
        case .numeric, .duration: kind = .numeric
        case .categorical(let levelList, _):
            kind = .categorical
            levels = LevelTable(levelList, delimiter: delimiter)
        case .id: kind = .id
        case .text, .date, .flag: kind = .text
        }
        self.digitRange = digitRange
        self.levels = levels
        self.missingValues = missingValues
        decoder = CellDecoder(kind: kind, range: range, missingValues: UnsafeBufferPointer(missingValues), levels: levels?.lookup)
    }

    deinit { missingValues.deallocate() }
}
