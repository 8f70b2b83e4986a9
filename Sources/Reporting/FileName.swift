import Foundation

/// The one sanitiser of file names made from names users give (tables named after regressions,
/// ANOVAs, scales and variables; wave folders named after data files): the result is a single path
/// component that stays where it is put.
///
/// - `/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|`, NUL and every control character (C0, DEL, C1)
///   become `_`;
/// - a leading dot and every dot next to another dot become `_` (never `.`, `..` or a hidden file);
/// - at most ``maximumBytes`` bytes of UTF-8, cut between characters; an empty name becomes `_`.
///
/// Collisions (two names the same after sanitising, or differing only in case, as on macOS's and
/// Windows' file systems) are numbered by ``Registry``.
public enum FileName {
    /// Room for a `NN_` prefix, a `_N` number and an extension within the usual 255-byte limit.
    public static let maximumBytes = 120

    public static func sanitized(_ name: String, maximumBytes: Int = maximumBytes) -> String {
        let given = Array(name.unicodeScalars)
        var scalars = String.UnicodeScalarView()
        for (index, scalar) in given.enumerated() {
            let dotRun = scalar == "." && (index == 0 || given[index - 1] == "." || given.dropFirst(index + 1).first == ".")
            scalars.append(isUnsafe(scalar) || dotRun ? "_" : scalar)
        }
        var result = "", bytes = 0
        for character in String(scalars) {
            bytes += character.utf8.count
            if bytes > maximumBytes { break }
            result.append(character)
        }
        return result.isEmpty ? "_" : result
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || "/\\:*?\"<>|".unicodeScalars.contains(scalar)
    }

    /// Hands out sanitised names unique within one folder, ignoring case and Unicode normalisation:
    /// a later name equal to an earlier one gets `_2`, `_3`, … (`x`, `X`, `x` → `x`, `X_2`, `x_3`).
    public struct Registry {
        private var taken: Set<String> = []

        public init() {}

        public mutating func claim(_ name: String) -> String {
            let base = FileName.sanitized(name)
            var candidate = base, number = 1
            while !taken.insert(Self.key(candidate)).inserted {
                number += 1
                let suffix = "_\(number)"
                candidate = FileName.sanitized(base, maximumBytes: FileName.maximumBytes - suffix.utf8.count) + suffix
            }
            return candidate
        }

        private static func key(_ name: String) -> String {
            name.precomposedStringWithCanonicalMapping.lowercased()
        }
    }
}
