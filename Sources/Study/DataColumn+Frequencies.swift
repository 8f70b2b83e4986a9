import SurveyData
import SurveyStats

extension DataColumn {
    /// A frequency table of a Likert or categorical column from its tallied counts.
    public func frequencyTable() throws -> FrequencyTableResult {
        switch values {
        case .likert(let likert):
            return try Self.frequencyTable(name: name, kind: .likert(likert.scale), counts: likert.counts, missing: missing)
        case .categorical(let factor):
            return try Self.frequencyTable(name: name, kind: .categorical(levels: factor.levels, reference: factor.reference),
                                           counts: factor.counts, missing: missing)
        case .numeric, .text:
            throw StudyError.notTabulable(name)
        }
    }

    /// The frequency table of a variable of `kind` with `counts` answers per scale point or level
    /// (codebook order) and `missing` cells.
    static func frequencyTable(name: String, kind: Variable.Kind, counts: [Int], missing: MissingSummary) throws -> FrequencyTableResult {
        let userMissing = missing.userMissing.map {
            Frequencies.MissingCount(code: $0.code.written, label: $0.code.label, count: $0.count)
        }
        switch kind {
        case .likert(let scale):
            let levels = scale.range.map { Frequencies.Level(value: String($0), label: scale.valueLabels[$0] ?? String($0)) }
            return try Frequencies.table(name: name, kind: .likert, levels: levels, counts: counts,
                                         systemMissing: missing.blank, userMissing: userMissing)
        case .categorical(let levels, _):
            return try Frequencies.table(name: name, kind: .categorical,
                                         levels: levels.map { Frequencies.Level(value: $0.value, label: $0.label) },
                                         counts: counts, systemMissing: missing.blank, userMissing: userMissing)
        case .numeric, .id, .text, .date, .duration, .flag:
            throw StudyError.notTabulable(name)
        }
    }
}
