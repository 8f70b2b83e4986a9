import XCTest
@testable import Privacy

/// Listed names (``RedactionNames``) in ``TextRedaction``.
final class RedactionNamesTests: XCTestCase {
    func testListedNamesAreReplacedAsWholeWordsInAnyCase() {
        let names = RedactionNames(["Kwame Mensah", "Kwame", "Thandiwe", "Dr. Aoife Byrne"])
        let cases = [
            ("Kwame Mensah called, then kwame wrote", "[name] called, then [name] wrote"),
            ("KWAME  MENSAH agreed", "[name] agreed"),
            ("Thandiwe's idea and Kwame' plan", "[name]'s idea and [name]' plan"),
            ("Thandiwe’s view", "[name]’s view"),
            ("Ask Dr. Aoife Byrne", "Ask [name]"),
            ("Kwamenah and Thandiwes stay, as does Kwame-Mensah", "Kwamenah and Thandiwes stay, as does Kwame-Mensah"),
            ("Kwame,\nMensah", "[name],\nMensah"),
        ]
        for (text, redacted) in cases {
            XCTAssertEqual(TextRedaction.redact(text, names: names).text, redacted, text)
        }
        XCTAssertEqual(TextRedaction.redact("Kwame Mensah and Kwame", names: names).counts, [.personName: 2])
        XCTAssertEqual(TextRedaction.redact("Kwame Mensah", names: .none).text, "Kwame Mensah")
    }

    func testLongNamesLookFarEnoughAhead() {
        let names = RedactionNames(["Maria de los Angeles Garcia Lopez"])
        XCTAssertEqual(TextRedaction.redact("I met maria de los angeles garcia lopez's team", names: names).text, "I met [name]'s team")
        XCTAssertEqual(TextRedaction.redact("Maria de los Angeles", names: names).text, "Maria de los Angeles")
    }

    func testIDsStayDistinctWhenRedacted() {
        let ids = ShownIDs(["INT01 jane@example.org", "INT01 joe@example.org", "INT01 [email]", "P02"], names: .none)
        XCTAssertEqual(ids["P02"], "P02")
        XCTAssertEqual(ids["INT01 [email]"], "INT01 [email]")
        XCTAssertEqual(ids["INT01 jane@example.org"], "INT01 [email]-2")
        XCTAssertEqual(ids["INT01 joe@example.org"], "INT01 [email]-3")
    }

    func testSpeakerLabelsThatReadAsNames() {
        XCTAssertTrue(CodingRedaction.isName("Jonas"))
        XCTAssertTrue(CodingRedaction.isName("Amara Okafor"))
        for label in ["P07", "A", "Participant", "Respondent", "R2", "amara"] { XCTAssertFalse(CodingRedaction.isName(label), label) }
    }
}
