import Foundation
import Study
import Thematic
import SurveyData
import SurveyStats

/// The gate every study result passes before Reporting renders it: personal-data columns dropped,
/// small cells suppressed, interviewee IDs pseudonymised, personal
/// data in quotes redacted; returns what it did as a ``PrivacyReport``.
public enum PrivacyGate {
    /// The study's result as it may be published, and what was changed.
    /// - Parameter environment: where the pseudonyms' key is looked up (``PrivacyPlan/idKeyEnvironment``).
    /// - Throws: ``PrivacyError``.
    public static func apply(_ result: StudyResult, plan: StudyPlan,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> GatedStudyResult {
        let pseudonym = try plan.privacy.idKeyEnvironment.map { try Pseudonym(environment: $0, values: environment) }
        let codebook = result.codebookUsed
        var columns = codebook.variables.filter(\.isPII).map {
            PrivacyReport.PersonalColumn(name: $0.name, codebookPII: true, detected: [])
        }
        var unscanned: [String] = []
        for wave in result.waves {
            guard let sample = wave.cellSample else {
                unscanned.append(wave.file)
                continue
            }
            for finding in PersonalDataScan.scan(sample) {
                let detection = PrivacyReport.PersonalColumn.Detection(file: wave.file, kind: finding.kind,
                                                                       matched: finding.matched, sampled: finding.sampled)
                if let index = columns.firstIndex(where: { $0.name == finding.column }) {
                    columns[index].detected.append(detection)
                } else {
                    columns.append(PrivacyReport.PersonalColumn(name: finding.column, codebookPII: false, detected: [detection]))
                }
            }
        }
        let keep = Set(plan.privacy.keep.map(\.name))
        let dropped = columns.filter { !keep.contains($0.name) }
        var report = PrivacyReport(minCell: plan.privacy.minCell, dropped: dropped, kept: columns.filter { keep.contains($0.name) },
                                   droppedAnalyses: [], suppressedTables: [], unscannedFiles: unscanned,
                                   interviewees: result.interviews.map {
                                       .init(count: $0.summary.participants.count, keyVariable: plan.privacy.idKeyEnvironment?.name)
                                   }, kAnonymity: result.waves.compactMap { wave in wave.kAnonymity.map { .init(file: wave.file, result: $0) } })
        var gated = result
        let droppedNames = Set(dropped.map(\.name))
        for index in gated.waves.indices {
            let prefix = gated.waves.count > 1 ? "\(gated.waves[index].file): " : ""
            report.droppedAnalyses += drop(droppedNames, from: &gated.waves[index], analyses: plan.analyses, codebook: codebook).map { prefix + $0 }
            report.suppressedTables += suppress(&gated.waves[index], minCell: plan.privacy.minCell)
        }
        if var interviews = gated.interviews {
            report.interviewees?.redactions = redact(&interviews.summary)
            if let pseudonym { interviews.summary = pseudonymise(interviews.summary, with: pseudonym) }
            gated.interviews = interviews
        }
        // An open-ended column whose content looks like personal data is coded all the same: its
        // answers reach the output only redacted. One the codebook types pii is left out.
        let piiColumns = droppedNames.intersection(codebook.variables.filter(\.isPII).map(\.name))
        report.droppedAnalyses += gated.openEnded.filter { piiColumns.contains($0.column) }.map { "open-ended answers to \($0.column) in \($0.file)" }
        gated.openEnded.removeAll { piiColumns.contains($0.column) }
        for index in gated.openEnded.indices {
            let (answers, suppressed) = gate(&gated.openEnded[index], minCell: plan.privacy.minCell, pseudonym: pseudonym,
                                             keyVariable: plan.privacy.idKeyEnvironment?.name, dropping: droppedNames)
            report.openEnded.append(answers)
            report.suppressedTables += suppressed
        }
        return GatedStudyResult(result: gated, privacy: report)
    }

    /// Replaces the personal data in the coded texts that reach an output (segments, exemplar
    /// quotes) by placeholders (``TextRedaction``); returns how many of each kind. The segments'
    /// character offsets stay those of the transcript.
    static func redact(_ summary: inout ThematicSummary) -> [PersonalDataKind: Int] {
        var counts: [PersonalDataKind: Int] = [:]
        func redacted(_ text: String) -> String {
            let (clean, found) = TextRedaction.redact(text)
            counts.merge(found, uniquingKeysWith: +)
            return clean
        }
        for index in summary.segments.indices {
            summary.segments[index].segment.text = redacted(summary.segments[index].segment.text)
        }
        summary.exemplars = summary.exemplars.mapValues { exemplars in
            exemplars.map { exemplar in
                var exemplar = exemplar
                exemplar.quote = redacted(exemplar.quote)
                return exemplar
            }
        }
        return counts
    }

    /// The coding with every participant ID that reaches an output (participants, segments and
    /// their speakers, exemplar quotes) replaced by its pseudonym; the interviewer's label is kept.
    static func pseudonymise(_ summary: ThematicSummary, with pseudonym: Pseudonym) -> ThematicSummary {
        var result = summary
        for index in result.participants.indices {
            result.participants[index].id = pseudonym.of(result.participants[index].id)
        }
        for index in result.segments.indices {
            let segment = result.segments[index].segment
            result.segments[index].segment.participantID = pseudonym.of(segment.participantID)
            if !segment.isInterviewer, segment.speaker != nil { result.segments[index].segment.speaker = pseudonym.of(segment.participantID) }
        }
        result.exemplars = result.exemplars.mapValues { exemplars in
            exemplars.map { exemplar in
                var exemplar = exemplar
                exemplar.participantID = pseudonym.of(exemplar.participantID)
                return exemplar
            }
        }
        return result
    }

    /// Removes the columns `names` from the wave's tables, and the analyses that use one of them;
    /// returns those analyses.
    static func drop(_ names: Set<String>, from wave: inout WaveResult, analyses: AnalysisPlan, codebook: Codebook) -> [String] {
        guard !names.isEmpty else { return [] }
        var droppedAnalyses: [String] = []
        wave.dataQuality.variables.removeAll { names.contains($0.name) }
        wave.descriptives.removeAll { names.contains($0.name) }
        wave.frequencies.removeAll { names.contains($0.name) }
        wave.reliability.removeAll { scale in
            let uses = codebook.scales.first { $0.name == scale.scale }?.items.contains(where: names.contains) ?? false
            if uses { droppedAnalyses.append("reliability of \(scale.scale)") }
            return uses
        }
        wave.ordinalReliability.removeAll { scale in
            codebook.scales.first { $0.name == scale.scale }?.items.contains(where: names.contains) ?? false
        }
        wave.factorAnalyses.removeAll { analysis in
            let uses = codebook.scales.contains { analysis.scales.contains($0.name) && $0.items.contains(where: names.contains) }
            if uses { droppedAnalyses.append("CFA \(analysis.name)") }
            return uses
        }
        if let correlation = wave.correlation, correlation.variables.contains(where: names.contains) {
            wave.correlation = nil
            droppedAnalyses.append("correlations")
        }
        wave.regressions.removeAll { model in
            let planned = analyses.regressions.first { $0.name == model.name }
            let uses = planned.map { ([$0.dependent] + $0.terms).contains(where: names.contains) } ?? false
            if uses { droppedAnalyses.append("regression \(model.name)") }
            return uses
        }
        wave.anovas.removeAll { anova in
            let uses = names.contains(anova.dependent) || names.contains(anova.factor)
            if uses { droppedAnalyses.append("ANOVA \(anova.name)") }
            return uses
        }
        for name in names { wave.labels[name] = nil }
        return droppedAnalyses
    }

    /// Hides the small counts of a frequency table (``SmallCellSuppression``) and the percentages
    /// that would give them away; returns the hidden cells, `nil` when no count is small.
    public static func suppress(_ table: inout FrequencyTableResult, minCell: Int) -> SuppressedCells? {
        guard let hidden = SmallCellSuppression.suppress([table.levels.map(\.count), table.missing.map(\.count)], minCell: minCell) else { return nil }
        // A cumulative % gives away the sum of the hidden counts up to its row: shown only where
        // that sum is of none or of all of the hidden levels (the latter is n minus the shown counts).
        let hiddenLevels = table.levels.indices.filter(hidden.hides)
        for row in table.levels.indices {
            let hiddenSoFar = hiddenLevels.filter { $0 <= row }.count
            if hidden.hides(row) { table.levels[row].percent = nil; table.levels[row].validPercent = nil }
            if hidden.hides(row) || (hiddenSoFar > 0 && hiddenSoFar < hiddenLevels.count) { table.levels[row].cumulativePercent = nil }
        }
        for row in table.missing.indices where hidden.hides(table.levels.count + row) { table.missing[row].percent = nil }
        if table.levels.indices.suffix(2).contains(where: hidden.hides) { table.topTwoBox = nil }
        return hidden
    }

    /// Hides the small counts of the wave's frequency and ANOVA group tables (``SmallCellSuppression``)
    /// and the percentages that would give them away; returns the tables changed.
    static func suppress(_ wave: inout WaveResult, minCell: Int) -> [PrivacyReport.SuppressedTable] {
        var tables: [PrivacyReport.SuppressedTable] = []
        for index in wave.frequencies.indices {
            guard let hidden = suppress(&wave.frequencies[index], minCell: minCell) else { continue }
            let name = wave.frequencies[index].name
            wave.suppressedFrequencies[name] = hidden
            tables.append(.init(table: "frequencies_\(name)", small: hidden.small.count, complementary: hidden.complementary.count))
        }
        for index in wave.anovas.indices {
            let anova = wave.anovas[index]
            guard let hidden = SmallCellSuppression.suppress([anova.result.groups.map(\.n)], minCell: minCell) else { continue }
            wave.anovas[index].suppressedGroups = hidden
            tables.append(.init(table: "anova_\(anova.name)_groups", small: hidden.small.count, complementary: hidden.complementary.count))
        }
        return tables
    }
}
