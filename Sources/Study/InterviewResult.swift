import Thematic

/// The thematic coding of a study's interviews: the coding itself (for the tables) and its summary
/// (encoded in `results.json`).
public struct InterviewResult: Sendable, Encodable {
    /// Transcript files as the study file names them.
    public var transcripts: [String]
    public var coding: CodingResult
    public var summary: ThematicSummary

    enum CodingKeys: String, CodingKey { case transcripts, summary }

    static func run(_ plan: InterviewPlan) throws -> InterviewResult {
        guard let unit = SegmentationUnit(rawValue: plan.unit) else {
            throw StudyError.unknownSegmentationUnit(plan.unit)
        }
        let coding = try ThematicAnalysis.run(transcripts: plan.transcripts.map(\.url), codebook: plan.codebook.url,
                                              participants: plan.participants?.url, unit: unit)
        let human = try plan.humanCoding.map { try HumanCoding.read(contentsOf: $0.url, codebook: coding.codebook) }
        return InterviewResult(transcripts: plan.transcripts.map(\.written), coding: coding,
                               summary: try ThematicSummary(coding, human: human))
    }
}
