import Foundation

/// Notices changes under the watched folders by comparing each file's
/// modification time and size between two looks. Polling keeps it portable
/// and simple; a look at a thousand files costs a few milliseconds.
public struct SourceWatcher {
    public var folders: [URL]
    private var last: [String: FileState] = [:]

    struct FileState: Equatable {
        var modified: Double
        var size: Int
    }

    public init(folders: [URL]) {
        self.folders = folders
        last = snapshot()
    }

    /// True when something was added, removed or changed since the last call.
    public mutating func changed() -> Bool {
        let now = snapshot()
        defer { last = now }
        return now != last
    }

    func snapshot() -> [String: FileState] {
        var out: [String: FileState] = [:]
        // One stat per entry: it tells regular files apart and gives their time and size.
        for folder in folders {
            guard let entries = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let path = entries.nextObject() as? String {
                if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let full = folder.path + "/" + path
                var status = stat()
                guard stat(full, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
                let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
                out[full] = FileState(modified: modified, size: Int(status.st_size))
            }
        }
        return out
    }
}
