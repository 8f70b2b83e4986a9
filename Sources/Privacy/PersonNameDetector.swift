/// Person names in free text, found by two narrow rules over the text's words (``TextWords``):
/// - a title (`Mr`, `Mrs`, `Ms`, `Dr`, `Prof`, `Herr`, `Frau`, `Mme`, …, with or without `.`) followed
///   by one or two capitalised words: `Dr. Jane Doe`, `Frau Müller`;
/// - a common given name (``GivenNames``) followed by a capitalised surname (and a second given
///   name may sit between): `Sarah Connor`, `Mary Ann Smith`, `Jean-Luc Picard`.
/// The words of a name are separated by spaces only (a comma, a line break or a full stop ends it),
/// and a surname is a word of letters, `-` and `'` that is not a common capitalised word (`The`,
/// `I`, weekdays, months). A given name alone is not taken for a name in text (Will, Jordan, Paris);
/// a cell that is nothing but a given name is (``isGivenName(_:)``). Each rule looks at most ``lookahead``
/// words ahead, so the time is linear in the number of words.
enum PersonNameDetector {
    static let titles: Set<String> = ["Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Sir", "Dame", "Herr", "Frau",
                                      "Mme", "Mlle", "Madame", "Monsieur", "Señor", "Señora", "Sr", "Sra", "Signor", "Signora"]

    /// Capitalised words that follow a name in ordinary sentences and are not surnames.
    static let notSurnames: Set<String> = [
        "I", "A", "The", "And", "But", "Or", "In", "On", "At", "To", "Of", "For", "With", "From", "By", "As", "If",
        "So", "We", "He", "She", "They", "It", "You", "My", "Our", "His", "Her", "Their", "This", "That", "Is", "Was",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// How many words after its first a name may look at.
    static let lookahead = 2

    /// The index of the last word of a name starting at word `start`, if one does.
    static func nameEnd(_ words: WordWindow, from start: Int) -> Int? {
        let first = words[start]
        func surname(_ index: Int) -> Bool {
            guard index < words.count, words[index].has(.joinsPrevious), words[index].isCapitalised,
                  !words[index - 1].dotFollows || index - 1 == start && first.has(.title) else { return false }
            return words[index].has(.surnameShaped) && !words[index].has(.notSurname)
        }
        if first.has(.title) {
            guard surname(start + 1) else { return nil }
            return surname(start + 2) ? start + 2 : start + 1
        }
        guard first.has(.givenName) else { return nil }
        if start + 2 < words.count, words[start + 1].has(.givenName), surname(start + 1), surname(start + 2) {
            return start + 2
        }
        return surname(start + 1) ? start + 1 : nil
    }

    /// Whether the whole of `text` is one common given name (a cell of a first-name column).
    static func isGivenName(_ text: Substring) -> Bool { GivenNames.all.contains(String(text)) }
}
