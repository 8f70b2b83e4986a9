import Foundation
import MessageText

/// The files `paradox redact` reads, each with the path of its copy in the output folder: a file
/// given by itself under its name, the files of a folder (and its subfolders, hidden ones skipped,
/// in name order) under the folder's name.
public struct RedactionInputs {
    public struct File: Sendable {
        public var url: URL
        /// The path as the user gave it (for messages and the review log).
        public var shown: String
        /// The copy's path inside the output folder.
        public var output: String
        /// Read as a table (`.csv`) rather than as text.
        public var isCSV: Bool { url.pathExtension.lowercased() == "csv" }
    }

    public var files: [File] = []

    /// - Parameter reserved: output paths taken by other files (the review log).
    /// - Throws: ``RedactionInputError``.
    public init(_ paths: [String], reserved: Set<String>) throws {
        var taken = reserved
        func add(_ url: URL, shown: String, output: String) throws {
            guard taken.insert(output).inserted else { throw RedactionInputError.sameOutput(path: shown, output: output) }
            files.append(File(url: url, shown: shown, output: output))
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw RedactionInputError.missing(path: path) }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            guard isFolder.boolValue else {
                try add(url, shown: path, output: url.lastPathComponent)
                continue
            }
            let relatives = (FileManager.default.subpaths(atPath: url.path) ?? []).sorted().filter { relative in
                !relative.split(separator: "/").contains { $0.hasPrefix(".") }
                    && (try? url.appendingPathComponent(relative).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            }
            guard !relatives.isEmpty else { throw RedactionInputError.emptyFolder(path: path) }
            for relative in relatives {
                try add(url.appendingPathComponent(relative), shown: (path.hasSuffix("/") ? path : path + "/") + relative,
                        output: url.lastPathComponent + "/" + relative)
            }
        }
    }
}

/// An input of `paradox redact` that cannot be used.
public enum RedactionInputError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case emptyFolder(path: String)
    case sameOutput(path: String, output: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(Excerpt.excerpt(path)): no such file or folder (expected a transcript, a CSV file or a folder of them)"
        case .emptyFolder(let path): return "\(Excerpt.excerpt(path)): the folder holds no file to redact (expected transcripts or CSV files)"
        case .sameOutput(let path, let output): return "\(Excerpt.excerpt(path)): its copy would be \(Excerpt.excerpt(output)), as another input's (expected inputs with different names)"
        }
    }
}
