/// An OpenDocument spreadsheet's `content.xml`, streamed: every sheet
/// (`table:table`) in order, each `table:table-row` a `WorkbookRow` handed to
/// `emit` with its sheet's index. Repeated rows and cells
/// (`table:number-rows-repeated`, `table:number-columns-repeated`) are
/// counted, and copied only when they hold something: the empty rows
/// repeated a million times at a sheet's end cost nothing. A merged range
/// (`table:number-columns-spanned`, `table:number-rows-spanned` on its
/// top-left cell) gives that cell's value to every cell it covers, as in a
/// `.xlsx`. Wrappers (`table:table-header-rows`, `table:table-row-group`,
/// `table:table-rows`) are read through; comments and shapes in a cell are not its text.
final class OpenDocumentSheetHandler: XMLEventHandler {
    /// A cell that cannot be read: the sheet is read to its end, then the reading stops.
    struct Problem: Equatable {
        var sheet: Int
        var cell: CellReference
        var message: Message
    }

    typealias Emit = (_ sheet: Int, _ row: WorkbookRow) -> Bool

    private let limits: OpenDocumentWorkbook.Limits
    private let wanted: (Int) -> Bool
    private let lastWanted: Int
    private let emit: Emit
    private(set) var problems: [Problem] = []
    /// What stopped the reading as a damaged file (a range no table has).
    private(set) var failure: WorkbookError?
    /// `emit` said stop, a sheet had a problem, or a failure: the rest is not read.
    private(set) var stopped = false
    /// The sheet being read (its index among the file's sheets) and its name.
    private(set) var sheet = -1
    private(set) var sheetName: String?

    private var depth = 0
    /// The depth of an element whose content is not read (another sheet, a comment), while inside it.
    private var skipping: Int?
    private var tableDepth: Int?, rowDepth: Int?, cellDepth: Int?, paragraphDepth: Int?
    private var nextRow = 1, column = 1, rowsRepeated = 1
    private var cells: [WorkbookCell] = []
    private var rowMerges: [(first: Int, last: Int, rows: Int, value: CellValue)] = []
    private var openMerges: [(range: CellRange, value: CellValue)] = []
    private var cell = OpenDocumentCell()
    /// Cells made by copying (repeats and merged ranges), against `limits.copiedCells`.
    private var copied = 0

