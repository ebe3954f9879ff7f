import Foundation

/// URL slugs by the DESIGN rule: decompose Unicode, drop combining marks,
/// `đ`/`Đ` → `d`, lower-case, every run of other characters → `-`, trimmed.
///
/// "Hành trình “Giọt máu nghĩa tình” 2023" → `hanh-trinh-giot-mau-nghia-tinh-2023`
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in Diacritics.decomposed(text) {
            // ASCII (most of a Vietnamese title once decomposed) needs no Unicode tables.
            if scalar.isASCII {
                var byte = UInt8(scalar.value)
                if (0x41...0x5A).contains(byte) { byte += 0x20 }
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    if pendingDash && !out.isEmpty { out += "-" }
                    pendingDash = false
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    pendingDash = true
                }
                continue
            }
            if Diacritics.isNonspacingMark(scalar) { continue }
            let lower = Diacritics.withoutStroke(scalar).properties.lowercaseMapping
            if lower.count == 1, let c = lower.unicodeScalars.first, c.isASCII,
                ("a"..."z").contains(c) || ("0"..."9").contains(c)
            {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(c)
            } else {
                pendingDash = true
            }
        }
        return out
    }
}
