import Foundation
import Study
import Thematic

/// A temporary folder for one fuzzing run, with the bundled study loaded once.
public final class FuzzWorkspace {
    /// The bundled study's plan, theme codebook and interviews: the fixed parts of each target.
    public struct Bundled {
        public var plan: StudyPlan
        /// What a summary file must have been made with (the bundled codebook and plan).
        public var identity: SummaryIdentity
        public var themes: ThemeCodebook
        public var transcripts: [Transcript]
    }

    public let folder: URL
    public let bundled: Bundled

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-fuzz-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plan = try StudyPlan.load(from: FuzzTarget.packageRoot.appendingPathComponent("Codebooks/privacy-paradox.study.yml"))
        guard let interviews = plan.interviews else { throw CocoaError(.fileReadCorruptFile) }
        bundled = Bundled(plan: plan, identity: try SummaryIdentity(plan), themes: try ThemeCodebook.load(contentsOf: interviews.codebook.url),
                          transcripts: try interviews.transcripts.map { try TranscriptReader.read(contentsOf: $0.url) })
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `bytes` to `name` in the workspace (replacing the previous input of that name).
    func file(_ name: String, _ bytes: [UInt8]) throws -> FileReference {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return FileReference(written: name, relativeTo: folder)
    }
}
