import Foundation

/// Makes the folders and empty files of a site's pages ahead of rendering,
/// on a thread of the lowest priority: it takes the core that is idle while
/// the CSV is read. On ext4, making 10,000 folders costs about a second of
/// the system's time, which rendering would otherwise wait for.
final class FolderPreparer: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private let running = DispatchGroup()

    /// Starts the thread. It stops at the first folder it cannot make (the
    /// render thread that writes there meets it again and reports it), when
    /// `failed` says the site failed, or when `stop` is called.
    func start(_ paths: [String], in folders: SiteFolders, failed: @escaping @Sendable () -> Bool) {
        running.enter()
        let thread = Thread { [self] in
            defer { running.leave() }
            // On Linux this lowers the calling thread only.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            for path in paths {
                lock.lock()
                let stop = stopped
                lock.unlock()
                guard !stop, !failed(), (try? folders.makeParent(of: path)) != nil else { return }
                let fd = open(folders.root + "/" + path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
                if fd >= 0 { close(fd) }
            }
        }
        thread.start()
    }

    /// Stops the thread where it is and waits for it; at once when none runs.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        running.wait()
    }
}
