import ComputeSupport
import MessageText
import SurveyData
import SurveyStats

/// The plan's one-way ANOVAs (with Welch, Brown–Forsythe, Levene, Kruskal–Wallis and post hocs,
/// ``OneWayANOVA``) from one ``ValueTally`` of the dependent variable per factor level.
struct AnovaAnalysis: BlockAnalysis {
    static let key = "anovas"
    static let title = "ANOVAs"
    let anovas: [AnovaPlan]
    let codebook: Codebook

    init(_ settings: AnovaSettings, codebook: Codebook) {
        anovas = settings.anovas
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> [WaveSummary.Named<WaveSummary.GroupTallies>] {
        try anovas.map { anova in
            guard let factor = try block.categorical(anova.factor) else { throw StudyError.notCategorical(anova.factor) }
            return WaveSummary.Named(name: anova.name, summary: try block.groupTallies(anova.dependent, by: factor))
        }
    }

    /// Per ANOVA, a tally per level with values the dependent variable can take, and cases over the
    /// levels and without one adding up to the rows.
    func validate(_ summaries: [WaveSummary.Named<WaveSummary.GroupTallies>], shape: [WaveSummary.Named<WaveSummary.GroupTallies>],
                  _ check: SummaryChecker) throws {
        try check.sameNames(summaries, shape, at: Self.key)
        for (i, (anova, (named, expected))) in zip(anovas, zip(summaries, shape)).enumerated() {
            let path = "\(Self.key)[\(i)] (\(anova.name)).summary"
            let groups = named.summary
            try check.sameCount(groups.levels.count, expected.summary.levels.count, at: "\(path).levels", of: "tallies (one per level of \(anova.factor))")
            let cases = groups.levels.map { $0.count + $0.missing }   // each within Int's range (checked on decoding)
            try check.adds(cases + [groups.excludedWithoutLevel], to: check.rows, at: path, of: "cases per level and without a level")
            for (level, tally) in groups.levels.enumerated() {
                try check.possible(tally.values, of: anova.dependent, at: "\(path).levels[\(level)].values")
            }
        }
    }

    /// The ANOVAs side by side (the studentized range makes them the slow part of a wave's analysis).
    func finish(_ summaries: [WaveSummary.Named<WaveSummary.GroupTallies>], of wave: WaveSummary, into result: inout WaveResult) throws {
        let codebook = self.codebook
        for anova in anovas { [anova.dependent, anova.factor].forEach { _ = result.labelled($0, codebook) } }
        result.anovas = try Array(zip(anovas, summaries)).concurrentMap { anova, groups in
            guard case .categorical(let levels, _)? = codebook.variable(named: anova.factor)?.kind else {
                throw StudyError.notCategorical(anova.factor)
            }
            do {
                let result = try OneWayANOVA.run(tallies: groups.summary.levels, levels: levels.map(\.label),
                                                 factor: codebook.label(anova.factor),
                                                 excludedWithoutLevel: groups.summary.excludedWithoutLevel)
                return NamedAnova(name: anova.name, dependent: anova.dependent, factor: anova.factor, result: result)
            } catch {
                throw StudyError.analysisFailed(analysis: "\(anova.location.map { "\($0): " } ?? "")ANOVA '\(anova.name)'", reason: "\(error)")
            }
        }
    }

    /// Each ANOVA whose dependent variable or factor is dropped.
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.anovas.drop(using: columns, uses: { [$0.dependent, $0.factor] }, named: { "ANOVA \($0.name)" })
    }
}

/// `analyses: {anovas: [{name, dependent, factor | factors}]}`: the one-way ANOVAs (``AnovaPlan``),
/// one per factor; none by default.
public struct AnovaSettings: AnalysisSettings {
    public static let studyFileKeys = ["anovas"]
    public var anovas: [AnovaPlan]

    private enum CodingKeys: String, CodingKey { case anovas }

    public init(anovas: [AnovaPlan] = []) { self.anovas = anovas }
    public init() { self.init(anovas: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        anovas = []
        for entry in try analyses.optional("anovas")?.sequence() ?? [] {
            try entry.checkKeys(["name", "dependent", "factor", "factors"])
            let dependentNode = try entry.required("dependent")
            let dependent = try dependentNode.string()
            references.append(VariableReference(name: dependent, role: .numeric, location: dependentNode.location))
            let factors = try (entry.optional("factor") ?? entry.required("factors")).namedEntries()
            references += factors.map { VariableReference(name: $0.name, role: .factor, location: $0.node.location) }
            let name = try entry.optional("name")?.string()
            if name != nil && factors.count > 1 { throw entry.error("'name' needs a single 'factor' (expected one ANOVA per name)") }
            anovas += factors.map {
                AnovaPlan(name: name ?? "\(dependent)_by_\($0.name)", dependent: dependent, factor: $0.name, location: entry.location)
            }
        }
    }

    /// Two ANOVAs with one name.
    public func problems() -> [ConfigFileError] {
        repeatedNameProblems("ANOVA", anovas.map { ($0.name, $0.location) })
    }
}

extension WaveSummary {
    /// The tallies of the dependent variable per factor level, and the cases excluded for having no
    /// level (the summary file's `cases_without_level`).
    public struct GroupTallies: Sendable, Equatable, Codable, MergeableSummary {
        public var levels: [ValueTally]
        public var excludedWithoutLevel: Int

        enum CodingKeys: String, CodingKey {
            case levels
            case excludedWithoutLevel = "cases_without_level"
        }

        public mutating func add(_ other: GroupTallies) throws {
            try requireSameShape(other.levels.count, levels.count, "factor levels")
            levels = zip(levels, other.levels).map(+)
            excludedWithoutLevel += other.excludedWithoutLevel
        }
    }
}
