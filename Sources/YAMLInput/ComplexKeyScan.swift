/// Complex mapping keys — `? key`, a list or mapping used as a key, an alias used as a key — are
/// refused before the YAML is parsed. Yams checks each mapping's keys for duplicates by hashing them
/// whole while it parses, so an alias key naming nested aliases ("billion laughs") would be hashed in
/// time exponential in the nesting, before any check on the parsed tree
/// (``YAMLValue/checkExpandedSize(_:limit:file:)``) could run. Codebooks and study files only ever
/// need text keys.
///
/// The scan is lexical and linear: it skips comments, quoted text and the content of block scalars
/// (`|`, `>`), and looks at what starts a token: `?` followed by a space, `*name` followed by `:`,
/// or a closing `]`/`}` followed by `:`.
enum ComplexKeyScan {
    /// The 1-based line and column of the first complex key, or `nil`.
    static func firstComplexKey(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        var i = 0, line = 1, lineStart = 0
        var blockIndent: Int?            // inside a block scalar: lines indented more than this
        var quote: UInt8?                // inside a quoted scalar
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        func isBreak(_ b: UInt8) -> Bool { b == 10 || b == 13 }
        /// Whether a `:` at `j` (after spaces) ends a key: followed by a space or the end of the line.
        func colonFollows(_ start: Int) -> Bool {
            var j = start
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            return j < bytes.count && bytes[j] == UInt8(ascii: ":")
                && (j + 1 == bytes.count || isSpace(bytes[j + 1]) || isBreak(bytes[j + 1]))
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 10 { line += 1; lineStart = i + 1; i += 1; continue }
            if let q = quote {
                if b == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") { i += 2; continue }
                if b == q {
                    if q == UInt8(ascii: "'") && i + 1 < bytes.count && bytes[i + 1] == q { i += 2; continue }
                    quote = nil
                }
                i += 1
                continue
            }
            if i == lineStart, let indent = blockIndent {
                // A line of a block scalar (more indented than its indicator's line, or blank) is text.
                var j = i
                while j < bytes.count, bytes[j] == 32 { j += 1 }
                if j < bytes.count, !isBreak(bytes[j]), j - i <= indent {
                    blockIndent = nil
                } else {
                    while j < bytes.count, bytes[j] != 10 { j += 1 }
                    i = j
                    continue
                }
            }
            let previous: UInt8? = i > lineStart ? bytes[i - 1] : nil
            let atTokenStart = previous.map { isSpace($0) || "[{,".utf8.contains($0) } ?? true
            switch b {
            case UInt8(ascii: "#") where atTokenStart:
                while i < bytes.count, bytes[i] != 10 { i += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atTokenStart { quote = b }
            case UInt8(ascii: "?") where atTokenStart && (i + 1 == bytes.count || isSpace(bytes[i + 1]) || isBreak(bytes[i + 1])):
                return (line, i - lineStart + 1)
            case UInt8(ascii: "*") where atTokenStart:
                var j = i + 1
                while j < bytes.count, !isSpace(bytes[j]), !isBreak(bytes[j]), !",[]{}".utf8.contains(bytes[j]) { j += 1 }
                if colonFollows(j) { return (line, i - lineStart + 1) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if colonFollows(i + 1) { return (line, i - lineStart + 1) }
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                // A block scalar indicator ends its line (after chomping/indent indicators and a comment).
                var j = i + 1
                while j < bytes.count, "+-0123456789".utf8.contains(bytes[j]) { j += 1 }
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                if atTokenStart, j == bytes.count || isBreak(bytes[j]) || bytes[j] == UInt8(ascii: "#") {
                    var indent = 0
                    while lineStart + indent < bytes.count, bytes[lineStart + indent] == 32 { indent += 1 }
                    blockIndent = indent
                }
            default: break
            }
            i += 1
        }
        return nil
    }
}
