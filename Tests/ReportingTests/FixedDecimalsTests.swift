import Foundation
import Simulation
import XCTest
@testable import Reporting

/// Fixed-notation numbers against `String(format:)`, digit for digit.
final class FixedDecimalsTests: XCTestCase {
    private func assertAsFormat(_ value: Double, places: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(FixedDecimals.format(value, places: places), String(format: "%.\(places)f", value),
                       "\(value) (bits \(String(value.bitPattern, radix: 16))) to \(places) places", file: file, line: line)
    }

    func testSpecialValues() {
        let values: [Double] = [
            0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.625, 2.675, 1.005, 0.005, 0.015, 0.045, 9.995,
            99.95, 0.0005, 0.00049999999999999999, 1e-300, -1e-300, .leastNonzeroMagnitude, -.leastNormalMagnitude,
            1e15, 1e16, 1.8e16, 9.2e15, 18_446_744_073_709_551.615, 4e18, 1e19, 1e300, -1e300, .greatestFiniteMagnitude,
            .nan, -.nan, .infinity, -.infinity, 100 * 0.07, 4.35, 4.345, 1 / 3, -2 / 3,
        ]
        for value in values {
            for places in 0...6 { assertAsFormat(value, places: places) }
        }
        XCTAssertEqual(FixedDecimals.format(-0.0, places: 2), "-0.00")
        XCTAssertEqual(FixedDecimals.format(0.125, places: 2), "0.12")  // a tie of the exact binary value: to even
        XCTAssertEqual(FixedDecimals.format(2.675, places: 2), "2.67")  // 2.67499999… in binary
    }

    /// Exact ties at every number of places: k / 2^n for small n are ties once scaled.
    func testTies() {
        for numerator in -1_000...1_000 {
            for shift in 1...6 {
                let value = Double(numerator) / Double(1 << shift)
                for places in 0...3 { assertAsFormat(value, places: places) }
            }
        }
    }

    func testRandomValuesOfEveryMagnitude() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next())  // every exponent, NaNs and infinities included
            assertAsFormat(value, places: Int.random(in: 0...4, using: &generator))
        }
        for _ in 0..<10_000 {
            let value = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -8...20, using: &generator)))
            assertAsFormat(value, places: Int.random(in: 0...4, using: &generator))
        }
        for _ in 0..<10_000 {  // near the rounding boundaries of two places
            let value = (Double(Int.random(in: -100_000...100_000, using: &generator)) + 0.5) / 100
                + Double.random(in: -1e-12...1e-12, using: &generator)
            assertAsFormat(value, places: 2)
        }
    }

    /// The APA rules on top of the digits, against the code that used `String(format:)` directly.
    func testAPANumberAsBefore() {
        func reference(_ value: Double, decimals: Int, leadingZero: Bool) -> String {
            var text = String(format: "%.\(decimals)f", value)
            if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
            if text.hasPrefix("-") { text = "−" + text.dropFirst() }
            if !leadingZero {
                if text.hasPrefix("0.") { text.removeFirst() } else if text.hasPrefix("−0.") { text = "−" + text.dropFirst(2) }
            }
            return text
        }
        var generator = SplitMix64(seed: 11)
        let values = (0..<5_000).map { _ in Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -4...4, using: &generator))) }
            + [0, -0.0, -0.001, -0.005, -0.0049, 0.995, -0.995, 0.9995, -1, 1, 12.5, -12.5]
        for value in values {
            for decimals in 0...3 {
                for leadingZero in [true, false] {
                    XCTAssertEqual(APA.number(value, decimals: decimals, leadingZero: leadingZero),
                                   reference(value, decimals: decimals, leadingZero: leadingZero), "\(value)")
                }
            }
            XCTAssertEqual(APA.percent(value), String(format: "%.1f", value))
        }
    }
}
