import ArgumentParser

/// How a one-off command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv, json
}

/// Options shared by the commands that read a data file.
struct DataFileOptions: ParsableArguments {
    @Argument(help: "The survey data file (CSV; comma, semicolon or tab separated).")
    var file: String

    @Option(help: "Field delimiter: comma, semicolon or tab (detected from the header when omitted).")
    var delimiter: Delimiter?

    @Option(help: "Output format: text, markdown, csv or json.")
    var format: OutputFormat = .text

    enum Delimiter: String, ExpressibleByArgument {
        case comma, semicolon, tab
        var byte: UInt8 {
            switch self {
            case .comma: return UInt8(ascii: ",")
            case .semicolon: return UInt8(ascii: ";")
            case .tab: return UInt8(ascii: "\t")
            }
        }
    }
}
