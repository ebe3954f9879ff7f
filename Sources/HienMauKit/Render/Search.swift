import Foundation

/// Text folded for matching without diacritics: "Giọt Máu" and "giot mau"
/// both become "giot mau". search.js folds the query the same way
/// (NFD, marks removed, đ → d, lower case).
enum Search {
    static func fold(_ text: String) -> String {
        var out = TextBuffer(capacity: text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII, most of any text once Vietnamese letters are looked up, needs no Unicode tables.
            let ascii = scalar.isASCII
            let space =
                ascii ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            // One space between words, for a simple substring match.
            if space {
                pendingSpace = !out.bytes.isEmpty
                continue
            }
            if pendingSpace {
                out.append(byte: 0x20)
                pendingSpace = false
            }
            if ascii {
                let byte = UInt8(scalar.value)
                out.append(byte: (0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            } else if Int(scalar.value) < table.count, let folded = table[Int(scalar.value)] {
                out.append(folded)
            } else {
                out.append(slowFold(scalar))
            }
        }
        return out.text
    }

    /// The folded form of the Latin letters (up to Latin Extended-B, and Latin
    /// Extended Additional where Vietnamese's letters are), worked out once;
    /// nil for the rest, which go the slow way.
    static let table: [String?] = (0..<0x1F00).map { value in
        guard value < 0x250 || value >= 0x1E00, let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        return slowFold(scalar)
    }

    static func slowFold(_ scalar: Unicode.Scalar) -> String {
        var out = ""
        for part in Diacritics.decomposed(String(scalar)) {
            // search.js removes the marks of this block (U+0300–U+036F), so the index does too.
            if (0x0300...0x036F).contains(part.value) { continue }
            out.unicodeScalars.append(
                contentsOf: Diacritics.withoutStroke(part).properties.lowercaseMapping.unicodeScalars)
        }
        return out
    }
}
