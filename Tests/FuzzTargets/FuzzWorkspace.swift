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

    /// A study with a sampling design (`Tests/Fixtures/design-study`) whose summaries the
    /// `design-summary` target merges, and its seed summary of shard 1 of 2, merged before the input.
    public struct DesignStudy {
        public var identity: SummaryIdentity
        public var firstShard: URL
    }

    public let folder: URL
    public let bundled: Bundled
    /// Strata, PSUs, fpc and sampling weights; then strata and fpc with each row its own PSU (the
    /// per-stratum sums and fourth-moment origins of ``DesignSums/RowPSUSums``).
    public let designStudies: [DesignStudy]

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-fuzz-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plan = try StudyPlan.load(from: FuzzTarget.packageRoot.appendingPathComponent("Codebooks/privacy-paradox.study.yml"))
        guard let interviews = plan.interviews else { throw CocoaError(.fileReadCorruptFile) }
        bundled = Bundled(plan: plan, identity: try SummaryIdentity(plan), themes: try ThemeCodebook.load(contentsOf: interviews.codebook.url),
                          transcripts: try interviews.transcripts.map { try TranscriptReader.read(contentsOf: $0.url) })
        designStudies = try [("factor-full", "psus"), ("rowsfpc", "rows-as-psus")].map { study, seed in
            let plan = try StudyPlan.load(from: FuzzTarget.packageRoot.appendingPathComponent("Tests/Fixtures/design-study/\(study).study.yml"))
            return DesignStudy(identity: try SummaryIdentity(plan),
                               firstShard: FuzzTarget.designSummary.corpus.appendingPathComponent("\(seed)-shard-1-of-2.summary.json"))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `bytes` to `name` in the workspace (replacing the previous input of that name).
    func file(_ name: String, _ bytes: [UInt8]) throws -> FileReference {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return FileReference(written: name, relativeTo: folder)
    }
}
