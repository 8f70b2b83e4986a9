import Foundation
import MessageText
import SurveyData
import SurveyStats

/// `paradox weight FILE --targets T.yml`: the rows of a data file raked to population margins.
/// Every margin's variable is a column; every row's value of it is one of the margin's levels (its
/// text, surrounding spaces removed); every level has a row.
public enum FileRaking {
    /// The raking of the file at `url` to `targets`.
    /// - Throws: ``DataError`` (unreadable file, ragged row, a value without a target),
    ///   ``ConfigFileError`` at the targets' line (a margin that is no column, a level without rows,
    ///   a level with rows and target 0), or ``RakingError``.
    public static func run(_ url: URL, delimiter: UInt8?, targets: RakingTargets, cap: Double?,
                           tolerance: Double, maxIterations: Int) throws -> RakingResult {
        let reader = try CSVReader(contentsOf: url, delimiter: delimiter)
        var header: [String] = []
        var rowLevels = [[Int]](repeating: [], count: targets.margins.count)
        var columns: [Int] = []
        var levelIndex: [[String: Int]] = targets.margins.map { margin in
            Dictionary(margin.levels.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { first, _ in first })
        }
        try reader.forEachRecord { record in
            if header.isEmpty {
                header = (0..<record.count).map(record.string)
                columns = try targets.margins.map { margin in
                    guard let column = header.firstIndex(of: margin.variable) else {
                        throw ConfigFileError(at: margin.location, message: "margin '\(Excerpt.excerpt(margin.variable))' is not a column of \(reader.file) (columns: \(Excerpt.excerptList(header)))")
                    }
                    return column
                }
                return
            }
            guard record.count == header.count else {
                throw DataError(file: reader.file, line: record.line, kind: .raggedRow(expected: header.count, found: record.count))
            }
            for (m, column) in columns.enumerated() {
                let value = record.string(column)
                guard let level = levelIndex[m][value] else {
                    throw DataError(file: reader.file, line: record.line(ofField: column), column: column + 1, columnName: header[column],
                                    kind: .unknownLevel(value: value, levels: targets.margins[m].levels.map(\.value)))
                }
                rowLevels[m].append(level)
            }
        }
        levelIndex.removeAll()
        let n = rowLevels.first?.count ?? 0
        guard n > 0 else { throw DataError(file: reader.file, kind: .headerOnly) }
        let scale = targets.kind == .proportions ? Double(n) : 1
        let margins = zip(targets.margins, rowLevels).map { margin, levels in
            RakingMargin(name: margin.variable, levels: margin.levels.map(\.value),
                         targets: margin.levels.map { $0.target * scale }, rowLevels: levels)
        }
        do {
            return try Raking.rake(margins, cap: cap, tolerance: tolerance, maxIterations: maxIterations)
        } catch let error as RakingError {
            throw located(error, targets: targets, file: reader.file)
        }
    }

    /// A level's problem at its line of the targets file.
    private static func located(_ error: RakingError, targets: RakingTargets, file: String) -> Error {
        func location(_ margin: String, _ level: String) -> ConfigFileLocation? {
            targets.margins.first { $0.variable == margin }?.levels.first { $0.value == level }?.location
        }
        switch error {
        case let .emptyCell(margin, level, _):
            guard let at = location(margin, level) else { return error }
            return ConfigFileError(at: at, message: "level '\(Excerpt.excerpt(level))' of margin '\(Excerpt.excerpt(margin))' has no row in \(file) (expected every level of the targets in the data; merge it with a neighbouring level)")
        case let .zeroTarget(margin, level, rows):
            guard let at = location(margin, level) else { return error }
            return ConfigFileError(at: at, message: "level '\(Excerpt.excerpt(level))' of margin '\(Excerpt.excerpt(margin))' has target 0 but \(rows) rows in \(file) (expected a positive target)")
        case .invalidBaseWeights:
            return error
        }
    }
}
