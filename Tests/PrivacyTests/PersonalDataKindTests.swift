import XCTest
@testable import Privacy

/// The cell detectors of the privacy gate: the kinds they must find and the ordinary survey values
/// that look like them and must not match.
final class PersonalDataKindTests: XCTestCase {
    func testPersonalDataIsRecognised() {
        let cases: [(String, PersonalDataKind)] = [
            ("jane.doe@example.org", .email), ("  j+survey@mail.example.co.uk ", .email), ("A_B-9%x@host-1.io", .email),
            ("+44 20 7946 0958", .phone), ("(030) 1234-5678", .phone), ("555-867-5309", .phone), ("+1.202.555.0143", .phone),
            ("192.0.2.17", .ipAddress), ("255.255.255.255", .ipAddress), ("2001:db8::8a2e:370:7334", .ipAddress),
            ("fe80::1", .ipAddress), ("2001:0db8:0000:0000:0000:ff00:0042:8329", .ipAddress),
            ("52.520008, 13.404954", .gpsCoordinates), ("-33.8688;151.2093", .gpsCoordinates), ("40.7128 -74.0060", .gpsCoordinates),
            // Few digits, but not one short number (the scan's shortcut): IP addresses.
            ("1.2.3.4", .ipAddress), (" 10.0.0.1 ", .ipAddress),
        ]
        for (cell, kind) in cases { XCTAssertEqual(PersonalDataKind.classify(cell), kind, cell) }
    }

    func testLookAlikesAreNot() {
        for cell in ["", "4", "98", "R001", "12345678", "2026-11-23", "23.11.2026", "11/23/2026", "3.14", "1.2.3",
                     "v10.4.2", "€ 1,299.00", "978-3-16-148410-0", "256.1.1.1", "1.2.3.4.5", "12:30", "12:30:45",
                     "a@b", "@example.org", "jane@", "jane@@example.org", "jane@example.c0m", "52.52, 13.40",
                     "95.12345, 13.40495", "Strongly agree", "n/a", "+", "(0)"] {
            XCTAssertNil(PersonalDataKind.classify(cell), cell)
        }
    }

    /// The scan's shortcut: a number of at most 6 digits, one point and a sign, between white space,
    /// is no personal data; anything else goes to the classifiers.
    func testShortNumbersAreRecognisedOnTheirBytes() {
        for cell in ["4", " 98 ", "-3", "3.00", "123456", ".5", "-0.25\t", "0012.34"] {
            XCTAssertTrue(PersonalDataKind.isShortNumber(cell.utf8), cell)
        }
        for cell in ["", " ", "-", ".", "1234567", "1.2.3", "1 2", "1-2", "--1", "1e5", "+1", "12,5", "٣"] {
            XCTAssertFalse(PersonalDataKind.isShortNumber(cell.utf8), cell)
        }
    }

    /// One small cell is protected by the next smallest of its group; zeros stay shown unless chosen
    /// as that complement; each group is protected on its own.
    func testSmallCellSuppression() throws {
        let table = try XCTUnwrap(SmallCellSuppression.suppress([[0, 3, 27, 90, 78], [0, 2]], minCell: 5))
        XCTAssertEqual(table.small, [1, 6])
        XCTAssertEqual(table.complementary, [0, 5])
        let two = try XCTUnwrap(SmallCellSuppression.suppress([[4, 1, 30, 30]], minCell: 5))
        XCTAssertEqual(two.small, [0, 1])
        XCTAssertEqual(two.complementary, [])
        let tie = try XCTUnwrap(SmallCellSuppression.suppress([[20, 3, 20]], minCell: 5))
        XCTAssertEqual(tie.complementary, [0])
        XCTAssertNil(SmallCellSuppression.suppress([[0, 5, 6], [0]], minCell: 5))
        XCTAssertNil(SmallCellSuppression.suppress([[1, 2]], minCell: 1))
    }
}

final class PseudonymTests: XCTestCase {
    /// `printf 'respondent 17' | openssl dgst -sha256 -hmac s3cret` (OpenSSL 3.0.19) →
    /// 47476aa6690df13bda256c3b1d92c2d6c1a1c817aeaa3d1d1bf50f25b53f8103; the pseudonym is its first 16 hex digits.
    func testPseudonymIsTheHMACOfOpenSSL() {
        XCTAssertEqual(Pseudonym(key: "s3cret").of("respondent 17"), "47476aa6690df13b")
        XCTAssertEqual(Pseudonym(key: "correct horse battery staple").of("P01"), "f2064b48e8a77ece")
        XCTAssertNotEqual(Pseudonym(key: "other key").of("P01"), "f2064b48e8a77ece")
    }
}

