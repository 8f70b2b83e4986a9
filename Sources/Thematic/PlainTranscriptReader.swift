import Foundation

/// Reads a plain-text transcript: an optional `#` header (see ``TranscriptHeader``), then speaker
/// turns that begin with a label — `Interviewer:`, `P07:`, `Q:`/`A:`, `Dr. Lee:`, optionally after a
/// time stamp `[00:12:31]` — and continue over following lines until the next label.
///
/// A label is one to four words before a colon at the start of a line. So that a sentence such as
/// "The answer: yes" is not mistaken for a speaker, a label counts only if it occurs at least twice
/// in the file, is a usual interviewer or interviewee label (`Q`, `A`, `Respondent` …), carries a time stamp or looks like an id (`P07`).
/// Text before the first label, or in a file with no labels, is a turn without speaker. Words that
/// introduce remarks rather than speakers (`Note:`, `NB:`, `Edit:` …) are never labels, and the
/// one-letter labels `Q`, `A`, `I`, `R` are labels only in a file without other speaker labels (so a
/// quoted `Q: …` inside a participant's answer is not taken for the interviewer).
///
/// The header is the leading run of lines that start with `#` and a space (or are `#` alone; blank
/// lines may come between them), and only when a blank line or the end of the file follows it: `#`
/// lines followed directly by text, or a first line such as `#1 priority`, are text.
///
/// With speaker detection off (`detectsSpeakers: false`) there is neither header nor label: the whole
/// file is one turn without speaker, to be cut by paragraph or sentence.
struct PlainTranscriptReader {
    private struct Line {
        var byteStart: Int
        var byteEnd: Int
        var scalarStart: Int
        var scalarCount: Int
        var label: String?
        var time: Double?
        /// Where the words start: after the label, or the line start.
        var wordsStart: Int
    }

