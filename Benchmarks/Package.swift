// swift-tools-version:6.0
// Benchmarks for Paradox, kept out of the main package so that CI never builds them by accident.
// Run one with: swift run -c release --package-path Benchmarks <TargetName>
import PackageDescription

let package = Package(
    name: "ParadoxBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Paradox", path: ".."),
    ],
    targets: [
        // Coding speed of the thematic matcher on a generated 50 MB corpus (issue 5).
        .executableTarget(
            name: "ThematicBenchmark",
            dependencies: [.product(name: "ParadoxKit", package: "Paradox")]
        ),
        // Reading and the whole analysis plan on generated waves of 10k–10M respondents (issues 2 and 6).
        .executableTarget(
            name: "WaveBenchmark",
            dependencies: [.product(name: "ParadoxKit", package: "Paradox")]
        ),
        // The design-based sums of the plan's analyses, part by part, on one thread (issue 19).
        .executableTarget(
            name: "DesignBenchmark",
            dependencies: [.product(name: "ParadoxKit", package: "Paradox")]
        ),
        // Text redaction (paradox redact, paradox code's quotes) on transcripts and hostile lines (issues 15 and 17).
        .executableTarget(
            name: "RedactionBenchmark",
            dependencies: [.product(name: "ParadoxKit", package: "Paradox")]
        ),
        // The one-off commands (describe, reliability, regress, anova) run as a user runs them (issue 13).
        .executableTarget(name: "CommandBenchmark", dependencies: ["ChildProcess"]),
        // `paradox import` of a 1M × 60 Qualtrics export and the same as an SPSS .sav (issue 14).
        .executableTarget(name: "ImportBenchmark", dependencies: ["ChildProcess"]),
        // Spawning and timing the paradox binary, for the two benchmarks above.
        .target(name: "ChildProcess"),
    ],
    swiftLanguageModes: [.v5]
)
