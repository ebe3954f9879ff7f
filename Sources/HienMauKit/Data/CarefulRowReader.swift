import Foundation

/// The careful path: a row the quick path declined. Each cell is trimmed and
/// normalised — names in NFC, the usual spelling of a blood group or a consent,
/// the write-up's spelling of a campaign id — and then read by the same column
/// parsers as on the quick path (`RowCells.parse`). Every cell that fails is
/// worded at its position, in the order of the columns, and the row is dropped.
struct CarefulRowReader {
    let context: DonationTable.Context
    /// Sites, units and names repeat from row to row; NFC is worked out once for each.
    private var nfcCache: [String: String] = [:]
    /// One message per unknown campaign id, at its first row, with the number of rows:
    /// a missing write-up would otherwise give one error per row.
    private var unknownCampaigns: [String: (first: Diagnostic, rows: Int)] = [:]
    private var outsidePeriod = WarningLimit()
    /// Cells with a control character: the first hundred are worded, the rest counted.
    private var controls = WarningLimit()
    /// Rows of another width than the header's: a file of them would be an error on every line.
    private var widths = WarningLimit()

    init(context: DonationTable.Context) {
        self.context = context
    }

    mutating func read(
        _ raw: RawRecord, header: DonationHeader, periods: CampaignPeriods, vocabulary: inout RowVocabulary,
        diagnostics: inout Diagnostics
    ) -> DonationRow? {
        let place = RecordPlace(record: raw.record(), header: header, context: context)
        guard place.record.fields.count == header.fieldCount else {
            let n = place.record.fields.count, expected = header.fieldCount
            guard widths.admit(line: place.record.line) else { return nil }
            diagnostics.error(
                SourceLocation(file: context.file, line: place.record.line, column: 1),
                place.placed(
                    Message(
                        vi: "dòng có \(n) ô nhưng tiêu đề có \(expected) cột",
                        en: "the row has \(n) fields but the header has \(expected)"), nil),
                hint: Message(
                    vi: "ô chứa dấu phân cách phải nằm trong ngoặc kép",
                    en: "a cell that holds the delimiter must be in double quotes"),
                line: place.lineText)
            return nil
        }
        guard !heldControls(place, diagnostics: &diagnostics) else { return nil }
        var written: [DonationColumn: String] = [:]
        for (column, field) in header.index { written[column] = place.record.fields[field].trimmed }
        if let family = header.familyName, let given = written[.donor] {
            written[.donor] = (place.record.fields[family] + " " + given).collapsingWhitespace
        }
        let row = RowCells.holding(normalised(written)) { cells in
            cells.parse(line: place.record.line, vocabulary: &vocabulary) { column, problem in
                report(problem, in: column, text: written[column] ?? "", at: place, diagnostics: &diagnostics)
            }
        }
        guard let row else { return nil }
        guard checkPeriod(of: row, written: written, periods: periods, at: place, diagnostics: &diagnostics) else {
            return nil
        }
        return row
    }

    /// A row outside its campaign's period: an error when read month first
    /// it falls inside (a file saved with US settings; false, the row is
    /// dropped), else a warning.
    private mutating func checkPeriod(
        of row: DonationRow, written: [DonationColumn: String], periods: CampaignPeriods, at place: RecordPlace,
        diagnostics: inout Diagnostics
    ) -> Bool {
        if let period = periods.outside(row), let monthFirst = DateReadings.monthFirst(written[.date] ?? ""),
            period.contains(Int32(monthFirst.ordinal))
        {
            // Outside the period day first, inside it month first: a file saved with US settings.
            let day = Day(ordinal: Int(row.day)), text = written[.date] ?? ""
            diagnostics.error(
                place.location(.date),
                place.placed(
                    Message(
                        vi:
                            "ngày \"\(text)\" đọc ngày trước tháng là \(DateReadings.spelled(day)), ngoài thời gian chiến dịch; đọc tháng trước ngày thì là \(DateReadings.spelled(monthFirst)), trong thời gian đó",
                        en:
                            "date \"\(text)\" read day first is \(day.iso), outside the campaign's period; read month first it is \(monthFirst.iso), inside it"
                    ), .date),
                hint: DateReadings.usSettingsHint, line: place.lineText)
            return false
        }
        if let period = periods.outside(row), outsidePeriod.admit(line: place.record.line) {
            let day = Day(ordinal: Int(row.day)), campaign = written[.campaign] ?? ""
            let start = Day(ordinal: Int(period.lowerBound)), end = Day(ordinal: Int(period.upperBound))
            diagnostics.warning(
                place.location(.date),
                place.placed(
                    Message(
                        vi:
                            "ngày \(VietnameseFormat.date(day)) nằm ngoài thời gian chiến dịch \(campaign) (\(VietnameseFormat.date(start)) – \(VietnameseFormat.date(end)))",
                        en: "date \(day.iso) is outside campaign \(campaign)'s period (\(start.iso) to \(end.iso))"),
                    .date),
                line: place.lineText)
        }
        return true
    }

    /// The cells as the column parsers read them.
    private mutating func normalised(_ written: [DonationColumn: String]) -> [DonationColumn: String] {
        var cells = written
        // Campaign ids compare as text (NFC = NFD); the vocabulary knows the write-up's bytes.
        if let id = written[.campaign], let known = context.campaignIDs.firstIndex(of: id) {
            cells[.campaign] = context.campaignIDs[known]
        }
        // Names and units compare after runs of spaces are collapsed, as a reader sees them.
        for column in [DonationColumn.site, .donor, .unit] {
            cells[column] = written[column].map { nfc($0.collapsingWhitespace) }
        }
        cells[.bloodGroup] = written[.bloodGroup].map(BloodGroup.usualSpelling)
        cells[.consent] = written[.consent].map(Consent.usualSpelling)
        return cells
    }

