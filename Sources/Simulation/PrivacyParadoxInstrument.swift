import SurveyData

/// The columns of the bundled survey instrument as the generator writes them, in file order.
///
/// It mirrors `Codebooks/privacy-paradox.codebook.yml` (item wording and labels live there);
/// `SimulationTests` checks that the two agree on columns, levels, keying and scales.
public enum PrivacyParadoxInstrument {
    /// A categorical question: its level values as written in the data, and the share of each
    /// level in the stratified sample.
    public struct CategoricalQuestion: Sendable {
        public let name: String
        public let levels: [String]
        public let proportions: [Double]
    }

    /// A multi-item construct and the scale that scores it.
    public struct Construct: Sendable {
        public let scale: String
        public let items: [String]
        /// Items scored as 6 − x (5-point scale).
        public let reversedItems: Set<String>
        /// Least number of answered items for a score (the codebook's `min_items`).
        public let minimumItems: Int

        /// The scale as SurveyData scores it: mean of the answered keyed items.
        public var scaleDefinition: ScaleDefinition {
            ScaleDefinition(name: scale, label: scale, items: items, scoring: .mean, minimumItems: minimumItems)
        }
    }

    public static let idColumn = "respondent_id"
    public static let likertRange = 1...5
    /// User-missing codes: 98 "Don't know", 99 "Prefer not to say".
    public static let dontKnow = 98
    public static let preferNotToSay = 99

    /// Age strata (quota proportions of the stratified sample).
    public static let ageGroup = CategoricalQuestion(
        name: "age_group", levels: ["18-24", "25-34", "35-44", "45+"], proportions: [0.20, 0.27, 0.25, 0.28])
    public static let gender = CategoricalQuestion(
        name: "gender", levels: ["woman", "man", "another"], proportions: [0.50, 0.48, 0.02])
    public static let income = CategoricalQuestion(
        name: "income", levels: ["under_30k", "30k_59k", "60k_99k", "100k_plus"], proportions: [0.24, 0.31, 0.27, 0.18])
    public static let education = CategoricalQuestion(
        name: "education", levels: ["secondary", "some_college", "bachelor", "postgraduate"], proportions: [0.28, 0.30, 0.27, 0.15])
    public static let region = CategoricalQuestion(
        name: "region", levels: ["northeast", "midwest", "south", "west"], proportions: [0.18, 0.21, 0.37, 0.24])
    /// Prior data-breach experience; the proportion of "yes" is the model's, not a quota.
    public static let breach = CategoricalQuestion(name: "breach", levels: ["no", "yes"], proportions: [0.65, 0.35])

    public static let demographics = [ageGroup, gender, income, education, region]

    public static let privacyConcern = Construct(scale: "privacy_concern", items: ["PC1", "PC2", "PC3", "PC4"], reversedItems: [], minimumItems: 3)
    /// Perceived opacity of data-usage policies (higher = less clear).
    public static let transparency = Construct(scale: "transparency", items: ["TR1", "TR2", "TR3"], reversedItems: [], minimumItems: 2)
    public static let intrusiveness = Construct(scale: "intrusiveness", items: ["IN1", "IN2", "IN3"], reversedItems: [], minimumItems: 2)
    public static let attitude = Construct(scale: "attitude", items: ["AT1", "AT2", "AT3"], reversedItems: [], minimumItems: 2)
    public static let benefits = Construct(scale: "benefits", items: ["PB1", "PB2", "PB3"], reversedItems: [], minimumItems: 2)
    public static let risks = Construct(scale: "risks", items: ["PR1", "PR2", "PR3"], reversedItems: [], minimumItems: 2)
    public static let trust = Construct(scale: "trust", items: ["TRU1", "TRU2", "TRU3", "TRU4"], reversedItems: ["TRU4"], minimumItems: 3)
    /// "I am comfortable with how much personal data companies collect about me."
    public static let comfortItem = "COMF"

    public static let constructs = [privacyConcern, transparency, intrusiveness, attitude, benefits, risks, trust]

    /// Every column name in file order.
    public static var columnNames: [String] {
        [idColumn] + demographics.map(\.name) + [breach.name] + constructs.flatMap(\.items) + [comfortItem]
    }
}
