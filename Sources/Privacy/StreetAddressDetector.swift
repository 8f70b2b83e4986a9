/// Street addresses in free text, found by three narrow rules over the text's words (``TextWords``):
/// - English: a house number (1–5 digits, an optional letter: `221B`) followed by one to three
///   capitalised words, the last a street type: `10 Downing Street`, `742 Evergreen Terrace`,
///   `1600 Pennsylvania Ave.`;
/// - German, Dutch, Nordic: a capitalised word ending in a street type (`Hauptstraße`, `Lindenweg`,
///   `Marktplatz`), or a capitalised word and a separate street type (`Berliner Straße`),
///   followed by a house number (1–4 digits, an optional letter): `Hauptstraße 12a`;
/// - French, Spanish, Italian, Portuguese: a street type first (`rue`, `avenue`, `via`, `calle`, …),
///   one to four capitalised words or particles (`de`, `la`, `del`, …) with at least one capitalised,
///   and a house number before the type (`12 rue de la Paix`) or after the name (`Via Roma 12`).
/// Words of an address are separated by spaces only. Each rule looks at most six words ahead, so the
/// time is linear in the number of words. Numbers alone, dates, prices and "3 Ways to …" do not match.
enum StreetAddressDetector {
    static let englishTypes: Set<String> = ["street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
                                            "blvd", "court", "ct", "way", "place", "pl", "terrace", "close", "crescent", "square",
                                            "sq", "parkway", "pkwy", "highway", "hwy", "gardens", "grove", "row", "mews"]
    static let abbreviations: Set<String> = ["st", "ave", "rd", "ln", "dr", "blvd", "ct", "pl", "sq", "pkwy", "hwy", "str", "bd"]
    static let germanicTypes = ["straße", "strasse", "str", "weg", "gasse", "platz", "allee", "damm", "ufer", "chaussee",
                                "straat", "laan", "plein", "gracht", "gatan", "vägen", "gade", "vej", "veien"]
    static let romanceTypes: Set<String> = ["rue", "avenue", "boulevard", "bd", "chemin", "allée", "impasse", "quai", "place",
                                            "via", "viale", "piazza", "corso", "calle", "avenida", "plaza", "paseo", "rua", "largo", "travessa"]
    static let particles: Set<String> = ["de", "du", "des", "la", "le", "les", "l'", "d'", "del", "della", "di", "da", "do", "dos", "das"]

    /// The places of the addresses in `words`, in text order, not overlapping.
    static func spans(in words: [TextWords.Word]) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var index = 0
        while index < words.count {
            if let (start, end) = english(words, index) ?? germanic(words, index) ?? romance(words, index) {
                // An abbreviated street type keeps its dot (`St.`).
                let last = words[end]
                let upper = abbreviations.contains(last.lowercased) ? last.rangeWithDot.upperBound : last.range.upperBound
                spans.append(words[start].range.lowerBound..<upper)
                index = end + 1
            } else {
                index += 1
            }
        }
        return spans
    }

    /// A house number: `digits` digits at most, then at most one letter.
    static func isHouseNumber(_ word: TextWords.Word, digits: Int) -> Bool {
        let text = word.text
        let numeral = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...digits).contains(numeral.count), numeral.first != "0" else { return false }
        let rest = text.dropFirst(numeral.count)
        return rest.isEmpty || (rest.count == 1 && rest.allSatisfy(\.isLetter))
    }

    /// Whether `words[index]` continues the address (spaces only since the word before).
    private static func joined(_ words: [TextWords.Word], _ index: Int) -> Bool {
        index < words.count && words[index].joinsPrevious
    }

    private static func english(_ words: [TextWords.Word], _ start: Int) -> (Int, Int)? {
        guard isHouseNumber(words[start], digits: 5) else { return nil }
        var index = start + 1
        while index <= start + 4, joined(words, index), words[index].isCapitalised || englishTypes.contains(words[index].lowercased) {
            if index >= start + 2, englishTypes.contains(words[index].lowercased), !words[index - 1].dotFollows { return (start, index) }
            guard words[index].isCapitalised, !words[index].dotFollows,
                  !PersonNameDetector.notSurnames.contains(String(words[index].text)) else { return nil }
            index += 1
        }
        return nil
    }

    private static func germanic(_ words: [TextWords.Word], _ start: Int) -> (Int, Int)? {
        let word = words[start]
        guard word.isCapitalised else { return nil }
        let lower = word.lowercased
        var first = start
        if germanicTypes.contains(lower) {
            guard start > 0, word.joinsPrevious, words[start - 1].isCapitalised, !words[start - 1].dotFollows else { return nil }
            first = start - 1
        } else if !germanicTypes.contains(where: { lower.hasSuffix($0) && lower.count >= $0.count + 3 }) {
            return nil
        }
        let number = start + 1
        guard joined(words, number), isHouseNumber(words[number], digits: 4) else { return nil }
        return (first, number)
    }

    private static func romance(_ words: [TextWords.Word], _ start: Int) -> (Int, Int)? {
        let numberFirst = isHouseNumber(words[start], digits: 4) && joined(words, start + 1)
        let typeIndex = numberFirst ? start + 1 : start
        guard typeIndex < words.count, romanceTypes.contains(words[typeIndex].lowercased) else { return nil }
        guard numberFirst || words[typeIndex].isCapitalised else { return nil }
        var last = typeIndex, capitalised = false, index = typeIndex + 1
        while index <= typeIndex + 4, joined(words, index), !words[index - 1].dotFollows || index - 1 == typeIndex {
            let word = words[index]
            if word.isCapitalised { capitalised = true } else if !particles.contains(word.lowercased) { break }
            last = index
            index += 1
        }
        guard capitalised, words[last].isCapitalised else { return nil }
        if numberFirst { return (start, last) }
        return joined(words, last + 1) && !words[last].dotFollows && isHouseNumber(words[last + 1], digits: 4) ? (start, last + 1) : nil
    }
}
