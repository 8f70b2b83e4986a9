import SurveyData

/// What changed between the codebook of an earlier wave and that of a new wave's export, found
/// before any analysis: questions added or dropped, items renamed (matched by ImportId, else by an
/// unchanged label), a changed type, changed value labels, and answer codes the earlier codebook
/// never had.
///
/// A code the earlier codebook has and the new wave lacks is no drift (nobody chose it this time);
/// an imported codebook's levels are those observed, so only new codes count.
public struct WaveDrift: Sendable, Equatable {
    public var changes: [Change]

    public enum Change: Sendable, Equatable, CustomStringConvertible {
        case added(String)
        case dropped(String)
        /// `old` of the earlier codebook is `new` now, found by `by` (`import_id` or `label`).
        case renamed(old: String, new: String, by: String)
        case typeChanged(String, old: String, new: String)
        /// The label of answer (or missing) code `code` is another.
        case labelChanged(String, code: String, old: String, new: String)
        /// Answer codes the earlier codebook did not have.
        case newCodes(String, codes: [String])

        public var description: String {
            switch self {
            case .added(let name): return "added: \(ImportError.bounded(name))"
            case .dropped(let name): return "dropped: \(ImportError.bounded(name))"
            case .renamed(let old, let new, let by): return "renamed: \(ImportError.bounded(old)) → \(ImportError.bounded(new)) (same \(by))"
            case .typeChanged(let name, let old, let new): return "type changed: \(ImportError.bounded(name)) was \(old), is \(new)"
            case .labelChanged(let name, let code, let old, let new):
                return "label changed: \(ImportError.bounded(name)) code \(ImportError.bounded(code)) was \"\(ImportError.bounded(old))\", is \"\(ImportError.bounded(new))\""
            case .newCodes(let name, let codes):
                let shown = codes.prefix(10).map { ImportError.bounded($0) }.joined(separator: ", ") + (codes.count > 10 ? ", … (\(codes.count) in all)" : "")
                return "new codes: \(ImportError.bounded(name)) has \(shown), never seen before"
            }
        }
    }

    /// The changes from `old` (the earlier wave's codebook) to `new` (the new wave's), in the new
    /// codebook's variable order, then the dropped variables in the old one's.
    public static func compare(old: Codebook, new: Codebook) -> WaveDrift {
        var unmatched = Set(old.variables.map(\.name))
        var changes: [Change] = []
        let oldByImportID = Dictionary(old.variables.compactMap { v in v.importID.map { ($0, v) } }, uniquingKeysWith: { first, _ in first })
        let oldByLabel = Dictionary(grouping: old.variables.filter { $0.label != $0.name && !$0.label.isEmpty }, by: \.label)
        let newNames = Set(new.variables.map(\.name))
        for variable in new.variables {
            let earlier: Variable?
            if let same = old.variable(named: variable.name), unmatched.contains(same.name) {
                earlier = same
            } else if let id = variable.importID, let match = oldByImportID[id], unmatched.contains(match.name), !newNames.contains(match.name) {
                earlier = match
                changes.append(.renamed(old: match.name, new: variable.name, by: "import_id \(id)"))
            } else if let matches = oldByLabel[variable.label], matches.count == 1, let match = matches.first,
                      unmatched.contains(match.name), !newNames.contains(match.name) {
                earlier = match
                changes.append(.renamed(old: match.name, new: variable.name, by: "label"))
            } else {
                earlier = nil
                changes.append(.added(variable.name))
            }
            guard let earlier else { continue }
            unmatched.remove(earlier.name)
            changes += compare(earlier, variable)
        }
        changes += old.variables.filter { unmatched.contains($0.name) }.map { .dropped($0.name) }
        return WaveDrift(changes: changes)
    }

    /// The changes of one variable: its type, its codes' labels, codes it did not have.
    private static func compare(_ old: Variable, _ new: Variable) -> [Change] {
        var changes: [Change] = typeName(old.kind) == typeName(new.kind) ? [] : [.typeChanged(new.name, old: typeName(old.kind), new: typeName(new.kind))]
        guard let oldCodes = codes(of: old.kind), let newCodes = codes(of: new.kind) else { return changes }
        let oldLabels = Dictionary(oldCodes + old.missingCodes.map { (MissingCode.format($0.value), $0.label) }, uniquingKeysWith: { first, _ in first })
        let added = newCodes.filter { oldLabels[$0.code] == nil }.map(\.code)
        for (code, label) in newCodes + new.missingCodes.map({ (MissingCode.format($0.value), $0.label) }) {
            if let before = oldLabels[code], before != code, label != code, before != label {
                changes.append(.labelChanged(new.name, code: code, old: before, new: label))
            }
        }
        if !added.isEmpty { changes.append(.newCodes(new.name, codes: added)) }
        return changes
    }

    /// The answer codes of a Likert or categorical variable with their labels (a code without a label
    /// is its own label); `nil` for other types.
    private static func codes(of kind: Variable.Kind) -> [(code: String, label: String)]? {
        switch kind {
        case .likert(let scale): return scale.range.map { (String($0), scale.valueLabels[$0] ?? String($0)) }
        case .categorical(let levels, _): return levels.map { ($0.value, $0.label) }
        case .numeric, .id, .text, .date, .duration, .flag: return nil
        }
    }

    private static func typeName(_ kind: Variable.Kind) -> String {
        switch kind {
        case .likert: return "likert"
        case .categorical: return "categorical"
        case .numeric: return "numeric"
        case .id: return "id"
        case .text: return "text"
        case .date: return "date"
        case .duration: return "duration"
        case .flag: return "flag"
        }
    }
}
