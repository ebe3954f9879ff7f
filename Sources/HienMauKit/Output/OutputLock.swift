import Foundation

/// One hienmau at a time writes an output folder: `build` and `serve` hold
/// an exclusive `flock` on `.<output>.hienmau-lock` beside it while they
/// run. A second one fails at once, naming the first (its pid and command,
/// written into the lock file), instead of deleting its staging folder. The
/// kernel drops the lock when the process ends, however it ends, so a
/// killed build never blocks the next; the file itself stays (removing it
/// would let two processes lock two different files of one name).
public final class OutputLock: @unchecked Sendable {
    private let fd: Int32

    /// Why the lock could not be taken.
    public struct Busy: Error {
        public var message: Message
    }

    /// Takes the lock for `output`, shown as `shown`, for `command` ("hienmau build").
    public init(output: URL, shown: String, command: String) throws(Busy) {
        let writer = OutputWriter(output: output)
        let path = writer.parent.appendingPathComponent(".\(writer.output.lastPathComponent).hienmau-lock").path
        try? SiteFolders.makeAll(writer.parent.path)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let cause = Errno.text(errno)
            throw Busy(message: Message(vi: "không mở được \(path): \(cause.vi)", en: "cannot open \(path): \(cause.en)"))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(fd)
            close(fd)
            throw Busy(message: Message(
                vi: "một lần chạy hienmau khác (\(holder)) đang ghi vào \(shown); chờ nó xong (hoặc dừng nó) rồi chạy lại",
                en: "another hienmau (\(holder)) is writing \(shown); wait for it to finish (or stop it) and run again"))
        }
        self.fd = fd
        let line = "\(getpid()) \(command)\n"
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit { close(fd) }

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
