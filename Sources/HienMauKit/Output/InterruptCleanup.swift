import Foundation

/// SIGINT and SIGTERM, handled so that no staging folder is left behind.
/// Outside a write the process ends at once, as by default. During a write
/// the writer is told; it stops between two files, removes its staging folder
/// and then ends the process, so no half-written folder stays beside the site.
/// While the folders are only being prepared, before rendering, the preparing
/// thread is stopped and the staging folder removed at once.
///
/// One per process (signals are), used by `StagedSite` through `watch`,
/// `forget`, `isSignalled` and `endIfSignalled`.
public final class InterruptCleanup: @unchecked Sendable {
    static let shared = InterruptCleanup()

    private let lock = NSLock()
    private var path: String?
    /// Set while only a thread that this stops writes under `path`.
    private var stopWriters: (() -> Void)?
    private var signalled: Int32?
    private var sources: [DispatchSourceSignal] = []
    /// The output's lock file (`OutputLock`), removed before a signal ends the process.
    private static let lockLock = NSLock()
    nonisolated(unsafe) private static var lockPath: String?

    private init() {}

    /// Installs the handlers; call once at the start of a command that writes.
    public static func install() {
        shared.install()
    }

    private func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for code in [SIGINT, SIGTERM] {
            signal(code, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: code, queue: .global())
            source.setEventHandler { [weak self] in self?.received(code) }
            source.resume()
            sources.append(source)
        }
    }

    /// A signal from now on removes `folder`: at once if `stopWriters` is
    /// given (it stops the only thread writing there), else at the writer's
    /// next `endIfSignalled`.
    func watch(_ folder: String, stopWriters: (() -> Void)? = nil) {
        lock.lock()
        defer { lock.unlock() }
        path = folder
        self.stopWriters = stopWriters
    }

    /// No folder to remove any more: a signal ends the process at once.
    func forget() {
        lock.lock()
        defer { lock.unlock() }
        path = nil
        stopWriters = nil
    }

    private func received(_ code: Int32) {
        lock.lock()
        signalled = code
        // Still holding the lock: a write cannot start between this check and the end.
        if path == nil { Self.end(code) }
        // Nothing but a preparing thread writes there: stop it, clean up and end now.
        if let stopWriters, let path {
            stopWriters()
            try? FileManager.default.removeItem(atPath: path)
            Self.end(code)
        }
        lock.unlock()
    }

    var isSignalled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return signalled != nil
    }

    /// Called by the writer between files: removes `staging` and ends the process if a signal came.
    func endIfSignalled(removing staging: URL) {
        lock.lock()
        let code = signalled
        lock.unlock()
        guard let code else { return }
        try? FileManager.default.removeItem(at: staging)
        Self.end(code)
    }

    /// The lock file to remove if a signal ends the process; nil when none is held.
    func removeOnSignal(lock path: String?) {
        Self.lockLock.withLock { Self.lockPath = path }
    }

    private static func end(_ code: Int32) -> Never {
        if let path = lockLock.withLock({ lockPath }) { unlink(path) }
        signal(code, SIG_DFL)
        raise(code)
        exit(128 + code)
    }
}
