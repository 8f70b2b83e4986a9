import Foundation

/// A kind of personal data recognised in a cell by its form alone.
///
/// The detectors look at a whole (trimmed) cell and are deliberately narrow, so that ordinary survey
/// values (Likert codes, dates, prices, version numbers, plain numeric IDs) do not match:
/// - `email`: `local@domain.tld`, one `@`, local part of letters, digits and `._%+-`, a domain of
///   dot-separated labels (letters, digits, `-`) ending in a label of two or more letters;
/// - `phone`: an optional leading `+`, then 7 to 15 digits in at least two groups separated by spaces,
///   `-`, `.`, `/` or parentheses (E.164 allows at most 15 digits); a cell that reads as a date
///   (`2026-11-23`, `23.11.2026`, `11/23/2026`) or an ISBN-13 (`978-3-16-148410-0`) is not a phone number;
/// - `ipAddress`: IPv4 dotted quad (each part 0–255) or IPv6 (hex groups with `:`, at least two colons);
/// - `gpsCoordinates`: a latitude, longitude pair (`52.52003, 13.40495`) of decimals with at least
///   four places, |latitude| ≤ 90 and |longitude| ≤ 180 (single latitude or longitude columns are
///   caught by the codebook's `pii` type, which `paradox import` sets for the platforms' columns);
/// - `streetAddress`: a street address anywhere in the cell (``StreetAddressDetector``);
/// - `personName`: a person's name anywhere in the cell (``PersonNameDetector``), or a cell that is
///   one common given name;
/// - `url`: a URL that points at a person (``PersonalURL``: a profile, a `mailto:` link, an ID or
///   e-mail address in its query); in a cell, the whole cell.
///
/// A cell that is not one of the first four as a whole is read as free text (its first
/// ``maximumTextScan`` characters): one that holds a street address or a person's name is of that kind.
public enum PersonalDataKind: String, Sendable, Equatable, CaseIterable, Codable {
    case email
    case ipAddress = "ip_address"
    case gpsCoordinates = "gps_coordinates"
    case phone
    case streetAddress = "street_address"
    case personName = "person_name"
    case url
    /// The characters of a free-text cell that are searched (bounds the work per cell).
    public static let maximumTextScan = 4_096

    /// How the report names the kind.
    public var description: String {
        switch self {
        case .email: return "e-mail addresses"
        case .phone: return "phone numbers"
        case .ipAddress: return "IP addresses"
        case .gpsCoordinates: return "GPS coordinates"
        case .streetAddress: return "street addresses"
        case .personName: return "person names"
        case .url: return "personal URLs"
        }
    }

    /// The kind of personal data `cell` is or holds, if any (whitespace around it ignored).
    public static func classify<S: StringProtocol>(_ cell: S) -> PersonalDataKind? {
        if isShortNumber(cell.utf8) { return nil }
        let text = Substring(cell.prefix(maximumTextScan)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if let kind = classifyWhole(Substring(text)) { return kind }
        if !text.contains(where: \.isWhitespace), PersonalURL.isPersonal(Substring(text)) { return .url }
        if PersonNameDetector.isGivenName(Substring(text)) { return .personName }
        let holds = TextRedaction.holdsAddressOrName(text)
        if holds.address { return .streetAddress }
        return holds.name ? .personName : nil
    }

    /// Whether `cell` is a number of at most 6 digits (an answer's code, a count, a weight): an
    /// optional `-`, digits and at most one `.`, between ASCII white space. No kind has so few
    /// digits and no other character (a phone number has 7 at least, an IP address three dots), so
    /// the scan of a survey's cells, nearly all such numbers, skips the tests below.
    static func isShortNumber<Bytes: Collection<UInt8>>(_ cell: Bytes) -> Bool {
        guard cell.count <= 16 else { return false }
        var digits = 0, points = 0, signs = 0, started = false, ended = false
        for byte in cell {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !ended:
                digits += 1
                started = true
            case UInt8(ascii: ".") where !ended:
                points += 1
                started = true
            case UInt8(ascii: "-") where !started:
                signs += 1
                started = true
            case 0x20, 0x09...0x0D:
                ended = started
            default:
                return false
            }
        }
        return (1...6).contains(digits) && points <= 1 && signs <= 1
    }

    /// The kind `text` is as a whole, if it is an e-mail address, an IP address, a coordinate pair
    /// or a phone number (tried in that order). Each test first looks for the bytes it needs (an `@`, a `:`,
    /// a `.`, 7–15 ASCII digits), which rules out most candidates of the text redaction at once.
    static func classifyWhole(_ text: Substring) -> PersonalDataKind? {
        guard text.utf8.count <= 256 else { return nil }
        if isEmail(text) { return .email }
        if isIPv4(text) || isIPv6(text) { return .ipAddress }
        if isCoordinatePair(text) { return .gpsCoordinates }
        return isPhone(text) ? .phone : nil
    }

    static func isEmail(_ text: Substring) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
              let top = labels.last else { return false }
        return top.count >= 2 && top.allSatisfy(\.isLetter)
    }

    static func isPhone(_ text: Substring) -> Bool {
        // On the UTF-8 bytes: a phone number is ASCII, and this runs on every candidate of every line.
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard (7...15).contains(text.utf8.reduce(0) { $0 + (isDigit($1) ? 1 : 0) }) else { return false }
        var body = text.utf8[...]
        if body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let first = body.first, isDigit(first) || first == UInt8(ascii: "(") else { return false }
        guard body.allSatisfy({ isDigit($0) || " -./()".utf8.contains($0) }) else { return false }
        let groups = body.split(whereSeparator: { !isDigit($0) })
        return groups.count >= 2 && !isDate(Substring(body)) && !isISBN13(String(decoding: groups.joined(), as: UTF8.self))
    }

    /// 13 digits of an ISBN: prefix 978 or 979 and the EAN-13 check digit (weights 1, 3, …; ISO 2108).
    static func isISBN13(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 13, digits.hasPrefix("978") || digits.hasPrefix("979") else { return false }
        return values.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) } % 10 == 0
    }

    /// Three groups of digits of a date: year first (4-2-2) or last (2-2-4), one kind of separator.
    static func isDate(_ text: Substring) -> Bool {
        for separator in ["-", ".", "/"] as [Character] {
            let groups = text.split(separator: separator, omittingEmptySubsequences: false)
            guard groups.count == 3, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { continue }
            let widths = groups.map(\.count)
            if widths == [4, 2, 2] || (widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2) { return true }
        }
        return false
    }

    static func isIPv4(_ text: Substring) -> Bool {
        guard text.utf8.count <= 15 else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part).map { $0 <= 255 } ?? false)
        }
    }

    static func isIPv6(_ text: Substring) -> Bool {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (3...8).contains(groups.count), text.contains("::") || groups.count == 8 else { return false }
        return groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) } && groups.contains { !$0.isEmpty }
    }

    static func isCoordinatePair(_ text: Substring) -> Bool {
        guard text.utf8.contains(UInt8(ascii: ".")) else { return false }
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " })
        guard parts.count == 2 else { return false }
        func coordinate(_ part: Substring, limit: Double) -> Bool {
            guard let dot = part.firstIndex(of: "."), part[part.index(after: dot)...].count >= 4,
                  part.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                  let value = Double(part) else { return false }
            return abs(value) <= limit
        }
        return coordinate(parts[0], limit: 90) && coordinate(parts[1], limit: 180)
    }
}
