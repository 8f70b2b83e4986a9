import Foundation

/// URLs of the test fixtures (copied into the test bundle as `Fixtures/`).
enum FixtureFiles {
    static func url(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }
}
