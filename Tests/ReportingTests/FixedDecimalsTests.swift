import Foundation
import Simulation
import XCTest
@testable import Reporting

/// Fixed-notation numbers against a plain oracle: Foundation's `Decimal` parsed from the double's
/// shortest form and rounded half away from zero (`NSDecimalRound`, `.plain`), digit for digit.
final class FixedDecimalsTests: XCTestCase {
    /// The oracle: the shortest decimal of `value` rounded to `places` by `Decimal`, zero-padded.
    private func oracle(_ value: Double, places: Int) -> String {
        var exact = Decimal(string: value.magnitude.description)!
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, places, .plain)
        var text = "\(rounded)"
        if places > 0 {
            if !text.contains(".") { text += "." }
            text += String(repeating: "0", count: places - text.split(separator: ".", omittingEmptySubsequences: false)[1].count)
        }
        return (value.sign == .minus ? "-" : "") + text
    }

    private func assertAsOracle(_ value: Double, places: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(FixedDecimals.format(value, places: places), oracle(value, places: places),
                       "\(value) (bits \(String(value.bitPattern, radix: 16))) to \(places) places", file: file, line: line)
    }

    /// Ties of the decimal a reader sees round up, although the binary value lies below them.
    func testDecimalTiesRoundHalfAwayFromZero() {
        XCTAssertEqual(FixedDecimals.format(837.0 / 200, places: 2), "4.19")  // 4.18499999… in binary
        XCTAssertEqual(FixedDecimals.format(2.675, places: 2), "2.68")
        XCTAssertEqual(FixedDecimals.format(1.005, places: 2), "1.01")
        XCTAssertEqual(FixedDecimals.format(0.125, places: 2), "0.13")
        XCTAssertEqual(FixedDecimals.format(-0.125, places: 2), "-0.13")
        XCTAssertEqual(FixedDecimals.format(0.0455, places: 3), "0.046")
        XCTAssertEqual(FixedDecimals.format(99.95, places: 1), "100.0")
        XCTAssertEqual(FixedDecimals.format(0.1 + 0.2, places: 2), "0.30")
        XCTAssertEqual(FixedDecimals.format(0.005, places: 2), "0.01")
        XCTAssertEqual(FixedDecimals.format(0.0049, places: 2), "0.00")
        XCTAssertEqual(FixedDecimals.format(-0.0, places: 2), "-0.00")
        XCTAssertEqual(FixedDecimals.format(0, places: 0), "0")
        XCTAssertEqual(FixedDecimals.format(1e20, places: 1), "100000000000000000000.0")
        XCTAssertEqual(FixedDecimals.format(1e-5, places: 4), "0.0000")
        XCTAssertEqual(FixedDecimals.format(6e-5, places: 4), "0.0001")
        XCTAssertEqual(FixedDecimals.format(.nan, places: 2), "nan")
    }

    func testSpecialValues() {
        let values: [Double] = [
            0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.625, 2.675, 1.005, 0.005, 0.015, 0.045, 9.995,
            99.95, 0.0005, 0.00049999999999999999, 1e-30, -1e-30, 1e15, 1e16, 1.8e16, 9.2e15, 4e18, 1e19, 1e25, -1e25,
            100 * 0.07, 4.35, 4.345, 1 / 3, -2 / 3, 0.1 + 0.2, 837.0 / 200,
        ]
        for value in values {
            for places in 0...6 { assertAsOracle(value, places: places) }
        }
    }

    /// Decimal ties at every number of places: k / 2^n and k / 200 (means of integer answers).
    func testTies() {
        for numerator in -1_000...1_000 {
            for shift in 1...6 {
                for places in 0...3 { assertAsOracle(Double(numerator) / Double(1 << shift), places: places) }
            }
            for places in 0...3 { assertAsOracle(Double(numerator) / 200, places: places) }
        }
    }

    func testRandomValuesOfManyMagnitudes() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let value = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -12...24, using: &generator)))
            assertAsOracle(value, places: Int.random(in: 0...5, using: &generator))
        }
        for _ in 0..<10_000 {  // near the rounding boundaries of two places
            let value = (Double(Int.random(in: -100_000...100_000, using: &generator)) + 0.5) / 100
                + Double.random(in: -1e-12...1e-12, using: &generator)
            assertAsOracle(value, places: 2)
        }
    }

    /// The APA rules on top of the digits: a minus sign, no "−0.00", no leading zero on request.
    func testAPANumber() {
        XCTAssertEqual(APA.number(-0.004, decimals: 2), "0.00")
        XCTAssertEqual(APA.number(-0.005, decimals: 2), "−0.01")
        XCTAssertEqual(APA.number(-0.455, decimals: 2, leadingZero: false), "−.46")
        XCTAssertEqual(APA.number(0.995, decimals: 2, leadingZero: false), "1.00")
        XCTAssertEqual(APA.number(12.5, decimals: 0), "13")
        XCTAssertEqual(APA.p(0.0455), ".046")
        XCTAssertEqual(APA.p(0.0009), "< .001")
    }
}
