import Foundation

/// Time stamps in transcripts and captions: `hh:mm:ss`, `mm:ss`, with optional fraction after `.` or `,`.
enum CaptionTime {
    /// Seconds since the start, or nil if `stamp` is not a time.
    static func seconds(_ stamp: String) -> Double? {
        let parts = stamp.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".").split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var total = 0.0
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isNumber || (isLast && $0 == ".")) }), let value = Double(part) else { return nil }
            total = total * 60 + value
        }
        return total
    }
}
