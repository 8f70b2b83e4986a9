import Thematic

/// A thematic summary as results.json shows it once the Privacy gate has suppressed small cells of
/// its theme × attribute matrices: each hidden count (a group's size, a theme's participants and
/// segments in a group) written as its mark ("< 5", "[c]") instead of the number.
struct SuppressedMatrices: Encodable {
    var summary: ThematicSummary
    /// By attribute, the matrix's hidden cells (``OpenEndedResult/suppressedMatrices``).
    var suppressed: [String: SuppressedCells]

    private enum CodingKeys: String, CodingKey { case matrices }

    func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        guard !suppressed.isEmpty else { return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary.matrices.map { MaskedMatrix(matrix: $0, suppressed: suppressed[$0.attribute]) }, forKey: .matrices)
    }
}

/// A count or the mark that hides it.
private enum MaskedCount: Encodable {
    case count(Int)
    case mark(String)

    init(_ count: Int, mark: String?) { self = mark.map(MaskedCount.mark) ?? .count(count) }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .count(let count): try c.encode(count)
        case .mark(let mark): try c.encode(mark)
        }
    }
}

/// A matrix with the keys of ``ThemeAttributeMatrix``'s own encoding, its hidden counts as marks.
private struct MaskedMatrix: Encodable {
    var matrix: ThemeAttributeMatrix
    var suppressed: SuppressedCells?

    private enum CodingKeys: String, CodingKey { case attribute, values, groupSizes, rows }
    private enum RowKeys: String, CodingKey { case themeID, label, depth, participants, segments }

    func encode(to encoder: Encoder) throws {
        guard let suppressed else { return try matrix.encode(to: encoder) }
        var c = encoder.container(keyedBy: CodingKeys.self)
        let width = matrix.values.count
        try c.encode(matrix.attribute, forKey: .attribute)
        try c.encode(matrix.values, forKey: .values)
        try c.encode(matrix.groupSizes.indices.map { MaskedCount(matrix.groupSizes[$0], mark: suppressed.mark($0)) }, forKey: .groupSizes)
        var rows = c.nestedUnkeyedContainer(forKey: .rows)
        for (index, row) in matrix.rows.enumerated() {
            let marks = (0..<width).map { suppressed.mark((index + 1) * width + $0) }
            var r = rows.nestedContainer(keyedBy: RowKeys.self)
            try r.encode(row.themeID, forKey: .themeID)
            try r.encode(row.label, forKey: .label)
            try r.encode(row.depth, forKey: .depth)
            try r.encode(zip(row.participants, marks).map { MaskedCount($0, mark: $1) }, forKey: .participants)
            try r.encode(zip(row.segments, marks).map { MaskedCount($0, mark: $1) }, forKey: .segments)
        }
    }
}
