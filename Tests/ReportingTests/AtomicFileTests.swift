import Foundation
import XCTest
@testable import Reporting

/// Single files (`AtomicFile`) and report folders (`OutputFolder`) through their public API.
final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    private func contents(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    private func allPaths() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    }

    func testFolderIsReplacedWholeWithItsMarker() throws {
        let text = String(repeating: "α = .81 | ✓ — ", count: 50_000)
        try OutputFolder.write([("a.txt", "old"), ("csv/01_x.csv", "x"), ("stale.md", "s")], to: path("out"))
        try OutputFolder.write([("a.txt", text), ("csv/01_x.csv", ""), ("csv/deep/er/b.csv", "b,c\n"), ("c.md", "ü")], to: path("out"))
        XCTAssertEqual(try contents("out/a.txt"), text)
        XCTAssertEqual(try contents("out/csv/01_x.csv"), "")
        XCTAssertEqual(try contents("out/c.md"), "ü")
        XCTAssertEqual(try contents("out/.paradox-output"), OutputFolder.markerText)
        XCTAssertEqual(try allPaths(), ["out", "out/.paradox-output", "out/a.txt", "out/c.md", "out/csv", "out/csv/01_x.csv",
                                        "out/csv/deep", "out/csv/deep/er", "out/csv/deep/er/b.csv"])
    }

    /// A name leading outside the folder fails part-way: the previous folder stays, no temporary is left.
    func testFailurePartWayKeepsThePreviousFolder() throws {
        try OutputFolder.write([("a.md", "old")], to: path("out"))
        for bad in ["../escape.md", "csv/../../x", "/abs", "a//b", "csv/./c"] {
            XCTAssertThrowsError(try OutputFolder.write(to: path("out")) { output in
                try output.write([("a.md", Data("new".utf8))])
                try output.write([("b.md", Data("b".utf8)), (bad, Data("x".utf8))], in: "sub")
            }) { error in
                XCTAssertEqual(error as? OutputError, .outsideOutput(self.path("out") + "/sub/" + bad))
            }
        }
        XCTAssertEqual(try allPaths(), ["out", "out/.paradox-output", "out/a.md"])
        XCTAssertEqual(try contents("out/a.md"), "old")
    }

    func testErrorsInWords() throws {
        try FileManager.default.createDirectory(atPath: path("taken.json"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("{}", to: path("taken.json"))) { error in
            XCTAssertEqual("\(error)", "cannot write \(self.path("taken.json")): it is a folder")
        }
        XCTAssertThrowsError(try OutputFolder.write([("x.md", "x")], to: "/dev/null/report")) { error in
            XCTAssertEqual("\(error)", "cannot write /dev/null: it is a file, not a folder")
        }
        XCTAssertThrowsError(try AtomicFile.write("x", to: "")) { XCTAssertEqual($0 as? OutputError, .emptyPath) }
        XCTAssertEqual(try allPaths(), ["taken.json"])
    }

    /// Several files are renamed into place only when all are written; the folder is never one.
    func testSingleFilesAsTextAndData() throws {
        try AtomicFile.write("one\n", to: path("sub/one.txt"))
        try AtomicFile.write([(path("two.bin"), Data([0, 255, 10])), (path("sub/three"), Data("3".utf8))])
        XCTAssertEqual(try contents("sub/one.txt"), "one\n")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("two.bin")), Data([0, 255, 10]))
        XCTAssertThrowsError(try AtomicFile.write([(path("four"), Data()), (path("sub"), Data())]))
        XCTAssertEqual(try allPaths(), ["sub", "sub/one.txt", "sub/three", "two.bin"])
    }

    /// A symbolic link to a folder is written through: the link stays, the folder it names is replaced.
    func testSymbolicLinkToTheFolderIsFollowed() throws {
        try OutputFolder.write([("a.md", "old")], to: path("real"))
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: path("real"))
        try OutputFolder.write([("b.md", "new")], to: path("link") + "/")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link")), path("real"))
        XCTAssertEqual(try allPaths(), ["link", "real", "real/.paradox-output", "real/b.md"])
    }
}
