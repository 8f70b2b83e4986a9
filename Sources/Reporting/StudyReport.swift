import Privacy
import Study
import SurveyStats

/// Assembles the report of a study run from its results: by default replication first, key findings, then what the Privacy gate did,
/// data quality, descriptives, frequencies, reliability, correlations, regressions, ANOVAs, factor analyses, interviews and open-ended answers.
public enum StudyReport {
    /// The report of a gated study run, its parts in the order the study file's `report:` block gives
    /// (default: every part, in ``ReportSection`` order). A run of consecutive per-wave parts is written
    /// wave by wave.
    public static func build(_ gated: GatedStudyResult) -> Report {
        let result = gated.result
        var preamble = result.notices
        if let date = result.runDate { preamble.append("Run date: \(date). Codebook: \(result.codebook).") }
        var sections: [Report.Section] = []
        var waveParts: [ReportSection] = []
        func flushWaveParts() {
            for wave in result.waves {
                sections += waveSections(wave, parts: waveParts, prefix: result.waves.count > 1 ? "\(wave.file): " : "",
                                         flow: result.screening?.first { $0.file == wave.file })
            }
            waveParts = []
        }
        for part in result.report.sections {
            if part.isPerWave {
                waveParts.append(part)
                continue
            }
            flushWaveParts()
            sections += studySections(part, gated)
        }
        flushWaveParts()
        return Report(title: result.title, preamble: preamble, sections: sections)
    }

    /// A part written once for the whole study.
    static func studySections(_ part: ReportSection, _ gated: GatedStudyResult) -> [Report.Section] {
        let result = gated.result
        switch part {
        case .replication:
            guard !result.replication.isEmpty else { return [] }
            return [Report.Section(
                title: "Replication of the Published Results",
                paragraphs: ["Each figure the paper reports, beside the value this run obtains and whether it is reproduced at the paper's precision."],
                tables: [.replication(result.replication)])]
        case .keyFindings:
            let findings = result.waves.flatMap { wave in
                keyFindings(wave, interviews: wave.file == result.waves.last?.file ? result.interviews : nil, label: { wave.labels[$0] ?? $0 })
                    .map { result.waves.count > 1 ? "\(wave.file): \($0)" : $0 }
            }
            return findings.isEmpty ? [] : [Report.Section(title: "Key Findings", paragraphs: findings)]
        case .privacy:
            return [Report.Section(title: "Privacy", paragraphs: gated.privacy.paragraphs,
                                   tables: gated.privacy.kAnonymity.isEmpty ? [] : [.kAnonymity(gated.privacy.kAnonymity)])]
        case .interviews:
            return result.interviews.map { [interviewSection($0)] } ?? []
        case .openEnded:
            return result.openEnded.map { openEndedSection($0, inWaveOf: result.waves.count > 1 ? $0.file : nil) }
        case .dataQuality, .descriptives, .frequencies, .reliability, .correlations, .regressions, .anovas, .design, .factorAnalyses:
            return []
        }
    }

    static func interviewSection(_ interviews: InterviewResult) -> Report.Section {
        let summary = interviews.summary
        var tables: [Table] = [.themeFrequencies(interviews.coding)]
        tables += summary.matrices.map { .themeMatrix($0, result: interviews.coding) }
        tables.append(.themeCooccurrence(summary.cooccurrence, result: interviews.coding))
        tables.append(.themeExemplars(summary.exemplars, result: interviews.coding))
        if let agreement = summary.agreement { tables.append(.coderAgreement(agreement)) }
        let topLevel = summary.themes.filter { $0.depth == 0 }
        let chart = Figure(id: "theme_prevalence", title: "Participants mentioning each top-level theme",
                           description: "Horizontal bars of the percentage of the \(summary.participants.count) participants who mention each top-level theme: "
                               + topLevel.map { "\($0.label) \(APA.number($0.prevalencePercent, decimals: 1))%" }.joined(separator: ", ") + ".",
                           sourceTables: ["themes"],
                           chart: .bars(BarChart(axisLabel: "Participants (%)", bars: topLevel.map { BarChart.Bar(label: $0.label, percent: $0.prevalencePercent) })))
        return Report.Section(
            title: "Thematic Analysis of the Interviews",
            paragraphs: ["\(interviews.transcripts.count) transcripts, \(summary.participants.count) participants, coded by \(summary.unit.rawValue) with the theme codebook (deductive first pass; every coded segment keeps its character span and the terms that matched)."],
            tables: tables, figures: (topLevel.isEmpty ? [] : [chart]) + themeHeatmaps(interviews.summary, coding: interviews.coding))
    }

    /// ω beside α: the summary of every scale, then the loadings of each scale the model fitted.
    static func omegaTables(_ omega: [NamedOmega]) -> [Table] {
        guard !omega.isEmpty else { return [] }
        return [.omegaSummary(omega)] + omega.compactMap { named in named.result.map { .oneFactorLoadings($0, scale: named.scale) } }
    }

