/// The second step of reading: makes rows of a source's records. Each table
/// (the CSV, or a workbook's sheet) starts with title rows until its header
/// (`TableLayout`); each next record is read by the quick path
/// (`QuickRowReader`) or, when that declines it, is a row of the layout
/// (empty, totals, signature: `RowMaker+Layout.swift`) or goes to the
/// careful path (`CarefulRowReader`), which words what is wrong. Both paths
/// read the cells with the same column parsers (`RowCells.parse`).
struct RowMaker {
    let context: DonationTable.Context
    /// The texts the rows refer to.
    private(set) var vocabulary = RowVocabulary()
    var diagnostics = Diagnostics()
    var header: DonationHeader?
    var quick = QuickRowReader.beforeHeader
    var careful: CarefulRowReader
    let periods: CampaignPeriods
    /// A CSV whose header cannot be found or read stops the reading.
    var stopped = false
    var layout = TableLayout(sheet: -1)
    /// Sheets with a table read, and sheets without one (listed once).
    var tablesRead = 0
    var skippedSheets: [String] = []
    var checks: RecordChecks
    var twoNames = WarningLimit()
    /// Index in the build of each `vocabulary.campaigns` entry; -1 outside it (drafts).
    let buildIndex: [Int32]

    /// Enters every campaign id in the vocabulary first, so that a campaign
    /// is known by finding its bytes there (`ColumnParsers.campaign`).
    init(context: DonationTable.Context, campaigns indexByID: [String: Int]) {
        self.context = context
        careful = CarefulRowReader(context: context)
        checks = RecordChecks(campaigns: context.campaignIDs.count)
        let ids = context.campaignIDs.sorted()
        var buildIndex = [Int32](repeating: -1, count: ids.count)
        var periods = [ClosedRange<Int32>?](repeating: nil, count: ids.count)
        for id in ids {
            let entry = Int(vocabulary.campaigns.intern(id))
            buildIndex[entry] = indexByID[id].map(Int32.init) ?? -1
            periods[entry] = context.periods[id].map { Int32($0.lowerBound.ordinal)...Int32($0.upperBound.ordinal) }
        }
        self.buildIndex = buildIndex
        self.periods = CampaignPeriods(byEntry: periods)
    }

    /// One record, in file order. Returns false once reading cannot go on (a CSV's broken header).
    mutating func take(_ raw: RawRecord, emit: (DonationRow) -> Void) -> Bool {
        guard !stopped else { return false }
        if raw.sheet != layout.sheet { startTable(sheet: raw.sheet) }
        switch layout.state {
        case .lookingForHeader: return lookForHeader(raw)
        case .skipped: return true
        case .ended:
            checkBelowTheEnd(raw.record())
            return true
        case .afterHeader:
            layout.state = .inRows
            if OfficeRowKind(raw.record().fields) == .columnNumbers { return true }
        case .inRows: break
        }
        var row: DonationRow
        if let quickRow = quick.read(raw, vocabulary: &vocabulary) {
            row = quickRow
        } else if let carefulRow = readCarefully(raw) {
            row = carefulRow
        } else {
            return true
        }
        layout.add(row)
        if let first = checks.admit(row) { reportTwoNames(raw, row, first: first) }
        row.campaign = buildIndex[Int(row.campaign)]
        emit(row)
        return true
    }

    /// A row the quick path declined: a row of the layout, or one the careful path reads.
    private mutating func readCarefully(_ raw: RawRecord) -> DonationRow? {
        let record = raw.record()
        switch OfficeRowKind(record.fields) {
        case .empty: return nil
        case .totals:
            checkTotals(record)
            return nil
        case .signature:
            layout.state = .ended
            return nil
        case .columnNumbers, .other:
            return careful.read(
                raw, header: header!, periods: periods, vocabulary: &vocabulary,
                diagnostics: &diagnostics)
        }
    }

    /// Every record was taken: says what stopped the source, if anything, or
    /// that the file was empty; then what is said once all rows are read.
    mutating func finish(after failure: Diagnostic?) {
        endTable()
        finishTables(after: failure)
        diagnostics.append(contentsOf: Diagnostics(careful.closingDiagnostics()))
        if let summary = twoNames.summary(
            file: context.file, what: Message(vi: "donor_id mang hai tên", en: "donor_id with two names"))
        {
            diagnostics.append(summary)
        }
        if !stopped && !diagnostics.hasErrors { reportCampaignsWithoutRows() }
    }

    private mutating func finishTables(after failure: Diagnostic?) {
        guard !stopped else { return }
        if let failure {
            diagnostics.append(failure)
        } else if context.sheetNames.isEmpty && layout.firstLine == nil {
            diagnostics.error(
                SourceLocation(file: context.file, line: 1, column: 1),
                Message(vi: "tệp trống: thiếu dòng tiêu đề", en: "the file is empty: no header row"),
                hint: Message(
                    vi: "dòng đầu tiên phải là campaign,date,site,donor,volume_ml,…",
                    en: "the first line must be campaign,date,site,donor,volume_ml,…"))
        } else if !context.sheetNames.isEmpty {
            reportSheets()
        }
    }
}
