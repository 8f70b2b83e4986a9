import Foundation
import SurveyData

/// A synthetic wave like a real one (`paradox simulate --like`): the same codebook columns in the
/// codebook's order, with the real wave's per-column shares (answer categories and missing kinds)
/// and the latent correlations among its columns, and no real row.
///
/// A Gaussian copula with empirical margins: every Likert, categorical (levels in codebook order),
/// numeric, duration and flag column gets a latent standard normal; their correlation is the
/// pairwise polychoric matrix of ``LatentCorrelation``; each synthetic row draws z = L·e (e iid
/// N(0, 1) by ``SplitMix64/nextNormal()``), and each column maps its latent values to cells by rank
/// (``ColumnMarginal/cells(latent:generator:)``), which is Iman & Conover's (1982, *Communications in
/// Statistics B* 11:311) rank-matching of given margins to normal scores (copulas: Nelsen 2006, *An
/// Introduction to Copulas*, §3.1). Missing cells are placed at random (MCAR).
/// Scale scores, α and the study's regressions follow from the items, so they reproduce as far as
/// the copula describes the real wave: associations that are monotone in the level order are
/// kept, others (a middle category that differs) are not.
///
/// Never reproduced: the ID column gets fresh IDs `SYN` + zero-padded row number; pii columns,
/// free-text and date columns are left blank (``ColumnOmission``).
///
/// Deterministic: the same wave, codebook, row count and seed give the same CSV, byte for byte.
public struct SyntheticLikeWave: Sendable {
    /// A column written without its real content, and why.
    public struct ColumnOmission: Sendable, Equatable {
        public let column: String
        public let reason: String
    }

    /// The wave as RFC 4180 CSV (header of the codebook's column names, LF line ends).
    public let csv: String
    public let rowCount: Int
    /// Columns whose real content is not in the synthetic wave (the ID column first, if any).
    public let omissions: [ColumnOmission]
    /// Columns reproduced through the copula.
    public let copulaColumnCount: Int
    /// λ of ``LatentCorrelation``'s shrinkage toward the identity (0 when none was needed).
    public let shrinkage: Double

    /// The prefix of the synthetic respondent IDs.
    public static let idPrefix = "SYN"
    /// Most rows of a synthetic wave (it is drawn in memory).
    public static let maximumRows = SyntheticWave.maximumRespondents
    /// Most latent cells (rows × copula columns) drawn in memory: 400 MB of doubles.
    public static let maximumLatentCells = 50_000_000

    /// - Throws: ``SimulationError`` for a row count below 1 or above the limits.
    public init(like wave: Dataset, codebook: Codebook, rows: Int, seed: UInt64) throws {
        guard rows >= 1 else { throw SimulationError.tooFewRespondents(rows, minimum: 1) }
        guard rows <= Self.maximumRows else { throw SimulationError.tooManyRespondents(rows, maximum: Self.maximumRows) }
        var marginals: [ColumnMarginal] = []
        var columns: [Column] = []
        var omissions: [ColumnOmission] = []
        for variable in codebook.variables {
            guard let column = wave.column(named: variable.name) else { continue }
            if variable.kind == .id {
                columns.append(.freshID)
                omissions.append(ColumnOmission(column: variable.name, reason: "respondent ID: fresh IDs \(Self.idPrefix)…"))
            } else if !variable.isPII, let marginal = ColumnMarginal(column, variable: variable) {
                columns.append(.copula(marginals.count))
                marginals.append(marginal)
            } else {
                columns.append(.blank)
                let reason = variable.isPII ? "personal data (pii)" : variable.kind == .date ? "date" : "free text"
                omissions.append(ColumnOmission(column: variable.name, reason: "\(reason): left blank"))
            }
        }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: max(1, marginals.count))
        guard !overflow, cells <= Self.maximumLatentCells else {
            throw SimulationError.tooManyLatentCells(rows: rows, columns: marginals.count, maximum: Self.maximumLatentCells)
        }
        let correlation = LatentCorrelation(marginals)
        var generator = SplitMix64(seed: seed)
        let latent = Self.drawLatent(rows: rows, factor: correlation.factor, size: marginals.count, generator: &generator)
        let written = zip(marginals, latent).map { $0.cells(latent: $1, generator: &generator) }

        let names = codebook.variables.filter { wave.column(named: $0.name) != nil }.map(\.name)
        var text = names.map(Self.field).joined(separator: ",") + "\n"
        let idWidth = max(3, String(rows).count)
        for row in 0..<rows {
            var fields: [String] = []
            for column in columns {
                switch column {
                case .freshID:
                    let number = String(row + 1)
                    fields.append(Self.idPrefix + String(repeating: "0", count: idWidth - number.count) + number)
                case .blank: fields.append("")
                case .copula(let index): fields.append(Self.field(written[index][row]))
                }
            }
            text += fields.joined(separator: ",") + "\n"
        }
        csv = text
        rowCount = rows
        self.omissions = omissions
        copulaColumnCount = marginals.count
        shrinkage = correlation.shrinkage
    }

    /// What each output column holds.
    enum Column {
        case freshID
        case blank
        case copula(Int)
    }

    /// Per latent column, its `rows` values: row by row, z = L·e with e drawn in column order.
    static func drawLatent(rows: Int, factor: [Double], size p: Int, generator: inout SplitMix64) -> [[Double]] {
        var latent = [[Double]](repeating: [Double](repeating: 0, count: rows), count: p)
        var e = [Double](repeating: 0, count: p)
        for row in 0..<rows {
            for k in 0..<p { e[k] = generator.nextNormal() }
            for i in 0..<p {
                var z = 0.0
                for k in 0...i { z += factor[i * p + k] * e[k] }
                latent[i][row] = z
            }
        }
        return latent
    }

    /// A CSV field, quoted (with doubled quotes) when it holds a comma, a quote or a line break.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
