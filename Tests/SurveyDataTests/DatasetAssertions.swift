import XCTest
@testable import SurveyData

extension XCTestCase {
    /// Same rows, columns, values (numbers bit for bit), missing counts and warnings.
    func assertSame(_ a: Dataset, _ b: Dataset, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.file, b.file, file: file, line: line)
        XCTAssertEqual(a.rowCount, b.rowCount, file: file, line: line)
        XCTAssertEqual(a.warnings, b.warnings, file: file, line: line)
        XCTAssertEqual(a.columns.count, b.columns.count, file: file, line: line)
        for (x, y) in zip(a.columns, b.columns) {
            XCTAssertEqual(x.name, y.name, file: file, line: line)
            XCTAssertEqual(x.label, y.label, file: file, line: line)
            XCTAssertEqual(x.position, y.position, file: file, line: line)
            XCTAssertEqual(x.missing, y.missing, "\(x.name)", file: file, line: line)
            switch (x.values, y.values) {
            case (.likert(let u), .likert(let v)):
                XCTAssertEqual(u.codes, v.codes, x.name, file: file, line: line)
                XCTAssertEqual(u.scale, v.scale, x.name, file: file, line: line)
            case (.categorical(let u), .categorical(let v)):
                XCTAssertEqual(u.codes, v.codes, x.name, file: file, line: line)
                XCTAssertEqual(u.levels, v.levels, x.name, file: file, line: line)
                XCTAssertEqual(u.reference, v.reference, x.name, file: file, line: line)
            case (.text(let u), .text(let v)): XCTAssertEqual(u, v, x.name, file: file, line: line)
            case (.numeric(let u), .numeric(let v)):
                XCTAssertEqual(u.map(\.bitPattern), v.map(\.bitPattern), x.name, file: file, line: line)
            default: XCTFail("\(x.name): different kinds", file: file, line: line)
            }
        }
    }
}
