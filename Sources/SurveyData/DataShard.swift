/// Shard `index` of `count` of a data file (`--shard i/N`, 1-based): the data lines between two
/// cuts at line ends, read without splitting the file (``Dataset/forEachBlock(contentsOf:codebook:delimiter:shard:rowsPerBlock:concurrency:keepingTextCells:collectingIDHashes:progress:_:)``).
///
/// Shard i covers the bytes [cut(i − 1), cut(i)): cut(0) is the end of the header line, cut(N) the
/// file's size, and cut(k) for 0 < k < N the offset just after the first line end (LF) at or after
/// byte ⌊size·k/N⌋, never before the header's end. Cuts never decrease, so shards 1…N tile the
/// data lines exactly; a shard may hold no line (more shards than lines).
public struct DataShard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    /// `nil` unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `"i/N"` with 1 ≤ i ≤ N; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The offset of cut `k` (0…count) in a file of `size` bytes whose header ends at `headerEnd`;
    /// `lineEnd(from:)` gives the offset after the first LF at or after an offset (or `size`).
    func cut(_ k: Int, size: Int, headerEnd: Int, lineEnd: (Int) throws -> Int) rethrows -> Int {
        if k == 0 { return headerEnd }
        if k == count { return size }
        // ⌊size·k/N⌋ in full width: no overflow for any size and count.
        let guess = count.dividingFullWidth(size.multipliedFullWidth(by: k)).quotient
        return guess < headerEnd ? headerEnd : try lineEnd(guess)
    }
}
