import Foundation

/// One hienmau at a time writes an output folder: `build` and `serve` hold
/// an exclusive `flock` on `.<output>.hienmau-lock` beside it while they
/// run. A second one fails at once, naming the first (its pid and command,
/// written into the lock file), instead of deleting its staging folder. The
/// kernel drops the lock when the process ends, however it ends, so a
/// killed build never blocks the next. The file is removed when the lock
/// is let go (and on SIGINT or SIGTERM); one left by SIGKILL is harmless.
public final class OutputLock: @unchecked Sendable {
    /// -1 when the lock file could not be made: nothing can be written
    /// there either, and the write says so, naming the file and the cause.
    private let fd: Int32
    private let path: String

    /// Why the lock could not be taken.
    public struct Busy: Error {
        public var message: Message
    }

    /// Takes the lock for `output`, shown as `shown`, for `command` ("hienmau build").
    public init(output: URL, shown: String, command: String) throws(Busy) {
        let writer = OutputWriter(output: output)
        path = writer.parent.appendingPathComponent(".\(writer.output.lastPathComponent).hienmau-lock").path
        try? SiteFolders.makeAll(writer.parent.path)
        fd = try Self.take(path, shown: shown)
        guard fd >= 0 else { return }
        let line = "\(getpid()) \(command)\n"
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
        InterruptCleanup.shared.removeOnSignal(lock: path)
    }

    /// The file is removed while still locked: whoever opened it meanwhile
    /// finds, once it has the lock, that the path no longer leads to it, and
    /// opens again (`take`).
    deinit {
        guard fd >= 0 else { return }
        InterruptCleanup.shared.removeOnSignal(lock: nil)
        unlink(path)
        close(fd)
    }

    /// An open, locked descriptor of the file now at `path`.
    private static func take(_ path: String, shown: String) throws(Busy) -> Int32 {
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return -1 }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let holder = Self.holder(fd)
                close(fd)
                throw Busy(
                    message: Message(
                        vi:
                            "một lần chạy hienmau khác (\(holder)) đang ghi vào \(shown); chờ nó xong (hoặc dừng nó) rồi chạy lại",
                        en:
                            "another hienmau (\(holder)) is writing \(shown); wait for it to finish (or stop it) and run again"
                    ))
            }
            var held = stat(), now = stat()
            if fstat(fd, &held) == 0, stat(path, &now) == 0, held.st_ino == now.st_ino, held.st_dev == now.st_dev {
                return fd
            }
            close(fd)
        }
    }

    /// "pid 4242, hienmau serve", from what the holder wrote.
    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        guard let space = line.firstIndex(of: " "), Int(line[..<space]) != nil else { return line.isEmpty ? "?" : line }
        return "pid \(line[..<space]), \(line[line.index(after: space)...])"
    }
}
