@testable import Privacy

/// ``TextRedaction`` as it was first written, stepping through the text's `Character`s (commit
/// 6146f6b), with personal URLs tried at every start (``PersonalURL``'s rule itself is tested on
/// its own): the oracle of the byte-level redaction, which must find the same pieces.
enum ReferenceRedaction {
    /// The pieces of personal data in `text`, in text order, not overlapping.
    static func find(in text: String) -> [(range: Range<String.Index>, kind: PersonalDataKind)] {
        let words = ReferenceWords(text).words
        var spans = (ReferenceAddresses.spans(in: words).map { ($0, PersonalDataKind.streetAddress) }
            + ReferenceNames.spans(in: words).map { ($0, PersonalDataKind.personName) })
            .sorted { $0.0.lowerBound < $1.0.lowerBound }[...]
        var found: [(range: Range<String.Index>, kind: PersonalDataKind)] = []
        var index = text.startIndex
        while index < text.endIndex {
            while let span = spans.first, span.0.lowerBound < index { spans = spans.dropFirst() }
            if let span = spans.first, span.0.lowerBound == index {
                found.append((span.0, span.1))
                index = span.0.upperBound
            } else if let (end, kind) = match(in: text, at: index) {
                found.append((index..<end, kind))
                index = end
            } else {
                index = text.index(after: index)
            }
        }
        return found
    }

    /// The longest run of digits and separators tried for a phone number, an IP address or a
    /// coordinate pair (bounds the work per position).
    static let maximumRun = 64
    /// The longest word tried for an e-mail or IP address (longer ones are no cell detector's).
    static let maximumWord = 257

    private static func startsRun(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "+" || character == "("
    }

    /// The longest personal-data run starting at `start`, if any.
    private static func match(in text: String, at start: String.Index) -> (end: String.Index, kind: PersonalDataKind)? {
        guard startsRun(text[start]), start == text.startIndex || startsAfter(text[text.index(before: start)]) else { return nil }
        // A URL: the characters up to white space or one of <>"{}|\^` (at most PersonalURL.maximumLength), less trailing punctuation.
        let urlLimit = text.index(start, offsetBy: PersonalURL.maximumLength, limitedBy: text.endIndex) ?? text.endIndex
        var urlEnd = text[start..<urlLimit].firstIndex { $0.isWhitespace || "<>\"{}|\\^`".contains($0) } ?? urlLimit
        while urlEnd > start, ".,;:!?)]\"'".contains(text[text.index(before: urlEnd)]) { urlEnd = text.index(before: urlEnd) }
        if urlEnd > start, PersonalURL.isPersonal(text[start..<urlEnd]) { return (urlEnd, .url) }
        // A word of the characters of e-mail and IP addresses (at most maximumWord), less trailing punctuation.
        let limit = text.index(start, offsetBy: maximumWord, limitedBy: text.endIndex) ?? text.endIndex
        var wordEnd = text[start..<limit].firstIndex { !($0.isLetter || $0.isNumber || "._%+-@:".contains($0)) } ?? limit
        while wordEnd > start, ".,;:!?)]\"'".contains(text[text.index(before: wordEnd)]) { wordEnd = text.index(before: wordEnd) }
        if wordEnd > start, let kind = PersonalDataKind.classifyWhole(text[start..<wordEnd]), kind == .email || kind == .ipAddress {
            return (wordEnd, kind)
        }
        // A run of digits and separators, tried from its longest form down to each group boundary.
        var runEnd = start
        var length = 0
        while runEnd < text.endIndex, length < maximumRun, text[runEnd].isNumber || " +-./(),".contains(text[runEnd]) {
            runEnd = text.index(after: runEnd)
            length += 1
        }
        var candidate = runEnd
        while candidate > start {
            let run = text[start..<candidate]
            if run.last?.isNumber == true, endsRun(text, at: candidate), let kind = PersonalDataKind.classifyWhole(run), kind != .email {
                return (candidate, kind)
            }
            candidate = text.index(before: candidate)
        }
        return nil
    }

    /// Whether a run may end before `index`: at the end, white space or closing punctuation (a `.`
    /// not followed by a digit), never inside a group of digits joined by `-`, `.` or `/`.
    private static func endsRun(_ text: String, at index: String.Index) -> Bool {
        guard index < text.endIndex else { return true }
        let character = text[index]
        if character.isWhitespace || ",;:!?)]\"'".contains(character) { return true }
        guard character == "." else { return false }
        let next = text.index(after: index)
        return next == text.endIndex || !text[next].isNumber
    }

    /// Whether a run may start after `character`: white space or opening punctuation.
    private static func startsAfter(_ character: Character) -> Bool { character.isWhitespace || "([<\"':;,".contains(character) }
}

