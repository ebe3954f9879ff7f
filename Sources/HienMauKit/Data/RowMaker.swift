/// The second step of reading: makes rows of a source's records. The first
/// record is the header; each next one is read by the quick path
/// (`QuickRowReader`) or, when that declines it, by the careful path
/// (`CarefulRowReader`), which words what is wrong. Both read the cells with
/// the same column parsers (`RowCells.parse`).
struct RowMaker {
    let context: DonationTable.Context
    /// The texts the rows refer to.
    private(set) var vocabulary = RowVocabulary()
    private(set) var diagnostics = Diagnostics()
    private var header: DonationHeader?
    private var quick = QuickRowReader.beforeHeader
    private var careful: CarefulRowReader
    private let periods: CampaignPeriods
    /// A broken header stops the reading.
    private var stopped = false
    /// Index in the build of each `vocabulary.campaigns` entry; -1 outside it (drafts).
    private let buildIndex: [Int32]

    /// Enters every campaign id in the vocabulary first, so that a campaign
    /// is known by finding its bytes there (`ColumnParsers.campaign`).
    init(context: DonationTable.Context, campaigns indexByID: [String: Int]) {
        self.context = context
        careful = CarefulRowReader(context: context)
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

    /// One record, in file order. Returns false once reading cannot go on (a broken header).
    mutating func take(_ raw: RawRecord, emit: (DonationRow) -> Void) -> Bool {
        guard !stopped else { return false }
        if header == nil { return readHeader(raw) }
        var row: DonationRow
        if let quickRow = quick.read(raw, vocabulary: &vocabulary) {
            row = quickRow
        } else if let carefulRow = careful.read(
            raw, header: header!, periods: periods, vocabulary: &vocabulary, diagnostics: &diagnostics) {
            row = carefulRow
        } else {
            return true
        }
        row.campaign = buildIndex[Int(row.campaign)]
        emit(row)
        return true
    }

    /// Every record was taken: says what stopped the source, if anything, or
    /// that the file was empty; then what is said once all rows are read.
    mutating func finish(after failure: Diagnostic?) {
        defer { diagnostics.append(contentsOf: Diagnostics(careful.closingDiagnostics())) }
        guard !stopped else { return }
        if let failure {
            diagnostics.append(failure)
        } else if header == nil {
            diagnostics.error(
                SourceLocation(file: context.file, line: 1, column: 1),
                Message(vi: "tệp trống: thiếu dòng tiêu đề", en: "the file is empty: no header row"),
                hint: Message(vi: "dòng đầu tiên phải là campaign,date,site,donor,volume_ml,…",
                              en: "the first line must be campaign,date,site,donor,volume_ml,…"))
        }
    }

    private mutating func readHeader(_ raw: RawRecord) -> Bool {
        header = DonationHeader.read(
            raw.record(), file: context.file, mapping: context.columnMapping, diagnostics: &diagnostics)
        guard let header else {
            stopped = true
            return false
        }
        quick = QuickRowReader(header: header, periods: periods)
        return true
    }
}
