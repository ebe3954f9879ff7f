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
        key.letters.reserveCapacity(text.utf8.count)
        key.tones.reserveCapacity(text.utf8.count)
        key.cases.reserveCapacity(text.utf8.count)
        for character in text {
            // Precomposed letters (NFC, as the CSV reader stores names) come from the table.
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, Int(scalar.value) < table.count,
                case let entry = table[Int(scalar.value)], entry.letter != 0
            {
                key.letters.append(entry.letter)
                key.tones.append(entry.tone)
                key.cases.append(entry.upper)
                continue
            }
            let one = slowKey(character)
            key.letters.append(one.letter)
            key.tones.append(one.tone)
            key.cases.append(one.upper)
        }
        return key
    }

    struct Entry {
        var letter: UInt16
        var tone: UInt8
        var upper: UInt8
    }

    /// Latin up to Latin Extended-B and Latin Extended Additional (where Vietnamese's
    /// precomposed letters live), worked out once with the slow path; letter 0 = not in the table.
    static let table: [Entry] = (0..<0x1F00).map { value in
        guard value < 0x250 || value >= 0x1E00, let scalar = Unicode.Scalar(UInt32(value)) else {
            return Entry(letter: 0, tone: 0, upper: 0)
        }
        return slowKey(Character(scalar))
    }

    /// One character's weights through canonical decomposition.
    static func slowKey(_ character: Character) -> Entry {
        let scalars = Diacritics.decomposed(String(character))
        guard var base = scalars.first else { return Entry(letter: 0, tone: 0, upper: 0) }
        let isUpper = base.properties.isUppercase
        base = base.properties.lowercaseMapping.unicodeScalars.first ?? base
        var modifier: Unicode.Scalar?
        var tone: UInt8 = 0
        for mark in scalars.dropFirst() {
            switch Diacritics.vietnameseMark(mark) {
            case .letter: modifier = mark
            case .tone(let value): tone = value
            case nil: break
            }
        }
        return Entry(letter: weight(base, modifier), tone: tone, upper: isUpper ? 1 : 0)
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
        if base.properties.numericType != nil, let digit = base.properties.numericValue {
            return UInt16(10 + Int(digit))
        }
        return UInt16(truncatingIfNeeded: 2000 + Int(base.value % 60000))
    }

    /// The given name: the last word of a Vietnamese full name.
    public static func givenName(_ fullName: String) -> String {
        fullName.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? fullName
    }
}