    static func parse(_ original: String, id: String, name: String, detectsSpeakers: Bool = true) throws -> Transcript {
        var text = original
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if text.utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: 13) != nil }) ?? true {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var header = TranscriptHeader()
        var turns: [Transcript.Turn] = []
        text.withUTF8 { bytes in
            let lines = splitLines(bytes, header: &header, detectsSpeakers: detectsSpeakers)
            var labelCounts: [String: Int] = [:]
            for line in lines { if let label = line.label { labelCounts[label, default: 0] += 1 } }
            // Judged once per distinct label rather than once per line.
            var verdicts: [String: (isSpeaker: Bool, isInterviewer: Bool)] = [:]
            for (label, count) in labelCounts {
                let isInterviewer = header.isInterviewer(label)
                let isRemark = remarkWords.contains(label.lowercased())
                let isSpeaker = !isRemark && (count >= 2 || isInterviewer || TranscriptHeader.intervieweeLabels.contains(label.lowercased()) || looksLikeID(label))
                verdicts[label] = (isSpeaker, isInterviewer)
            }
            if verdicts.contains(where: { !letterLabels.contains($0.key.lowercased()) && $0.value.isSpeaker }) {
                for label in verdicts.keys where letterLabels.contains(label.lowercased()) && label != header.interviewer {
                    verdicts[label]!.isSpeaker = false
                }
            }
            func accepts(_ line: Line) -> Bool {
                guard let label = line.label else { return false }
                return (line.time != nil && !remarkWords.contains(label.lowercased())) || verdicts[label]!.isSpeaker
            }
            var current: (speaker: String?, time: Double?, start: (byte: Int, scalar: Int)?, end: (byte: Int, scalar: Int)?)?
            func close() {
                guard let turn = current, let start = turn.start, let end = turn.end else { return }
                turns.append(Transcript.Turn(
                    speaker: turn.speaker, isInterviewer: turn.speaker.map { verdicts[$0]!.isInterviewer } ?? false,
                    span: start.scalar..<end.scalar, startTime: turn.time, utf8Span: start.byte..<end.byte))
            }
            for line in lines {
                let labelled = accepts(line)
                if labelled {
                    close()
                    current = (line.label, line.time, nil, nil)
                } else if current == nil {
                    current = (nil, nil, nil, nil)
                }
                let from = labelled ? line.wordsStart : line.byteStart
                guard let words = trimmed(bytes, from..<line.byteEnd) else { continue }
                let startScalar = line.scalarStart + scalarCount(bytes, line.byteStart..<words.lowerBound)
                let endScalar = line.scalarStart + line.scalarCount - scalarCount(bytes, words.upperBound..<line.byteEnd)
                if current!.start == nil { current!.start = (words.lowerBound, startScalar) }
                current!.end = (words.upperBound, endScalar)
            }
            close()
        }
        if turns.isEmpty { throw TranscriptError.empty(file: name) }
        return Transcript(id: id, name: name, format: .plainText, text: text, turns: turns,
                          participantID: header.participantID ?? id, attributes: header.attributes)
    }

    /// The one-letter usual labels (question, answer, interviewer, respondent).
    static let letterLabels: Set<String> = ["q", "a", "i", "r"]

    /// Words that introduce a remark, not a speaker, when followed by a colon.
    static let remarkWords: Set<String> = ["note", "nb", "n.b", "ps", "p.s", "edit", "update", "aside", "comment", "example",
                                           "source", "summary", "context", "background", "tip", "warning", "todo"]

    /// The lines after the header, with candidate speaker labels (none when speakers are not detected).
    private static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, header: inout TranscriptHeader, detectsSpeakers: Bool) -> [Line] {
        var lines: [Line] = []
        let headerEnd = detectsSpeakers ? headerEnd(bytes) : 0
        var start = 0
        var scalar = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let lineScalars = scalarCount(bytes, start..<end)
            let words = trimmed(bytes, start..<end)
            if start < headerEnd {
                if let words {
                    header.read(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(words.lowerBound + 1)..<words.upperBound]), as: UTF8.self))
                }
            } else if !(lines.isEmpty && words == nil) {
                var line = Line(byteStart: start, byteEnd: end, scalarStart: scalar, scalarCount: lineScalars, wordsStart: start)
                if let words, detectsSpeakers { readLabel(bytes, words, into: &line) }
                lines.append(line)
            }
            scalar += lineScalars + 1
            start = end + 1
        }
        return lines
    }

    /// The byte offset where the header ends (0: no header): after the leading `# ` lines (and blank
    /// lines), provided a blank line or the end of the file follows the last of them.
    private static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = 0
        var sawHeaderLine = false, lastWasBlank = true
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            guard let words = trimmed(bytes, start..<end) else {
                lastWasBlank = true
                start = end + 1
                continue
            }
            let isHeaderLine = bytes[words.lowerBound] == UInt8(ascii: "#")
                && (words.count == 1 || bytes[words.lowerBound + 1] == 32 || bytes[words.lowerBound + 1] == 9)
            guard isHeaderLine else { return sawHeaderLine && lastWasBlank ? start : 0 }
            sawHeaderLine = true
            lastWasBlank = false
            start = end + 1
        }
        return sawHeaderLine ? bytes.count : 0
    }

    /// Recognises `[hh:mm:ss] Label:` or `Label:` at the start of `words`.
    private static func readLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ words: Range<Int>, into line: inout Line) {
        var position = words.lowerBound
        var time: Double?
        if bytes[position] == UInt8(ascii: "[") || bytes[position] == UInt8(ascii: "(") {
            var close = position + 1
            while close < words.upperBound, close - position < 14, bytes[close] != UInt8(ascii: "]"), bytes[close] != UInt8(ascii: ")") { close += 1 }
            guard close < words.upperBound, close - position < 14 else { return }
            let stamp = String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<close]), as: UTF8.self)
            guard let seconds = CaptionTime.seconds(stamp) else { return }
            time = seconds
            position = close + 1
            while position < words.upperBound, bytes[position] == 32 || bytes[position] == 9 { position += 1 }
        }
        let labelStart = position
        var wordCount = 1
        while position < words.upperBound, position - labelStart < 60 {
            let byte = bytes[position]
            if byte == UInt8(ascii: ":") { break }
            if byte == 32 {
                if bytes[position - 1] == 32 { return }
                wordCount += 1
            } else if !(isLabelByte(byte)) {
                return
            }
            position += 1
        }
        guard position < words.upperBound, bytes[position] == UInt8(ascii: ":"), position > labelStart, wordCount <= 4,
              bytes[position - 1] != 32, position + 1 == words.upperBound || bytes[position + 1] == 32 || bytes[position + 1] == 9,
              isLabelByte(bytes[labelStart]), bytes[labelStart] != UInt8(ascii: "."), bytes[labelStart] != UInt8(ascii: "-")
        else { return }
        line.label = String(decoding: UnsafeBufferPointer(rebasing: bytes[labelStart..<position]), as: UTF8.self)
        line.time = time
        line.wordsStart = position + 1
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "_"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    /// `P07`, `R12`, `E3`: letters followed by digits.
    private static func looksLikeID(_ label: String) -> Bool {
        let scalars = Array(label.unicodeScalars)
        guard let firstDigit = scalars.firstIndex(where: { ("0"..."9").contains($0) }), firstDigit > 0, firstDigit <= 3 else { return false }
        return scalars[..<firstDigit].allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
            && scalars[firstDigit...].allSatisfy { ("0"..."9").contains($0) }
    }

    /// `range` without leading and trailing spaces and tabs, nil when nothing is left.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 32 || bytes[lower] == 9 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 32 || bytes[upper - 1] == 9 { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// Number of Unicode scalars in a UTF-8 byte range (bytes that are not continuation bytes).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
