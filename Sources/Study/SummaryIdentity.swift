import Crypto
import Foundation
import Import
import SurveyData

/// What a wave summary is made with and must be merged with: a study's analysis plan and its loaded
/// codebook, and their hash.
public struct SummaryIdentity: Sendable {
    public let plan: StudyPlan
    /// The study's codebook, with the column the duplicates rule finds repeats by (`screening:
    /// {duplicates: {by: …}}`) read as an ID when it is text: so each part's summary carries its
    /// IDs' hashes and a respondent in two parts, whom the rule would have excluded once in the
    /// whole wave, is refused by the merge.
    public let codebook: Codebook
    /// SHA-256 (FIPS 180-4, through apple/swift-crypto), in hex, of the codebook file's bytes (or,
    /// for a codebook from the first wave's import, of that codebook as YAML), a NUL byte and the
    /// analysis plan as JSON with sorted keys — and, for a study that screens, a NUL byte and the
    /// screening rules as JSON: summaries made with another codebook, plan or rules carry another
    /// hash. (The study's title, notices and data files do not enter it: a study file may be moved
    /// or its prose edited between summarising and merging.)
    public let planHash: String
    /// The first wave's import when the codebook came from it, for a summary of that wave not to
    /// import it again.
    let firstImport: ImportedSurvey?

    /// The identity of `plan` with its codebook, read from the codebook file (or imported).
    /// - Throws: the codebook's errors.
    public init(_ plan: StudyPlan) throws {
        self.plan = plan
        let (loaded, firstImport) = try StudyRunner.prepare(plan)
        self.firstImport = firstImport
        codebook = loaded.identifying(plan.screening?.duplicates?.by?.name)
        let codebookBytes: Data
        if let firstImport {
            codebookBytes = Data(try firstImport.codebook.yamlText().utf8)
        } else if let bytes = FileManager.default.contents(atPath: plan.codebook.url.path) {
            codebookBytes = bytes
        } else {
            throw WaveSummaryFileError(file: plan.codebook.url.path, reason: "no such file, or no permission to read it")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash = SHA256()
        hash.update(data: codebookBytes)
        hash.update(data: [0])
        hash.update(data: try encoder.encode(plan.analyses))
        if let screening = plan.screening, !screening.isEmpty {
            hash.update(data: [0])
            hash.update(data: try encoder.encode(screening))
        }
        planHash = hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

extension Codebook {
    /// The codebook with the text variable `name` read as an ID (``SummaryIdentity/codebook``).
    func identifying(_ name: String?) -> Codebook {
        guard let name, let index = variables.firstIndex(where: { $0.name == name && $0.kind == .text }) else { return self }
        var copy = self
        copy.variables[index].kind = .id
        return copy
    }
}
