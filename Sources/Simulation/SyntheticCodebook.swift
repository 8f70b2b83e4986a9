import SurveyData

/// The codebook of a synthetic wave: the real wave's codebook text as written (comments, label
/// sets and all) with one more top-level key, `synthetic: "<how the data were made>"`, which
/// ``Codebook/synthetic`` reads and a study run turns into a SYNTHETIC notice in its report.
public enum SyntheticCodebook {
    /// `text` (a codebook whose root is a block mapping) with `synthetic: "statement"` appended;
    /// `text` unchanged when it already carries `synthetic:`.
    /// - Throws: ``SimulationError/codebookNotMarkable(file:)`` when the text with the key appended
    ///   does not read back as the same codebook marked synthetic (e.g. a flow-style root `{…}`);
    ///   the codebook's own ``ConfigFileError`` when `text` does not read as a codebook.
    public static func marked(_ text: String, file: String, statement: String) throws -> String {
        let original = try Codebook(yaml: YAMLValue(text: text, file: file))
        if original.synthetic != nil { return text }
        let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
        let marked = text + separator + "synthetic: " + doubleQuoted(statement) + "\n"
        var expected = original
        expected.synthetic = statement
        guard let reread = try? Codebook(yaml: YAMLValue(text: marked, file: file)), reread == expected else {
            throw SimulationError.codebookNotMarkable(file: file)
        }
        return marked
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
