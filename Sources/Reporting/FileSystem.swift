import Foundation

/// The system calls output is written with, each failure turned into an ``OutputError`` naming the
/// path as the user sees it (`shown`).
enum FileSystem {
    enum Kind { case file, folder, other }

    /// What is at `path`, following symbolic links; `nil` when nothing is.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// `mkdir -p`: the folder and those above it that are missing.
    static func makeFolders(_ path: String, shown: String) throws {
        if kind(path) == .folder { return }
        let above = folder(of: path)
        if !above.isEmpty, above != path { try makeFolders(above, shown: folder(of: shown)) }
        guard mkdir(path, 0o777) == 0 || (errno == EEXIST && kind(path) == .folder) else {
            throw errno == EEXIST ? OutputError.notAFolder(shown) : OutputError.cannotWrite(shown, .init(errno: errno))
        }
    }

    /// The path without its last component (`a/b` → `a`, `/a` → `/`, `a` → ``), by string work
    /// (`NSString`'s traps on an empty path on Linux; `URL` asks the file system).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A new folder (fails if anything is at `path`).
    static func makeFolder(_ path: String, shown: String) throws {
        guard mkdir(path, 0o777) == 0 else { throw OutputError.cannotWrite(shown, .init(errno: errno)) }
    }

    /// Creates a new file (never one that exists, never through a symbolic link) holding `bytes`.
    static func create(_ path: String, bytes: UnsafeRawBufferPointer, shown: String) throws {
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw OutputError.cannotWrite(shown, .init(errno: errno)) }
        var written = 0
        while written < bytes.count, let start = bytes.baseAddress {
            let count = write(file, start + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let number = count < 0 ? errno : EIO
                close(file)
                throw OutputError.cannotWrite(shown, .init(errno: number))
            }
            written += count
        }
        guard close(file) == 0 else { throw OutputError.cannotWrite(shown, .init(errno: errno)) }
    }

    static func create(_ path: String, text: String, shown: String) throws {
        var text = text
        try text.withUTF8 { try create(path, bytes: UnsafeRawBufferPointer($0), shown: shown) }
    }

    static func rename(_ from: String, to: String, shown: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw OutputError.cannotWrite(shown, .init(errno: errno)) }
    }

    /// Swaps what is at `a` and `b` in one atomic step (Linux `renameat2` with `RENAME_EXCHANGE`);
    /// `false` where the system or file system cannot (then nothing happened).
    static func exchange(_ a: String, _ b: String, shown: String) throws -> Bool {
        #if os(Linux)
        guard let renameat2 = linuxRenameat2 else { return false }
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 { return true }
        if [EINVAL, ENOSYS, ENOTSUP].contains(errno) { return false }
        throw OutputError.cannotWrite(shown, .init(errno: errno))
        #else
        return false
        #endif
    }

    #if os(Linux)
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later; Swift's Glibc module does not declare it).
    private static let linuxRenameat2: Renameat2? = dlsym(dlopen(nil, RTLD_NOW), "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }
    #endif

    /// Removes a file or a folder with everything in it, as far as it can (what is left is removed
    /// by a later run: it carries a temporary name).
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
