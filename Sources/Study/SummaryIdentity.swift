import Crypto
import Foundation
import SurveyData

/// What a wave summary is made with and must be merged with: a study's analysis plan and its loaded
/// codebook, and their hash.
public struct SummaryIdentity: Sendable {
    public let plan: StudyPlan
    public let codebook: Codebook
    /// SHA-256 (FIPS 180-4, through apple/swift-crypto), in hex, of the codebook file's bytes, a NUL
    /// byte and the analysis plan as JSON with sorted keys: summaries made with another codebook or
    /// plan carry another hash. (The study's title, notices and data files do not enter it: a
    /// study file may be moved or its prose edited between summarising and merging.)
    public let planHash: String

    /// The identity of `plan` with its codebook, read from the codebook file.
    /// - Throws: the codebook's errors.
    public init(_ plan: StudyPlan) throws {
        self.plan = plan
        codebook = try StudyRunner.loadCodebook(plan)
        guard let bytes = FileManager.default.contents(atPath: plan.codebook.url.path) else {
            throw WaveSummaryFileError(file: plan.codebook.url.path, reason: "no such file, or no permission to read it")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash = SHA256()
        hash.update(data: bytes)
        hash.update(data: [0])
        hash.update(data: try encoder.encode(plan.analyses))
        planHash = hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
