// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Paradox",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "paradox", targets: ["paradox"]),
        // The modules as one library, for the separate Benchmarks/ package.
        .library(name: "ParadoxKit", targets: ["GSL", "SurveyData", "SurveyStats", "Thematic", "Study", "Reporting", "Import", "Simulation", "Archive", "Privacy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The C library: only `GSL` imports it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        .target(name: "GSL", dependencies: ["CGSL"]),
        // The regular-expression automata: only `Vectorscan` imports it.
        .systemLibrary(
            name: "CVectorscan",
            pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev", "pkg-config"])]
        ),
        .target(name: "Vectorscan", dependencies: ["CVectorscan"]),
        // Values quoted in error messages, bounded (every module's errors use it).
        .target(name: "MessageText"),
        // User YAML parsed with its guards (complex keys, alias bombs) and located errors.
        .target(name: "YAMLInput", dependencies: ["Yams", "MessageText"]),
        .target(name: "SurveyData", dependencies: ["Yams", "MessageText", "YAMLInput"]),
        // The computing helpers the statistics and the engine share: `concurrentMap` (a map on all
        // cores, results and first error in order) and Neumaier's compensated sum.
        .target(name: "ComputeSupport"),
        .target(name: "SurveyStats", dependencies: ["GSL", "MessageText", "ComputeSupport"]),
        // ReadStat for SPSS and Stata files: only `Import` imports it. Debian's libreadstat-dev has no
        // pkg-config file, so the modulemap links `readstat` by name.
        .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
        // Platform exports (Qualtrics, LimeSurvey, SPSS, Stata) → codebook + data.
        .target(name: "Import", dependencies: ["SurveyData", "CReadStat", "MessageText", "ComputeSupport"]),
        // zlib's raw inflate for reading ZIP archives: only `Archive` imports it.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Reproducible ZIP archives (REFI-QDA projects, Word documents) and a bounded reader (REFI-QDA import).
        .target(name: "Archive", dependencies: ["CZlib", "MessageText"]),
        .target(name: "Thematic", dependencies: ["Yams", "Vectorscan", "MessageText", "YAMLInput", "Archive"]),
        .target(name: "Study", dependencies: ["SurveyData", "Import", "SurveyStats", "ComputeSupport", "Thematic", "Yams", "MessageText",
                                             .product(name: "Crypto", package: "swift-crypto")]),
        // Synthetic waves: the bundled study's calibrated wave, large waves for the benchmarks, waves like a real one (--like).
        .target(name: "Simulation", dependencies: ["SurveyData", "SurveyStats", "MessageText"]),
        // The gate every study output passes: personal data dropped, small cells suppressed, IDs pseudonymised.
        .target(name: "Privacy", dependencies: ["Study", "SurveyData", "SurveyStats", "Thematic", "MessageText",
                                               .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Reporting", dependencies: ["Study", "Privacy", "SurveyData", "SurveyStats", "ComputeSupport", "Thematic", "MessageText", "Archive"]),
        .executableTarget(
            name: "paradox",
            dependencies: [
                "SurveyData", "SurveyStats", "Thematic", "Study", "Privacy", "Reporting", "Import", "Simulation", "MessageText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Assertions shared by test targets (not part of any product).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GSLTests", dependencies: ["GSL"]),
        .testTarget(name: "SurveyDataTests", dependencies: ["SurveyData", "MessageText", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SurveyStatsTests", dependencies: ["SurveyStats", "SurveyData", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ThematicTests", dependencies: ["Thematic", "Simulation", "Archive"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StudyTests", dependencies: ["Study", "Simulation", "SurveyData", "SurveyStats", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Simulation"]),
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "SurveyData", "ComputeSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["paradox", "TestSupport", "Archive"]),
        // Fuzzing: the targets (one per parser of untrusted input), bounded runs in the tests, and a
        // libFuzzer driver that Scripts/fuzz.sh builds for longer, coverage-guided runs.
        .target(name: "FuzzTargets", dependencies: ["Study", "Simulation", "Privacy", "Reporting", "SurveyData", "SurveyStats", "Thematic", "Import"],
                path: "Tests/FuzzTargets"),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "paradox-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Driver"),
    ],
    swiftLanguageModes: [.v5]
)
