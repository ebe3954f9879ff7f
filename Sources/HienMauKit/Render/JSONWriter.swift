/// A small JSON writer that keeps keys in the order written (the order of
/// DESIGN.md), so the files read well and are byte-identical across builds.
indirect enum JSON {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case double(Double)
    case null

    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The JSON as UTF-8, ending with a line end.
    func serializedBytes() -> [UInt8] {
        var stream = JSONStream()
        write(to: &stream)
        return stream.finish()
    }

    func write(to stream: inout JSONStream) {
        switch self {
        case .object(let pairs):
            stream.beginObject()
            for (key, value) in pairs {
                stream.key(key)
                value.write(to: &stream)
            }
            stream.end()
        case .array(let items):
            stream.beginArray()
            for item in items { item.write(to: &stream) }
            stream.end()
        case .string(let text): stream.string(text)
        case .int(let value): stream.int(value)
        case .double(let value): stream.double(value)
        case .null: stream.string(nil)
        }
    }

    /// Appends `text` quoted; text with nothing to escape (the usual case) is copied whole.
    static func quote(_ text: String, into out: inout TextBuffer) {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0xE2 }
        if plain {
            out.append(byte: UInt8(ascii: "\""))
            out.append(text)
            out.append(byte: UInt8(ascii: "\""))
        } else {
            out.append(quote(text))
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // `<` is escaped so that JSON can be inlined into a page without closing a script.
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// JSON written straight into a buffer as it is made, two spaces an indent.
/// `data/campaigns.json` runs to 70 MB at 10,000 campaigns: building it as a
/// `JSON` tree first cost more than writing it.
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
        JSON.quote(name, into: &out)
        out.append(": ")
    }

    /// A string, or null.
    mutating func string(_ text: String?) {
        beforeValue()
        if let text { JSON.quote(text, into: &out) } else { out.append("null") }
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
}
