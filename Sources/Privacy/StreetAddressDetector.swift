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
/// Words of an address are separated by spaces only. Each rule looks at most ``lookahead`` words ahead
/// and one back, so the time is linear in the number of words. Numbers alone, dates, prices and "3 Ways to …" do not match.
enum StreetAddressDetector {
    /// How many words after its first an address may look at.
    static let lookahead = 6
    static let englishTypes: Set<String> = ["street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
                                            "blvd", "court", "ct", "way", "place", "pl", "terrace", "close", "crescent", "square",
                                            "sq", "parkway", "pkwy", "highway", "hwy", "gardens", "grove", "row", "mews"]
    static let abbreviations: Set<String> = ["st", "ave", "rd", "ln", "dr", "blvd", "ct", "pl", "sq", "pkwy", "hwy", "str", "bd"]
    static let germanicTypes = ["straße", "strasse", "str", "weg", "gasse", "platz", "allee", "damm", "ufer", "chaussee",
                                "straat", "laan", "plein", "gracht", "gatan", "vägen", "gade", "vej", "veien"]
    static let romanceTypes: Set<String> = ["rue", "avenue", "boulevard", "bd", "chemin", "allée", "impasse", "quai", "place",
                                            "via", "viale", "piazza", "corso", "calle", "avenida", "plaza", "paseo", "rua", "largo", "travessa"]
    static let particles: Set<String> = ["de", "du", "des", "la", "le", "les", "l'", "d'", "del", "della", "di", "da", "do", "dos", "das"]

    /// The words `start...end` of an address starting at word `start`, if one does.
    static func address(_ words: WordWindow, at start: Int) -> (start: Int, end: Int)? {
        english(words, start) ?? germanic(words, start) ?? romance(words, start)
    }

    /// The characters of an address of words `start...end`: an abbreviated street type keeps its dot (`St.`).
    static func span(_ words: WordWindow, _ start: Int, _ end: Int) -> Range<Int> {
        let last = words[end]
        return words[start].start..<(last.has(.abbreviation) ? last.endWithDot : last.end)
    }

    /// Whether `words[index]` continues the address (spaces only since the word before).
    private static func joined(_ words: WordWindow, _ index: Int) -> Bool {
        index < words.count && words[index].has(.joinsPrevious)
    }

    private static func english(_ words: WordWindow, _ start: Int) -> (Int, Int)? {
        guard words[start].isHouseNumber(digits: 5) else { return nil }
        var index = start + 1
        while index <= start + 4, joined(words, index), words[index].isCapitalised || words[index].has(.englishType) {
            if index >= start + 2, words[index].has(.englishType), !words[index - 1].dotFollows { return (start, index) }
            guard words[index].isCapitalised, !words[index].dotFollows, !words[index].has(.notSurname) else { return nil }
            index += 1
        }
        return nil
    }

    private static func germanic(_ words: WordWindow, _ start: Int) -> (Int, Int)? {
        let word = words[start]
        guard word.isCapitalised else { return nil }
        var first = start
        if word.has(.germanicType) {
            guard start > 0, word.has(.joinsPrevious), words[start - 1].isCapitalised, !words[start - 1].dotFollows else { return nil }
            first = start - 1
        } else if !word.has(.germanicSuffix) {
            return nil
        }
        let number = start + 1
        guard joined(words, number), words[number].isHouseNumber(digits: 4) else { return nil }
        return (first, number)
    }

    private static func romance(_ words: WordWindow, _ start: Int) -> (Int, Int)? {
        let numberFirst = words[start].isHouseNumber(digits: 4) && joined(words, start + 1)
        let typeIndex = numberFirst ? start + 1 : start
        guard typeIndex < words.count, words[typeIndex].has(.romanceType) else { return nil }
        guard numberFirst || words[typeIndex].isCapitalised else { return nil }
        var last = typeIndex, capitalised = false, index = typeIndex + 1
        while index <= typeIndex + 4, joined(words, index), !words[index - 1].dotFollows || index - 1 == typeIndex {
            let word = words[index]
            if word.isCapitalised { capitalised = true } else if !word.has(.particle) { break }
            last = index
            index += 1
        }
        guard capitalised, words[last].isCapitalised else { return nil }
        if numberFirst { return (start, last) }
        return joined(words, last + 1) && !words[last].dotFollows && words[last + 1].isHouseNumber(digits: 4) ? (start, last + 1) : nil
    }
}
