/// Finds a wave whose analysis reproduces ``CalibrationTargets`` by a seeded, staged hill-climb.
///
/// Each step proposes to move one answered item of privacy concern, transparency, intrusiveness or
/// attitude of one respondent by ±1 (staying within 1–5; missing cells and demographics are never
/// touched); half of the proposals pair it with the opposite move of the same item for another
/// respondent of the same age group, which leaves the scale's mean and its age-group means as they
/// are. A proposal is kept only if it lowers the loss
///
///   L = Σₖ [vₖ·max(0, |dₖ| − sₖ·τ)² + w·dₖ²] + age-order penalty + p-bound penalty,  dₖ = (figureₖ − targetₖ)/hₖ,
///
/// where hₖ is the half-width of the published rounding interval (.05 for the means, .005 for β and
/// F), τ = 0.4 the accepted share of it (means ±.02, β and F ±.002, a margin of at least .003 to each
/// rounding edge), w = .01 a weak pull to the centres 4.20, 3.80, .450, .350 and 4.670, and vₖ = 100
/// for the means, 1 otherwise. The stage factors sₖ: the first stage (s = ½ for the means, ∞ for β and
/// F) settles the means and the falling age means, the next (½, 10) brings β and F near, the last
/// (1, 1) brings them into tolerance; each stage ends when
/// every figure is within its stage's tolerance, each p at most half its bound and each age group's
/// mean concern at least .02 below the next younger group's. Figures are evaluated with
/// ``CalibrationFigures``, recomputing only those that depend on the changed scale.
public struct CalibrationSearch: Sendable {
    public var targets: CalibrationTargets
    /// Upper bound on proposals, over all stages, before giving up.
    public var maximumProposals: Int

    static let meanHalfWidth = 0.05
    static let coefficientHalfWidth = 0.005
    static let acceptedShareOfHalfWidth = 0.4
    static let ageGap = 0.02
    static let centreWeight = 0.01
    /// Weight of a mean's excess over its tolerance: a mean that has drifted out is hard to bring
    /// back without disturbing β and F, so drifting out is made expensive.
    static let meanExcessWeight = 100.0

    /// One stage of the search: factors on the tolerances of the means and of β and F.
    struct Stage {
        let means: Double
        let coefficients: Double
    }

    /// Means are held to half their final tolerance until the last stage, which leaves room for the
    /// β and F tuning to move them a little.
    static let stages = [Stage(means: 0.5, coefficients: .infinity), Stage(means: 0.5, coefficients: 10), Stage(means: 1, coefficients: 1)]

    typealias Instrument = PrivacyParadoxInstrument

    public init(targets: CalibrationTargets, maximumProposals: Int = 20_000) {
        self.targets = targets
        self.maximumProposals = maximumProposals
    }

    /// The calibrated wave and the number of proposals it took.
    /// - Throws: ``SimulationError/calibrationDidNotConverge(seed:moves:figures:)`` after
    ///   ``maximumProposals`` proposals; a ``RegressionError`` if a model cannot be fitted.
    public func calibrate(_ start: WaveResponses, generator: inout SplitMix64, seed: UInt64) throws -> (wave: WaveResponses, proposals: Int) {
        var wave = start
        var scores = try CalibrationScores(wave)
        var figures = try CalibrationFigures(scores)
        let constructs = CalibrationScores.constructs
        let itemCount = constructs.reduce(0) { $0 + $1.items.count }
        let rowsByAge = Dictionary(grouping: scores.ageGroups.indices, by: { scores.ageGroups[$0] })
        var proposals = 0
        for stage in Self.stages {
            var loss = self.loss(figures, stage: stage)
            while !loss.isConverged {
                guard proposals < maximumProposals else {
                    throw SimulationError.calibrationDidNotConverge(seed: seed, moves: proposals, figures: String(describing: figures))
                }
                proposals += 1
                var itemIndex = generator.nextIndex(below: itemCount)
                var construct = constructs[0]
                for candidate in constructs {
                    construct = candidate
                    if itemIndex < candidate.items.count { break }
                    itemIndex -= candidate.items.count
                }
                let item = construct.items[itemIndex]
                let row = generator.nextIndex(below: wave.respondentCount)
                let step = generator.nextBernoulli(0.5) ? 1 : -1
                var candidateWave = wave
                guard Self.move(item, row, by: step, in: &candidateWave) else { continue }
                if generator.nextBernoulli(0.5) {
                    let sameAge = rowsByAge[scores.ageGroups[row]]!
                    let partner = sameAge[generator.nextIndex(below: sameAge.count)]
                    guard partner != row, Self.move(item, partner, by: -step, in: &candidateWave) else { continue }
                }
                var (candidateScores, candidateFigures) = (scores, figures)
                try candidateScores.rescore(construct, of: candidateWave)
                try candidateFigures.update(after: construct, candidateScores)
                let candidateLoss = self.loss(candidateFigures, stage: stage)
                if candidateLoss.value < loss.value {
                    (wave, scores, figures, loss) = (candidateWave, candidateScores, candidateFigures, candidateLoss)
                }
            }
        }
        return (wave, proposals)
    }

    /// Moves an answered item by `step` if the result stays on the scale; false otherwise.
    static func move(_ item: String, _ row: Int, by step: Int, in wave: inout WaveResponses) -> Bool {
        guard let value = wave[item, row].answer, Instrument.likertRange.contains(value + step) else { return false }
        wave[item, row] = .answer(value + step)
        return true
    }

    /// The loss of a set of figures and whether they are within every tolerance of the stage.
    struct Loss {
        let value: Double
        let isConverged: Bool
    }

    func loss(_ figures: CalibrationFigures, stage: Stage) -> Loss {
        let means = [
            (figures.privacyConcernMean - targets.privacyConcernMean) / Self.meanHalfWidth,
            (figures.attitudeMean - targets.attitudeMean) / Self.meanHalfWidth,
        ]
        let coefficients = [
            (figures.transparencyBeta - targets.transparencyBeta) / Self.coefficientHalfWidth,
            (figures.intrusivenessBeta - targets.intrusivenessBeta) / Self.coefficientHalfWidth,
            (figures.ageF - targets.ageF) / Self.coefficientHalfWidth,
        ]
        var value = 0.0
        var converged = true
        let groups = [(means, stage.means, Self.meanExcessWeight), (coefficients, stage.coefficients, 1)]
        for (deviations, factor, weight) in groups {
            let tolerance = factor * Self.acceptedShareOfHalfWidth
            for deviation in deviations {
                let excess = max(0, abs(deviation) - tolerance)
                value += weight * excess * excess
                if tolerance.isFinite { value += Self.centreWeight * deviation * deviation }
                converged = converged && excess == 0
            }
        }
        for (younger, older) in zip(figures.concernByAge, figures.concernByAge.dropFirst()) where younger - older < Self.ageGap {
            let shortfall = (Self.ageGap - (younger - older)) / Self.meanHalfWidth
            value += 1 + shortfall * shortfall
            converged = false
        }
        let pValues = [(figures.transparencyP, targets.transparencyPBound), (figures.intrusivenessP, targets.intrusivenessPBound),
                       (figures.ageP, targets.agePBound)]
        for (p, bound) in pValues where !(p <= bound / 2) {
            value += 10 * (1 + p / bound)
            converged = false
        }
        return Loss(value: value.isNaN ? .infinity : value, isConverged: converged)
    }
}
