import Foundation
import Simulation
import Thematic

// Coding speed of Paradox's deductive coder: a generated corpus of interview transcripts (50 MB by
// default) coded with generated codebooks of 10, 50, 500 and 5,000 patterns, one in 25 of them a
// regular expression (at most 20: the 500-pattern codebook has 480 terms and 20 regexes). Prints MB/s
// (10^6 bytes of UTF-8 transcript text per second, reading + segmenting + matching on one thread) per
// size, by the thread's CPU time (what one core achieves, robust to other load on the machine) and by
// wall time. Targets (issues 5 and 17): ≥ 50 MB/s with 500 patterns including 20 regexes, flat from
// 10 to 500 patterns; 5,000 patterns less than 1.5× slower than 50.
//
//     swift run -c release --package-path Benchmarks ThematicBenchmark [megabytes]

extension SplitMix64 {
    /// A number in 0..<n, from Simulation's generator, so every run codes the same corpus.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let syllables = ["da", "ta", "pri", "va", "cy", "con", "sent", "trans", "par", "en", "mar", "ke", "ting", "per", "so",
                 "na", "li", "za", "tion", "al", "go", "rithm", "trust", "eth", "ics", "re", "gu", "la", "com", "ply"]

/// A pseudo-word of `syllableCount` syllables. Corpus words and codebook terms share the syllables,
/// so many corpus words share prefixes with terms and the automaton is exercised beyond its root.
func word(_ random: inout SplitMix64, syllableCount: ClosedRange<Int>) -> String {
    let count = syllableCount.lowerBound + random.below(syllableCount.count)
    return (0..<count).map { _ in syllables[random.below(syllables.count)] }.joined()
}

let commonWords = ["the", "we", "and", "data", "customers", "that", "is", "it", "of", "to", "our", "they", "a", "in",
                   "privacy", "personalization", "think", "really", "model", "team", "consent", "law", "Müller", "naïve", "café"]

func sentence(_ random: inout SplitMix64, terms: [String]) -> String {
    var words: [String] = []
    for _ in 0..<(8 + random.below(14)) {
        switch random.below(20) {
        case 0, 1: words.append(word(&random, syllableCount: 2...3))
        case 2: words.append(terms[random.below(terms.count)])
        default: words.append(commonWords[random.below(commonWords.count)])
        }
    }
    let text = words.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst() + [".", ".", ".", "?", "!"][random.below(5)]
}

/// Transcripts of about 200 kB each until `megabytes` of text.
func corpus(megabytes: Int, terms: [String]) -> [(name: String, text: String)] {
    var random = SplitMix64(seed: 42)
    var transcripts: [(String, String)] = []
    var total = 0
    while total < megabytes * 1_000_000 {
        var text = "# SYNTHETIC benchmark transcript\n# participant: B\(transcripts.count)\n\n"
        while text.utf8.count < 200_000 {
            text += "Interviewer: " + sentence(&random, terms: terms) + "\n\n"
            text += "P01: " + (0..<(2 + random.below(6))).map { _ in sentence(&random, terms: terms) }.joined(separator: " ") + "\n\n"
        }
        total += text.utf8.count
        transcripts.append(("B\(transcripts.count).txt", text))
    }
    return transcripts
}

/// The terms of a codebook of `count` patterns: words, stems and two-word phrases. The codebooks are
/// nested — the first 9 terms (those of the smallest codebook) are the ones the corpus mentions; the
/// next ones up to 50 are 2–3 syllables and may occur by chance; the others are longer pseudo-words
/// (4–5 syllables) that share prefixes with corpus words but never occur whole, as most terms of a
/// large real codebook are absent from most transcripts. So the sizes find nearly the same matches and
/// the timings differ mainly by the size of the automaton.
func codebookTerms(_ count: Int) -> [String] {
    var random = SplitMix64(seed: 7)
    var seen: Set<String> = []
    var terms: [String] = []
    while terms.count < count {
        let syllableCount = terms.count < 50 ? 2...3 : 4...5
        let candidate: String
        switch random.below(3) {
        case 0: candidate = word(&random, syllableCount: syllableCount)
        case 1: candidate = word(&random, syllableCount: syllableCount) + "*"
        default: candidate = word(&random, syllableCount: syllableCount) + " " + word(&random, syllableCount: syllableCount)
        }
        if seen.insert(candidate).inserted { terms.append(candidate) }
    }
    return terms
}

