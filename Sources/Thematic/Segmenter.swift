/// Cuts a transcript into segments by turn, paragraph or sentence (see ``SegmentationUnit``).
public enum Segmenter {
    /// The segments of `transcript`, in text order, interviewer turns included (flagged). Their ids are
    /// `<transcript id>-<number>`, except that a row of a ``SegmentTable`` cut by turn keeps its id.
    public static func segments(of transcript: Transcript, unit: SegmentationUnit) -> [Segment] {
        var segments: [Segment] = []
        var text = transcript.text
        text.withUTF8 { bytes in
            for turn in transcript.turns {
                var pieces = [(bytes: turn.utf8Span, scalarStart: turn.span.lowerBound)]
                if unit != .turn { pieces = pieces.flatMap { split($0, in: bytes, at: paragraphBreak) } }
                if unit == .sentence { pieces = pieces.flatMap { split($0, in: bytes, at: sentenceBreak) } }
                for piece in pieces {
                    let length = unit == .turn ? turn.span.count : PlainTranscriptReader.scalarCount(bytes, piece.bytes)
                    let id = transcript.isSegmentRow && unit == .turn
                        ? transcript.id : "\(transcript.id)-\(number(segments.count + 1))"
                    segments.append(Segment(
                        id: id, transcriptID: transcript.id,
                        participantID: transcript.participantID, speaker: turn.speaker, isInterviewer: turn.isInterviewer,
                        start: piece.scalarStart, end: piece.scalarStart + length,
                        text: String(transcript.slice(utf8: piece.bytes))))
                }
            }
        }
        return segments
    }

    /// The sentences of `text` as half-open Unicode scalar ranges (paragraph breaks end sentences too).
    static func sentences(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            let whole = [(bytes: 0..<bytes.count, scalarStart: 0)]
            let pieces = whole.flatMap { split($0, in: bytes, at: paragraphBreak) }.flatMap { split($0, in: bytes, at: sentenceBreak) }
            let ranges = pieces.map { $0.scalarStart..<($0.scalarStart + PlainTranscriptReader.scalarCount(bytes, $0.bytes)) }
            return ranges.isEmpty ? [0..<PlainTranscriptReader.scalarCount(bytes, 0..<bytes.count)] : ranges
        }
    }

    private static func number(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 3 ? digits : String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// A finder of breaks: given the bytes and a position, the range to cut out (the break's white
    /// space) if a break starts there.
    private typealias BreakFinder = (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Range<Int>?

    /// Splits a piece at every break, trimming white space from both ends of each part.
    private static func split(_ piece: (bytes: Range<Int>, scalarStart: Int), in bytes: UnsafeBufferPointer<UInt8>,
                              at findBreak: BreakFinder) -> [(bytes: Range<Int>, scalarStart: Int)] {
        var parts: [(Range<Int>, Int)] = []
        var partStart = piece.bytes.lowerBound
        var position = partStart
        // Scalars counted from the piece's start up to `counted` (so each byte is counted once).
        var counted = (byte: piece.bytes.lowerBound, scalar: piece.scalarStart)
        func emit(_ end: Int) {
            var lower = partStart, upper = end
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            guard lower < upper else { return }
            counted = (lower, counted.scalar + PlainTranscriptReader.scalarCount(bytes, counted.byte..<lower))
            parts.append((lower..<upper, counted.scalar))
        }
        while position < piece.bytes.upperBound {
            if let cut = findBreak(bytes, position, piece.bytes) {
                emit(cut.lowerBound)
                partStart = cut.upperBound
                position = cut.upperBound
            } else {
                position += 1
            }
        }
        emit(piece.bytes.upperBound)
        return parts
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// A line break, optional spaces, and another line break.
    private static func paragraphBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ range: Range<Int>) -> Range<Int>? {
        guard bytes[position] == 10 else { return nil }
        var next = position + 1
        while next < range.upperBound, bytes[next] == 32 || bytes[next] == 9 || bytes[next] == 13 { next += 1 }
        guard next < range.upperBound, bytes[next] == 10 else { return nil }
        return position..<(next + 1)
    }

    /// Bytes of closing quotes and brackets looked at after a sentence terminator.
    private static let maxClosingBytes = 12
    /// Bytes of the longest abbreviation ("approx").
    private static let longestAbbreviation = 6

    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "no", "st", "approx", "cf", "al", "fig"]

    /// Sentence end: terminator (`.`, `!`, `?`, `…`), optional closing quotes or brackets, white space,
    /// then a capital, digit, quote or non-ASCII letter. The cut starts after the closing marks.
    private static func sentenceBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ range: Range<Int>) -> Range<Int>? {
        let byte = bytes[position]
        var after: Int
        if byte == UInt8(ascii: ".") {
            if isAbbreviation(bytes, endingAt: position, from: range.lowerBound) { return nil }
            after = position + 1
        } else if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
            after = position + 1
        } else if byte == 0xE2, position + 2 < range.upperBound, bytes[position + 1] == 0x80, bytes[position + 2] == 0xA6 {
            after = position + 3
        } else {
            return nil
        }
        // At most a few closing marks, so that a long run of periods is not rescanned from each one.
        let closingLimit = min(range.upperBound, after + maxClosingBytes)
        while after < closingLimit {
            let b = bytes[after]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: ".") {
                after += 1
            } else if b == 0xE2, after + 2 < closingLimit, bytes[after + 1] == 0x80, bytes[after + 2] == 0x9D || bytes[after + 2] == 0x99 {
                after += 3
            } else {
                break
            }
        }
        guard after < range.upperBound, isSpace(bytes[after]) else { return nil }
        var next = after
        while next < range.upperBound, isSpace(bytes[next]) { next += 1 }
        guard next < range.upperBound else { return nil }
        let first = bytes[next]
        let startsSentence = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: "(") || first >= 0x80
        return startsSentence ? after..<next : nil
    }

    /// Whether the word before the period at `position` is an abbreviation or an initial.
    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, endingAt position: Int, from lowerBound: Int) -> Bool {
        var start = position
        while start > lowerBound, !isSpace(bytes[start - 1]), bytes[start - 1] != UInt8(ascii: "(") {
            start -= 1
            if position - start > longestAbbreviation { return false }  // a long word: no need to walk back further
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self).lowercased()
        if word.count == 1, let letter = word.unicodeScalars.first, letter.properties.isAlphabetic { return true }
        return abbreviations.contains(word)
    }
}
