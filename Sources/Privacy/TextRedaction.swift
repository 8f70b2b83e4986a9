/// Personal data inside free text (interview quotes and segments) replaced by a placeholder:
/// `[email]`, `[phone]`, `[ip]`, `[gps]`.
///
/// The text is cut into candidate runs, each tested whole with the cell detectors of
/// ``PersonalDataKind`` (so the same look-alikes are spared): a run of non-space characters
/// without its surrounding punctuation (e-mail and IP addresses), and a run of digits, spaces and
/// `+-./()` that starts with a digit, `+` or `(` (phone numbers, IP addresses, coordinate pairs
/// take the comma too), at the start of each word. Runs are bounded (``maximumRun``), so the time is
/// linear in the text's length.
public enum TextRedaction {
    public static func placeholder(_ kind: PersonalDataKind) -> String {
        switch kind {
        case .email: return "[email]"
        case .phone: return "[phone]"
        case .ipAddress: return "[ip]"
        case .gpsCoordinates: return "[gps]"
        }
    }

    /// `text` with every piece of personal data replaced, and how many of each kind.
    public static func redact(_ text: String) -> (text: String, counts: [PersonalDataKind: Int]) {
        var counts: [PersonalDataKind: Int] = [:]
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            if let (end, kind) = match(in: text, at: index) {
                output += placeholder(kind)
                counts[kind, default: 0] += 1
                index = end
            } else {
                output.append(text[index])
                index = text.index(after: index)
            }
        }
        return (output, counts)
    }

    /// The longest run of digits and separators tried for a phone number, an IP address or a
    /// coordinate pair (bounds the work per position).
    static let maximumRun = 64

    private static func startsRun(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "+" || character == "("
    }

    /// The longest personal-data run starting at `start`, if any.
    private static func match(in text: String, at start: String.Index) -> (end: String.Index, kind: PersonalDataKind)? {
        guard startsRun(text[start]), start == text.startIndex || startsAfter(text[text.index(before: start)]) else { return nil }
        // A word: up to white space, less trailing punctuation.
        var wordEnd = text[start...].firstIndex(where: \.isWhitespace) ?? text.endIndex
        while wordEnd > start, ".,;:!?)]\"'".contains(text[text.index(before: wordEnd)]) { wordEnd = text.index(before: wordEnd) }
        if wordEnd > start, let kind = PersonalDataKind.classify(text[start..<wordEnd]), kind == .email || kind == .ipAddress {
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
            if run.last?.isNumber == true, endsRun(text, at: candidate), let kind = PersonalDataKind.classify(run), kind != .email {
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
