import Foundation

/// Runs `binary` with `arguments`, stdout to /dev/null; its wall seconds, the child's peak resident
/// MB (`ru_maxrss` from `wait4`) and exit status. Shared by the benchmarks that time the paradox
/// binary as a user runs it.
public func runChild(_ binary: String, _ arguments: [String]) -> (wall: Double, peakMB: Double, status: Int32) {
    var pid: pid_t = 0
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { fatalError("cannot start \(binary)") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (wall, Double(usage.ru_maxrss) / 1024, status)
}
