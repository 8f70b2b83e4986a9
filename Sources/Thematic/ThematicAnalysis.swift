import Foundation

/// The one call the study runner and the `code` command make: read transcripts, a codebook and
/// optional participant attributes, code everything, return the result.
public enum ThematicAnalysis {
    /// Codes `transcripts` with the codebook at `codebook`; a `.csv` file is a ``SegmentTable`` of
    /// pre-segmented text, any other a transcript (``TranscriptReader``).
    ///
    /// Participant attributes come from the `participants` CSV when given, completed by each
    /// transcript's header; the interviewees are the distinct transcript participants in order. A
    /// participants file none of whose ids is a transcript's participant is an error (a wrong file or
    /// id column, which would otherwise be ignored without a word).
    public static func run(transcripts: [URL], codebook: URL, participants: URL? = nil,
                           unit: SegmentationUnit = .turn, codesInterviewer: Bool = false,
                           detectsSpeakers: Bool = true) throws -> CodingResult {
        let themes = try ThemeCodebook.load(contentsOf: codebook)
        let table = try participants.map(ParticipantTable.read) ?? []
        let read = try transcripts.flatMap { url in
            url.pathExtension.lowercased() == "csv"
                ? try SegmentTable.read(contentsOf: url)
                : [try TranscriptReader.read(contentsOf: url, detectsSpeakers: detectsSpeakers)]
        }
        let transcriptParticipants = read.map(\.participantID)
        if let participants, !table.isEmpty, !table.contains(where: { transcriptParticipants.contains($0.id) }) {
            throw ThematicInputError.participantsMatchNoTranscript(file: participants.path, ids: table.map(\.id),
                                                                   transcriptParticipants: transcriptParticipants)
        }
        return try run(read, codebook: themes, participants: table, unit: unit, codesInterviewer: codesInterviewer)
    }

    /// Codes transcripts already read.
    public static func run(_ transcripts: [Transcript], codebook: ThemeCodebook, participants table: [Participant] = [],
                           unit: SegmentationUnit = .turn, codesInterviewer: Bool = false) throws -> CodingResult {
        var fileOfID: [String: String] = [:]
        for transcript in transcripts {
            if let other = fileOfID[transcript.id] {
                throw TranscriptError.duplicateID(file: transcript.name, id: transcript.id, otherFile: other)
            }
            fileOfID[transcript.id] = transcript.name
        }
        let coder = try Coder(codebook: codebook, unit: unit, codesInterviewer: codesInterviewer)
        var participants: [Participant] = []
        for transcript in transcripts where !participants.contains(where: { $0.id == transcript.participantID }) {
            var participant = table.first { $0.id == transcript.participantID } ?? Participant(id: transcript.participantID)
            for attribute in transcript.attributes where participant[attribute.name] == nil {
                participant.attributes.append(attribute)
            }
            participants.append(participant)
        }
        return CodingResult(codebook: codebook, unit: unit, transcripts: transcripts, participants: participants,
                            segments: try transcripts.flatMap(coder.code))
    }
}
