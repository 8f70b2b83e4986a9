import Foundation
import Import
import MessageText
import SurveyData

/// Applies a study's ``ScreeningPlan`` to a loaded wave: each rule, in the plan's fixed order
/// (preview, unfinished, duplicates, speeders, straightliners, attention checks), looks only at the
/// respondents the rules before it kept, and the first rule that excludes a respondent is the one
/// counted. The result says, per row, which rule excluded it.
struct Screening {
    /// Per data row, the rule that excluded it; `nil` for a respondent kept.
    private(set) var exclusions: [ParticipantFlow.Rule?]
    private(set) var flow: ParticipantFlow

    /// The status codes and texts of Qualtrics' preview and test responses (Qualtrics support,
    /// "Understanding your dataset": Response Type).
    static let previewStatuses: Set<String> = ["1", "2", "9", "17", "Survey Preview", "Survey Test", "Survey Preview Spam", "Offline Survey Preview"]
    static let falseFlags: Set<String> = ["0", "False", "false", "FALSE"]

    /// - Parameters:
    ///   - file: the wave as the study file names it.
    /// - Throws: ``ScreeningError`` for a rule whose column the wave lacks or cannot serve.
    init(_ plan: ScreeningPlan, dataset: Dataset, codebook: Codebook, file: String) throws {
        exclusions = Array(repeating: nil, count: dataset.rowCount)
        flow = ParticipantFlow(file: file, received: dataset.rowCount, steps: [], excludedOut: plan.excludedOut)
        let cells = CellText(dataset: dataset, file: file)
        if let status = plan.preview {
            let column = try cells.column(status, rule: .preview)
            exclude(.preview, "Status is Survey Preview or Survey Test") { Self.previewStatuses.contains(cells.text(column, $0) ?? "") }
        }
        if let unfinished = plan.unfinished {
            if let minimum = unfinished.minProgress {
                let progress = try cells.numbers(unfinished.progress, rule: .unfinished)
                exclude(.unfinished, "Progress below \(MissingCode.format(minimum)) %") { progress[$0] < minimum }
            } else {
                let finished = try cells.column(unfinished.finished, rule: .unfinished)
                exclude(.unfinished, "Finished is false") { Self.falseFlags.contains(cells.text(finished, $0) ?? "") }
            }
        }
        if let duplicates = plan.duplicates {
            var criteria: [String] = []
            var keys: [(Int) -> String?] = []
            if let by = duplicates.by {
                let column = try cells.column(by, rule: .duplicate)
                criteria.append("\(Excerpt.excerpt(by.name)) repeats an earlier respondent's")
                keys.append { cells.text(column, $0).map { "id\u{1F}" + $0 } }
            }
            if duplicates.answers {
                let answers = Self.answerColumns(dataset: dataset, codebook: codebook)
                criteria.append("all \(answers.count) answers repeat an earlier respondent's")
                keys.append { row in
                    let texts = answers.map { cells.text($0, row) }
                    guard texts.contains(where: { $0 != nil }) else { return nil }
                    return "answers\u{1F}" + texts.map { $0 ?? "" }.joined(separator: "\u{1F}")
                }
            }
            var seen = Set<String>()
            exclude(.duplicate, criteria.joined(separator: ", or ")) { row in
                keys.compactMap { $0(row) }.reduce(false) { repeated, key in !seen.insert(key).inserted || repeated }
            }
        }
        if let speeders = plan.speeders {
            let column = try speeders.duration ?? Self.durationColumn(codebook: codebook, file: file)
            let durations = try cells.numbers(column, rule: .speeder)
            if let minimum = speeders.minSeconds {
                exclude(.speeder, "\(Excerpt.excerpt(column.name)) below \(MissingCode.format(minimum)) s") { durations[$0] < minimum }
            } else {
                let kept = exclusions.indices.filter { exclusions[$0] == nil && !durations[$0].isNaN }.map { durations[$0] }
                let fraction = abs(speeders.fraction - ScreeningPlan.Speeders.defaultFraction) < 1e-12 ? "1/3" : MissingCode.format(speeders.fraction)
                if let median = Self.median(kept) {
                    let threshold = speeders.fraction * median
                    exclude(.speeder, "\(Excerpt.excerpt(column.name)) below \(fraction) of the median (\(MissingCode.format(median)) s)") { durations[$0] < threshold }
                } else {
                    exclude(.speeder, "\(Excerpt.excerpt(column.name)) below \(fraction) of the median (no durations recorded)") { _ in false }
                }
            }
        }
        if let straightliners = plan.straightliners {
            let blocks = try Self.likertBlocks(straightliners, dataset: dataset, codebook: codebook, file: file)
            let codes = blocks.map { $0.items.map { items -> [Int8] in if case .likert(let v) = items.values { return v.codes } else { return [] } } }
            exclude(.straightliner, "one answer to every item of \(Excerpt.excerptList(blocks.map(\.name)))") { row in
                codes.contains { items in
                    let first = items[0][row]
                    return first != LikertValues.missing && items.allSatisfy { $0[row] == first }
                }
            }
        }
        for check in plan.attentionChecks {
            let column = try cells.column(check.item, rule: .attention)
            exclude(.attention, "\(Excerpt.excerpt(check.item.name)) is not \(Excerpt.excerpt(check.expected))") { row in
                cells.text(column, row) != check.expected && cells.label(column, row) != check.expected
            }
        }
    }

