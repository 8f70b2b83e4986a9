import Thematic

/// A thematic summary as results.json shows it once the Privacy gate has suppressed small cells of
/// its theme table, co-occurrence table and theme × attribute matrices: each hidden count (a theme's
/// segments, participants and prevalence; a pair's segments; a group's size, a theme's participants
/// and segments in a group) written as its mark ("< 5", "[c]") instead of the number.
struct SuppressedSummary: Encodable {
    var summary: ThematicSummary
    /// By attribute, the matrix's hidden cells (``OpenEndedResult/suppressedMatrices``).
    var matrices: [String: SuppressedCells]
    /// ``OpenEndedResult/suppressedThemes``, ``OpenEndedResult/suppressedCooccurrence``.
    var themes: SuppressedCells?
    var cooccurrence: SuppressedCells?

    private enum CodingKeys: String, CodingKey { case themes, matrices, cooccurrence }

    func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let themes {
            try c.encode(summary.themes.enumerated().map { MaskedTheme(theme: $1, mark: themes.mark($0)) }, forKey: .themes)
        }
        if let cooccurrence { try c.encode(MaskedCooccurrence(table: summary.cooccurrence, suppressed: cooccurrence), forKey: .cooccurrence) }
        guard !matrices.isEmpty else { return }
        try c.encode(summary.matrices.map { MaskedMatrix(matrix: $0, suppressed: matrices[$0.attribute]) }, forKey: .matrices)
    }
}

/// A theme's frequency with the keys of ``ThemeFrequency``'s own encoding, its counts and
/// prevalence the mark that hides them.
private struct MaskedTheme: Encodable {
    var theme: ThemeFrequency
    var mark: String?

    private enum CodingKeys: String, CodingKey { case themeID, label, depth, segments, participants, prevalencePercent }

    func encode(to encoder: Encoder) throws {
        guard let mark else { return try theme.encode(to: encoder) }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(theme.themeID, forKey: .themeID)
        try c.encode(theme.label, forKey: .label)
        try c.encode(theme.depth, forKey: .depth)
        for key in [CodingKeys.segments, .participants, .prevalencePercent] { try c.encode(mark, forKey: key) }
    }
}

/// A co-occurrence table with the keys of ``ThemeCooccurrence``'s own encoding, its hidden counts as marks.
private struct MaskedCooccurrence: Encodable {
    var table: ThemeCooccurrence
    var suppressed: SuppressedCells

    private enum CodingKeys: String, CodingKey { case themeIDs, counts }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let width = table.themeIDs.count
        try c.encode(table.themeIDs, forKey: .themeIDs)
        try c.encode(table.counts.enumerated().map { row, counts in
            counts.enumerated().map { column, count in MaskedCount(count, mark: suppressed.mark(row * width + column)) }
        }, forKey: .counts)
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
