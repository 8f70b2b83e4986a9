import Foundation
import SurveyData

/// Reads an SPSS (.sav, .zsav) or Stata (.dta) file into a codebook and a plain data file,
/// keeping what carries meaning:
///
/// - variable labels, and value labels as Likert scale-point labels or categorical level labels;
/// - SPSS user-missing values as missing codes, each labelled by its value label (its reason), so
///   "Don't know" stays apart from "Refused" and from system-missing (blank) cells. A user-missing
///   *range* becomes one code per value of the range that is labelled or occurs in the data;
/// - Stata's extended missing values `.a`…`.z` as missing codes written `.a`, labelled likewise;
/// - the measurement level: SPSS *ordinal* with whole-number codes spanning 2–11 points → `likert`,
///   *scale* → `numeric`, *nominal* (and Stata's labelled variables, which carry no level) →
///   `categorical`; an unlabelled numeric variable, or one with more than 1,000 distinct values,
///   → `numeric`; a string variable → `text`;
/// - SPSS's frequency-weight variable (WEIGHT BY) as the codebook's `weight`;
/// - dates and times (by display format, ``StatisticalDate``) → `date` written as ISO 8601 text;
///   SPSS `TIME`/`DTIME` → `duration` in seconds.
///
/// Numbers are written in the data file as the shortest text that reads back as the same double
/// (`3`, `1200.5`); extended missing values as `.a`; system-missing cells blank.
public enum StatisticalImport {
    public static func read(contentsOf url: URL, format: ImportFormat, dataTo destination: DataDestination = .memory) throws -> ImportedSurvey {
        try read(contentsOf: url, format: format, dataTo: destination, minimumPieceRows: StatisticalFile.minimumPieceRows)
    }

    /// ``read(contentsOf:format:dataTo:)`` reading files of at least twice `minimumPieceRows` rows in pieces on all cores.
    static func read(contentsOf url: URL, format: ImportFormat, dataTo destination: DataDestination, minimumPieceRows: Int) throws -> ImportedSurvey {
        var writer = try destination.writer()
        let file = try StatisticalFile.read(url, format: format == .stata ? .stata : .spss, writingTo: &writer, minimumPieceRows: minimumPieceRows)
        if file.rowCount == 0 { try writer.append(file.columns.map(\.name)) }
        try writer.flush(closing: true)
        let variables = file.columns.map { column in
            variable(of: column, labels: column.labelSet.flatMap { file.labelSets[$0] } ?? [])
        }
        let title = file.label.isEmpty ? url.deletingPathExtension().lastPathComponent : file.label
        let weight = file.weight.flatMap { name in variables.contains { $0.name == name && $0.kind == .numeric } ? name : nil }
        return ImportedSurvey(codebook: Codebook(title: title, variables: variables, weight: weight), dataCSV: writer.bytes, rowCount: file.rowCount)
    }

    private static func variable(of column: StatisticalFile.Column, labels: [(value: StatisticalFile.Value, label: String)]) -> Variable {
        if column.isText { return Variable(name: column.name, label: column.label, kind: .text) }
        var numberLabels: [Double: String] = [:]
        var letterLabels: [Character: String] = [:]
        for (value, label) in labels {
            switch value {
            case .number(let number): numberLabels[number] = label
            case .letter(let letter): letterLabels[letter] = label
            case .text: break
            }
        }
        let missing = missingCodes(of: column, numberLabels: numberLabels, letterLabels: letterLabels)
        switch column.date {
        case .date?, .dateTime?: return Variable(name: column.name, label: column.label, kind: .date)
        case .duration?: return Variable(name: column.name, label: column.label, kind: .duration, missingCodes: missing)
        case nil: break
        }
        let valid = column.observed.union(numberLabels.keys.filter { !column.isUserMissing($0) })
        let validLabels = numberLabels.filter { !column.isUserMissing($0.key) }
        let kind: Variable.Kind
        if column.measure == .scale || validLabels.isEmpty || !column.observedAll {
            kind = .numeric
        } else if column.measure == .ordinal, let range = likertRange(valid) {
            kind = .likert(LikertScale(range: range, valueLabels: Dictionary(uniqueKeysWithValues: validLabels.map { (Int($0.key), $0.value) })))
        } else {
            kind = .categorical(levels: valid.sorted().map { Level(value: MissingCode.format($0), label: numberLabels[$0] ?? MissingCode.format($0)) }, reference: 0)
        }
        return Variable(name: column.name, label: column.label, kind: kind, missingCodes: missing)
    }

    /// Whole numbers spanning 2 to 11 points within −100…100.
    private static func likertRange(_ values: Set<Double>) -> ClosedRange<Int>? {
        guard let low = values.min(), let high = values.max(), values.allSatisfy({ $0 == $0.rounded() }),
              low >= -100, high <= 100, low < high, high - low < Double(QuestionBlocks.maximumLikertPoints) else { return nil }
        return Int(low)...Int(high)
    }

    /// SPSS discrete codes in file order, then the values of ranges that are labelled or occur, then
    /// Stata letters that are labelled or occur, alphabetically.
    private static func missingCodes(of column: StatisticalFile.Column, numberLabels: [Double: String], letterLabels: [Character: String]) -> [MissingCode] {
        var codes: [MissingCode] = []
        for range in column.missingRanges {
            let values = range.lowerBound == range.upperBound ? [range.lowerBound]
                : column.observedMissing.filter(range.contains).union(numberLabels.keys.filter(range.contains)).sorted()
            let fallback = range.lowerBound == range.upperBound ? "Missing"
                : "Missing (\(MissingCode.format(range.lowerBound)) to \(MissingCode.format(range.upperBound)))"
            for value in values where !codes.contains(where: { $0.value == value }) {
                codes.append(MissingCode(value: value, label: numberLabels[value] ?? fallback))
            }
        }
        for letter in column.letters.union(letterLabels.keys).sorted() {
            codes.append(MissingCode(letter: letter, label: letterLabels[letter] ?? "Missing .\(letter)"))
        }
        return codes
    }
}
