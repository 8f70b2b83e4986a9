import XCTest
@testable import Reporting

final class FileNameTests: XCTestCase {
    func testUnsafeCharactersAndDotsBecomeUnderscores() {
        XCTAssertEqual(FileName.sanitized("../../../tmp/x"), "_________tmp_x")
        XCTAssertEqual(FileName.sanitized(".."), "__")
        XCTAssertEqual(FileName.sanitized(".hidden"), "_hidden")
        XCTAssertEqual(FileName.sanitized("a..b.c"), "a__b.c")
        XCTAssertEqual(FileName.sanitized("a\0b\u{1}c\u{7F}d\u{85}e\nf"), "a_b_c_d_e_f")
        XCTAssertEqual(FileName.sanitized(#"a\b:c*d?e"f<g>h|i"#), "a_b_c_d_e_f_g_h_i")
        XCTAssertEqual(FileName.sanitized(""), "_")
        XCTAssertEqual(FileName.sanitized("frequencies_PC1 ümlaut-2.5"), "frequencies_PC1 ümlaut-2.5")
    }

    /// Bounded in bytes of UTF-8, cut between characters (é is 2 bytes, 👩‍👩‍👧 is 18).
    func testLengthIsBoundedInBytesBetweenCharacters() {
        XCTAssertEqual(FileName.sanitized(String(repeating: "é", count: 300)), String(repeating: "é", count: 60))
        XCTAssertEqual(FileName.sanitized("x" + String(repeating: "é", count: 300)).utf8.count, 119)
        XCTAssertEqual(FileName.sanitized(String(repeating: "👩‍👩‍👧", count: 10)), String(repeating: "👩‍👩‍👧", count: 6))
    }

    /// Equal after sanitising, or equal ignoring case or Unicode normalisation: numbered.
    func testCollisionsAreNumbered() {
        var registry = FileName.Registry()
        let names = ["x", "X", "x", "a/b", "a:b", "x_2", "\u{E9}", "e\u{301}", String(repeating: "y", count: 200), String(repeating: "y", count: 130)]
        XCTAssertEqual(names.map { registry.claim($0) }, [
            "x", "X_2", "x_3", "a_b", "a_b_2", "x_2_2", "\u{E9}", "e\u{301}_2",
            String(repeating: "y", count: 120), String(repeating: "y", count: 118) + "_2",
        ])
    }
}
