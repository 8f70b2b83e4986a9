import Foundation
import XCTest
@testable import SurveyData

/// `Dataset.forEachBlock`: the blocks, taken in index order, are `Dataset.load`'s dataset, whatever
/// the block size and thread count; errors are `load`'s, wherever they sit in the file.
final class BlockLoadTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let wave = root.appendingPathComponent("Data/wave1.csv")
    let codebook = try! Codebook.load(from: root.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml"))
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-block-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    /// Collects the blocks delivered from any thread.
    final class Blocks: @unchecked Sendable {
        private let lock = NSLock()
        private var blocks: [DatasetBlock] = []
        func add(_ block: DatasetBlock) {
            lock.lock()
            blocks.append(block)
            lock.unlock()
        }
        var inOrder: [DatasetBlock] {
            lock.lock()
            defer { lock.unlock() }
            return blocks.sorted { $0.index < $1.index }
        }
    }

    /// The blocks of `url`, in index order, with the summary.
    func blocks(_ url: URL, rowsPerBlock: Int, concurrency: Int) throws -> ([DatasetBlock], BlockLoadSummary) {
        let blocks = Blocks()
        let summary = try Dataset.forEachBlock(contentsOf: url, codebook: codebook, rowsPerBlock: rowsPerBlock, concurrency: concurrency) {
            blocks.add($0)
        }
        return (blocks.inOrder, summary)
    }

    /// The bundled wave's header and data lines.
    func waveLines() throws -> (header: String, rows: [String]) {
        let lines = try String(contentsOf: Self.wave, encoding: .utf8).split(separator: "\n").map(String.init)
        return (lines[0], Array(lines.dropFirst()))
    }

    func write(_ text: String, _ name: String = "wave.csv") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func dataError(_ body: () throws -> Void) -> DataError? {
        do { try body() } catch let error as DataError { return error } catch { XCTFail("unexpected \(error)") }
        return nil
    }

    func testBlocksInIndexOrderAreTheLoadedDataset() throws {
        let loaded = try Dataset.load(contentsOf: Self.wave, codebook: codebook)
        assertSame(loaded, try Dataset.loadSequentially(reader: CSVReader(contentsOf: Self.wave), codebook: codebook))
        for concurrency in [1, 2] {
            let (blocks, summary) = try blocks(Self.wave, rowsPerBlock: 7, concurrency: concurrency)
            XCTAssertEqual(summary, BlockLoadSummary(file: Self.wave.path, rowCount: 200, blockCount: 29, warnings: [], idHashes: []))
            XCTAssertEqual(blocks.map(\.index), Array(0..<29))
            XCTAssertEqual(blocks.map(\.firstLine), (0..<29).map { 2 + 7 * $0 })
            XCTAssertEqual(blocks.map(\.dataset.rowCount), Array(repeating: 7, count: 28) + [4])
            for block in blocks {
                XCTAssertEqual(block.dataset.columnNames, loaded.columnNames)
                XCTAssertTrue(block.dataset.warnings.isEmpty)
            }
            assertSame(Dataset(concatenating: blocks.map(\.dataset), file: summary.file, warnings: summary.warnings), loaded)
        }
    }

    /// Without text cells, the blocks hold every other column as before and the ID column only its
    /// blank count (one blank ID added); a repeated ID is still the sequential reader's error.
    func testBlocksWithoutTextCellsKeepEverythingElse() throws {
        let (header, rows) = try waveLines()
        var changed = rows
        changed[40] = String(rows[40].drop { $0 != "," })
        let url = try write(([header] + changed).joined(separator: "\n") + "\n")
        let loaded = try Dataset.load(contentsOf: url, codebook: codebook)
        let blocks = Blocks()
        let summary = try Dataset.forEachBlock(contentsOf: url, codebook: codebook, rowsPerBlock: 16, concurrency: 2,
                                               keepingTextCells: false) { blocks.add($0) }
        var joined = Dataset(concatenating: blocks.inOrder.map(\.dataset), file: summary.file, warnings: summary.warnings)
        XCTAssertEqual(joined.columns[0].values.count, 0)
        XCTAssertEqual(joined.columns[0].missing.blank, 1)
        joined.columns[0].values = loaded.columns[0].values
        assertSame(joined, loaded)

        changed[150] = "R012" + rows[150].drop { $0 != "," }
        let repeated = try write(([header] + changed).joined(separator: "\n") + "\n", "repeated.csv")
        let error = dataError { _ = try Dataset.forEachBlock(contentsOf: repeated, codebook: codebook, keepingTextCells: false) { _ in } }
        XCTAssertEqual(error, dataError { _ = try Dataset.load(contentsOf: repeated, codebook: codebook) })
        XCTAssertNotNil(error)
    }

    /// Blank lines count as lines of a block but are no rows; a block's first line is its first row's.
    /// The loader's line-end count (256 bytes at a time) is the count made byte by byte: for
    /// texts with long and short lines, every start, end and number of lines wanted, the same lines
    /// found, the same end of the last one and the same place to resume.
    func testLineEndsAreCountedAsByteByByte() {
        var state: UInt64 = 42
        let text: [UInt8] = (0..<1200).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 60 < 3 ? CSVReader.newline : UInt8(ascii: "a") + UInt8(state >> 59 & 7)
        }
        text.withUnsafeBufferPointer { bytes in
            for start in [0, 1, 7, 16, 31, 300] {
                for end in [start, start + 5, start + 16, start + 47, start + 256, start + 600, 1200] where end <= 1200 {
                    for wanted in [1, 2, 3, 10, 50, 100, 1000] {
                        var found = 0, lastEnd: Int?, stop = start
                        while stop < end && found < wanted {
                            if bytes[stop] == CSVReader.newline { found += 1; lastEnd = stop + 1 }
                            stop += 1
                        }
                        let scan = BlockLoader.lineEnds(bytes.baseAddress!, from: start, to: end, wanted: wanted)
                        XCTAssertEqual(scan.found, found, "\(start)..<\(end), \(wanted) wanted")
                        XCTAssertEqual(scan.lastEnd, lastEnd, "\(start)..<\(end), \(wanted) wanted")
                        XCTAssertEqual(scan.stop, stop, "\(start)..<\(end), \(wanted) wanted")
                    }
                }
            }
        }
    }

    func testBlankLinesAndAnUnterminatedLastLine() throws {
        let (header, rows) = try waveLines()
        let text = ([header, "", rows[0], rows[1], "", "  ", rows[2]] + rows[3..<10] + ["", "", "", "", ""] + [rows[10]]).joined(separator: "\n")
        let url = try write(text)
        let (blocks, summary) = try blocks(url, rowsPerBlock: 3, concurrency: 2)
        XCTAssertEqual(summary.rowCount, 11)
        XCTAssertEqual(blocks.map(\.dataset.rowCount), [2, 1, 3, 3, 1, 0, 1])
        XCTAssertEqual(blocks.map(\.firstLine), [3, 7, 8, 11, 14, 17, 20])
        assertSame(Dataset(concatenating: blocks.map(\.dataset), file: summary.file, warnings: summary.warnings),
                   try Dataset.loadSequentially(reader: CSVReader(contentsOf: url), codebook: codebook))
    }

    func testADuplicateIDInAnotherBlockIsTheSequentialReadersError() throws {
        let (header, rows) = try waveLines()
        var changed = rows
        changed[150] = "R012" + rows[150].drop { $0 != "," }
        let url = try write(([header] + changed).joined(separator: "\n") + "\n")
        for concurrency in [1, 2] {
            let error = dataError { _ = try Dataset.forEachBlock(contentsOf: url, codebook: codebook, rowsPerBlock: 7, concurrency: concurrency) { _ in } }
            XCTAssertEqual(error, DataError(file: url.path, line: 152, column: 1, columnName: "respondent_id",
                                            kind: .duplicateID(value: "R012", firstLine: 13)))
        }
        XCTAssertEqual(dataError { _ = try Dataset.load(contentsOf: url, codebook: codebook) }?.line, 152)
    }

    func testAnInvalidCellInALateBlockIsTheSequentialReadersError() throws {
        let (header, rows) = try waveLines()
        var changed = rows
        var cells = rows[190].split(separator: ",", omittingEmptySubsequences: false)
        cells[9] = "7"
        changed[190] = cells.joined(separator: ",")
        let url = try write(([header] + changed).joined(separator: "\n") + "\n")
        let error = dataError { _ = try Dataset.forEachBlock(contentsOf: url, codebook: codebook, rowsPerBlock: 7, concurrency: 2) { _ in } }
        XCTAssertEqual(error?.line, 192)
        XCTAssertEqual(error?.column, 10)
        XCTAssertEqual(error?.kind, .outOfRange(value: "7", expected: "a whole number from 1 to 5 or a missing code (98, 99)"))
        XCTAssertEqual(error, dataError { _ = try Dataset.loadSequentially(reader: CSVReader(contentsOf: url), codebook: codebook) })
    }

    func testAHeaderOnlyFileIsAnError() throws {
        let (header, _) = try waveLines()
        let url = try write(header + "\n\n\n")
        let error = dataError { _ = try Dataset.forEachBlock(contentsOf: url, codebook: codebook, rowsPerBlock: 1, concurrency: 2) { _ in } }
        XCTAssertEqual(error, DataError(file: url.path, line: 1, kind: .headerOnly))
    }

    func testAQuotedFileComesAsOneBlock() throws {
        let (header, rows) = try waveLines()
        var changed = rows
        changed[2] = "\"R003\"" + rows[2].drop { $0 != "," }
        let url = try write(([header] + changed).joined(separator: "\n") + "\n")
        let (blocks, summary) = try blocks(url, rowsPerBlock: 7, concurrency: 2)
        XCTAssertEqual(blocks.map(\.index), [0])
        XCTAssertEqual(blocks[0].firstLine, 2)
        XCTAssertEqual(summary.blockCount, 1)
        assertSame(blocks[0].dataset, try Dataset.loadSequentially(reader: CSVReader(contentsOf: url), codebook: codebook))
    }

    /// From the first block with a quote on, the rest of the file is one block (a quoted field may
    /// hold line breaks); a Likert answer written as its label takes the sequential reader for its block only.
    func testQuotesAndLabelsLaterInTheFile() throws {
        let (header, rows) = try waveLines()
        var changed = rows
        var cells = rows[30].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[8] = "Agree"
        changed[30] = cells.joined(separator: ",")
        changed[101] = "\"R1\n02\"" + rows[101].drop { $0 != "," }
        let url = try write(([header] + changed).joined(separator: "\n") + "\n")
        let (blocks, summary) = try blocks(url, rowsPerBlock: 10, concurrency: 2)
        XCTAssertEqual(blocks.map(\.dataset.rowCount), Array(repeating: 10, count: 10) + [100])
        XCTAssertEqual(blocks.last?.firstLine, 102)
        let loaded = try Dataset.loadSequentially(reader: CSVReader(contentsOf: url), codebook: codebook)
        assertSame(Dataset(concatenating: blocks.map(\.dataset), file: summary.file, warnings: summary.warnings), loaded)
        guard case .text(let ids) = loaded.columns[0].values, case .likert(let pc2) = loaded.columns[8].values else { return XCTFail() }
        XCTAssertEqual(ids[101], "R1\n02")
        XCTAssertEqual(pc2.codes[30], 4)
    }

    func testAnErrorThrownByTheBodyStopsTheLoad() throws {
        struct Stop: Error {}
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var calls = 0
        }
        for concurrency in [1, 2] {
            let count = Count()
            XCTAssertThrowsError(try Dataset.forEachBlock(contentsOf: Self.wave, codebook: codebook, rowsPerBlock: 7, concurrency: concurrency) { block in
                count.lock.lock()
                count.calls += 1
                count.lock.unlock()
                if block.index == 2 { throw Stop() }
            }) { XCTAssertTrue($0 is Stop) }
            XCTAssertLessThan(count.calls, 29)
        }
    }

    func testIgnoredColumnsWarnInTheSummary() throws {
        let (header, rows) = try waveLines()
        let url = try write(([header + ",note"] + rows.map { $0 + ",x" }).joined(separator: "\n"))
        let (blocks, summary) = try blocks(url, rowsPerBlock: 50, concurrency: 2)
        XCTAssertEqual(summary.warnings, ["Columns not in the codebook were ignored: note."])
        XCTAssertTrue(blocks.allSatisfy { $0.dataset.warnings.isEmpty })
        assertSame(Dataset(concatenating: blocks.map(\.dataset), file: summary.file, warnings: summary.warnings),
                   try Dataset.load(contentsOf: url, codebook: codebook))
    }

    /// The bundled wave altered at random (fixed seed) in the ways files go wrong or differ: every
    /// variant reads, block by block at any size and thread count and through `load`, as the
    /// sequential reader reads it, to the same dataset or the same error.
    func testRandomlyAlteredWavesReadAsTheSequentialReaderReadsThem() throws {
        let (header, rows) = try waveLines()
        var state: UInt64 = 2024
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let likert = ["", " 3 ", "NA", "98", "99", "Agree", "strongly agree", "\"4\"", "+2", "2"]
        let badLikert = ["7", "x", "3.0", "0", "4\u{00E9}"]
        let gender = ["", "Woman", " man ", "99", "NA", "\"woman\"", "Non-binary or another gender"]
        let badCategorical = ["unknown", "45 and over", "18-24", "man\u{FFFD}"]
        let ids = ["\"R%d,x\"", "\"R\n%d\"", " R%d ", "R\u{FEFF}%d", "R\u{10348}%d", "\"R\"\"%d\""]
        for variant in 0..<40 {
            // Two in three variants only differ from the plain wave; the others may hold an error.
            let errors = next(3) == 0
            var lines = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            for _ in 0..<(1 + next(3)) {
                let row = next(lines.count)
                switch next(errors ? 8 : 4) {
                case 0: lines[row][7 + next(24)] = likert[next(likert.count)]
                case 1: lines[row][2] = gender[next(gender.count)]
                case 2: lines[row][0] = String(format: ids[next(ids.count)], 1_000 + row)
                case 3: lines.insert([["   "], [""], []][next(3)], at: row)
                case 4: lines[row][7 + next(24)] = badLikert[next(badLikert.count)]
                case 5: lines[row][1 + next(6)] = badCategorical[next(badCategorical.count)]
                case 6: lines[row][0] = lines[next(lines.count)][0]  // a repeated ID (or the same row's)
                default: lines[row].removeLast()
                }
            }
            let lineEnd = next(4) == 0 ? "\r\n" : "\n"
            var bytes = Array(([header] + lines.map { $0.joined(separator: ",") }).joined(separator: lineEnd).utf8)
            if next(2) == 0 { bytes += Array(lineEnd.utf8) }
            if next(8) == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            if errors && next(4) == 0 { bytes.insert(0xFF, at: bytes.count / 2 + next(bytes.count / 2)) }
            let url = folder.appendingPathComponent("variant\(variant).csv")
            try Data(bytes).write(to: url)
            let expected = Result { try Dataset.loadSequentially(reader: CSVReader(contentsOf: url), codebook: codebook) }
            for (rowsPerBlock, concurrency) in [(1, 2), (3, 1), (16, 2), (1_000, 2)] {
                let actual = Result { () -> Dataset in
                    let (blocks, summary) = try self.blocks(url, rowsPerBlock: rowsPerBlock, concurrency: concurrency)
                    return Dataset(concatenating: blocks.map(\.dataset), file: summary.file, warnings: summary.warnings)
                }
                switch (expected, actual) {
                case (.success(let a), .success(let b)): assertSame(b, a)
                case (.failure(let a), .failure(let b)): XCTAssertEqual(b as? DataError, a as? DataError, "variant \(variant)")
                default: XCTFail("variant \(variant), \(rowsPerBlock) lines per block: \(actual) but the sequential reader: \(expected)")
                }
            }
            switch (expected, Result { try Dataset.load(contentsOf: url, codebook: codebook) }) {
            case (.success(let a), .success(let b)): assertSame(b, a)
            case (.failure(let a), .failure(let b)): XCTAssertEqual(b as? DataError, a as? DataError, "variant \(variant)")
            case (_, let actual): XCTFail("variant \(variant): load gives \(actual) but the sequential reader: \(expected)")
            }
        }
    }
}
