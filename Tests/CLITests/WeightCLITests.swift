import Foundation
import XCTest

/// `paradox weight`: raked weights against R 4.2.2, survey 4.1.1 `rake(control = list(epsilon = 1e-12,
/// maxit = 1000))` (`Tests/Fixtures/raking/raking.R` → `raking_R.txt`), trimming, non-convergence and
/// bad inputs through the built binary.
final class WeightCLITests: CLITestCase {
    let fixtures = CLITestCase.packageRoot.appendingPathComponent("Tests/Fixtures/raking")

    func expected(_ label: String) throws -> [Double] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("raking_R.txt"), encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix(label + " ") })
        return line.split(separator: " ").dropFirst().compactMap { Double($0) }
    }

    /// The weight column of a written file, and its other columns as text.
    func weights(_ url: URL) throws -> (rows: [String], weights: [Double]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let rows = lines.map { String($0[..<$0.lastIndex(of: ",")!]) }
        return (rows, try lines.dropFirst().map { try XCTUnwrap(Double($0[$0.index(after: $0.lastIndex(of: ",")!)...])) })
    }

    func testWeightsMatchRakeToTheLastDigits() throws {
        let folder = try temporaryFolder()
        let input = fixtures.appendingPathComponent("wave.csv")
        let before = try Data(contentsOf: input)
        let out = folder.appendingPathComponent("weighted.csv")
        let run = try paradox(["weight", input.path, "--targets", fixtures.appendingPathComponent("targets.yml").path,
                               "--out", out.path, "--tolerance", "1e-14", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try Data(contentsOf: input), before, "the input is never modified")
        let (rows, weights) = try weights(out)
        let original = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(rows, original)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8).split(separator: "\n").first, "id,age_group,gender,region,q1,weight")
        let reference = try expected("weights")
        XCTAssertEqual(weights.count, 60)
        for (w, r) in zip(weights, reference) { XCTAssertEqual(w, r, accuracy: 1e-11 * r) }
        let report = try json(run.stdout)
        let distribution = try XCTUnwrap(report["distribution"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(distribution["kish_deff"] as? Double), try expected("kish_deff")[0], accuracy: 1e-11)
        let quantiles = try expected("quantiles")
        for (key, value) in zip(["min", "q1", "median", "q3", "max"], quantiles) {
            XCTAssertEqual(try XCTUnwrap(distribution[key] as? Double), value, accuracy: 1e-10, key)
        }
        XCTAssertEqual(report["converged"] as? Bool, true)
        // R's default rake stops early: its weights are off by 1.7% from the converged ones.
        XCTAssertGreaterThan(try expected("early_max_relative_difference")[0], 0.01)
    }

    func testCapTrimsAndReRakes() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("weighted.csv")
        let run = try paradox(["weight", fixtures.appendingPathComponent("wave.csv").path, "--targets",
                               fixtures.appendingPathComponent("targets.yml").path, "--out", out.path, "--cap", "1.5", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let weights = try weights(out).weights
        XCTAssertLessThanOrEqual(weights.max()!, 1.5)
        XCTAssertGreaterThan(weights.filter { $0 == 1.5 }.count, 0)
        let margins = try XCTUnwrap(try json(run.stdout)["margins"] as? [[String: Any]])
        for margin in margins {
            let target = try XCTUnwrap(margin["target"] as? Double)
            XCTAssertEqual(try XCTUnwrap(margin["achieved"] as? Double), target, accuracy: 1e-10 * target)
        }
    }

    func testNonConvergenceExitsWithTwoAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("weighted.csv")
        let run = try paradox(["weight", fixtures.appendingPathComponent("wave.csv").path, "--targets",
                               fixtures.appendingPathComponent("targets.yml").path, "--out", out.path, "--cap", "1.05", "--max-iterations", "50"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stdout.contains("NOT CONVERGED after 50 cycles"), run.stdout)
        XCTAssertEqual(run.stderr, "paradox: error: raking did not converge after 50 cycles (largest relative difference 0.18333333333333332, tolerance 1e-10); \(out.path) not written (raise --max-iterations, loosen --cap, or check the margins)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testBadInputsAreLocatedErrors() throws {
        let folder = try temporaryFolder()
        let wave = try write("id,age,sex\n1,young,f\n2,old,m\n3,young,m\n4,old,x\n", to: "wave.csv", in: folder)
        func run(_ targets: String, data: URL? = nil, out: String = "out.csv") throws -> (Int32, String) {
            let t = try write(targets, to: "t.yml", in: folder)
            let r = try paradox(["weight", (data ?? wave).path, "--targets", t.path, "--out", folder.appendingPathComponent(out).path])
            return (r.status, r.stderr.replacingOccurrences(of: folder.path + "/", with: ""))
        }
        let good = "targets: proportions\nmargins:\n  age: {young: 0.5, old: 0.5}\n"
        var (status, message) = try run(good + "  sex: {f: 0.5, m: 0.5}\n")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(message, "paradox: error: wave.csv:5, column 3 (sex): value \"x\" is not a level of this variable (expected one of: f, m)\n")
        (status, message) = try run(good + "  sex: {f: 0.4, m: 0.3, x: 0.2, d: 0.1}\n")
        XCTAssertEqual(message, "paradox: error: t.yml:4:33: level 'd' of margin 'sex' has no row in wave.csv (expected every level of the targets in the data; merge it with a neighbouring level)\n")
        (status, message) = try run(good + "  sex: {f: 0.5, m: 0.4, x: 0.2}\n")
        XCTAssertEqual(message, "paradox: error: t.yml:4:3: the proportions of margin 'sex' sum to 1.1 (expected 1)\n")
        (status, message) = try run("targets: counts\nmargins:\n  age: {young: 50, old: 50}\n  sex: {f: 50, m: 40, x: 0}\n")
        XCTAssertEqual(message, "paradox: error: t.yml:4:3: the counts of margin 'sex' sum to 90.0, but the first margin's to 100.0 (expected one population total)\n")
        (status, message) = try run(good + "  gender: {f: 0.5, m: 0.5}\n")
        XCTAssertEqual(message, "paradox: error: t.yml:4:3: margin 'gender' is not a column of wave.csv (columns: id, age, sex)\n")
        (status, message) = try run(good + "  sex: {f: 0.5, m: 0.5, x: 0}\n")
        XCTAssertEqual(message, "paradox: error: t.yml:4:25: level 'x' of margin 'sex' has target 0 but 1 rows in wave.csv (expected a positive target)\n")
        (status, message) = try run("targets: shares\nmargins: {age: {young: 1}}\n")
        XCTAssertEqual(message, "paradox: error: t.yml:1:10: targets: expected 'proportions' or 'counts'\n")
        (status, message) = try run(good, out: "wave.csv")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(message, "paradox: error: refusing to write \(folder.path)/wave.csv: it is the input file (expected another --out; inputs are never modified)\n".replacingOccurrences(of: folder.path + "/", with: ""))
        XCTAssertEqual(try String(contentsOf: wave, encoding: .utf8), "id,age,sex\n1,young,f\n2,old,m\n3,young,m\n4,old,x\n")
    }
}
