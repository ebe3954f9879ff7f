/// A file of the finished site: its path under the output folder and its bytes.
/// Pages are made as UTF-8 bytes and written as they are: a String would
/// check every byte of a 370 MB site once more on the way to the disk.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, contents: String) {
        self.init(path: path, bytes: Array(contents.utf8))
    }

    /// The text, for readers of the output (tests, `serve`'s error pages).
    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}
