import Yams

extension Codebook {
    /// The codebook as YAML in the format ``init(yaml:)`` reads (`Codebooks/README.md`): every
    /// variable with its own value labels and missing codes (no shared `label_sets`), in codebook
    /// order. Text in any script is written as it is; a value the YAML resolver would read as
    /// something other than text (`yes`, `1.0`, `~`) is quoted.
    public func yamlText() throws -> String {
        var root: [(Node, Node)] = []
        if !title.isEmpty { root.append((Node("title"), text(title))) }
        if let weight { root.append((Node("weight"), text(weight))) }
        root.append((Node("variables"), Node(variables.map(Self.node(of:)))))
        if !scales.isEmpty { root.append((Node("scales"), Node(scales.map(Self.node(of:))))) }
        if let synthetic { root.append((Node("synthetic"), text(synthetic))) }
        return try Yams.serialize(node: Node(root), width: -1, allowUnicode: true, sortKeys: false)
    }

    private static func node(of variable: Variable) -> Node {
        var pairs: [(Node, Node)] = [(Node("name"), text(variable.name))]
        if variable.label != variable.name { pairs.append((Node("label"), text(variable.label))) }
        switch variable.kind {
        case .likert(let scale):
            pairs.append((Node("type"), Node("likert")))
            pairs.append((Node("scale"), Node([Node(String(scale.range.lowerBound)), Node(String(scale.range.upperBound))], Tag(.seq), .flow)))
            if !scale.valueLabels.isEmpty {
                pairs.append((Node("labels"), Node(scale.valueLabels.sorted { $0.key < $1.key }.map { (Node(String($0.key)), text($0.value)) })))
            }
            if scale.reversed { pairs.append((Node("reverse"), Node("true"))) }
        case .categorical(let levels, let reference):
            pairs.append((Node("type"), Node("categorical")))
            pairs.append((Node("levels"), Node(levels.map { level in
                level.label == level.value ? text(level.value)
                    : Node([(Node("value"), text(level.value)), (Node("label"), text(level.label))])
            })))
            if reference != 0 { pairs.append((Node("reference"), text(levels[reference].value))) }
        case .numeric: pairs.append((Node("type"), Node("numeric")))
        case .id: pairs.append((Node("type"), Node("id")))
        case .text: pairs.append((Node("type"), Node("text")))
        case .date: pairs.append((Node("type"), Node("date")))
        case .duration: pairs.append((Node("type"), Node("duration")))
        case .flag: pairs.append((Node("type"), Node("flag")))
        }
        if !variable.missingCodes.isEmpty {
            pairs.append((Node("missing_codes"), Node(variable.missingCodes.map { (Node($0.written), text($0.label)) })))
        }
        if variable.isPII { pairs.append((Node("pii"), Node("true"))) }
        if let question = variable.question { pairs.append((Node("question"), text(question))) }
        if let importID = variable.importID { pairs.append((Node("import_id"), text(importID))) }
        return Node(pairs)
    }

    private static func node(of scale: ScaleDefinition) -> Node {
        var pairs: [(Node, Node)] = [(Node("name"), text(scale.name))]
        if scale.label != scale.name { pairs.append((Node("label"), text(scale.label))) }
        pairs.append((Node("items"), Node(scale.items.map(text), Tag(.seq), .flow)))
        if scale.scoring != .mean { pairs.append((Node("scoring"), Node(scale.scoring.rawValue))) }
        if scale.minimumItems != scale.items.count { pairs.append((Node("min_items"), Node(String(scale.minimumItems)))) }
        if scale.ordinal { pairs.append((Node("ordinal"), Node("true"))) }
        return Node(pairs)
    }
}

/// `string` as a YAML scalar that reads back as this text.
private func text(_ string: String) -> Node {
    .scalar(string.represented())
}
