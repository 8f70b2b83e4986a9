import Foundation

/// Writes single output files (a summary file, a synthetic wave, a REFI-QDA project) so that a
/// reader never sees half of one: each is written to a temporary file beside it
/// (``TemporarySibling``), which is renamed over the target (atomic within a file system) only when
/// every file of the call is written whole. A failure removes the temporary files and leaves the
/// targets as they were. Report folders are written by ``OutputFolder``.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write([(path, Data(text.utf8))])
    }

    public static func write(_ data: Data, to path: String) throws {
        try write([(path, data)])
    }

    /// Writes several files (path → content): all are written to their temporary files first, then
    /// renamed into place one after the other.
    public static func write(_ files: [(path: String, content: Data)]) throws {
        let targets = try files.map { try OutputTarget($0.path) }
        for target in targets where FileSystem.kind(target.path) == .folder {
            throw OutputError.cannotWrite(target.shown, .isFolder)
        }
        var temporaries: [String] = []
        do {
            for (target, file) in zip(targets, files) {
                try FileSystem.makeFolders(target.parent, shown: target.shownParent)
                TemporarySibling.removeLeftovers(beside: target)
                let temporary = TemporarySibling.path(for: target)
                temporaries.append(temporary)
                try file.content.withUnsafeBytes { try FileSystem.create(temporary, bytes: $0, shown: target.shown) }
            }
            for (target, temporary) in zip(targets, temporaries) {
                try FileSystem.rename(temporary, to: target.path, shown: target.shown)
            }
        } catch {
            for temporary in temporaries { unlink(temporary) }
            throw error
        }
    }
}
