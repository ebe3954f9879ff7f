/// The state of one sheet's reading, for `SheetHandler`: a struct, so that
/// each XML event is one access to the handler's storage, not one per field.
struct SheetReader {
    private let context: SheetHandler.Context
    private let emit: (WorkbookRow) -> Void
    private(set) var problems: [SheetHandler.Problem] = []
    private(set) var rowsSeen = 0

    private var row = WorkbookRow(row: 0)
    private var inSheetData = false, inRow = false
    private var cell = CellReference(row: 1, column: 0)
    private var type = CellType.number
    private var style = 0
    private var collecting = false, inInline = false
    private var text: [UInt8] = []

    init(context: SheetHandler.Context, emit: @escaping (WorkbookRow) -> Void) {
        self.context = context
        self.emit = emit
    }

    mutating func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        if name.equals("c") {
            startCell(attributes)
        } else if name.equals("v") {
            collecting = true
            clearText()
        } else if name.equals("is") {
            inInline = true
            clearText()
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

    mutating func end(_ name: XMLBytes) {
        if name.equals("c") {
            endCell()
        } else if name.equals("v") || name.equals("t") {
            collecting = false
        } else if name.equals("is") {
            inInline = false
        } else if name.equals("row") {
            endRow()
        } else if name.equals("sheetData") {
            inSheetData = false
        }
    }

    mutating func text(_ bytes: XMLBytes) {
        guard collecting else { return }
        if text.count + bytes.count > SheetHandler.maxTextBytes {
            problem(Message(vi: "ô dài quá 32.767 ký tự", en: "the cell holds more than 32,767 characters"))
            collecting = false
            return
        }
        text.append(contentsOf: bytes)
    }

    private mutating func startRow(_ attributes: XMLAttributes) {
        guard inSheetData else { return }
        let number = attributes.value("r")?.integer ?? row.row + 1
        row.start(row: min(max(number, row.row + 1), CellReference.maxRow))
        cell = CellReference(row: row.row, column: 0)
        inRow = true
    }

    /// `r`, `t` and `s` in one pass over the attributes.
    private mutating func startCell(_ attributes: XMLAttributes) {
        guard inRow else { return }
        var reference: XMLBytes?
        type = .number
        style = 0
        attributes.forEachAttribute { name, value in
            guard name.count == 1 else { return }
            switch name[0] {
            case UInt8(ascii: "r"): reference = value
            case UInt8(ascii: "t"): type = CellType(value)
            case UInt8(ascii: "s"): style = value.integer ?? 0
            default: break
            }
        }
        cell = reference.flatMap(CellReference.init) ?? CellReference(row: row.row, column: cell.column + 1)
        clearText()
    }

    private mutating func endCell() {
        guard inRow, cell.column <= CellReference.maxColumn, !text.isEmpty else { return }
        let cellText = text
        cellText.withUnsafeBufferPointer { appendCell($0) }
        clearText()
    }

    /// Writes the cell's record text into the row, by the cell's type.
    private mutating func appendCell(_ raw: XMLBytes) {
        let column = cell.column
        switch type {
        case .shared:
            guard let index = raw.integer, index < context.sharedStrings.count else {
                problem(
                    Message(
                        vi: "ô trỏ tới chuỗi dùng chung số \(raw.string), tệp không có chuỗi đó",
                        en: "the cell refers to shared string \(raw.string), which the file does not have"))
                return
            }
            _ = context.sharedStrings.withText(index) { shared in
                if !shared.isEmpty { row.append(column: column, kind: .text, bytes: shared) }
            }
        case .inline, .formulaText: row.append(column: column, kind: .text, bytes: raw)
        case .bool: row.append(column: column, value: .bool(raw.equals("1") || raw.equals("true")))
        case .error: row.append(column: column, kind: .error, bytes: raw)
        case .isoDate:
            guard let day = Day(parsing: raw.string.prefix(10)) else {
                problem(
                    Message(vi: "ngày \"\(raw.string)\" không đọc được", en: "date \"\(raw.string)\" cannot be read"))
                return
            }
            row.append(column: column, value: .date(day))
        case .number: appendNumber(raw)
        }
    }

    /// A whole number as written (the usual cell) is copied; any other is read as a `Double`.
    private mutating func appendNumber(_ raw: XMLBytes) {
        let isDate = style < context.isDateStyle.count && context.isDateStyle[style]
        if !isDate, raw.count <= 15, raw[0] != 0x30 || raw.count == 1, raw.integer != nil {
            row.append(column: cell.column, kind: .number, bytes: raw)
            return
        }
        guard let number = raw.integer.map(Double.init) ?? Double(raw.string) else {
            problem(Message(vi: "ô số chứa \"\(raw.string)\"", en: "the number cell holds \"\(raw.string)\""))
            return
        }
        // A date-formatted number that is no day stays a number: the date column's parser words it.
        if isDate, let day = ExcelDate.day(serial: number, date1904: context.date1904) {
            row.append(column: cell.column, value: .date(day))
        } else {
            row.append(column: cell.column, value: .number(number))
        }
    }

    private mutating func endRow() {
        guard inRow else { return }
        inRow = false
        if !row.isEmpty {
            rowsSeen += 1
            emit(row)
        }
    }

    private mutating func clearText() {
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
    }

    private mutating func problem(_ message: Message) {
        if problems.count < 100 { problems.append(SheetHandler.Problem(cell: cell, message: message)) }
    }
}
