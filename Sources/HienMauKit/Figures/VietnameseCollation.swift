import Foundation

/// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
/// letters first, tones (none, huyền, hỏi, ngã, sắc, nặng) only when the letters tie,
/// case last. Foundation's locale collation depends on the machine's ICU data;
/// this does not, so the honour roll's order is the same everywhere.
public enum VietnameseCollation {
    public struct Key: Comparable, Hashable, Sendable {
        var letters: [UInt16]
        var tones: [UInt8]
        var cases: [UInt8]

        public static func < (a: Key, b: Key) -> Bool {
            if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
            return a.cases.lexicographicallyPrecedes(b.cases)
        }
    }

    public static func key(_ text: String) -> Key {
        var key = Key(letters: [], tones: [], cases: [])
        for character in text {
            let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard var base = scalars.first else { continue }
            let isUpper = base.properties.isUppercase
            base = base.properties.lowercaseMapping.unicodeScalars.first ?? base
            var modifier: Unicode.Scalar?
            var tone: UInt8 = 0
            for mark in scalars.dropFirst() {
                switch mark.value {
                case 0x0306, 0x0302, 0x031B: modifier = mark  // breve, circumflex, horn
                case 0x0300: tone = 1  // huyền
                case 0x0309: tone = 2  // hỏi
                case 0x0303: tone = 3  // ngã
                case 0x0301: tone = 4  // sắc
                case 0x0323: tone = 5  // nặng
                default: break
                }
            }
            key.letters.append(weight(base, modifier))
            key.tones.append(tone)
            key.cases.append(isUpper ? 1 : 0)
        }
        return key
    }

    static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    static let letterWeights: [String: UInt16] = {
        var weights: [String: UInt16] = [:]
        for (i, letter) in alphabet.enumerated() { weights[letter] = UInt16(1000 + i) }
        return weights
    }()

    static func weight(_ base: Unicode.Scalar, _ modifier: Unicode.Scalar?) -> UInt16 {
        var letter = String(base)
        if let modifier { letter = (letter + String(modifier)).precomposedStringWithCanonicalMapping }
        if let weight = letterWeights[letter] { return weight }
        if let weight = letterWeights[String(base)] { return weight }
        if base == " " { return 1 }
        if base.properties.numericType != nil, let digit = base.properties.numericValue { return UInt16(10 + Int(digit)) }
        return UInt16(truncatingIfNeeded: 2000 + Int(base.value % 60000))
    }

    /// The given name: the last word of a Vietnamese full name.
    public static func givenName(_ fullName: String) -> String {
        fullName.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? fullName
    }
}
