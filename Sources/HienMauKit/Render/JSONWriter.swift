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

    func serialized(indent: Int = 0) -> String {
        String(decoding: serializedBytes(indent: indent), as: UTF8.self)
    }

    /// The JSON as UTF-8, ending with a line end.
    func serializedBytes(indent: Int = 0) -> [UInt8] {
        var out = TextBuffer()
        write(into: &out, indent: indent)
        out.append(byte: UInt8(ascii: "\n"))
        return out.bytes
    }

    private func write(into out: inout TextBuffer, indent: Int) {
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in pairs.enumerated() {
                out.append(repeating: UInt8(ascii: " "), count: 2 * indent + 2)
                Self.quote(key, into: &out)
                out.append(": ")
                value.write(into: &out, indent: indent + 1)
                out.append(i < pairs.count - 1 ? ",\n" : "\n")
            }
            out.append(repeating: UInt8(ascii: " "), count: 2 * indent)
            out.append(byte: UInt8(ascii: "}"))
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(repeating: UInt8(ascii: " "), count: 2 * indent + 2)
                item.write(into: &out, indent: indent + 1)
                out.append(i < items.count - 1 ? ",\n" : "\n")
            }
            out.append(repeating: UInt8(ascii: " "), count: 2 * indent)
            out.append(byte: UInt8(ascii: "]"))
        case .string(let text): Self.quote(text, into: &out)
        case .int(let value): out.append(value)
        case .double(let value): out.append(value.isFinite ? "\(value)" : "null")
        case .null: out.append("null")
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
