import Foundation

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
