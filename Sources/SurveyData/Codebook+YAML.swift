import Foundation
import MessageText

extension Codebook {
    /// Reads a codebook YAML file; every mistake is a ``ConfigFileError`` naming the file and line.
    public static func load(from url: URL) throws -> Codebook {
        try Codebook(yaml: YAMLValue(contentsOf: url))
    }

    /// Builds a codebook from a parsed YAML document (format: `Codebooks/README.md`).
    public init(yaml root: YAMLValue) throws {
        try root.checkKeys(["title", "missing_codes", "label_sets", "variables", "scales", "weight", "design", "synthetic"])
        let defaultMissing = try root.optional("missing_codes").map(Self.missingCodes) ?? []
        var labelSets: [String: [Int: String]] = [:]
        for (key, value) in try root.optional("label_sets")?.pairs() ?? [] {
            labelSets[try key.string()] = try Self.valueLabels(value)
        }

        // Mistakes of meaning are collected and reported together (``ConfigFileProblems``); a value
        // of the wrong shape stops the reading at once.
        var problems: [ConfigFileError] = []
        var variables: [Variable] = []
        var names = Set<String>()
        for entry in try root.required("variables").sequence() {
            let variable = try Self.variable(entry, defaultMissing: defaultMissing, labelSets: labelSets, problems: &problems)
            guard names.insert(variable.name).inserted else {
                problems.append(entry.error("variable '\(Excerpt.excerpt(variable.name))' is declared twice (expected unique names)"))
                continue
            }
            variables.append(variable)
        }
        if variables.filter({ $0.kind == .id }).count > 1 {
            problems.append(root.error("more than one variable has type id (expected at most one respondent identifier)"))
        }

        let codebook = Codebook(title: "", variables: variables)
        var scales: [ScaleDefinition] = []
        for entry in try root.optional("scales")?.sequence() ?? [] {
            guard let scale = try Self.scale(entry, codebook: codebook, problems: &problems) else { continue }
            guard names.insert(scale.name).inserted else {
                problems.append(entry.error("scale name '\(Excerpt.excerpt(scale.name))' is already used by a variable or scale (expected a unique name)"))
                continue
            }
            scales.append(scale)
        }
        try ConfigFileProblems.throwIfAny(problems)
        var weight: String?
        if let weightNode = try root.optional("weight") {
            let name = try weightNode.string()
            guard let variable = variables.first(where: { $0.name == name }), variable.kind == .numeric else {
                throw weightNode.error("weight '\(Excerpt.excerpt(name))' is not a numeric variable of the codebook (expected the frequency-weight variable)")
            }
            weight = name
        }
        let design = try root.optional("design").map { try Self.design($0, variables: variables, frequencyWeight: weight) }
        self.init(title: try root.optional("title")?.string() ?? "", variables: variables, scales: scales, weight: weight)
        self.design = design
        synthetic = try root.optional("synthetic")?.string()
    }

    private static func variable(_ entry: YAMLValue, defaultMissing: [MissingCode], labelSets: [String: [Int: String]],
                                 problems: inout [ConfigFileError]) throws -> Variable {
        try entry.checkKeys(["name", "label", "type", "scale", "labels", "reverse", "missing_codes", "levels", "reference", "pii", "question", "import_id"])
        let name = try entry.required("name").string()
        let label = try entry.optional("label")?.string() ?? name
        let typeNode = try entry.required("type")
        let missing = try entry.optional("missing_codes").map(missingCodes)
        let kind: Variable.Kind
        switch try typeNode.string() {
        case "likert":
            let scaleNode = try entry.required("scale")
            let bounds = try scaleNode.sequence().map { try $0.int() }
            guard bounds.count == 2, bounds[0] < bounds[1], bounds[0] >= -100, bounds[1] <= 100 else {
                throw scaleNode.error("expected [lowest, highest] scale points, e.g. [1, 5], with lowest < highest within −100…100")
            }
            var labels: [Int: String] = [:]
            if let labelsNode = try entry.optional("labels") {
                if labelsNode.node.scalar != nil {
                    let setName = try labelsNode.string()
                    guard let set = labelSets[setName] else {
                        throw labelsNode.error("unknown label set '\(Excerpt.excerpt(setName))' (expected one of: \(Excerpt.excerptList(labelSets.keys.sorted())))")
                    }
                    labels = set
                } else {
                    labels = try valueLabels(labelsNode)
                }
            }
            let reversed = try entry.optional("reverse")?.bool() ?? false
            kind = .likert(LikertScale(range: bounds[0]...bounds[1], valueLabels: labels, reversed: reversed))
        case "categorical":
            let levelsNode = try entry.required("levels")
            let levels = try levelsNode.sequence().map(level)
            guard !levels.isEmpty else { throw levelsNode.error("expected at least one level") }
            var reference = 0
            if let referenceNode = try entry.optional("reference") {
                let value = try referenceNode.string()
                guard let index = levels.firstIndex(where: { $0.value == value || $0.label == value }) else {
                    throw referenceNode.error("reference level '\(Excerpt.excerpt(value))' is not among the levels (\(Excerpt.excerptList(levels.map(\.value))))")
                }
                reference = index
            }
            kind = .categorical(levels: levels, reference: reference)
        case "numeric": kind = .numeric
        case "id": kind = .id
        case "text": kind = .text
        case "date": kind = .date
        case "duration": kind = .duration
        case "flag": kind = .flag
        case let other:
            throw typeNode.error("unknown type '\(Excerpt.excerpt(other))' (expected likert, categorical, numeric, id, text, date, duration or flag)")
        }
        let usesMissingCodes: Bool
        switch kind {
        case .likert, .numeric, .categorical, .duration: usesMissingCodes = true
        case .id, .text, .date, .flag: usesMissingCodes = false
        }
        let codes = usesMissingCodes ? (missing ?? defaultMissing) : []
        if case .likert(let scale) = kind {
            // A code that is also a scale point would make that answer missing.
            for code in codes where Double(scale.range.lowerBound) <= code.value && code.value <= Double(scale.range.upperBound) {
                let origin = missing == nil ? " (from the file's missing_codes)" : ""
                problems.append((try entry.optional("missing_codes") ?? entry).error(
                    "missing code \(MissingCode.format(code.value))\(origin) lies within the scale \(scale.range.lowerBound)…\(scale.range.upperBound) "
                        + "(expected codes outside the scale points, e.g. 98, 99 or -9)"))
            }
        }
        return Variable(name: name, label: label, kind: kind, missingCodes: codes,
                        isPII: try entry.optional("pii")?.bool() ?? false, question: try entry.optional("question")?.string(),
                        importID: try entry.optional("import_id")?.string())
    }

