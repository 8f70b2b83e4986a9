import Foundation
import SurveyStats

// CPU time of the design-based sums of the bundled plan's analyses (issue 19), part by part, on one
// thread: the kernels behind `WaveBenchmark design` without reading, rendering or the noise of
// two threads sharing a machine. Generates 1,000,000 rows of codes shaped like the benchmark wave (45
// Likert items, 7 scale scores of 13–17 values, 6 factors, a sampling weight, strata = region, each
// row its own PSU; about 1% missing), then per block of 65,536 rows builds what `DesignAnalysis`
// builds: the design's rows, the items', scales' and factors' tallies (means, proportions), the
// pooled correlation of the 7 scales, the concern and trust regressions and the 6 ANOVAs (with
// fourth moments). Prints per part the least CPU seconds over the rounds (thread CPU time).
//
//     swift run -c release --package-path Benchmarks DesignBenchmark [rows] [rounds]    (default 1000000 5)

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rowCount = arguments.first ?? 1_000_000, rounds = arguments.count > 1 ? arguments[1] : 5
let rowsPerBlock = 65_536

/// A fixed pseudo-random stream (SplitMix64).
struct Stream {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// A column of `levels` codes, about 1% missing.
func codes(_ levels: Int, _ stream: inout Stream, missing: Bool = true) -> [Int32] {
    (0..<rowCount).map { _ in missing && stream.next(100) == 0 ? -1 : Int32(stream.next(levels)) }
}

var stream = Stream(state: 2024)
let factorLevels = ["age_group": 4, "gender": 3, "income": 5, "education": 4, "region": 5, "breach": 2]
let factors = factorLevels.mapValues { codes($0, &stream) }.merging(["region": codes(5, &stream, missing: false)]) { $1 }
/// A scale score of `items` 1–5 items, the mean of those answered when one is missing: its
/// possible values (25 for 4 items, 17 for 3, as in the benchmark wave).
func scaleValues(_ items: Int) -> [Double] {
    Array(Set([items, items - 1].flatMap { n in (0...(4 * n)).map { 1 + Double($0) / Double(n) } })).sorted()
}
let scaleItems = ["trust": 4, "privacy_concern": 4, "transparency": 3, "intrusiveness": 3, "attitude": 3, "benefits": 3, "risks": 3]
/// A scale score's codes: the sum of four draws, so that its values bunch in the middle as the
/// means of a few items do (about 1% missing).
func scoreCodes(_ levels: Int, _ stream: inout Stream) -> [Int32] {
    (0..<rowCount).map { _ in
        stream.next(100) == 0 ? -1 : Int32(min(levels - 1, (0..<4).reduce(0) { total, _ in total + stream.next((levels - 1) / 4 + 1) }))
    }
}
let scales = scaleItems.mapValues { RowTally.CodedColumn(values: scaleValues($0), codes: scoreCodes(scaleValues($0).count, &stream)) }
let items = (0..<45).map { _ in RowTally.CodedColumn(values: [1, 2, 3, 4, 5], codes: codes(5, &stream)) }
let weights = (0..<rowCount).map { 0.5 + Double(($0 * 7919) % 61) / 20 }

func factor(_ name: String) -> RowTally.CodedColumn {
    RowTally.CodedColumn(values: (0..<factorLevels[name]!).map(Double.init), codes: factors[name]!)
}
func indicators(_ name: String, _ range: Range<Int>) -> DesignColumn {
    .indicators(codes: Array(factors[name]![range]), levelCount: factorLevels[name]!, reference: 0)
}
func slice(_ column: RowTally.CodedColumn, _ range: Range<Int>) -> RowTally.CodedColumn {
    RowTally.CodedColumn(values: column.values, codes: Array(column.codes[range]))
}

/// Thread CPU seconds.
func threadCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let parts = ["design rows", "item, scale and factor tallies", "correlation (pooled, 7 scales)", "concern model (3 scales)",
             "trust model (6 factors, 3 scales)", "6 ANOVAs"]
var least = [Double](repeating: .infinity, count: parts.count)
var keep = 0   // what the sums add up to, so that nothing is optimised away
for _ in 0..<rounds {
    var spent = [Double](repeating: 0, count: parts.count)
    for start in stride(from: 0, to: rowCount, by: rowsPerBlock) {
        let range = start..<min(start + rowsPerBlock, rowCount)
        var clock = threadCPU()
        func lap(_ part: Int) {
            let now = threadCPU()
            spent[part] += now - clock
            clock = now
        }
        let rows = try DesignRows(count: range.count, weightType: .sampling, rowsArePSUs: true, weights: Array(weights[range]),
                                  strata: slice(factor("region"), range), psus: nil, populationSizes: nil)
        lap(0)
        let tallied = items.map { slice($0, range) } + scaleItems.keys.sorted().map { slice(scales[$0]!, range) }
            + factorLevels.keys.sorted().map { slice(factor($0), range) }
        clock = threadCPU()
        let tallies = DesignColumnTallies(rows, tallied)
        for index in tallied.indices { keep += tallies.value(index).cells.count + tallies.indicators(index).cells.count }
        lap(1)
        let correlated = ["privacy_concern", "transparency", "intrusiveness", "attitude", "benefits", "risks", "trust"]
            .map { DesignColumn.values(slice(scales[$0]!, range)) }
        clock = threadCPU()
        keep += DesignSums(rows.pooled, columns: correlated, keepsFourthMoments: false).cells.count
        lap(2)
        let concern: [DesignColumn] = ["transparency", "intrusiveness", "privacy_concern"].map { .values(slice(scales[$0]!, range)) }
        clock = threadCPU()
        keep += DesignSums(rows, columns: concern, keepsFourthMoments: true).rowStrata.count
        lap(3)
        let trust: [DesignColumn] = ["age_group", "gender", "income", "education", "region"].map { indicators($0, range) }
            + ["benefits", "risks"].map { .values(slice(scales[$0]!, range)) } + [indicators("breach", range), .values(slice(scales["trust"]!, range))]
        clock = threadCPU()
        keep += DesignSums(rows, columns: trust, keepsFourthMoments: true).rowStrata.count
        lap(4)
        let anovas: [[DesignColumn]] = ["age_group", "gender", "income", "education", "region"].map {
            [indicators($0, range), .values(slice(scales["trust"]!, range))]
        } + [[indicators("age_group", range), .values(slice(scales["privacy_concern"]!, range))]]
        clock = threadCPU()
        for columns in anovas { keep += DesignSums(rows, columns: columns, keepsFourthMoments: true).rowStrata.count }
        lap(5)
    }
    least = zip(least, spent).map { min($0, $1) }
}
print("Design-based sums of the bundled plan on \(rowCount) rows (blocks of \(rowsPerBlock)), one thread, least of \(rounds) rounds")
print("| part | CPU s |")
print("|---|---:|")
for (part, seconds) in zip(parts, least) { print("| \(part) | \(String(format: "%.3f", seconds)) |") }
print("| total | \(String(format: "%.3f", least.reduce(0, +))) |")
if keep == 0 { print("(nothing summed)") }
