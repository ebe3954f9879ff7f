import Foundation

/// Writes files that must not exist yet (`hienmau init`, `hienmau theme
/// export`): each is opened with `O_EXCL`, so an existing file is never
/// replaced, even one made between the check and the write.
public enum NewFiles {
    public struct Failure: Error {
        /// The path, relative to the folder written into.
        public var path: String
        public var reason: String
    }

    /// The paths among `paths` that already exist under `folder`, in order.
    public static func existing(_ paths: [String], in folder: URL) -> [String] {
        paths.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    /// Writes every file under `folder`, making the folders they need.
    public static func write(_ files: [EmbeddedFile], into folder: URL) throws(Failure) {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw Failure(path: file.path, reason: error.localizedDescription)
            }
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Failure(path: file.path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            guard writeBytes(file.bytes, to: fd) else {
                throw Failure(path: file.path, reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// Outside the enum, so that `write` is the system call.
private func writeBytes(_ bytes: [UInt8], to fd: Int32) -> Bool {
    bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
}
