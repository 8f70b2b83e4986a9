import Foundation

/// Reads a transcript in any supported format (see ``TranscriptFormat``), chosen by the file
/// extension (`.vtt`, `.srt`, anything else is plain text) or a `WEBVTT` signature.
public enum TranscriptReader {
    /// Reads the transcript at `url`; its id is the file name without extension.
    /// - Parameter detectsSpeakers: false reads a plain-text file as one turn without header or speaker
    ///   labels (open answers, notes, documents); captions keep their cues.
    public static func read(contentsOf url: URL, detectsSpeakers: Bool = true) throws -> Transcript {
        let content: String
        do { content = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TranscriptError.unreadable(file: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "not readable as UTF-8 text" : "no such file")
        }
        return try parse(content, name: url.lastPathComponent, detectsSpeakers: detectsSpeakers)
    }

    /// Parses transcript text; `name` is the file name (it gives the id and, by extension, the format).
    public static func parse(_ content: String, name: String, format: TranscriptFormat? = nil, detectsSpeakers: Bool = true) throws -> Transcript {
        let id = (name as NSString).deletingPathExtension
        let chosen = format ?? detectFormat(content, name: name)
        switch chosen {
        case .plainText: return try PlainTranscriptReader.parse(content, id: id, name: name, detectsSpeakers: detectsSpeakers)
        case .webVTT, .srt: return try CaptionTranscriptReader.parse(content, id: id, name: name, format: chosen)
        }
    }

    static func detectFormat(_ content: String, name: String) -> TranscriptFormat {
        switch (name as NSString).pathExtension.lowercased() {
        case "vtt": return .webVTT
        case "srt": return .srt
        default: return content.unicodeScalars.drop(while: { $0 == "\u{FEFF}" }).starts(with: "WEBVTT".unicodeScalars) ? .webVTT : .plainText
        }
    }
}
