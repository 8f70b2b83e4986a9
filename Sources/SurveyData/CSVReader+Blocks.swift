import Foundation

extension CSVReader {
    /// Cuts the bytes from `offset` (where a record starts) to the file's end into blocks of about
    /// `size` bytes, so that the blocks can be read on several cores: the end offset of each block,
    /// the last one the file's end. A block ends just after a line end (LF) preceded by an even
    /// number of quotes since `offset` — outside any quoted field when every quote belongs to one
    /// (a quoted field's own quotes come in pairs). A quote inside an unquoted field, which the
    /// reader keeps as text, can put a later cut inside a quoted field; a block read from such a cut
    /// fails (``forEachRecord(from:to:while:)``), and the caller reads on from the last good cut.
    public func blockEnds(from offset: Int, size: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            let end = buffer.count
            var ends: [Int] = []
            var cut = offset, insideQuotes = false
            while cut < end {
                var position = cut
                let target = min(end, cut + max(1, size))
                while position < target, let quote = memchr(base + position, Int32(Self.quote), target - position) {
                    insideQuotes.toggle()
                    position = base.distance(to: quote.assumingMemoryBound(to: UInt8.self)) + 1
                }
                position = target
                while position < end {
                    let byte = base[position]
                    position += 1
                    if byte == Self.quote { insideQuotes.toggle() } else if byte == Self.newline && !insideQuotes { break }
                }
                ends.append(position)
                cut = position
            }
            return ends
        }
    }
}
