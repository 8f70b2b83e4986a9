import Archive
import Foundation

/// Export to the REFI-QDA exchange standard (REFI-QDA Standard 1.5, www.qdasoftware.org), which
/// NVivo, ATLAS.ti, MAXQDA and QualCoder import.
///
/// A project (`.qdpx`) is a ZIP holding `project.qde` (XML in namespace `urn:QDA-XML:project:1.0`,
/// valid against Project.xsd) and `sources/<GUID>.txt`, each transcript's text in UTF-8 with LF line
/// ends and no byte-order mark. It carries the codebook (sub-themes nested in their parents), one
/// variable per participant attribute, one case per participant with its attribute values and
/// transcripts, and per transcript and coder one `PlainTextSelection` per coded segment with one
/// `Coding` per theme. The coders are users: Paradox's deductive coder, then each human coding given
/// (`--gold`, named by its source) and the learned coding's suggestions (for review), never merged.
/// Selection positions are 0-based, half-open Unicode scalar (code point) offsets into the stored
/// text, so that the project reads back (``REFIQDAImport``) as the same codings.
/// A codebook alone (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`) is valid against Codebook.xsd.
/// All GUIDs are name-based (``DeterministicGUID``) and no time stamps are written, so the same
/// coding always exports to the same bytes.
public enum REFIQDAExport {
    /// The `.qdpx` archive of `result`, with `coders` (human codings, learned suggestions) as users
    /// of their own beside Paradox's coder.
    public static func project(_ result: CodingResult, coders: [HumanCoding] = []) -> ZipArchive {
        var archive = ZipArchive()
        archive.add("project.qde", data: Data(projectXML(result, coders: coders).utf8))
        for transcript in result.transcripts {
            archive.add("sources/\(sourceGUID(transcript)).txt", data: Data(transcript.text.utf8))
        }
        return archive
    }

    /// The `project.qde` document.
    public static func projectXML(_ result: CodingResult, coders: [HumanCoding] = []) -> String {
        let user = DeterministicGUID.make("user:paradox")
        let others = coders.enumerated().map { index, coding in (guid: DeterministicGUID.make("user:\(index):\(coding.source)"), key: "\(index):", coding: coding) }
        var xml = XMLWriter()
        xml.line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        xml.open("Project", [("xmlns", "urn:QDA-XML:project:1.0"),
                             ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                             ("xsi:schemaLocation", "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"),
                             ("name", result.codebook.name), ("origin", "Paradox"), ("creatingUserGUID", user)])
        xml.open("Users")
        xml.empty("User", [("guid", user), ("name", "Paradox deductive coder")])
        for other in others { xml.empty("User", [("guid", other.guid), ("name", other.coding.source)]) }
        xml.close("Users")
        xml.open("CodeBook")
        writeCodes(result.codebook, parent: nil, into: &xml)
        xml.close("CodeBook")

        let attributes = result.attributeNames
        if !attributes.isEmpty {
            xml.open("Variables")
            for name in attributes {
                xml.empty("Variable", [("guid", variableGUID(name)), ("name", name), ("typeOfVariable", isInteger(name, in: result) ? "Integer" : "Text")])
            }
            xml.close("Variables")
        }
        xml.open("Cases")
        for participant in result.participants {
            xml.open("Case", [("guid", DeterministicGUID.make("case:\(participant.id)")), ("name", participant.id)])
            for attribute in participant.attributes {
                xml.open("VariableValue")
                xml.empty("VariableRef", [("targetGUID", variableGUID(attribute.name))])
                let element = isInteger(attribute.name, in: result) ? "IntegerValue" : "TextValue"
                xml.text(element, attribute.value)
                xml.close("VariableValue")
            }
            for transcript in result.transcripts where transcript.participantID == participant.id {
                xml.empty("SourceRef", [("targetGUID", sourceGUID(transcript))])
            }
            xml.close("Case")
        }
        xml.close("Cases")

        xml.open("Sources")
        for transcript in result.transcripts {
            let guid = sourceGUID(transcript)
            xml.open("TextSource", [("guid", guid), ("name", transcript.name), ("plainTextPath", "internal://\(guid).txt")])
            let segments = result.segments.filter { $0.segment.transcriptID == transcript.id }
            for coded in segments where !coded.codings.isEmpty {
                writeSelection(coded.segment, themes: coded.codings.map(\.themeID), user: user, key: "", into: &xml)
            }
            for other in others {
                for coded in segments {
                    let themes = result.themeOrder.filter { other.coding.themes[coded.segment.id]?.contains($0) == true }
                    guard !themes.isEmpty else { continue }
                    writeSelection(coded.segment, themes: themes, user: other.guid, key: other.key, into: &xml)
                }
            }
            xml.close("TextSource")
        }
        xml.close("Sources")
        xml.close("Project")
        return xml.output
    }

