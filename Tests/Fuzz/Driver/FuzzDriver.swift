import FuzzTargets
import Foundation

// The libFuzzer driver, built by Scripts/fuzz.sh with `-sanitize=fuzzer -D LIBFUZZER`: coverage-guided
// fuzzing of the target named by PARADOX_FUZZ_TARGET. Built normally, it replays input files:
// `paradox-fuzz TARGET FILE…` prints what each input gives (to reproduce a finding).
#if LIBFUZZER
private let workspace = try! FuzzWorkspace()
private let target = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["PARADOX_FUZZ_TARGET"] ?? "") ?? {
    fatalError("set PARADOX_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
}()

/// libFuzzer's entry for a program with its own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { data, size in
            do {
                try target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [], in: workspace)
            } catch {
                fatalError("\(error)")  // a finding: libFuzzer saves the input
            }
            return 0
        })
    }
}
#else
@main
struct FuzzReplay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: paradox-fuzz TARGET FILE…  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(2)
        }
        let workspace = try FuzzWorkspace()
        for file in arguments.dropFirst() {
            do {
                try target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))), in: workspace)
                print("\(file): handled")
            } catch {
                print("\(file): \(error)")
            }
        }
    }
}
#endif
