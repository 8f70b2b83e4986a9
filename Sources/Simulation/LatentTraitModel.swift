/// The data-generating model of the synthetic wave: demographics by quota, correlated latent
/// traits, and Likert items as discretised noisy indicators of their trait.
///
/// - Demographics: each stratification variable is allocated by largest-remainder quotas of its
///   proportions and shuffled (a stratified sample); breach experience is Bernoulli(0.35).
/// - Traits (standard-normal scale, zᵢ independent N(0, 1)), a recursive path model:
///   opacity = z₁; intrusiveness = .25·opacity + .97·z₂;
///   benefits = .15·youth + .10·income + .97·z₃; attitude = .50·benefits − .20·intrusiveness + .82·z₄;
///   risks = .30·opacity + .25·intrusiveness − .15·benefits + .25·breach + .85·z₅;
///   concern = .55·opacity + .45·intrusiveness + age shift + .15·breach + .70·z₆;
///   trust = .40·benefits − .35·risks − .20·breach + .80·z₇; comfort = −.45·concern + .25·trust + .85·z₈,
///   with age shifts (+.40, +.15, −.10, −.35) for 18–24 … 45+, youth = (+1, +.5, 0, −.5), income the
///   bracket index centred on 1.5.
/// - Items: x = μ + σ·(λ·trait + √(1 − λ²)·e), e ~ N(0, 1), rounded to the nearest scale point and
///   clamped to 1–5 (thresholds 1.5, 2.5, 3.5, 4.5); a reverse-keyed item is written as 6 − x.
///   Loadings λ ≈ .75–.80 give Cronbach's α of about .70–.85 per scale.
/// - Missingness: per respondent and scale, with probability .035 one item is skipped (blank 60 %,
///   98 "Don't know" 25 %, 99 "Prefer not to say" 15 %), so every scale stays scorable under its
///   `min_items`; a few 99s on gender and income, blanks on education, 98s on breach. Age group and
///   region are always answered.
public struct LatentTraitModel: Sendable {
    /// Item means (on the keyed scale), item SD and loading of one construct.
    struct ItemParameters: Sendable {
        let means: [Double]
        let sd: Double
        let loading: Double
    }

    static let concernShiftByAge = [0.40, 0.15, -0.10, -0.35]
    static let youthByAge = [1.0, 0.5, 0.0, -0.5]
    static let breachProbability = 0.35
    static let skipProbabilityPerScale = 0.035

    typealias Instrument = PrivacyParadoxInstrument

    /// Item parameters by scale name.
    static let items: [String: ItemParameters] = [
        Instrument.privacyConcern.scale: ItemParameters(means: [4.35, 4.30, 4.15, 4.25], sd: 0.80, loading: 0.80),
        Instrument.transparency.scale: ItemParameters(means: [3.70, 3.60, 3.80], sd: 0.95, loading: 0.78),
        Instrument.intrusiveness.scale: ItemParameters(means: [3.50, 3.70, 3.30], sd: 1.00, loading: 0.78),
        Instrument.attitude.scale: ItemParameters(means: [3.80, 3.85, 3.65], sd: 0.85, loading: 0.80),
        Instrument.benefits.scale: ItemParameters(means: [3.80, 3.90, 3.60], sd: 0.90, loading: 0.75),
        Instrument.risks.scale: ItemParameters(means: [3.90, 4.00, 3.80], sd: 0.90, loading: 0.75),
        Instrument.trust.scale: ItemParameters(means: [2.80, 2.90, 3.00, 2.90], sd: 0.95, loading: 0.75),
    ]
    static let comfortMean = 2.0, comfortSD = 1.0

    public init() {}

