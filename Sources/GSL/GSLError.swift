import CGSL

/// A failure reported by the GNU Scientific Library, as a typed Swift error.
///
/// GSL's default handler aborts the process on any error; Paradox switches that handler off once
/// (see ``GSLRuntime``) and turns every non-zero status code into this value at one choke point,
/// ``check(_:_:)``.
public struct GSLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The GSL status code (`GSL_EDOM`, `GSL_ESING`, …).
    public let code: Int32
    /// The GSL routine that reported it.
    public let function: String

    public init(code: Int32, function: String) {
        self.code = code
        self.function = function
    }

    /// GSL's own text for the status code.
    public var reason: String { String(cString: gsl_strerror(code)) }

    public var description: String { "GSL \(function) failed: \(reason) (status \(code))" }

    /// The matrix is singular (GSL_ESING).
    public var isSingular: Bool { code == GSL_ESING }
}

/// Runs a GSL routine's status through the one choke point that maps it to ``GSLError``.
@inline(__always)
func check(_ status: Int32, _ function: String) throws {
    if status != GSL_SUCCESS { throw GSLError(code: status, function: function) }
}
