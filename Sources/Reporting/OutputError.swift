import Foundation

/// Why an output file or folder could not be written, in words (never a Foundation error dump):
/// `cannot write Output/report.md: it is a folder`. Paths are shown as the user gave them (`--out`
/// joined with the file's name), never as the temporary path the file was being written to.
public enum OutputError: Error, CustomStringConvertible, Equatable {
    /// `--out ''`.
    case emptyPath
    /// The target has no folder above it to write a temporary copy in (`/`).
    case noParentFolder(String)
    /// The target folder exists, is not empty and holds no ``OutputFolder/markerName`` file: it was
    /// not written by Paradox, and replacing it would delete the user's files.
    case notPreviousOutput(String)
    /// A folder was to be written where a file (or something else) is.
    case notAFolder(String)
    /// A file name that would lead outside the output folder (empty, `.`, `..` or NUL in a component).
    case outsideOutput(String)
    /// A system call on the path failed.
    case cannotWrite(String, Reason)
    /// The output would replace the input file (inputs are never modified).
    case sameAsInput(String)

    public enum Reason: Equatable, Sendable {
        case isFolder, noSpace, permissionDenied, readOnly, nameTooLong, tooLarge, busy, exists
        /// Any other error number, as `strerror` words it.
        case system(String)

        /// The one mapping from a system call's error number.
        init(errno number: Int32) {
            switch number {
            case EISDIR, ENOTEMPTY: self = .isFolder
            case ENOSPC, EDQUOT: self = .noSpace
            case EACCES, EPERM: self = .permissionDenied
            case EROFS: self = .readOnly
            case ENAMETOOLONG: self = .nameTooLong
            case EFBIG: self = .tooLarge
            case EBUSY: self = .busy
            case EEXIST: self = .exists
            default: self = .system(String(cString: strerror(number)).lowercased())
            }
        }

        var words: String {
            switch self {
            case .isFolder: "it is a folder"
            case .noSpace: "no space left on device"
            case .permissionDenied: "permission denied"
            case .readOnly: "the file system is read-only"
            case .nameTooLong: "the name is too long"
            case .tooLarge: "the file is larger than the system allows (file size limit)"
            case .busy: "it is in use (a mount point?)"
            case .exists: "it already exists"
            case .system(let words): words
            }
        }
    }

    public var description: String {
        switch self {
        case .emptyPath:
            "the output path is empty: give --out a folder or file name"
        case .noParentFolder(let path):
            "cannot write \(bounded(path)): it has no folder above it (choose a folder below it)"
        case .notPreviousOutput(let path):
            "refusing to replace \(bounded(path)): it is a folder Paradox did not write (it is not empty and has no "
                + "\(OutputFolder.markerName) file), and replacing it would delete its files; choose another --out, "
                + "or empty or remove it first"
        case .notAFolder(let path):
            "cannot write \(bounded(path)): it is a file, not a folder"
        case .outsideOutput(let path):
            "refusing to write \(bounded(path)): the name leads outside the output folder"
        case .cannotWrite(let path, let reason):
            "cannot write \(bounded(path)): \(reason.words)"
        case .sameAsInput(let path):
            "refusing to write \(bounded(path)): it is the input file (expected another --out; inputs are never modified)"
        }
    }

    /// A path shown up to 200 characters (its end, which names the file), then "…".
    private func bounded(_ path: String) -> String {
        path.count <= 200 ? path : "…" + path.suffix(199)
    }
}
