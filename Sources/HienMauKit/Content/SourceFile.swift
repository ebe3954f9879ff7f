import Foundation

/// A text file read from the site, with its path relative to the site root
/// and a way to show one of its lines in a message.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String

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
    }

    /// The text of line `number` (1-based), without its line end.
    public func line(_ number: Int) -> String? {
        guard number > 0 else { return nil }
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" {
                if current == number { return String(text[start..<index]) }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? String(text[start...]) : nil
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
