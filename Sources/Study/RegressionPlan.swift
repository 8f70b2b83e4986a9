import SurveyData

/// An OLS regression model, possibly entered in hierarchical blocks.
public struct RegressionPlan: Sendable, Equatable, Encodable {
    public var name: String
    public var title: String
    public var dependent: String
    /// Blocks of predictors entered in turn; a single block for an ordinary regression.
    public var blocks: [Block]
    public var intercept: Bool
    public var robust: Bool
    /// Where the study file defines the model.
    public var location: ConfigFileLocation?

    private enum CodingKeys: String, CodingKey { case name, title, dependent, blocks, intercept, robust }

    public struct Block: Sendable, Equatable, Encodable {
        public var name: String
        public var terms: [String]

        public init(name: String, terms: [String]) {
            self.name = name
            self.terms = terms
        }
    }

    public init(name: String, title: String, dependent: String, blocks: [Block], intercept: Bool = true, robust: Bool = false,
                location: ConfigFileLocation? = nil) {
        self.location = location
        self.name = name
        self.title = title
        self.dependent = dependent
        self.blocks = blocks
        self.intercept = intercept
        self.robust = robust
    }

    public var terms: [String] { blocks.flatMap(\.terms) }
}

extension RegressionPlan {
    init(yaml entry: YAMLValue) throws {
        try entry.checkKeys(["name", "title", "dependent", "predictors", "blocks", "intercept", "robust"])
        let dependent = try entry.required("dependent").string()
        var blocks: [Block] = []
        if let blocksNode = try entry.optional("blocks") {
            for (index, block) in try blocksNode.sequence().enumerated() {
                try block.checkKeys(["name", "terms"])
                blocks.append(Block(name: try block.optional("name")?.string() ?? "Block \(index + 1)",
                                    terms: try block.required("terms").strings()))
            }
        } else {
            blocks = [Block(name: "Model", terms: try entry.required("predictors").strings())]
        }
        guard !blocks.isEmpty, blocks.allSatisfy({ !$0.terms.isEmpty }) else { throw entry.error("expected at least one predictor in every block") }
        var robust = false
        if let robustNode = try entry.optional("robust") {
            guard try robustNode.string() == "hc3" else { throw robustNode.error("expected robust: hc3") }
            robust = true
        }
        let name = try entry.optional("name")?.string() ?? dependent
        self.init(name: name, title: try entry.optional("title")?.string() ?? "Regression of \(dependent)",
                  dependent: dependent, blocks: blocks, intercept: try entry.optional("intercept")?.bool() ?? true, robust: robust,
                  location: entry.location)
    }
}
