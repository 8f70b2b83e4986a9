/// Values quoted in error messages, bounded: an error names the cell, key or name it is about, but a
/// 10 MB cell (or a header of 20,000 names) must not become a 10 MB message. Every error type that
/// quotes a value from a file or the command line quotes it through ``excerpt(_:)`` or
/// ``excerptList(_:)``.
public enum Excerpt {
    /// How many characters of a value a message shows before "…".
    public static let maximumCharacters = 80
    /// How many items of a list a message shows before "… (n more)".
    public static let maximumItems = 12

    /// `value` up to ``maximumCharacters`` characters, then "…"; control characters (a line break in
    /// a quoted cell) shown as their escapes so that a message stays on one line. Reads only the
    /// characters it shows (constant time in the value's length).
    public static func excerpt(_ value: some StringProtocol) -> String {
        var shown = ""
        var count = 0
        for character in value {
            guard count < maximumCharacters else { return shown + "…" }
            if character.isNewline || character == "\t" || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                shown += character.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
            } else {
                shown.append(character)
            }
            count += 1
        }
        return shown
    }

    /// The first ``maximumItems`` items (each an ``excerpt(_:)``) joined by ", ", then "… (n more)".
    public static func excerptList(_ items: some Collection<some StringProtocol>) -> String {
        let shown = items.prefix(maximumItems).map(excerpt).joined(separator: ", ")
        let rest = items.count - min(items.count, maximumItems)
        return rest > 0 ? "\(shown), … (\(rest) more)" : shown
    }
}
