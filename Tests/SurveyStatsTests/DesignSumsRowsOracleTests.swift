import XCTest
@testable import SurveyStats
import TestSupport

/// Property: the fast ``DesignSums/init(_:columns:keepsFourthMoments:)`` (rows summed by group of
/// codes, ``DesignGroupTally``) gives the sums of the simple path, a row at a time through
/// ``DesignSums/add(_:weight:stratum:psu:populationSize:)``, on random blocks: factors
/// (with and without a reference level) and variables of few or many values, missing codes, weights
/// of 0, strata, PSUs and fpc, rows as PSUs, frequency and analytic weights; every column grouped,
/// factors grouped beside numeric variables, and factors too many to group.
final class DesignSumsRowsOracleTests: XCTestCase {
    /// The groups per cell at most: small for shape 3, so that not every factor can be grouped.
    func groupLimit(trial: Int) -> Int { trial % 4 == 3 ? 8 : DesignGroupTally.maximumGroupsPerCell }

    struct Block {
        var rows: DesignRows
        var columns: [DesignColumn]
        /// Per row its variables' values (NaN when a code is missing), weight, stratum, PSU and fpc.
        var values: [[Double]]
        var weights: [Double]
        var strata: [Double]?
        var psus: [Double]?
        var sizes: [Double]?
        var strataCodes: [Int32]?
        var psuCodes: [Int32]?
    }

    func randomBlock(_ random: inout FastPathPropertyTests.Random, trial: Int) throws -> Block {
        let n = 40 + random.below(200)
        let weightType: WeightType = trial % 7 == 5 ? .frequency : trial % 7 == 6 ? .analytic : .sampling
        let hasPSUs = weightType == .sampling && random.below(2) == 0
        let hasStrata = weightType == .sampling && random.below(3) != 0
        let hasFPC = hasStrata && random.below(2) == 0
        var columns: [DesignColumn] = []
        // shape 0: few small columns (all grouped); 1: factors beside a number; 2: numbers only;
        // 3: factors of more combinations than the limit (`groupLimit`) beside a number.
        let shape = trial % 4
        for index in 0..<(1 + random.below(4)) {
            let kind = shape == 2 || (shape != 0 && index == 0) ? 2 : shape == 3 ? 3 : random.below(2)
            let missing = random.below(3) == 0
            func code(_ count: Int) -> Int32 { missing && random.below(12) == 0 ? -1 : Int32(random.below(count)) }
            switch kind {
            case 0:   // a factor
                let levels = 2 + random.below(4)
                columns.append(.indicators(codes: (0..<n).map { _ in code(levels) }, levelCount: levels,
                                           reference: random.below(3) == 0 ? nil : random.below(levels)))
            case 1:   // a Likert-like variable
                let values = (1...(3 + random.below(5))).map(Double.init)
                columns.append(.values(RowTally.CodedColumn(values: values, codes: (0..<n).map { _ in code(values.count) })))
            case 3:   // a factor of 3 levels: two of them exceed the limit of 8
                columns.append(.indicators(codes: (0..<n).map { _ in code(3) }, levelCount: 3, reference: 0))
            default:  // a continuous variable
                columns.append(.values(RowTally.CodedColumn((0..<n).map { _ in
                    missing && random.below(12) == 0 ? .nan : (random.uniform() - 0.3) * 40 })))
            }
        }
        let weights = (0..<n).map { _ in
            weightType == .frequency ? Double(random.below(4)) : random.below(15) == 0 ? 0 : 0.2 + 3 * random.uniform()
        }
        let strataCodes = hasStrata ? (0..<n).map { _ in Int32(random.below(3)) } : nil
        let psuCodes = hasPSUs ? (0..<n).map { _ in Int32(random.below(6)) } : nil
        let strataColumn = strataCodes.map { RowTally.CodedColumn(values: [1, 2, 7], codes: $0) }
        let psuColumn = psuCodes.map { RowTally.CodedColumn(values: [10, 11, 12, 13, 14, 15], codes: $0) }
        let sizes = hasFPC ? strataCodes!.map { [50.0, 0.3, 90][Int($0)] } : nil
        let rows = try DesignRows(count: n, weightType: weightType, rowsArePSUs: !hasPSUs, weights: weights, strata: strataColumn,
                                  psus: psuColumn, populationSizes: sizes)
        let values = (0..<n).map { row -> [Double] in
            columns.flatMap { column -> [Double] in
                let code = column.codes[row]
                var out = [Double](repeating: .nan, count: column.variableCount)
                if code >= 0 { column.write(code: Int(code), into: &out, from: 0) }
                return out
            }
        }
        let rowHasMissing = (0..<n).map { row in columns.contains { $0.codes[row] < 0 } }
        return Block(rows: rows, columns: columns, values: zip(values, rowHasMissing).map { $1 ? $0.map { _ in .nan } : $0 },
                     weights: weights, strata: strataColumn.map { c in c.codes.map { c.values[Int($0)] } },
                     psus: psuColumn.map { c in c.codes.map { c.values[Int($0)] } }, sizes: sizes, strataCodes: strataCodes, psuCodes: psuCodes)
    }

