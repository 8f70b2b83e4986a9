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
        let names = try plan.privacy.names.map { try RedactionNames.read(contentsOf: $0.url, shown: $0.written) } ?? .none
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
            report.droppedAnalyses += gated.waves[index].drop(columns: droppedNames, plan: plan.analyses, codebook: codebook).map { prefix + $0 }
            report.suppressedTables += suppress(&gated.waves[index], minCell: plan.privacy.minCell)
            report.withheldDesignTables += withholdDesignTables(&gated.waves[index]).map { prefix + $0 }
            // A warning may quote a column's name or a cell (e.g. columns not in the codebook).
            gated.waves[index].dataQuality.warnings = gated.waves[index].dataQuality.warnings.map { TextRedaction.redact($0, names: names).text }
        }
        if var interviews = gated.interviews {
            report.interviewees?.redactions = redact(&interviews.summary, names: names)
            if let pseudonym { interviews.summary = pseudonymise(interviews.summary, with: pseudonym) }
            gated.interviews = interviews
        }
        // An open-ended column whose content looks like personal data is coded all the same: its
        // answers reach the output only redacted. One the codebook types pii is left out.
        let piiColumns = droppedNames.intersection(codebook.variables.filter(\.isPII).map(\.name))
        report.droppedAnalyses += gated.openEnded.filter { piiColumns.contains($0.column) }.map { "open-ended answers to \($0.column) in \($0.file)" }
        gated.openEnded.removeAll { piiColumns.contains($0.column) }
        for index in gated.openEnded.indices {
            let (answers, suppressed) = gate(&gated.openEnded[index], minCell: plan.privacy.minCell, pseudonym: pseudonym, names: names,
                                             keyVariable: plan.privacy.idKeyEnvironment?.name, dropping: droppedNames)
            report.openEnded.append(answers)
            report.suppressedTables += suppressed
        }
        return GatedStudyResult(result: gated, privacy: report)
    }

    /// Replaces the personal data in the coded texts that reach an output (segments, exemplar
    /// quotes) by placeholders (``TextRedaction``, with the participants' names:
    /// ``CodingRedaction/knownNames(participants:segments:extra:)``); returns how many of each kind.
    /// A participant's segments are labelled by the participant's ID, attribute values (and the
    /// matrices' columns) redacted. The segments' character offsets stay those of the transcript.
    /// - Parameter extra: the names of the study file's `privacy: {names: FILE}`.
    static func redact(_ summary: inout ThematicSummary, names extra: RedactionNames) -> [PersonalDataKind: Int] {
        let names = CodingRedaction.knownNames(participants: summary.participants, segments: summary.segments, extra: extra)
        var counts: [PersonalDataKind: Int] = [:]
        func redacted(_ text: String) -> String {
            let (clean, found) = TextRedaction.redact(text, names: names)
            counts.merge(found, uniquingKeysWith: +)
            return clean
        }
        for index in summary.segments.indices {
            let segment = summary.segments[index].segment
            summary.segments[index].segment.text = redacted(segment.text)
            summary.segments[index].segment.speaker = CodingRedaction.shownSpeaker(segment.speaker, isInterviewer: segment.isInterviewer,
                                                                                  participantID: segment.participantID)
        }
        for index in summary.participants.indices {
            summary.participants[index].attributes = CodingRedaction.redacted(summary.participants[index].attributes, names: names)
        }
        for index in summary.matrices.indices {
            summary.matrices[index].values = summary.matrices[index].values.map { TextRedaction.redact($0, names: names).text }
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

    /// The hidden group counts of an ANOVA (``SmallCellSuppression``; a hidden group's mean and SD and
    /// its pairwise comparisons are not shown), `nil` when no group is small.
    public static func suppressGroups(_ result: AnovaResult, minCell: Int) -> SuppressedCells? {
        SmallCellSuppression.suppress([result.groups.map(\.n)], minCell: minCell)
    }

    /// A weighted share or group contrast of a hidden count would describe those few respondents: the
    /// design-based twin of a frequency or ANOVA group table with hidden cells is withheld whole.
    /// - Returns: the withheld tables.
    static func withholdDesignTables(_ wave: inout WaveResult) -> [String] {
        guard var design = wave.design else { return [] }
        let hiddenGroups = Set(wave.anovas.filter { $0.suppressedGroups != nil }.map(\.name))
        let withheld = design.proportions.filter { wave.suppressedFrequencies[$0.name] != nil }.map { "weighted proportions of \($0.name)" }
            + design.anovas.filter { hiddenGroups.contains($0.name) }.map { "design-based ANOVA \($0.name)" }
        design.proportions.removeAll { wave.suppressedFrequencies[$0.name] != nil }
        design.anovas.removeAll { hiddenGroups.contains($0.name) }
        wave.design = design
        return withheld
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
            guard let hidden = suppressGroups(anova.result, minCell: minCell) else { continue }
            wave.anovas[index].suppressedGroups = hidden
            tables.append(.init(table: "anova_\(anova.name)_groups", small: hidden.small.count, complementary: hidden.complementary.count))
        }
        return tables
    }
}