/// The words of a text with their places, for the detectors that look at a few words together
/// (the reference detectors): a word is a run of letters, digits, `'`, `’`
/// and `-`. One pass over the text; a word is kept whole but only its first ``maximumLength``
/// characters are compared, so the work per word is bounded.
struct ReferenceWords {
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

/// ``StreetAddressDetector``'s rules as they were written over `Character`s.
enum ReferenceAddresses {
    /// The places of the addresses in `words`, in text order, not overlapping.
    static func spans(in words: [ReferenceWords.Word]) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var index = 0
        while index < words.count {
            if let (start, end) = english(words, index) ?? germanic(words, index) ?? romance(words, index) {
                // An abbreviated street type keeps its dot (`St.`).
                let last = words[end]
                let upper = StreetAddressDetector.abbreviations.contains(last.lowercased) ? last.rangeWithDot.upperBound : last.range.upperBound
                spans.append(words[start].range.lowerBound..<upper)
                index = end + 1
            } else {
                index += 1
            }
        }
        return spans
    }

    /// A house number: `digits` digits at most, then at most one letter.
    static func isHouseNumber(_ word: ReferenceWords.Word, digits: Int) -> Bool {
        let text = word.text
        let numeral = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...digits).contains(numeral.count), numeral.first != "0" else { return false }
        let rest = text.dropFirst(numeral.count)
        return rest.isEmpty || (rest.count == 1 && rest.allSatisfy(\.isLetter))
    }

    /// Whether `words[index]` continues the address (spaces only since the word before).
    private static func joined(_ words: [ReferenceWords.Word], _ index: Int) -> Bool {
        index < words.count && words[index].joinsPrevious
    }

    private static func english(_ words: [ReferenceWords.Word], _ start: Int) -> (Int, Int)? {
        guard isHouseNumber(words[start], digits: 5) else { return nil }
        var index = start + 1
        while index <= start + 4, joined(words, index), words[index].isCapitalised || StreetAddressDetector.englishTypes.contains(words[index].lowercased) {
            if index >= start + 2, StreetAddressDetector.englishTypes.contains(words[index].lowercased), !words[index - 1].dotFollows { return (start, index) }
            guard words[index].isCapitalised, !words[index].dotFollows,
                  !PersonNameDetector.notSurnames.contains(String(words[index].text)) else { return nil }
            index += 1
        }
        return nil
    }

    private static func germanic(_ words: [ReferenceWords.Word], _ start: Int) -> (Int, Int)? {
        let word = words[start]
        guard word.isCapitalised else { return nil }
        let lower = word.lowercased
        var first = start
        if StreetAddressDetector.germanicTypes.contains(lower) {
            guard start > 0, word.joinsPrevious, words[start - 1].isCapitalised, !words[start - 1].dotFollows else { return nil }
            first = start - 1
        } else if !StreetAddressDetector.germanicTypes.contains(where: { lower.hasSuffix($0) && lower.count >= $0.count + 3 }) {
            return nil
        }
        let number = start + 1
        guard joined(words, number), isHouseNumber(words[number], digits: 4) else { return nil }
        return (first, number)
    }

    private static func romance(_ words: [ReferenceWords.Word], _ start: Int) -> (Int, Int)? {
        let numberFirst = isHouseNumber(words[start], digits: 4) && joined(words, start + 1)
        let typeIndex = numberFirst ? start + 1 : start
        guard typeIndex < words.count, StreetAddressDetector.romanceTypes.contains(words[typeIndex].lowercased) else { return nil }
        guard numberFirst || words[typeIndex].isCapitalised else { return nil }
        var last = typeIndex, capitalised = false, index = typeIndex + 1
        while index <= typeIndex + 4, joined(words, index), !words[index - 1].dotFollows || index - 1 == typeIndex {
            let word = words[index]
            if word.isCapitalised { capitalised = true } else if !StreetAddressDetector.particles.contains(word.lowercased) { break }
            last = index
            index += 1
        }
        guard capitalised, words[last].isCapitalised else { return nil }
        if numberFirst { return (start, last) }
        return joined(words, last + 1) && !words[last].dotFollows && isHouseNumber(words[last + 1], digits: 4) ? (start, last + 1) : nil
    }
}

/// ``PersonNameDetector``'s rules as they were written over `Character`s.
enum ReferenceNames {
    /// The places of the names in `words`, in text order, not overlapping.
    static func spans(in words: [ReferenceWords.Word]) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var index = 0
        while index < words.count {
            if let end = nameEnd(words, from: index) {
                spans.append(words[index].range.lowerBound..<words[end].range.upperBound)
                index = end + 1
            } else {
                index += 1
            }
        }
        return spans
    }

    /// The index of the last word of a name starting at `start`, if one does.
    private static func nameEnd(_ words: [ReferenceWords.Word], from start: Int) -> Int? {
        let first = words[start]
        func surname(_ index: Int) -> Bool {
            guard index < words.count, words[index].joinsPrevious, words[index].isCapitalised,
                  !words[index - 1].dotFollows || index - 1 == start && PersonNameDetector.titles.contains(String(first.text)) else { return false }
            let text = words[index].text
            return text.count >= 2 && text.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" } && !PersonNameDetector.notSurnames.contains(String(text))
        }
        if PersonNameDetector.titles.contains(String(first.text)) {
            guard surname(start + 1) else { return nil }
            return surname(start + 2) ? start + 2 : start + 1
        }
        guard GivenNames.all.contains(String(first.text)) else { return nil }
        if start + 2 < words.count, GivenNames.all.contains(String(words[start + 1].text)), surname(start + 1), surname(start + 2) {
            return start + 2
        }
        return surname(start + 1) ? start + 1 : nil
    }

}
