import SurveyData

extension Codebook {
    /// The display label of a scale or variable, or the name itself.
    func label(_ name: String) -> String {
        scales.first { $0.name == name }?.label ?? variable(named: name)?.label ?? name
    }

    /// The scale named `name`.
    /// - Throws: ``StudyError/unknownScale(_:available:)``.
    func requireScale(_ name: String) throws -> ScaleDefinition {
        guard let scale = scales.first(where: { $0.name == name }) else {
            throw StudyError.unknownScale(name, available: scales.map(\.name))
        }
        return scale
    }

    /// The items of the scale named `name` (none when the codebook has no such scale).
    func items(of name: String) -> [String] {
        scales.first { $0.name == name }?.items ?? []
    }

    /// Names of every Likert and numeric variable, then every scale (the default for descriptives).
    var describableNames: [String] {
        variables.filter {
            switch $0.kind {
            case .likert, .numeric: return true
            default: return false
            }
        }.map(\.name) + scales.map(\.name)
    }

    /// Names of every Likert and categorical variable (the default for frequencies).
    var tabulableNames: [String] {
        variables.filter {
            switch $0.kind {
            case .likert, .categorical: return true
            default: return false
            }
        }.map(\.name)
    }
}
