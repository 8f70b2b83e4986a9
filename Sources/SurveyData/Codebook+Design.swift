import MessageText

extension Codebook {
    /// The `design:` mapping of a codebook, checked against its variables: `weights` (a numeric
    /// variable) needs `weight_type`; strata, PSUs and fpc need sampling weights (or none); `fpc` is
    /// numeric, strata and PSUs categorical or numeric; no variable plays two roles; and the older `weight:` key (a frequency weight) is not
    /// given beside it.
    static func design(_ node: YAMLValue, variables: [Variable], frequencyWeight: String?) throws -> SurveyDesign {
        try node.checkKeys(["weights", "weight_type", "strata", "psu", "fpc"])
        if frequencyWeight != nil {
            throw node.error("give either weight: (a frequency weight) or design:, not both (weight: w is design: {weights: w, weight_type: frequency})")
        }
        var roles: [String: String] = [:]
        func variable(_ key: String, numeric: Bool) throws -> String? {
            guard let valueNode = try node.optional(key) else { return nil }
            let name = try valueNode.string()
            guard let variable = variables.first(where: { $0.name == name }) else {
                throw valueNode.error("'\(Excerpt.excerpt(name))' is not a variable of the codebook (expected the \(key) variable)")
            }
            let allowed: Bool
            switch variable.kind {
            case .numeric: allowed = true
            case .categorical: allowed = !numeric
            default: allowed = false
            }
            guard allowed else {
                throw valueNode.error("'\(Excerpt.excerpt(name))' is not \(numeric ? "a numeric" : "a categorical or numeric") variable (expected one for the \(key))")
            }
            if let other = roles[name] {
                throw valueNode.error("'\(Excerpt.excerpt(name))' is already the design's \(other) (expected a different variable for each role)")
            }
            roles[name] = key
            return name
        }
        let weights = try variable("weights", numeric: true)
        let strata = try variable("strata", numeric: false)
        let psu = try variable("psu", numeric: false)
        let fpc = try variable("fpc", numeric: true)
        var weightType = SurveyDesign.WeightType.sampling
        if let typeNode = try node.optional("weight_type") {
            let text = try typeNode.string()
            guard let type = SurveyDesign.WeightType(rawValue: text) else {
                throw typeNode.error("unknown weight type '\(Excerpt.excerpt(text))' (expected sampling, frequency or analytic)")
            }
            guard weights != nil else { throw typeNode.error("weight_type without weights (expected weights: the weight variable)") }
            weightType = type
        } else if weights != nil {
            throw node.error("weights without weight_type (expected weight_type: sampling, frequency or analytic; the three give different variances)")
        }
        if weightType != .sampling, let role = [("strata", strata), ("psu", psu), ("fpc", fpc)].first(where: { $0.1 != nil })?.0 {
            throw try node.required(role).error("\(role) needs sampling weights (expected weight_type: sampling; \(weightType.rawValue) weights have no design)")
        }
        if weights == nil, strata == nil, psu == nil, fpc == nil {
            throw node.error("an empty design (expected at least one of weights, strata, psu, fpc)")
        }
        return SurveyDesign(weights: weights, weightType: weightType, strata: strata, psu: psu, fpc: fpc, location: node.location)
    }
}