    /// Draws `respondents` respondents from the model.
    public func draw(respondents: Int, generator: inout SplitMix64) -> WaveResponses {
        var columns: [WaveResponses.Column] = []
        for question in Instrument.demographics {
            var cells = Self.quotaCells(question.proportions, count: respondents)
            generator.shuffle(&cells)
            columns.append(WaveResponses.Column(name: question.name, levels: question.levels, cells: cells))
        }
        let breach = (0..<respondents).map { _ in ResponseCell.answer(generator.nextBernoulli(Self.breachProbability) ? 1 : 0) }
        columns.append(WaveResponses.Column(name: Instrument.breach.name, levels: Instrument.breach.levels, cells: breach))
        for item in Instrument.constructs.flatMap(\.items) + [Instrument.comfortItem] {
            columns.append(WaveResponses.Column(name: item, levels: nil, cells: []))
        }
        var wave = WaveResponses(respondentCount: respondents, columns: columns)

        for row in 0..<respondents {
            let age = wave[Instrument.ageGroup.name, row].answer!
            let incomeIndex = Double(wave[Instrument.income.name, row].answer!) - 1.5
            let breached = Double(wave[Instrument.breach.name, row].answer!)
            let traits = Self.traits(age: age, income: incomeIndex, breached: breached, generator: &generator)
            for construct in Instrument.constructs {
                let parameters = Self.items[construct.scale]!
                for (index, item) in construct.items.enumerated() {
                    let noise = generator.nextNormal()
                    let z = parameters.loading * traits[construct.scale]! + (1 - parameters.loading * parameters.loading).squareRoot() * noise
                    let keyed = Self.scalePoint(parameters.means[index] + parameters.sd * z)
                    let written = construct.reversedItems.contains(item) ? 6 - keyed : keyed
                    wave.appendCell(.answer(written), to: item)
                }
            }
            wave.appendCell(.answer(Self.scalePoint(Self.comfortMean + Self.comfortSD * traits["comfort"]!)), to: Instrument.comfortItem)
        }
        Self.addMissingness(to: &wave, generator: &generator)
        return wave
    }

    /// One respondent's latent traits (the path model above), keyed by scale name and "comfort".
    static func traits(age: Int, income: Double, breached: Double, generator: inout SplitMix64) -> [String: Double] {
        let opacity = generator.nextNormal()
        let intrusiveness = 0.25 * opacity + 0.97 * generator.nextNormal()
        let benefits = 0.15 * youthByAge[age] + 0.10 * income + 0.97 * generator.nextNormal()
        let attitude = 0.50 * benefits - 0.20 * intrusiveness + 0.82 * generator.nextNormal()
        let risks = 0.30 * opacity + 0.25 * intrusiveness - 0.15 * benefits + 0.25 * breached + 0.85 * generator.nextNormal()
        let concern = 0.55 * opacity + 0.45 * intrusiveness + concernShiftByAge[age] + 0.15 * breached + 0.70 * generator.nextNormal()
        let trust = 0.40 * benefits - 0.35 * risks - 0.20 * breached + 0.80 * generator.nextNormal()
        let comfort = -0.45 * concern + 0.25 * trust + 0.85 * generator.nextNormal()
        return [
            Instrument.privacyConcern.scale: concern, Instrument.transparency.scale: opacity,
            Instrument.intrusiveness.scale: intrusiveness, Instrument.attitude.scale: attitude,
            Instrument.benefits.scale: benefits, Instrument.risks.scale: risks,
            Instrument.trust.scale: trust, "comfort": comfort,
        ]
    }

    /// The nearest scale point of a continuous response, clamped to 1–5.
    static func scalePoint(_ x: Double) -> Int {
        min(5, max(1, Int(x.rounded())))
    }

    /// Level indices in largest-remainder quota proportions (ties to the earlier level), in level order.
    static func quotaCells(_ proportions: [Double], count: Int) -> [ResponseCell] {
        let exact = proportions.map { $0 * Double(count) }
        var quotas = exact.map { Int($0.rounded(.down)) }
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(quotas[$0]), $1) > (exact[$1] - Double(quotas[$1]), $0) }
        for index in byRemainder.prefix(count - quotas.reduce(0, +)) { quotas[index] += 1 }
        return quotas.enumerated().flatMap { level, quota in Array(repeating: ResponseCell.answer(level), count: quota) }
    }

    /// Skipped items and user-missing codes, as described in the type's documentation.
    static func addMissingness(to wave: inout WaveResponses, generator: inout SplitMix64) {
        for row in 0..<wave.respondentCount {
            for construct in Instrument.constructs where generator.nextBernoulli(skipProbabilityPerScale) {
                let item = construct.items[generator.nextIndex(below: construct.items.count)]
                let kind = generator.nextUnitInterval()
                wave[item, row] = kind < 0.60 ? .blank : .missingCode(kind < 0.85 ? Instrument.dontKnow : Instrument.preferNotToSay)
            }
            if generator.nextBernoulli(0.02) { wave[Instrument.comfortItem, row] = .missingCode(Instrument.dontKnow) }
            if generator.nextBernoulli(0.01) { wave[Instrument.gender.name, row] = .missingCode(Instrument.preferNotToSay) }
            if generator.nextBernoulli(0.05) { wave[Instrument.income.name, row] = .missingCode(Instrument.preferNotToSay) }
            if generator.nextBernoulli(0.01) { wave[Instrument.education.name, row] = .blank }
            if generator.nextBernoulli(0.05) { wave[Instrument.breach.name, row] = .missingCode(Instrument.dontKnow) }
        }
    }
}
