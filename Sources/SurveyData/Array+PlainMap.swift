extension Array {
    /// `map(transform)` as a plain loop writing into uninitialised storage: with `transform`
    /// inlined there is no per-element call or capacity check, so that the compiler can vectorise
    /// the loop (e.g. over a wave's million codes).
    @inlinable @inline(__always)
    public func plainMap<T>(_ transform: (Element) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { target, initialized in
            withUnsafeBufferPointer { source in
                for index in source.indices { (target.baseAddress! + index).initialize(to: transform(source[index])) }
            }
            initialized = count
        }
    }
}
