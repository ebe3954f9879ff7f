/// What a cell holds once read: the value a spreadsheet program shows, typed.
enum CellValue: Equatable, Sendable {
    case text(String)
    /// A number cell that is not formatted as a date.
    case number(Double)
    /// A number cell formatted as a date, or an ISO date cell (`t="d"`); the time of day is dropped.
    case date(Day)
    case bool(Bool)
    /// `#REF!`, `#DIV/0!`, …
    case error(String)

    /// The value as the sheet shows it, near enough for a message: text as
    /// written, whole numbers without decimals, dates as D/M/YYYY.
    var shown: String {
        switch self {
        case .text(let text): return text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .date(let day): return "\(day.day)/\(day.month)/\(day.year)"
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .error(let code): return code
        }
    }
}

/// One cell that holds something; empty cells are not listed.
struct WorkbookCell: Equatable, Sendable {
    var column: Int
    var value: CellValue
}

/// One row of a sheet with its cells in column order (merged ranges filled in).
struct WorkbookRow: Equatable, Sendable {
    /// 1-based row number in the sheet.
    var row: Int
    var cells: [WorkbookCell]

    /// The cell in `column`, if it holds anything.
    func value(at column: Int) -> CellValue? {
        cells.first { $0.column == column }?.value
    }
}
