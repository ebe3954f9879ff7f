/// A calendar day without a time zone: the build never depends on the
/// machine's clock or zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` or `D/M/YYYY` (also `DD/MM/YYYY`), every part ASCII digits:
    /// no sign, no space (`Int("+8")` would read `2023-+8-04` as a date).
    public init?(parsing text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes, without making a `String`: the donation
    /// records' dates are read this way, on both the quick and the careful path.
    @inline(__always)
    public init?(utf8 bytes: some Sequence<UInt8>) {
        var numbers = (0, 0, 0), digits = (0, 0, 0), part = 0, count = 0
        var separator: UInt8 = 0
        for b in bytes {
            // No date has more than ten bytes; stopping here also keeps the numbers small.
            count += 1
            guard count <= 10 else { return nil }
            if b >= 0x30 && b <= 0x39 {
                let d = Int(b) - 0x30
                switch part {
                case 0:
                    numbers.0 = numbers.0 * 10 + d
                    digits.0 += 1
                case 1:
                    numbers.1 = numbers.1 * 10 + d
                    digits.1 += 1
                default:
                    numbers.2 = numbers.2 * 10 + d
                    digits.2 += 1
                }
            } else if (b == 0x2D || b == 0x2F) && part < 2 && (separator == 0 || separator == b) {
                separator = b
                part += 1
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        if separator == 0x2D {
            guard digits == (4, 2, 2) else { return nil }
            self.init(year: numbers.0, month: numbers.1, day: numbers.2)
        } else {
            guard (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return nil }
            self.init(year: numbers.2, month: numbers.1, day: numbers.0)
        }
    }

    /// Whether `text` has the shape of a date (so that a bad one is "impossible", not "unreadable").
    public static func looksLikeDate(_ text: some StringProtocol) -> Bool {
        let digits = text.filter(\.isNumber).count
        return digits >= 5 && text.allSatisfy { $0.isNumber || $0 == "-" || $0 == "/" }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601, as JSON and the sitemap want it.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// Days since 1970-01-01, for distances between donations.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
