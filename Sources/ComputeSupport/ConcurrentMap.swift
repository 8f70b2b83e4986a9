import Dispatch

extension Array where Element: Sendable {
    /// `map` with the elements transformed on all cores; results in the array's order, and the error
    /// of the first element (in order) that throws, so a run reports the same error on any machine.
    /// (Typed throws: with a transform that cannot throw, neither can the map.)
    @inlinable
    public func concurrentMap<T, Failure: Error>(_ transform: @Sendable (Element) throws(Failure) -> T) throws(Failure) -> [T] {
        let results = UnsafeMutableBufferPointer<Result<T, Failure>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = Result { () throws(Failure) -> T in try transform(self[index]) }
        }
        var mapped: [T] = []
        mapped.reserveCapacity(count)
        for result in results { mapped.append(try result!.get()) }
        return mapped
    }
}
