/// Personal data inside free text (interview quotes and segments, open answers) replaced by a
/// placeholder: `[email]`, `[phone]`, `[ip]`, `[gps]`, `[address]`, `[name]`, `[url]`.
///
/// The text is read line by line (no piece of personal data spans a line break). Street addresses
/// and person names are found over each line's words (``StreetAddressDetector``,
/// ``PersonNameDetector``); the others (and personal URLs, ``PersonalURL``) by ``RunMatcher`` at the start of each word (after white
/// space or opening punctuation), where no address or name starts. Everything is read as Swift's
/// `Character`s; an ASCII line is read byte by byte (its bytes are its characters), any other line
/// is first cut into `Character`s (``LineCharacters``). The time is linear in the text's length.
public enum TextRedaction {
    public static func placeholder(_ kind: PersonalDataKind) -> String {
        switch kind {
        case .email: return "[email]"
        case .phone: return "[phone]"
        case .ipAddress: return "[ip]"
        case .gpsCoordinates: return "[gps]"
        case .streetAddress: return "[address]"
        case .personName: return "[name]"
        case .url: return "[url]"
        }
    }

    /// One piece of personal data in a text.
    struct Piece: Equatable {
        /// Its UTF-8 bytes in the text.
        var bytes: Range<Int>
        /// Its characters in the text.
        var characters: Range<Int>
        /// Its line (0-based; lines end at each `Character` that `isNewline`) and the place of its
        /// first character in that line (0-based).
        var line: Int
        var column: Int
        var kind: PersonalDataKind
    }

    /// `text` with every piece of personal data replaced, and how many of each kind.
    /// - Parameter names: names to replace besides those the detector finds (``RedactionNames``).
    public static func redact(_ text: String, names: RedactionNames = .none) -> (text: String, counts: [PersonalDataKind: Int]) {
        let pieces = find(in: text, names: names)
        var counts: [PersonalDataKind: Int] = [:]
        for piece in pieces { counts[piece.kind, default: 0] += 1 }
        return (replace(pieces, in: text), counts)
    }

    /// `text` with `pieces` (from ``find(in:)``) replaced by their placeholders.
    static func replace(_ pieces: [Piece], in text: String) -> String {
        guard !pieces.isEmpty else { return text }
        var storage = text
        return storage.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var copied = 0
            for piece in pieces {
                output.append(contentsOf: bytes[copied..<piece.bytes.lowerBound])
                output.append(contentsOf: placeholder(piece.kind).utf8)
                copied = piece.bytes.upperBound
            }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The pieces of personal data in `text`, in text order, not overlapping.
    static func find(in text: String, names: RedactionNames = .none) -> [Piece] {
        var finder = PieceFinder(text: text, names: names)
        forEachLine(of: text, &finder)
        return finder.pieces
    }

    /// Whether `text` holds a street address, and whether it holds a person's name.
    static func holdsAddressOrName(_ text: String) -> (address: Bool, name: Bool) {
        var finder = WordSpanFinder(text: text)
        forEachLine(of: text, &finder)
        return (finder.address, finder.name)
    }

    private struct PieceFinder: LineVisitor {
        let text: String
        let names: RedactionNames
        var pieces: [Piece] = []

        mutating func visit<Line: LineCharacters>(_ line: Line, number: Int, firstCharacter: Int) {
            let spans = LineWordSpans(line, text: text, known: names)
            var matcher = RunMatcher(line: line, text: text)
            var address = spans.addresses[...], name = spans.names[...]
            var index = 0
            while index < line.count {
                while let span = address.first, span.lowerBound < index { address = address.dropFirst() }
                while let span = name.first, span.lowerBound < index { name = name.dropFirst() }
                var found: (end: Int, kind: PersonalDataKind)?
                if let span = address.first, span.lowerBound == index {
                    found = (span.upperBound, .streetAddress)
                } else if let span = name.first, span.lowerBound == index {
                    found = (span.upperBound, .personName)
                } else if matcher.startsRun(at: index) {
                    found = matcher.match(at: index)
                }
                guard let (end, kind) = found else {
                    index += 1
                    continue
                }
                pieces.append(Piece(bytes: line.offset(index)..<line.offset(end), characters: (firstCharacter + index)..<(firstCharacter + end),
                                    line: number, column: index, kind: kind))
                index = end
            }
        }
    }

    private struct WordSpanFinder: LineVisitor {
        let text: String
        var address = false, name = false

        mutating func visit<Line: LineCharacters>(_ line: Line, number: Int, firstCharacter: Int) {
            let spans = LineWordSpans(line, text: text)
            address = address || !spans.addresses.isEmpty
            name = name || !spans.names.isEmpty
        }
    }

    /// Shows `visitor` each line of `text` (without its line break) and its 0-based number. A line
    /// break is a `Character` that `isNewline`: LF, VT, FF, CR, CR LF, NEL, LS or PS, each a
    /// character of its own (Unicode's grapheme rules GB4 and GB5), so that no character of a line
    /// reaches into the next.
    private static func forEachLine<Visitor: LineVisitor>(of text: String, _ visitor: inout Visitor) {
        var storage = text
        storage.withUTF8 { bytes in
            var lineStart = 0, index = 0, number = 0, isASCII = true, firstCharacter = 0
            while index <= bytes.count {
                var breakLength = 0
                if index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte >= 0x0A && byte <= 0x0D {
                            breakLength = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                        }
                    } else {
                        isASCII = false
                        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                            breakLength = 2
                        } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                            breakLength = 3
                        }
                    }
                    if breakLength == 0 {
                        index += 1
                        continue
                    }
                }
                if isASCII {
                    let line = ASCIILine(bytes: bytes, range: lineStart..<index)
                    visitor.visit(line, number: number, firstCharacter: firstCharacter)
                    firstCharacter += line.count + 1
                } else {
                    let utf8 = text.utf8
                    let lower = utf8.index(utf8.startIndex, offsetBy: lineStart), upper = utf8.index(utf8.startIndex, offsetBy: index)
                    let line = UnicodeLine(text[lower..<upper])
                    visitor.visit(line, number: number, firstCharacter: firstCharacter)
                    firstCharacter += line.count + 1
                }
                index += max(breakLength, 1)
                lineStart = index
                number += 1
                isASCII = true
            }
        }
    }
}

/// What is done with each line of a text (``TextRedaction``).
protocol LineVisitor {
    /// `line` is line `number` (0-based) of the text and starts at its character `firstCharacter`.
    mutating func visit<Line: LineCharacters>(_ line: Line, number: Int, firstCharacter: Int)
}
