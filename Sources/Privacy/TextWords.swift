/// The words of a text with their places, for the detectors that look at a few words together
/// (``StreetAddressDetector``, ``PersonNameDetector``): a word is a run of letters, digits, `'`, `’`
/// and `-`. One pass over the text; a word is kept whole but only its first ``maximumLength``
/// characters are compared, so the work per word is bounded.
struct TextWords {
    struct Word {
        var range: Range<String.Index>
        /// The word, at most ``maximumLength`` characters (a longer word is ``isLong``).
        var text: Substring
        var isLong: Bool
        /// Whether only spaces or tabs separate the word from the one before, after a `.` that
        /// follows that word at once (see ``dotFollows``); a line break or a comma ends a name or an address.
        var joinsPrevious: Bool
        /// Whether a `.` follows at once (an abbreviation: `St.`, `Dr.`).
        var dotFollows: Bool
        /// ``range`` and the `.` that follows, if one does.
        var rangeWithDot: Range<String.Index>

        var isCapitalised: Bool { text.first?.isUppercase == true && !isLong }
        var isNumber: Bool { !text.isEmpty && text.allSatisfy(\.isNumber) }
        var lowercased: String { text.lowercased() }
    }

    static let maximumLength = 40

    var words: [Word] = []

    init(_ text: String) {
        var index = text.startIndex
        var gapIsSpace = false
        var gapLength = 0
        while index < text.endIndex {
            guard Self.isWordCharacter(text[index]) else {
                let character = text[index]
                gapIsSpace = gapIsSpace && (character == " " || character == "\t" || (character == "." && gapLength == 0))
                gapLength += 1
                index = text.index(after: index)
                continue
            }
            let start = index
            var length = 0
            var cut = index
            while index < text.endIndex, Self.isWordCharacter(text[index]) {
                index = text.index(after: index)
                length += 1
                if length == Self.maximumLength { cut = index }
            }
            let isLong = length > Self.maximumLength
            let dotFollows = index < text.endIndex && text[index] == "."
            words.append(Word(range: start..<index, text: text[start..<(isLong ? cut : index)], isLong: isLong,
                              joinsPrevious: gapIsSpace, dotFollows: dotFollows,
                              rangeWithDot: start..<(dotFollows ? text.index(after: index) : index)))
            gapIsSpace = true
            gapLength = 0
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "’" || character == "-"
    }
}
