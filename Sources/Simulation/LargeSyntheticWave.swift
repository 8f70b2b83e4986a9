import Foundation

/// Uncalibrated waves of the bundled instrument at any size (10⁴–10⁷ respondents), with extra
/// Likert items, streamed to a CSV file block by block so that memory stays flat; for benchmarks
/// and scale tests.
///
/// Each block of ``blockSize`` respondents is a draw of ``LatentTraitModel`` (its demographics are
/// quota-stratified within the block, its traits, items and missingness as documented there). The
/// extra items `X01`, `X02`, … measure one further trait f ~ N(0, 1) per respondent:
/// x = 3 + (λ·f + √(1 − λ²)·e), e ~ N(0, 1), λ = .70, rounded and clamped to 1–5, blank with
/// probability .02. Respondent IDs are `R` and the row number, unique across blocks. The same seed
/// gives the same file, byte for byte.
public enum LargeSyntheticWave {
    /// Respondents drawn (and written) at a time.
    public static let blockSize = 10_000
    static let extraLoading = 0.70
    static let extraBlankProbability = 0.02

    /// Names of `count` extra items: `X01`, `X02`, …
    public static func extraItemNames(_ count: Int) -> [String] {
        (1..<(count + 1)).map { String(format: "X%02d", $0) }
    }

    /// Column names of the file, in order.
    public static func columnNames(extraItems: Int) -> [String] {
        PrivacyParadoxInstrument.columnNames + extraItemNames(extraItems)
    }

    /// Writes a wave of `respondents` rows with `extraItems` extra Likert items to `url` (replacing it).
    /// - Parameter progress: called after each block with the rows written so far.
    public static func write(respondents: Int, extraItems: Int, seed: UInt64 = SyntheticWave.defaultSeed,
                             to url: URL, progress: (Int) -> Void = { _ in }) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)   // if it fails, opening it names the file
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var generator = SplitMix64(seed: seed)
        var buffer: [UInt8] = Array((columnNames(extraItems: extraItems).joined(separator: ",") + "\n").utf8)
        var written = 0
        while written < respondents {
            let count = min(blockSize, respondents - written)
            let block = LatentTraitModel().draw(respondents: count, generator: &generator)
            buffer.reserveCapacity(count * (block.columns.count + extraItems) * 3)
            for row in 0..<count {
                buffer.append(UInt8(ascii: "R"))
                buffer.append(contentsOf: String(written + row + 1).utf8)
                for column in block.columns {
                    buffer.append(UInt8(ascii: ","))
                    switch column.cells[row] {
                    case .answer(let value):
                        if let levels = column.levels { buffer.append(contentsOf: levels[value].utf8) } else { appendDigits(value, to: &buffer) }
                    case .blank: break
                    case .missingCode(let code): appendDigits(code, to: &buffer)
                    }
                }
                let trait = generator.nextNormal()
                for _ in 0..<extraItems {
                    buffer.append(UInt8(ascii: ","))
                    let noise = generator.nextNormal()
                    if generator.nextBernoulli(extraBlankProbability) { continue }
                    let z = extraLoading * trait + (1 - extraLoading * extraLoading).squareRoot() * noise
                    appendDigits(LatentTraitModel.scalePoint(3 + z), to: &buffer)
                }
                buffer.append(UInt8(ascii: "\n"))
            }
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            written += count
            progress(written)
        }
    }

    private static func appendDigits(_ value: Int, to buffer: inout [UInt8]) {
        if (0..<10).contains(value) { buffer.append(UInt8(48 + value)) } else { buffer.append(contentsOf: String(value).utf8) }
    }
}
