import Foundation

/// Text folded for matching without diacritics: "Giọt Máu" and "giot mau"
/// both become "giot mau". search.js folds the query the same way
/// (NFD, marks removed, đ → d, lower case).
enum Search {
    static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110: out.append("d")
            default: out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        // One space between words, for a simple substring match.
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
