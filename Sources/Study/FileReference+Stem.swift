import Foundation

extension FileReference {
    /// The file's name without folder and extension (`../Data/waves/wave-2.csv` → `wave-2`): a wave's
    /// name in batch reports and the name of its report folder.
    public var stem: String {
        ((written as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
