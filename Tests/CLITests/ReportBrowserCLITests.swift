import Foundation
import XCTest

/// The bundled study's report.html rendered in headless Chromium (Debian's `chromium`, installed by
/// ./test.sh): it draws (a screenshot), prints (a PDF of several pages), and in a copy into which
/// this test injects a checking script (the shipped page has none) every figure has a size, no
/// table cell's text overflows it, nothing is wider than the page and no resource is requested.
final class ReportBrowserCLITests: CLITestCase {
    func testBundledReportRendersInChromiumWithoutOverflowOrRequests() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("chromium is not installed (./test.sh installs it)")
        }
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["run", "--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = out.appendingPathComponent("report.html")
        let html = try String(contentsOf: report, encoding: .utf8)

        // The shipped page: no script, nothing fetched (the only URL is the SVG namespace).
        for pattern in ["<script", "src=", "url(", "@import", "<link", "<iframe"] {
            XCTAssertFalse(html.contains(pattern), "report.html contains \(pattern)")
        }
        let urls = html.components(separatedBy: "://").count - 1
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        XCTAssertEqual(urls, namespaces, "report.html names a URL other than the SVG namespace")
        // Every figure the run wrote to figures/ is in the page (the bundled study's Likert charts are
        // left out: the privacy gate hides small cells in their items' tables).
        let figures = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("figures").path).count
        XCTAssertGreaterThanOrEqual(figures, 3)
        XCTAssertEqual(html.components(separatedBy: "<figure id=").count - 1, figures)

        let profile = folder.appendingPathComponent("profile").path
        func browse(_ arguments: [String], _ page: URL) throws -> String {
            let outcome = try tool(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                              "--user-data-dir=\(profile)", "--host-resolver-rules=MAP * ~NOTFOUND",
                                              "--no-first-run", "--hide-scrollbars", "--window-size=1024,900"] + arguments + [page.absoluteString],
                                   discardingStandardError: true)
            XCTAssertEqual(outcome.status, 0, "chromium \(arguments)")
            return outcome.stdout
        }

        // It draws and it prints.
        let screenshot = folder.appendingPathComponent("report.png"), pdf = folder.appendingPathComponent("report.pdf")
        _ = try browse(["--screenshot=\(screenshot.path)"], report)
        XCTAssertTrue(try Data(contentsOf: screenshot).starts(with: [0x89, 0x50, 0x4E, 0x47]), "no PNG screenshot")
        _ = try browse(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], report)
        let printed = try Data(contentsOf: pdf)
        XCTAssertTrue(printed.starts(with: Array("%PDF".utf8)), "no PDF")
        let pages = String(decoding: printed, as: Unicode.ASCII.self).matches(of: try Regex("/Type\\s*/Page[^s]")).count
        XCTAssertGreaterThan(pages, 10, "the printed report has \(pages) pages")

        // The layout, measured by a script injected into a copy.
        let copy = folder.appendingPathComponent("checked.html")
        try html.replacingOccurrences(of: "</body>", with: Self.checkScript + "</body>").write(to: copy, atomically: true, encoding: .utf8)
        let dom = try browse(["--dump-dom"], copy)
        let start = try XCTUnwrap(dom.range(of: "<pre id=\"layout-check\">"), "the check did not run:\n\(dom.suffix(500))")
        let end = try XCTUnwrap(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(result["figures"] as? Int, html.components(separatedBy: "<figure").count - 1)
        XCTAssertEqual(result["emptyFigures"] as? [String], [])
        XCTAssertEqual(result["overflowingCells"] as? [String], [])
        XCTAssertEqual(result["widerThanPage"] as? [String], [])
        XCTAssertEqual(result["resources"] as? [String], [])
        XCTAssertGreaterThan(result["cells"] as? Int ?? 0, 1000)
    }

    /// Opens every `<details>`, then writes what it measured into `<pre id="layout-check">`.
    static let checkScript = """
    <script>
    (() => {
      document.querySelectorAll('details').forEach(d => { d.open = true; });
      const page = document.documentElement.clientWidth;
      const name = e => (e.closest('[id]') || {}).id + ': ' + e.textContent.trim().slice(0, 40);
      const figures = [...document.querySelectorAll('figure svg')];
      const cells = [...document.querySelectorAll('td, th, caption')];
      const result = {
        figures: figures.length,
        emptyFigures: figures.filter(f => { const r = f.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).map(name),
        cells: cells.length,
        overflowingCells: cells.filter(c => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map(name),
        widerThanPage: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > page + 0.5).map(name).slice(0, 20),
        resources: performance.getEntriesByType('resource').map(r => r.name),
      };
      const pre = document.createElement('pre');
      pre.id = 'layout-check';
      pre.textContent = JSON.stringify(result);
      document.body.appendChild(pre);
    })();
    </script>

    """
}