    /// One `PlainTextSelection` spanning `segment`, coded by `user` with each of `themes`. `key`
    /// tells the GUIDs of several coders' selections of one segment apart ("" for Paradox's coder).
    private static func writeSelection(_ segment: Segment, themes: [String], user: String, key: String, into xml: inout XMLWriter) {
        xml.open("PlainTextSelection", [
            ("guid", DeterministicGUID.make("selection:\(key)\(segment.id)")), ("name", String(segment.text.unicodeScalars.prefix(100))),
            ("startPosition", String(segment.start)), ("endPosition", String(segment.end)), ("creatingUser", user),
        ])
        for theme in themes {
            xml.open("Coding", [("guid", DeterministicGUID.make("coding:\(key)\(segment.id):\(theme)")), ("creatingUser", user)])
            xml.empty("CodeRef", [("targetGUID", codeGUID(theme))])
            xml.close("Coding")
        }
        xml.close("PlainTextSelection")
    }

    /// The `.qdc` codebook document.
    public static func codebookXML(_ codebook: ThemeCodebook) -> String {
        var xml = XMLWriter()
        xml.line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        xml.open("CodeBook", [("xmlns", "urn:QDA-XML:codebook:1.0"), ("origin", "Paradox")])
        writeCodes(codebook, parent: nil, into: &xml)
        xml.close("CodeBook")
        return xml.output
    }

    /// The GUID of a theme's code, shared by the project and the codebook export.
    public static func codeGUID(_ themeID: String) -> String { DeterministicGUID.make("code:\(themeID)") }

    /// The GUID of a transcript's source, also the name of its file under `sources/`.
    public static func sourceGUID(_ transcript: Transcript) -> String { DeterministicGUID.make("source:\(transcript.id)") }

    private static func variableGUID(_ name: String) -> String { DeterministicGUID.make("variable:\(name)") }

    private static func isInteger(_ attribute: String, in result: CodingResult) -> Bool {
        let values = result.participants.compactMap { $0[attribute] }
        return !values.isEmpty && values.allSatisfy { Int($0) != nil }
    }

    /// `<Codes>` with the children of `parent`, recursively (valid in both schemas: no `NoteRef`).
    private static func writeCodes(_ codebook: ThemeCodebook, parent: String?, into xml: inout XMLWriter) {
        let children = codebook.children(of: parent)
        guard !children.isEmpty else { return }
        if parent == nil { xml.open("Codes") }
        for id in children {
            guard let theme = codebook.theme(id) else { continue }
            var attributes = [("guid", codeGUID(id)), ("name", theme.label), ("isCodable", "true")]
            if let color = theme.color { attributes.append(("color", color)) }
            xml.open("Code", attributes)
            if !theme.definition.isEmpty { xml.text("Description", theme.definition) }
            writeCodes(codebook, parent: id, into: &xml)
            xml.close("Code")
        }
        if parent == nil { xml.close("Codes") }
    }
}

/// A minimal indenting XML writer with escaping of text and attribute values.
struct XMLWriter {
    private(set) var output = ""
    private var depth = 0

    mutating func line(_ text: String) { output += String(repeating: "  ", count: depth) + text + "\n" }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(render(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) { line("<\(name)\(render(attributes))/>") }

    mutating func text(_ name: String, _ value: String) { line("<\(name)>\(Self.escape(value, attribute: false))</\(name)>") }

    private func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(Self.escape($0.1, attribute: true))\"" }.joined()
    }

    static func escape(_ value: String, attribute: Bool) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            case "\r": result += "&#13;"
            default:
                // Characters XML 1.0 forbids (C0 controls other than tab and line feed) are dropped.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
