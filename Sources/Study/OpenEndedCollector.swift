import Foundation
import SurveyData

/// Collects the answers to the study's open-ended questions from the blocks of a wave as the engine
/// reads them (on any thread, in any order), so that the wave's file is read once.
final class OpenEndedCollector: @unchecked Sendable {
    private let plans: [OpenEndedPlan]
    private let codebook: Codebook
    private let lock = NSLock()
    /// Per block index, its answers per plan.
    private var blocks: [Int: [OpenEndedAnswers]] = [:]

    init(_ plans: [OpenEndedPlan], codebook: Codebook) {
        self.plans = plans
        self.codebook = codebook
    }

    func add(_ block: DatasetBlock) throws {
        let answers = try plans.map { try OpenEndedAnswers($0, dataset: block.dataset, codebook: codebook) }
        lock.lock()
        defer { lock.unlock() }
        blocks[block.index] = answers
    }

    /// Per plan, the answers of all blocks in file order.
    func answers() -> [OpenEndedAnswers] {
        lock.lock()
        defer { lock.unlock() }
        let ordered = blocks.sorted { $0.key < $1.key }.map(\.value)
        return plans.indices.map { index in OpenEndedAnswers.joined(ordered.map { $0[index] }) }
    }
}
