/// The personal URLs (``PersonalURL``), e-mail addresses, IP addresses, phone numbers and coordinate pairs of a line, each tested
/// whole with the cell detectors of ``PersonalDataKind`` (so the same look-alikes are spared), at
/// the start of a word (see ``TextRedaction``). Two candidates are tried at each start: a run of
/// the characters of e-mail and IP addresses (at most ``maximumWord``) without its trailing
/// punctuation, and a run of digits and `+-./(),` and spaces (at most ``maximumRun``), from its
/// longest form down to each group boundary. A candidate reaches a cell detector only when it has
/// what the detector needs (an `@`, a `:`, digits and dots, 7–15 digits, two parts with a dot each),
/// and the end of the run of address characters is kept for the starts inside it, so the work per
/// character is bounded and small.
struct RunMatcher<Line: LineCharacters> {
    /// The longest run of digits and separators tried for a phone number, an IP address or a
    /// coordinate pair.
    static var maximumRun: Int { 64 }
    /// The longest word tried for an e-mail or IP address (longer ones are no cell detector's).
    static var maximumWord: Int { 257 }

    let line: Line
    let text: String

    /// The end of the last run of address characters that stopped before its length limit (so
    /// every start inside it ends there too), the last `@` and `:` in it, and the run's end less
    /// its trailing punctuation, for the starts before it.
    private var wordRun = (end: -1, lastAt: -1, lastColon: -1, trimmedEnd: 0)

    init(line: Line, text: String) {
        self.line = line
        self.text = text
    }

