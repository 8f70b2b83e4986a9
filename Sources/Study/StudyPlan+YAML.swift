import Foundation
import SurveyData
import MessageText

extension StudyPlan {
    /// Reads a study file (format: `Codebooks/README.md`, section "Study files"); every mistake is a
    /// ``ConfigFileError`` naming the file and line.
    public static func load(from url: URL) throws -> StudyPlan {
        try StudyPlan(yaml: YAMLValue(contentsOf: url), base: url.deletingLastPathComponent())
    }

    public init(yaml root: YAMLValue, base: URL) throws {
        try root.checkKeys(["title", "run_date", "notices", "codebook", "data", "delimiter", "analyses", "interviews", "replication"])
        let data = try Self.expand(root.required("data"), base: base)
        var delimiter: UInt8?
        if let node = try root.optional("delimiter") {
            switch try node.string() {
            case ",", "comma": delimiter = UInt8(ascii: ",")
            case ";", "semicolon": delimiter = UInt8(ascii: ";")
            case "\t", "tab": delimiter = UInt8(ascii: "\t")
            case "auto": delimiter = nil
            case let other: throw node.error("unknown delimiter '\(Excerpt.excerpt(other))' (expected comma, semicolon, tab or auto)")
            }
        }
        self.init(
            title: try root.required("title").string(),
            runDate: try root.optional("run_date")?.string(),
            notices: try root.optional("notices")?.strings() ?? [],
            codebook: FileReference(written: try root.required("codebook").string(), relativeTo: base),
            data: data,
            delimiter: delimiter,
            analyses: try root.optional("analyses").map(AnalysisPlan.init(yaml:)) ?? AnalysisPlan(),
            interviews: try root.optional("interviews").map { try InterviewPlan(yaml: $0, base: base) },
            replication: try root.optional("replication")?.sequence().map(ReplicationTarget.init(yaml:)) ?? [])
    }

    /// The files a path, a glob or a list of them names. `*` and `?` are expanded in the last path
    /// component (e.g. `../Data/wave*.csv`), matches sorted by name; a glob that matches nothing is
    /// an error at its line.
    static func expand(_ node: YAMLValue, base: URL) throws -> [FileReference] {
        var references: [FileReference] = []
        for entry in node.node.sequence != nil ? try node.sequence() : [node] {
            let pattern = try entry.string()
            guard pattern.contains("*") || pattern.contains("?") else {
                references.append(FileReference(written: pattern, relativeTo: base))
                continue
            }
            let folder = (pattern as NSString).deletingLastPathComponent
            let namePattern = (pattern as NSString).lastPathComponent
            let folderURL = FileReference(written: folder.isEmpty ? "." : folder, relativeTo: base).url
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? []
            let matches = names.filter { fnmatch(namePattern, $0, 0) == 0 }.sorted()
            guard !matches.isEmpty else {
                throw entry.error("no file matches '\(Excerpt.excerpt(pattern))' (expected at least one file in \(folderURL.path))")
            }
            references += matches.map { FileReference(written: folder.isEmpty ? $0 : "\(folder)/\($0)", relativeTo: base) }
        }
        return references
    }
}

extension AnalysisPlan {
    init(yaml node: YAMLValue) throws {
        try node.checkKeys(["descriptives", "frequencies", "reliability", "correlations", "regressions", "anovas"])
        func list(_ key: String) throws -> [String]? {
            guard let value = try node.optional(key) else { return nil }
            if value.node.scalar != nil, try value.string() == "all" { return nil }
            return try value.strings()
        }
        var correlations: [String]?
        var pairwise = false
        if let value = try node.optional("correlations") {
            if value.node.mapping != nil {
                try value.checkKeys(["variables", "missing"])
                correlations = try value.optional("variables")?.strings()
                if let missing = try value.optional("missing") {
                    switch try missing.string() {
                    case "listwise": pairwise = false
                    case "pairwise": pairwise = true
                    case let other: throw missing.error("unknown missing-data rule '\(Excerpt.excerpt(other))' (expected listwise or pairwise)")
                    }
                }
            } else {
                correlations = try list("correlations")
            }
        }
        var anovas: [AnovaPlan] = []
        for entry in try node.optional("anovas")?.sequence() ?? [] {
            try entry.checkKeys(["name", "dependent", "factor", "factors"])
            let dependent = try entry.required("dependent").string()
            let factors = try entry.optional("factor")?.strings() ?? entry.required("factors").strings()
            let name = try entry.optional("name")?.string()
            if name != nil && factors.count > 1 { throw entry.error("'name' needs a single 'factor' (expected one ANOVA per name)") }
            anovas += factors.map { AnovaPlan(name: name ?? "\(dependent)_by_\($0)", dependent: dependent, factor: $0) }
        }
        self.init(descriptives: try list("descriptives"), frequencies: try list("frequencies"),
                  reliability: try list("reliability"), correlations: correlations, pairwiseCorrelations: pairwise,
                  regressions: try node.optional("regressions")?.sequence().map(RegressionPlan.init(yaml:)) ?? [],
                  anovas: anovas)
    }
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
                  dependent: dependent, blocks: blocks, intercept: try entry.optional("intercept")?.bool() ?? true, robust: robust)
    }
}

extension InterviewPlan {
    init(yaml node: YAMLValue, base: URL) throws {
        try node.checkKeys(["transcripts", "codebook", "participants", "human_coding", "unit"])
        self.init(
            transcripts: try StudyPlan.expand(node.required("transcripts"), base: base),
            codebook: FileReference(written: try node.required("codebook").string(), relativeTo: base),
            participants: try node.optional("participants").map { FileReference(written: try $0.string(), relativeTo: base) },
            humanCoding: try node.optional("human_coding").map { FileReference(written: try $0.string(), relativeTo: base) },
            unit: try node.optional("unit")?.string() ?? "turn")
    }
}

extension ReplicationTarget {
    init(yaml entry: YAMLValue) throws {
        try entry.checkKeys(["id", "description", "published", "check", "variable", "anova", "model", "term", "value", "decimals", "p_below"])
        let checkNode = try entry.required("check")
        let check: Check
        switch try checkNode.string() {
        case "mean": check = .mean(variable: try entry.required("variable").string())
        case "sample_size": check = .sampleSize(anova: try entry.required("anova").string())
        case "std_estimate": check = .standardizedCoefficient(model: try entry.required("model").string(), term: try entry.required("term").string())
        case "anova_f": check = .anovaF(anova: try entry.required("anova").string())
        case "means_decreasing": check = .meansDecreasing(anova: try entry.required("anova").string())
        case let other: throw checkNode.error("unknown check '\(Excerpt.excerpt(other))' (expected mean, sample_size, std_estimate, anova_f or means_decreasing)")
        }
        self.init(id: try entry.required("id").string(), description: try entry.required("description").string(),
                  published: try entry.required("published").string(), check: check,
                  value: try entry.optional("value")?.double(), decimals: try entry.optional("decimals")?.int() ?? 2,
                  pBelow: try entry.optional("p_below")?.double())
    }
}
