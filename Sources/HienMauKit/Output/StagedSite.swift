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
    /// Folders made below the top level, and how many of them were spread (`FolderHint`).
    private var subfolders = 0
    private(set) var spreadFolders = 0
    /// Held while a parent folder carries the spreading hint for one subfolder.
    private let spreading = NSLock()
    private var failure: Error?
    private var closed = false
    /// The thread of `prepare`, and whether it was told to stop.
    private let preparing = DispatchGroup()
    private var stopPreparing = false

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

    /// Makes the folders and empty files of `paths` ahead of rendering, on a
    /// thread of the lowest priority: it takes the core that is idle while
    /// the CSV is read. On ext4, making 10,000 folders costs about a second
    /// of the system's time, which rendering would otherwise wait for. Until
    /// `beginWriting`, only this thread writes here, so a signal stops it,
    /// removes the staging folder and ends the process at once.
    public func prepare(_ paths: [String]) {
        preparing.enter()
        OutputWriter.interruptCleanup.set(staging.path, stopWriters: { [self] in endPreparing() })
        let thread = Thread { [self] in
            defer { preparing.leave() }
            // On Linux this lowers the calling thread only.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            for path in paths {
                lock.lock()
                let stop = stopPreparing || failure != nil
                lock.unlock()
                // A folder that cannot be made is met again, and reported, by the render thread that writes there.
                guard !stop, (try? makeParent(of: path)) != nil else { return }
                let fd = open(staging.path + "/" + path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
                if fd >= 0 { close(fd) }
            }
        }
        thread.start()
    }

    /// Rendering starts: the preparing thread stops where it is, and from
    /// now on a signal lets the render threads finish the file they write.
    public func beginWriting() {
        endPreparing()
        OutputWriter.interruptCleanup.set(staging.path)
    }

    private func endPreparing() {
        lock.lock()
        stopPreparing = true
        lock.unlock()
        preparing.wait()
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
                try PlainFile.writeFresh(file.bytes, to: staging.path + "/" + file.path)
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
        if let parentSlash = folder.lastIndex(of: "/") {
            let parent = String(folder[..<parentSlash])
            try makeParent(of: parent + "/")
            try makeSubfolder(folder, parent: parent)
        } else if mkdir(staging.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging.path + "/" + folder])
        }
        lock.lock()
        made.insert(folder)
        lock.unlock()
    }

    /// A folder below the top level, such as a page folder: one in
    /// `FolderHint.every` is spread over the disk and the next ones follow it.
    private func makeSubfolder(_ folder: String, parent: String) throws {
        lock.lock()
        subfolders += 1
        let spread = subfolders % FolderHint.every == 1
        if spread { spreadFolders += 1 }
        lock.unlock()
        if spread {
            spreading.lock()
            FolderHint.set(staging.path + "/" + parent, spreading: true)
        }
        let made = mkdir(staging.path + "/" + folder, 0o755) == 0 || errno == EEXIST
        if spread {
            FolderHint.set(staging.path + "/" + parent, spreading: false)
            spreading.unlock()
        }
        if !made { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging.path + "/" + folder]) }
    }

    /// Between steps on the calling thread: cleans up and ends the process if a signal came.
    public func stopIfSignalled() {
        if isStopping { endPreparing() }
        OutputWriter.interruptCleanup.stopIfSignalled(removing: staging)
    }

    /// Copies `assets`, marks the folder as a hienmau output and swaps it in.
    public func commit(assets: [(path: String, url: URL)]) throws {
        defer { OutputWriter.interruptCleanup.set(nil) }
        endPreparing()
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
        endPreparing()
        lock.lock()
        closed = true
        lock.unlock()
        try? FileManager.default.removeItem(at: staging)
        OutputWriter.interruptCleanup.set(nil)
    }
}
