import Foundation
import MessageText

/// Population margins to rake a wave to, read from a YAML file (format: `Codebooks/README.md`):
///
/// ```yaml
/// targets: proportions        # or counts
/// margins:
///   gender: {female: 0.52, male: 0.48}
///   region: {north: 0.3, south: 0.7}
/// ```
///
/// Proportions must sum to 1 in each margin (within 10⁻⁶) and are scaled to the weighted sample size;
/// counts must give every margin one total (within 10⁻⁹ relative). Every target is a finite number ≥ 0.
public struct RakingTargets: Sendable {
    public enum Kind: String, Sendable { case proportions, counts }

    public struct Margin: Sendable {
        public var variable: String
        public var location: ConfigFileLocation
        public var levels: [Level]
    }

    public struct Level: Sendable {
        public var value: String
        public var target: Double
        public var location: ConfigFileLocation
    }

    public var file: String
    public var kind: Kind
    public var margins: [Margin]

    /// Reads and checks the file at `url`.
    /// - Throws: ``ConfigFileError`` at the line and column of the mistake.
    public static func load(from url: URL) throws -> RakingTargets {
        try RakingTargets(yaml: YAMLValue(contentsOf: url))
    }

    public init(yaml root: YAMLValue) throws {
        try root.checkKeys(["targets", "margins"])
        let kindNode = try root.required("targets")
        guard let kind = Kind(rawValue: try kindNode.string()) else {
            throw kindNode.error("expected 'proportions' or 'counts'")
        }
        let marginsNode = try root.required("margins")
        var margins: [Margin] = []
        for (key, value) in try marginsNode.pairs() {
            let levels = try value.pairs().map { levelKey, targetNode -> Level in
                let target = try targetNode.double()
                guard target.isFinite, target >= 0 else { throw targetNode.error("expected a target ≥ 0, found \(target)") }
                return Level(value: try levelKey.string(), target: target, location: levelKey.location)
            }
            guard !levels.isEmpty else { throw value.error("expected at least one level with its target") }
            margins.append(Margin(variable: try key.string(), location: key.location, levels: levels))
        }
        guard !margins.isEmpty else { throw marginsNode.error("expected at least one margin") }
        var firstTotal: Double?
        for margin in margins {
            var sum = 0.0
            for level in margin.levels { sum += level.target }
            switch kind {
            case .proportions:
                guard abs(sum - 1) <= 1e-6 else {
                    throw ConfigFileError(at: margin.location, message: "the proportions of margin '\(Excerpt.excerpt(margin.variable))' sum to \(sum) (expected 1)")
                }
            case .counts:
                if let firstTotal, abs(sum - firstTotal) > 1e-9 * firstTotal {
                    throw ConfigFileError(at: margin.location, message: "the counts of margin '\(Excerpt.excerpt(margin.variable))' sum to \(sum), but the first margin's to \(firstTotal) (expected one population total)")
                }
                guard sum > 0 else { throw ConfigFileError(at: margin.location, message: "the counts of margin '\(Excerpt.excerpt(margin.variable))' sum to 0 (expected a population total > 0)") }
                firstTotal = firstTotal ?? sum
            }
        }
        self.file = root.file
        self.kind = kind
        self.margins = margins
    }
}