    /// The block's rows in `range`.
    func part(_ block: Block, _ range: Range<Int>) throws -> DesignRows {
        try DesignRows(count: range.count, weightType: block.rows.weightType, rowsArePSUs: block.rows.rowsArePSUs,
                       weights: Array(block.weights[range]),
                       strata: block.strata.map { _ in RowTally.CodedColumn(values: [1, 2, 7], codes: range.map { block.strataCodes![$0] }) },
                       psus: block.psus.map { _ in RowTally.CodedColumn(values: [10, 11, 12, 13, 14, 15], codes: range.map { block.psuCodes![$0] }) },
                       populationSizes: block.sizes.map { Array($0[range]) })
    }

    func part(_ column: DesignColumn, _ range: Range<Int>) -> DesignColumn {
        switch column {
        case .values(let coded): return .values(RowTally.CodedColumn(values: coded.values, codes: Array(coded.codes[range])))
        case let .indicators(codes, levelCount, reference): return .indicators(codes: Array(codes[range]), levelCount: levelCount, reference: reference)
        }
    }

    func oracle(_ block: Block, fourthMoments: Bool) throws -> DesignSums {
        var sums = DesignSums(variableCount: block.values[0].count, weightType: block.rows.weightType, rowsArePSUs: block.rows.rowsArePSUs,
                              keepsFourthMoments: fourthMoments && block.rows.rowsArePSUs)
        for (row, values) in block.values.enumerated() {
            try sums.add(values, weight: block.weights[row], stratum: block.strata?[row] ?? 0, psu: block.psus?[row] ?? 0,
                         populationSize: block.sizes?[row])
        }
        return sums
    }

    /// |a − b| within 1e-11 of the moments' scale: W·(1 + max|x|)^power.
    func assertClose(_ a: WeightedMoments, _ b: WeightedMoments, power: Double, largest: Double, _ what: String) {
        XCTAssertEqual(a.count, b.count, what)
        let scale = max(1, b.weightSum) * pow(1 + largest, power)
        for (x, y) in [(a.weightSum, b.weightSum), (a.squaredWeightSum, b.squaredWeightSum)] {
            XCTAssertEqual(x, y, accuracy: 1e-12 * max(1, abs(y)), what)
        }
        for (x, y) in zip(a.means, b.means) { XCTAssertEqual(x, y, accuracy: 1e-11 * pow(1 + largest, power / 2), "\(what) mean") }
        for (x, y) in zip(a.coMoments, b.coMoments) { XCTAssertEqual(x, y, accuracy: 1e-11 * scale, "\(what) co-moment") }
    }

