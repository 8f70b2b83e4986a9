import MessageText
import SurveyData
import SurveyStats

/// A confirmatory factor analysis the study file asks for (`cfa:`, format: `Codebooks/README.md`):
/// scales of the codebook fitted as correlated factors, each item loading on its scale's factor.
public struct FactorAnalysisPlan: Sendable, Equatable, Encodable {
    /// The name of its tables and results (default `cfa`, then `cfa_2`, … by position).
    public var name: String
    /// The scales that are its factors; `nil`: every scale of the codebook, in its order.
    public var scales: [String]?
    public var identification: ConfirmatoryFactorAnalysis.Identification

    private enum CodingKeys: String, CodingKey { case name, scales, identification }

    public init(name: String = "cfa", scales: [String]? = nil, identification: ConfirmatoryFactorAnalysis.Identification = .fixedVariance) {
        self.name = name
        self.scales = scales
        self.identification = identification
    }

    /// The analyses of `cfa:`: one mapping or a list of them, each
    /// `{name: …, scales: [a, b] | all, identification: fixed_variance | marker}` (all optional);
    /// their scales recorded in `references`.
    static func list(_ node: YAMLValue?, references: inout [VariableReference]) throws -> [FactorAnalysisPlan] {
        guard let node else { return [] }
        let entries = node.node.sequence != nil ? try node.sequence() : [node]
        var plans: [FactorAnalysisPlan] = []
        for (index, entry) in entries.enumerated() {
            try entry.checkKeys(["name", "scales", "identification"])
            var scales: [String]?
            if let scalesNode = try entry.optional("scales"), try !(scalesNode.node.scalar != nil && scalesNode.string() == "all") {
                let names = try scalesNode.namedEntries()
                guard !names.isEmpty else { throw scalesNode.error("no scale (expected the scales that are the factors, or all)") }
                references += names.map { VariableReference(name: $0.name, role: .scale, location: $0.node.location) }
                scales = names.map(\.name)
            }
            var identification = ConfirmatoryFactorAnalysis.Identification.fixedVariance
            if let identificationNode = try entry.optional("identification") {
                let written = try identificationNode.string()
                guard let chosen = ConfirmatoryFactorAnalysis.Identification(rawValue: written) else {
                    throw identificationNode.error("unknown identification '\(Excerpt.excerpt(written))' (expected fixed_variance or marker)")
                }
                identification = chosen
            }
            let name = try entry.optional("name")?.string() ?? (index == 0 ? "cfa" : "cfa_\(index + 1)")
            if plans.contains(where: { $0.name == name }) {
                throw entry.error("a second CFA named '\(Excerpt.excerpt(name))' (expected unique names; add name: to tell them apart)")
            }
            plans.append(FactorAnalysisPlan(name: name, scales: scales, identification: identification))
        }
        return plans
    }
}
