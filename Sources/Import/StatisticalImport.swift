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
///   `categorical`; an unlabelled numeric variable → `numeric`; a string variable → `text`;
/// - SPSS's frequency-weight variable (WEIGHT BY) as the codebook's `weight`;
/// - dates and times (by display format, ``StatisticalDate``) → `date` written as ISO 8601 text;
///   SPSS `TIME`/`DTIME` → `duration` in seconds.
///
/// Numbers are written in the data file as the shortest text that reads back as the same double
/// (`3`, `1200.5`); extended missing values as `.a`; system-missing cells blank.
public enum StatisticalImport {
    public static func read(contentsOf url: URL, format: ImportFormat, dataTo destination: DataDestination = .memory) throws -> ImportedSurvey {
        let stata = format == .stata
        let file = try StatisticalFile.read(url, format: stata ? .stata : .spss)
        let dates = file.columns.map { $0.isText ? nil : StatisticalDate(format: $0.format, stata: stata) }
        let variables = zip(file.columns, dates).map { column, date in
            variable(of: column, date: date, labels: column.labelSet.flatMap { file.labelSets[$0] } ?? [])
        }
        var writer = try destination.writer()
        try writer.append(file.columns.map(\.name))
        for row in 0..<file.rowCount {
            try writer.append(file.columns.indices.lazy.map { cell(of: file.columns[$0], row: row, date: dates[$0], stata: stata) })
        }
        try writer.flush(closing: true)
        let title = file.label.isEmpty ? url.deletingPathExtension().lastPathComponent : file.label
        let weight = file.weight.flatMap { name in variables.contains { $0.name == name && $0.kind == .numeric } ? name : nil }
        return ImportedSurvey(codebook: Codebook(title: title, variables: variables, weight: weight), dataCSV: writer.bytes, rowCount: file.rowCount)
    }

    private static func cell(of column: StatisticalFile.Column, row: Int, date: StatisticalDate?, stata: Bool) -> String {
        if column.isText { return row < column.texts.count ? column.texts[row] : "" }
        guard row < column.numbers.count else { return "" }
        let number = column.numbers[row]
        if number.isNaN { return column.letters[row].map { ".\($0)" } ?? "" }
        if let date, !column.missingRanges.contains(where: { $0.contains(number) }) { return date.text(number, stata: stata) ?? MissingCode.format(number) }
        return MissingCode.format(number)
    }

    private static func variable(of column: StatisticalFile.Column, date: StatisticalDate?, labels: [(value: StatisticalFile.Value, label: String)]) -> Variable {
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
        let isUserMissing = { (value: Double) in column.missingRanges.contains { $0.contains(value) } }
        let missing = missingCodes(of: column, numberLabels: numberLabels, letterLabels: letterLabels)
        switch date {
        case .date?, .dateTime?: return Variable(name: column.name, label: column.label, kind: .date)
        case .duration?: return Variable(name: column.name, label: column.label, kind: .duration, missingCodes: missing)
        case nil: break
        }
        let valid = Set(column.numbers.filter { !$0.isNaN && !isUserMissing($0) })
            .union(numberLabels.keys.filter { !isUserMissing($0) })
        let validLabels = numberLabels.filter { !isUserMissing($0.key) }
        let kind: Variable.Kind
        if column.measure == .scale || validLabels.isEmpty {
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
                : Set(column.numbers.filter(range.contains)).union(numberLabels.keys.filter(range.contains)).sorted()
            let fallback = range.lowerBound == range.upperBound ? "Missing"
                : "Missing (\(MissingCode.format(range.lowerBound)) to \(MissingCode.format(range.upperBound)))"
            for value in values where !codes.contains(where: { $0.value == value }) {
                codes.append(MissingCode(value: value, label: numberLabels[value] ?? fallback))
            }
        }
        for letter in Set(column.letters.values).union(letterLabels.keys).sorted() {
            codes.append(MissingCode(letter: letter, label: letterLabels[letter] ?? "Missing .\(letter)"))
        }
        return codes
    }
}
