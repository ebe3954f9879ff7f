/// Numbers and dates the Vietnamese way, by hand so that the machine's locale
/// never changes a page: `26.203`, `26,5 %`, `4/8/2023`.
public enum VietnameseFormat {
    /// Thousands grouped with `.`: 26203 → `26.203`.
    public static func integer(_ value: Int) -> String {
        grouped(value, separator: UInt8(ascii: "."))
    }

    /// Digits in groups of three: `1.234.567` (or with `,` in English).
    static func grouped(_ value: Int, separator: UInt8) -> String {
        if value > -1000 && value < 1000 { return String(value) }
        let digits = Array(String(value.magnitude).utf8)
        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A ratio as a percentage with one decimal and a comma: 0.265 → `26,5 %`.
    /// The space is a no-break space so the sign never wraps away from its number.
    public static func percent(_ ratio: Double) -> String {
        let tenths = Int((ratio * 1000).rounded())
        return integer(tenths / 10) + "," + String(abs(tenths % 10)) + "\u{00A0}%"
    }

    /// `D/M/YYYY` without leading zeros.
    public static func date(_ day: Day) -> String {
        "\(day.day)/\(day.month)/\(day.year)"
    }
}

/// The same figures in English, for `language: en`.
public enum EnglishFormat {
    public static func integer(_ value: Int) -> String {
        VietnameseFormat.grouped(value, separator: UInt8(ascii: ","))
    }

    public static func percent(_ ratio: Double) -> String {
        let tenths = Int((ratio * 1000).rounded())
        return integer(tenths / 10) + "." + String(abs(tenths % 10)) + "%"
    }

    public static func date(_ day: Day) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }
}