    /// The given per-wave parts of one wave, in the given order.
    static func waveSections(_ wave: WaveResult, parts: [ReportSection], prefix: String, flow: ParticipantFlow?) -> [Report.Section] {
        parts.flatMap { waveSections(wave, part: $0, prefix: prefix, flow: flow) }
    }

    /// One per-wave part of one wave: no section when the wave has nothing for it.
    static func waveSections(_ wave: WaveResult, part: ReportSection, prefix: String, flow: ParticipantFlow?) -> [Report.Section] {
        func label(_ name: String) -> String { wave.labels[name] ?? name }
        switch part {
        case .dataQuality:
            var quality = ["Data file: \(wave.file). \(wave.dataQuality.rows) respondents; \(wave.dataQuality.totalMissing) cells missing (blank or user-missing)."]
            quality += wave.dataQuality.warnings.map { "Warning: \($0)" }
            if let flow { quality.insert(participantFlowSentence(flow), at: 0) }
            return [Report.Section(title: prefix + "Data Quality", paragraphs: quality,
                                   tables: (flow.map { [.participantFlow($0)] } ?? []) + [.dataQuality(wave.dataQuality)],
                                   figures: flow.map { [participantFlowFigure($0)] } ?? [])]
        case .descriptives:
            guard !wave.descriptives.isEmpty else { return [] }
            return [Report.Section(title: prefix + "Descriptive Statistics",
                                   tables: [.descriptives(wave.descriptives, title: "Descriptive Statistics of Items and Scale Scores")],
                                   figures: scaleMeansFigure(wave, label: label).map { [$0] } ?? [])]
        case .frequencies:
            guard !wave.frequencies.isEmpty else { return [] }
            return [Report.Section(title: prefix + "Frequencies",
                                   tables: wave.frequencies.map { .frequencies($0, label: label($0.name), suppressed: wave.suppressedFrequencies[$0.name]) },
                                   figures: likertFigures(wave, label: label), collapsesTables: true)]
        case .reliability:
            guard !wave.reliability.isEmpty else { return [] }
            return [Report.Section(title: prefix + "Scale Reliability",
                                   paragraphs: wave.ordinalReliability.compactMap { named in
                                       named.problem.map { "Ordinal α and ω of \(label(named.scale)): not estimated (\($0))." }
                                   },
                                   tables: [.reliabilitySummary(wave.reliability.map { ($0.scale, $0.result) })]
                                       + wave.reliability.map { .reliability($0.result, scale: $0.scale, reversed: $0.reversedItems) }
                                       + omegaTables(wave.omega)
                                       + wave.ordinalReliability.compactMap { named in named.result.map { .ordinalReliability($0, scale: named.scale) } })]
        case .correlations:
            guard let correlation = wave.correlation else { return [] }
            return [Report.Section(title: prefix + "Correlations",
                                   paragraphs: correlation.variables.enumerated().map { "\($0 + 1). \($1): \(label($1))." },
                                   tables: [.correlations(correlation, title: "Pearson Correlations of the Scale Scores")],
                                   figures: [correlationFigure(correlation, tableID: "correlations", label: label)])]
        case .regressions:
            return wave.regressions.map { model in
                Report.Section(title: prefix + "Regression: \(model.title)",
                               tables: [.regression(model.result, id: "regression_\(model.name)", title: model.title)],
                               figures: coefficientFigure(model, tableID: "regression_\(model.name)").map { [$0] } ?? [])
            }
        case .anovas:
            return wave.anovas.map { anova in
                let title = "\(label(anova.dependent)) by \(label(anova.factor))"
                return Report.Section(title: prefix + "ANOVA: \(title)",
                                      tables: Table.anovaTables(anova.result, id: "anova_\(anova.name)", title: title, suppressed: anova.suppressedGroups),
                                      figures: groupMeansFigure(anova, wave: wave, label: label).map { [$0] } ?? [])
            }
        case .design:
            return wave.design.map { designSections($0, wave: wave, prefix: prefix, label: label) } ?? []
        case .factorAnalyses:
            return wave.factorAnalyses.map { analysis in
                Report.Section(title: prefix + "Confirmatory Factor Analysis: \(analysis.name)",
                               paragraphs: ["Factors: \(analysis.scales.map(label).joined(separator: ", "))."]
                                   + (analysis.problem.map { ["The model could not be fitted: \($0)."] } ?? []),
                               tables: analysis.result.map { [.factorAnalysisFit($0, name: analysis.name), .factorAnalysisParameters($0, name: analysis.name)] } ?? [])
            }
        case .replication, .keyFindings, .privacy, .interviews, .openEnded:
            return []
        }
    }
}
