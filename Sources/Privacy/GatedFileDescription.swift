import Study
import SurveyStats

/// `paradox describe --min-cell N`: the description of a data file with its frequency tables'
/// small counts hidden as a study run hides them (``PrivacyGate/suppress(_:minCell:)``); the
/// descriptives are unchanged. results JSON: the description's keys, counts hidden as their marks.
public struct GatedFileDescription: Encodable {
    public let description: FileDescription
    /// The hidden cells of each frequency table that has any, by variable.
    public let suppressed: [String: SuppressedCells]

    public init(_ description: FileDescription, minCell: Int) {
        var gated = description, suppressed: [String: SuppressedCells] = [:]
        for index in gated.frequencies.indices {
            if let hidden = PrivacyGate.suppress(&gated.frequencies[index], minCell: minCell) { suppressed[gated.frequencies[index].name] = hidden }
        }
        self.description = gated
        self.suppressed = suppressed
    }

    private enum CodingKeys: String, CodingKey { case variables, frequencies, warnings, weighted }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(description.variables, forKey: .variables)
        try c.encode(description.frequencies.map { SuppressedFrequencies(table: $0, suppressed: suppressed[$0.name]) }, forKey: .frequencies)
        try c.encode(description.warnings, forKey: .warnings)
        try c.encodeIfPresent(description.weighted, forKey: .weighted)
    }
}
