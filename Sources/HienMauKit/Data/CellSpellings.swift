import Foundation

/// The blood groups, and the spellings people write them in.
enum BloodGroup {
    /// With Rh, then the ABO groups of records that do not note Rh ("O", "AB"):
    /// a group of their own, never guessed into one of the others.
    static let all = ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-", "O", "A", "B", "AB"]
    static let utf8: [[UInt8]] = all.map { Array($0.utf8) }

    /// "o+", "AB Rh-", "B −", "O dương" → "O+", "AB-", "B-", "O+": the spelling
    /// `ColumnParsers.bloodGroup` reads. Other text comes back changed but unread.
    static func usualSpelling(_ text: String) -> String {
        if all.contains(text) { return text }  // the usual case, checked first
        var s = text.uppercased().replacing("RH", with: "").replacing("−", with: "-")
            .replacing("DƯƠNG", with: "+").replacing("ÂM", with: "-")
        s.removeAll(where: { $0 == " " })
        return s
    }
}

/// The words of the `consent` column.
enum Consent {
    /// In NFC: "có" and "không" are also read without their marks.
    static let yes: [[UInt8]] = ["yes", "y", "true", "1", "c\u{F3}", "co", "x"].map { Array($0.utf8) }
    static let no: [[UInt8]] = ["no", "n", "false", "0", "kh\u{F4}ng", "khong"].map { Array($0.utf8) }

    /// "YES", "Có" (in NFC or NFD) → "yes", "có": the spelling `ColumnParsers.consent` reads.
    static func usualSpelling(_ text: String) -> String {
        text.lowercased().precomposedStringWithCanonicalMapping
    }
}
