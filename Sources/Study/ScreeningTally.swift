import MessageText
import SurveyStats

/// The participant flow of one part of a wave as its summary carries it (`paradox summarize` of a
/// study that screens): the rows received and, per rule in the plan's order, the respondents it
/// excluded. Every rule a part can apply alone looks at one row at a time, so the parts' tallies add
/// up to the flow of the whole wave exactly (``add(_:)``).
public struct ScreeningTally: Sendable, Equatable, Codable {
    public var received: Int
    public var steps: [ParticipantFlow.Step]

    init(_ flow: ParticipantFlow) {
        received = flow.received
        steps = flow.steps
    }

    /// The flow of the wave `file` (no audit file: its rows were read on other machines).
    func flow(file: String) -> ParticipantFlow {
        ParticipantFlow(file: file, received: received, steps: steps)
    }

    /// Adds the counts of `other`, a part screened by the same rules.
    /// - Throws: ``WaveSummaryError/mismatch(_:)`` for other rules or criteria;
    ///   ``WaveSummaryError/tooManyRows`` when the counts exceed `Int.max`.
    mutating func add(_ other: ScreeningTally) throws {
        guard steps.map(\.rule) == other.steps.map(\.rule), steps.map(\.criterion) == other.steps.map(\.criterion) else {
            throw WaveSummaryError.mismatch("screening rules \(Excerpt.excerptList(steps.map(\.criterion))) vs. \(Excerpt.excerptList(other.steps.map(\.criterion)))")
        }
        let (total, overflow) = received.addingReportingOverflow(other.received)
        guard !overflow else { throw WaveSummaryError.tooManyRows }
        received = total
        // Each rule's count is at most its part's received rows, so these add within `Int` too.
        for index in steps.indices { steps[index].excluded += other.steps[index].excluded }
    }

    /// Checks a tally read from a file against the summary's `rows` (those analysed): the rules and
    /// criteria of `shape` (the tally of no rows under the same plan and codebook), counts 0 or
    /// more, and received less the exclusions equal to the rows analysed.
    func validate(rows: Int, shape: ScreeningTally) throws {
        guard steps.map(\.rule) == shape.steps.map(\.rule), steps.map(\.criterion) == shape.steps.map(\.criterion) else {
            throw WaveSummaryError.invalid(at: "screening.steps", expected: "the rules \(Excerpt.excerptList(shape.steps.map(\.criterion))) in that order, found \(Excerpt.excerptList(steps.map(\.criterion)))")
        }
        if let negative = ([received] + steps.map(\.excluded)).first(where: { $0 < 0 }) {
            throw WaveSummaryError.invalid(at: "screening", expected: "counts 0 or more, found \(negative)")
        }
        let excluded = steps.map(\.excluded).checkedSum()
        guard let excluded, excluded <= received, received - excluded == rows else {
            throw WaveSummaryError.invalid(at: "screening", expected: "\(received) received less the exclusions equal to the \(rows) rows analysed")
        }
    }
}
