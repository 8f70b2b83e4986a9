import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements transformed on all cores; results in the array's order, and the error
    /// of the first element (in order) that throws, so a run reports the same error on any machine.
    public func concurrentMap<T>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let results = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = Result { try transform(self[index]) }
        }
        return try results.map { try $0!.get() }
    }
}
