/// A cell's place in a sheet, as Excel writes it: `D42` is column 4, row 42.
struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based.
    var row: Int
    /// 1-based: A = 1, Z = 26, AA = 27.
    var column: Int

    /// Excel's limits (1,048,576 rows, 16,384 columns, `XFD`): anything past them is a damaged file.
    static let maxRow = 1 << 20
    static let maxColumn = 1 << 14

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `D42`, `XFD1048576`; nil for anything else or past Excel's limits.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var column = 0, row = 0, i = 0
        while i < bytes.count, (0x41...0x5A).contains(bytes[i]) {
            column = column * 26 + Int(bytes[i] - 0x40)
            i += 1
            guard column <= Self.maxColumn else { return nil }
        }
        guard i > 0, i < bytes.count else { return nil }
        while i < bytes.count {
            guard (0x30...0x39).contains(bytes[i]) else { return nil }
            row = row * 10 + Int(bytes[i] - 0x30)
            i += 1
            guard row <= Self.maxRow else { return nil }
        }
        guard row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    init?(_ text: String) {
        var text = text
        guard let made = text.withUTF8({ CellReference($0) }) else { return nil }
        self = made
    }

    /// `A`, `Z`, `AA`.
    static func letters(of column: Int) -> String {
        var n = column, out: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(0x41 + digit))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    var description: String { Self.letters(of: column) + String(row) }

    static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells, `A1:D3`; a single reference is a range of one cell.
struct CellRange: Hashable, Sendable {
    var first: CellReference
    var last: CellReference

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let colon = bytes.firstIndex(of: 0x3A) {
            guard let a = CellReference(UnsafeBufferPointer(rebasing: bytes[..<colon])),
                let b = CellReference(UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]))
            else { return nil }
            first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
            last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
        } else {
            guard let one = CellReference(bytes) else { return nil }
            first = one
            last = one
        }
    }

    var cellCount: Int { (last.row - first.row + 1) * (last.column - first.column + 1) }

    func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }
}
