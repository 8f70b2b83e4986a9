import Thematic

/// A coding whose texts are redacted as a whole (``TextRedaction`` over each transcript's text,
/// with the participants' names, ``knownNames(participants:segments:extra:)``), with every offset
/// into a transcript (turns, segments, matched terms) moved to the redacted text: what `paradox
/// code` prints and exports (tables, segment CSV, .qdpx), so that a .qdpx's selections point at the
/// same words in its redacted sources. A participant's turns are labelled by the participant's ID
/// (a speaker label is often a name) and attribute values are redacted too. The themes are those
/// coded on the original text.
public enum CodingRedaction {
    /// The redacted coding, how many pieces of each kind were replaced, and the segment IDs that
    /// changed (old → new; a segment ID starts with its transcript's, often a file name: ``ShownIDs``).
    /// - Parameter names: names to replace besides the participants' (`--names`).
    public static func redact(_ result: CodingResult, names extra: RedactionNames = .none)
        -> (result: CodingResult, counts: [PersonalDataKind: Int], segmentIDs: [String: String]) {
        let names = knownNames(participants: result.participants, segments: result.segments, extra: extra)
        let transcriptIDs = ShownIDs(result.transcripts.map(\.id), names: names)
        let fileNames = ShownIDs(result.transcripts.map(\.name), names: names)
        let participantIDs = ShownIDs(result.participants.map(\.id) + result.transcripts.map(\.participantID)
                                      + result.segments.map(\.segment.participantID), names: names)
        var counts: [PersonalDataKind: Int] = [:]
        var transcripts = result.transcripts
        var maps: [String: OffsetMap] = [:]
        for index in transcripts.indices {
            let map = OffsetMap(transcripts[index].text, names: names)
            maps[transcripts[index].id] = map
            transcripts[index].id = transcriptIDs[transcripts[index].id]
            transcripts[index].name = fileNames[transcripts[index].name]
            transcripts[index].participantID = participantIDs[transcripts[index].participantID]
            for piece in map.pieces { counts[piece.kind, default: 0] += 1 }
            transcripts[index].text = map.redacted
            transcripts[index].attributes = redacted(transcripts[index].attributes, names: names)
            for turn in transcripts[index].turns.indices {
                transcripts[index].turns[turn].span = map.range(transcripts[index].turns[turn].span)
                transcripts[index].turns[turn].speaker = shownSpeaker(transcripts[index].turns[turn].speaker,
                                                                      isInterviewer: transcripts[index].turns[turn].isInterviewer,
                                                                      participantID: transcripts[index].participantID)
            }
        }
        let participants = result.participants.map { Participant(id: participantIDs[$0.id], attributes: redacted($0.attributes, names: names)) }
        var segmentIDs: [String: String] = [:]
        let segments = result.segments.map { coded -> CodedSegment in
            var coded = coded
            let transcriptID = coded.segment.transcriptID
            coded.segment.transcriptID = transcriptIDs[transcriptID]
            coded.segment.participantID = participantIDs[coded.segment.participantID]
            if coded.segment.transcriptID != transcriptID, coded.segment.id.hasPrefix(transcriptID) {
                let id = coded.segment.transcriptID + coded.segment.id.dropFirst(transcriptID.count)
                segmentIDs[coded.segment.id] = id
                coded.segment.id = id
            }
            coded.segment.speaker = shownSpeaker(coded.segment.speaker, isInterviewer: coded.segment.isInterviewer, participantID: coded.segment.participantID)
            guard let map = maps[transcriptID], !map.pieces.isEmpty else { return coded }
            let span = map.range(coded.segment.span)
            (coded.segment.start, coded.segment.end, coded.segment.text) = (span.lowerBound, span.upperBound, map.text(span))
            for theme in coded.codings.indices {
                for match in coded.codings[theme].matches.indices {
                    let old = coded.codings[theme].matches[match]
                    let span = map.range(old.start..<old.end)
                    coded.codings[theme].matches[match].start = span.lowerBound
                    coded.codings[theme].matches[match].end = span.upperBound
                    coded.codings[theme].matches[match].text = map.text(span)
                }
            }
            return coded
        }
        return (CodingResult(codebook: result.codebook, unit: result.unit, transcripts: transcripts,
                             participants: participants, segments: segments), counts, segmentIDs)
    }

    /// A human coding of the original segments, its segment IDs moved as ``redact(_:names:)`` moved them.
    public static func renamed(_ coding: HumanCoding, segmentIDs: [String: String]) -> HumanCoding {
        guard !segmentIDs.isEmpty else { return coding }
        func shown(_ id: String) -> String { segmentIDs[id] ?? id }
        return HumanCoding(segmentIDs: coding.segmentIDs.map(shown),
                           themes: Dictionary(coding.themes.map { (shown($0.key), $0.value) }, uniquingKeysWith: { $0.union($1) }),
                           source: coding.source, lines: Dictionary(coding.lines.map { (shown($0.key), $0.value) }, uniquingKeysWith: min))
    }

    /// Attribute columns of a participants file that hold a person's name.
    static let nameAttributes: Set<String> = ["name", "full_name", "fullname", "first_name", "firstname", "given_name",
                                              "last_name", "lastname", "surname", "participant_name"]

