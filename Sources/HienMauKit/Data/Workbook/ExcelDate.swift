/// Excel's dates: a number of days since an epoch, told apart from other
/// numbers only by the cell's number format.
enum ExcelDate {
    /// The day of `serial` (the time of day, its fraction, dropped), or nil
    /// for a serial before the epoch, past 9999, or the 29 February 1900
    /// that Excel's 1900 system counts though it never was.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let epoch1970 = 25_569  // 1970-01-01 in the 1900 system
        if date1904 {
            return Day(ordinal: whole + Day(year: 1904, month: 1, day: 1)!.ordinal)
        }
        if whole == 60 || whole == 0 { return nil }
        // Serials below 60 are a day off: Excel counts a 29 February 1900.
        let corrected = whole < 60 ? whole + 1 : whole
        return Day(ordinal: corrected - epoch1970)
    }

    /// Whether a number format shows a date: the built-in date formats, and
    /// any format code with day, month or year parts outside quotes and
    /// brackets (`dd/mm/yyyy`, `DD/MM/YY`, `[$-42A]d mmmm yyyy`).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        switch id {
        case 14...17, 22, 27...36, 50...58: return true
        case 0...13, 18...21, 37...49: return false
        default: break
        }
        guard let code else { return false }
        var letters = Set<Character>(), inQuotes = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBracket = true
            case "]" where !inQuotes: inBracket = false
            default: if !inQuotes && !inBracket { letters.insert(character) }
            }
        }
        if code.lowercased() == "general" { return false }
        let hasTime = letters.contains("h") || letters.contains("s")
        return letters.contains("d") || letters.contains("y") || (letters.contains("m") && !hasTime)
    }
}
