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
    /// between escapes are copied whole. Bidi embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) are dropped: a right-to-left
    /// override in a donor's name would show it reversed, or make one name
    /// look like another. Right-to-left letters keep their own direction.
    static func html(_ text: String, into out: inout TextBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                guard needsWork(byte) else {
                    i += 1
                    continue
                }
                if byte == 0xE2 && !Bidi.isControl(bytes, at: i) {
                    i += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                switch byte {
                case UInt8(ascii: "&"): out.append("&amp;")
                case UInt8(ascii: "<"): out.append("&lt;")
                case UInt8(ascii: ">"): out.append("&gt;")
                case UInt8(ascii: "\""): out.append("&quot;")
                case UInt8(ascii: "'"): out.append("&#39;")
                case 0xE2: i += 2  // a bidi control, dropped
                default: break  // control characters other than tab and line ends are dropped
                }
                i += 1
                run = i
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xE2:
            return true
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
        // A spreadsheet shows a right-to-left override as a page does: dropped here too.
        let text = Bidi.contains(text) ? Bidi.removing(from: text) : text
        let formula = text.utf8.first.map { "=+-@\t\r".utf8.contains($0) } == true && Int(text) == nil
        let quoted = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
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

/// The bidi formatting characters that change how the text around them is
/// ordered: embeddings and overrides (U+202A–U+202E) and isolates
/// (U+2066–U+2069), three bytes in UTF-8 (E2 80 AA–AE, E2 81 A6–A9).
enum Bidi {
    static func isControl(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 2 < bytes.count, bytes[i] == 0xE2 else { return false }
        return (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]))
            || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func contains(_ text: String) -> Bool {
        text.utf8.contains(0xE2) && text.unicodeScalars.contains(where: isControl)
    }

    static func removing(from text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }
}
