/// The drawing surface every figure shares: SVG primitives with coordinates written to one decimal,
/// the APA frame of a figure (bold number, italic title above; the note naming its source table
/// below) and the `<title>`/`<desc>` that screen readers announce. Text is escaped here only.
struct SVGCanvas {
    /// Width of the drawing in px (user units).
    let width: Double
    private(set) var body = ""

    init(width: Double) { self.width = width }

    /// Left margin of the figure frame.
    static let margin = 8.0
    /// Height taken by the figure number and title above the plot.
    static let headerHeight = 46.0

    /// The standalone SVG document of a figure: its number and title on top, the drawing, then
    /// the note; `height` is the bottom of the drawing. Returns the document and its full height.
    func document(number: Int, title: String, description: String, note: String, height: Double) -> (svg: String, height: Double) {
        let id = "figure-\(number)"
        let total = height + 26
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.f(width))\" height=\"\(Self.f(total))\" "
        out += "viewBox=\"0 0 \(Self.f(width)) \(Self.f(total))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
        out += "font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<title id=\"\(id)-title\">Figure \(number). \(Self.escape(title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(Self.escape(description))</desc>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
        out += "<text x=\"\(Self.f(Self.margin))\" y=\"16\" font-size=\"13\" font-weight=\"bold\">Figure \(number)</text>\n"
        out += "<text x=\"\(Self.f(Self.margin))\" y=\"34\" font-size=\"13\" font-style=\"italic\">\(Self.escape(title))</text>\n"
        out += body
        out += "<text x=\"\(Self.f(Self.margin))\" y=\"\(Self.f(total - 8))\" font-size=\"11\"><tspan font-style=\"italic\">Note.</tspan> \(Self.escape(note))</text>\n"
        out += "</svg>\n"
        return (out, total)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        body += "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(max(width, 0)))\" height=\"\(Self.f(max(height, 0)))\" fill=\"\(fill)\""
        body += stroke.map { " stroke=\"\($0)\" stroke-width=\"0.5\"" } ?? ""
        body += "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#111", width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(Self.f(x1))\" y1=\"\(Self.f(y1))\" x2=\"\(Self.f(x2))\" y2=\"\(Self.f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.f(width))\""
        body += dashed ? " stroke-dasharray=\"4 3\"/>\n" : "/>\n"
    }

    /// A marker: a filled circle, or a filled square for `square`.
    mutating func marker(x: Double, y: Double, fill: String, square: Bool) {
        if square {
            body += "<rect x=\"\(Self.f(x - 4.5))\" y=\"\(Self.f(y - 4.5))\" width=\"9\" height=\"9\" fill=\"\(fill)\" stroke=\"#111\" stroke-width=\"0.5\"/>\n"
        } else {
            body += "<circle cx=\"\(Self.f(x))\" cy=\"\(Self.f(y))\" r=\"5\" fill=\"\(fill)\" stroke=\"#111\" stroke-width=\"0.5\"/>\n"
        }
    }

    enum Anchor: String { case start, middle, end }

    /// Text at baseline `y`; a label longer than `limit` characters is cut with "…" and keeps its
    /// full wording in a `<title>` tooltip; `rotation` turns it about (x, y), in degrees clockwise.
    mutating func text(_ string: String, x: Double, y: Double, size: Double = 11, anchor: Anchor = .start,
                       fill: String = "#111", bold: Bool = false, limit: Int = .max, rotation: Double = 0) {
        let shown = string.count > limit ? String(string.prefix(limit - 1)) + "…" : string
        body += "<text x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" font-size=\"\(Self.f(size))\""
        body += rotation == 0 ? "" : " transform=\"rotate(\(Self.f(rotation)) \(Self.f(x)) \(Self.f(y)))\""
        body += anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        body += fill == "#111" ? "" : " fill=\"\(fill)\""
        body += bold ? " font-weight=\"bold\"" : ""
        body += ">"
        if shown != string { body += "<title>\(Self.escape(string))</title>" }
        body += Self.escape(shown) + "</text>\n"
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String { FixedDecimals.format(value, places: 1) }

    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// Approximate width of `count` characters at `size` px in a sans-serif face, for layout.
    static func textWidth(_ count: Int, size: Double) -> Double { Double(count) * size * 0.56 }
}