/// Regular expressions in the style of real codebooks (`\bopt ?(in|out)s?\b`, `\barticle \d+\b`),
/// over the corpus's syllables so that they match and near-miss often.
func codebookRegexes(_ count: Int) -> [String] {
    var random = SplitMix64(seed: 11)
    return (0..<count).map { index in
        let a = syllables[random.below(syllables.count)], b = syllables[random.below(syllables.count)]
        let c = syllables[random.below(syllables.count)]
        switch index % 4 {
        case 0: return "\\b\(a)\(b) ?(\(c)|\(a))s?\\b"
        case 1: return "\\b(\(a)|\(b)|\(c))\(b)\\b"
        case 2: return "\\b\(a)\(c) \\d+\\b"
        default: return "\(b)\(c)(ing|ed|s)?\\b"
        }
    }
}

/// A codebook of `count` patterns, ten per theme: one in 25 a regular expression (at most 20), the others terms.
func codebook(patterns count: Int) -> ThemeCodebook {
    let regexes = codebookRegexes(min(20, max(1, count / 25)))
    let terms = codebookTerms(count - regexes.count)
    var themes: [Theme] = []
    for start in stride(from: 0, to: terms.count, by: 10) {
        let slice = Array(terms[start..<min(start + 10, terms.count)])
        themes.append(Theme(id: "t\(start / 10)", label: "Theme \(start / 10)",
                            words: slice.filter { !$0.contains(" ") }, phrases: slice.filter { $0.contains(" ") }))
    }
    for (index, regex) in regexes.enumerated() { themes[index % themes.count].regexes.append(regex) }
    return ThemeCodebook(name: "\(count) patterns", themes: themes, source: "generated")
}

let megabytes = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50
let sizes = [10, 50, 500, 5_000]
let inCorpus = codebookTerms(9).map { $0.replacingOccurrences(of: "*", with: "ing") }
let transcripts = corpus(megabytes: megabytes, terms: inCorpus)
let bytes = transcripts.reduce(0) { $0 + $1.text.utf8.count }
print("Corpus: \(transcripts.count) transcripts, \(String(format: "%.1f", Double(bytes) / 1e6)) MB (synthetic, seed 42)")

let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// CPU seconds used so far by the calling thread.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var speeds: [Int: Double] = [:]
for size in sizes {
    let themes = codebook(patterns: size)
    var coder: Coder!
    let compile = clock.measure { coder = try! Coder(codebook: themes) }
    var read: [Transcript] = []
    var segments = 0
    var codings = 0
    let cpuStart = threadCPUSeconds()
    let reading = try clock.measure { read = try transcripts.map { try TranscriptReader.parse($0.text, name: $0.name) } }
    let coding = try clock.measure {
        for transcript in read {
            let coded = try coder.code(transcript)
            segments += coded.count
            codings += coded.reduce(0) { $0 + $1.codings.count }
        }
    }
    let cpu = threadCPUSeconds() - cpuStart
    let total = seconds(reading) + seconds(coding)
    speeds[size] = Double(bytes) / 1e6 / cpu
    print(String(format: "%5d patterns: %6.1f MB/s CPU, %6.1f MB/s wall  (wall %.2f s = read %.2f s + segment and match %.2f s; compile %.3f s; %d segments, %d codings)",
                 size, speeds[size]!, Double(bytes) / 1e6 / total, total, seconds(reading), seconds(coding), seconds(compile), segments, codings))
}
print(String(format: "500 vs 10 patterns: %.2f× the CPU time; 5,000 vs 50 patterns: %.2f× (target < 1.5×); 500 patterns with 20 regexes: %@ the 50 MB/s target (CPU time)",
             speeds[10]! / speeds[500]!, speeds[50]! / speeds[5_000]!, speeds[500]! >= 50 ? "meets" : "misses"))
