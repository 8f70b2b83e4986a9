import Foundation
import Study
import SurveyStats

/// Writes files so that a reader never sees half of one: the content goes to a temporary file in
/// the same folder, which is then renamed over the target (rename is atomic within a file system).
/// A write that fails removes its temporary file. Files are not flushed to the disk one by one (no
/// `fsync`, which would cost more than all the rest): a crash of the machine may lose the newest.
public enum AtomicFile {
    public static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try replace(url.path, with: text)
    }

    public static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.withUnsafeBytes { try replace(url.path, with: $0) }
    }

    /// Writes every file (path relative to `folder` → content) side by side on all cores, creating
    /// each folder once; the error is that of the first file (in order) that fails.
    public static func write(_ files: [(path: String, content: String)], in folder: URL) throws {
        let paths = files.map { folder.path + "/" + $0.path }
        for parent in Set(paths.map { split($0).folder }).sorted() {
            try FileManager.default.createDirectory(atPath: String(parent), withIntermediateDirectories: true)
        }
        _ = try Array(zip(paths, files.map(\.content))).concurrentMap { path, content in
            try replace(path, with: content)
        }
    }

    private static func replace(_ path: String, with text: String) throws {
        var text = text
        try text.withUTF8 { try replace(path, with: UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes` to `.NAME.tmp-PID` beside `path`, then renames that over `path`.
    private static func replace(_ path: String, with bytes: UnsafeRawBufferPointer) throws {
        let (folder, name) = split(path)
        let temporary = "\(folder)/.\(name).tmp-\(getpid())"
        do {
            try create(temporary, with: bytes)
            guard rename(temporary, path) == 0 else { throw fileError(errno, path: path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// A file's folder and name (string work: `URL` would ask the file system whether it is a folder).
    private static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path[...]) }
        return (path[..<slash], path[path.index(after: slash)...])
    }
}

/// Creates the file at `path`, or empties it, and writes `bytes` to it.
private func create(_ path: String, with bytes: UnsafeRawBufferPointer) throws {
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard file >= 0 else { throw fileError(errno, path: path) }
    var written = 0
    while written < bytes.count {
        let count = write(file, bytes.baseAddress! + written, bytes.count - written)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
            let number = count < 0 ? errno : EIO
            close(file)
            throw fileError(number, path: path)
        }
        written += count
    }
    guard close(file) == 0 else { throw fileError(errno, path: path) }
}

/// A system call's error number as the Cocoa error Foundation throws for a failed write.
private func fileError(_ number: Int32, path: String) -> CocoaError {
    let code: CocoaError.Code
    switch number {
    case EACCES, EPERM: code = .fileWriteNoPermission
    case ENOSPC, EDQUOT: code = .fileWriteOutOfSpace
    case EROFS: code = .fileWriteVolumeReadOnly
    case ENAMETOOLONG: code = .fileWriteInvalidFileName
    default: code = .fileWriteUnknown
    }
    return CocoaError(code, userInfo: [NSFilePathErrorKey: path,
                                       NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: number) ?? .EIO)])
}
