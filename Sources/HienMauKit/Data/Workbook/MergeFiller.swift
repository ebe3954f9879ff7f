/// Copies the value of each merged range's top-left cell into the other
/// cells it covers, row by row as the rows arrive, as the sheet shows them.
struct MergeFiller {
    private let ranges: [CellRange]
    private var next = 0
    /// The ranges that cover the current row, with the top-left cell's value once seen.
    private var open: [(range: CellRange, value: (kind: CellKind, bytes: [UInt8])?)] = []

    init(ranges: [CellRange]) {
        self.ranges = ranges
    }

    mutating func fill(_ row: inout WorkbookRow) {
        while next < ranges.count, ranges[next].first.row <= row.row {
            open.append((ranges[next], nil))
            next += 1
        }
        guard !open.isEmpty else { return }
        open.removeAll { $0.range.last.row < row.row }
        var filled = false
        for index in open.indices {
            let range = open[index].range
            if range.first.row == row.row, let span = row.spans.first(where: { $0.column == range.first.column }) {
                open[index].value = (span.kind, Array(row.bytes(of: span)))
            }
            guard let value = open[index].value else { continue }
            for column in range.first.column...range.last.column
            where !(row.row == range.first.row && column == range.first.column) {
                row.remove(column: column)
                row.append(column: column, kind: value.kind, bytes: value.bytes)
                filled = true
            }
        }
        if filled { row.sortByColumn() }
    }
}
