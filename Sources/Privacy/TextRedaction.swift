/// Personal data inside free text (interview quotes and segments, open answers) replaced by a
/// placeholder: `[email]`, `[phone]`, `[ip]`, `[gps]`, `[address]`, `[name]`.
///
/// Street addresses and person names are found over the text's words (``StreetAddressDetector``,
/// ``PersonNameDetector``). For the others the text is cut into candidate runs, each tested whole
/// with the cell detectors of ``PersonalDataKind`` (so the same look-alikes are spared): a run of
/// non-space characters without its surrounding punctuation (e-mail and IP addresses), and a run of
/// digits, spaces and `+-./()` that starts with a digit, `+` or `(` (phone numbers, IP addresses,
/// coordinate pairs take the comma too), at the start of each word. Runs are bounded
/// (``maximumRun``, ``maximumWord``), so the time is linear in the text's length.
public enum TextRedaction {
    public static func placeholder(_ kind: PersonalDataKind) -> String {
        switch kind {
        case .email: return "[email]"
        case .phone: return "[phone]"
        case .ipAddress: return "[ip]"
        case .gpsCoordinates: return "[gps]"
        case .streetAddress: return "[address]"
        case .personName: return "[name]"
        }
    }

    /// `text` with every piece of personal data replaced, and how many of each kind.
    public static func redact(_ text: String) -> (text: String, counts: [PersonalDataKind: Int]) {
        var counts: [PersonalDataKind: Int] = [:]
        var output = ""
        var copied = text.startIndex
        for found in find(in: text) {
            output += text[copied..<found.range.lowerBound]
            output += placeholder(found.kind)
            counts[found.kind, default: 0] += 1
            copied = found.range.upperBound
        }
        output += text[copied...]
        return (output, counts)
    }

    /// The pieces of personal data in `text`, in text order, not overlapping.
    public static func find(in text: String) -> [(range: Range<String.Index>, kind: PersonalDataKind)] {
        let words = TextWords(text).words
        var spans = (StreetAddressDetector.spans(in: words).map { ($0, PersonalDataKind.streetAddress) }
            + PersonNameDetector.spans(in: words).map { ($0, PersonalDataKind.personName) })
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
