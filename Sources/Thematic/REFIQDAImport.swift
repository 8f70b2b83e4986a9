import Archive
import Foundation

/// Human codings read from a REFI-QDA project (`.qdpx` from NVivo, ATLAS.ti, MAXQDA, QualCoder or
/// Paradox), mapped onto the segments of a ``CodingResult`` so that they can be compared with it
/// (``CodingResult/agreement(with:)``, ``CodingResult/panel(_:)``).
///
/// Rules:
/// - **Sources ↔ transcripts**: a `TextSource` is a transcript's when its GUID is the one Paradox
///   exports for it, or its `name` is the transcript's file name or id (the file name without
///   extension). Its text (`PlainTextContent`, or `plainTextPath`: `internal://…` under `sources/`,
///   or a file outside the archive, `relative://…` or `absolute://…`, read by the rule of
///   ``REFIQDASourceLocation``) must be the transcript's text once a byte-order mark is dropped and
///   CR LF / CR are read as LF; positions are mapped through that normalisation.
/// - **Codes ↔ themes**: a `Code` is a theme's when its `name` equals the theme's label or id,
///   ignoring case and surrounding space. Codings of other codes are left out and reported.
/// - **Selections ↔ segments**: positions are 0-based, half-open offsets in Unicode code points
///   (scalars) of the source's text as stored, a CR LF counting two (what QualCoder reads, Python
///   string indices; not UTF-16 units: 😀 is one position, e + U+0301 two, 信 one).
///   A segment is coded with a theme by a user when one of the user's selections coded with the
///   theme overlaps it by at least one character (selection start < segment end and segment start <
///   selection end); a `Coding` of a whole source codes all its segments.
/// - **Coders**: one per user — the `Coding`'s `creatingUser`, else its selection's, else its
///   source's. Each coder has seen every segment of every matched transcript (uncoded ones count as
///   coded with nothing).
public enum REFIQDAImport {
    /// The coders of the project at `url`, over the segments of `result`. `sources` is the folder
    /// that holds the texts of sources stored outside the archive (default: the project's folder
    /// for `relative://` paths, none for `absolute://` ones).
    public static func codings(contentsOf url: URL, for result: CodingResult, sources: URL? = nil,
                               maximumInflatedBytes: Int = ZipReader.defaultMaximumInflatedBytes) throws -> REFIQDAImportResult {
        var archive = try ZipReader(contentsOf: url, maximumInflatedBytes: maximumInflatedBytes)
        guard let entry = archive.entry(named: "project.qde") else {
            throw REFIQDAError.missingEntry(file: url.path, entry: "project.qde", needed: "the project document of a REFI-QDA project")
        }
        let documentName = "\(url.path):project.qde"
        let project = try REFIQDAProject.parse(archive.contents(of: entry), file: documentName)

        var themeOfCode: [String: String] = [:]
        var unmatchedCodes: [String] = []
        var codeNames: [String: String] = [:]
        for code in project.codes {
            codeNames[code.guid] = code.name
            let name = code.name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let theme = result.codebook.themes.first(where: { $0.label.lowercased() == name || $0.id.lowercased() == name }) {
                themeOfCode[code.guid] = theme.id
            }
        }

        var coders: [String: [String: Set<String>]] = [:]
        var userOrder: [String] = []
        var segmentIDs: [String] = []
        var unmatchedSources: [String] = []
        var matchedTranscripts: Set<String> = []
        for source in project.sources {
            guard let transcript = result.transcripts.first(where: { matches(source, $0) }) else {
                unmatchedSources.append(source.name)
                continue
            }
            guard matchedTranscripts.insert(transcript.id).inserted else {
                unmatchedSources.append("\(source.name) (a second source for \(transcript.name))")
                continue
            }
            let text = try sourceText(source, in: &archive, project: project, file: url, sources: sources)
            let offsets = try transcriptOffsets(of: text, source: source, transcript: transcript, file: url.path)
            let segments = result.segments.map(\.segment).filter { $0.transcriptID == transcript.id }
            segmentIDs += segments.map(\.id)
            var spans: [(range: Range<Int>, codings: [REFIQDAProject.Coding])] = []
            for selection in source.selections {
                guard selection.start >= 0, selection.start <= selection.end, selection.end < offsets.count else {
                    throw REFIQDAError.positionOutOfRange(file: documentName, line: selection.line, selection: selection.guid,
                                                          start: selection.start, end: selection.end, source: source.name,
                                                          length: offsets.count - 1)
                }
                spans.append((offsets[selection.start]..<offsets[selection.end], selection.codings))
            }
            spans.append((0..<transcript.text.unicodeScalars.count, source.sourceCodings))
            for (range, codings) in spans {
                for coding in codings {
                    guard let codeName = codeNames[coding.codeGUID] else {
                        throw REFIQDAError.unknownCode(file: documentName, line: coding.line, guid: coding.codeGUID)
                    }
                    let user = coding.userGUID ?? ""
                    if coders[user] == nil { coders[user] = [:]; userOrder.append(user) }
                    guard let theme = themeOfCode[coding.codeGUID] else {
                        if !unmatchedCodes.contains(codeName) { unmatchedCodes.append(codeName) }
                        continue
                    }
                    for segment in overlapping(range, segments) {
                        coders[user, default: [:]][segment.id, default: []].insert(theme)
                    }
                }
            }
        }
        guard !matchedTranscripts.isEmpty else {
            throw REFIQDAError.noSourceMatches(file: url.path, sources: project.sources.map(\.name), transcripts: result.transcripts.map(\.name))
        }
        guard !userOrder.isEmpty else { throw REFIQDAError.noCodings(file: url.path) }
        let names = Dictionary(project.users.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        let known = project.users.map(\.guid).filter { coders[$0] != nil }
        let ordered = known + userOrder.filter { !known.contains($0) }
        let humanCodings = ordered.map { user in
            var themes: [String: Set<String>] = [:]
            for id in segmentIDs { themes[id] = coders[user]?[id] ?? [] }
            let who = user.isEmpty ? "no user" : "user \(names[user] ?? user)"
            return HumanCoding(segmentIDs: segmentIDs, themes: themes, source: "\(url.path) (\(who))")
        }
        return REFIQDAImportResult(coders: humanCodings, unmatchedCodes: unmatchedCodes, unmatchedSources: unmatchedSources,
                                   uncodedTranscripts: result.transcripts.map(\.id).filter { !matchedTranscripts.contains($0) })
    }

    /// The segments (in text order, not overlapping) that share at least one character with `range`.
    private static func overlapping(_ range: Range<Int>, _ segments: [Segment]) -> ArraySlice<Segment> {
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].end <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < segments.count, segments[end].start < range.upperBound { end += 1 }
        return segments[low..<end].filter { $0.start < $0.end && range.lowerBound < range.upperBound }[...]
    }

