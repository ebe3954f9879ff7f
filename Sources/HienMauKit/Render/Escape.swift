/// Escaping for each place a string from content or data can land.
public enum Escape {
    /// HTML and XML text and attribute values (also SVG, the feed and the sitemap).
    public static func html(_ text: String) -> String {
        // Most values (names, numbers, dates) hold nothing to escape: returned as they are.
        guard text.utf8.contains(where: needsWork) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            // Control characters other than tab and line ends are not allowed in XML.
            case 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           Int(value) == nil
        {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        return value
    }
}
