import Foundation

/// Reads `donations.csv` as a stream: each row is checked and added to a
/// `DonationRowSink` (the figures), never kept, so memory does not grow with the rows.
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
    /// messages do not depend on it. A file larger than `splittingAbove`
    /// bytes is read by two threads (see `ReadingThreads`).
    static func read<Sink: DonationRowSink>(
        url: URL, context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int = 1, splittingAbove: Int = .max, progress: ((Int) -> Void)? = nil
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
        let size = fstat(fd, &status) == 0 ? Int(status.st_size) : 0
        builder.reserve(rows: size / 120)
        let source: ByteSource = { feed in
            // One buffer for every chunk: a fresh one per read costs the kernel a
            // zeroed page every 4 KiB, which showed as a tenth of the time at 1M rows.
            let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
            defer { chunk.deallocate() }
            while true {
                let n = Glibc.read(fd, chunk.baseAddress, chunkSize)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                if !feed(UnsafeBufferPointer(rebasing: chunk[..<n])) { break }
            }
        }
        pass(source, context: context, diagnostics: &diagnostics, builder: &builder, threads: threads,
             splitting: size > splittingAbove, progress: progress)
    }

    /// Reads bytes already in memory.
    static func read<Sink: DonationRowSink>(
        bytes: [UInt8], context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int = 1, splitting: Bool = false
    ) {
        let source: ByteSource = { feed in
            _ = bytes.withUnsafeBufferPointer { feed($0) }
        }
        pass(source, context: context, diagnostics: &diagnostics, builder: &builder, threads: threads, splitting: splitting,
             progress: nil)
    }

    /// Calls its argument with each chunk of the file in order, until it returns false.
    typealias ByteSource = (_ feed: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void

    /// Runs `source` to make rows and adds them to `builder`: on one thread,
    /// or with the reading on a thread of its own, or (`splitting`) on two.
    private static func pass<Sink: DonationRowSink>(
        _ source: @escaping ByteSource, context: Context, diagnostics: inout Diagnostics, builder: inout Sink,
        threads: Int, splitting: Bool, progress: ((Int) -> Void)?
    ) {
        var producer = RowProducer(context: context, campaigns: builder.indexByID)
        func add(_ row: DonationRow) {
            builder.add(row)
            if let progress, builder.rowsRead % 100_000 == 0 { progress(builder.rowsRead) }
        }
        guard threads > 1 else {
            source { chunk in producer.feed(chunk, emit: add) }
            producer.finish(emit: add)
            builder.vocabulary = producer.vocabulary
            diagnostics.append(contentsOf: producer.diagnostics)
            return
        }
        let reading = ReadingThreads(producer: producer, source: source, splitting: splitting)
        reading.start()
        while let batch = reading.rows.take() {
            for row in batch { add(row) }
        }
        producer = reading.finished()
        builder.vocabulary = producer.vocabulary
        diagnostics.append(contentsOf: producer.diagnostics)
    }

    /// Reading beside the adding thread: one thread turns bytes into rows and
    /// sends them on in batches. With `splitting`, reading is a pipeline of
    /// two: one thread splits the bytes into records (`RecordSplitter`), the
    /// next checks and interns them (`RowProducer.take`). Each step sees
    /// everything in file order, so the rows, the vocabulary and the messages
    /// are those of reading on one thread.
    ///
    /// Splitting costs about 5% more CPU (the records are copied once more)
    /// and pays only where a core would otherwise wait: when reading takes
    /// much longer than parsing the write-ups beside it (`AddUp.splittingAbove`).
    private final class ReadingThreads: @unchecked Sendable {
        static let rowsPerBatch = 16_384
        let rows = Batches<[DonationRow]>()
        private let records = Batches<RecordBatch>()
        private var producer: RowProducer
        private let source: ByteSource
        /// Set by the splitting thread before it closes `records`.
        private var failure: Diagnostic?
        private let split = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private let splitting: Bool

        init(producer: RowProducer, source: @escaping ByteSource, splitting: Bool) {
            self.producer = producer
            self.source = source
            self.splitting = splitting
        }

        func start() {
            let file = producer.context.file
            let splitter = Thread { [self] in
                var splitter = RecordSplitter(file: file)
                source { chunk in
                    !records.isAbandoned && splitter.feed(chunk) { records.put($0) }
                }
                splitter.finish { records.put($0) }
                failure = splitter.failure
                records.close()
                split.signal()
            }
            let checking = Thread { [self] in
                var batch: [DonationRow] = []
                batch.reserveCapacity(Self.rowsPerBatch)
                func emit(_ row: DonationRow) {
                    batch.append(row)
                    if batch.count == Self.rowsPerBatch {
                        rows.put(batch)
                        batch = []
                        batch.reserveCapacity(Self.rowsPerBatch)
                    }
                }
                if splitting {
                    while let records = records.take() {
                        // A broken header stops the reading: the splitter stops at its next chunk.
                        if !producer.take(records, emit: emit) {
                            self.records.abandon()
                            break
                        }
                    }
                    // The source is not read after `finished`: its file is closed then.
                    split.wait()
                    producer.finish(after: failure)
                } else {
                    source { chunk in producer.feed(chunk, emit: emit) }
                    producer.finish(emit: emit)
                }
                rows.put(batch)
                rows.close()
                done.signal()
            }
            for thread in splitting ? [splitter, checking] : [checking] {
                thread.stackSize = 1 << 23
                thread.start()
            }
        }

        /// Waits for the reading; the producer with its vocabulary and messages.
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
        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (DonationRow) -> Void) -> Bool {
            if reader == nil {
                reader = DonationHeader.reader(forFirstChunk: bytes)
                guard reader != nil else {
                    diagnostics.append(TextEncoding.utf16Diagnostic(file: context.file))
                    stopped = true
                    return false
                }
            }
            return run(emit) { reader, each in try reader.feedRaw(bytes, emit: each) }
        }

        mutating func finish(emit: (DonationRow) -> Void) {
            defer { diagnostics.append(contentsOf: Diagnostics(rowChecker.closingDiagnostics())) }
            guard !stopped else { return }
            if reader == nil { reader = CSVReader(delimiter: 0x2C) }
            _ = run(emit) { reader, each in try reader.finishRaw(emit: each) }
            if header == nil && !stopped { reportEmptyFile() }
        }

        /// The records of one batch from `RecordSplitter`, on the pipeline's
        /// second thread. Returns false once reading cannot go on (broken header).
        mutating func take(_ batch: RecordBatch, emit: (DonationRow) -> Void) -> Bool {
            guard !stopped else { return false }
            do {
                try batch.forEach { raw in try self.handle(raw, emit: emit) }
            } catch {
                stopped = true
            }
            return !stopped
        }

        /// Every batch was taken: says what stopped the splitter, if anything,
        /// or that the file was empty, as `finish(emit:)` does.
        mutating func finish(after failure: Diagnostic?) {
            defer { diagnostics.append(contentsOf: Diagnostics(rowChecker.closingDiagnostics())) }
            guard !stopped else { return }
            if let failure {
                diagnostics.append(failure)
                stopped = true
            } else if header == nil {
                reportEmptyFile()
            }
        }

        private mutating func reportEmptyFile() {
            diagnostics.error(
                SourceLocation(file: context.file, line: 1, column: 1),
                Message(vi: "tệp trống: thiếu dòng tiêu đề", en: "the file is empty: no header row"),
                hint: Message(vi: "dòng đầu tiên phải là campaign,date,site,donor,volume_ml,…",
                              en: "the first line must be campaign,date,site,donor,volume_ml,…"))
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
