/// A whole report, free of output format: a title, an opening statement and sections of paragraphs
/// and tables, numbered in order. Renderers turn it into Markdown, LaTeX or HTML.
public struct Report: Sendable, Equatable {
    public var title: String
    /// Paragraphs under the title (e.g. the notice that the data are synthetic).
    public var preamble: [String]
    public var sections: [Section]

    public init(title: String, preamble: [String] = [], sections: [Section] = []) {
        self.title = title
        self.preamble = preamble
        self.sections = sections
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var paragraphs: [String]
        public var tables: [Table]
        /// Numbered figures (HTML report and `figures/`), shown before the tables.
        public var figures: [Figure]
        /// Whether the tables form a long appendix that the HTML report shows collapsed.
        public var collapsesTables: Bool

        public init(title: String, paragraphs: [String] = [], tables: [Table] = [], figures: [Figure] = [], collapsesTables: Bool = false) {
            self.title = title
            self.paragraphs = paragraphs
            self.tables = tables
            self.figures = figures
            self.collapsesTables = collapsesTables
        }
    }

    /// Every table in order, with its APA number (1-based).
    public var numberedTables: [(number: Int, table: Table)] {
        sections.flatMap(\.tables).enumerated().map { ($0 + 1, $1) }
    }

    /// Every figure in order, with its APA number (1-based).
    public var numberedFigures: [(number: Int, figure: Figure)] {
        sections.flatMap(\.figures).enumerated().map { ($0 + 1, $1) }
    }

    /// The APA number of each table id (the first table of an id that occurs twice).
    var tableNumbers: [String: Int] {
        Dictionary(numberedTables.map { ($0.table.id, $0.number) }, uniquingKeysWith: { first, _ in first })
    }
}
