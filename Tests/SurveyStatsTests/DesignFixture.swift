import Foundation
@testable import SurveyStats

/// `Fixtures/design/design.csv` (written by `design.R`) and the values R printed (`design_R.txt`):
/// each line of the output is a label (words) followed by numbers.
enum DesignFixture {
    struct Row {
        var stratum: String, psu: String, populationSize: Double, w: Double, fw: Double
        var x1: Double, x2: Double, g: String, y: Double, answer: String
    }

    static let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("design")

    /// The fixture has no commas inside quotes, so a comma split is enough here.
    static let rows: [Row] = {
        let text = try! String(contentsOf: url.appendingPathComponent("design.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
            return Row(stratum: c[0], psu: c[1], populationSize: Double(c[2])!, w: Double(c[3])!, fw: Double(c[4])!,
                       x1: Double(c[5])!, x2: Double(c[6])!, g: c[7], y: Double(c[8]) ?? .nan, answer: c[9])
        }
    }()

    /// The numbers R printed after `label`.
    static func expected(_ label: String) -> [Double] {
        let text = try! String(contentsOf: url.appendingPathComponent("design_R.txt"), encoding: .utf8)
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            let numbers = words.reversed().prefix { Double($0) != nil }.reversed().map { Double($0)! }
            if words.dropLast(numbers.count).joined(separator: " ") == label { return numbers }
        }
        fatalError("no line \(label) in design_R.txt")
    }

    /// The four designs of `design.R`: strata, PSUs and fpc; strata and PSUs; each row its own PSU;
    /// strata with each row its own PSU.
    enum Design: String, CaseIterable { case full, nofpc, rows, strata }

    /// A stratum's number: its letter's place (a, b, c → 0, 1, 2).
    static func stratum(_ row: Row) -> Double { Double(["a", "b", "c"].firstIndex(of: row.stratum)!) }

    /// The summary of no rows of `variableCount` variables under `design` (rows as PSUs with the fourth moments).
    static func empty(_ design: Design, variableCount: Int) -> DesignSums {
        var sums = DesignSums(variableCount: variableCount, rowsArePSUs: design == .rows || design == .strata, keepsFourthMoments: true)
        sums.stratumNames = [0: "a", 1: "b", 2: "c"]
        return sums
    }

    /// The summary of `values(row)` for `rows` under `design` with sampling weights `w`.
    static func sums(_ design: Design, rows: ArraySlice<Row> = rows[...], _ values: (Row) -> [Double]) throws -> DesignSums {
        var sums = empty(design, variableCount: values(self.rows[0]).count)
        for row in rows {
            switch design {
            case .full: try sums.add(values(row), weight: row.w, stratum: stratum(row), psu: Double(row.psu)!, populationSize: row.populationSize)
            case .nofpc: try sums.add(values(row), weight: row.w, stratum: stratum(row), psu: Double(row.psu)!)
            case .rows: try sums.add(values(row), weight: row.w)
            case .strata: try sums.add(values(row), weight: row.w, stratum: stratum(row))
            }
        }
        return sums
    }
}
