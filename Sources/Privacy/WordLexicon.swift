/// The detectors' word lists (``GivenNames``, ``PersonNameDetector``'s titles and non-surnames,
/// ``StreetAddressDetector``'s street types and particles) as one hash table over the ASCII bytes
/// of a word, so that looking a word up costs no `String`. A non-ASCII word is looked up in the
/// lists themselves (``WordFacts/init(text:isLong:)``): Swift compares strings by canonical
/// equivalence, and an ASCII word equals no non-ASCII member.
struct WordLexicon {
    /// Up to 16 ASCII bytes, zero-padded (no word holds a zero byte).
    struct Key: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// The key of no word: an empty slot of the table.
        static let empty = Key()
        private init() {}

        /// The key of `count` bytes read by `byte`, lower-cased when `lowercase`; `nil` beyond 16 bytes.
        @inline(__always)
        init?(count: Int, lowercase: Bool, byte: (Int) -> UInt8) {
            guard count <= 16 else { return nil }
            for index in 0..<count {
                var value = byte(index)
                if lowercase, value >= UInt8(ascii: "A"), value <= UInt8(ascii: "Z") { value += 32 }
                if index < 8 { low |= UInt64(value) << (8 * UInt64(index)) } else { high |= UInt64(value) << (8 * UInt64(index - 8)) }
            }
        }

        init?(_ word: String) {
            let bytes = Array(word.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            self.init(count: bytes.count, lowercase: false) { bytes[$0] }
        }

        var hash: Int { Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 40) }
    }

    private var keys: [Key]
    private var facts: [WordFacts]
    private let mask: Int

    /// The facts of the exact words (`exact`) and of the lower-cased words (`lowercased`).
    init(exact: [(Set<String>, WordFacts)], lowercased: [(Set<String>, WordFacts)]) {
        let entries = exact.flatMap { set, fact in set.map { ($0, fact) } } + lowercased.flatMap { set, fact in set.map { ($0, fact) } }
        var size = 64
        while size < 4 * entries.count { size *= 2 }
        mask = size - 1
        keys = Array(repeating: .empty, count: size)
        facts = Array(repeating: [], count: size)
        for (word, fact) in entries {
            guard let key = Key(word) else { continue }
            var slot = key.hash & mask
            while keys[slot] != .empty, keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            facts[slot].formUnion(fact)
        }
    }

    /// The facts the lists give `key` (empty when it is in none).
    @inline(__always)
    func facts(_ key: Key) -> WordFacts {
        var slot = key.hash & mask
        while true {
            if keys[slot] == key { return facts[slot] }
            if keys[slot] == .empty { return [] }
            slot = (slot + 1) & mask
        }
    }

    /// The lists: the exact ones hold capitalised words, the lower-cased ones street types and particles.
    static let shared = WordLexicon(
        exact: [(PersonNameDetector.titles, .title), (PersonNameDetector.notSurnames, .notSurname), (GivenNames.all, .givenName)],
        lowercased: [(StreetAddressDetector.englishTypes, .englishType), (StreetAddressDetector.abbreviations, .abbreviation),
                     (Set(StreetAddressDetector.germanicTypes), .germanicType), (StreetAddressDetector.romanceTypes, .romanceType),
                     (StreetAddressDetector.particles, .particle)])
}
