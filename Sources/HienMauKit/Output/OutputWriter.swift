import Foundation

/// Writes a finished site atomically: everything goes into a staging folder
/// beside the output, which then takes the output's place in two renames. A
/// build that fails or is interrupted leaves the previous site as it was.
public struct OutputWriter {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(output.lastPathComponent).hienmau-staging-" }
    var retiredPrefix: String { ".\(output.lastPathComponent).hienmau-old-" }

    /// Writes `files` and copies `assets`, then swaps the result in.
    public func write(files: [OutputFile], assets: [(path: String, url: URL)]) throws {
        let site = try StagedSite(writer: self)
        // On every core, in slices between which an interrupt is noticed.
        let slices = stride(from: 0, to: files.count, by: 256).map { $0..<min($0 + 256, files.count) }
        for slice in slices {
            site.stopIfSignalled()
            _ = Parallel.map(Array(slice), threads: ProcessInfo.processInfo.activeProcessorCount) { i in
                site.write([files[i]])
            }
        }
        try site.commit(assets: assets)
    }

    func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        // One atomic exchange where the system has it: the output never stops existing.
        if fm.fileExists(atPath: output.path), AtomicExchange.exchange(staging.path, output.path) {
            try? fm.removeItem(at: staging)
            return
        }
        let retired = parent.appendingPathComponent(retiredPrefix + String(getpid()))
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: retired)
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            if fm.fileExists(atPath: retired.path) { try? fm.moveItem(at: retired, to: output) }
            throw error
        }
        try? fm.removeItem(at: retired)
    }

    /// Staging folders of builds that were killed; a retired site whose swap was cut short is put back.
    func removeLeftovers() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(stagingPrefix) {
                try? fm.removeItem(at: url)
            } else if name.hasPrefix(retiredPrefix) {
                if fm.fileExists(atPath: output.path) { try? fm.removeItem(at: url) } else { try? fm.moveItem(at: url, to: output) }
            }
        }
    }

    /// The staging folder to delete if the process gets SIGINT or SIGTERM mid-write.
    public static let interruptCleanup = InterruptCleanup()
}

/// Creates the folders of a site under `root`, each once.
struct FolderMaker {
    var root: String
    private var made: Set<String> = [""]

    init(root: String) {
        self.root = root
    }

    mutating func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        try make(String(path[..<slash]))
    }

    private mutating func make(_ folder: String) throws {
        guard !made.contains(folder) else { return }
        if let slash = folder.lastIndex(of: "/") { try make(String(folder[..<slash])) }
        if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: root + "/" + folder])
        }
        made.insert(folder)
    }
}

/// Writes bytes to a new file with open/write/close.
enum PlainFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    /// A file in a staging folder, absent or left empty by `StagedSite.prepare`.
    /// Opening it with O_TRUNC would make ext4 write it to disk when it is
    /// closed (its guard for programs that rewrite a file in place), which
    /// cost a third of a second of system time at 10,000 pages; the kernel
    /// writes it back later instead, as it does any new file. Whatever lies
    /// beyond the new bytes is cut off after writing.
    static func writeFresh(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
        var status = stat()
        if fstat(fd, &status) != 0 || (Int(status.st_size) > bytes.count && ftruncate(fd, off_t(bytes.count)) != 0) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path])
                }
                offset += n
            }
        }
    }
}

/// Linux's renameat2(RENAME_EXCHANGE): swaps two paths in one step. Looked up
/// at run time because Swift's Glibc module does not declare it.
enum AtomicExchange {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    static let function: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// True when `a` and `b` were swapped; false when the system cannot (the caller falls back).
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let function else { return false }
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return function(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
}

/// SIGINT and SIGTERM, handled so that no staging folder is left behind.
/// Outside a write the process ends at once, as by default. During a write
/// the writer is told; it stops between two files, removes its staging folder
/// and then ends the process, so no half-written folder stays beside the site.
/// While the folders are only being prepared, before rendering, the preparing
/// thread is stopped and the staging folder removed at once.
public final class InterruptCleanup: @unchecked Sendable {
    private let lock = NSLock()
    private var path: String?
    /// Set while only a thread that this stops writes under `path`.
    private var stopWriters: (() -> Void)?
    private var signalled: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; call once at the start of a command that writes.
    public func install() {
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

    func set(_ newPath: String?, stopWriters: (() -> Void)? = nil) {
        lock.lock()
        defer { lock.unlock() }
        path = newPath
        self.stopWriters = stopWriters
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

    /// Called by the writer between files: cleans up and ends the process if a signal came.
    func stopIfSignalled(removing staging: URL) {
        lock.lock()
        let code = signalled
        lock.unlock()
        guard let code else { return }
        try? FileManager.default.removeItem(at: staging)
        Self.end(code)
    }

    private static func end(_ code: Int32) -> Never {
        signal(code, SIG_DFL)
        raise(code)
        exit(128 + code)
    }
}
