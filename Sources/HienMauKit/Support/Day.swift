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

    /// `YYYY-MM-DD` or `D/M/YYYY` (also `DD/MM/YYYY`).
    public init?(parsing text: some StringProtocol) {
        // The usual `YYYY-MM-DD`, read from the bytes without splitting.
        var year = 0, month = 0, day = 0, count = 0, shaped = true
        for byte in text.utf8 {
            let digit = Int(byte) - 0x30
            switch count {
            case 0...3: if (0...9).contains(digit) { year = year * 10 + digit } else { shaped = false }
            case 4, 7: if byte != 0x2D { shaped = false }
            case 5, 6: if (0...9).contains(digit) { month = month * 10 + digit } else { shaped = false }
            case 8, 9: if (0...9).contains(digit) { day = day * 10 + digit } else { shaped = false }
            default: shaped = false
            }
            count += 1
            if !shaped { break }
        }
        if shaped && count == 10 {
            self.init(year: year, month: month, day: day)
            return
        }
        let parts: [Substring]
        let s = Substring(text)
        if s.contains("-") {
            parts = s.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
        } else if s.contains("/") {
            parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
                  let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            return nil
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
