import XCTest
@testable import Privacy

/// Which URLs ``PersonalURL`` takes for a person's, in text and in a cell.
final class PersonalURLTests: XCTestCase {
    func testPersonalURLsAreReplaced() {
        let cases = [
            ("See https://facebook.com/jane.doe for photos", "See [url] for photos"),
            ("her page (https://www.linkedin.com/in/jsmith-4711/).", "her page ([url])."),
            ("instagram.com/sunny_days_88 posted it", "[url] posted it"),
            ("twitter.com/jd and x.com/jd", "[url] and [url]"),
            ("Link: https://survey.example.org/s?id=8841&lang=en", "Link: [url]"),
            ("https://example.org/r?email=jane.doe@example.org", "[url]"),
            ("https://example.org/r?to=jane%40example.org", "[url]"),
            ("https://example.org/r?respondent_id=17", "[url]"),
            ("Write to mailto:jane@example.org today", "Write to [url] today"),
            ("MAILTO:Jane@Example.org", "[url]"),
            ("http://192.0.2.17/admin was open", "[url] was open"),
            ("https://jane:secret@example.org/files", "[url]"),
            ("https://uni.example.edu/~jdoe/cv.pdf", "[url]"),
            ("https://mastodon.example/@jane", "[url]"),
            ("https://example.com/people/kwame", "[url]"),
            ("https://blog.example.com/sarah-connor", "[url]"),
            ("https://example.com/team/james_miller.html", "[url]"),
        ]
        for (text, redacted) in cases {
            XCTAssertEqual(TextRedaction.redact(text).text, redacted, text)
        }
        XCTAssertEqual(PersonalDataKind.classify("https://facebook.com/jane.doe"), .url)
        XCTAssertEqual(TextRedaction.redact("x.com/jd").counts, [.url: 1])
    }

    func testPlainURLsStay() {
        for text in ["https://www.ftc.gov/privacy", "see example.com, then", "https://example.org/search?q=trust+in+ads",
                     "https://www.facebook.com/privacy/center", "https://linkedin.com/company/acme", "facebook.com",
                     "https://en.wikipedia.org/wiki/General_Data_Protection_Regulation", "https://doi.org/10.1037/xge0000123",
                     "and/or", "24/7", "2026/11/23", "v1.2/3", "http://localhost/x", "https://example.com/#top",
                     "https://example.com/privacy-policy", "www.example.com/about-us"] {
            XCTAssertEqual(TextRedaction.redact(text).text, text, text)
            XCTAssertNotEqual(PersonalDataKind.classify(text), .url, text)
        }
    }
}
