/// Reads the YAML that write-ups are made of without a YAML parser:
/// `key: value` lines with plain or simply quoted values, and `- item` lists
/// under a key. Anything else returns nil and Yams reads the text, so this
/// only has to be right about what it accepts; a test compares the two on
/// every write-up of the sample site and of generated corpora.
///
/// Yams takes about 80 µs for a write-up's fifteen lines; this takes a few.
enum PlainYAML {
    static func read(_ text: String) -> YAMLValue? {
        var reader = Reader()
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            reader.lineNumber += 1
            guard reader.read(Array(line)) else { return nil }
        }
        reader.closeList()
        guard let first = reader.pairs.first else { return nil }
        return .pairs(reader.pairs, mark: first.keyMark)
    }

    /// The pairs read so far, line by line, and the list under the last key.
    private struct Reader {
        var pairs: [YAMLPair] = []
        var keys = Set<String>()
        var list: OpenList?
        var lineNumber = 0

        /// A `key:` with nothing after it, and the `- item` lines read under it.
        struct OpenList {
            var key: String
            var keyMark: YAMLMark
            var items: [YAMLValue] = []
            var indent = 0
            var mark: YAMLMark
        }

        /// Reads one line; false when it is beyond what this reads.
        mutating func read(_ bytes: [UInt8]) -> Bool {
            guard allPrintable(bytes) else { return false }
            if bytes.isEmpty { return true }
            if bytes[0] == UInt8(ascii: "#") { return true }

            var indent = 0
            while indent < bytes.count && bytes[indent] == 0x20 { indent += 1 }
            if indent == bytes.count { return true }
            if bytes[indent] == UInt8(ascii: "-") { return readItem(bytes, indent: indent) }
            guard indent == 0 else { return false }
            closeList()
            return readPair(bytes)
        }

        /// `- item` under a `key:` with nothing after it.
        private mutating func readItem(_ bytes: [UInt8], indent: Int) -> Bool {
            guard var open = list, indent + 1 < bytes.count, bytes[indent + 1] == 0x20,
                open.items.isEmpty || open.indent == indent
            else { return false }
            if open.items.isEmpty {
                open.indent = indent
                open.mark = YAMLMark(line: lineNumber, column: indent + 1)
            }
            var start = indent + 2
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
            guard start < bytes.count, let item = scalar(bytes, from: start, line: lineNumber) else { return false }
            open.items.append(item)
            list = open
            return true
        }

        /// `key: value`, or `key:` that a list may follow.
        private mutating func readPair(_ bytes: [UInt8]) -> Bool {
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                bytes[..<colon].allSatisfy(isKeyByte), isKeyStart(bytes[0])
            else { return false }
            // libyaml looks no further than 1,024 characters for a key's colon.
            guard colon < 1_000 else { return false }
            let key = String(decoding: bytes[..<colon], as: UTF8.self)
            guard keys.insert(key).inserted else { return false }  // Yams reports the repeat
            let keyMark = YAMLMark(line: lineNumber, column: 1)
            // An empty value is marked just after the colon, however many spaces follow.
            let emptyMark = YAMLMark(line: lineNumber, column: colon + 2)
            var start = colon + 1
            if start == bytes.count {
                list = OpenList(key: key, keyMark: keyMark, mark: emptyMark)
                return true
            }
            guard bytes[start] == 0x20 else { return false }
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
            if start == bytes.count {
                list = OpenList(key: key, keyMark: keyMark, mark: emptyMark)
                return true
            }
            guard let value = scalar(bytes, from: start, line: lineNumber) else { return false }
            pairs.append(YAMLPair(key: key, keyMark: keyMark, value: value))
            return true
        }

        /// The open list becomes its key's value; no items make an empty value.
        mutating func closeList() {
            guard let open = list else { return }
            let value: YAMLValue =
                open.items.isEmpty
                ? .scalar("", plain: true, mark: open.mark)
                : .list(open.items, mark: open.mark)
            pairs.append(YAMLPair(key: open.key, keyMark: open.keyMark, value: value))
            list = nil
        }
    }

    /// A value running to the end of the line: `"text"` with no escapes, or
    /// plain text that cannot be read as anything but text or a number.
    private static func scalar(_ bytes: [UInt8], from start: Int, line: Int) -> YAMLValue? {
        var end = bytes.count
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        let value = bytes[start..<end]
        // Columns count Unicode scalars, as libyaml does: the key and the marks before are ASCII.
        let mark = YAMLMark(line: line, column: start + 1)
        if value.first == UInt8(ascii: "\"") {
            guard value.count >= 2, value.last == UInt8(ascii: "\""),
                !value.dropFirst().dropLast().contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            else { return nil }
            return .scalar(String(decoding: value.dropFirst().dropLast(), as: UTF8.self), plain: false, mark: mark)
        }
        guard let first = value.first, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) else { return nil }
        // `: ` and ` #` would start a mapping or a comment; a final `:` a key.
        for i in value.indices.dropLast() {
            if value[i] == UInt8(ascii: ":") && value[i + 1] == 0x20 { return nil }
            if value[i] == 0x20 && value[i + 1] == UInt8(ascii: "#") { return nil }
        }
        if value.last == UInt8(ascii: ":") { return nil }
        return .scalar(String(decoding: value, as: UTF8.self), plain: true, mark: mark)
    }

    /// What YAML takes as printable and not a line break. Tabs, carriage
    /// returns, control characters, the byte-order mark, and NEL, LS and PS
    /// (line breaks in YAML 1.1) all have rules of their own: left to Yams.
    private static func allPrintable(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F { return false }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return false }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                return false
            }
            if b == 0xEF, i + 2 < bytes.count,
                (bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
                    || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE)
            {
                return false
            }
            i += 1
        }
        return true
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
    }
}
