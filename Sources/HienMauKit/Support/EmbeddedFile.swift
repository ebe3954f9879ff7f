import Foundation

/// A file compiled into the binary from a folder of the repository (the
/// built-in theme, the starter site of `hienmau init`); the sources that
/// hold them are written by `scripts/embed_files.py`.
public struct EmbeddedFile: Sendable, Equatable {
    /// Relative to the folder it came from, with `/`.
    public let path: String
    public let bytes: [UInt8]

    init(_ path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }

    init(_ path: String, base64: String) {
        self.path = path
        bytes = Array(Data(base64Encoded: base64) ?? Data())
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension EmbeddedFile {
    init(_ path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
