/// What the detectors ask of a character (a Swift `Character`, an extended grapheme cluster):
/// the properties of its first scalar, as `Character.isLetter`, `isNumber`, `isWhitespace` give them.
struct CharacterTraits: OptionSet {
    let rawValue: UInt8
    static let letter = CharacterTraits(rawValue: 1)
    static let number = CharacterTraits(rawValue: 2)
    static let whitespace = CharacterTraits(rawValue: 4)
    /// `Character.isUppercase`.
    static let uppercase = CharacterTraits(rawValue: 8)
    /// `'`, `’` or `-`, the characters other than letters and digits that a word may hold.
    static let wordMark = CharacterTraits(rawValue: 16)

    static let word: CharacterTraits = [.letter, .number, .wordMark]

    /// The traits of each ASCII byte read as a character of its own.
    static let ascii: [CharacterTraits] = (0..<128).map { byte in
        var traits: CharacterTraits = []
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): traits = [.letter, .uppercase]
        case UInt8(ascii: "a")...UInt8(ascii: "z"): traits = .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): traits = .number
        case 0x09...0x0D, 0x20: traits = .whitespace
        case UInt8(ascii: "'"), UInt8(ascii: "-"): traits = .wordMark
        default: break
        }
        return traits
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ character: Character) {
        var traits: CharacterTraits = []
        if character.isLetter { traits.insert(.letter) }
        if character.isNumber { traits.insert(.number) }
        if character.isWhitespace { traits.insert(.whitespace) }
        if character.isUppercase { traits.insert(.uppercase) }
        if character == "'" || character == "’" || character == "-" { traits.insert(.wordMark) }
        self = traits
    }
}

/// One line of a text (no line break inside) as a sequence of characters, each with its traits,
/// the ASCII byte it is (when it is exactly one ASCII scalar) and its place among the text's UTF-8
/// bytes. The redaction works on these, so that it finds what it would find stepping through the
/// line's `Character`s, at the speed of its bytes when the line is ASCII.
protocol LineCharacters {
    /// The number of characters.
    var count: Int { get }
    /// The character's byte when it is one ASCII scalar, otherwise ``notASCII``.
    func ascii(_ index: Int) -> UInt8
    func traits(_ index: Int) -> CharacterTraits
    /// The offset in the text's UTF-8 bytes where character `index` starts (`count`: where the line ends).
    func offset(_ index: Int) -> Int
}

/// The `ascii` of a character that is not one ASCII scalar: equal to no ASCII character.
let notASCII: UInt8 = 0x80

/// A line of ASCII bytes: every byte is a character (a line holds no CR LF pair).
struct ASCIILine: LineCharacters {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the line's first byte in the text.
    let start: Int
    let count: Int
    private let asciiTraits = CharacterTraits.ascii

    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        start = range.lowerBound
        count = range.count
    }

    @inline(__always) func ascii(_ index: Int) -> UInt8 { bytes[start + index] }
    @inline(__always) func traits(_ index: Int) -> CharacterTraits { asciiTraits[Int(bytes[start + index])] }
    @inline(__always) func offset(_ index: Int) -> Int { start + index }
}

/// A line with non-ASCII text, cut into `Character`s by Swift's grapheme breaking.
struct UnicodeLine: LineCharacters {
    private var offsets: [Int] = []
    private var asciiBytes: [UInt8] = []
    private var characterTraits: [CharacterTraits] = []

    init(_ text: Substring) {
        var offset = text.base.utf8.distance(from: text.base.startIndex, to: text.startIndex)
        for character in text {
            offsets.append(offset)
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, byte < 0x80 { asciiBytes.append(byte) } else { asciiBytes.append(notASCII) }
            characterTraits.append(CharacterTraits(character))
            offset += utf8.count
        }
        offsets.append(offset)
    }

    var count: Int { asciiBytes.count }
    func ascii(_ index: Int) -> UInt8 { asciiBytes[index] }
    func traits(_ index: Int) -> CharacterTraits { characterTraits[index] }
    func offset(_ index: Int) -> Int { offsets[index] }
}
