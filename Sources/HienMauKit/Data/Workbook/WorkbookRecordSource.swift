import Foundation

/// `donations.xlsx` as a `RecordSource`: every sheet in tab order, each row
/// a record whose fields are the sheet's columns from A, as text — numbers
/// without a decimal point when whole, date cells as `YYYY-MM-DD` — so that
/// the same row maker and column parsers read it as they read a CSV. A
/// record's `sheet` says which sheet it is on; its line is the sheet's row
/// number and field i is column i + 1.
struct WorkbookRecordSource: SheetRecordSource {
    let file: String
    let workbook: Workbook
    /// Sheets that are not donations (the awards, `AwardsSheet`), by index: not read.
    var skipped: Set<Int> = []

    init(file: String, workbook: Workbook) {
        self.file = file
        self.workbook = workbook
    }

    mutating func readRecords(_ take: (RawRecord) -> Bool) -> Diagnostic? {
        var record = RecordBuilder()
        for (index, sheet) in workbook.sheets.enumerated() where !skipped.contains(index) {
            var stopped = false
            // Rows arrive with their cells as far as the last one that holds
            // anything; each is padded to the widest row so far, so that a
            // sheet's data rows have the header's width.
            var width = 0
            do {
                let problems = try withoutActuallyEscaping(take) { take in
                    try workbook.rows(of: sheet) { row in
                        guard !stopped else { return }
                        width = min(max(width, row.lastColumn), CellReference.maxColumn)
                        record.fill(row, width: width)
                        stopped = !record.withRaw(row, sheet: Int32(index)) { take($0) }
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

/// The field spans of one workbook row, reused from row to row: each
/// points at a cell's text in the row. Only the cells that hold text have
/// one (`RawRecord`): a row padded to a sheet's width takes no memory for
/// its empty cells.
struct RecordBuilder {
    var spans: [FieldSpan] = []
    var starts: [CSVReader.FieldStart] = []
    var width = 1

    mutating func fill(_ row: WorkbookRow, width: Int) {
        spans.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        self.width = max(width, 1)
        var last = 0
        // In column order, once each (a cell out of order, whose `r` goes back, is left out).
        for cell in row.spans where cell.column > last && cell.column <= self.width {
            last = cell.column
            guard cell.count > 0 else { continue }
            spans.append(FieldSpan(start: cell.start, count: cell.count, inScratch: false, index: cell.column - 1))
            starts.append(CSVReader.FieldStart(line: row.row, byteColumn: cell.column))
        }
        // Where a field after the last would start: field i starts at column i + 1.
        starts.append(CSVReader.FieldStart(line: row.row, byteColumn: self.width + 1))
    }

    func withRaw<R>(_ row: WorkbookRow, sheet: Int32, _ body: (RawRecord) -> R) -> R {
        row.text.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                starts.withUnsafeBufferPointer { starts in
                    body(
                        RawRecord(
                            bytes: bytes, scratch: UnsafeBufferPointer(start: nil, count: 0), spans: spans,
                            starts: starts, line: row.row, range: 0..<bytes.count, sheet: sheet, fieldCount: width))
                }
            }
        }
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
