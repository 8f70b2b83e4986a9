import Simulation

/// Byte-level mutations of a seed, in the manner of libFuzzer's default mutators, plus tokens that
/// matter to Paradox's formats (CSV quoting, YAML anchors and aliases, JSON numbers at the limits).
public struct Mutator {
    private var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let tokens: [[UInt8]] = [
        ",", "\"", "\"\"", "\n", "\r\n", "\r", "\t", ";", ":", ": ", "- ", "#", "&a ", "*a", "<<: *a", "[", "]", "{", "}",
        "-1", "0", "1e308", "-1e308", "nan", "inf", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
        "3.0", "3e0", "98", "99", "\u{0}", "\u{FEFF}", "\u{FFFF}", "\u{1F600}", "\\", "../", "(a+)+$", "[^", "\\b",
        "null", "true", "false", "[]", "{}", "\"count\": -5", "\"rows\": 1e400",
    ].map { Array($0.utf8) }

    /// A mutated copy of `seed`, with material spliced from `others`; at most `limit` bytes.
    public mutating func mutate(_ seed: [UInt8], splicing others: [[UInt8]], limit: Int = 1 << 16) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + random.below(4)) {
            switch random.below(8) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let at = random.below(bytes.count)
                bytes[at] ^= 1 << UInt8(random.below(8))
            case 1 where !bytes.isEmpty:  // a random byte
                bytes[random.below(bytes.count)] = UInt8(random.below(256))
            case 2 where !bytes.isEmpty:  // delete a run
                let at = random.below(bytes.count)
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
            case 3:  // insert a token
                bytes.insert(contentsOf: Self.tokens[random.below(Self.tokens.count)], at: random.below(bytes.count + 1))
            case 4 where !bytes.isEmpty:  // duplicate a run (long lines, repeated rows)
                let at = random.below(bytes.count)
                let run = bytes[at..<min(bytes.count, at + 1 + random.below(64))]
                let copies = random.below(4) == 0 ? 1 + random.below(64) : 1
                bytes.insert(contentsOf: Array(repeating: Array(run), count: copies).joined(), at: random.below(bytes.count + 1))
            case 5 where !others.isEmpty:  // splice from another input
                let other = others[random.below(others.count)]
                guard !other.isEmpty else { continue }
                let from = random.below(other.count)
                let run = other[from..<min(other.count, from + 1 + random.below(256))]
                bytes.insert(contentsOf: run, at: random.below(bytes.count + 1))
            case 6 where !bytes.isEmpty:  // replace a number by another
                if let range = numberRange(in: bytes) {
                    let numbers = Self.tokens[16...30]
                    bytes.replaceSubrange(range, with: numbers[numbers.startIndex + random.below(numbers.count)])
                }
            case 7 where bytes.count > 1:  // cut the end
                bytes.removeLast(random.below(bytes.count))
            default:
                continue
            }
        }
        return bytes.count > limit ? Array(bytes.prefix(limit)) : bytes
    }

    /// The digits of a number that starts at a random place in `bytes`, if one is found there.
    private mutating func numberRange(in bytes: [UInt8]) -> Range<Int>? {
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        guard let start = bytes[random.below(bytes.count)...].firstIndex(where: isDigit) else { return nil }
        let end = bytes[start...].firstIndex { !isDigit($0) && $0 != 46 } ?? bytes.count
        return start..<end
    }
}

extension SplitMix64 {
    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