    private static func matches(_ source: REFIQDAProject.TextSource, _ transcript: Transcript) -> Bool {
        source.guid.uppercased() == REFIQDAExport.sourceGUID(transcript) || source.name == transcript.name || source.name == transcript.id
    }

    private static func sourceText(_ source: REFIQDAProject.TextSource, in archive: inout ZipReader, project: REFIQDAProject,
                                   file: URL, sources: URL?) throws -> String {
        if let content = source.plainTextContent { return content }
        let document = "\(file.path):project.qde"
        func problem(_ problem: REFIQDAError.ExternalSourceProblem) -> REFIQDAError {
            .externalSource(file: document, line: source.line, source: source.name, path: source.plainTextPath ?? "", problem: problem)
        }
        guard let path = source.plainTextPath, let location = try REFIQDASourceLocation(plainTextPath: path, problem: problem) else {
            throw REFIQDAError.malformed(file: document, line: source.line,
                                         expected: "<TextSource name=\"\(source.name)\"> with <PlainTextContent> or plainTextPath=\"internal://…\", "
                                            + "\"relative://…\" or \"absolute://…\"")
        }
        let external: URL
        switch location {
        case let .entry(entryName):
            let name = "sources/" + entryName
            guard let entry = archive.entry(named: name) else {
                throw REFIQDAError.missingEntry(file: file.path, entry: name, needed: "the text of source '\(source.name)'")
            }
            guard let text = String(validating: try archive.contents(of: entry), as: UTF8.self) else {
                throw REFIQDAError.missingEntry(file: file.path, entry: name, needed: "UTF-8 text for source '\(source.name)'")
            }
            return text
        case let .relative(components):
            external = try REFIQDASourceLocation.relativeFile(components, in: sources ?? file.deletingLastPathComponent(), problem: problem)
        case let .absolute(fileName):
            external = try REFIQDASourceLocation.absoluteFile(fileName, sources: sources, problem: problem)
        }
        return try REFIQDASourceLocation.text(of: external, limit: archive.maximumInflatedBytes, basePath: project.basePath, problem: problem)
    }

    /// For each source offset 0…n, the transcript offset it maps to, after checking that the source
    /// text is the transcript's (byte-order mark dropped, CR LF and lone CR read as LF).
    private static func transcriptOffsets(of text: String, source: REFIQDAProject.TextSource, transcript: Transcript,
                                          file: String) throws -> [Int] {
        let scalars = Array(text.unicodeScalars)
        let expected = Array(transcript.text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var position = 0
        for (index, scalar) in scalars.enumerated() {
            offsets.append(position)
            if index == 0 && scalar == "\u{FEFF}" { continue }
            if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { continue }
            let normalised: Unicode.Scalar = scalar == "\r" ? "\n" : scalar
            guard position < expected.count, expected[position] == normalised else {
                throw differs(scalars[index...], expected, at: position, source: source, transcript: transcript, file: file)
            }
            position += 1
        }
        guard position == expected.count else {
            throw differs(scalars[scalars.endIndex...], expected, at: position, source: source, transcript: transcript, file: file)
        }
        offsets.append(position)
        return offsets
    }

    private static func differs(_ found: ArraySlice<Unicode.Scalar>, _ expected: [Unicode.Scalar], at position: Int,
                                source: REFIQDAProject.TextSource, transcript: Transcript, file: String) -> REFIQDAError {
        func shown(_ scalars: some Sequence<Unicode.Scalar>) -> String {
            let text = String(String.UnicodeScalarView(scalars.prefix(40)))
            return text.isEmpty ? "(end of text)" : text
        }
        return .textDiffers(file: file, source: source.name, transcript: transcript.name, position: position,
                            found: shown(found), expected: shown(expected[position...]))
    }
}

/// The outcome of ``REFIQDAImport/codings(contentsOf:for:maximumInflatedBytes:)``.
public struct REFIQDAImportResult: Sendable {
    /// One coding per user who coded anything, users in the project's order.
    public var coders: [HumanCoding]
    /// Names of codes with codings that match no theme (their codings are left out).
    public var unmatchedCodes: [String]
    /// Names of text sources that are no transcript being coded, or a second one for a transcript (left out).
    public var unmatchedSources: [String]
    /// Ids of transcripts being coded that no source of the project holds (not compared).
    public var uncodedTranscripts: [String]
}