final class TextRedactionTests: XCTestCase {
    func testPersonalDataInTextIsReplaced() {
        let (text, counts) = TextRedaction.redact("Write to jane.doe@example.org, or call +44 20 7946 0958 (office). Server 192.0.2.17 logged it.")
        XCTAssertEqual(text, "Write to [email], or call [phone] (office). Server [ip] logged it.")
        XCTAssertEqual(counts, [.email: 1, .phone: 1, .ipAddress: 1])
    }

    func testOrdinaryNumbersStay() {
        let text = "In 2026-11-23 we paid 1,299.00 for version 10.4.2; 45 of 200 agreed (22.5%), ISBN 978-3-16-148410-0."
        XCTAssertEqual(TextRedaction.redact(text).text, text)
        XCTAssertEqual(TextRedaction.redact(text).counts, [:])
    }
}

/// Street addresses and person names in free text: the forms found, the look-alikes spared, and
/// hostile input (no spaces, endless capitalised words, digits) handled in one pass.
final class NameAndAddressTests: XCTestCase {
    func testAddressesAreFound() {
        let cases = [
            ("She lives at 10 Downing Street, London.", "She lives at [address], London."),
            ("Send it to 221B Baker St. please", "Send it to [address] please"),
            ("1600 Pennsylvania Ave NW is famous", "[address] NW is famous"),
            ("Wir wohnen in der Hauptstraße 12a in Köln.", "Wir wohnen in der [address] in Köln."),
            ("Berliner Straße 5, 10115 Berlin", "[address], 10115 Berlin"),
            ("au 12 rue de la Paix à Paris", "au [address] à Paris"),
            ("abito in Via Roma 12 a Milano", "abito in [address] a Milano"),
        ]
        for (text, redacted) in cases {
            XCTAssertEqual(TextRedaction.redact(text).text, redacted, text)
        }
    }

    func testNamesAreFound() {
        let cases = [
            ("I spoke with Sarah Connor yesterday.", "I spoke with [name] yesterday."),
            ("Dr. Jane Doe and Mr Smith agreed", "[name] and [name] agreed"),
            ("Frau Müller sagte nein", "[name] sagte nein"),
            ("Mary Ann Smith wrote back", "[name] wrote back"),
            ("Ask Jean-Luc Picard.", "Ask [name]."),
        ]
        for (text, redacted) in cases {
            XCTAssertEqual(TextRedaction.redact(text).text, redacted, text)
        }
        XCTAssertEqual(PersonalDataKind.classify("Sarah"), .personName)
        XCTAssertEqual(PersonalDataKind.classify("My landlord Peter Miller keeps my data"), .personName)
        XCTAssertEqual(PersonalDataKind.classify("at 742 Evergreen Terrace"), .streetAddress)
    }

    func testLookAlikesStay() {
        for text in ["3 Ways to Save on Data", "In 2024 The Way we shop changed", "We met in May. The talk", "Sarah. The end",
                     "I trust Apple and Google", "Version 2 Street Fighter", "Hans-Böckler-Stiftung funds it",
                     "paid 12 euros", "Mark my words: Will we Grace it", "Jordan and Paris are places", "He said Sarah, Smith and co",
                     "Strongly agree", "Bachelor's degree", "45 and over", "New York", "Marketing manager"] {
            XCTAssertEqual(TextRedaction.redact(text).text, text, text)
            XCTAssertNil(PersonalDataKind.classify(text), text)
        }
    }

    /// Each input is a few hundred thousand characters of what the detectors look at most: the
    /// result is exact, and each detector looks a fixed number of words ahead.
    func testHostileInputIsHandledWhole() {
        let noSpaces = String(repeating: "a,", count: 100_000)
        XCTAssertEqual(TextRedaction.redact(noSpaces).text, noSpaces)
        let capitals = String(repeating: "Sarah Anna Maria ", count: 20_000)
        XCTAssertEqual(TextRedaction.redact(capitals).counts, [.personName: 20_000])
        let numbers = String(repeating: "12 Oak Oak ", count: 20_000)
        XCTAssertEqual(TextRedaction.redact(numbers).text, numbers)
        let longWord = String(repeating: "Straße", count: 50_000) + " 12"
        XCTAssertEqual(TextRedaction.redact(longWord).text, longWord)
    }
}
