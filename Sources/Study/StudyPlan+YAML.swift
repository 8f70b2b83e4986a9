import Foundation
import SurveyData
import MessageText

extension StudyPlan {
    /// Reads a study file (format: `Codebooks/README.md`, section "Study files"); every mistake is a
    /// ``ConfigFileError`` naming the file and line.
    public static func load(from url: URL) throws -> StudyPlan {
        try StudyPlan(yaml: YAMLValue(contentsOf: url), base: url.deletingLastPathComponent())
    }

    /// Reads the plan; what cannot be parsed (a value of the wrong shape or out of bounds) stops at
    /// once at its line. The mistakes of meaning are found with the codebook, all together, before
    /// any data is read (``problems(against:)``).
    public init(yaml root: YAMLValue, base: URL) throws {
        try root.checkKeys(["title", "run_date", "notices", "codebook", "data", "delimiter", "analyses", "interviews", "replication", "privacy",
                            "import", "screening", "open_ended", "report"])
        let dataNode = try root.required("data")
        let data = try Self.expand(dataNode, base: base)
        guard !data.isEmpty else { throw dataNode.error("no data file (expected a file name, a glob or a list of them)") }
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
        let dataImport = try root.optional("import").map { try DataImport(yaml: $0, base: base) }
        let codebookNode = try root.optional("codebook")
        if codebookNode == nil && !DataImport.imports(data[0], under: dataImport) {
            throw root.error("missing key 'codebook' (expected a codebook file, unless the data are platform exports: .sav/.zsav/.dta files or import: …)")
        }
        self.init(
            title: try root.required("title").string(),
            runDate: try root.optional("run_date")?.string(),
            notices: try root.optional("notices")?.strings() ?? [],
            codebook: try codebookNode.map { FileReference(written: try $0.string(), relativeTo: base) } ?? data[0],
            data: data,
            delimiter: delimiter,
            analyses: try root.optional("analyses").map(AnalysisPlan.init(yaml:)) ?? AnalysisPlan(),
            interviews: try root.optional("interviews").map { try InterviewPlan(yaml: $0, base: base) },
            replication: try root.optional("replication")?.sequence().map(ReplicationTarget.init(yaml:)) ?? [],
            privacy: try root.optional("privacy").map { try PrivacyPlan(yaml: $0, base: base) } ?? PrivacyPlan(),
            codebookFromData: codebookNode == nil, dataImport: dataImport,
            screening: try root.optional("screening").map(ScreeningPlan.init(yaml:)))
        openEnded = try OpenEndedPlan.list(root.optional("open_ended"), base: base)
        report = try root.optional("report").map(ReportPlan.init(yaml:)) ?? ReportPlan()
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

extension OpenEndedPlan {
    /// `open_ended: [{column: Q12_text, codebook: themes.yml, by: [age_group]}]`: each column once,
    /// each codebook a file that exists.
    static func list(_ node: YAMLValue?, base: URL) throws -> [OpenEndedPlan] {
        var plans: [OpenEndedPlan] = []
        for entry in try node?.sequence() ?? [] {
            try entry.checkKeys(["column", "codebook", "by"])
            let columnNode = try entry.required("column"), codebookNode = try entry.required("codebook")
            let column = try columnNode.string()
            if plans.contains(where: { $0.column == column }) {
                throw columnNode.error("open_ended names '\(Excerpt.excerpt(column))' twice (expected each column once)")
            }
            let codebook = FileReference(written: try codebookNode.string(), relativeTo: base)
            guard FileManager.default.fileExists(atPath: codebook.url.path) else {
                throw codebookNode.error("no theme codebook '\(Excerpt.excerpt(codebook.written))' (expected a file at \(Excerpt.excerpt(codebook.url.path)))")
            }
            let by = try entry.optional("by")?.namedEntries().map {
                VariableReference(name: $0.name, role: .tabulated, location: $0.node.location)
            } ?? []
            plans.append(OpenEndedPlan(column: column, codebook: codebook, by: by, location: columnNode.location))
        }
        return plans
    }
}

extension ReplicationTarget {
    /// The decimals a paper prints, 0…10 (2 when absent).
    static func decimals(_ node: YAMLValue?) throws -> Int {
        guard let node else { return 2 }
        let value = try node.int()
        guard (0...10).contains(value) else { throw node.error("decimals \(value) (expected a whole number from 0 to 10)") }
        return value
    }

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
                  location: entry.location,
                  published: try entry.required("published").string(), check: check,
                  value: try entry.optional("value")?.double(), decimals: try Self.decimals(entry.optional("decimals")),
                  pBelow: try entry.optional("p_below")?.double())
    }
}