    /// `wanted` says which sheets (by index) are read, the others are
    /// skipped; nothing is read past sheet `last`.
    init(
        limits: OpenDocumentWorkbook.Limits, wanted: @escaping (Int) -> Bool = { _ in true }, last: Int = .max,
        emit: @escaping Emit
    ) {
        self.limits = limits
        self.wanted = wanted
        lastWanted = last
        self.emit = emit
    }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        depth += 1
        guard skipping == nil, !stopped else { return }
        if let cellDepth {
            startInCell(name, attributes, cellDepth: cellDepth)
        } else if name.equals("table-cell") || name.equals("covered-table-cell") {
            guard rowDepth != nil else { return }
            cellDepth = depth
            if let message = cell.start(attributes) { problem(message) }
        } else if name.equals("table-row") {
            guard tableDepth != nil, rowDepth == nil else { return }
            startRow(attributes)
        } else if name.equals("table") {
            guard tableDepth == nil else {
                skipping = depth  // a table inside a sheet is no row of it
                return
            }
            startTable(attributes)
        }
    }

    private func startInCell(_ name: XMLBytes, _ attributes: XMLAttributes, cellDepth: Int) {
        if paragraphDepth == nil, depth == cellDepth + 1, name.equals("p") || name.equals("h") {
            paragraphDepth = depth
            cell.startParagraph()
        } else if paragraphDepth != nil {
            if name.equals("s") {
                let count = attributes.value("c", namespace: OpenDocumentNamespace.text)?.integer ?? 1
                cell.addKept(0x20, count: count)
            } else if name.equals("tab") {
                cell.addKept(0x09)
            } else if name.equals("line-break") {
                cell.addKept(0x0A)
            } else if name.equals("note") || name.equals("ruby-text") || name.equals("annotation") {
                skipping = depth
            }
        } else {
            skipping = depth  // a comment (`office:annotation`) or a shape: not the cell's text
        }
        if cell.tooLong { tooLong() }
    }

    func end(_ name: XMLBytes) {
        defer { depth -= 1 }
        if let skipping {
            if depth == skipping { self.skipping = nil }
            return
        }
        guard !stopped else { return }
        if depth == paragraphDepth {
            paragraphDepth = nil
        } else if depth == cellDepth {
            cellDepth = nil
            endCell()
        } else if depth == rowDepth {
            rowDepth = nil
            endRow()
        } else if depth == tableDepth {
            tableDepth = nil
            // A cell the reader cannot make sense of means a damaged file: the reading stops after its sheet.
            if !problems.isEmpty || sheet >= lastWanted { stopped = true }
        }
    }

    func text(_ bytes: XMLBytes) {
        guard paragraphDepth != nil, skipping == nil, !stopped else { return }
        cell.addText(bytes)
        if cell.tooLong { tooLong() }
    }

    private func startTable(_ attributes: XMLAttributes) {
        sheet += 1
        sheetName = attributes.value("name", namespace: OpenDocumentNamespace.table).map {
            WorkbookIndexHandler.unescaped($0.string)
        }
        guard wanted(sheet) else {
            skipping = depth
            return
        }
        tableDepth = depth
        nextRow = 1
        openMerges.removeAll()
    }

    private func startRow(_ attributes: XMLAttributes) {
        rowDepth = depth
        let repeated = attributes.value("number-rows-repeated", namespace: OpenDocumentNamespace.table)?.integer
        rowsRepeated = min(max(repeated ?? 1, 1), CellReference.maxRow + 1)
        column = 1
        cells.removeAll(keepingCapacity: true)
        rowMerges.removeAll(keepingCapacity: true)
    }

    private func endCell() {
        paragraphDepth = nil
        let repeats = max(0, min(cell.repeated, CellReference.maxColumn + 1 - column))
        defer { column = min(column + cell.repeated, CellReference.maxColumn + 1) }
        guard repeats > 0, let value = cell.value else { return }
        for k in 0..<repeats { cells.append(WorkbookCell(column: column + k, value: value)) }
        guard count(copies: repeats - 1) else { return }
        guard cell.columnsSpanned > 1 || cell.rowsSpanned > 1 else { return }
        for k in 0..<repeats {
            let first = column + k, last = min(first + cell.columnsSpanned - 1, CellReference.maxColumn)
            let size = (last - first + 1) * cell.rowsSpanned
            guard size <= limits.mergedCells else {
                let end = CellReference(row: min(nextRow + cell.rowsSpanned - 1, CellReference.maxRow), column: last)
                fail(WorkbookError.mergedRangeTooLarge(CellReference(row: nextRow, column: first), end, cells: size))
                return
            }
            rowMerges.append((first, last, cell.rowsSpanned, value))
        }
    }

    /// The row, once for each time it is repeated: rows that hold nothing
    /// are only counted, unless a merged range from above fills them.
    private func endRow() {
        defer { nextRow = min(nextRow + rowsRepeated, CellReference.maxRow + 1) }
        if cells.isEmpty && rowMerges.isEmpty {
            guard var reach = openMerges.map(\.range.last.row).max() else { return }
            var row = nextRow
            while row <= min(reach, nextRow + rowsRepeated - 1), !stopped {
                emitRow(row)
                reach = openMerges.map(\.range.last.row).max() ?? 0
                row += 1
            }
            return
        }
        let mergedSize = rowMerges.reduce(0) { $0 + ($1.last - $1.first + 1) * $1.rows - 1 }
        for repeat_ in 0..<rowsRepeated where !stopped {
            let row = nextRow + repeat_
            guard row <= CellReference.maxRow else {
                problem(
                    Message(
                        vi: "trang có dữ liệu quá dòng 1.048.576, dòng cuối một trang có thể có",
                        en: "the sheet holds something past row 1,048,576, the last a sheet can have"))
                return
            }
            guard count(copies: mergedSize + (repeat_ > 0 ? cells.count : 0)) else { return }
            emitRow(row)
        }
    }

    private func emitRow(_ number: Int) {
        for merge in rowMerges {
            let last = CellReference(row: min(number + merge.rows - 1, CellReference.maxRow), column: merge.last)
            openMerges.append((CellRange(CellReference(row: number, column: merge.first), last), merge.value))
        }
        openMerges.removeAll { $0.range.last.row < number }
        var row = WorkbookRow(row: number, cells: cells)
        if !openMerges.isEmpty { fill(&row) }
        if !row.isEmpty, !emit(sheet, row) { stopped = true }
    }

    /// Copies the value of each merged range's top-left cell into the other
    /// cells it covers on this row, as the sheet shows them.
    private func fill(_ row: inout WorkbookRow) {
        var filled = false
        for (range, value) in openMerges where range.first.row <= row.row {
            let columns = range.first.column...range.last.column
            let topLeft = row.row == range.first.row ? range.first.column : 0
            for column in columns where column != topLeft {
                row.remove(column: column)
                row.append(column: column, value: value)
            }
            filled = true
        }
        if filled { row.sortByColumn() }
    }

    /// Counts cells made by copying; false, and the reading stopped, past the bound.
    private func count(copies: Int) -> Bool {
        copied += copies
        guard copied > limits.copiedCells else { return true }
        fail(
            WorkbookError(
                Message(
                    vi:
                        "bảng tính lặp lại hoặc gộp hơn \(VietnameseFormat.integer(limits.copiedCells)) ô: không bảng số liệu nào như vậy",
                    en:
                        "the workbook repeats or merges more than \(limits.copiedCells) cells: no table of records is like that"
                ),
                hint: WorkbookError.resaveHint, cell: CellReference(row: min(nextRow, CellReference.maxRow), column: 1))
        )
        return false
    }

    private func fail(_ error: WorkbookError) {
        var located = error
        located.sheet = sheetName
        failure = located
        stopped = true
    }

    private func tooLong() {
        problem(Message(vi: "ô dài quá 32.767 ký tự", en: "the cell holds more than 32,767 characters"))
    }

    private func problem(_ message: Message) {
        let reference = CellReference(row: nextRow, column: min(column, CellReference.maxColumn))
        if problems.count < 100, problems.last?.cell != reference || problems.last?.message != message {
            problems.append(Problem(sheet: sheet, cell: reference, message: message))
        }
    }
}

extension CellRange {
    init(_ first: CellReference, _ last: CellReference) {
        self.first = first
        self.last = last
    }
}
