/// The words of a line that the detectors may still look at: those from the word before the
/// earliest detector's next start to the last word read. Words that no detector can reach again
/// are let go, so a line of millions of words takes little memory.
struct WordWindow {
    private var words: [TextWords.Word] = []
    /// The line's index of `words[0]`.
    private var first = 0

    /// The words read so far.
    var count: Int { first + words.count }

    subscript(index: Int) -> TextWords.Word { words[index - first] }

    mutating func append(_ word: TextWords.Word) { words.append(word) }

    /// Lets go of the words before `index` (in batches, so each word is moved a bounded number of times).
    mutating func forget(before index: Int) {
        guard index - first >= 4_096 else { return }
        words.removeFirst(index - first)
        first = index
    }
}

/// The street addresses and person names of one line (``StreetAddressDetector``,
/// ``PersonNameDetector``), as ranges of its characters, each list in text order without overlaps.
/// Each detector runs once its furthest look-ahead has been read.
struct LineWordSpans {
    private(set) var addresses: [Range<Int>] = []
    private(set) var names: [Range<Int>] = []
    private var window = WordWindow()
    /// The words where each detector tries next.
    private var nextAddress = 0, nextName = 0

    /// - Parameter known: names found besides the detector's (``RedactionNames``).
    init<Line: LineCharacters>(_ line: Line, text: String, known: RedactionNames = .none) {
        var reader = TextWords.Reader(line, text: text)
        let nameLookahead = max(PersonNameDetector.lookahead, known.maximumWords - 1)
        func lowercased(_ word: TextWords.Word) -> String {
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: line.offset(word.start))..<utf8.index(utf8.startIndex, offsetBy: line.offset(word.end))].lowercased()
        }
        while let word = reader.next() {
            window.append(word)
            advance(toTheEnd: false, known: known, nameLookahead: nameLookahead, lowercased: lowercased)
        }
        advance(toTheEnd: true, known: known, nameLookahead: nameLookahead, lowercased: lowercased)
    }

    private mutating func advance(toTheEnd: Bool, known: RedactionNames, nameLookahead: Int, lowercased: (TextWords.Word) -> String) {
        while nextAddress < window.count, toTheEnd || nextAddress + StreetAddressDetector.lookahead < window.count {
            if let (start, end) = StreetAddressDetector.address(window, at: nextAddress) {
                addresses.append(StreetAddressDetector.span(window, start, end))
                nextAddress = end + 1
            } else {
                nextAddress += 1
            }
        }
        while nextName < window.count, toTheEnd || nextName + nameLookahead < window.count {
            if !known.isEmpty, let (last, end) = known.match(window, from: nextName, word: lowercased) {
                names.append(window[nextName].start..<end)
                nextName = last + 1
            } else if let end = PersonNameDetector.nameEnd(window, from: nextName) {
                names.append(window[nextName].start..<window[end].end)
                nextName = end + 1
            } else {
                nextName += 1
            }
        }
        // The German rule looks one word back.
        window.forget(before: min(nextAddress, nextName) - 1)
    }
}
