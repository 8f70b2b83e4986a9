import Foundation
import SurveyData
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A LimeSurvey survey structure file (`.lss`, XML): each question's code, type and text in the
/// survey's base language, its subquestions and its answer options.
///
/// Both layouts are read: before LimeSurvey 4 the texts sit in the `questions` and `answers` rows
/// (one row per language); from 4 on they sit in `question_l10ns` and `answer_l10ns` rows linked by
/// `qid` and `aid`. Subquestions are rows with a `parent_qid` other than 0, in `subquestions` or
/// `questions`.
struct LimeSurveyStructure {
    struct Question {
        var title: String
        var type: String
        var text: String
        var parent: String?
        /// The question offers "Other" (answered with the code `-oth-` and a `[other]` text column).
        var hasOther: Bool
    }

    struct Answer {
        var code: String
        var label: String
        var order: Int
    }

    /// Questions and subquestions by `qid`.
    private(set) var questions: [String: Question] = [:]
    /// Answer options by question `qid`, in display order.
    private(set) var answers: [String: [Answer]] = [:]

    /// Reads the `.lss` file at `url`; a file that is not one is an ``ImportError`` at its line and column.
    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        // LimeSurvey writes UTF-8; Foundation's XML parser traps on some invalid bytes, so they are refused first.
        if let invalid = data.withUnsafeBytes({ firstInvalidUTF8Offset($0.bindMemory(to: UInt8.self)) }) {
            throw ImportError(file: url.path, line: data.prefix(invalid).filter { $0 == 10 }.count + 1,
                              kind: .notFormat("LimeSurvey structure (.lss)", reason: "bytes that are not valid UTF-8 (expected a UTF-8 .lss file)"))
        }
        let rows = RowCollector()
        let parser = XMLParser(data: data)
        parser.delegate = rows
        guard parser.parse() else {
            throw ImportError(file: url.path, line: parser.lineNumber, column: parser.columnNumber,
                              kind: .notFormat("LimeSurvey structure (.lss)", reason: "not well-formed XML (libxml2 error \((parser.parserError as NSError?)?.code ?? 0))"))
        }
        guard rows.closed else {
            throw ImportError(file: url.path, line: parser.lineNumber, kind: .notFormat("LimeSurvey structure (.lss)", reason: "the file ends before </document> (expected a complete .lss file)"))
        }
        guard rows.documentType == "Survey" else {
            throw ImportError(file: url.path, kind: .notFormat("LimeSurvey structure (.lss)", reason: "no <LimeSurveyDocType>Survey</LimeSurveyDocType> (expected a survey exported as .lss)"))
        }
        let language = rows.sections["surveys"]?.first?["language"] ?? rows.languages.first ?? ""
        func inLanguage(_ row: [String: String]) -> Bool { (row["language"] ?? language) == language }

        var texts: [String: String] = [:]
        for row in rows.sections["question_l10ns", default: []] where inLanguage(row) {
            if let qid = row["qid"], let text = row["question"] { texts[qid] = Self.plainText(text) }
        }
        for row in rows.sections["questions", default: []] + rows.sections["subquestions", default: []] where inLanguage(row) {
            guard let qid = row["qid"], let title = row["title"] else { continue }
            let parent = row["parent_qid"].flatMap { $0 == "0" || $0.isEmpty ? nil : $0 }
            questions[qid] = Question(title: title, type: row["type"] ?? "", text: texts[qid] ?? row["question"].map(Self.plainText) ?? title, parent: parent,
                                      hasOther: row["other"] == "Y")
        }
        var answerTexts: [String: String] = [:]
        for row in rows.sections["answer_l10ns", default: []] where inLanguage(row) {
            if let aid = row["aid"], let text = row["answer"] { answerTexts[aid] = Self.plainText(text) }
        }
        for row in rows.sections["answers", default: []] where inLanguage(row) && (row["scale_id"] ?? "0") == "0" {
            guard let qid = row["qid"], let code = row["code"] else { continue }
            let label = row["aid"].flatMap { answerTexts[$0] } ?? row["answer"].map(Self.plainText) ?? code
            answers[qid, default: []].append(Answer(code: code, label: label, order: Int(row["sortorder"] ?? "") ?? 0))
        }
        for qid in answers.keys { answers[qid]!.sort { $0.order < $1.order } }
    }

    /// The question (and, for `Q2[SQ001]`, the subquestion) a response column answers.
    func question(ofColumn name: String) -> (question: String, subquestion: Question?)? {
        let parts = name.split(separator: "[", maxSplits: 1)
        let title = String(parts[0])
        guard let (qid, _) = questions.first(where: { $0.value.parent == nil && $0.value.title == title }) else { return nil }
        guard parts.count == 2 else { return (qid, nil) }
        let code = parts[1].dropLast()
        let sub = questions.values.first { $0.parent == qid && $0.title == code }
        return (qid, sub)
    }

    /// Question text with HTML tags removed (a block tag — `p`, `br`, `div`, `li` — leaves a space)
    /// and the common entities decoded, whitespace collapsed.
    static func plainText(_ html: String) -> String {
        var text = ""
        var tag: String?
        for character in html {
            if character == "<" {
                tag = ""
            } else if character == ">", let name = tag {
                let bare = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                if ["p", "br", "div", "li"].contains(where: { bare == $0 || bare.hasPrefix($0 + " ") }) { text.append(" ") }
                tag = nil
            } else if tag != nil {
                tag!.append(character)
            } else {
                text.append(character)
            }
        }
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Collects the `<row>` elements of each table of the document as field → text maps.
    private final class RowCollector: NSObject, XMLParserDelegate {
        var sections: [String: [[String: String]]] = [:]
        var languages: [String] = []
        var documentType: String?
        /// The root element was closed (a cut file ends before it is).
        private(set) var closed = false
        private var path: [String] = []
        private var row: [String: String]?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(element)
            text = ""
            if element == "row", path.count == 4, path[2] == "rows" { row = [:] }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if path.count == 5, row != nil { row![element] = text }
            if element == "row", path.count == 4, let finished = row {
                sections[path[1], default: []].append(finished)
                row = nil
            }
            if path.count == 2 && element == "LimeSurveyDocType" { documentType = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            if path.count == 3 && path[1] == "languages" && element == "language" { languages.append(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            path.removeLast()
            if path.isEmpty { closed = true }
        }
    }
}
