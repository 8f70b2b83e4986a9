import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What Paradox reads from a REFI-QDA `project.qde` (REFI-QDA Standard 1.5, Project.xsd): the users,
/// the codes (nested), and each text source with its text location and coded selections. Other
/// source kinds (PDF, picture, audio, video), notes, cases, sets and graphs are skipped.
struct REFIQDAProject {
    struct Code {
        var guid: String
        var name: String
        var line: Int
    }

    /// A `Coding` element: its code and the user who made it (the selection's or source's user when
    /// the coding names none).
    struct Coding {
        var codeGUID: String
        var userGUID: String?
        var line: Int
    }

    /// A `PlainTextSelection`: 0-based, half-open character positions into the source's text.
    struct Selection {
        var guid: String
        var start: Int
        var end: Int
        var line: Int
        var codings: [Coding]
    }

    struct TextSource {
        var guid: String
        var name: String
        var plainTextPath: String?
        var plainTextContent: String?
        var creatingUser: String?
        var line: Int
        var selections: [Selection]
        /// Codings of the whole source (a `Coding` directly inside `TextSource`).
        var sourceCodings: [Coding]
    }

    /// The folder `relative://` source paths were relative to, on the machine that made the project.
    var basePath: String?
    /// User GUID → name, in document order.
    var users: [(guid: String, name: String)] = []
    var codes: [Code] = []
    var sources: [TextSource] = []

    /// Parses `data` (the `project.qde` of `file`). A document type declaration is refused before
    /// parsing: REFI-QDA uses none, and without one no entity can be declared, so neither entity
    /// expansion ("billion laughs") nor external entities can occur. (libxml2 behind XMLParser also
    /// resolves no external entities and stops entity loops, but the refusal does not rest on that.)
    static func parse(_ data: Data, file: String) throws -> REFIQDAProject {
        if let doctype = data.range(of: Data("<!DOCTYPE".utf8)) {
            let line = data[..<doctype.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw REFIQDAError.malformed(file: file, line: line, expected: "no document type declaration (<!DOCTYPE>); REFI-QDA projects have none")
        }
        let reader = ProjectXMLReader(file: file)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        if let error = reader.error { throw error }
        guard parsed else {
            let reason = (parser.parserError as NSError?).map { "well-formed XML (libxml2 error \($0.code))" } ?? "well-formed XML"
            throw REFIQDAError.malformed(file: file, line: parser.lineNumber, expected: reason)
        }
        guard reader.sawProject else {
            throw REFIQDAError.malformed(file: file, line: 1, expected: "a REFI-QDA project (root element <Project>)")
        }
        return reader.project
    }
}

/// The XMLParser delegate that fills a ``REFIQDAProject``; it stops at the first invalid element.
private final class ProjectXMLReader: NSObject, XMLParserDelegate {
    let file: String
    var project = REFIQDAProject()
    var error: REFIQDAError?
    var sawProject = false
    private var path: [String] = []
    private var source: REFIQDAProject.TextSource?
    private var selection: REFIQDAProject.Selection?
    private var coding: (userGUID: String?, line: Int)?
    private var content: String?
    private var userOfSelection: String?

    init(file: String) { self.file = file }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let line = parser.lineNumber
        defer { path.append(name) }
        if path.isEmpty {
            guard name == "Project" else { return fail(parser, line, "a REFI-QDA project (root element <Project>), found <\(name)>") }
            sawProject = true
            project.basePath = attributes["basePath"]
            return
        }
        let parent = path.last ?? ""
        func required(_ attribute: String) -> String? {
            if let value = attributes[attribute] { return value }
            fail(parser, line, "a '\(attribute)' attribute on <\(name)>")
            return nil
        }
        switch (parent, name) {
        case ("Users", "User"):
            guard let guid = required("guid") else { return }
            project.users.append((guid, attributes["name"] ?? guid))
        case ("Codes", "Code"), ("Code", "Code"):
            guard let guid = required("guid"), let codeName = required("name") else { return }
            project.codes.append(.init(guid: guid, name: codeName, line: line))
        case ("Sources", "TextSource"):
            guard let guid = required("guid") else { return }
            source = .init(guid: guid, name: attributes["name"] ?? guid, plainTextPath: attributes["plainTextPath"],
                           plainTextContent: nil, creatingUser: attributes["creatingUser"], line: line, selections: [], sourceCodings: [])
        case ("TextSource", "PlainTextContent") where source != nil:
            content = ""
        case ("TextSource", "PlainTextSelection") where source != nil:
            guard let guid = required("guid"), let start = required("startPosition"), let end = required("endPosition") else { return }
            guard let first = Int(start), let last = Int(end) else {
                return fail(parser, line, "whole-number startPosition and endPosition on <PlainTextSelection guid=\"\(guid)\">, found '\(start)', '\(end)'")
            }
            selection = .init(guid: guid, start: first, end: last, line: line, codings: [])
            if let user = attributes["creatingUser"] { userOfSelection = user }
        case ("PlainTextSelection", "Coding") where selection != nil, ("TextSource", "Coding") where source != nil:
            coding = (attributes["creatingUser"] ?? (parent == "PlainTextSelection" ? userOfSelection : nil) ?? source?.creatingUser, line)
        case ("Coding", "CodeRef") where coding != nil:
            guard let target = required("targetGUID"), let made = coding else { return }
            let entry = REFIQDAProject.Coding(codeGUID: target, userGUID: made.userGUID, line: made.line)
            if selection != nil { selection?.codings.append(entry) } else { source?.sourceCodings.append(entry) }
            coding = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        switch name {
        case "PlainTextContent" where content != nil:
            source?.plainTextContent = content
            content = nil
        case "PlainTextSelection" where selection != nil:
            if let selection { source?.selections.append(selection) }
            selection = nil
            userOfSelection = nil
        case "Coding":
            coding = nil
        case "TextSource" where source != nil && path.last == "Sources":
            if let source { project.sources.append(source) }
            source = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        content? += string
    }

    private func fail(_ parser: XMLParser, _ line: Int, _ expected: String) {
        guard error == nil else { return }
        error = .malformed(file: file, line: line, expected: expected)
        parser.abortParsing()
    }
}
