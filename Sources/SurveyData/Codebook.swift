/// The description of a survey instrument: its variables, their types, labels, missing-value codes
/// and reverse keying, and the scales (composite scores) built from them.
///
/// Written by the researcher as YAML (see `Codebooks/README.md` for the format) and read with
/// ``Codebook/load(from:)``.
public struct Codebook: Sendable, Equatable {
    public var title: String
    public var variables: [Variable] { didSet { indexOfName = NameIndex(variables.map(\.name)) } }
    public var scales: [ScaleDefinition]
    /// Where each variable is, so that a lookup by name is O(1) (a wide file looks up every column).
    private var indexOfName: NameIndex
    /// The frequency-weight variable (SPSS's WEIGHT BY): each row stands for that many respondents.
    /// Recorded from imported files; the analyses do not apply it yet.
    public var weight: String?
    /// The sampling design and weights (`design:`), when given. Read and checked; the study plan's
    /// analyses do not apply it yet.
    public var design: SurveyDesign?
    /// The data this codebook describes are synthetic (`synthetic:`, written by `paradox simulate
    /// --like`): how they were made. A study run on this codebook says SYNTHETIC in its report.
    public var synthetic: String?

    public init(title: String, variables: [Variable], scales: [ScaleDefinition] = [], weight: String? = nil) {
        self.title = title
        self.variables = variables
        self.scales = scales
        indexOfName = NameIndex(variables.map(\.name))
        self.weight = weight
    }

    public func variable(named name: String) -> Variable? {
        indexOfName[name].map { variables[$0] }
    }

    /// The respondent identifier, if the codebook declares one.
    public var idVariable: Variable? {
        variables.first { if case .id = $0.kind { return true } else { return false } }
    }
}

/// One column of the data file as the codebook describes it.
public struct Variable: Sendable, Equatable {
    public var name: String
    public var label: String
    public var kind: Kind
    /// User-missing codes with their labels (e.g. 98 "Don't know"); cells holding them become missing.
    public var missingCodes: [MissingCode]
    /// The column identifies a person (an e-mail address, an IP address, GPS coordinates, a name):
    /// the one mark the privacy gate reads.
    ///
    /// An attribute beside the type, not a type of its own, because identifying is not a way of
    /// storing values: a recipient e-mail is `text`, a latitude `numeric`, a date of birth `date`, an
    /// external reference an `id`, and each stays typed so that a study which explicitly keeps the
    /// column (or the importer that recognises it) still knows what its cells are. The data path reads
    /// a pii column as text whatever its type (``asRead``), so no analysis can use it by accident.
    public var isPII: Bool
    /// The question this column belongs to, when several columns answer one question (the items
    /// `Q3_1`…`Q3_5` of a matrix, the options of a "select all that apply"); `nil` for a question of its own.
    public var question: String?
    /// The survey platform's stable identifier of the column (Qualtrics' `QID3_1`), which survives
    /// renaming the export tag, so a later wave's item can be matched to this one.
    public var importID: String?

    public init(name: String, label: String, kind: Kind, missingCodes: [MissingCode] = [], isPII: Bool = false,
                question: String? = nil, importID: String? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.missingCodes = missingCodes
        self.isPII = isPII
        self.question = question
        self.importID = importID
    }

    public enum Kind: Sendable, Equatable {
        case likert(LikertScale)
        /// Ordered levels; `reference` indexes the reference level for regression dummies.
        case categorical(levels: [Level], reference: Int)
        case numeric
        case id
        case text
        /// A date or date-time, kept as written (e.g. Qualtrics' `2024-03-01 09:15:02`); not analysed.
        case date
        /// A length of time in seconds (e.g. Qualtrics' `Duration (in seconds)`); read as a number.
        case duration
        /// A yes/no marker such as Qualtrics' `Finished` (1/0, True/False); kept as written, not analysed.
        case flag
    }

