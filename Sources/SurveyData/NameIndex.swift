/// The position of each name in a list, the first one where a name repeats: O(1) lookups by name
/// for the codebook's variables and the dataset's columns.
struct NameIndex: Sendable, Equatable {
    private let positions: [String: Int]

    init(_ names: [String]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    subscript(name: String) -> Int? { positions[name] }
}