    /// Every cell read (the columns of the header, and a family name) that
    /// holds a control character, worded as it is written, before any trimming.
    private mutating func heldControls(_ place: RecordPlace, diagnostics: inout Diagnostics) -> Bool {
        var fields = place.header.index.map { ($0.value, $0.key.rawValue) }
        if let family = place.header.familyName { fields.append((family, DonationColumn.donor.rawValue)) }
        var held = false
        for (field, name) in fields.sorted(by: { $0.0 < $1.0 }) {
            guard let (scalar, character) = CellControls.first(in: place.record.fields[field]) else { continue }
            held = true
            guard controls.admit(line: place.record.line) else { continue }
            let (message, hint) = CellControls.message(scalar, character: character, column: name)
            diagnostics.error(
                place.location(field: field), place.placed(message, field: field), hint: hint,
                line: place.lineText.map(CellControls.shown))
        }
        return held
    }

    private mutating func report(
        _ problem: CellProblem, in column: DonationColumn, text: String, at place: RecordPlace,
        diagnostics: inout Diagnostics
    ) {
        let (wording, hint) = problem.wording(column: column, text: text)
        let message = place.placed(wording, column)
        guard problem == .unknownCampaign else {
            diagnostics.error(place.location(column), message, hint: hint, line: place.lineText)
            return
        }
        if let known = unknownCampaigns[text] {
            unknownCampaigns[text] = (known.first, known.rows + 1)
            return
        }
        let guess = Suggest.closest(to: text, among: context.campaignIDs.sorted())
        let first = Diagnostic(
            .error, at: place.location(column), message,
            hint: guess.map { Message(vi: "có phải ý bạn là \"\($0)\"?", en: "did you mean \"\($0)\"?") },
            sourceLine: place.lineText)
        unknownCampaigns[text] = (first, 1)
    }

    mutating func nfc(_ text: String) -> String {
        if Self.isSurelyNFC(text) { return text }
        if let known = nfcCache[text] { return known }
        let value = text.precomposedStringWithCanonicalMapping
        if nfcCache.count < 100_000 { nfcCache[text] = value }
        return value
    }

    /// What is said once every row is read: the unknown campaigns, each with
    /// how many rows carry its id, and how many date-outside-period warnings
    /// were left out.
    func closingDiagnostics() -> [Diagnostic] {
        let unknown = unknownCampaigns.values.sorted { $0.first.location < $1.first.location }.map { entry in
            var diagnostic = entry.first
            let more = entry.rows - 1
            if more > 0 {
                diagnostic.message = Message(
                    vi: diagnostic.message.vi + " (dòng này và \(more) dòng khác)",
                    en: diagnostic.message.en + " (this row and \(more) more)")
            }
            return diagnostic
        }
        let summary = outsidePeriod.summary(
            file: context.file,
            what: Message(vi: "ngày nằm ngoài thời gian chiến dịch", en: "date outside the campaign's period"))
        let controlSummary = controls.errorSummary(
            file: context.file, what: Message(vi: "ô có ký tự điều khiển", en: "a cell with a control character"))
        let widthSummary = widths.errorSummary(
            file: context.file,
            what: Message(vi: "dòng có số ô khác tiêu đề", en: "a row whose number of fields is not the header's"))
        return unknown + [summary, controlSummary, widthSummary].compactMap { $0 }
    }

    /// True when no scalar can change under NFC: all below the combining marks
    /// (U+0300) or Vietnamese's precomposed letters (U+1E00–U+1EFF). Text typed
    /// in NFC passes without a dictionary lookup (hashing a String normalizes it).
    static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) || inertPunctuation.contains($0.value)
        }
    }

    /// En and em dash, curly quotes and ellipsis, common in site and unit
    /// names: no decomposition, and nothing composes with them.
    static let inertPunctuation: Set<UInt32> = [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026]
}

/// A record on the careful path, and where its cells are for a message: in
/// a CSV the line and character column, with the line shown under the
/// message; in a workbook the sheet's row and column, with the sheet and the
/// cell named in the message (`(trang "04-08", ô D42)`).
struct RecordPlace {
    let record: CSVReader.Record
    let header: DonationHeader
    let file: String
    /// The sheet's name, for a record of a workbook.
    let sheet: String?

    init(record: CSVReader.Record, header: DonationHeader, context: DonationTable.Context) {
        self.record = record
        self.header = header
        self.file = context.file
        self.sheet = context.sheetName(record.sheet)
    }

    /// The start of the column's cell; the record's first column when the file has no such column.
    func location(_ column: DonationColumn?) -> SourceLocation {
        location(field: column.flatMap { header.index[$0] } ?? 0)
    }

    func location(field: Int) -> SourceLocation {
        if sheet != nil { return SourceLocation(file: file, line: record.line, column: field + 1) }
        let col = field < record.fields.count ? DonationHeader.column(of: field, in: record) : 1
        return SourceLocation(file: file, line: record.line, column: col)
    }

    /// The message, with the sheet and cell named for a workbook's record.
    func placed(_ message: Message, _ column: DonationColumn?) -> Message {
        placed(message, field: column.flatMap { header.index[$0] } ?? 0)
    }

    func placed(_ message: Message, field: Int) -> Message {
        message.placed(sheet: sheet, cell: CellReference(row: record.line, column: field + 1))
    }

    /// The line under the message: a CSV's line; none for a workbook, whose message names the cell.
    var lineText: String? { sheet == nil ? record.firstLineText : nil }
}

extension DonationTable.Context {
    func sheetName(_ index: Int32) -> String? {
        index >= 0 && Int(index) < sheetNames.count ? sheetNames[Int(index)] : nil
    }
}
