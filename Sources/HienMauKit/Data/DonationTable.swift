import Foundation

/// Reads `donations.csv` as a stream: each row is checked and added to a
/// `DonationRowSink` (the figures), never kept, so memory does not grow with the rows.
///
/// The reading is three steps (`ReadingThreads`): a record source (the CSV)
/// gives raw cells with their positions; the row maker (`RowMaker`) reads the
/// header and turns each record into a `DonationRow` through one parser per
/// column (`ColumnParsers`), or words what is wrong with it; the sink adds the
/// rows up.
public struct DonationTable {
    /// What the rows are checked against.
    public struct Context: Sendable {
        public var file: String
        public var columnMapping: [String: String]
        /// Every campaign id that has a write-up, drafts included.
        public var campaignIDs: Set<String>
        /// Campaign periods (start...end): a row outside its period is a warning.
        public var periods: [String: ClosedRange<Day>]
        /// The workbook's sheets by index (`RawRecord.sheet`), for messages; empty for a CSV.
        var sheetNames: [String] = []
        /// The sheets that hold awards, by index: not read for donations, not named as sheets without a table.
        var awardSheets: Set<Int> = []
        /// The CSV's encoding when it is not UTF-8 (`site.yml` `data_encoding`), as iconv names it.
        public var encoding: String?

        public init(
            file: String, columnMapping: [String: String] = [:], campaignIDs: Set<String>,
            periods: [String: ClosedRange<Day>] = [:]
        ) {
            self.file = file
            self.columnMapping = columnMapping
            self.campaignIDs = campaignIDs
            self.periods = periods
        }
    }

    /// Reads the file at `url` in chunks and adds each row to `builder`;
    /// `progress` hears the number of rows every 100,000.
    ///
    /// With `threads` ≥ 2 the reading runs beside the adding, and a file
    /// larger than `splittingAbove` bytes is read by two threads (see
    /// `ReadingThreads`). The rows arrive in file order either way, so the
    /// figures and messages do not depend on it.
    /// A workbook's sheets of awards ("Khen thưởng", `AwardsSheet`) are not
    /// records: they are read, not added up, and returned.
    @discardableResult
    static func read<Sink: DonationRowSink>(
        url: URL, context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int = 1, splittingAbove: Int = .max, progress: ((Int) -> Void)? = nil
    ) -> [AwardsSheet] {
        if url.pathExtension.lowercased() == "xlsx" {
            return readWorkbook(
                url: url, context: context, diagnostics: &diagnostics, into: &builder, threads: threads,
                progress: progress)
        }
        if url.pathExtension.lowercased() == "ods" {
            return readOpenDocument(
                url: url, context: context, diagnostics: &diagnostics, into: &builder, threads: threads,
                progress: progress)
        }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            diagnostics.error(
                SourceLocation(file: context.file),
                Message(vi: "không tìm thấy tệp số liệu hiến máu", en: "the donation records file is missing"),
                hint: Message(
                    vi: "tạo \(context.file) với dòng tiêu đề campaign,date,site,donor,volume_ml",
                    en: "create \(context.file) with the header campaign,date,site,donor,volume_ml"))
            return []
        }
        // Closed only once every record is read: `read(_:…)` returns after all its threads are done.
        defer { close(fd) }
        var status = stat()
        let size = fstat(fd, &status) == 0 ? Int(status.st_size) : 0
        builder.reserve(rows: size / 120)
        read(
            CSVRecordSource(file: context.file, encoding: context.encoding, descriptor: fd), context: context,
            diagnostics: &diagnostics,
            into: &builder, threads: threads, splitting: size > splittingAbove, progress: progress)
        return []
    }

    /// A workbook (`donations.xlsx`): every sheet, each a table of its own.
    /// The sheets are parsed on a thread of their own while the rows are added up.
    @discardableResult
    static func readWorkbook<Sink: DonationRowSink>(
        url: URL, context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int = 1, limits: Workbook.Limits = Workbook.Limits(), progress: ((Int) -> Void)? = nil
    ) -> [AwardsSheet] {
        let workbook: Workbook
        do {
            workbook = try Workbook(url: url, limits: limits)
        } catch let error as WorkbookError {
            diagnostics.append(error.diagnostic(file: context.file))
            return []
        } catch {
            diagnostics.append(WorkbookError.notAWorkbook("\(error)").diagnostic(file: context.file))
            return []
        }
        let awards = readAwards(in: workbook, file: context.file, diagnostics: &diagnostics)
        return read(
            sheets: WorkbookRecordSource(file: context.file, workbook: workbook), named: workbook.sheets.map(\.name),
            awards: awards,
            context: context, diagnostics: &diagnostics, into: &builder, threads: threads, progress: progress)
    }

    /// The records of a workbook's sheets, its awards sheets left out and returned.
    static func read<Source: SheetRecordSource, Sink: DonationRowSink>(
        sheets source: Source, named names: [String], awards: (skipped: Set<Int>, sheets: [AwardsSheet]),
        context: Context, diagnostics: inout Diagnostics, into builder: inout Sink, threads: Int,
        progress: ((Int) -> Void)?
    ) -> [AwardsSheet] {
        var (source, context) = (source, context)
        context.sheetNames = names
        context.awardSheets = awards.skipped
        source.skipped = awards.skipped
        // Parsing the sheets' XML is the longest step: it gets a thread of its own, the row maker another.
        read(
            source, context: context, diagnostics: &diagnostics, into: &builder, threads: threads, splitting: true,
            progress: progress)
        return awards.sheets
    }

    /// Reads bytes already in memory.
    static func read<Sink: DonationRowSink>(
        bytes: [UInt8], context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int = 1, splitting: Bool = false
    ) {
        read(
            CSVRecordSource(file: context.file, encoding: context.encoding, bytes: bytes), context: context,
            diagnostics: &diagnostics,
            into: &builder, threads: threads, splitting: splitting, progress: nil)
    }

    /// The records of `source` made into rows and added to `builder`; the
    /// texts the rows refer to and the messages are handed over at the end.
    static func read<Source: RecordSource, Sink: DonationRowSink>(
        _ source: Source, context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int, splitting: Bool, progress: ((Int) -> Void)?
    ) {
        let maker = RowMaker(context: context, campaigns: builder.indexByID)
        let made = ReadingThreads.read(
            source, maker: maker, into: &builder, threads: threads, splitting: splitting,
            progress: progress)
        builder.vocabulary = made.vocabulary
        diagnostics.append(contentsOf: made.diagnostics)
    }
}
