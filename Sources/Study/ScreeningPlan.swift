import Foundation
import MessageText
import SurveyData

/// The study file's `screening:` block: which respondents are excluded before any analysis, by
/// rules applied in a fixed order, each counted (``ParticipantFlow``). A rule applies when its key
/// is present. Format: `Codebooks/README.md`, "Screening".
public struct ScreeningPlan: Sendable, Equatable, Encodable {
    /// Preview and test responses: the `Status` column (Qualtrics) says "Survey Preview", "Survey
    /// Test", "Survey Preview Spam" or "Offline Survey Preview" (codes 1, 2, 9, 17).
    public var preview: Column?
    public var unfinished: Unfinished?
    public var duplicates: Duplicates?
    public var speeders: Speeders?
    public var straightliners: Straightliners?
    public var attentionChecks: [AttentionCheck]
    /// Where the excluded rows are written for audit (without the codebook's `pii` columns), relative
    /// to the output folder; `nil`: not written.
    public var excludedOut: String?

    /// A column the rule reads, with where the study file names it (or the platform default).
    public struct Column: Sendable, Equatable, Encodable {
        public var name: String
        public var location: ConfigFileLocation?

        /// The name only: where the study file writes it does not change what the rule does.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }

    /// Excluded when `Finished` is false (0, False), or — with `minProgress` — when `Progress` is below it.
    public struct Unfinished: Sendable, Equatable, Encodable {
        public var finished: Column
        public var progress: Column
        public var minProgress: Double?
    }

    /// A respondent whose ID (column `by`) repeats an earlier row's is excluded; with `answers`, also
    /// one whose answers (every Likert, categorical and numeric question column) are all those of an earlier row.
    public struct Duplicates: Sendable, Equatable, Encodable {
        public var by: Column?
        public var answers: Bool
    }

    /// Excluded when the duration is below `fraction` × the median duration of the respondents still
    /// in, or — with `minSeconds` — below that fixed number of seconds (a rule of each row alone, so
    /// parts of a wave can be screened apart).
    public struct Speeders: Sendable, Equatable, Encodable {
        public var duration: Column?
        public var fraction: Double
        public var minSeconds: Double?
        public static let defaultFraction = 1.0 / 3.0
    }

    /// Excluded when every item of a Likert block of at least `minItems` items has one and the same
    /// answer. Blocks: the named questions or scales, or every Likert question (items sharing a
    /// `question`) and every scale of at least `minItems` items.
    public struct Straightliners: Sendable, Equatable, Encodable {
        public var blocks: [Column]?
        public var minItems: Int
        public static let defaultMinItems = 5
    }

    /// Excluded when `item` does not hold `expected` (a missing answer fails too).
    public struct AttentionCheck: Sendable, Equatable, Encodable {
        public var item: Column
        public var expected: String
    }

    public init(preview: Column? = nil, unfinished: Unfinished? = nil, duplicates: Duplicates? = nil, speeders: Speeders? = nil,
                straightliners: Straightliners? = nil, attentionChecks: [AttentionCheck] = [], excludedOut: String? = nil) {
        self.preview = preview
        self.unfinished = unfinished
        self.duplicates = duplicates
        self.speeders = speeders
        self.straightliners = straightliners
        self.attentionChecks = attentionChecks
        self.excludedOut = excludedOut
    }

