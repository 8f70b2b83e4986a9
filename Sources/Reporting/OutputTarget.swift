import Foundation

/// Where an output goes: the path as the user gave it (for messages) and as the system calls use it
/// (absolute, `.` and `..` resolved, symbolic links followed, so that a link to a folder elsewhere is
/// written through and the temporary copy lies on the target's file system).
struct OutputTarget {
    /// As given, without trailing slashes.
    let shown: String
    let path: String
    /// The folder the target is in, where its temporary copy is written.
    let parent: String
    let name: String

    init(_ given: String) throws {
        guard !given.isEmpty else { throw OutputError.emptyPath }
        var shown = given
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        self.shown = shown
        let absolute = URL(fileURLWithPath: given).standardizedFileURL.path
        let above = FileSystem.folder(of: absolute)
        path = Self.realPath(absolute) ?? Self.join(Self.realPath(above) ?? above, Self.name(of: absolute))
        parent = FileSystem.folder(of: path)
        name = Self.name(of: path)
        guard !name.isEmpty, !parent.isEmpty else { throw OutputError.noParentFolder(shown) }
    }

    /// The folder the target is in, as the user gave it (`.` when they gave a bare name).
    var shownParent: String {
        let above = FileSystem.folder(of: shown)
        return above.isEmpty ? "." : above
    }

    private static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The target's path with symbolic links resolved, when it exists.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
