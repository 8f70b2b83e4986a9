import Study

extension Table {
    /// The notes every design-based table carries: the design (which weight type, strata, PSUs,
    /// population sizes) and how its standard errors were computed.
    static func designNotes(_ design: some DesignRoles) -> [String] {
        var parts: [String] = []
        if let weights = design.weights { parts.append("\(design.weightType) weights \(weights)") } else { parts.append("equal weights") }
        if let strata = design.strata { parts.append("strata \(strata)") }
        if let psu = design.psu { parts.append("PSUs \(psu)") } else if design.weightType == "sampling" { parts.append("each row its own PSU") }
        if let fpc = design.fpc { parts.append("population sizes \(fpc)") }
        let method: String
        switch design.weightType {
        case "frequency": method = "Frequency weights: SEs as if each row were repeated w times (df = Σw − p)."
        case "analytic": method = "Analytic weights (rescaled to sum to n): SEs of weighted least squares with df = n − p."
        default: method = "Design-based SEs by Taylor linearisation (with-replacement PSUs\(design.fpc == nil ? "" : ", finite population correction")), t on the design df (PSUs − strata), as R survey."
        }
        return ["Design: \(parts.joined(separator: ", ")).", method]
    }
}