    init(yaml node: YAMLValue) throws {
        try node.checkKeys(["preview", "unfinished", "duplicates", "speeders", "straightliners", "attention_checks", "excluded_out"])
        /// The mapping of a rule given as `true` or as its options; `nil` for `false`.
        func options(_ key: String, allowed: Set<String>) throws -> YAMLValue?? {
            guard let value = try node.optional(key) else { return nil }
            if value.node.mapping != nil { try value.checkKeys(allowed); return .some(value) }
            return try value.bool() ? .some(nil) : nil
        }
        func column(_ options: YAMLValue?, _ key: String) throws -> Column? {
            try options?.optional(key).map { Column(name: try $0.string(), location: $0.location) }
        }
        /// Where the rule's key is written: the place of the default column it reads.
        func rule(_ key: String) throws -> ConfigFileLocation? { try node.optional(key)?.location }
        if let preview = try options("preview", allowed: ["status"]) {
            self.preview = try column(preview, "status") ?? Column(name: "Status", location: try rule("preview"))
        }
        if let unfinished = try options("unfinished", allowed: ["finished", "progress", "min_progress"]) {
            var minimum: Double?
            if let minNode = try unfinished?.optional("min_progress") {
                let value = try minNode.double()
                guard (0...100).contains(value) else { throw minNode.error("\(value) (expected a percentage from 0 to 100)") }
                minimum = value
            }
            self.unfinished = Unfinished(finished: try column(unfinished, "finished") ?? Column(name: "Finished", location: try rule("unfinished")),
                                         progress: try column(unfinished, "progress") ?? Column(name: "Progress", location: try rule("unfinished")),
                                         minProgress: minimum)
        }
        if let duplicates = try options("duplicates", allowed: ["by", "answers"]) {
            let rule = Duplicates(by: try column(duplicates, "by"), answers: try duplicates?.optional("answers")?.bool() ?? false)
            guard rule.by != nil || rule.answers else {
                throw (duplicates ?? node).error("duplicates: expected by (an ID column) or answers: true")
            }
            self.duplicates = rule
        }
        if let speeders = try options("speeders", allowed: ["duration", "fraction", "min_seconds"]) {
            var fraction = Speeders.defaultFraction
            if let fractionNode = try speeders?.optional("fraction") {
                fraction = try fractionNode.double()
                guard fraction > 0, fraction < 1 else { throw fractionNode.error("\(fraction) (expected a fraction of the median between 0 and 1)") }
            }
            var minSeconds: Double?
            if let secondsNode = try speeders?.optional("min_seconds") {
                if try speeders?.optional("fraction") != nil { throw secondsNode.error("expected fraction (of the median) or min_seconds, not both") }
                let seconds = try secondsNode.double()
                guard seconds > 0, seconds.isFinite else { throw secondsNode.error("\(seconds) (expected a positive number of seconds)") }
                minSeconds = seconds
            }
            self.speeders = Speeders(duration: try column(speeders, "duration"), fraction: fraction, minSeconds: minSeconds)
        }
        if let straightliners = try options("straightliners", allowed: ["blocks", "min_items"]) {
            var minItems = Straightliners.defaultMinItems
            if let minNode = try straightliners?.optional("min_items") {
                minItems = try minNode.int()
                guard (2...1_000).contains(minItems) else { throw minNode.error("\(minItems) (expected a whole number of items from 2 to 1000)") }
            }
            let blocks = try straightliners?.optional("blocks")?.namedEntries().map { Column(name: $0.name, location: $0.node.location) }
            self.straightliners = Straightliners(blocks: blocks, minItems: minItems)
        }
        attentionChecks = try node.optional("attention_checks")?.sequence().map { entry in
            try entry.checkKeys(["item", "expected"])
            let item = try entry.required("item")
            return AttentionCheck(item: Column(name: try item.string(), location: item.location), expected: try entry.required("expected").string())
        } ?? []
        if let outNode = try node.optional("excluded_out") {
            let name = try outNode.string()
            guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(".."), name.hasSuffix(".csv") else {
                throw outNode.error("'\(Excerpt.excerpt(name))' (expected a .csv file name inside the output folder)")
            }
            excludedOut = name
        }
    }

    /// Why parts of a wave cannot be screened apart (each by the rules on its own rows, the counts
    /// added): speeders against the median duration, which is the whole wave's, and duplicates by
    /// their answers, which a merge cannot find across parts; `nil` when every rule can.
    var wholeWaveReason: String? {
        if let speeders, speeders.minSeconds == nil {
            return "screens speeders against the median duration (with speeders: {min_seconds: …} instead, each part is screened alone)"
        }
        if duplicates?.answers == true { return "screens duplicates by their answers (duplicates: {answers: true}), which a part cannot compare with another part's" }
        return nil
    }

    /// Whether no rule applies.
    var isEmpty: Bool {
        preview == nil && unfinished == nil && duplicates == nil && speeders == nil && straightliners == nil && attentionChecks.isEmpty
    }
}
