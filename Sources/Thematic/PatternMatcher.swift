import Foundation
import MessageText
import Vectorscan

/// Finds every codebook term in a text in one pass, in time linear in the text and nearly
/// independent of the number of terms.
///
/// The terms (words, stems, phrases) are folded with ``TextFolding`` and compiled into an
/// Aho–Corasick automaton (Aho & Corasick 1975, "Efficient string matching: an aid to
/// bibliographic search", CACM 18(6)) whose failure links are resolved into a full transition
/// table over a compact alphabet: the folded scalars that occur in some term, plus one class for
/// all others. The text is decoded from UTF-8, folded (whitespace runs and dashes collapse to one
/// space) and fed to the automaton one folded scalar at a time; each candidate match is then checked
/// for word boundaries: a term that begins (ends) with a word character must not be preceded
/// (followed) by one, except that a stem (`consent*`) may be followed by anything.
///
/// Regular expressions cannot join the automaton; they are compiled together into one Vectorscan
/// database (``RegexDatabase``: automata, linear time, no backtracking, so no expression can make
/// coding hang) and run on the folded text of the same segment. A regular expression's matches are
/// its leftmost match, extended to the longest match from the same start, then the same again after
/// its end (non-overlapping); empty matches are ignored.
///
/// Every match is reported as a half-open range of Unicode scalar offsets into the original text.
public struct PatternMatcher: @unchecked Sendable {
    /// What a match of a pattern means for its theme.
    public enum Role: Sendable, Equatable { case evidence, exclusion }

    /// One compiled term or regular expression.
    public struct Pattern: Sendable, Equatable {
        /// The term as written in the codebook (`consent*`, `privacy notice`, a regex).
        public let term: String
        /// Index of the theme in the codebook.
        public let themeIndex: Int
        public let role: Role
        /// Length in folded scalars (automaton patterns only).
        let foldedLength: Int
        let needsLeftBoundary: Bool
        let needsRightBoundary: Bool
        /// A stem's match extends to the end of the word it begins.
        let isStem: Bool
    }

    /// A pattern found in the text.
    public struct Match: Sendable, Equatable {
        /// Index into ``patterns``.
        public let patternIndex: Int
        /// Half-open Unicode scalar offsets into the original text.
        public let span: Range<Int>
        /// Half-open UTF-8 offsets into the text that was searched (without `startOffset`).
        let utf8Span: Range<Int>
    }

    /// All patterns: the automaton's first, then the regular expressions.
    public let patterns: [Pattern]
    /// The regular expressions, expression `k` being pattern `firstRegexIndex + k`; nil when there are none.
    private let regexes: RegexDatabase?
    private let firstRegexIndex: Int

    /// Alphabet class of each ASCII folded scalar (0: no term contains it).
    private let asciiClass: [Int32]
    /// Alphabet class of the fold of each ASCII byte.
    private let asciiByteClass: [Int32]
    private let otherClass: [UInt32: Int32]
    private let alphabetSize: Int
    /// `transitions[row + class]`, where `row = state * alphabetSize`: the next state's row, or its
    /// bitwise complement (negative) when patterns end in the next state — one load per scalar.
    private let transitions: [Int32]
    /// Patterns ending in `state` are `outputs[outputStart[state] ..< outputStart[state + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// A reason why `term` cannot be a pattern, or nil when it can.
    public static func problem(inTerm term: String) -> String? {
        let body = term.hasSuffix("*") ? String(term.dropLast()) : term
        if body.contains("*") { return "a wildcard '*' may only end a term (a stem such as consent*)" }
        if foldedTerm(body).isEmpty { return "the term is empty once case, accents and spaces are folded" }
        return nil
    }

