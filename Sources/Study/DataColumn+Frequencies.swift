import SurveyData
import SurveyStats

extension DataColumn {
    /// A frequency table of a Likert or categorical column from its tallied counts.
    public func frequencyTable() throws -> FrequencyTableResult {
        let userMissing = missing.userMissing.map {
            Frequencies.MissingCount(code: MissingCode.format($0.code.value), label: $0.code.label, count: $0.count)
        }
        switch values {
        case .likert(let likert):
            let levels = likert.scale.range.map { Frequencies.Level(value: String($0), label: likert.scale.valueLabels[$0] ?? String($0)) }
            return try Frequencies.table(name: name, kind: .likert, levels: levels, counts: likert.counts,
                                         systemMissing: missing.blank, userMissing: userMissing)
        case .categorical(let factor):
            return try Frequencies.table(name: name, kind: .categorical,
                                         levels: factor.levels.map { Frequencies.Level(value: $0.value, label: $0.label) },
                                         counts: factor.counts, systemMissing: missing.blank, userMissing: userMissing)
        case .numeric, .text:
            throw StudyError.notTabulable(name)
        }
    }
}
