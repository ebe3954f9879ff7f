import Foundation

/// A text file read from the site, with its path relative to the site root
/// and a way to show one of its lines in a message.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String {
        didSet { lineStarts = Self.lineStarts(of: text) }
    }
    /// The UTF-8 offset where each line starts: finding the line of a
    /// message costs the same whichever line it is, so a file with thousands
    /// of messages is not read again from the top for each of them.
    private var lineStarts: [Int]

    /// Keeps `text` with a byte-order mark dropped and CRLF turned into LF, so
    /// that line numbers and the YAML/Markdown parsers see one kind of line end.
    public init(path: String, text: String) {
        self.path = path
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if Self.containsCR(text) {
            text = String(decoding: Self.droppingCRBeforeLF(Array(text.utf8)), as: UTF8.self)
        }
        self.text = text
        lineStarts = Self.lineStarts(of: text)
    }

    /// The text of line `number` (1-based), without its line end.
    public func line(_ number: Int) -> String? {
        guard number > 0, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        return String(
            decoding: utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)],
            as: UTF8.self)
    }

    private static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// A scan with `memchr`: most files have no CR, and this looks at every byte of every write-up.
    private static func containsCR(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(0x0D)
    }

    static func droppingCRBeforeLF(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() where !(byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }

    /// Where the value of front-matter `key` starts (line, column), for checks
    /// made after parsing; nil when the key is not written.
    func frontMatterValue(_ key: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() {
            if line.trimmingSuffixWhitespace == "---" { return nil }
            guard line.hasPrefix(key + ":") else { continue }
            let value = line.dropFirst(key.count + 1)
            let spaces = value.prefix(while: { $0 == " " }).count
            return (index + 1, key.count + 2 + spaces)
        }
        return nil
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