    func testGroupedSumsEqualRowByRowSums() throws {
        var random = FastPathPropertyTests.Random(state: 20)
        var groupedEverything = 0, groupedSome = 0, groupedNone = 0, factorsLeftOver = 0
        for trial in 0..<120 {
            let block = try randomBlock(&random, trial: trial)
            let tally = DesignGroupTally(block.rows, columns: block.columns, keepsFourthMoments: false, maximumGroupsPerCell: groupLimit(trial: trial))
            if tally.ungrouped.isEmpty { groupedEverything += 1 } else if tally.grouped.isEmpty { groupedNone += 1 } else { groupedSome += 1 }
            if tally.ungrouped.contains(where: { block.columns[$0].isIndicators }) { factorsLeftOver += 1 }
            let largest = block.values.joined().filter { !$0.isNaN }.map(abs).max() ?? 0
            // Variables tallied together (DesignColumnTallies, counted in one pass): each
            // variable's sums and its values' indicators' sums as from its own tally.
            let coded = block.columns.compactMap { column -> RowTally.CodedColumn? in
                if case .values(let coded) = column, coded.values.count <= 10 { return coded }
                return nil
            }
            let together = DesignColumnTallies(block.rows, coded)
            for (index, column) in coded.enumerated() {
                for (found, alone) in [(together.value(index), DesignSums(block.rows, columns: [.values(column)], keepsFourthMoments: false)),
                                       (together.indicators(index), DesignSums(block.rows, columns: [.indicators(codes: column.codes, levelCount: column.values.count, reference: nil)], keepsFourthMoments: false))] {
                    XCTAssertEqual(found.cells.keys.sorted(), alone.cells.keys.sorted(), "trial \(trial)")
                    for (cell, moments) in alone.cells {
                        assertClose(try XCTUnwrap(found.cells[cell]), moments, power: 2, largest: largest, "trial \(trial) tallied together")
                    }
                    for (stratum, sums) in alone.rowStrata {
                        assertClose(try XCTUnwrap(found.rowStrata[stratum]).squared, sums.squared, power: 2, largest: largest, "trial \(trial) together")
                    }
                }
            }
            for fourth in [false, true] {
                let fast = DesignSums(block.rows, columns: block.columns, keepsFourthMoments: fourth, maximumGroupsPerCell: groupLimit(trial: trial))
                let simple = try oracle(block, fourthMoments: fourth)
                XCTAssertEqual(fast.keepsFourthMoments, simple.keepsFourthMoments)
                XCTAssertEqual(fast.populationSizes, simple.populationSizes, "trial \(trial)")
                XCTAssertEqual(fast.cells.keys.sorted(), simple.cells.keys.sorted(), "trial \(trial)")
                for (cell, moments) in simple.cells {
                    assertClose(try XCTUnwrap(fast.cells[cell]), moments, power: 2, largest: largest, "trial \(trial) cell \(cell)")
                }
                XCTAssertEqual(fast.rowStrata.keys.sorted(), simple.rowStrata.keys.sorted(), "trial \(trial)")
                XCTAssertEqual(fast.origin.isEmpty, !fast.keepsFourthMoments)
                for (stratum, sums) in simple.rowStrata {   // the oracle's fourth moments are about 0
                    let found = try XCTUnwrap(fast.rowStrata[stratum]).rebased(variableCount: fast.variableCount, from: fast.origin, to: [])
                    XCTAssertEqual(found.rows, sums.rows, "trial \(trial)")
                    assertClose(found.squared, sums.squared, power: fourth ? 4 : 2, largest: largest, "trial \(trial) stratum \(stratum) squared")
                }
                // Two parts of the rows (whose origins differ) merge to the whole's sums.
                let cut = block.rows.count / 3
                let parts = try [0..<cut, cut..<block.rows.count].map { range in
                    DesignSums(try part(block, range), columns: block.columns.map { part($0, range) }, keepsFourthMoments: fourth,
                               maximumGroupsPerCell: groupLimit(trial: trial))
                }
                // The second part about another origin, so that the merge re-bases it.
                let moved = parts[1].rebased(to: parts[1].origin.map { $0 + 3 * random.uniform() - 1 })
                XCTAssertEqual(moved.origin == parts[1].origin, !fourth || parts[1].origin.isEmpty)
                let merged = parts[0] + moved
                for (stratum, sums) in fast.rowStrata {
                    let found = try XCTUnwrap(merged.rowStrata[stratum]).rebased(variableCount: fast.variableCount, from: merged.origin, to: fast.origin)
                    assertClose(found.squared, sums.squared, power: fourth ? 4 : 2, largest: largest, "trial \(trial) stratum \(stratum) merged")
                }
                // The estimates, where every one is a number (a constant indicator has no design effect).
                if block.rows.weightType == .sampling, let estimate = try? DesignMeans.estimate(simple, names: (0..<simple.variableCount).map { "v\($0)" }),
                   (try? JSONEncoder().encode(estimate)) != nil {
                    try assertSameNumbers(try DesignMeans.estimate(fast, names: (0..<simple.variableCount).map { "v\($0)" }), estimate, relative: 1e-9)
                }
            }
        }
        XCTAssertGreaterThan(groupedEverything, 10)
        XCTAssertGreaterThan(groupedSome, 10)
        XCTAssertGreaterThan(groupedNone, 10)
        XCTAssertGreaterThan(factorsLeftOver, 5)
    }

    /// A row without a stratum is an error, not a trap; strata need sampling weights.
    func testRowsWithoutStratumOrWithoutSamplingWeightsAreErrors() {
        let strata = RowTally.CodedColumn(values: [1, 2], codes: [0, -1, 1])
        XCTAssertThrowsError(try DesignRows(count: 3, weightType: .sampling, rowsArePSUs: true, weights: nil, strata: strata, psus: nil,
                                            populationSizes: nil)) { XCTAssertEqual($0 as? DesignError, .missingDesignValue(row: 1)) }
        XCTAssertThrowsError(try DesignRows(count: 3, weightType: .frequency, rowsArePSUs: true, weights: nil, strata: strata, psus: nil,
                                            populationSizes: nil)) { XCTAssertEqual($0 as? DesignError, .designWithoutSamplingWeights(.frequency)) }
        let full = RowTally.CodedColumn(values: [1, 2], codes: [0, 0, 1])
        XCTAssertThrowsError(try DesignRows(count: 3, weightType: .sampling, rowsArePSUs: true, weights: nil, strata: full, psus: nil,
                                            populationSizes: [10, 12, 5])) {
            XCTAssertEqual($0 as? DesignError, .inconsistentPopulationSize(stratum: "1", first: 10, second: 12))
        }
    }
}
