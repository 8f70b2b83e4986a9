/// A report table free of any output format: a caption, typed columns, rows of cells and notes.
///
/// Builders turn a result value (``SurveyStats`` or ``Thematic``) into a `Table`; renderers
/// (Markdown, CSV, LaTeX, HTML) turn a `Table` into text. A renderer never computes a statistic.
public struct Table: Sendable, Equatable {
    /// File-name stem for the table's CSV (e.g. `descriptives`, `regression_trust`).
    public var id: String
    /// APA caption, e.g. "Descriptive Statistics of the Scale Scores".
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]] { didSet { displayedRows = Self.displayed(rows) } }
    /// The cells as every text format shows them (``APA/display(_:)``), formatted once for all of them.
    public private(set) var displayedRows: [[String]]
    /// Notes printed under the table ("Note. …").
    public var notes: [String]

    public init(id: String, title: String, columns: [Column], rows: [[Cell]] = [], notes: [String] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.displayedRows = Self.displayed(rows)
        self.notes = notes
    }

    private static func displayed(_ rows: [[Cell]]) -> [[String]] { rows.map { $0.map(APA.display) } }

    public struct Column: Sendable, Equatable {
        /// Header as displayed (may contain APA symbols such as "M", "SD", "α").
        public var header: String
        /// Machine name used as the CSV header (snake_case, broom vocabulary where one exists).
        public var key: String
        public var alignment: Alignment

        public init(_ header: String, key: String, alignment: Alignment = .right) {
            self.header = header
            self.key = key
            self.alignment = alignment
        }
    }

    public enum Alignment: Sendable, Equatable { case left, center, right }
}

/// One cell: its display follows APA rules (see ``APA``), its CSV value keeps full precision.
public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A real number shown with `decimals` places; `leadingZero: false` for values bounded by 1
    /// (r, α, β, p, η²) as APA asks. `nil` is an undefined value, shown as "—", never as NaN.
    case number(Double?, decimals: Int, leadingZero: Bool = true)
    /// A p-value: ".023", "< .001".
    case p(Double?)
    /// A percentage shown with one decimal.
    case percent(Double?)
    case empty
}
