/// A batch of waves that cannot be laid out: two waves whose reports would share a folder.
public enum BatchError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateWaveName(String, files: [String])

    public var description: String {
        switch self {
        case .duplicateWaveName(let name, let files):
            return "the waves \(files.joined(separator: " and ")) share the name '\(name)' (expected distinct file names: each wave's report folder is named after its file)"
        }
    }
}
