/// Finds the first byte offset at which `bytes` stops being well-formed UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or `nil` if all of it is valid.
/// An all-ASCII cell is recognised in one pass of word loads; other ASCII runs are skipped eight
/// bytes at a time.
public func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    guard let base = bytes.baseAddress, !isASCII(base, count: count) else { return nil }
    var i = 0
    while i < count {
        if i + 8 <= count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
        }
        let lead = base[i]
        if lead < 0x80 { i += 1; continue }
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return i
        }
        guard i + length <= count else { return i }
        let second = base[i + 1]
        guard second >= lower && second <= upper else { return i }
        for k in 2..<max(2, length) where base[i + k] & 0xC0 != 0x80 { return i }
        i += length
    }
    return nil
}

/// Whether the `count` bytes at `base` are all ASCII: a word at a time, the last word overlapping
/// the one before it (two overlapping 4-byte loads for 4–7 bytes), never reading past them.
@inline(__always)
private func isASCII(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
    let raw = UnsafeRawPointer(base)
    if count >= 8 {
        var i = 0
        while i + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        return raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    }
    if count >= 4 {
        return (raw.loadUnaligned(as: UInt32.self) | raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) & 0x8080_8080 == 0
    }
    var bits: UInt8 = 0
    for i in 0..<count { bits |= base[i] }
    return bits & 0x80 == 0
}
