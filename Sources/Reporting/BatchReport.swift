import Privacy
import Study

/// Assembles the combined report of a batch of waves: how each wave went, then scale scores and
/// items compared across the analysed waves (means by wave with CIs, tests of differences between
/// waves, change from the first to the last wave; figures of the scale means by wave).
public enum BatchReport {
    public static func build(_ gated: GatedBatchResult) -> Report {
        let batch = gated.batch
        var preamble = batch.notices
        if let date = batch.runDate { preamble.append("Run date: \(date). Codebook: \(batch.codebook).") }
        let analysed = batch.analysedWaves
        var overview = ["\(batch.waves.count) waves, \(analysed.count) analysed. Each analysed wave's full report, as a run of the study on that wave alone writes it, is in \(ReportFiles.wavesFolder)/<wave>/."]
        overview += batch.failedWaves.map { "Wave \($0.name) failed and has no report: \($0.error ?? "")" }
        if analysed.count < 2 { overview.append("Fewer than two waves were analysed, so the waves are not compared.") }
        overview.append(gated.privacy.paragraph)
        var sections = [Report.Section(title: "Waves", paragraphs: overview, tables: [.waveStatus(batch.waves)])]
        let scales = batch.variables.filter(\.isScale), items = batch.variables.filter { !$0.isScale }
        if !scales.isEmpty {
            sections.append(section(scales, title: "Scale Scores", id: "scale", batch: batch, charts: true))
        }
        if !items.isEmpty {
            sections.append(section(items, title: "Items", id: "item", batch: batch, charts: scales.isEmpty))
        }
        return Report(title: "\(batch.title): Comparison of Waves", preamble: preamble, sections: sections)
    }

    static func section(_ variables: [VariableComparison], title: String, id: String, batch: BatchResult,
                        charts: Bool) -> Report.Section {
        let analysed = batch.analysedWaves
        var tables: [Table] = [.meansByWave(variables, id: "\(id)_means_by_wave", title: "\(title) by Wave")]
        if analysed.count >= 2, let first = analysed.first?.name, let last = analysed.last?.name {
            tables.append(.waveDifferences(variables, id: "\(id)_wave_differences", title: "Differences Between Waves: \(title)"))
            tables.append(.waveChange(variables, from: first, to: last, id: "\(id)_change", title: "Change from \(first) to \(last): \(title)"))
        }
        let figures = !charts ? [] : variables.compactMap { variable -> Figure? in
            let rows = variable.waves.compactMap { wave in
                wave.mean.map { MeansPlot.Row(label: wave.wave, mean: $0, n: wave.n, confLow: wave.confLow, confHigh: wave.confHigh) }
            }
            return MeansPlot(axisLabel: "Mean \(variable.label) (95% CI)", rows: rows, scale: nil).map { chart in
                Figure(id: "\(id)_means_\(variable.name)", title: "Mean \(variable.label) by wave",
                       description: "Mean of \(variable.label) in each of \(rows.count) waves with 95% confidence intervals: "
                           + rows.map { "\($0.label) \(APA.number($0.mean, decimals: 2))" }.joined(separator: ", ") + ".",
                       sourceTables: ["\(id)_means_by_wave"], chart: .means(chart))
            }
        }
        return Report.Section(title: "\(title) across Waves", tables: tables, figures: figures)
    }
}
