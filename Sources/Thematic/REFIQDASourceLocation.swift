import Foundation

/// Where a REFI-QDA text source keeps its text: the `plainTextPath` of a `TextSource` (REFI-QDA
/// Standard 1.5, Project.xsd), a URL in one of three schemes:
/// - `internal://NAME`: the archive entry `sources/NAME`;
/// - `relative://PATH`: a file outside the archive, PATH relative to the `basePath` of the
///   `<Project>` (a folder on the machine that made the project, e.g. `C:\Users\Ana\QDA\Sources`);
/// - `absolute://PATH`: a file at an absolute path on the machine that made the project.
///
/// Safe rule: outside the archive, Paradox reads only inside the one folder the user named, never a
/// path a project names by itself (a project could name `~/.ssh/id_rsa`, and the first characters
/// of a text that differs from the transcript are quoted in the error).
/// - A relative path is resolved against `--sources DIR`, else the folder holding the `.qdpx` (the
///   `basePath` is on another machine); it may not leave that folder (no `..`, no symbolic link out).
/// - An absolute path is read only with `--sources DIR`, as DIR/its file name (the folder replaces
///   the directory part): without `--sources` it is an error.
/// - Only a regular file (no device, no pipe) of at most the inflation budget is read, as UTF-8.
enum REFIQDASourceLocation: Equatable {
    /// The archive entry's name.
    case entry(String)
    /// The path's components (percent-decoded, `\` read as `/`, empty and `.` ones dropped).
    case relative([String])
    /// The path's last component (the rest names a folder on another machine).
    case absolute(fileName: String)

    /// The location of `plainTextPath`, nil for a scheme other than the three. Throws for a path
    /// that would leave the folder it is read from, or an absolute path with no file name.
    init?(plainTextPath: String, problem: (REFIQDAError.ExternalSourceProblem) -> REFIQDAError) throws {
        func rest(after scheme: String) -> String? {
            guard plainTextPath.lowercased().hasPrefix(scheme) else { return nil }
            let path = String(plainTextPath.dropFirst(scheme.count))
            return (path.removingPercentEncoding ?? path).replacingOccurrences(of: "\\", with: "/")
        }
        if let name = rest(after: "internal://") {
            self = .entry(name)
        } else if let path = rest(after: "relative://") {
            let components = path.split(separator: "/").map(String.init).filter { $0 != "." }
            guard !components.isEmpty else { throw problem(.noFileName) }
            guard !components.contains("..") else { throw problem(.leavesFolder) }
            self = .relative(components)
        } else if let path = rest(after: "absolute://") {
            guard let name = path.split(separator: "/").last.map(String.init), name != "..", name != "." else {
                throw problem(.noFileName)
            }
            self = .absolute(fileName: name)
        } else {
            return nil
        }
    }

    /// The file `components` name inside `folder`, which it may not leave through a symbolic link.
    static func relativeFile(_ components: [String], in folder: URL, problem: (REFIQDAError.ExternalSourceProblem) -> REFIQDAError) throws -> URL {
        let file = components.reduce(folder) { $0.appendingPathComponent($1) }
        // A file that is not there (or a dangling link) is read by nobody: ``text(of:limit:basePath:problem:)`` reports it missing.
        guard FileManager.default.fileExists(atPath: file.path) else { return file }
        let resolvedFolder = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = file.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(resolvedFolder.hasSuffix("/") ? resolvedFolder : resolvedFolder + "/") else { throw problem(.leavesFolder) }
        return file
    }

    /// The file of an absolute path: `fileName` in `sources`, which must be given.
    static func absoluteFile(_ fileName: String, sources: URL?, problem: (REFIQDAError.ExternalSourceProblem) -> REFIQDAError) throws -> URL {
        guard let sources else { throw problem(.absoluteNeedsSources) }
        return try relativeFile([fileName], in: sources, problem: problem)
    }

    /// The UTF-8 text of `file`, which must be a regular file of at most `limit` bytes.
    static func text(of file: URL, limit: Int, basePath: String?, problem: (REFIQDAError.ExternalSourceProblem) -> REFIQDAError) throws -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: file.resolvingSymlinksInPath().path)
        } catch {
            throw problem(.notFound(lookedAt: file.path, basePath: basePath))
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw problem(.notARegularFile(lookedAt: file.path)) }
        guard let size = (attributes[.size] as? NSNumber)?.intValue, size <= limit else {
            throw problem(.tooLarge(lookedAt: file.path, limit: limit))
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw problem(.notFound(lookedAt: file.path, basePath: basePath))
        }
        guard data.count <= limit else { throw problem(.tooLarge(lookedAt: file.path, limit: limit)) }
        guard let text = String(validating: data, as: UTF8.self) else { throw problem(.notUTF8(lookedAt: file.path)) }
        return text
    }
}
