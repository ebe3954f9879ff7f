/// A file of the finished site: its path under the output folder and its text.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Byte equality: String's == would call NFC and NFD text equal, and output must be byte-identical.
    public static func == (a: OutputFile, b: OutputFile) -> Bool {
        a.path == b.path && sameBytes(a.contents, b.contents)
    }
}