    /// Speaker labels that name a role, not a person.
    static let roleLabels: Set<String> = ["participant", "respondent", "interviewee", "speaker", "answer", "guest", "expert",
                                          "client", "customer", "user", "moderator", "interviewer", "question"]

    /// The names every output of a coding hides, besides `extra`: the speaker labels of the
    /// participants' turns that read as names (``isName(_:)``: `Jonas:`, `[00:12:44] Amara Okafor:`),
    /// and the values of a participant attribute that is a name (``nameAttributes``), whole and their first word.
    static func knownNames(participants: [Participant], segments: [CodedSegment], extra: RedactionNames) -> RedactionNames {
        var names = extra
        for segment in segments.map(\.segment) where !segment.isInterviewer {
            if let speaker = segment.speaker, isName(speaker) { names.add(speaker) }
        }
        for attribute in participants.flatMap(\.attributes) where nameAttributes.contains(attribute.name.lowercased()) {
            names.add(attribute.value)
            if let first = RedactionNames.words(of: attribute.value).first { names.add(first) }
        }
        return names
    }

    /// Whether a speaker label reads as a person's name: capitalised words of two or more letters
    /// each (`Jonas`, `Amara Okafor`), not a role (``roleLabels``) and not an ID (`P07`) or a letter (`A`).
    static func isName(_ label: String) -> Bool {
        let words = label.split(separator: " ")
        return !words.isEmpty && !roleLabels.contains(label.lowercased())
            && words.allSatisfy { $0.count >= 2 && $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || "'’-".contains($0) } }
    }

    /// The speaker label an output shows: a participant's label that reads as a name (``isName(_:)``)
    /// is replaced by the participant's ID; other labels are kept.
    static func shownSpeaker(_ speaker: String?, isInterviewer: Bool, participantID: String) -> String? {
        guard let speaker, !isInterviewer, isName(speaker) else { return speaker }
        return participantID
    }

    /// Attribute values with their personal data (and `names`) replaced.
    static func redacted(_ attributes: [Participant.Attribute], names: RedactionNames) -> [Participant.Attribute] {
        attributes.map { Participant.Attribute(name: $0.name, value: TextRedaction.redact($0.value, names: names).text) }
    }

    /// "person names 2 ([name]), e-mail addresses 1 ([email])": the counts in the order of the kinds.
    public static func describe(_ counts: [PersonalDataKind: Int]) -> String {
        PersonalDataKind.allCases.compactMap { kind in
            counts[kind].map { "\(kind.description) \($0) (\(TextRedaction.placeholder(kind)))" }
        }.joined(separator: ", ")
    }

    /// A text, its redaction and the move of Unicode scalar offsets from one to the other.
    struct OffsetMap {
        struct Piece {
            /// Scalar offsets of the piece in the original and of its placeholder in the redacted text.
            var old: Range<Int>
            var new: Range<Int>
            var kind: PersonalDataKind
        }

        let redacted: String
        let pieces: [Piece]
        private let scalars: [Unicode.Scalar]

        init(_ text: String, names: RedactionNames = .none) {
            let found = TextRedaction.find(in: text, names: names)
            var pieces: [Piece] = []
            var storage = text
            storage.withUTF8 { bytes in
                // Unicode scalars are counted by their first bytes (UTF-8 continuation bytes are 10xxxxxx).
                func scalars(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
                var copied = 0, oldOffset = 0, newOffset = 0
                for piece in found {
                    let before = scalars(copied..<piece.bytes.lowerBound), length = scalars(piece.bytes)
                    let placeholder = TextRedaction.placeholder(piece.kind).unicodeScalars.count
                    oldOffset += before
                    newOffset += before
                    pieces.append(Piece(old: oldOffset..<(oldOffset + length), new: newOffset..<(newOffset + placeholder), kind: piece.kind))
                    oldOffset += length
                    newOffset += placeholder
                    copied = piece.bytes.upperBound
                }
            }
            redacted = TextRedaction.replace(found, in: text)
            self.pieces = pieces
            scalars = pieces.isEmpty ? [] : Array(redacted.unicodeScalars)
        }

        /// The offset in the redacted text of `offset` in the original: moved by the pieces before
        /// it; inside a piece, the placeholder's start (or its end, for the end of a range).
        func offset(_ offset: Int, isEnd: Bool) -> Int {
            // The last piece that starts before the offset (binary search: pieces are in text order).
            var low = 0, high = pieces.count
            while low < high {
                let middle = (low + high) / 2
                if pieces[middle].old.lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return offset }
            let piece = pieces[low - 1]
            if offset >= piece.old.upperBound { return offset - piece.old.upperBound + piece.new.upperBound }
            return isEnd ? piece.new.upperBound : piece.new.lowerBound
        }

        func range(_ range: Range<Int>) -> Range<Int> {
            let lower = offset(range.lowerBound, isEnd: false)
            return lower..<max(lower, offset(range.upperBound, isEnd: true))
        }

        /// The redacted text between two of its scalar offsets.
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range.clamped(to: scalars.indices)])
            return String(view)
        }
    }
}
