import SurveyData

/// The equivalence classes of a wave's quasi-identifiers: how many respondents share each
/// combination of their values (Sweeney, "k-anonymity: a model for protecting privacy",
/// *Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems* 10(5), 2002). A missing cell (blank
/// or user-missing) is a value of its own: it is what the data show of that respondent.
///
/// Mergeable: the summary of a part of the wave counts its rows' combinations, and the summaries of
/// the parts add (``add(_:)``), whatever the order or the cut of the rows; the classes of the whole
/// wave are the sums (``KAnonymityAnalysis``). In a summary file: `{quasi_identifiers: [...],
/// classes: [{values: [...], count: n}]}`, classes in ascending order of their values, a value
/// `null` (missing), a whole number (a code, or a number's bits) or a text.
public struct EquivalenceClasses: Sendable, Equatable, Codable, MergeableSummary {
    /// The quasi-identifiers, in the study file's order.
    public var quasiIdentifiers: [String]
    /// Respondents per combination of values (a value per quasi-identifier).
    public var counts: [[CellValue]: Int]

    /// One quasi-identifier's value in a row, exact: a categorical level or Likert point by its code
    /// (codebook order, the same in every part of a wave), a number by its bits, text as written.
    /// Ordered missing, codes, texts (the order of the classes in a summary file).
    public enum CellValue: Sendable, Hashable, Comparable, Codable {
        case missing
        case code(Int64)
        case text(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .missing
            } else if let code = try? container.decode(Int64.self) {
                self = .code(code)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .missing: try container.encodeNil()
            case .code(let code): try container.encode(code)
            case .text(let text): try container.encode(text)
            }
        }
    }

    public init(quasiIdentifiers: [String], counts: [[CellValue]: Int] = [:]) {
        self.quasiIdentifiers = quasiIdentifiers
        self.counts = counts
    }

    /// The classes of the rows of `dataset` (a block of a wave, or a whole one).
    /// - Throws: `DataError` when a quasi-identifier is not a column of the data.
    public init(quasiIdentifiers: [String], of dataset: Dataset) throws {
        let columns = try quasiIdentifiers.map { try dataset.requireColumn($0).values }
        var counts: [[CellValue]: Int] = [:]
        var key = [CellValue](repeating: .missing, count: columns.count)
        for row in 0..<dataset.rowCount {
            for (position, values) in columns.enumerated() { key[position] = Self.value(values, row) }
            counts[key, default: 0] += 1
        }
        self.init(quasiIdentifiers: quasiIdentifiers, counts: counts)
    }

    private static func value(_ values: ColumnValues, _ row: Int) -> CellValue {
        switch values {
        case .likert(let likert):
            let code = likert.codes[row]
            return code == LikertValues.missing ? .missing : .code(Int64(code))
        case .categorical(let categorical):
            let code = categorical.codes[row]
            return code == CategoricalValues.missing ? .missing : .code(Int64(code))
        case .numeric(let numbers):
            let number = numbers[row]
            // +0 for −0, so that equal numbers are one value.
            return number.isNaN ? .missing : .code(Int64(bitPattern: (number + 0).bitPattern))
        case .text(let texts):
            let text = texts[row]
            return text.allSatisfy(\.isWhitespace) ? .missing : .text(text)
        }
    }

    /// Adds the classes of another part of the same wave.
    /// - Throws: ``WaveSummaryError/mismatch(_:)`` when the parts were counted over different quasi-identifiers.
    public mutating func add(_ other: EquivalenceClasses) throws {
        guard quasiIdentifiers == other.quasiIdentifiers else {
            throw WaveSummaryError.mismatch("quasi-identifiers: \(quasiIdentifiers.joined(separator: ", ")) vs. \(other.quasiIdentifiers.joined(separator: ", "))")
        }
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    private struct Class: Codable {
        var values: [CellValue]
        var count: Int
    }

    private enum CodingKeys: String, CodingKey {
        case quasiIdentifiers = "quasi_identifiers"
        case classes
    }

    /// Refuses a class listed twice (its count would be lost); the counts and values are checked
    /// against the wave by ``KAnonymityAnalysis/validate(_:shape:_:)``.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        quasiIdentifiers = try container.decode([String].self, forKey: .quasiIdentifiers)
        var counts: [[CellValue]: Int] = [:]
        for entry in try container.decode([Class].self, forKey: .classes) {
            guard counts.updateValue(entry.count, forKey: entry.values) == nil else {
                throw DecodingError.dataCorruptedError(forKey: .classes, in: container, debugDescription: "a class listed twice (expected each combination of values once)")
            }
        }
        self.counts = counts
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(quasiIdentifiers, forKey: .quasiIdentifiers)
        let classes = counts.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { Class(values: $0.key, count: $0.value) }
        try container.encode(classes, forKey: .classes)
    }

    /// k-anonymity of the wave at `k`.
    public func kAnonymity(k: Int) -> KAnonymityResult {
        let sizes = counts.values
        let below = sizes.filter { $0 < k }
        return KAnonymityResult(quasiIdentifiers: quasiIdentifiers, k: k, respondents: sizes.reduce(0, +), classes: sizes.count,
                                smallestClass: sizes.min(), classesBelowK: below.count, respondentsBelowK: below.reduce(0, +))
    }
}

/// How identifiable the respondents are by their quasi-identifiers (``EquivalenceClasses``): the
/// data are k-anonymous for every k up to the smallest class; respondents in classes below `k`
/// could be singled out by someone who knows those few facts about them. Tested against pycanon 1.3.6
/// (`k_anonymity`, `get_equiv_class`).
public struct KAnonymityResult: Sendable, Equatable, Encodable {
    public var quasiIdentifiers: [String]
    public var k: Int
    public var respondents: Int
    public var classes: Int
    /// The size of the smallest class (the k the data achieve); `nil` for a wave without rows.
    public var smallestClass: Int?
    public var classesBelowK: Int
    public var respondentsBelowK: Int

    enum CodingKeys: String, CodingKey {
        case quasiIdentifiers = "quasi_identifiers"
        case k, respondents, classes
        case smallestClass = "smallest_class"
        case classesBelowK = "classes_below_k"
        case respondentsBelowK = "respondents_below_k"
    }
}
