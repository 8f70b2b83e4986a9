/// What the detectors need to know about one word, found once when the word is read.
struct WordFacts: OptionSet {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Starts with an upper-case letter and is not long.
    static let capitalised = WordFacts(rawValue: 1 << 0)
    /// Only spaces or tabs separate the word from the one before, after a `.` that follows that
    /// word at once; a line break or a comma ends a name or an address.
    static let joinsPrevious = WordFacts(rawValue: 1 << 1)
    /// A `.` follows at once (an abbreviation: `St.`, `Dr.`).
    static let dotFollows = WordFacts(rawValue: 1 << 2)
    /// At least two characters, each a letter, `-`, `'` or `’`.
    static let surnameShaped = WordFacts(rawValue: 1 << 3)
    /// The word lower-cased ends in a Germanic street type and has at least three characters before it.
    static let germanicSuffix = WordFacts(rawValue: 1 << 4)
    // In the lists, as written:
    static let title = WordFacts(rawValue: 1 << 5)
    static let notSurname = WordFacts(rawValue: 1 << 6)
    static let givenName = WordFacts(rawValue: 1 << 7)
    // In the lists, lower-cased:
    static let englishType = WordFacts(rawValue: 1 << 8)
    static let abbreviation = WordFacts(rawValue: 1 << 9)
    static let germanicType = WordFacts(rawValue: 1 << 10)
    static let romanceType = WordFacts(rawValue: 1 << 11)
    static let particle = WordFacts(rawValue: 1 << 12)

    static let exactLists: WordFacts = [.title, .notSurname, .givenName]
    static let lowercasedLists: WordFacts = [.englishType, .abbreviation, .germanicType, .romanceType, .particle]

    /// The facts of a word with a non-ASCII character, from `text` (its first ``TextWords/maximumLength``
    /// characters) by the lists themselves; `joinsPrevious` and `dotFollows` are the reader's.
    init(text: Substring, isLong: Bool) {
        var facts: WordFacts = []
        let lower = text.lowercased(), exact = String(text)
        if text.first?.isUppercase == true && !isLong { facts.insert(.capitalised) }
        if text.count >= 2 && text.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) { facts.insert(.surnameShaped) }
        if StreetAddressDetector.germanicTypes.contains(where: { lower.hasSuffix($0) && lower.count >= $0.count + 3 }) { facts.insert(.germanicSuffix) }
        if PersonNameDetector.titles.contains(exact) { facts.insert(.title) }
        if PersonNameDetector.notSurnames.contains(exact) { facts.insert(.notSurname) }
        if GivenNames.all.contains(exact) { facts.insert(.givenName) }
        if StreetAddressDetector.englishTypes.contains(lower) { facts.insert(.englishType) }
        if StreetAddressDetector.abbreviations.contains(lower) { facts.insert(.abbreviation) }
        if StreetAddressDetector.germanicTypes.contains(lower) { facts.insert(.germanicType) }
        if StreetAddressDetector.romanceTypes.contains(lower) { facts.insert(.romanceType) }
        if StreetAddressDetector.particles.contains(lower) { facts.insert(.particle) }
        self = facts
    }
}

/// The words of a line with their places, for the detectors that look at a few words together
/// (``StreetAddressDetector``, ``PersonNameDetector``): a word is a run of letters, digits, `'`, `’`
/// and `-`. A word is kept whole but only its first ``maximumLength`` characters are compared, so
/// the work per word is bounded.
struct TextWords {
    struct Word {
        /// The word's characters in its line.
        var start: Int
        var end: Int
        var facts: WordFacts
        /// The digits of a house number (1–`digits` ASCII digits, not starting with 0, then at most
        /// one letter: `221B`); 0 when the word is not one.
        var houseNumberDigits: UInt8

        func has(_ fact: WordFacts) -> Bool { facts.contains(fact) }
        var isCapitalised: Bool { facts.contains(.capitalised) }
        var dotFollows: Bool { facts.contains(.dotFollows) }
        /// ``end`` and the `.` that follows, if one does.
        var endWithDot: Int { dotFollows ? end + 1 : end }
        func isHouseNumber(digits: Int) -> Bool { houseNumberDigits != 0 && Int(houseNumberDigits) <= digits }
    }

