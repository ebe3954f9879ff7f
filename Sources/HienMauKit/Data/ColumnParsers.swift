import Glibc

/// One parser per column: a cell's bytes become the column's value, or the
/// reason the cell cannot be one (`CellProblem`, worded by the careful path
/// at the cell's position).
///
/// Both paths read every cell with these (`RowCells.parse`): the quick path
/// on the bytes as they are in the file, the careful path once it has trimmed
/// and normalised the cell. So the two cannot disagree on what a cell means.
/// The parsers accept only a cell's usual form — ASCII digits with no sign or
/// space, the canonical spellings — so a cell they accept needs no normalising.
enum ColumnParsers {
    typealias Cell = UnsafeBufferPointer<UInt8>

    /// The `RowVocabulary.campaigns` entry of a campaign that has a write-up.
    static func campaign(_ cell: Cell, known: inout ByteInterner) -> Result<Int32, CellProblem> {
        if cell.isEmpty { return .failure(.empty) }
        guard let entry = known.find(cell) else { return .failure(.unknownCampaign) }
        return .success(entry)
    }

    /// A text cell (site, donor, unit) as it is; empty is allowed unless
    /// `required`. A `?` beside a letter ("Nguy?n V?n An") is a letter a
    /// code page could not hold, lost when the file was saved.
    @inline(__always)
    static func text(_ cell: Cell, required: Bool) -> Result<Cell, CellProblem> {
        if cell.isEmpty { return required ? .failure(.empty) : .success(cell) }
        if let base = cell.baseAddress, memchr(base, 0x3F, cell.count) != nil, hasLostLetters(cell) {
            return .failure(.lostLetters)
        }
        return .success(cell)
    }

    private static func hasLostLetters(_ cell: Cell) -> Bool {
        func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b >= 0x80 }
        for i in cell.indices where cell[i] == 0x3F {
            if (i > 0 && isLetter(cell[i - 1])) || (i + 1 < cell.count && isLetter(cell[i + 1])) { return true }
        }
        return false
    }

    /// `YYYY-MM-DD` or `D/M/YYYY` as a day ordinal (`Day(utf8:)`).
    static func date(_ cell: Cell) -> Result<Int32, CellProblem> {
        if cell.isEmpty { return .failure(.empty) }
        guard let day = Day(utf8: cell) else { return .failure(.invalid) }
        return .success(Int32(day.ordinal))
    }

    /// 0, 250, 350 or 450 ml; an empty cell is 0 (registered, not collected).
    static func volume(_ cell: Cell) -> Result<Int32, CellProblem> {
        if cell.isEmpty { return .success(0) }
        switch wholeNumber(cell) {
        case 0: return .success(0)
        case 250: return .success(250)
        case 350: return .success(350)
        case 450: return .success(450)
        default: return .failure(.invalid)
        }
    }

    /// Index in `BloodGroup.all`; -1 for an empty cell.
    static func bloodGroup(_ cell: Cell) -> Result<Int8, CellProblem> {
        if cell.isEmpty { return .success(-1) }
        if cell.count <= 3 {
            for (index, group) in BloodGroup.utf8.enumerated() where group.elementsEqual(cell) {
                return .success(Int8(index))
            }
        }
        return .failure(.invalid)
    }

    /// A count of 0 or more, held up to `Int32.max`; -1 for an empty cell.
    static func priorDonations(_ cell: Cell) -> Result<Int32, CellProblem> {
        if cell.isEmpty { return .success(-1) }
        guard let count = wholeNumber(cell) else { return .failure(.invalid) }
        return .success(Int32(clamping: count))
    }

    /// 1 for yes, 0 for no, -1 for an empty cell (`consent_default` decides).
    static func consent(_ cell: Cell) -> Result<Int8, CellProblem> {
        if cell.isEmpty { return .success(-1) }
        for word in Consent.yes where word.elementsEqual(cell) { return .success(1) }
        for word in Consent.no where word.elementsEqual(cell) { return .success(0) }
        return .failure(.invalid)
    }

    /// The number written in ASCII digits only (no sign, no space); nil for
    /// anything else or a number past `Int.max`.
    static func wholeNumber(_ cell: Cell) -> Int? {
        guard !cell.isEmpty else { return nil }
        var value = 0
        for b in cell {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = tens.addingReportingOverflow(Int(b - 0x30))
            guard !overflow && !carry else { return nil }
            value = sum
        }
        return value
    }
}
