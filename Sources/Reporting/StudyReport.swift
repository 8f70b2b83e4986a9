import Privacy
import Study
import SurveyStats

/// Assembles the report of a study run from its results: replication first, then what the Privacy gate did, data quality,
/// descriptives, frequencies, reliability, correlations, regressions, ANOVAs and interviews.
public enum StudyReport {
    public static func build(_ gated: GatedStudyResult) -> Report {
        let result = gated.result
        var preamble = result.notices
        if let date = result.runDate { preamble.append("Run date: \(date). Codebook: \(result.codebook).") }
        var sections: [Report.Section] = []
        if !result.replication.isEmpty {
            sections.append(Report.Section(
                title: "Replication of the Published Results",
                paragraphs: ["Each figure the paper reports, beside the value this run obtains and whether it is reproduced at the paper's precision."],
                tables: [.replication(result.replication)]))
        }
        sections.append(Report.Section(title: "Privacy", paragraphs: gated.privacy.paragraphs))
        for wave in result.waves {
            sections += waveSections(wave, prefix: result.waves.count > 1 ? "\(wave.file): " : "",
                                     flow: result.screening?.first { $0.file == wave.file })
        }
        if let interviews = result.interviews { sections.append(interviewSection(interviews)) }
        return Report(title: result.title, preamble: preamble, sections: sections)
    }

    static func interviewSection(_ interviews: InterviewResult) -> Report.Section {
        let summary = interviews.summary
        var tables: [Table] = [.themeFrequencies(interviews.coding)]
        tables += summary.matrices.map { .themeMatrix($0, result: interviews.coding) }
        tables.append(.themeCooccurrence(summary.cooccurrence, result: interviews.coding))
        tables.append(.themeExemplars(summary.exemplars, result: interviews.coding))
        if let agreement = summary.agreement { tables.append(.coderAgreement(agreement)) }
        let topLevel = summary.themes.filter { $0.depth == 0 }
        let chart = BarChart(title: "Participants mentioning each top-level theme", axisLabel: "Participants (%)",
                             bars: topLevel.map { BarChart.Bar(label: $0.label, value: $0.prevalencePercent) },
                             range: 0...100)
        return Report.Section(
            title: "Thematic Analysis of the Interviews",
            paragraphs: ["\(interviews.transcripts.count) transcripts, \(summary.participants.count) participants, coded by \(summary.unit.rawValue) with the theme codebook (deductive first pass; every coded segment keeps its character span and the terms that matched)."],
            tables: tables, charts: topLevel.isEmpty ? [] : [chart])
    }

    /// ω beside α: the summary of every scale, then the loadings of each scale the model fitted.
    static func omegaTables(_ omega: [NamedOmega]) -> [Table] {
        guard !omega.isEmpty else { return [] }
        return [.omegaSummary(omega)] + omega.compactMap { named in named.result.map { .oneFactorLoadings($0, scale: named.scale) } }
    }

    static func waveSections(_ wave: WaveResult, prefix: String, flow: ParticipantFlow? = nil) -> [Report.Section] {
        func label(_ name: String) -> String { wave.labels[name] ?? name }
        var sections: [Report.Section] = []
        var quality = ["Data file: \(wave.file). \(wave.dataQuality.rows) respondents; \(wave.dataQuality.totalMissing) cells missing (blank or user-missing)."]
        quality += wave.dataQuality.warnings.map { "Warning: \($0)" }
        if let flow { quality.insert(participantFlowSentence(flow), at: 0) }
        sections.append(Report.Section(title: prefix + "Data Quality", paragraphs: quality,
                                       tables: (flow.map { [.participantFlow($0)] } ?? []) + [.dataQuality(wave.dataQuality)],
                                       figures: flow.map { [participantFlowFigure($0)] } ?? []))

        if !wave.descriptives.isEmpty {
            let scaleMeans = wave.descriptives.filter { wave.reliability.map(\.scale).contains($0.name) }
            let chart = BarChart(title: "Scale means", axisLabel: "Mean (1 = strongly disagree, 5 = strongly agree)",
                                 bars: scaleMeans.compactMap { d in d.mean.map { BarChart.Bar(label: label(d.name), value: $0) } },
                                 range: 1...5)
            sections.append(Report.Section(
                title: prefix + "Descriptive Statistics",
                tables: [.descriptives(wave.descriptives, title: "Descriptive Statistics of Items and Scale Scores")],
                charts: scaleMeans.isEmpty ? [] : [chart]))
        }
        if !wave.frequencies.isEmpty {
            sections.append(Report.Section(title: prefix + "Frequencies",
                                           tables: wave.frequencies.map { .frequencies($0, label: label($0.name), suppressed: wave.suppressedFrequencies[$0.name]) },
                                           figures: likertFigures(wave, label: label), collapsesTables: true))
        }
        if !wave.reliability.isEmpty {
            sections.append(Report.Section(title: prefix + "Scale Reliability",
                                           tables: [.reliabilitySummary(wave.reliability.map { ($0.scale, $0.result) })]
                                               + wave.reliability.map { .reliability($0.result, scale: $0.scale) }
                                               + omegaTables(wave.omega)))
        }
        if let correlation = wave.correlation {
            sections.append(Report.Section(title: prefix + "Correlations",
                                           paragraphs: correlation.variables.enumerated().map { "\($0 + 1). \($1): \(label($1))." },
                                           tables: [.correlations(correlation, title: "Pearson Correlations of the Scale Scores")],
                                           figures: [correlationFigure(correlation, tableID: "correlations", label: label)]))
        }
        for model in wave.regressions {
            sections.append(Report.Section(title: prefix + "Regression: \(model.title)",
                                           tables: [.regression(model.result, id: "regression_\(model.name)", title: model.title)],
                                           figures: coefficientFigure(model, tableID: "regression_\(model.name)").map { [$0] } ?? []))
        }
        for anova in wave.anovas {
            let title = "\(label(anova.dependent)) by \(label(anova.factor))"
            let bars = anova.result.groups.enumerated().compactMap { index, group in
                anova.suppressedGroups?.small.contains(index) == true ? nil : group.mean.map { BarChart.Bar(label: group.level, value: $0, low: group.confLow, high: group.confHigh) }
            }
            let chart = BarChart.means(title: "Mean \(label(anova.dependent)) by \(label(anova.factor)) (95% CI)", bars: bars)
            sections.append(Report.Section(title: prefix + "ANOVA: \(title)",
                                           tables: Table.anovaTables(anova.result, id: "anova_\(anova.name)", title: title, suppressed: anova.suppressedGroups),
                                           charts: [chart]))
        }
        return sections
    }
}
