import Foundation

/// Writes bytes to files with open/write/close; every failure is an
/// `OutputProblem` naming the file and the cause.
enum PlainFile {
    static func write(_ bytes: [UInt8], to path: String) throws(OutputProblem) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .last(path) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    /// Replaces the file at `path` in one step: the bytes go to a temporary
    /// file beside it, which is then renamed over it. A reader sees the old
    /// file or the new one, whole; a full disk leaves the old one as it was.
    static func replace(_ path: String, with bytes: [UInt8]) throws(OutputProblem) {
        let temporary = temporaryPath(for: path)
        do {
            try write(bytes, to: temporary)
        } catch {
            unlink(temporary)
            throw OutputProblem(path: path, code: error.code)
        }
        guard rename(temporary, path) == 0 else {
            let problem = OutputProblem.last(path)
            unlink(temporary)
            throw problem
        }
    }

    /// The same for a copy of the file at `source`.
    static func replace(_ path: String, withCopyOf source: String) throws(OutputProblem) {
        let temporary = temporaryPath(for: path)
        do {
            try copy(source, to: temporary)
        } catch {
            unlink(temporary)
            throw error.path == temporary ? OutputProblem(path: path, code: error.code) : error
        }
        guard rename(temporary, path) == 0 else {
            let problem = OutputProblem.last(path)
            unlink(temporary)
            throw problem
        }
    }

    /// `.name.hienmau-tmp-<pid>` beside `path`: hidden, so never served nor listed as part of the site.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + "." + path[slash...] + ".hienmau-tmp-\(getpid())"
    }

    /// Copies the bytes of the regular file at `source` into a new file at
    /// `path` (never a link: the source was resolved by `RegularFile`).
    static func copy(_ source: String, to path: String) throws(OutputProblem) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .last(source, doing: OutputProblem.reading) }
        defer { close(input) }
        let output = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .last(path) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw .last(source, doing: OutputProblem.reading) }
            if n == 0 { return }
            try writeAll(Array(buffer[0..<n]), to: output, path: path)
        }
    }

    /// A file in a staging folder, absent or left empty by `StagedSite.prepare`.
    /// Opening it with O_TRUNC would make ext4 write it to disk when it is
    /// closed (its guard for programs that rewrite a file in place), which
    /// cost a third of a second of system time at 10,000 pages; the kernel
    /// writes it back later instead, as it does any new file. Whatever lies
    /// beyond the new bytes is cut off after writing.
    static func writeFresh(_ bytes: [UInt8], to path: String) throws(OutputProblem) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .last(path) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
        var status = stat()
        if fstat(fd, &status) != 0 || (Int(status.st_size) > bytes.count && ftruncate(fd, off_t(bytes.count)) != 0) {
            throw .last(path)
        }
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(OutputProblem) {
        let failure: Int32? = bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw OutputProblem(path: path, code: failure) }
    }
}
