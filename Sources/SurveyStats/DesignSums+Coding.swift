/// A ``DesignSums`` in a summary file: its cells, strata of row PSUs and population sizes as lists
/// in key order (so equal summaries encode alike), not as maps keyed by number.
extension DesignSums: Codable {
    private enum CodingKeys: String, CodingKey {
        case weightType = "weight_type", variableCount = "variables", rowsArePSUs = "rows_are_psus",
             keepsFourthMoments = "fourth_moments", cells, rowStrata = "row_strata", populationSizes = "population_sizes", origin
    }

    private struct CellEntry: Codable {
        var stratum: Double
        var psu: Double
        var moments: WeightedMoments
    }

    private struct StratumEntry: Codable {
        var stratum: Double
        var sums: RowPSUSums
    }

    private struct SizeEntry: Codable {
        var stratum: Double
        var size: Double
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(variableCount: try c.decode(Int.self, forKey: .variableCount),
                  weightType: try c.decode(WeightType.self, forKey: .weightType),
                  rowsArePSUs: try c.decode(Bool.self, forKey: .rowsArePSUs),
                  keepsFourthMoments: try c.decode(Bool.self, forKey: .keepsFourthMoments))
        for entry in try c.decode([CellEntry].self, forKey: .cells) {
            guard cells.updateValue(entry.moments, forKey: Cell(stratum: entry.stratum, psu: entry.psu)) == nil else {
                throw DecodingError.dataCorruptedError(forKey: .cells, in: c, debugDescription: "a PSU listed twice")
            }
        }
        for entry in try c.decode([StratumEntry].self, forKey: .rowStrata) {
            guard rowStrata.updateValue(entry.sums, forKey: entry.stratum) == nil else {
                throw DecodingError.dataCorruptedError(forKey: .rowStrata, in: c, debugDescription: "a stratum listed twice")
            }
        }
        origin = try c.decode([Double].self, forKey: .origin)
        for entry in try c.decode([SizeEntry].self, forKey: .populationSizes) {
            guard populationSizes.updateValue(entry.size, forKey: entry.stratum) == nil else {
                throw DecodingError.dataCorruptedError(forKey: .populationSizes, in: c, debugDescription: "a stratum listed twice")
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(weightType, forKey: .weightType)
        try c.encode(variableCount, forKey: .variableCount)
        try c.encode(rowsArePSUs, forKey: .rowsArePSUs)
        try c.encode(keepsFourthMoments, forKey: .keepsFourthMoments)
        try c.encode(sortedCells.map { CellEntry(stratum: $0.cell.stratum, psu: $0.cell.psu, moments: $0.moments) }, forKey: .cells)
        try c.encode(rowStrata.sorted { $0.key < $1.key }.map { StratumEntry(stratum: $0.key, sums: $0.value) }, forKey: .rowStrata)
        try c.encode(populationSizes.sorted { $0.key < $1.key }.map { SizeEntry(stratum: $0.key, size: $0.value) }, forKey: .populationSizes)
        try c.encode(origin, forKey: .origin)
    }
}
