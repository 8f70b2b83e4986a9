import Foundation

/// Folding of Unicode scalars for matching: case- and diacritic-insensitive, with typographic
/// variants made equal.
///
/// One scalar folds to zero, one or more scalars:
/// - letters are lower-cased and canonically decomposed, and the combining marks are dropped
///   (`É` → `e`, `e` + U+0301 → `e`), so NFC and NFD input fold alike;
/// - letters without a decomposition fold by a small table (`ß` → `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l` …);
/// - curly quotes become straight ones (`’` → `'`, `“` → `"`);
/// - every kind of whitespace and every dash or hyphen becomes one space (`opt-in` ≡ `opt in`),
///   and the caller collapses runs of spaces.
enum TextFolding {
    /// The folded form of `scalar`.
    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = scalar.value
        if value < 0x80 { return [asciiTable[Int(value)]] }
        if value < 0x2070 { return extendedTable[Int(value) - 0x80] }
        return foldSlowly(scalar)
    }

    /// Whether a folded scalar belongs to a word (letters, digits, marks); apostrophes, spaces and
    /// punctuation do not, so `company's` contains the word `company`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return asciiWordTable[Int(scalar.value)] }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    static let space: Unicode.Scalar = " "

    /// The fold of each ASCII byte (one ASCII byte), for the matcher's hot loop.
    static let asciiFolds: [UInt8] = asciiTable.map { UInt8($0.value) }

    /// Whether each ASCII byte is a word character (its fold is one too).
    static let asciiWords: [Bool] = asciiWordTable

    private static let asciiTable: [Unicode.Scalar] = (0..<128).map { value -> Unicode.Scalar in
        let scalar = Unicode.Scalar(UInt8(value))
        switch value {
        case 0x41...0x5A: return Unicode.Scalar(UInt8(value + 0x20))
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x2D: return space
        default: return scalar
        }
    }

    private static let asciiWordTable: [Bool] = (0..<128).map { value in
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
    }

    /// Precomputed folds for U+0080 ..< U+2070 (Latin, Greek, Cyrillic, general punctuation).
    private static let extendedTable: [[Unicode.Scalar]] = (0x80..<0x2070).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        return foldSlowly(scalar)
    }

    private static let specialFolds: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss", 0x00E6: "ae", 0x00C6: "ae", 0x0153: "oe", 0x0152: "oe",
        0x00F8: "o", 0x00D8: "o", 0x0142: "l", 0x0141: "l", 0x0111: "d", 0x0110: "d",
        0x00F0: "d", 0x00D0: "d", 0x00FE: "th", 0x00DE: "th", 0x0131: "i",
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x02BC: "'",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"", 0x00AB: "\"", 0x00BB: "\"",
        0x2026: "...",
    ]

    private static func foldSlowly(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let special = specialFolds[scalar.value] { return Array(special.unicodeScalars) }
        let properties = scalar.properties
        if properties.isWhitespace { return [space] }
        if properties.generalCategory == .dashPunctuation || scalar.value == 0x2212 { return [space] }
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return [] }
        if properties.generalCategory == .format { return [] }  // zero-width joiners, soft hyphens
        let lowered = properties.lowercaseMapping.decomposedStringWithCanonicalMapping
        var folded: [Unicode.Scalar] = []
        for part in lowered.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
            if let special = specialFolds[part.value] { folded.append(contentsOf: special.unicodeScalars) } else { folded.append(part) }
        }
        return folded
    }
}
