/// Finds a wave whose analysis reproduces ``CalibrationTargets`` by a seeded hill-climb.
///
/// Starting from a model draw, each step proposes to move one answered item of privacy concern,
/// transparency, intrusiveness or attitude of one respondent by ±1 (staying within 1–5; missing
/// cells and demographics are never touched) and keeps the move only if it lowers the loss
///
///   L = Σₖ ((figureₖ − targetₖ) / hₖ)² + age-order penalty + p-bound penalty,
///
/// where hₖ is the half-width of the published rounding interval (.05 for the means, .005 for β
/// and F), so the search aims at the centres 4.20, 3.80, .450, .350 and 4.670. It stops once every
/// figure is within 40 % of its half-width of the centre (means ±.02, β and F ±.002, leaving a
/// margin of at least .003 to each rounding edge), each p is at most half its bound, and each age
/// group's mean concern is at least .02 below the next younger group's. Figures are evaluated with
/// ``CalibrationFigures``, recomputing only those that depend on the changed scale.
public struct CalibrationSearch: Sendable {
    public var targets: CalibrationTargets
    /// Upper bound on proposals before giving up.
    public var maximumProposals: Int

    static let meanHalfWidth = 0.05
    static let coefficientHalfWidth = 0.005
    static let acceptedShareOfHalfWidth = 0.4
    static let ageGap = 0.02

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
        var loss = self.loss(figures)
        let constructs = CalibrationScores.constructs
        let itemCount = constructs.reduce(0) { $0 + $1.items.count }
        for proposal in 0..<maximumProposals {
            if loss.isConverged { return (wave, proposal) }
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
            guard let value = wave[item, row].answer, Instrument.likertRange.contains(value + step) else { continue }

            var (candidateWave, candidateScores, candidateFigures) = (wave, scores, figures)
            candidateWave[item, row] = .answer(value + step)
            try candidateScores.rescore(construct, of: candidateWave)
            try candidateFigures.update(after: construct, candidateScores)
            let candidateLoss = self.loss(candidateFigures)
            if candidateLoss.value < loss.value {
                (wave, scores, figures, loss) = (candidateWave, candidateScores, candidateFigures, candidateLoss)
            }
        }
        if loss.isConverged { return (wave, maximumProposals) }
        throw SimulationError.calibrationDidNotConverge(seed: seed, moves: maximumProposals, figures: String(describing: figures))
    }

    /// The loss of a set of figures and whether they are within every tolerance.
    struct Loss {
        let value: Double
        let isConverged: Bool
    }

    func loss(_ figures: CalibrationFigures) -> Loss {
        let deviations = [
            (figures.privacyConcernMean - targets.privacyConcernMean) / Self.meanHalfWidth,
            (figures.attitudeMean - targets.attitudeMean) / Self.meanHalfWidth,
            (figures.transparencyBeta - targets.transparencyBeta) / Self.coefficientHalfWidth,
            (figures.intrusivenessBeta - targets.intrusivenessBeta) / Self.coefficientHalfWidth,
            (figures.ageF - targets.ageF) / Self.coefficientHalfWidth,
        ]
        var value = deviations.reduce(0) { $0 + $1 * $1 }
        var converged = deviations.allSatisfy { abs($0) <= Self.acceptedShareOfHalfWidth }
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
