import Foundation

/// Reads `donations.csv` as a stream: each row is checked and added to a
/// `FigureBuilder`, never kept, so memory does not grow with the rows.
public struct DonationTable {
    /// What the rows are checked against.
    public struct Context: Sendable {
        public var file: String
        public var columnMapping: [String: String]
        /// Every campaign id that has a write-up, drafts included.
        public var campaignIDs: Set<String>
        /// Campaign periods (start...end): a row outside its period is a warning.
        public var periods: [String: ClosedRange<Day>]

        public init(file: String, columnMapping: [String: String] = [:], campaignIDs: Set<String>,
                    periods: [String: ClosedRange<Day>] = [:]) {
            self.file = file
            self.columnMapping = columnMapping
            self.campaignIDs = campaignIDs
            self.periods = periods
        }
    }

    public static let chunkSize = 1 << 20

    /// Reads the file at `url` in chunks and adds each row to `builder`;
    /// `progress` hears the number of rows every 100,000.
    static func read(
        url: URL, context: Context, diagnostics: inout Diagnostics, into builder: inout FigureBuilder,
        progress: ((Int) -> Void)? = nil
    ) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            diagnostics.error(
                SourceLocation(file: context.file),
                Message(vi: "không tìm thấy tệp số liệu hiến máu", en: "the donation records file is missing"),
                hint: Message(vi: "tạo \(context.file) với dòng tiêu đề campaign,date,site,donor,volume_ml",
                              en: "create \(context.file) with the header campaign,date,site,donor,volume_ml"))
            return
        }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0 { builder.reserve(rows: Int(status.st_size) / 120) }
        // One buffer for every chunk: a fresh one per read costs the kernel a
        // zeroed page every 4 KiB, which showed as a tenth of the time at 1M rows.
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var parser = Parser(context: context, builder: &builder)
        parser.progress = progress
        while true {
            let n = Glibc.read(fd, chunk.baseAddress, chunkSize)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            if !parser.feed(UnsafeBufferPointer(rebasing: chunk[..<n]), diagnostics: &diagnostics, builder: &builder) { break }
        }
        parser.finish(diagnostics: &diagnostics, builder: &builder)
    }

    /// Reads bytes already in memory.
    static func read(
        bytes: [UInt8], context: Context, diagnostics: inout Diagnostics, into builder: inout FigureBuilder
    ) {
        var parser = Parser(context: context, builder: &builder)
        _ = parser.feed(bytes, diagnostics: &diagnostics, builder: &builder)
        parser.finish(diagnostics: &diagnostics, builder: &builder)
    }

    /// The state of one pass: the CSV reader, the header once read, and whether to go on.
    struct Parser {
        var context: Context
        var reader: CSVReader?
        var header: DonationHeader?
        var quick: QuickRowReader?
        var stopped = false
        var rowChecker: RowChecker
        var progress: ((Int) -> Void)?
        /// Campaign periods by `RowVocabulary.campaigns` entry, for the quick path.
        private let periods: [Int32: ClosedRange<Int32>]

        /// Enters every campaign id in the builder's vocabulary first, so that
        /// the quick path knows a campaign by finding its bytes there.
        init(context: Context, builder: inout FigureBuilder) {
            self.context = context
            self.rowChecker = RowChecker(context: context)
            var periods: [Int32: ClosedRange<Int32>] = [:]
            for id in context.campaignIDs.sorted() {
                let entry = builder.vocabulary.campaigns.intern(id)
                if let period = context.periods[id] {
                    periods[entry] = Int32(period.lowerBound.ordinal)...Int32(period.upperBound.ordinal)
                }
            }
            self.periods = periods
        }

        /// Returns false once reading cannot go on (bad encoding, broken header).
        mutating func feed(
            _ bytes: some Collection<UInt8>, diagnostics: inout Diagnostics, builder: inout FigureBuilder
        ) -> Bool {
            if reader == nil {
                if TextEncoding.looksUTF16(bytes) {
                    diagnostics.append(TextEncoding.utf16Diagnostic(file: context.file))
                    stopped = true
                    return false
                }
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : Array(bytes)
                reader = CSVReader(delimiter: DonationHeader.detectDelimiter(body))
            }
            return run(diagnostics: &diagnostics, builder: &builder) { reader, emit in try reader.feedRaw(bytes, emit: emit) }
        }

        mutating func finish(diagnostics: inout Diagnostics, builder: inout FigureBuilder) {
            defer { diagnostics.append(contentsOf: Diagnostics(rowChecker.closingDiagnostics())) }
            guard !stopped else { return }
            if reader == nil { reader = CSVReader(delimiter: 0x2C) }
            _ = run(diagnostics: &diagnostics, builder: &builder) { reader, emit in try reader.finishRaw(emit: emit) }
            if header == nil && !stopped {
                diagnostics.error(
                    SourceLocation(file: context.file, line: 1, column: 1),
                    Message(vi: "tệp trống: thiếu dòng tiêu đề", en: "the file is empty: no header row"),
                    hint: Message(vi: "dòng đầu tiên phải là campaign,date,site,donor,volume_ml,…",
                                  en: "the first line must be campaign,date,site,donor,volume_ml,…"))
            }
        }

        private mutating func run(
            diagnostics: inout Diagnostics, builder: inout FigureBuilder,
            _ step: (inout CSVReader, (RawRecord) throws -> Void) throws -> Void
        ) -> Bool {
            guard !stopped, var csv = reader else { return false }
            var header = self.header
            var quick = self.quick
            var stopped = false
            var checker = rowChecker
            let context = self.context, periods = self.periods, progress = self.progress
            do {
                try step(&csv) { raw in
                    guard let current = header else {
                        header = DonationHeader.read(
                            raw.record(), file: context.file, mapping: context.columnMapping, diagnostics: &diagnostics)
                        if header == nil { stopped = true; throw StopReading() }
                        quick = QuickRowReader(header: header!, periods: periods)
                        return
                    }
                    let before = builder.rowsRead
                    if let row = quick?.read(raw, vocabulary: &builder.vocabulary) {
                        builder.add(row)
                    } else if let record = checker.check(raw.record(), header: current, diagnostics: &diagnostics) {
                        builder.add(builder.vocabulary.row(from: record))
                    }
                    if let progress, builder.rowsRead != before, builder.rowsRead % 100_000 == 0 { progress(builder.rowsRead) }
                }
            } catch is StopReading {
            } catch let problem as CSVReader.Problem {
                diagnostics.append(problem.diagnostic(file: context.file))
                stopped = true
            } catch {
                stopped = true
            }
            self.reader = csv
            self.header = header
            self.quick = quick
            self.rowChecker = checker
            self.stopped = stopped
            return !stopped
        }
    }

    struct StopReading: Error {}
}
