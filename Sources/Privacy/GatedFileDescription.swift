import Study
import SurveyStats

import Foundation

/// `paradox describe --min-cell N`: the description of a data file as it may be shared, gated as a
/// study run is: the columns that hold personal data (``PersonalDataScan``) or whose name does
/// (``TextRedaction``) left out, with a warning naming them redacted; the warnings redacted; the
/// frequency tables' small counts hidden (``PrivacyGate/suppress(_:minCell:)``); the other
/// descriptives unchanged. results JSON: the description's keys, counts hidden as their marks.
public struct GatedFileDescription: Encodable {
    public let description: FileDescription
    /// The hidden cells of each frequency table that has any, by variable.
    public let suppressed: [String: SuppressedCells]

    /// - Parameters: file, delimiter: the data file described (scanned for personal data).
    public init(_ description: FileDescription, minCell: Int, file: URL, delimiter: UInt8?) {
        var gated = description, suppressed: [String: SuppressedCells] = [:]
        let findings = CellSample(contentsOf: file, delimiter: delimiter).map(PersonalDataScan.scan) ?? []
        func isPersonal(_ name: String) -> Bool {
            findings.contains { $0.column == name } || !TextRedaction.find(in: name).isEmpty
        }
        let dropped = (gated.variables.map(\.name) + gated.frequencies.map(\.name)).filter(isPersonal)
        gated.variables.removeAll { isPersonal($0.name) }
        gated.frequencies.removeAll { isPersonal($0.name) }
        gated.warnings = gated.warnings.map { TextRedaction.redact($0).text }
        if !dropped.isEmpty {
            gated.warnings.append("Columns left out as personal data (as a study run leaves them out): "
                + dropped.map { TextRedaction.redact($0).text }.joined(separator: ", ") + ".")
        }
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
