/// Other readings of a date cell than the contract's, to word why it is
/// refused: a two-digit year, or a date written month first (a machine with
/// US regional settings saves `8/25/2023` for 25 August).
enum DateReadings {
    /// `D/M/YY`: the parts, when the year has only two digits.
    static func hasTwoDigitYear(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return parts[2].count == 2 && parts[0].count <= 2 && parts[1].count <= 2
    }

    /// `M/D/YYYY` read month first; nil unless the text has that shape and it is a day.
    static func monthFirst(_ text: String) -> Day? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// "ngày 4 tháng 8 năm 2023": a day that cannot be read two ways.
    static func spelled(_ day: Day) -> String {
        "ngày \(day.day) tháng \(day.month) năm \(day.year)"
    }

    static let twoDigitYear = (
        Message(vi: "năm có hai chữ số: không biết là thế kỷ nào", en: "the year has two digits: which century?"),
        Message(
            vi:
                "viết năm đủ bốn chữ số (4/8/2023); trong Excel, định dạng cột ngày là dd/mm/yyyy trước khi lưu CSV, hoặc dùng thẳng tệp .xlsx",
            en:
                "write the year in four digits (4/8/2023); in Excel, format the date column as dd/mm/yyyy before saving as CSV, or use the .xlsx itself"
        )
    )

    static let usSettingsHint = Message(
        vi:
            "tệp có vẻ đã được lưu trên máy cài đặt vùng Hoa Kỳ (tháng trước ngày); lưu lại với ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD, hoặc dùng thẳng tệp .xlsx",
        en:
            "the file seems saved on a machine with US regional settings (month first); save it again with dates as dd/mm/yyyy or YYYY-MM-DD, or use the .xlsx itself"
    )
}
