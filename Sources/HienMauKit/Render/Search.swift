import Foundation

/// Text folded for matching without diacritics: "Giọt Máu" and "giot mau"
/// both become "giot mau". search.js folds the query the same way
/// (NFD, marks removed, đ → d, lower case).
enum Search {
    static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // One space between words, for a simple substring match.
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            if Int(scalar.value) < table.count, let folded = table[Int(scalar.value)] {
                out += folded
            } else {
                out += slowFold(scalar)
            }
        }
        return out
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
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110: out.append("d")
            default: out.unicodeScalars.append(contentsOf: part.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }
}