    static let maximumLength = 40
    /// The German street types in ASCII, lower-cased, as bytes (for ``WordFacts/germanicSuffix``).
    private static let asciiGermanicTypes: [[UInt8]] = StreetAddressDetector.germanicTypes.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }

    /// Reads the words of `line` in order.
    struct Reader<Line: LineCharacters>: IteratorProtocol {
        let line: Line
        let text: String
        private var index = 0
        private var gapIsSpace = false
        private var gapLength = 0

        init(_ line: Line, text: String) {
            self.line = line
            self.text = text
        }

        mutating func next() -> Word? {
            let count = line.count
            while index < count, line.traits(index).isDisjoint(with: .word) {
                let byte = line.ascii(index)
                gapIsSpace = gapIsSpace && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || (byte == UInt8(ascii: ".") && gapLength == 0))
                gapLength += 1
                index += 1
            }
            guard index < count else { return nil }
            let start = index
            var isASCII = true
            while index < count, !line.traits(index).isDisjoint(with: .word) {
                if index - start < maximumLength, line.ascii(index) == notASCII { isASCII = false }
                index += 1
            }
            let isLong = index - start > maximumLength
            let cut = isLong ? start + maximumLength : index
            var facts: WordFacts
            if isASCII {
                facts = asciiFacts(line, start..<cut, isLong: isLong)
            } else {
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: line.offset(start)), upper = utf8.index(utf8.startIndex, offsetBy: line.offset(cut))
                facts = WordFacts(text: text[lower..<upper], isLong: isLong)
            }
            if gapIsSpace { facts.insert(.joinsPrevious) }
            if index < count, line.ascii(index) == UInt8(ascii: ".") { facts.insert(.dotFollows) }
            gapIsSpace = true
            gapLength = 0
            return Word(start: start, end: index, facts: facts, houseNumberDigits: houseNumberDigits(line, start..<cut))
        }
    }

    /// The facts of a word of ASCII characters `range` (its first ``maximumLength``).
    private static func asciiFacts<Line: LineCharacters>(_ line: Line, _ range: Range<Int>, isLong: Bool) -> WordFacts {
        var facts: WordFacts = []
        let first = line.ascii(range.lowerBound)
        let capitalised = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") && !isLong
        if capitalised { facts.insert(.capitalised) }
        if range.count >= 2,
           range.allSatisfy({ line.traits($0).contains(.letter) || line.ascii($0) == UInt8(ascii: "-") || line.ascii($0) == UInt8(ascii: "'") }) {
            facts.insert(.surnameShaped)
        }
        if capitalised, let key = WordLexicon.Key(count: range.count, lowercase: false, byte: { line.ascii(range.lowerBound + $0) }) {
            facts.formUnion(WordLexicon.shared.facts(key).intersection(.exactLists))
        }
        if let key = WordLexicon.Key(count: range.count, lowercase: true, byte: { line.ascii(range.lowerBound + $0) }) {
            facts.formUnion(WordLexicon.shared.facts(key).intersection(.lowercasedLists))
        }
        if capitalised, asciiGermanicTypes.contains(where: { type in
            range.count >= type.count + 3 && type.indices.allSatisfy { index in
                var byte = line.ascii(range.upperBound - type.count + index)
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                return byte == type[index]
            }
        }) {
            facts.insert(.germanicSuffix)
        }
        return facts
    }

    /// The house-number digits of the word's characters `range` (see ``Word/houseNumberDigits``).
    private static func houseNumberDigits<Line: LineCharacters>(_ line: Line, _ range: Range<Int>) -> UInt8 {
        var digits = 0
        while range.lowerBound + digits < range.upperBound, case UInt8(ascii: "0")...UInt8(ascii: "9") = line.ascii(range.lowerBound + digits) {
            digits += 1
        }
        guard digits >= 1, line.ascii(range.lowerBound) != UInt8(ascii: "0") else { return 0 }
        let rest = range.count - digits
        guard rest == 0 || (rest == 1 && line.traits(range.upperBound - 1).contains(.letter)) else { return 0 }
        return UInt8(digits)
    }
}
