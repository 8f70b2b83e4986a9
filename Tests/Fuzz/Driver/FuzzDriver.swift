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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try target.run(Array(UnsafeBufferPointer(start: data, count: size)), in: workspace)
    } catch {
        fatalError("\(error)")  // a finding: libFuzzer saves the input
    }
    return 0
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
