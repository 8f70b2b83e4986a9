import CGSL

/// One-time set-up of the C library: GSL's abort-on-error handler is switched off so that errors
/// come back as status codes (mapped to ``GSLError``) instead of killing the process.
enum GSLRuntime {
    /// Evaluated once, thread-safely, the first time any wrapper touches it.
    static let ready: Void = { _ = gsl_set_error_handler_off() }()
}
