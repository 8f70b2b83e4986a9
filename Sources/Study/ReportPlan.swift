import MessageText
import SurveyData

/// A part of the study report that the study file can order or omit (`report: {sections: [...]}`;
/// format: `Codebooks/README.md`, "Study files"). Each wave-level part repeats per wave.
public enum ReportSection: String, Sendable, CaseIterable {
    case replication, keyFindings = "key_findings", privacy
    case dataQuality = "data_quality", descriptives, frequencies, reliability, correlations, regressions, anovas, design
    case factorAnalyses = "factor_analyses"
    case interviews, openEnded = "open_ended"

    /// Whether the part is written once per wave (a multi-wave study repeats it with the wave's file name).
    public var isPerWave: Bool {
        switch self {
        case .dataQuality, .descriptives, .frequencies, .reliability, .correlations, .regressions, .anovas, .design, .factorAnalyses: true
        case .replication, .keyFindings, .privacy, .interviews, .openEnded: false
        }
    }
}

/// The study file's `report:` block: which parts of the report to write, in which order. Only
/// the written reports change; results.json keeps every result.
public struct ReportPlan: Sendable {
    /// The parts in the order they are written (by default all, in ``ReportSection/allCases`` order).
    public var sections: [ReportSection]

    public init(sections: [ReportSection] = ReportSection.allCases) {
        self.sections = sections
    }

    /// Reads `{sections: [replication, key_findings, privacy, ...]}`. An unknown or repeated part is
    /// an error at its line; so is a list without `privacy`, the section that says what was withheld
    /// from the outputs and why.
    init(yaml node: YAMLValue) throws {
        try node.checkKeys(["sections"])
        let listNode = try node.required("sections")
        var sections: [ReportSection] = []
        for entry in try listNode.sequence() {
            let name = try entry.string()
            guard let section = ReportSection(rawValue: name) else {
                throw entry.error("unknown report section '\(Excerpt.excerpt(name))' (expected one of: "
                                  + ReportSection.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard !sections.contains(section) else { throw entry.error("report section '\(name)' is listed twice") }
            sections.append(section)
        }
        guard sections.contains(.privacy) else {
            throw listNode.error("the report sections must include 'privacy' (it states what was withheld from the outputs and why)")
        }
        self.init(sections: sections)
    }
}
