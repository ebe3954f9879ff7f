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
    private let folders: SiteFolders
    private let spreader = FolderSpreader()
    private let preparer = FolderPreparer()
    private let interrupts = InterruptCleanup.shared
    private let lock = NSLock()
    private var failure: Error?
    private var closed = false

    /// Removes leftovers of killed builds and makes an empty staging folder.
    public init(writer: OutputWriter) throws {
        let fm = FileManager.default
        self.writer = writer
        writer.removeLeftovers()
        try SiteFolders.makeAll(writer.parent.path)
        staging = writer.parent.appendingPathComponent(writer.stagingPrefix + String(getpid()))
        folders = SiteFolders(root: staging.path, spreader: spreader)
        interrupts.watch(staging.path)
        try? fm.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0 else {
            let problem = OutputProblem(path: writer.output.path, code: errno, doing: OutputProblem.making)
            interrupts.forget()
            throw problem
        }
        FolderHint.spreadSubfolders(of: staging.path)
    }

    /// How many page folders were spread over the disk (`FolderHint`).
    var spreadFolders: Int { spreader.spreadFolders }

    /// Makes the folders and empty files of `paths` ahead of rendering, on a
    /// thread of its own (`FolderPreparer`). Until `beginWriting`, only that
    /// thread writes here, so a signal stops it, removes the staging folder
    /// and ends the process at once.
    public func prepare(_ paths: [String]) {
        interrupts.watch(staging.path, stopWriters: { [preparer] in preparer.stop() })
        preparer.start(paths, in: folders, failed: { [self] in hasFailed })
    }

    /// Rendering starts: the preparing thread stops where it is, and from
    /// now on a signal lets the render threads finish the file they write.
    public func beginWriting() {
        preparer.stop()
        interrupts.watch(staging.path)
    }

    /// True once SIGINT or SIGTERM came: render work can be skipped.
    public var isStopping: Bool { interrupts.isSignalled }

    private var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    /// Writes `files` into the staging folder; the first error is kept for `commit`.
    public func write(_ files: [OutputFile]) {
        guard !isStopping, !files.isEmpty else { return }
        lock.lock()
        let ready = failure == nil && !closed
        lock.unlock()
        guard ready else { return }
        for file in files {
            do {
                try folders.makeParent(of: file.path)
                try PlainFile.writeFresh(file.bytes, to: staging.path + "/" + file.path)
            } catch {
                lock.lock()
                if failure == nil { failure = writer.shown(error) }
                lock.unlock()
                return
            }
        }
    }

    /// Between steps on the calling thread: cleans up and ends the process if a signal came.
    public func stopIfSignalled() {
        if isStopping { preparer.stop() }
        interrupts.endIfSignalled(removing: staging)
    }

    /// Copies `assets`, marks the folder as a hienmau output and swaps it in.
    public func commit(assets: [(path: String, url: URL)]) throws {
        defer { interrupts.forget() }
        let failure = close()
        do {
            if let failure { throw failure }
            for asset in assets {
                try folders.makeParent(of: asset.path)
                try PlainFile.copy(asset.url.path, to: staging.appendingPathComponent(asset.path).path)
            }
            try PlainFile.write(
                Array("hienmau\n".utf8), to: staging.appendingPathComponent(OutputGuard.markerName).path)
            stopIfSignalled()
            try writer.swapIn(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw writer.shown(error)
        }
    }

    /// Removes the staging folder: the build will not be published.
    public func abandon() {
        _ = close()
        try? FileManager.default.removeItem(at: staging)
        interrupts.forget()
    }

    /// No more writes: the preparing thread is stopped and render threads
    /// write nothing from now on. Returns the first error of a write.
    private func close() -> Error? {
        preparer.stop()
        lock.lock()
        defer { lock.unlock() }
        closed = true
        return failure
    }
}