    /// Whether a run may start at `index`: a letter, digit, `+` or `(`, at the line's start or after
    /// white space or opening punctuation.
    @inline(__always)
    func startsRun(at index: Int) -> Bool {
        guard !line.traits(index).isDisjoint(with: [.letter, .number]) || line.ascii(index) == UInt8(ascii: "+") || line.ascii(index) == UInt8(ascii: "(") else { return false }
        guard index > 0 else { return true }
        if line.traits(index - 1).contains(.whitespace) { return true }
        switch line.ascii(index - 1) {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","): return true
        default: return false
        }
    }

    /// The longest personal-data run starting at `start` (where ``startsRun(at:)``), if any: its end and kind.
    mutating func match(at start: Int) -> (end: Int, kind: PersonalDataKind)? {
        if let found = addressWord(at: start) { return found }
        return digitRun(at: start)
    }

    private mutating func addressWord(at start: Int) -> (end: Int, kind: PersonalDataKind)? {
        if start >= wordRun.end {
            var end = start, lastAt = -1, lastColon = -1
            let limit = min(start + Self.maximumWord, line.count)
            while end < limit, isAddressCharacter(end) {
                if line.ascii(end) == UInt8(ascii: "@") { lastAt = end } else if line.ascii(end) == UInt8(ascii: ":") { lastColon = end }
                end += 1
            }
            var trimmed = end
            while trimmed > start, isTrailingPunctuation(line.ascii(trimmed - 1)) { trimmed -= 1 }
            guard end < start + Self.maximumWord else {
                return personalURL(at: start, wordEnd: end)
                    ?? classifyAddress(start, trimmed, hasAt: lastAt >= start, hasColon: lastColon >= start)
            }
            wordRun = (end, lastAt, lastColon, trimmed)
        }
        if let found = personalURL(at: start, wordEnd: wordRun.end) { return found }
        // Every character between the trimmed end and the end is trailing punctuation.
        let trimmed = max(wordRun.trimmedEnd, start)
        return classifyAddress(start, trimmed, hasAt: wordRun.lastAt >= start, hasColon: wordRun.lastColon >= start)
    }

    /// The personal URL (``PersonalURL``) starting at `start`, if there is one: its end. Looked
    /// for only where a URL can start: where the run of address characters from `start` (ending at
    /// `wordEnd`) is followed by `/`, `?` or `#` (`https:`, a host), or starts with `mailto:`.
    private func personalURL(at start: Int, wordEnd: Int) -> (end: Int, kind: PersonalDataKind)? {
        let next = wordEnd < line.count ? line.ascii(wordEnd) : 0
        guard next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") || startsWithMailto(start) else { return nil }
        var end = start
        let limit = min(start + PersonalURL.maximumLength, line.count)
        while end < limit, isURLCharacter(end) { end += 1 }
        while end > start, isTrailingPunctuation(line.ascii(end - 1)) { end -= 1 }
        return end > start && PersonalURL.isPersonal(substring(start, end)) ? (end, .url) : nil
    }

    private func startsWithMailto(_ start: Int) -> Bool {
        guard start + 7 <= line.count else { return false }
        return "mailto:".utf8.enumerated().allSatisfy { offset, expected in
            var byte = line.ascii(start + offset)
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            return byte == expected
        }
    }

    /// Not white space and none of `<>"{}|\^` and the backquote.
    private func isURLCharacter(_ index: Int) -> Bool {
        guard !line.traits(index).contains(.whitespace) else { return false }
        switch line.ascii(index) {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
             UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"): return false
        default: return true
        }
    }

    /// `start..<end` as an e-mail or IP address, if it is one; `hasAt`, `hasColon`: whether it (or
    /// the trailing punctuation after it) holds an `@` or a `:`.
    private func classifyAddress(_ start: Int, _ end: Int, hasAt: Bool, hasColon: Bool) -> (end: Int, kind: PersonalDataKind)? {
        let length = end - start
        guard length > 0, hasAt || (hasColon && length <= 39) || (length <= 15 && isDigitsAndDots(start, end)) else { return nil }
        guard let kind = PersonalDataKind.classifyWhole(substring(start, end)), kind == .email || kind == .ipAddress else { return nil }
        return (end, kind)
    }

    private func digitRun(at start: Int) -> (end: Int, kind: PersonalDataKind)? {
        // Which lengths of the run could be a phone number, an IPv4 address or a coordinate pair
        // (bit `length - 1`), from what each detector needs.
        var possible: UInt64 = 0
        var end = start, digits = 0, digitsAndDots = true, phoneCharacters = true
        // The parts of a coordinate pair (split at `,` and spaces) so far, those with a dot, and whether the last is open.
        var parts = 0, dottedParts = 0, inPart = false, partHasDot = false, coordinateCharacters = true
        while end < line.count, end - start < Self.maximumRun {
            let byte = line.ascii(end)
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard line.traits(end).contains(.number) || isRunSeparator(byte) else { break }
            if isDigit { digits += 1 }
            digitsAndDots = digitsAndDots && (isDigit || byte == UInt8(ascii: "."))
            phoneCharacters = phoneCharacters && (isDigit || isPhoneSeparator(byte) || (end == start && byte == UInt8(ascii: "+")))
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") {
                inPart = false
            } else {
                if !inPart { (parts, inPart, partHasDot) = (parts + 1, true, false) }
                if byte == UInt8(ascii: "."), !partHasDot { (partHasDot, dottedParts) = (true, dottedParts + 1) }
                coordinateCharacters = coordinateCharacters && (isDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-"))
            }
            end += 1
            let pair = parts == 2 && dottedParts == 2 && coordinateCharacters
            if (end - start <= 15 && digitsAndDots) || pair || (phoneCharacters && (7...15).contains(digits)) {
                possible |= 1 << UInt64(end - start - 1)
            }
        }
        var candidate = end
        while candidate > start {
            if possible & (1 << UInt64(candidate - start - 1)) != 0, line.traits(candidate - 1).contains(.number), endsRun(at: candidate),
               let kind = PersonalDataKind.classifyWhole(substring(start, candidate)), kind != .email {
                return (candidate, kind)
            }
            candidate -= 1
        }
        return nil
    }

    /// Whether a run may end before `index`: at the end, white space or closing punctuation (a `.`
    /// not followed by a digit), never inside a group of digits joined by `-`, `.` or `/`.
    private func endsRun(at index: Int) -> Bool {
        guard index < line.count else { return true }
        if line.traits(index).contains(.whitespace) { return true }
        switch line.ascii(index) {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"),
             UInt8(ascii: "]"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case UInt8(ascii: "."): return index + 1 == line.count || !line.traits(index + 1).contains(.number)
        default: return false
        }
    }

    /// A letter, a digit or one of `._%+-@:`.
    @inline(__always)
    private func isAddressCharacter(_ index: Int) -> Bool {
        if !line.traits(index).isDisjoint(with: [.letter, .number]) { return true }
        switch line.ascii(index) {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    private func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    /// One of ` +-./(),`, which join the groups of a phone number, an IP address or a coordinate pair.
    private func isRunSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "+") || byte == UInt8(ascii: ",") || isPhoneSeparator(byte)
    }

    /// One of ` -./()`, the separators a phone number may hold.
    private func isPhoneSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"): return true
        default: return false
        }
    }

    private func isDigitsAndDots(_ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { index in
            let byte = line.ascii(index)
            return byte == UInt8(ascii: ".") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }

    /// The line's characters `start..<end` as a substring of the text.
    private func substring(_ start: Int, _ end: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: line.offset(start))..<utf8.index(utf8.startIndex, offsetBy: line.offset(end))]
    }
}
