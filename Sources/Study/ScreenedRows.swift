import Import
import SurveyData

/// A screened wave's records split by ``Screening``'s exclusions: the kept ones as the plain CSV
/// the analyses read, the excluded ones as the audit file — each with the rule that excluded it and
/// its line in the wave's file, and without the codebook's `pii` columns (and columns the codebook
/// does not describe), so the audit file carries no personal data.
struct ScreenedRows {
    var keptCSV: [UInt8]
    var excludedCSV: [UInt8]

    init(_ reader: CSVReader, exclusions: [ParticipantFlow.Rule?], codebook: Codebook, lineShift: Int) throws {
        var kept = CSVLineWriter()
        var excluded = CSVLineWriter()
        var audited: [Int] = []
        var row = -1
        try reader.forEachRecord { record in
            defer { row += 1 }
            guard row >= 0 else {
                let header = (0..<record.count).map(record.string)
                audited = header.indices.filter { codebook.variable(named: header[$0]).map { !$0.isPII } ?? false }
                try kept.append(record, count: record.count, delimiter: reader.delimiter)
                try excluded.append(["excluded_by", "line"] + audited.map { header[$0] })
                return
            }
            guard exclusions.indices.contains(row) else {
                throw StudyError.analysisFailed(analysis: "screening \(reader.file)", reason: "the file has more rows than when it was screened")
            }
            if let rule = exclusions[row] {
                try excluded.append([rule.rawValue, String(record.line + lineShift)] + audited.map { $0 < record.count ? record.string($0) : "" })
            } else {
                try kept.append(record, count: record.count, delimiter: reader.delimiter)
            }
        }
        keptCSV = kept.bytes
        excludedCSV = excluded.bytes
    }
}