    /// Marks the rows still in for which `excluded` holds as excluded by `rule`, and counts them.
    private mutating func exclude(_ rule: ParticipantFlow.Rule, _ criterion: String, where excluded: (Int) -> Bool) {
        var count = 0
        for row in exclusions.indices where exclusions[row] == nil && excluded(row) {
            exclusions[row] = rule
            count += 1
        }
        flow.steps.append(ParticipantFlow.Step(rule: rule, criterion: criterion, excluded: count))
    }

    /// The middle value (mean of the two middle ones for an even count); `nil` for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The codebook's first `duration` variable (Qualtrics' `Duration (in seconds)`).
    private static func durationColumn(codebook: Codebook, file: String) throws -> ScreeningPlan.Column {
        guard let variable = codebook.variables.first(where: { $0.kind == .duration }) else {
            throw ScreeningError(file: file, location: nil, rule: .speeder, column: nil,
                                 expected: "a variable of type duration in the codebook, or speeders: {duration: COLUMN}")
        }
        return ScreeningPlan.Column(name: variable.name)
    }

    /// The columns that answer questions: Likert, categorical and numeric, without the platform's own columns.
    private static func answerColumns(dataset: Dataset, codebook: Codebook) -> [DataColumn] {
        dataset.columns.filter { column in
            guard let variable = codebook.variable(named: column.name), !variable.isPII, !ImportFormat.isPlatformColumn(column.name) else { return false }
            switch variable.kind {
            case .likert, .categorical, .numeric: return true
            case .id, .text, .date, .duration, .flag: return false
            }
        }
    }

    /// The Likert blocks a straightliner rule checks, each with its items' columns.
    private static func likertBlocks(_ rule: ScreeningPlan.Straightliners, dataset: Dataset, codebook: Codebook,
                                     file: String) throws -> [(name: String, items: [DataColumn])] {
        var blocks: [(name: String, items: [String])] = []
        var questions: [String: [String]] = [:]
        for variable in codebook.variables {
            if let question = variable.question, case .likert = variable.kind { questions[question, default: []].append(variable.name) }
        }
        let questionOrder = codebook.variables.compactMap(\.question).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if let named = rule.blocks {
            for block in named {
                guard let items = questions[block.name] ?? codebook.scales.first(where: { $0.name == block.name })?.items else {
                    throw ScreeningError(file: file, location: block.location, rule: .straightliner, column: block.name,
                                         expected: "a Likert question (items sharing a question) or a scale of the codebook")
                }
                blocks.append((block.name, items))
            }
        } else {
            blocks = questionOrder.compactMap { name in questions[name].map { (name, $0) } } + codebook.scales.map { ($0.name, $0.items) }
        }
        let columns = blocks.compactMap { block -> (name: String, items: [DataColumn])? in
            let items = block.items.compactMap { dataset.column(named: $0) }.filter { if case .likert = $0.values { return true } else { return false } }
            return items.count >= rule.minItems ? (block.name, items) : nil
        }
        guard !columns.isEmpty else {
            throw ScreeningError(file: file, location: rule.blocks?.first?.location, rule: .straightliner, column: nil,
                                 expected: "a Likert block (question or scale) of at least \(rule.minItems) items")
        }
        return columns
    }
}

/// A wave's cells as text, for rules that compare them with what the study file writes.
private struct CellText {
    let dataset: Dataset
    let file: String

    func column(_ reference: ScreeningPlan.Column, rule: ParticipantFlow.Rule) throws -> DataColumn {
        guard let column = dataset.column(named: reference.name) else {
            throw ScreeningError(file: file, location: reference.location, rule: rule, column: reference.name, expected: "a column of the data")
        }
        return column
    }

    func numbers(_ reference: ScreeningPlan.Column, rule: ParticipantFlow.Rule) throws -> [Double] {
        guard let numbers = try column(reference, rule: rule).numericValues else {
            throw ScreeningError(file: file, location: reference.location, rule: rule, column: reference.name,
                                 expected: "a numeric column (type numeric or duration in the codebook)")
        }
        return numbers
    }

    /// The cell as written (a Likert answer's code, a number's shortest text, a level's value); `nil` when missing.
    func text(_ column: DataColumn, _ row: Int) -> String? {
        switch column.values {
        case .likert(let values): return values.codes[row] == LikertValues.missing ? nil : String(values.codes[row])
        case .numeric(let numbers): return numbers[row].isNaN ? nil : MissingCode.format(numbers[row])
        case .categorical(let values): return values.codes[row] == CategoricalValues.missing ? nil : values.levels[Int(values.codes[row])].value
        case .text(let texts): return texts.isEmpty || texts[row].isEmpty ? nil : texts[row]
        }
    }

    /// A categorical cell's level label; `nil` for other columns and missing cells.
    func label(_ column: DataColumn, _ row: Int) -> String? {
        guard case .categorical(let values) = column.values, values.codes[row] != CategoricalValues.missing else { return nil }
        return values.levels[Int(values.codes[row])].label
    }
}

/// A screening rule that cannot be applied to a wave: the column it reads is missing or of the wrong type.
public struct ScreeningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The wave's data file.
    public let file: String
    /// Where the study file names the column, if it does (else the platform's default column).
    public let location: ConfigFileLocation?
    public let rule: ParticipantFlow.Rule
    public let column: String?
    public let expected: String

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let what = column.map { "read '\(Excerpt.excerpt($0))' in" } ?? "be applied to"
        return "\(place)screening rule \(rule.rawValue) cannot \(what) \(file) (expected \(expected))"
    }
}