    /// The variable as the data path reads it: a pii column (other than an `id`) as `text`, without
    /// missing codes, whatever its declared type.
    var asRead: Variable {
        guard isPII, kind != .id, kind != .text else { return self }
        return Variable(name: name, label: label, kind: .text, isPII: true, question: question, importID: importID)
    }

    public var likertScale: LikertScale? {
        if case .likert(let scale) = kind { return scale } else { return nil }
    }

    /// The user-missing code written as `text`, if any (compared numerically: "98" and "98.0" agree).
    public func missingCode(matching text: Substring) -> MissingCode? {
        if missingCodes.isEmpty { return nil }
        if let value = Double(text) { return missingCodes.first { $0.value == value } }
        if let letter = MissingCode.letter(of: text) { return missingCodes.first { $0.letter == letter } }
        return nil
    }
}

/// A Likert response scale: an integer range, its value labels and the item's keying.
public struct LikertScale: Sendable, Equatable {
    public var range: ClosedRange<Int>
    /// Labels of the scale points, lowest first (may be empty or partial).
    public var valueLabels: [Int: String]
    /// A reverse-keyed item is scored as `min + max − x` in scales and reliability.
    public var reversed: Bool

    public init(range: ClosedRange<Int>, valueLabels: [Int: String] = [:], reversed: Bool = false) {
        self.range = range
        self.valueLabels = valueLabels
        self.reversed = reversed
    }

    /// `x` as it enters a score: reversed (`min + max − x`) for a reverse-keyed item.
    public func keyed(_ x: Double) -> Double {
        reversed ? Double(range.lowerBound + range.upperBound) - x : x
    }
}

/// A level of a categorical variable: the value as it appears in the data and its display label.
public struct Level: Sendable, Equatable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// A user-missing code such as 98 "Don't know": its label is the reason the answer is missing, so
/// cells holding 98 ("Don't know") are counted apart from cells holding 99 ("Refused") and from blank
/// (system-missing) cells.
///
/// Stata's extended missing values `.a`…`.z` are codes too, written `.a` in data files and
/// codebooks; their ``value`` is NaN, which equals no number in a cell.
public struct MissingCode: Sendable, Equatable {
    public var value: Double
    public var label: String
    /// The letter of a Stata extended missing value (`a` for `.a`); `nil` for a numeric code.
    public var letter: Character?

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }

    public init(letter: Character, label: String) {
        self.value = .nan
        self.label = label
        self.letter = letter
    }

    /// The code as written in data files and codebooks: `98`, `-9.5`, `.a`.
    public var written: String {
        letter.map { ".\($0)" } ?? Self.format(value)
    }

    /// The extended missing value written as `text` (`.a`…`.z`), if it is one.
    public static func letter(of text: Substring) -> Character? {
        guard text.count == 2, text.first == ".", let letter = text.last, ("a"..."z").contains(letter) else { return nil }
        return letter
    }

    public static func == (lhs: MissingCode, rhs: MissingCode) -> Bool {
        lhs.written == rhs.written && lhs.label == rhs.label
    }
}

/// A composite score built from items.
public struct ScaleDefinition: Sendable, Equatable {
    public var name: String
    public var label: String
    public var items: [String]
    public var scoring: Scoring
    /// The least number of answered items for a score; with fewer the score is missing.
    public var minimumItems: Int
    /// Whether the scale's reliability is also reported as ordinal α and ω from polychoric
    /// correlations (`ordinal: true`), as the study plan's `reliability: {ordinal: true}` does for every scale.
    public var ordinal: Bool

    public init(name: String, label: String, items: [String], scoring: Scoring = .mean, minimumItems: Int? = nil, ordinal: Bool = false) {
        self.name = name
        self.label = label
        self.items = items
        self.scoring = scoring
        self.minimumItems = minimumItems ?? items.count
        self.ordinal = ordinal
    }

    public enum Scoring: String, Sendable, Equatable {
        /// Mean of the answered items.
        case mean
        /// Sum of the items; with missing items allowed, prorated: mean of answered × number of items.
        case sum
    }
}
