import SurveyData

/// The answers of a simulated wave, column by column, in the instrument's file order.
public struct WaveResponses: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public let name: String
        /// Level values of a categorical question; `nil` for a Likert item.
        public let levels: [String]?
        public var cells: [ResponseCell]
    }

    public let respondentCount: Int
    public private(set) var columns: [Column]
    private let positions: [String: Int]

    public init(respondentCount: Int, columns: [Column]) {
        self.respondentCount = respondentCount
        self.columns = columns
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
    }

    public func column(named name: String) -> Column? {
        positions[name].map { columns[$0] }
    }

    public subscript(name: String, respondent: Int) -> ResponseCell {
        get { columns[positions[name]!].cells[respondent] }
        set { columns[positions[name]!].cells[respondent] = newValue }
    }

    /// Appends a cell to the named column (while a wave is being drawn).
    mutating func appendCell(_ cell: ResponseCell, to name: String) {
        columns[positions[name]!].cells.append(cell)
    }

    /// The named Likert item as SurveyData stores it (missing cells as ``LikertValues/missing``),
    /// keyed as the instrument says.
    public func likertValues(_ item: String, reversed: Bool) -> LikertValues {
        let scale = LikertScale(range: PrivacyParadoxInstrument.likertRange, reversed: reversed)
        let codes = column(named: item)!.cells.map { $0.answer.map(Int8.init) ?? LikertValues.missing }
        return LikertValues(codes: codes, scale: scale)
    }

    /// The items of `constructs` as an in-memory ``Dataset``, so that scores come from SurveyData's
    /// own scoring rule (``Dataset/scores(of:)``).
    public func dataset(of constructs: [PrivacyParadoxInstrument.Construct]) -> Dataset {
        var dataColumns: [DataColumn] = []
        for construct in constructs {
            for item in construct.items {
                let values = likertValues(item, reversed: construct.reversedItems.contains(item))
                dataColumns.append(DataColumn(name: item, label: item, position: dataColumns.count + 1,
                                              values: .likert(values), missing: MissingSummary()))
            }
        }
        return Dataset(file: "simulated wave", rowCount: respondentCount, columns: dataColumns)
    }
}
