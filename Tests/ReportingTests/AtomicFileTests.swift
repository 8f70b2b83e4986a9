import Foundation
import XCTest
@testable import Reporting

final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-atomic-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func contents(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    private func allPaths() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    }

    func testWritesEveryFileWithItsFoldersAndReplacesOldOnes() throws {
        let text = String(repeating: "α = .81 | ✓ — ", count: 50_000)
        try AtomicFile.write([("a.txt", "old"), ("csv/01_x.csv", "x")], in: folder)
        try AtomicFile.write([("a.txt", text), ("csv/01_x.csv", ""), ("csv/deep/er/b.csv", "b,c\n"), ("c.md", "ü")], in: folder)
        XCTAssertEqual(try contents("a.txt"), Data(text.utf8))
        XCTAssertEqual(try contents("csv/01_x.csv"), Data())
        XCTAssertEqual(try contents("csv/deep/er/b.csv"), Data("b,c\n".utf8))
        XCTAssertEqual(try contents("c.md"), Data("ü".utf8))
        XCTAssertEqual(try allPaths(), ["a.txt", "c.md", "csv", "csv/01_x.csv", "csv/deep", "csv/deep/er", "csv/deep/er/b.csv"])
    }

    func testSingleFilesAsTextAndData() throws {
        try AtomicFile.write("one\n", to: folder.appendingPathComponent("sub/one.txt"))
        try AtomicFile.write(Data([0, 255, 10]), to: folder.appendingPathComponent("two.bin"))
        XCTAssertEqual(try contents("sub/one.txt"), Data("one\n".utf8))
        XCTAssertEqual(try contents("two.bin"), Data([0, 255, 10]))
        XCTAssertEqual(try allPaths(), ["sub", "sub/one.txt", "two.bin"])
    }

    /// A file that cannot be renamed into place (a folder has its name) fails with a Cocoa error naming
    /// it and leaves no temporary file; the other files are written whole.
    func testFailureLeavesNoTemporaryFile() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("taken.json"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write([("a.md", "a"), ("taken.json", "{}"), ("b.md", "b")], in: folder)) { error in
            let cocoa = error as? CocoaError
            XCTAssertEqual(cocoa?.code, .fileWriteUnknown)
            XCTAssertEqual(cocoa?.userInfo[NSFilePathErrorKey] as? String, folder.appendingPathComponent("taken.json").path)
        }
        XCTAssertEqual(try allPaths(), ["a.md", "b.md", "taken.json"])
        XCTAssertEqual(try contents("b.md"), Data("b".utf8))
    }

    func testUnwritableFolderFails() {
        XCTAssertThrowsError(try AtomicFile.write([("x.md", "x")], in: URL(fileURLWithPath: "/dev/null/report")))
    }
}
