import Foundation

/// A site being written into its staging folder beside the output, file by
/// file as rendering makes them, and swapped in whole at the end (see
/// `OutputWriter`). Streaming keeps a national archive's gigabyte of pages
/// out of memory; the output folder is untouched until `commit`.
///
/// `write` is called from the render threads. A signal during rendering only
/// marks the site as stopping: the threads finish without writing, and the
/// caller's next `stopIfSignalled` removes the staging folder and ends the
/// process, so no thread is writing while it is removed.
public final class StagedSite: @unchecked Sendable {
    public let writer: OutputWriter
    let staging: URL
    private let lock = NSLock()
    /// Folders made so far under `staging` ("" is the staging folder itself).
    private var made: Set<String> = [""]
    private var failure: Error?
    private var closed = false

    /// Removes leftovers of killed builds and makes an empty staging folder.
    public init(writer: OutputWriter) throws {
        let fm = FileManager.default
        self.writer = writer
        writer.removeLeftovers()
        try fm.createDirectory(at: writer.parent, withIntermediateDirectories: true)
        staging = writer.parent.appendingPathComponent(writer.stagingPrefix + String(getpid()))
        OutputWriter.interruptCleanup.set(staging.path)
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            FolderHint.spreadSubfolders(of: staging.path)
        } catch {
            OutputWriter.interruptCleanup.set(nil)
            throw error
        }
    }

    /// True once SIGINT or SIGTERM came: render work can be skipped.
    public var isStopping: Bool { OutputWriter.interruptCleanup.isSignalled }

    /// Writes `files` into the staging folder; the first error is kept for `commit`.
    public func write(_ files: [OutputFile]) {
        guard !isStopping, !files.isEmpty else { return }
        lock.lock()
        let ready = failure == nil && !closed
        lock.unlock()
        guard ready else { return }
        for file in files {
            do {
                try makeParent(of: file.path)
                try PlainFile.write(file.bytes, to: staging.path + "/" + file.path)
            } catch {
                lock.lock()
                if failure == nil { failure = error }
                lock.unlock()
                return
            }
        }
    }

    /// mkdir runs outside the lock: on a disk where it costs a millisecond
    /// it would otherwise hold up the other render thread. Two threads making
    /// one folder is harmless (the second gets EEXIST).
    private func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        lock.lock()
        let known = made.contains(folder)
        lock.unlock()
        guard !known else { return }
        if let parentSlash = folder.lastIndex(of: "/") { try makeParent(of: String(folder[..<parentSlash]) + "/") }
        if mkdir(staging.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging.path + "/" + folder])
        }
        // Top-level folders (`chien-dich/`, `vinh-danh/`) hold the page folders.
        if !folder.contains("/") { FolderHint.spreadSubfolders(of: staging.path + "/" + folder) }
        lock.lock()
        made.insert(folder)
        lock.unlock()
    }

    /// Between steps on the calling thread: cleans up and ends the process if a signal came.
    public func stopIfSignalled() {
        OutputWriter.interruptCleanup.stopIfSignalled(removing: staging)
    }

    /// Copies `assets`, marks the folder as a hienmau output and swaps it in.
    public func commit(assets: [(path: String, url: URL)]) throws {
        defer { OutputWriter.interruptCleanup.set(nil) }
        lock.lock()
        closed = true
        let failure = self.failure
        lock.unlock()
        do {
            if let failure { throw failure }
            let fm = FileManager.default
            for asset in assets {
                try makeParent(of: asset.path)
                try fm.copyItem(at: asset.url, to: staging.appendingPathComponent(asset.path))
            }
            try Data("hienmau\n".utf8).write(to: staging.appendingPathComponent(OutputGuard.markerName))
            stopIfSignalled()
            try writer.swapIn(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// Removes the staging folder: the build will not be published.
    public func abandon() {
        lock.lock()
        closed = true
        lock.unlock()
        try? FileManager.default.removeItem(at: staging)
        OutputWriter.interruptCleanup.set(nil)
    }
}
