import Foundation

/// Paradox's temporary files and folders, written beside their target (in the same folder, so on
/// the same file system, where a rename moves them into place) and named
/// `.paradox-tmp-<name>-<process id>-<random>`. A run killed before it could remove its own leaves
/// them behind; the next run writing into the same folder removes them.
enum TemporarySibling {
    static let prefix = ".paradox-tmp-"
    /// A leftover whose process id is alive again (reused) is removed once it is this old.
    static let staleAge: TimeInterval = 24 * 3600

    /// A fresh name beside `target`.
    static func path(for target: OutputTarget) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "\(target.parent.hasSuffix("/") ? target.parent : target.parent + "/")\(prefix)\(FileName.sanitized(target.name, maximumBytes: 64))-\(getpid())-\(random)"
    }

    /// Removes from the folder `target` is in the temporary files and folders of runs that are no
    /// longer running (their process id is not alive) or that are older than ``staleAge`` (never the
    /// target itself, whatever its name).
    static func removeLeftovers(beside target: OutputTarget) {
        let folder = target.parent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name != target.name {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if isAbandoned(name: name, path: path) { FileSystem.removeTree(path) }
        }
    }

    private static func isAbandoned(name: String, path: String) -> Bool {
        let fields = name.split(separator: "-")
        if fields.count >= 2, let process = pid_t(fields[fields.count - 2]), process > 0,
           kill(process, 0) != 0, errno == ESRCH {
            return true
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
        return modified.map { -$0.timeIntervalSinceNow > staleAge } ?? false
    }
}