    private static func level(_ entry: YAMLValue) throws -> Level {
        if entry.node.scalar != nil {
            let value = try entry.string()
            return Level(value: value, label: value)
        }
        try entry.checkKeys(["value", "label"])
        let value = try entry.required("value").string()
        return Level(value: value, label: try entry.optional("label")?.string() ?? value)
    }

    private static func missingCodes(_ node: YAMLValue) throws -> [MissingCode] {
        try node.pairs().map { key, value in
            if let letter = MissingCode.letter(of: try key.string()[...]) { return MissingCode(letter: letter, label: try value.string()) }
            return MissingCode(value: try key.double(), label: try value.string())
        }
    }

    private static func valueLabels(_ node: YAMLValue) throws -> [Int: String] {
        var labels: [Int: String] = [:]
        for (key, value) in try node.pairs() { labels[try key.int()] = try value.string() }
        return labels
    }

    /// The scale of `entry`, or `nil` after adding its problems (unknown, repeated or non-numeric items).
    private static func scale(_ entry: YAMLValue, codebook: Codebook, problems: inout [ConfigFileError]) throws -> ScaleDefinition? {
        try entry.checkKeys(["name", "label", "items", "scoring", "min_items", "ordinal"])
        let name = try entry.required("name").string()
        let itemsNode = try entry.required("items")
        let items = try itemsNode.strings()
        let itemNodes = itemsNode.node.scalar != nil ? [itemsNode] : try itemsNode.sequence()
        let problemCount = problems.count
        if items.count < 2 { problems.append(itemsNode.error("a scale needs at least two items")) }
        var seen = Set<String>()
        for (item, node) in zip(items, itemNodes) {
            guard seen.insert(item).inserted else {
                problems.append(node.error("item '\(Excerpt.excerpt(item))' is listed twice in scale '\(Excerpt.excerpt(name))' (expected each item once)"))
                continue
            }
            switch codebook.variable(named: item)?.kind {
            case nil: problems.append(node.error("item '\(Excerpt.excerpt(item))' is not a variable of the codebook"))
            case .likert? where codebook.variable(named: item)?.isPII == true, .numeric? where codebook.variable(named: item)?.isPII == true:
                problems.append(node.error("item '\(Excerpt.excerpt(item))' is personal data (pii: true), which is read as text and never scored "
                                           + "(expected the item without pii: true, or the scale without the item)"))
            case .likert?, .numeric?: break
            default: problems.append(node.error("item '\(Excerpt.excerpt(item))' is not a likert or numeric variable"))
            }
        }
        guard problems.count == problemCount else { return nil }
        var scoring = ScaleDefinition.Scoring.mean
        if let scoringNode = try entry.optional("scoring") {
            guard let value = ScaleDefinition.Scoring(rawValue: try scoringNode.string()) else {
                throw scoringNode.error("expected scoring 'mean' or 'sum'")
            }
            scoring = value
        }
        var minimum: Int?
        if let minimumNode = try entry.optional("min_items") {
            let value = try minimumNode.int()
            guard (1...items.count).contains(value) else { throw minimumNode.error("expected min_items between 1 and \(items.count)") }
            minimum = value
        }
        return ScaleDefinition(name: name, label: try entry.optional("label")?.string() ?? name,
                               items: items, scoring: scoring, minimumItems: minimum, ordinal: try entry.optional("ordinal")?.bool() ?? false)
    }
}
