/// One worksheet's XML, streamed: each `<row>` becomes a `WorkbookRow` with
/// typed values, merged ranges filled in from their top-left cell, and is
/// handed to `emit` at its end tag. Nothing of the sheet is kept but the
/// row being read and the values of merged ranges still open.
final class SheetHandler: XMLEventHandler {
    struct Context {
        var sharedStrings: [String]
        var isDateStyle: [Bool]
        var date1904: Bool
        /// Every merged range of the sheet (from `MergedRangeScanner`), by first row.
        var merges: [CellRange]
    }

    /// A cell that cannot be read; the reading goes on.
    struct Problem: Equatable {
        var cell: CellReference
        var message: Message
    }

    static let maxTextBytes = 32_767 * 4  // Excel's 32,767 characters, in UTF-8 at worst

    private let context: Context
    private let emit: (WorkbookRow) -> Void
    private(set) var problems: [Problem] = []
    private(set) var rowsSeen = 0

    private var row = WorkbookRow(row: 0, cells: [])
    private var inSheetData = false, inRow = false
    private var cell = CellReference(row: 1, column: 0)
    private var type = CellType.number
    private var style = 0
    private var collecting = false, inInline = false
    private var text: [UInt8] = []
    private var nextMerge = 0
    private var openMerges: [(range: CellRange, value: CellValue?)] = []

    init(context: Context, emit: @escaping (WorkbookRow) -> Void) {
        self.context = context
        self.emit = emit
    }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        if name.equals("c") {
            startCell(attributes)
        } else if name.equals("v") {
            collecting = true
            text.removeAll(keepingCapacity: true)
        } else if name.equals("is") {
            inInline = true
            text.removeAll(keepingCapacity: true)
        } else if name.equals("t") {
            collecting = inInline
        } else if name.equals("rPh") {
            collecting = false
        } else if name.equals("row") {
            startRow(attributes)
        } else if name.equals("sheetData") {
            inSheetData = true
        }
    }

    func end(_ name: XMLBytes) {
        if name.equals("v") || name.equals("t") {
            collecting = false
        } else if name.equals("is") {
            inInline = false
        } else if name.equals("c") {
            endCell()
        } else if name.equals("row") {
            endRow()
        } else if name.equals("sheetData") {
            inSheetData = false
        }
    }

    func text(_ bytes: XMLBytes) {
        guard collecting else { return }
        if text.count + bytes.count > Self.maxTextBytes {
            problem(Message(vi: "ô dài quá 32.767 ký tự", en: "the cell holds more than 32,767 characters"))
            collecting = false
            return
        }
        text.append(contentsOf: bytes)
    }

    private func startRow(_ attributes: XMLAttributes) {
        guard inSheetData else { return }
        let number = attributes.value("r")?.integer ?? row.row + 1
        row = WorkbookRow(row: min(max(number, row.row + 1), CellReference.maxRow), cells: [])
        cell = CellReference(row: row.row, column: 0)
        inRow = true
    }

    private func startCell(_ attributes: XMLAttributes) {
        guard inRow else { return }
        if let reference = attributes.value("r") {
            cell = CellReference(reference) ?? CellReference(row: row.row, column: cell.column + 1)
        } else {
            cell = CellReference(row: row.row, column: cell.column + 1)
        }
        type = attributes.value("t").map(CellType.init) ?? .number
        style = attributes.value("s")?.integer ?? 0
        text.removeAll(keepingCapacity: true)
    }

    private func endCell() {
        guard inRow, cell.column <= CellReference.maxColumn else { return }
        if let value = cellValue() {
            row.cells.append(WorkbookCell(column: cell.column, value: value))
        }
        text.removeAll(keepingCapacity: true)
    }

    /// The cell's value by its type.
    private func cellValue() -> CellValue? {
        let bytes = text
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { raw -> CellValue? in
            switch type {
            case .shared:
                guard let index = raw.integer, index < context.sharedStrings.count else {
                    problem(
                        Message(
                            vi: "ô trỏ tới chuỗi dùng chung số \(raw.string), tệp không có chuỗi đó",
                            en: "the cell refers to shared string \(raw.string), which the file does not have"))
                    return nil
                }
                let shared = context.sharedStrings[index]
                return shared.isEmpty ? nil : .text(shared)
            case .inline, .formulaText: return .text(raw.string)
            case .bool: return .bool(raw.equals("1") || raw.equals("true"))
            case .error: return .error(raw.string)
            case .isoDate:
                guard let day = Day(parsing: raw.string.prefix(10)) else {
                    problem(
                        Message(
                            vi: "ngày \"\(raw.string)\" không đọc được", en: "date \"\(raw.string)\" cannot be read"))
                    return nil
                }
                return .date(day)
            case .number: return number(raw)
            }
        }
    }

    private func number(_ raw: XMLBytes) -> CellValue? {
        guard let number = Double(raw.string) else {
            problem(Message(vi: "ô số chứa \"\(raw.string)\"", en: "the number cell holds \"\(raw.string)\""))
            return nil
        }
        guard style < context.isDateStyle.count, context.isDateStyle[style] else { return .number(number) }
        // A date-formatted number that is no day stays a number: the date column's parser words it.
        return ExcelDate.day(serial: number, date1904: context.date1904).map(CellValue.date) ?? .number(number)
    }

    private func endRow() {
        guard inRow else { return }
        inRow = false
        fillMerges()
        if !row.cells.isEmpty {
            rowsSeen += 1
            emit(row)
        }
    }

    /// Copies the value of each merged range's top-left cell into the other
    /// cells it covers on this row, as the sheet shows them.
    private func fillMerges() {
        let merges = context.merges
        while nextMerge < merges.count, merges[nextMerge].first.row <= row.row {
            openMerges.append((merges[nextMerge], nil))
            nextMerge += 1
        }
        guard !openMerges.isEmpty else { return }
        openMerges.removeAll { $0.range.last.row < row.row }
        var filled = false
        for index in openMerges.indices {
            let range = openMerges[index].range
            if range.first.row == row.row {
                openMerges[index].value = row.value(at: range.first.column)
            }
            guard let value = openMerges[index].value else { continue }
            for column in range.first.column...range.last.column
            where !(row.row == range.first.row && column == range.first.column) {
                row.cells.removeAll { $0.column == column }
                row.cells.append(WorkbookCell(column: column, value: value))
                filled = true
            }
        }
        if filled { row.cells.sort { $0.column < $1.column } }
    }

    private func problem(_ message: Message) {
        if problems.count < 100 { problems.append(Problem(cell: cell, message: message)) }
    }
}

/// A cell's `t` attribute: `s` shared string, `inlineStr`, `str` a formula's
/// text, `b` boolean, `e` error, `d` ISO date, `n` (or none) number.
enum CellType {
    case number, shared, inline, formulaText, bool, error, isoDate

    init(_ attribute: XMLBytes) {
        if attribute.equals("s") {
            self = .shared
        } else if attribute.equals("inlineStr") {
            self = .inline
        } else if attribute.equals("str") {
            self = .formulaText
        } else if attribute.equals("b") {
            self = .bool
        } else if attribute.equals("e") {
            self = .error
        } else if attribute.equals("d") {
            self = .isoDate
        } else {
            self = .number
        }
    }
}
