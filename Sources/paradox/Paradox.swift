import ArgumentParser

@main
struct Paradox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paradox",
        abstract: "Mixed-methods analysis of personalization–privacy survey studies.",
        subcommands: [Run.self, Batch.self, Describe.self, ReliabilityCommand.self, CfaCommand.self, Regress.self, Anova.self, WeightCommand.self, Code.self, Redact.self, Simulate.self, Summarize.self, Merge.self, ImportCommand.self]
    )
}
