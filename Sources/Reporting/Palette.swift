/// Colour-blind-safe colours legible in grayscale print: ColorBrewer's RdBu (Brewer & Harrower,
/// colorbrewer2.org), whose classes step in lightness from dark red through white to dark blue, so
/// that the order survives a grayscale printer and red–green deficiency.
enum Palette {
    /// RdBu with 11 classes, dark red (negative, disagree) to dark blue (positive, agree).
    static let redBlue11 = ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7",
                            "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"]

    /// ColorBrewer's RdBu scheme with `count` classes (2–11; two classes use the ends of the
    /// three-class scheme), red to blue.
    static func redBlue(_ count: Int) -> [String] {
        switch count {
        case ...2: return ["#ef8a62", "#67a9cf"]
        case 3: return ["#ef8a62", "#f7f7f7", "#67a9cf"]
        case 4: return ["#ca0020", "#f4a582", "#92c5de", "#0571b0"]
        case 5: return ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"]
        case 6: return ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"]
        case 7: return ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"]
        case 8: return ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]
        case 9: return ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]
        case 10: return redBlue11.enumerated().filter { $0.offset != 5 }.map(\.element)
        default: return redBlue11
        }
    }

    /// The RdBu colour of `value` on a scale from −1 (dark red) through 0 (white) to 1 (dark
    /// blue), the eleven classes as bins of width 2/11.
    static func redBlue(at value: Double) -> String {
        let clamped = min(max(value, -1), 1)
        let index = Int(((clamped + 1) / 2 * 11).rounded(.down))
        return redBlue11[min(index, 10)]
    }

    /// Black or white, whichever reads on `fill` (white on the two darkest classes at each end).
    static func ink(on fill: String) -> String {
        ["#67001f", "#b2182b", "#ca0020", "#2166ac", "#053061", "#0571b0"].contains(fill) ? "#fff" : "#111"
    }
}
