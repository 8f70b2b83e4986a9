import Study

/// Columns of a wave whose cells look like personal data (``PersonalDataKind``).
///
/// Cheap by construction: the data path keeps no text cells (they are counted, never stored), so
/// the wave's reader keeps a sample of the cells it read (`CellSample`: up to
/// ``sampleRows`` data rows of every column, the values as read — after import, for a platform
/// export) and the scan looks at those. A column is flagged when any non-blank sampled cell
/// matches; the share is of the non-blank sampled cells. A wave without a sample (e.g. `paradox
/// merge` of an export, whose parts were read on other machines) is reported as not scanned.
///
/// A column of decimal numbers (every non-blank sampled cell an optional `-`, digits and an optional
/// `.` and digits) of which some have a fractional part other than 0 (`1000004.31`) is measurements,
/// not phone numbers, though such a cell has the digits and two groups of one: its phone matches do
/// not flag it. A phone number stored as a number has no fractional part (`7700900123`,
/// `7700900123.0` as a spreadsheet writes it), so such columns are judged cell by cell as before.
public enum PersonalDataScan {
    public static let sampleRows = CellSample.maxRows

    /// One flagged column.
    public struct Finding: Sendable, Equatable, Codable {
        public var column: String
        public var kind: PersonalDataKind
        /// Non-blank sampled cells of the kind, and non-blank sampled cells in all.
        public var matched: Int
        public var sampled: Int

        public var share: Double { Double(matched) / Double(sampled) }
    }

    /// The flagged columns of `sample` in header order.
    public static func scan(_ sample: CellSample) -> [Finding] {
        var counts = Array(repeating: [PersonalDataKind: Int](), count: sample.header.count)
        var sampled = Array(repeating: 0, count: sample.header.count)
        var decimals = Array(repeating: DecimalColumn.wholeNumbers, count: sample.header.count)
        for row in sample.rows {
            for (index, cell) in zip(sample.header.indices, row) where !cell.allSatisfy(\.isWhitespace) {
                sampled[index] += 1
                decimals[index] = decimals[index].adding(cell)
                if let kind = PersonalDataKind.classify(cell) { counts[index][kind, default: 0] += 1 }
            }
        }
        for index in sample.header.indices where decimals[index] == .fractions { counts[index][.phone] = nil }
        return sample.header.indices.compactMap { index in
            guard let (kind, matched) = counts[index].max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else { return nil }
            return Finding(column: sample.header[index], kind: kind, matched: matched, sampled: sampled[index])
        }
    }
}
