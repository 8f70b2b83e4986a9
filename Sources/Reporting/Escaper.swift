/// Replaces chosen characters of a text with strings (LaTeX's `\&`, HTML's `&amp;`) in one pass over
/// its UTF-8 bytes.
///
/// A chosen character is replaced only where it is a whole `Character` of the text, as a `switch`
/// over the text's characters replaces it: "<" followed by a combining long solidus overlay (U+0338)
/// is another character, kept as it is. The one pass decides that without Unicode's grapheme rules
/// where each chosen character stands between ASCII characters or other chosen ones and is not half
/// of a CR LF, since chosen characters are single scalars that never join such a neighbour (no
/// combining marks, joiners, prefixes, regional indicators or Hangul jamo; the tests check). Anywhere
/// else ``escapedInOnePass(_:)`` gives up and returns nil, and ``escaped(_:)`` goes character by
/// character.
struct Escaper: Sendable {
    /// Each chosen character and its replacement.
    let table: [Unicode.Scalar: String]
    /// The replacement of each ASCII byte in UTF-8, nil for one not chosen.
    private let ascii: [[UInt8]?]
    /// The replacements of the chosen non-ASCII scalars in UTF-8.
    private let others: [UInt32: [UInt8]]

    init(_ table: [Unicode.Scalar: String]) {
        var ascii = [[UInt8]?](repeating: nil, count: 128), others: [UInt32: [UInt8]] = [:]
        for (scalar, replacement) in table {
            if scalar.isASCII { ascii[Int(scalar.value)] = Array(replacement.utf8) } else { others[scalar.value] = Array(replacement.utf8) }
        }
        self.table = table
        self.ascii = ascii
        self.others = others
    }

    /// The text with every chosen character replaced.
    func escaped(_ text: String) -> String {
        escapedInOnePass(text) ?? escapedByCharacter(text)
    }

    /// The text with every chosen character replaced; nil where a chosen character has a neighbour
    /// that might join it (see the type's notes).
    func escapedInOnePass(_ text: String) -> String? {
        switch text.utf8.withContiguousStorageIfAvailable(onePass) {
        case .unchanged?: return text
        case .escaped(let bytes)?: return String(decoding: bytes, as: UTF8.self)
        case .undecided?, nil: return nil
        }
    }

    private enum Outcome { case unchanged, escaped([UInt8]), undecided }

    private func onePass(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var out: [UInt8] = []
        var copied = 0, index = 0, previousIsPlain = true
        while index < bytes.count {
            let (replacement, length) = lookUp(bytes, at: index)
            if let replacement {
                let next = index + length
                guard previousIsPlain, next == bytes.count || isPlain(lookUp(bytes, at: next)),
                      !isHalfOfCRLF(bytes, from: index, to: next) else { return .undecided }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(contentsOf: replacement)
                copied = next
            }
            previousIsPlain = isPlain((replacement, length))
            index += length
        }
        if copied == 0 { return .unchanged }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return .escaped(out)
    }

    /// ``escaped(_:)`` character by character: slow, and right for any text.
    private func escapedByCharacter(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.unicodeScalars.count == 1, let replacement = table[character.unicodeScalars.first!] {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The replacement of the scalar at `index` (nil when not chosen) and its length in bytes.
    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (replacement: [UInt8]?, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (ascii[Int(lead)], 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (others[value], length)
    }

    /// Whether a scalar cannot join a chosen neighbour: ASCII or chosen itself.
    private func isPlain(_ scalar: (replacement: [UInt8]?, length: Int)) -> Bool { scalar.replacement != nil || scalar.length == 1 }

    /// Whether the scalar spanning `start..<end` is the CR or the LF of a CR LF pair (one character).
    private func isHalfOfCRLF(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        return (bytes[start] == lf && start > 0 && bytes[start - 1] == cr)
            || (bytes[start] == cr && end < bytes.count && bytes[end] == lf)
    }
}
