import Foundation

/// Reads caption files as Zoom and Teams export them — WebVTT (`.vtt`) and SubRip (`.srt`) — into a
/// transcript: consecutive cues by the same speaker merge into one turn, and the turns are rendered
/// as `Speaker: words` paragraphs separated by a blank line, which becomes the transcript's text.
///
/// The speaker comes from a WebVTT voice tag `<v Name>` (also `<v.class Name>`) or a `Name:` prefix;
/// a cue without one continues the previous speaker. Other tags (`<i>`, `<c.x>`, inline time stamps)
/// are dropped and `&amp;`, `&lt;`, `&gt;`, `&nbsp;` decoded. Header attributes come from `NOTE`
/// blocks (WebVTT) or leading `#` lines (both formats); see ``TranscriptHeader``.
/// WebVTT: W3C, "WebVTT: The Web Video Text Tracks Format" (2019); SubRip: numbered cues with
/// `hh:mm:ss,mmm --> hh:mm:ss,mmm` timings.
struct CaptionTranscriptReader {
    private struct Cue {
        var speaker: String?
        var words: String
        var start: Double?
    }

    static func parse(_ original: String, id: String, name: String, format: TranscriptFormat) throws -> Transcript {
        let text = original.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.unicodeScalars.first == "\u{FEFF}" { lines[0] = first.dropFirst() }
        var header = TranscriptHeader()
        var index = 0
        if format == .webVTT {
            guard let first = lines.first, first.hasPrefix("WEBVTT") else {
                throw TranscriptError.malformedCue(file: name, line: 1, expected: "the signature line 'WEBVTT'")
            }
            index = 1
        }
        var cues: [Cue] = []
        while index < lines.count {
            let line = lines[index].trimmingSpaces
            if line.isEmpty { index += 1; continue }
            if line.hasPrefix("#") { header.read(line.dropFirst()); index += 1; continue }
            let blockStart = index
            var block: [Substring] = []
            while index < lines.count, !lines[index].trimmingSpaces.isEmpty { block.append(lines[index]); index += 1 }
            if format == .webVTT, block[0].hasPrefix("NOTE") {
                for noteLine in [block[0].dropFirst(4)] + block.dropFirst() { header.read(noteLine) }
                continue
            }
            if format == .webVTT, block[0].hasPrefix("STYLE") || block[0].hasPrefix("REGION") { continue }
            guard let timing = block.prefix(2).firstIndex(where: { $0.contains("-->") }) else {
                let expected = format == .srt ? "a cue number followed by a timing line 'hh:mm:ss,mmm --> hh:mm:ss,mmm'"
                                              : "a cue timing line 'hh:mm:ss.mmm --> hh:mm:ss.mmm'"
                throw TranscriptError.malformedCue(file: name, line: blockStart + 1, expected: expected)
            }
            let startStamp = block[timing].components(separatedBy: "-->")[0]
            guard let start = CaptionTime.seconds(startStamp) else {
                throw TranscriptError.malformedCue(file: name, line: blockStart + timing + 1, expected: "a start time such as 00:01:02.500")
            }
            let payload = block[(timing + 1)...].map { String($0.trimmingSpaces) }.joined(separator: " ")
            cues.append(readCue(payload, start: start))
        }
        return try render(cues, header: header, id: id, name: name, format: format)
    }

    /// Speaker and plain words of one cue's payload.
    private static func readCue(_ payload: String, start: Double) -> Cue {
        var speaker: String?
        var rest = Substring(payload)
        if rest.hasPrefix("<v"), let close = rest.firstIndex(of: ">") {
            let tag = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
            if let space = tag.firstIndex(of: " ") { speaker = String(tag[space...].trimmingSpaces) }
            rest = rest[rest.index(after: close)...]
        }
        var words = stripTags(String(rest))
        if speaker == nil, let colon = words.firstIndex(of: ":") {
            let label = words[..<colon]
            let wordCount = label.split(separator: " ").count
            if (1...4).contains(wordCount), !label.contains(where: { ",;!?\"".contains($0) }), label.first?.isUppercase == true || label.first?.isNumber == true {
                speaker = String(label)
                words = String(words[words.index(after: colon)...])
            }
        }
        return Cue(speaker: speaker, words: words.trimmingCharacters(in: .whitespaces), start: start)
    }

    private static func stripTags(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { result.append(character) }
        }
        return result.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Merges runs of cues by one speaker and renders them as `Speaker: words` paragraphs.
    private static func render(_ cues: [Cue], header: TranscriptHeader, id: String, name: String, format: TranscriptFormat) throws -> Transcript {
        var merged: [Cue] = []
        for cue in cues where !cue.words.isEmpty {
            if let last = merged.last, cue.speaker == nil || cue.speaker == last.speaker {
                merged[merged.count - 1].words += " " + cue.words
            } else {
                merged.append(cue)
            }
        }
        if merged.isEmpty { throw TranscriptError.empty(file: name) }
        var text = ""
        var scalarOffset = 0
        var turns: [Transcript.Turn] = []
        for (index, cue) in merged.enumerated() {
            if index > 0 { text += "\n\n"; scalarOffset += 2 }
            if let speaker = cue.speaker {
                let label = speaker + ": "
                text += label
                scalarOffset += label.unicodeScalars.count
            }
            let byteStart = text.utf8.count
            text += cue.words
            let length = cue.words.unicodeScalars.count
            turns.append(Transcript.Turn(
                speaker: cue.speaker, isInterviewer: cue.speaker.map(header.isInterviewer) ?? false,
                span: scalarOffset..<(scalarOffset + length), startTime: cue.start, utf8Span: byteStart..<text.utf8.count))
            scalarOffset += length
        }
        text += "\n"
        return Transcript(id: id, name: name, format: format, text: text, turns: turns,
                          participantID: header.participantID ?? id, attributes: header.attributes)
    }
}
