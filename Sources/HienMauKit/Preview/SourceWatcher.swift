import Foundation

/// Notices changes under the watched folders by comparing each file's
/// modification time and size between two looks. A look at a thousand files
/// costs a few milliseconds. On Linux, inotify says when to look, so an edit
/// is seen at once instead of at the next poll; elsewhere it polls.
public struct SourceWatcher {
    public var folders: [URL]
    private var last: [String: FileState] = [:]
    /// The inotify descriptor, or -1 when there is none (then `wait` just sleeps).
    private var notify: Int32 = -1

    struct FileState: Equatable {
        var modified: Double
        var size: Int
    }

    public init(folders: [URL]) {
        self.folders = folders
        last = snapshot()
        #if os(Linux)
            notify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            watchFolders()
        #endif
    }

    /// Blocks until something under the folders was written, moved, made or
    /// removed, or `timeout` seconds pass. Call `changed()` after it.
    public mutating func wait(timeout: Double) {
        #if os(Linux)
            if notify >= 0 {
                var request = pollfd(fd: notify, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, Int32(timeout * 1000)) > 0 else { return }
                // Drain the events (the descriptor does not block): which file does
                // not matter, `changed()` compares everything.
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                while buffer.withUnsafeMutableBytes({ Glibc.read(notify, $0.baseAddress, $0.count) }) > 0 {}
                // Editors that save through a new folder, or a folder made since: watch those too.
                watchFolders()
                return
            }
        #endif
        Thread.sleep(forTimeInterval: timeout)
    }

    #if os(Linux)
        /// Adds a watch to every folder under `folders` (adding one twice is harmless).
        private func watchFolders() {
            guard notify >= 0 else { return }
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)
            for folder in folders {
                _ = inotify_add_watch(notify, folder.path, mask)
                guard let entries = FileManager.default.enumerator(atPath: folder.path) else { continue }
                while let path = entries.nextObject() as? String {
                    var isFolder: ObjCBool = false
                    let full = folder.path + "/" + path
                    if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                        _ = inotify_add_watch(notify, full, mask)
                    }
                }
            }
        }
    #endif

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