    /// Compiles terms (words, stems, phrases) into the automaton and regular expressions beside it.
    public init(terms: [(term: String, themeIndex: Int, role: Role)],
                regularExpressions: [(pattern: String, themeIndex: Int)]) throws {
        var patterns: [Pattern] = []
        var foldedTerms: [[Unicode.Scalar]] = []
        for entry in terms {
            if let problem = Self.problem(inTerm: entry.term) { throw PatternError.badTerm(entry.term, problem) }
            let isStem = entry.term.hasSuffix("*")
            let folded = Self.foldedTerm(isStem ? String(entry.term.dropLast()) : entry.term)
            patterns.append(Pattern(
                term: entry.term, themeIndex: entry.themeIndex, role: entry.role, foldedLength: folded.count,
                needsLeftBoundary: TextFolding.isWordScalar(folded[0]),
                needsRightBoundary: !isStem && TextFolding.isWordScalar(folded[folded.count - 1]),
                isStem: isStem
            ))
            foldedTerms.append(folded)
        }
        firstRegexIndex = patterns.count
        for entry in regularExpressions {
            patterns.append(Pattern(term: entry.pattern, themeIndex: entry.themeIndex, role: .evidence,
                                    foldedLength: 0, needsLeftBoundary: false, needsRightBoundary: false, isStem: false))
        }
        do {
            regexes = regularExpressions.isEmpty ? nil : try RegexDatabase(expressions: regularExpressions.map(\.pattern))
        } catch let VectorscanError.unsupportedExpression(index, reason) {
            throw PatternError.badRegex(regularExpressions[index].pattern, reason)
        }
        self.patterns = patterns

        // The alphabet: every folded scalar used by some term gets a class; class 0 is "any other".
        var asciiClass = [Int32](repeating: 0, count: 128)
        var otherClass: [UInt32: Int32] = [:]
        var alphabetSize: Int32 = 1
        for scalar in foldedTerms.joined() {
            if scalar.value < 128 {
                if asciiClass[Int(scalar.value)] == 0 { asciiClass[Int(scalar.value)] = alphabetSize; alphabetSize += 1 }
            } else if otherClass[scalar.value] == nil {
                otherClass[scalar.value] = alphabetSize; alphabetSize += 1
            }
        }
        func classOf(_ scalar: Unicode.Scalar) -> Int {
            scalar.value < 128 ? Int(asciiClass[Int(scalar.value)]) : Int(otherClass[scalar.value] ?? 0)
        }

        // The trie.
        var children: [[Int: Int32]] = [[:]]
        var nodeOutputs: [[Int32]] = [[]]
        for (index, folded) in foldedTerms.enumerated() {
            var node = 0
            for scalar in folded {
                let symbol = classOf(scalar)
                if let next = children[node][symbol] { node = Int(next) } else {
                    children.append([:]); nodeOutputs.append([])
                    children[node][symbol] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            nodeOutputs[node].append(Int32(index))
        }

        // Failure links by breadth-first search, folded into a full transition table.
        let size = Int(alphabetSize)
        var transitions = [Int32](repeating: 0, count: children.count * size)
        var failure = [Int32](repeating: 0, count: children.count)
        var queue: [Int] = []
        for (symbol, child) in children[0] {
            transitions[symbol] = child
            queue.append(Int(child))
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            let fail = Int(failure[node])
            nodeOutputs[node].append(contentsOf: nodeOutputs[fail])
            for symbol in 0..<size {
                if let child = children[node][symbol] {
                    failure[Int(child)] = transitions[fail * size + symbol]
                    transitions[node * size + symbol] = child
                    queue.append(Int(child))
                } else {
                    transitions[node * size + symbol] = transitions[fail * size + symbol]
                }
            }
        }
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for list in nodeOutputs {
            outputs.append(contentsOf: list.sorted())
            outputStart.append(Int32(outputs.count))
        }
        for index in transitions.indices {
            let next = Int(transitions[index])
            let row = Int32(next * size)
            transitions[index] = nodeOutputs[next].isEmpty ? row : ~row
        }
        self.asciiClass = asciiClass
        asciiByteClass = TextFolding.asciiFolds.map { asciiClass[Int($0)] }
        self.otherClass = otherClass
        self.alphabetSize = size
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// Every pattern occurring in `text`, ordered by start offset, then pattern index.
    /// - Parameter startOffset: the Unicode scalar offset of `text` in the original document, added to every span.
    /// - Throws: ``VectorscanError`` only when the regular-expression engine runs out of memory.
    public func matches(in text: Substring, startOffset: Int = 0) throws -> [Match] {
        if let found = try text.utf8.withContiguousStorageIfAvailable({ try matches(inUTF8: $0, startOffset: startOffset) }) { return found }
        var copy = String(text)
        return try copy.withUTF8 { try matches(inUTF8: $0, startOffset: startOffset) }
    }

    private func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>, startOffset: Int) throws -> [Match] {
        var folded = FoldedText(folding: bytes)
        defer { folded.deallocate() }
        var candidates: [(patternIndex: Int32, end: Int32)] = []
        scan(bytes, into: &folded, candidates: &candidates)
        var found: [Match] = []
        found.reserveCapacity(candidates.count)
        let count = folded.count
        for candidate in candidates {
            let pattern = patterns[Int(candidate.patternIndex)]
            var end = Int(candidate.end)
            let start = end - pattern.foldedLength
            if pattern.needsLeftBoundary, start > 0, folded.isWord[start - 1] { continue }
            if pattern.needsRightBoundary, end < count, folded.isWord[end] { continue }
            if pattern.isStem { while end < count, folded.isWord[end] { end += 1 } }
            found.append(folded.match(Int(candidate.patternIndex), folded: start..<end, startOffset: startOffset))
        }
        if let regexes { found += try regexMatches(regexes, in: folded, startOffset: startOffset) }
        found.sort { ($0.span.lowerBound, $0.patternIndex) < ($1.span.lowerBound, $1.patternIndex) }
        return found
    }

    /// Decodes UTF-8, folds, collapses space runs, and runs the automaton, recording candidate
    /// matches by end position. Written over raw pointers, in two passes so that each loop keeps
    /// its state in registers: first fold (ASCII bytes by table in a tight loop, other scalars by
    /// ``TextFolding/fold(_:)``), then step the automaton over the folded symbols.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into folded: inout FoldedText,
                      candidates: inout [(patternIndex: Int32, end: Int32)]) {
        transitions.withUnsafeBufferPointer { delta in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputs.withUnsafeBufferPointer { outputs in
        asciiClass.withUnsafeBufferPointer { asciiClass in
        asciiByteClass.withUnsafeBufferPointer { asciiByteClass in
        TextFolding.asciiFolds.withUnsafeBufferPointer { asciiFolds in
        TextFolding.asciiWords.withUnsafeBufferPointer { asciiWords in
            let delta = delta.baseAddress!, outputStart = outputStart.baseAddress!, asciiClass = asciiClass.baseAddress!
            let asciiByteClass = asciiByteClass.baseAddress!
            let asciiFolds = asciiFolds.baseAddress!, asciiWords = asciiWords.baseAddress!
            let scalars = folded.scalars.baseAddress!, isWord = folded.isWord.baseAddress!
            let asciiBytes = folded.asciiBytes.baseAddress!
            var isASCII = true
            let origin = folded.origin.baseAddress!, byteOrigin = folded.byteOrigin.baseAddress!
            let input = bytes.baseAddress!
            let byteCount = bytes.count
            let size = Int(alphabetSize)
            let symbols = folded.symbols.baseAddress!
            var count = 0
            var scalarOffset: Int32 = 0
            var lastWasSpace = true  // so that leading white space is dropped
            var index = 0
            while index < byteCount {
                let lead = input[index]
                if lead < 0x80 {
                    let scalar = asciiFolds[Int(lead)]
                    let isSpace = scalar == 0x20
                    if !(isSpace && lastWasSpace) {
                        lastWasSpace = isSpace
                        scalars[count] = UInt32(scalar)
                        asciiBytes[count] = scalar
                        symbols[count] = asciiByteClass[Int(lead)]
                        isWord[count] = asciiWords[Int(lead)]
                        origin[count] = scalarOffset
                        byteOrigin[count] = Int32(truncatingIfNeeded: index)
                        count &+= 1
                    }
                    index &+= 1
                    scalarOffset &+= 1
                    continue
                }
                let (value, length) = Self.decode(bytes, at: index, lead: lead)
                let pieces = TextFolding.fold(Unicode.Scalar(value)!)
                if pieces.isEmpty {
                    if count > 0 {  // a combining mark joins its base
                        folded.extend(count - 1, scalarEnd: scalarOffset + 1, byteEnd: Int32(truncatingIfNeeded: index + length))
                    }
                } else {
                    for piece in pieces {
                        let isSpace = piece == TextFolding.space
                        if isSpace && lastWasSpace { continue }
                        lastWasSpace = isSpace
                        let value = piece.value
                        scalars[count] = value
                        asciiBytes[count] = UInt8(truncatingIfNeeded: value)
                        if value >= 0x80 { isASCII = false }
                        symbols[count] = value < 128 ? asciiClass[Int(value)] : otherClass[value] ?? 0
                        isWord[count] = value < 128 ? asciiWords[Int(value)] : TextFolding.isWordScalar(piece)
                        origin[count] = scalarOffset
                        byteOrigin[count] = Int32(truncatingIfNeeded: index)
                        count &+= 1
                    }
                }
                index &+= length
                scalarOffset &+= 1
            }
            // Second pass: the automaton alone, one table load per folded scalar.
            var row = 0
            for position in 0..<count {
                let next = Int(delta[row &+ Int(symbols[position])])
                if next >= 0 {
                    row = next
                } else {
                    row = ~next
                    let state = row / size
                    for k in Int(outputStart[state])..<Int(outputStart[state + 1]) { candidates.append((outputs[k], Int32(position + 1))) }
                }
            }
            folded.count = count
            folded.isASCII = isASCII
        }}}}}}}
    }

    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> (UInt32, Int) {
        if lead < 0xE0 {
            return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            return ((UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// The regular expressions' matches: the folded text is encoded as UTF-8 (with, unless it is all
    /// ASCII, the folded scalar each byte belongs to) and scanned once for all of them; of the matches
    /// Vectorscan reports (each end offset with its leftmost start, in order of end), each expression
    /// keeps the longest from each start that does not overlap the one it kept before.
    private func regexMatches(_ regexes: RegexDatabase, in folded: FoldedText, startOffset: Int) throws -> [Match] {
        // The folded text's own bytes when it is ASCII (byte offset = folded index); else its UTF-8 here.
        var utf8: [UInt8] = []
        var foldedIndexAtByte: [Int32] = []
        if !folded.isASCII {
            utf8.reserveCapacity(folded.count)
            foldedIndexAtByte.reserveCapacity(folded.count + 1)
            for index in 0..<folded.count {
                for byte in Unicode.UTF8.encode(Unicode.Scalar(folded.scalars[index])!)! {
                    utf8.append(byte)
                    foldedIndexAtByte.append(Int32(truncatingIfNeeded: index))
                }
            }
            foldedIndexAtByte.append(Int32(truncatingIfNeeded: folded.count))
        }
        func foldedIndex(_ byte: Int) -> Int { folded.isASCII ? byte : Int(foldedIndexAtByte[byte]) }
        var kept: [[Range<Int>]] = Array(repeating: [], count: patterns.count - firstRegexIndex)
        let text = folded.isASCII ? UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(folded.asciiBytes)[0..<folded.count]) : nil
        try utf8.withUnsafeBytes { encoded in
            try regexes.scan(text ?? encoded) { expression, span in
                guard !span.isEmpty else { return }
                if let last = kept[expression].last {
                    if last.lowerBound == span.lowerBound {
                        kept[expression][kept[expression].count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
                        return
                    }
                    if span.lowerBound < last.upperBound { return }
                }
                kept[expression].append(span)
            }
        }
        var found: [Match] = []
        for (expression, spans) in kept.enumerated() {
            for span in spans {
                let range = foldedIndex(span.lowerBound)..<foldedIndex(span.upperBound - 1) + 1
                found.append(folded.match(firstRegexIndex + expression, folded: range, startOffset: startOffset))
            }
        }
        return found
    }

    /// A term folded as the text is: folded scalars, space runs collapsed, no space at either end.
    static func foldedTerm(_ term: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for scalar in term.unicodeScalars {
            for folded in TextFolding.fold(scalar) {
                if folded == TextFolding.space, result.isEmpty || result.last == TextFolding.space { continue }
                result.append(folded)
            }
        }
        if result.last == TextFolding.space { result.removeLast() }
        return result
    }
}

/// A pattern that cannot be compiled (for codebooks built in memory; files report ``CodebookError``).
public enum PatternError: Error, CustomStringConvertible, Equatable {
    case badTerm(String, String)
    /// The regular-expression engine cannot take the pattern; the second value says why.
    case badRegex(String, String)

    public var description: String {
        switch self {
        case let .badTerm(term, reason): return "invalid term '\(Excerpt.excerpt(term))': \(reason)"
        case let .badRegex(pattern, reason): return "invalid regular expression '\(Excerpt.excerpt(pattern))': \(reason)"
        }
    }
}

/// The folded form of a text with, for each folded scalar, whether it is a word character and the
/// original scalar and UTF-8 offsets it came from; raw buffers sized for the worst case (a folded
/// text never has more scalars than the UTF-8 text has bytes), freed by `deallocate()`.
///
/// A folded scalar's original scalar ends one scalar (its UTF-8 length in bytes) after it begins,
/// unless combining marks follow it; those extensions are kept apart, as they are rare.
struct FoldedText {
    var count = 0
    let scalars: UnsafeMutableBufferPointer<UInt32>
    /// Alphabet class of each folded scalar.
    let symbols: UnsafeMutableBufferPointer<Int32>
    let isWord: UnsafeMutableBufferPointer<Bool>
    /// The folded scalars as bytes: the folded text's UTF-8 when ``isASCII``.
    let asciiBytes: UnsafeMutableBufferPointer<UInt8>
    /// Whether every folded scalar is ASCII.
    var isASCII = true
    /// Offset of the original scalar each folded scalar came from.
    let origin: UnsafeMutableBufferPointer<Int32>
    /// The same in UTF-8 bytes.
    let byteOrigin: UnsafeMutableBufferPointer<Int32>
    /// The UTF-8 text that was folded.
    private let text: UnsafeBufferPointer<UInt8>
    /// Folded scalars followed by combining marks, in increasing order, with the end (exclusive)
    /// of their original text, marks included.
    private var extensions: [(foldedIndex: Int, scalarEnd: Int32, byteEnd: Int32)] = []

    /// The six buffers share one allocation.
    private let storage: UnsafeMutableRawPointer

    init(folding text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        let capacity = max(text.count, 1)
        let int32Bytes = capacity * MemoryLayout<Int32>.stride
        storage = .allocate(byteCount: 4 * int32Bytes + 2 * capacity, alignment: MemoryLayout<Int32>.alignment)
        scalars = UnsafeMutableBufferPointer(start: storage.bindMemory(to: UInt32.self, capacity: capacity), count: capacity)
        origin = UnsafeMutableBufferPointer(start: (storage + int32Bytes).bindMemory(to: Int32.self, capacity: capacity), count: capacity)
        byteOrigin = UnsafeMutableBufferPointer(start: (storage + 2 * int32Bytes).bindMemory(to: Int32.self, capacity: capacity), count: capacity)
        symbols = UnsafeMutableBufferPointer(start: (storage + 3 * int32Bytes).bindMemory(to: Int32.self, capacity: capacity), count: capacity)
        isWord = UnsafeMutableBufferPointer(start: (storage + 4 * int32Bytes).bindMemory(to: Bool.self, capacity: capacity), count: capacity)
        asciiBytes = UnsafeMutableBufferPointer(start: (storage + 4 * int32Bytes + capacity).bindMemory(to: UInt8.self, capacity: capacity), count: capacity)
    }

    func deallocate() { storage.deallocate() }

    /// Extends the original text of folded scalar `foldedIndex` to a combining mark ending at the given offsets.
    mutating func extend(_ foldedIndex: Int, scalarEnd: Int32, byteEnd: Int32) {
        if extensions.last?.foldedIndex == foldedIndex { extensions.removeLast() }
        extensions.append((foldedIndex, scalarEnd, byteEnd))
    }

    /// The end (exclusive) of the original scalar, and of its UTF-8 bytes, that folded scalar `foldedIndex` came from.
    private func originEnd(_ foldedIndex: Int) -> (scalar: Int, byte: Int) {
        if !extensions.isEmpty {
            var low = 0, high = extensions.count
            while low < high {
                let middle = (low + high) / 2
                if extensions[middle].foldedIndex < foldedIndex { low = middle + 1 } else { high = middle }
            }
            if low < extensions.count, extensions[low].foldedIndex == foldedIndex {
                return (Int(extensions[low].scalarEnd), Int(extensions[low].byteEnd))
            }
        }
        let byteStart = Int(byteOrigin[foldedIndex])
        let lead = text[byteStart]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return (Int(origin[foldedIndex]) + 1, byteStart + length)
    }

    /// The match of pattern `patternIndex` over the folded scalars `range`, in original offsets.
    func match(_ patternIndex: Int, folded range: Range<Int>, startOffset: Int) -> PatternMatcher.Match {
        let end = originEnd(range.upperBound - 1)
        return PatternMatcher.Match(
            patternIndex: patternIndex,
            span: startOffset + Int(origin[range.lowerBound]) ..< startOffset + end.scalar,
            utf8Span: Int(byteOrigin[range.lowerBound]) ..< end.byte)
    }
}
