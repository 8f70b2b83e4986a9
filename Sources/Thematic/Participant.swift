import Foundation

/// An interviewee and the attributes a qualitative matrix compares by (role, industry, years of experience …).
public struct Participant: Sendable, Equatable, Codable {
    public var id: String
    /// Attributes in the order of their source (CSV columns or header lines).
    public var attributes: [Attribute]

    public init(id: String, attributes: [Attribute] = []) {
        self.id = id
        self.attributes = attributes
    }

    /// The value of the attribute called `name` (case-insensitive), if present.
    public subscript(name: String) -> String? {
        attributes.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public struct Attribute: Sendable, Equatable, Codable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
