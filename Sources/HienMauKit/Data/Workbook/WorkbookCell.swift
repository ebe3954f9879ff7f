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

    var kind: CellKind {
        switch self {
        case .text: return .text
        case .number: return .number
        case .date: return .date
        case .bool: return .bool
        case .error: return .error
        }
    }
}

/// Which `CellValue` a cell's record text stands for.
enum CellKind: UInt8, Sendable {
    case text, number, date, bool, error
}

/// One cell that holds something; empty cells are not listed.
struct WorkbookCell: Equatable, Sendable {
    var column: Int
    var value: CellValue
}

/// One row of a sheet: the record text of each cell that holds something
/// (what a CSV saved from the sheet would hold: whole numbers without a
/// decimal point, dates as `YYYY-MM-DD`), one after another in one buffer,
/// in column order, merged ranges filled in. Every cell of every row is
/// read into this form, so it is made without a `String` per cell.
struct WorkbookRow: Equatable, Sendable {
    struct Span: Equatable, Sendable {
        var column: Int
        var kind: CellKind
        var start: Int
        var count: Int
    }

    /// 1-based row number in the sheet.
    var row: Int
    private(set) var text: [UInt8] = []
    private(set) var spans: [Span] = []

    init(row: Int) {
        self.row = row
    }

    /// A row from typed cells, in column order.
    init(row: Int, cells: [WorkbookCell]) {
        self.row = row
        for cell in cells { append(column: cell.column, value: cell.value) }
    }

    /// The cells as typed values: for tests and messages, not the reading path.
    var cells: [WorkbookCell] {
        spans.map { WorkbookCell(column: $0.column, value: value(of: $0)) }
    }

    var isEmpty: Bool { spans.isEmpty }
    var lastColumn: Int { spans.last?.column ?? 0 }

    /// The cell in `column`, if it holds anything.
    func value(at column: Int) -> CellValue? {
        spans.first { $0.column == column }.map(value(of:))
    }

    func bytes(of span: Span) -> ArraySlice<UInt8> {
        text[span.start..<span.start + span.count]
    }

    mutating func start(row: Int) {
        self.row = row
        text.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// Adds a cell whose record text the caller writes into `text` through `write`.
    mutating func append(column: Int, kind: CellKind, write: (inout [UInt8]) -> Void) {
        let start = text.count
        write(&text)
        spans.append(Span(column: column, kind: kind, start: start, count: text.count - start))
    }

    mutating func append(column: Int, kind: CellKind, bytes: some Collection<UInt8>) {
        append(column: column, kind: kind) { $0.append(contentsOf: bytes) }
    }

    mutating func append(column: Int, value: CellValue) {
        append(column: column, kind: value.kind) { value.appendRecordText(to: &$0) }
    }

    /// Drops the cell in `column`, if there is one.
    mutating func remove(column: Int) {
        spans.removeAll { $0.column == column }
    }

    mutating func sortByColumn() {
        spans.sort { $0.column < $1.column }
    }

    private func value(of span: Span) -> CellValue {
        let string = String(decoding: bytes(of: span), as: UTF8.self)
        switch span.kind {
        case .text: return .text(string)
        case .number: return .number(Double(string) ?? .nan)
        case .date: return Day(parsing: string).map(CellValue.date) ?? .text(string)
        case .bool: return .bool(string == "TRUE")
        case .error: return .error(string)
        }
    }
}

extension CellValue {
    /// The text the column parsers read (what a CSV saved from the sheet would hold).
    func appendRecordText(to bytes: inout [UInt8]) {
        switch self {
        case .text(let text): bytes.append(contentsOf: text.utf8)
        case .date(let day): Self.appendISO(day, to: &bytes)
        case .number(let number) where number == number.rounded() && number >= 0 && number < 1e15:
            Self.appendDigits(Int(number), width: 1, to: &bytes)
        default: bytes.append(contentsOf: shown.utf8)
        }
    }

    /// `YYYY-MM-DD`.
    static func appendISO(_ day: Day, to bytes: inout [UInt8]) {
        appendDigits(day.year, width: 4, to: &bytes)
        bytes.append(0x2D)
        appendDigits(day.month, width: 2, to: &bytes)
        bytes.append(0x2D)
        appendDigits(day.day, width: 2, to: &bytes)
    }

    /// A non-negative integer in decimal, zero-padded to `width`, without an intermediate buffer.
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits = 1, power = 10
        while power <= value, digits < 19 {
            digits += 1
            power &*= 10
        }
        for _ in digits..<max(width, digits) { bytes.append(0x30) }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(0x30, count: digits))
        var n = value, at = end
        repeat {
            at -= 1
            bytes[at] = UInt8(0x30 + n % 10)
            n /= 10
        } while n > 0 && at > end - digits
    }
}
