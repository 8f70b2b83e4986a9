import Foundation
import SurveyData

/// The 64-bit hashes of one ID column's respondent IDs in a wave summary (``IDColumnHashes``),
/// ascending and distinct: merged summaries must hold disjoint sets of respondents, which
/// ``union(_:)`` checks as it merges the two sorted lists (linear in their lengths). Equal IDs have
/// equal hashes; two different IDs share one with probability 2⁻⁶⁴.
///
/// Written as one base64 string of the hashes' big-endian bytes (8 bytes a respondent, 11 characters
/// of JSON); a file's list is checked as it is decoded (whole hashes, ascending, none 0).
public struct RespondentHashes: Sendable, Equatable, Codable {
    public private(set) var hashes: [UInt64]

    /// - Parameter sorted: ascending, distinct hashes (``IDColumnHashes/hashes``).
    public init(sorted: [UInt64]) {
        hashes = sorted
    }

    /// The hashes of both, and how many of `other`'s are already in `self` (with the first such), for
    /// the caller to refuse: a respondent summarised twice.
    func union(_ other: RespondentHashes) -> (union: RespondentHashes, repeated: Int, firstRepeat: UInt64?) {
        var result: [UInt64] = []
        result.reserveCapacity(hashes.count + other.hashes.count)
        var i = 0, j = 0, repeated = 0
        var firstRepeat: UInt64?
        let mine = hashes, theirs = other.hashes
        while i < mine.count && j < theirs.count {
            if mine[i] < theirs[j] {
                result.append(mine[i]); i += 1
            } else if theirs[j] < mine[i] {
                result.append(theirs[j]); j += 1
            } else {
                if firstRepeat == nil { firstRepeat = mine[i] }
                repeated += 1
                result.append(mine[i]); i += 1; j += 1
            }
        }
        result += mine[i...]
        result += theirs[j...]
        return (RespondentHashes(sorted: result), repeated, firstRepeat)
    }

    /// Whether `hash` is one of the hashes (binary search).
    func contains(_ hash: UInt64) -> Bool {
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        func corrupt(_ what: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected \(what)"))
        }
        guard let bytes = Data(base64Encoded: try container.decode(String.self)), bytes.count % 8 == 0 else {
            throw corrupt("base64 of whole 8-byte hashes")
        }
        hashes = stride(from: 0, to: bytes.count, by: 8).map { start in
            bytes[bytes.startIndex + start ..< bytes.startIndex + start + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        guard hashes.first != 0, zip(hashes, hashes.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw corrupt("ascending, distinct hashes of respondent IDs (none 0)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var bytes = Data(capacity: hashes.count * 8)
        for hash in hashes { withUnsafeBytes(of: hash.bigEndian) { bytes.append(contentsOf: $0) } }
        var container = encoder.singleValueContainer()
        try container.encode(bytes.base64EncodedString())
    }
}
