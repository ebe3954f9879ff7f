/// Where the row maker is in one table — the CSV, or one sheet of a
/// workbook — laid out as office staff lay it out: title rows above the
/// header, a column-number row under it, the rows, a totals row, a
/// signature block. Only what a row is decides; the layout words nothing.
struct TableLayout {
    enum State: Equatable {
        /// Title rows until a row names every required column.
        case lookingForHeader
        /// The header was read; the next row may number the columns.
        case afterHeader
        case inRows
        /// After a signature block: nothing below it is a row.
        case ended
        /// A sheet without a table (a cover sheet), or a broken header: its rows are not read.
        case skipped
    }

    /// Rows looked at for a header before giving up.
    static let headerSearchRows = 30

    let sheet: Int32
    var state = State.lookingForHeader
    /// Rows looked at while looking for the header.
    private(set) var rowsSearched = 0
    /// The row that named the most required columns, and which.
    private(set) var best: (record: CSVReader.Record, named: [DonationColumn])?
    private(set) var firstLine: Int?
    /// The rows read since the table began, and since the last totals row.
    var sinceStart = RowSums(), sinceTotals = RowSums()

    init(sheet: Int32) {
        self.sheet = sheet
    }

    /// Another row while looking for the header: true when it is one.
    mutating func consider(_ record: CSVReader.Record, mapping: [String: String]) -> Bool {
        rowsSearched += 1
        if firstLine == nil { firstLine = record.line }
        let named = DonationHeader.requiredNamed(by: record, mapping: mapping)
        if named.count == DonationColumn.required.count { return true }
        if named.count > (best?.named.count ?? 0) || best == nil { best = (record, named) }
        return false
    }

    var searchedEnough: Bool { rowsSearched >= Self.headerSearchRows }

    mutating func add(_ row: DonationRow) {
        sinceStart.add(row)
        sinceTotals.add(row)
    }
}

/// What the rows of a table add up to, for checking a totals row.
struct RowSums: Equatable {
    var registrations = 0
    var volumeML = 0

    mutating func add(_ row: DonationRow) {
        registrations += 1
        volumeML += Int(row.volumeML)
    }
}

extension DonationColumn {
    static let required = allCases.filter(\.isRequired)
}
