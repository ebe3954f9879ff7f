import Foundation

/// `donations.xlsx` as a `RecordSource`: every sheet in tab order, each row
/// a record whose fields are the sheet's columns from A, as text — numbers
/// without a decimal point when whole, date cells as `YYYY-MM-DD` — so that
/// the same row maker and column parsers read it as they read a CSV. A
/// record's `sheet` says which sheet it is on; its line is the sheet's row
/// number and field i is column i + 1.
struct WorkbookRecordSource: RecordSource {
    let file: String
    let workbook: Workbook

    init(file: String, workbook: Workbook) {
        self.file = file
        self.workbook = workbook
    }

    mutating func readRecords(_ take: (RawRecord) -> Bool) -> Diagnostic? {
        var record = RecordBuilder()
        for (index, sheet) in workbook.sheets.enumerated() {
            var stopped = false
            // Rows arrive with their cells as far as the last one that holds
            // anything; each is padded to the widest row so far, so that a
            // sheet's data rows have the header's width.
            var width = 0
            do {
                let problems = try withoutActuallyEscaping(take) { take in
                    try workbook.rows(of: sheet) { row in
                        guard !stopped else { return }
                        width = min(max(width, row.cells.last?.column ?? 0), CellReference.maxColumn)
                        record.fill(row, width: width)
                        stopped = !record.withRaw(line: row.row, sheet: Int32(index)) { take($0) }
                    }
                }
                // A cell the reader cannot make sense of means a damaged file: the reading stops there.
                if let first = problems.first {
                    return WorkbookError(
                        first.message, hint: WorkbookError.resaveHint, sheet: sheet.name, cell: first.cell
                    )
                    .diagnostic(file: file)
                }
            } catch let error as WorkbookError {
                var located = error
                located.sheet = located.sheet ?? sheet.name
                return located.diagnostic(file: file)
            } catch {
                return WorkbookError.notAWorkbook("\(error)").diagnostic(file: file)
            }
            if stopped { break }
        }
        return nil
    }
}

/// The bytes and field spans of one workbook row, reused from row to row.
/// Only the cells that hold text are stored (`RawRecord`): a row padded to
/// a sheet's width takes no memory for its empty cells.
struct RecordBuilder {
    var bytes: [UInt8] = []
    var spans: [FieldSpan] = []
    var starts: [CSVReader.FieldStart] = []
    var width = 1

    mutating func fill(_ row: WorkbookRow, width: Int) {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        self.width = max(width, 1)
        var last = 0
        // In column order, once each (a cell out of order, whose `r` goes back, is left out).
        for cell in row.cells where cell.column > last && cell.column <= self.width {
            last = cell.column
            let start = bytes.count
            cell.value.appendRecordText(to: &bytes)
            guard bytes.count > start else { continue }
            spans.append(FieldSpan(start: start, count: bytes.count - start, inScratch: false, index: cell.column - 1))
            starts.append(CSVReader.FieldStart(line: row.row, byteColumn: cell.column))
        }
        // Where a field after the last would start: field i starts at column i + 1.
        starts.append(CSVReader.FieldStart(line: row.row, byteColumn: self.width + 1))
    }

    func withRaw<R>(line: Int, sheet: Int32, _ body: (RawRecord) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                starts.withUnsafeBufferPointer { starts in
                    body(
                        RawRecord(
                            bytes: bytes, scratch: UnsafeBufferPointer(start: nil, count: 0), spans: spans,
                            starts: starts, line: line, range: 0..<bytes.count, sheet: sheet, fieldCount: width))
                }
            }
        }
    }
}

extension CellValue {
    /// The text the column parsers read (what a CSV saved from the sheet would hold), written
    /// without a String for the usual cells: every cell of every row goes through here.
    func appendRecordText(to bytes: inout [UInt8]) {
        switch self {
        case .text(let text): bytes.append(contentsOf: text.utf8)
        case .date(let day):
            Self.digits(day.year, width: 4, to: &bytes)
            bytes.append(0x2D)
            Self.digits(day.month, width: 2, to: &bytes)
            bytes.append(0x2D)
            Self.digits(day.day, width: 2, to: &bytes)
        case .number(let number) where number == number.rounded() && number >= 0 && number < 1e15:
            Self.digits(Int(number), width: 1, to: &bytes)
        default: bytes.append(contentsOf: shown.utf8)
        }
    }

    private static func digits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var buffer: [UInt8] = []
        var n = value
        repeat {
            buffer.append(UInt8(0x30 + n % 10))
            n /= 10
        } while n > 0
        for _ in buffer.count..<max(width, buffer.count) { bytes.append(0x30) }
        bytes.append(contentsOf: buffer.reversed())
    }
}

extension WorkbookError {
    /// At the file, and at the cell's row and column when known; the sheet
    /// and cell are named in the message, so that `--format github` keeps them.
    func diagnostic(file: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: cell?.row ?? 0, column: cell?.column ?? 0)
        return Diagnostic(.error, at: location, message.placed(sheet: sheet, cell: cell), hint: hint)
    }
}

extension Message {
    /// ` (trang "04-08", ô D42)` after the message.
    func placed(sheet: String?, cell: CellReference?) -> Message {
        guard let sheet else { return self }
        guard let cell else { return Message(vi: vi + " (trang \"\(sheet)\")", en: en + " (sheet \"\(sheet)\")") }
        return Message(vi: vi + " (trang \"\(sheet)\", ô \(cell))", en: en + " (sheet \"\(sheet)\", cell \(cell))")
    }
}
