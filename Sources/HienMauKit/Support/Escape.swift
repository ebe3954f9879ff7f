/// Escaping for each place a string from content or data can land.
public enum Escape {
    /// HTML and XML text and attribute values (also SVG, the feed and the sitemap).
    public static func html(_ text: String) -> String {
        // Most values (names, numbers, dates) hold nothing to escape: returned as they are.
        guard text.utf8.contains(where: needsWork) else { return text }
        var out = TextBuffer(capacity: text.utf8.count + 16)
        html(text, into: &out)
        return out.text
    }

    /// The same, appended to `out` without an intermediate string; the runs
    /// between escapes are copied whole.
    static func html(_ text: String, into out: inout TextBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices where needsWork(bytes[i]) {
                out.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch bytes[i] {
                case UInt8(ascii: "&"): out.append("&amp;")
                case UInt8(ascii: "<"): out.append("&lt;")
                case UInt8(ascii: ">"): out.append("&gt;")
                case UInt8(ascii: "\""): out.append("&quot;")
                case UInt8(ascii: "'"): out.append("&#39;")
                default: continue  // control characters other than tab and line ends are dropped
                }
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0..<0x20: return byte != 0x09 && byte != 0x0A && byte != 0x0D
        default: return false
        }
    }

    /// A CSV cell: quoted when needed, and guarded against spreadsheet formulas
    /// (a cell starting with `=`, `+`, `-` or `@` gets a leading `'`).
    public static func csvCell(_ text: String) -> String {
        var out = TextBuffer()
        csvCell(text, into: &out)
        return out.text
    }

    /// The same, appended to `out`. Works on bytes: every character that
    /// matters is ASCII, so a comma followed by a combining mark is still seen.
    static func csvCell(_ text: String, into out: inout TextBuffer) {
        let formula = text.utf8.first.map { "=+-@\t\r".utf8.contains($0) } == true && Int(text) == nil
        let quoted = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard formula || quoted else { return out.append(text) }
        if quoted { out.append(byte: UInt8(ascii: "\"")) }
        if formula { out.append(byte: UInt8(ascii: "'")) }
        if quoted {
            for byte in text.utf8 {
                out.append(byte: byte)
                if byte == UInt8(ascii: "\"") { out.append(byte: byte) }
            }
            out.append(byte: UInt8(ascii: "\""))
        } else {
            out.append(text)
        }
    }
}
