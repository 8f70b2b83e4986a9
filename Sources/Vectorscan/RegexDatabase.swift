import CVectorscan
import Foundation

/// Regular expressions compiled together into one Vectorscan stream-mode database: one scan of a text
/// finds every match of every expression, in time linear in the text (automata, no backtracking), so
/// no expression can make a scan hang.
///
/// The text is fed to Vectorscan in pieces of at most ``pieceLength`` bytes, one stream per scan:
/// Vectorscan 5.4.9 (Debian 12) overflows a 255-byte stack buffer when it searches backwards for the
/// start of a match over a longer buffer (`rvermicelliDoubleExecReal`, fixed upstream in
/// VectorCamp/vectorscan pull request 392): a block scan of `x+y` over 400 bytes aborts the process,
/// and a stream fed larger pieces loses matches. Pieces this short avoid both.
///
/// Expressions are compiled for UTF-8 text (`.` is one character) and report the leftmost start of
/// each match. The classes `\w`, `\d`, `\s` and the word boundary `\b` are ASCII: Vectorscan takes
/// `\b` only without Unicode classes. Vectorscan rejects what an
/// automaton cannot do — backreferences, lookahead and lookbehind, atomic groups, possessive
/// quantifiers, conditionals — and expressions that match the empty text with ``VectorscanError/unsupportedExpression(index:reason:)``.
///
/// A scan reports every end offset at which an expression matches, each with the leftmost start of a
/// match ending there (so `a+` on "aaa" reports 0..<1, 0..<2, 0..<3). Scans may run on several
/// threads at once: each takes its own scratch space from a pool.
public final class RegexDatabase: @unchecked Sendable {
    private let database: OpaquePointer
    /// Scratch spaces not in use; a scan takes one (or clones a new one) and gives it back.
    private var idleScratch: [OpaquePointer] = []
    private let prototype: OpaquePointer
    private let lock = NSLock()
    /// Bytes handed to Vectorscan per call (see above).
    public static let pieceLength = 192

    /// Compiles `expressions` (ids are their indices).
    public init(expressions: [String]) throws {
        for (index, expression) in expressions.enumerated() where expression.utf8.contains(0) {
            throw VectorscanError.unsupportedExpression(index: index, reason: "it contains a NUL character")
        }
        let flags = [UInt32](repeating: UInt32(HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST),
                             count: expressions.count)
        let ids = (0..<expressions.count).map { UInt32($0) }
        var compiled: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let cStrings = expressions.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let status = cStrings.map { UnsafePointer($0) }.withUnsafeBufferPointer { pointers in
            hs_compile_multi(pointers.baseAddress, flags, ids, UInt32(expressions.count),
                             UInt32(HS_MODE_STREAM) | UInt32(HS_MODE_SOM_HORIZON_LARGE),
                             nil, &compiled, &compileError)
        }
        if status != HS_SUCCESS {
            defer { hs_free_compile_error(compileError) }
            var reason = compileError.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "status \(status)"
            if reason.hasPrefix("Pattern matches empty buffer") { reason = "it matches the empty text, so it would match everywhere" }
            let index = Int(compileError?.pointee.expression ?? -1)
            throw VectorscanError.unsupportedExpression(index: max(index, 0), reason: reason)
        }
        guard let compiled else { throw VectorscanError.status(code: HS_UNKNOWN_ERROR, function: "hs_compile_multi") }
        var scratch: OpaquePointer?
        do {
            try check(hs_alloc_scratch(compiled, &scratch), "hs_alloc_scratch")
        } catch {
            hs_free_database(compiled)
            throw error
        }
        database = compiled
        prototype = scratch!
    }

    deinit {
        idleScratch.forEach { hs_free_scratch($0) }
        hs_free_scratch(prototype)
        hs_free_database(database)
    }

    /// Calls `onMatch(expression, start ..< end)` (byte offsets) for every match in `text`, in
    /// increasing order of end offset. `text` must be valid UTF-8; an empty text reports nothing.
    public func scan(_ text: UnsafeRawBufferPointer, onMatch: (Int, Range<Int>) -> Void) throws {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        let scratch = try takeScratch()
        defer { giveBack(scratch) }
        try withoutActuallyEscaping(onMatch) { onMatch in
            var handler = onMatch
            try withUnsafeMutablePointer(to: &handler) { context in
                let report: match_event_handler = { id, from, to, _, context in
                    let handler = context!.assumingMemoryBound(to: ((Int, Range<Int>) -> Void).self)
                    handler.pointee(Int(id), Int(from)..<Int(to))
                    return 0
                }
                var opened: OpaquePointer?
                try check(hs_open_stream(database, 0, &opened), "hs_open_stream")
                guard let stream = opened else { throw VectorscanError.status(code: HS_NOMEM, function: "hs_open_stream") }
                let bytes = base.assumingMemoryBound(to: CChar.self)
                var offset = 0
                var status = HS_SUCCESS
                while offset < text.count, status == HS_SUCCESS {
                    let length = min(Self.pieceLength, text.count - offset)
                    status = hs_scan_stream(stream, bytes + offset, UInt32(length), 0, scratch, report, context)
                    offset += length
                }
                let closing = hs_close_stream(stream, scratch, report, context)  // reports matches ending at `$`
                try check(status, "hs_scan_stream")
                try check(closing, "hs_close_stream")
            }
        }
    }

    private func takeScratch() throws -> OpaquePointer {
        lock.lock()
        if let scratch = idleScratch.popLast() { lock.unlock(); return scratch }
        lock.unlock()
        var clone: OpaquePointer?
        try check(hs_clone_scratch(prototype, &clone), "hs_clone_scratch")
        return clone!
    }

    private func giveBack(_ scratch: OpaquePointer) {
        lock.lock()
        idleScratch.append(scratch)
        lock.unlock()
    }
}
