import ComputeSupport
import Foundation
import SurveyStats

/// A report folder written as one transaction: every file goes into a fresh temporary folder beside
/// the target (``TemporarySibling``), which replaces the target only when all of it is written —
/// in one atomic step on Linux (`renameat2` with `RENAME_EXCHANGE`), elsewhere by moving the old
/// folder aside, the new one in, and the old one back if that fails. Until then the previous report
/// is untouched; after a failure (or a kill, once the next run has cleaned up) no temporary file is
/// left. The whole folder is replaced, so no file of an earlier, larger plan stays behind.
///
/// A folder is only replaced if it is empty or carries ``markerName`` (every output folder gets
/// one): a folder of the user's own files is refused (``OutputError/notPreviousOutput(_:)``).
/// Files are not flushed to the disk one by one (no `fsync`, which would cost more than all the rest).
public final class OutputFolder {
    /// The file that marks a folder as Paradox's output, which the next run may replace.
    public static let markerName = ".paradox-output"
    static let markerText = "This folder was written by paradox. A run with this folder as --out replaces all of it.\n"

    private let target: OutputTarget
    private let temporary: String

    /// Writes the folder at `path` from `body`, which writes into it: the folder replaces the
    /// target when `body` returns, and is removed if `body` or the replacement throws.
    public static func write<T>(to path: String, _ body: (OutputFolder) throws -> T) throws -> T {
        let folder = try OutputFolder(path)
        do {
            let value = try body(folder)
            try folder.commit()
            return value
        } catch {
            FileSystem.removeTree(folder.temporary)
            throw error
        }
    }

    /// Writes `files` (path relative to the folder → content) as the whole folder at `path`.
    public static func write(_ files: [(path: String, content: String)], to path: String) throws {
        try write(to: path) { try $0.write(files.map { ($0.path, Data($0.content.utf8)) }) }
    }

    private init(_ path: String) throws {
        target = try OutputTarget(path)
        try Self.checkReplaceable(target)
        try FileSystem.makeFolders(target.parent, shown: target.shownParent)
        TemporarySibling.removeLeftovers(beside: target)
        temporary = TemporarySibling.path(for: target)
        try FileSystem.makeFolder(temporary, shown: target.shown)
    }

    /// Writes `files` (path relative to `subfolder` of the output folder → content) side by side on
    /// all cores, creating each folder once; the error is that of the first file (in order) that
    /// fails. A path must stay inside the folder (no empty, `.` or `..` component, no NUL).
    public func write(_ files: [(path: String, content: Data)], in subfolder: String = "") throws {
        let relative = try files.map { try inside(subfolder.isEmpty ? $0.path : subfolder + "/" + $0.path) }
        var made: Set<String> = []
        for path in relative {
            var folder = ""
            for component in path.split(separator: "/").dropLast() {
                folder += (folder.isEmpty ? "" : "/") + component
                if made.insert(folder).inserted, FileSystem.kind(temporary + "/" + folder) != .folder {
                    try FileSystem.makeFolder(temporary + "/" + folder, shown: target.shown + "/" + folder)
                }
            }
        }
        let temporary = temporary, shown = target.shown
        _ = try Array(zip(relative, files.map(\.content))).concurrentMap { path, content in
            try content.withUnsafeBytes { try FileSystem.create(temporary + "/" + path, bytes: $0, shown: shown + "/" + path) }
        }
    }

    /// `path` if it stays inside the output folder.
    private func inside(_ path: String) throws -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\0") }) else {
            throw OutputError.outsideOutput(target.shown + "/" + path)
        }
        return path
    }

    /// Marks the temporary folder and puts it in the target's place; the previous folder is removed.
    private func commit() throws {
        try FileSystem.create(temporary + "/" + Self.markerName, text: Self.markerText, shown: target.shown + "/" + Self.markerName)
        try Self.checkReplaceable(target)
        guard FileSystem.kind(target.path) != nil else {
            return try FileSystem.rename(temporary, to: target.path, shown: target.shown)
        }
        if try FileSystem.exchange(temporary, target.path, shown: target.shown) {
            return FileSystem.removeTree(temporary)  // now the previous folder
        }
        let previous = TemporarySibling.path(for: target)
        try FileSystem.rename(target.path, to: previous, shown: target.shown)
        do {
            try FileSystem.rename(temporary, to: target.path, shown: target.shown)
        } catch {
            _ = rename(previous, target.path)
            throw error
        }
        FileSystem.removeTree(previous)
    }

    /// Throws unless nothing is at the target, or an empty folder, or a folder with the marker.
    private static func checkReplaceable(_ target: OutputTarget) throws {
        switch FileSystem.kind(target.path) {
        case nil: return
        case .file?, .other?: throw OutputError.notAFolder(target.shown)
        case .folder?:
            if FileSystem.kind(target.path + "/" + markerName) == .file { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: target.path), names.isEmpty else {
                throw OutputError.notPreviousOutput(target.shown)
            }
        }
    }
}
