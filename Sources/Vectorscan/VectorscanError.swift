import CVectorscan

/// A failure reported by Vectorscan, as a typed Swift error.
public enum VectorscanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Expression `index` (in the order given to ``RegexDatabase/init(expressions:)``) cannot be
    /// compiled; `reason` is Vectorscan's message, e.g. "Backreferences are not supported".
    case unsupportedExpression(index: Int, reason: String)
    /// A runtime call failed with a status code (`HS_NOMEM`, `HS_SCRATCH_IN_USE`, …).
    case status(code: Int32, function: String)

    public var description: String {
        switch self {
        case let .unsupportedExpression(index, reason): return "expression \(index + 1) cannot be compiled: \(reason)"
        case let .status(code, function): return "Vectorscan \(function) failed with status \(code)"
        }
    }
}

/// The one choke point that maps a Vectorscan status code to ``VectorscanError``.
@inline(__always)
func check(_ status: hs_error_t, _ function: String) throws {
    if status != HS_SUCCESS { throw VectorscanError.status(code: status, function: function) }
}
