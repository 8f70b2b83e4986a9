import Foundation
import XCTest

/// `Fixtures/descriptives/likert.csv` (made by `make_likert.py`): columns by name, blank cells as NaN.
/// The fixture has no quoted fields, so a comma split is enough here.
enum LikertFixture {
    static let columns: [String: [Double]] = {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("descriptives/likert.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        var columns = [String: [Double]](uniqueKeysWithValues: header.map { ($0, []) })
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            for (name, cell) in zip(header, cells) {
                columns[name]!.append(cell.isEmpty ? .nan : Double(cell)!)
            }
        }
        return columns
    }()

    static func column(_ name: String) -> [Double] { columns[name]! }
}
