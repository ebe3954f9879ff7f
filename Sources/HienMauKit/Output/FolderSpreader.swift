import Foundation

/// Makes subfolders so that ext4 spreads them over the disk (`FolderHint`):
/// one in `FolderHint.every` is made while its parent carries the hint, and
/// the next ones follow it into its block group.
final class FolderSpreader: @unchecked Sendable {
    private let lock = NSLock()
    /// Subfolders made so far, and how many of them were spread.
    private var subfolders = 0
    private var spread = 0
    /// Held while a parent folder carries the hint for one subfolder.
    private let spreading = NSLock()

    /// How many subfolders were spread.
    var spreadFolders: Int {
        lock.lock()
        defer { lock.unlock() }
        return spread
    }

    /// Makes `folder` inside `parent`; true when it exists now.
    func make(_ folder: String, in parent: String) -> Bool {
        lock.lock()
        subfolders += 1
        let spreads = subfolders % FolderHint.every == 1
        if spreads { spread += 1 }
        lock.unlock()
        guard spreads else { return mkdir(folder, 0o755) == 0 || errno == EEXIST }
        spreading.lock()
        defer { spreading.unlock() }
        FolderHint.set(parent, spreading: true)
        let made = mkdir(folder, 0o755) == 0 || errno == EEXIST
        FolderHint.set(parent, spreading: false)
        return made
    }
}
