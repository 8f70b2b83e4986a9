import Foundation
import XCTest
@testable import Reporting

/// Numbers in report.docx line up at their decimal points (issue 18, point 4), as LibreOffice lays
/// them out (installed by ./test.sh): a decimal tab stop in each cell of a number column.
final class DocxDecimalAlignmentTests: XCTestCase {
    func testNumbersOfDifferentShapesAlignAtTheirPoints() throws {
        let soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let pdftotext = "/usr/bin/pdftotext"
        try XCTSkipIf(soffice == nil || !FileManager.default.isExecutableFile(atPath: pdftotext),
                      "LibreOffice or poppler-utils is not installed (./test.sh installs them)")
        let values = ["12.345", "< .001", ".004", "200", "−0.5"]
        let table = Table(id: "mixed", title: "Mixed", columns: [Table.Column("Term", key: "term", alignment: .left), Table.Column("Value", key: "value")],
                          rows: values.enumerated().map { [.text("row\($0.offset)"), .text($0.element)] })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docx-decimal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("mixed.docx")
        try DocxRenderer.render(Report(title: "Alignment", sections: [Report.Section(title: "Numbers", tables: [table])])).write(to: docx)
        _ = try run(soffice!, ["--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--convert-to", "pdf", "--outdir", folder.path, docx.path], in: folder)
        let layout = try run(pdftotext, ["-bbox", folder.appendingPathComponent("mixed.pdf").path, "-"], in: folder)
        // <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>
        var words: [String: (xMin: Double, xMax: Double)] = [:]
        for match in layout.matches(of: #/<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>/#) {
            words[String(match.output.3).replacingOccurrences(of: "&lt;", with: "<")] = (Double(match.output.1)!, Double(match.output.2)!)
        }
        let point = try XCTUnwrap(words[".004"]).xMin
        // Times New Roman digits are half an em: 5 pt at 10 pt.
        XCTAssertEqual(try XCTUnwrap(words[".001"]).xMin, point, accuracy: 0.2)
        XCTAssertEqual(try XCTUnwrap(words["12.345"]).xMin + 10, point, accuracy: 0.2)
        XCTAssertEqual(try XCTUnwrap(words["200"]).xMax, point, accuracy: 0.2)
        XCTAssertLessThan(try XCTUnwrap(words["<"]).xMax, point)
        XCTAssertLessThan(try XCTUnwrap(words["−0.5"]).xMin, point - 5)
    }

    func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(executable) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }
}
