import Foundation

/// The printed lavaan results of `Tests/SurveyStatsTests/Fixtures/cfa/cfa.R` (`cfa_R.txt`), by
/// section (`== <label> n <n> …`): per parameter `lhs op rhs` its estimate, SE (`nil` for a fixed
/// parameter, printed as 0), `std.all` and its SE; the fit measures; the RMSEA upper bound solved
/// exactly.
public struct LavaanOutput {
    public var parameters: [String: (estimate: Double, se: Double?, std: Double, stdSE: Double)] = [:]
    public var fit: [String: Double] = [:]
    public var exactUpper = 0.0

    /// The section whose label is `name` in the file at `url`.
    public init(section name: String, of url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let block = text.components(separatedBy: "\n== ").first(where: { $0.hasPrefix(name + " n") }) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no section \(name) in \(url.path)"])
        }
        func number(_ text: String) throws -> Double {
            guard let value = Double(text) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "not a number: \(text)"]) }
            return value
        }
        for line in block.split(separator: "\n") {
            let w = line.split(separator: " ").map(String.init)
            switch w.first {
            case "par":
                let se = try number(w[7])
                parameters["\(w[1]) \(w[2]) \(w[3])"] = (try number(w[5]), se == 0 ? nil : se, try number(w[w.count - 3]), try number(w[w.count - 1]))
            case "fit": fit[w[1]] = try number(w[2])
            case "exact": exactUpper = try number(w[4])
            default: break
            }
        }
    }
}
