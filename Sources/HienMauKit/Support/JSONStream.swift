/// JSON written straight into a buffer as it is made, two spaces an indent,
/// keys in the order written (the order of DESIGN.md), so the files read well
/// and are byte-identical across builds. `data/campaigns.json` runs to 70 MB
/// at 10,000 campaigns: nothing is built as a tree first.
struct JSONStream {
    private var out = TextBuffer(capacity: 1 << 16)
    /// The open objects and arrays, innermost last, and whether each is still empty.
    private var open: [(isArray: Bool, empty: Bool)] = []

    mutating func beginObject() { begin(UInt8(ascii: "{"), isArray: false) }
    mutating func beginArray() { begin(UInt8(ascii: "["), isArray: true) }

    /// Closes the innermost object or array.
    mutating func end() {
        let closed = open.removeLast()
        if !closed.empty {
            out.append(byte: 0x0A)
            out.append(repeating: UInt8(ascii: " "), count: 2 * open.count)
        }
        out.append(byte: closed.isArray ? UInt8(ascii: "]") : UInt8(ascii: "}"))
    }

    /// A key of the innermost object; its value follows.
    mutating func key(_ name: String) {
        newItem()
        Self.quote(name, into: &out)
        out.append(": ")
    }

    /// A string, or null.
    mutating func string(_ text: String?) {
        beforeValue()
        if let text { Self.quote(text, into: &out) } else { out.append("null") }
    }

    mutating func int(_ value: Int?) {
        beforeValue()
        if let value { out.append(value) } else { out.append("null") }
    }

    mutating func double(_ value: Double?) {
        beforeValue()
        if let value, value.isFinite { out.append("\(value)") } else { out.append("null") }
    }

    mutating func field(_ name: String, _ text: String?) {
        key(name)
        string(text)
    }

    mutating func field(_ name: String, _ value: Int?) {
        key(name)
        int(value)
    }

    /// The bytes, with a line end after the last.
    mutating func finish() -> [UInt8] {
        out.append(byte: 0x0A)
        return out.bytes
    }

    private mutating func begin(_ bracket: UInt8, isArray: Bool) {
        beforeValue()
        out.append(byte: bracket)
        open.append((isArray, true))
    }

    /// In an array a value is an item of its own; in an object it follows its key.
    private mutating func beforeValue() {
        if open.last?.isArray == true { newItem() }
    }

    private mutating func newItem() {
        guard !open.isEmpty else { return }
        out.append(open[open.count - 1].empty ? "\n" : ",\n")
        open[open.count - 1].empty = false
        out.append(repeating: UInt8(ascii: " "), count: 2 * open.count)
    }

    /// Appends `text` quoted, copying the runs between escapes whole. `<` is
    /// escaped so that JSON can be inlined into a page without closing a
    /// script; U+2028 and U+2029 because older JavaScript reads them as line ends.
    static func quote(_ text: String, into out: inout TextBuffer) {
        out.append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var length = 1
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                case 0xE2
                where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                case 0xE2 where Bidi.isControl(bytes, at: i):
                    // Kept as data, written as an escape: no raw override reaches a viewer of the file.
                    escape =
                        "\\u20"
                        + String(
                            bytes[i + 1] == 0x80 ? 0x2A + Int(bytes[i + 2] - 0xAA) : 0x66 + Int(bytes[i + 2] - 0xA6),
                            radix: 16)
                    length = 3
                default:
                    i += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(escape)
                i += length
                run = i
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(byte: UInt8(ascii: "\""))
    }
}
