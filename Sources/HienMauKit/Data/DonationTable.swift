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
    ///
    /// With `threads` ≥ 2, reading runs on a thread of its own: one core
    /// turns bytes into rows (parsing, checking, interning the texts) while
    /// the calling thread adds them up, rows passing between the two in
    /// batches. The rows arrive in file order either way, so the figures and
    /// messages do not depend on it.
    static func read(
        url: URL, context: Context, diagnostics: inout Diagnostics, into builder: inout FigureBuilder,
        threads: Int = 1, progress: ((Int) -> Void)? = nil
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
        let source: (inout RowProducer, (DonationRow) -> Void) -> Void = { producer, emit in
            // One buffer for every chunk: a fresh one per read costs the kernel a
            // zeroed page every 4 KiB, which showed as a tenth of the time at 1M rows.
            let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
            defer { chunk.deallocate() }
            while true {
                let n = Glibc.read(fd, chunk.baseAddress, chunkSize)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                if !producer.feed(UnsafeBufferPointer(rebasing: chunk[..<n]), emit: emit) { break }
            }
            producer.finish(emit: emit)
        }
        pass(source, context: context, diagnostics: &diagnostics, builder: &builder, threads: threads, progress: progress)
    }

    /// Reads bytes already in memory.
    static func read(
        bytes: [UInt8], context: Context, diagnostics: inout Diagnostics, into builder: inout FigureBuilder,
        threads: Int = 1
    ) {
        let source: (inout RowProducer, (DonationRow) -> Void) -> Void = { producer, emit in
            _ = producer.feed(bytes, emit: emit)
            producer.finish(emit: emit)
        }
        pass(source, context: context, diagnostics: &diagnostics, builder: &builder, threads: threads, progress: nil)
    }

    /// Runs `source` to make rows and adds them to `builder`, on one thread or two.
    private static func pass(
        _ source: @escaping (inout RowProducer, (DonationRow) -> Void) -> Void, context: Context,
        diagnostics: inout Diagnostics, builder: inout FigureBuilder, threads: Int, progress: ((Int) -> Void)?
    ) {
        var producer = RowProducer(context: context, campaigns: builder.indexByID)
        func add(_ row: DonationRow) {
            builder.add(row)
            if let progress, builder.rowsRead % 100_000 == 0 { progress(builder.rowsRead) }
        }
        guard threads > 1 else {
            source(&producer, add)
            builder.vocabulary = producer.vocabulary
            diagnostics.append(contentsOf: producer.diagnostics)
            return
        }
        let reading = ReadingThread(producer: producer, source: source)
        reading.start()
        while let batch = reading.batches.take() {
            for row in batch { add(row) }
        }
        producer = reading.finished()
        builder.vocabulary = producer.vocabulary
        diagnostics.append(contentsOf: producer.diagnostics)
    }

    /// The thread that runs a `RowProducer` and sends its rows on in batches.
    private final class ReadingThread: @unchecked Sendable {
        let batches = RowBatches()
        private var producer: RowProducer
        private let source: (inout RowProducer, (DonationRow) -> Void) -> Void
        private let done = DispatchSemaphore(value: 0)

        init(producer: RowProducer, source: @escaping (inout RowProducer, (DonationRow) -> Void) -> Void) {
            self.producer = producer
            self.source = source
        }

        func start() {
            let thread = Thread { [self] in
                var batch: [DonationRow] = []
                batch.reserveCapacity(RowBatches.size)
                source(&producer) { row in
                    batch.append(row)
                    if batch.count == RowBatches.size {
                        batches.put(batch)
                        batch = []
                        batch.reserveCapacity(RowBatches.size)
                    }
                }
                batches.put(batch)
                batches.close()
                done.signal()
            }
            thread.stackSize = 1 << 23
            thread.start()
        }

        /// Waits for the thread; the producer with its vocabulary and messages.
        func finished() -> RowProducer {
            done.wait()
            return producer
        }
    }

    /// Turns the file's bytes into rows: the CSV reader, the header once read,
    /// the quick and careful paths, and the texts the rows refer to.
    struct RowProducer {
        var context: Context
        var reader: CSVReader?
        var header: DonationHeader?
        /// Reads nothing until the header is known.
        var quick = QuickRowReader.none
        var stopped = false
        var rowChecker: RowChecker
        var vocabulary = RowVocabulary()
        var diagnostics = Diagnostics()
        /// Campaign periods by `RowVocabulary.campaigns` entry, for the quick path.
        private let periods: [Int32: ClosedRange<Int32>]
        /// Index in the build of each campaign id; -1 outside it (drafts).
        private let indexByID: [String: Int]
        private var buildIndex: [Int32] = []

        /// Enters every campaign id in the vocabulary first, so that the quick
        /// path knows a campaign by finding its bytes there.
        init(context: Context, campaigns indexByID: [String: Int]) {
            self.context = context
            self.rowChecker = RowChecker(context: context)
            self.indexByID = indexByID
            var periods: [Int32: ClosedRange<Int32>] = [:]
            for id in context.campaignIDs.sorted() {
                let entry = vocabulary.campaigns.intern(id)
                if let period = context.periods[id] {
                    periods[entry] = Int32(period.lowerBound.ordinal)...Int32(period.upperBound.ordinal)
                }
            }
            self.periods = periods
        }

        /// Returns false once reading cannot go on (bad encoding, broken header).
        mutating func feed(_ bytes: some Collection<UInt8>, emit: (DonationRow) -> Void) -> Bool {
            if reader == nil {
                if TextEncoding.looksUTF16(bytes) {
                    diagnostics.append(TextEncoding.utf16Diagnostic(file: context.file))
                    stopped = true
                    return false
                }
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : Array(bytes)
                reader = CSVReader(delimiter: DonationHeader.detectDelimiter(body))
            }
            return run(emit) { reader, each in try reader.feedRaw(bytes, emit: each) }
        }

        mutating func finish(emit: (DonationRow) -> Void) {
            defer { diagnostics.append(contentsOf: Diagnostics(rowChecker.closingDiagnostics())) }
            guard !stopped else { return }
            if reader == nil { reader = CSVReader(delimiter: 0x2C) }
            _ = run(emit) { reader, each in try reader.finishRaw(emit: each) }
            if header == nil && !stopped {
                diagnostics.error(
                    SourceLocation(file: context.file, line: 1, column: 1),
                    Message(vi: "tệp trống: thiếu dòng tiêu đề", en: "the file is empty: no header row"),
                    hint: Message(vi: "dòng đầu tiên phải là campaign,date,site,donor,volume_ml,…",
                                  en: "the first line must be campaign,date,site,donor,volume_ml,…"))
            }
        }

        private mutating func run(
            _ emit: (DonationRow) -> Void, _ step: (inout CSVReader, (RawRecord) throws -> Void) throws -> Void
        ) -> Bool {
            guard !stopped, var csv = reader else { return false }
            do {
                try withoutActuallyEscaping(emit) { emit in
                    try step(&csv) { raw in try self.handle(raw, emit: emit) }
                }
            } catch is StopReading {
            } catch let problem as CSVReader.Problem {
                diagnostics.append(problem.diagnostic(file: context.file))
                stopped = true
            } catch {
                stopped = true
            }
            reader = csv
            return !stopped
        }

        /// One record: the header, or a row by the quick path or the careful one.
        /// A method on the producer itself rather than a closure over copies of
        /// its parts, so that nothing is retained and released per row.
        private mutating func handle(_ raw: RawRecord, emit: (DonationRow) -> Void) throws {
            if header == nil {
                header = DonationHeader.read(
                    raw.record(), file: context.file, mapping: context.columnMapping, diagnostics: &diagnostics)
                guard let header else { stopped = true; throw StopReading() }
                quick = QuickRowReader(header: header, periods: periods)
                return
            }
            var row: DonationRow
            if let quickRow = quick.read(raw, vocabulary: &vocabulary) {
                row = quickRow
            } else if let record = rowChecker.check(raw.record(), header: header!, diagnostics: &diagnostics) {
                row = vocabulary.row(from: record)
            } else {
                return
            }
            while buildIndex.count < vocabulary.campaigns.count {
                let id = vocabulary.campaigns.peekText(Int32(buildIndex.count))
                buildIndex.append(indexByID[id].map(Int32.init) ?? -1)
            }
            row.campaign = buildIndex[Int(row.campaign)]
            emit(row)
        }
    }

    struct StopReading: Error {}
}

/// Batches of rows from the reading thread to the adding one; at most a few
/// wait at a time, so memory stays flat however long the file.
final class RowBatches: @unchecked Sendable {
    static let size = 16_384
    private let condition = NSCondition()
    private var waiting: [[DonationRow]] = []
    private var closed = false

    func put(_ batch: [DonationRow]) {
        condition.lock()
        while waiting.count >= 4 { condition.wait() }
        waiting.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, or nil once the reader is done.
    func take() -> [DonationRow]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }
}
