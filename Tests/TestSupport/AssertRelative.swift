import XCTest

/// |actual − expected| ≤ tolerance·|expected| (absolute when expected is 0).
public func assertRelative(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-10,
                    _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    guard let actual else { return XCTFail("nil, expected \(expected) \(message)", file: file, line: line) }
    let error = expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
    XCTAssertLessThanOrEqual(error, tolerance, "\(actual) vs \(expected) \(message)", file: file, line: line)
}
