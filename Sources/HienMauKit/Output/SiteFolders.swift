import Foundation

/// Makes the folders of a site under `root`, each once, from any number of
/// threads. With a `FolderSpreader`, folders below the top level (the page
/// folders) are made through it.
///
/// mkdir runs outside the lock: on a disk where it costs a millisecond it
/// would otherwise hold up the other render thread. Two threads making one
/// folder is harmless (the second gets EEXIST).
final class SiteFolders: @unchecked Sendable {
    let root: String
    private let spreader: FolderSpreader?
    private let lock = NSLock()
    /// Folders made so far ("" is `root` itself).
    private var made: Set<String> = [""]

    init(root: String, spreader: FolderSpreader? = nil) {
        self.root = root
        self.spreader = spreader
    }

    /// Makes the folder `path` is in, and the folders above it.
    func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        lock.lock()
        let known = made.contains(folder)
        lock.unlock()
        guard !known else { return }
        if let parentSlash = folder.lastIndex(of: "/") {
            let parent = String(folder[..<parentSlash])
            try makeParent(of: parent + "/")
            try make(folder, parent: parent)
        } else {
            try make(folder, parent: nil)
        }
        lock.lock()
        made.insert(folder)
        lock.unlock()
    }

    private func make(_ folder: String, parent: String?) throws {
        let path = root + "/" + folder
        let made: Bool
        if let spreader, let parent {
            made = spreader.make(path, in: root + "/" + parent)
        } else {
            made = mkdir(path, 0o755) == 0 || errno == EEXIST
        }
        if !made { throw OutputProblem.last(path, doing: OutputProblem.making) }
    }

    /// `mkdir -p`: `path` and the folders above it.
    static func makeAll(_ path: String) throws(OutputProblem) {
        var sofar = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            sofar += "/" + part
            if mkdir(sofar, 0o755) != 0 && errno != EEXIST { throw .last(sofar, doing: OutputProblem.making) }
        }
    }
}
