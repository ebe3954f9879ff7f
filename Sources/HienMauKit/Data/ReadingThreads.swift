import Foundation

extension DonationTable {
    /// The reading steps — records from a source, rows made of them
    /// (`RowMaker.take`), rows added to the sink — and the threads they run
    /// on. The steps are the same however many threads; only what joins them
    /// changes:
    ///
    /// - one thread: each record goes through the steps in turn;
    /// - `threads` ≥ 2: the source and the row maker run on a thread of their
    ///   own, and the rows come to the calling thread in `Batches`;
    /// - `splitting` as well: the source runs on a third thread, its records
    ///   copied into batches (`RecordsOnAThread`).
    ///
    /// Each step sees everything in file order, so the rows, the vocabulary
    /// and the messages are those of reading on one thread.
    enum ReadingThreads {
        /// Runs the steps; the row maker at the end holds the vocabulary and the messages.
        static func read<Source: RecordSource, Sink: DonationRowSink>(
            _ source: Source, maker: RowMaker, into sink: inout Sink, threads: Int, splitting: Bool,
            progress: ((Int) -> Void)?
        ) -> RowMaker {
            func add(_ row: DonationRow) {
                sink.add(row)
                if let progress, sink.rowsRead % 100_000 == 0 { progress(sink.rowsRead) }
            }
            guard threads > 1 else {
                var source = source, maker = maker
                makeRows(from: &source, maker: &maker, emit: add)
                return maker
            }
            let rows = Batches<[DonationRow]>()
            let making = ReadingThread { () -> RowMaker in
                var maker = maker, batches = RowBatcher(into: rows)
                if splitting {
                    var records = RecordsOnAThread(source)
                    makeRows(from: &records, maker: &maker) { batches.add($0) }
                } else {
                    var source = source
                    makeRows(from: &source, maker: &maker) { batches.add($0) }
                }
                batches.close()
                return maker
            }
            while let batch = rows.take() {
                for row in batch { add(row) }
            }
            return making.wait()
        }

        /// The first two steps on the calling thread: each record of `source`
        /// made into a row, which goes to `emit`; then what ended the reading.
        static func makeRows<Source: RecordSource>(
            from source: inout Source, maker: inout RowMaker, emit: (DonationRow) -> Void
        ) {
            let failure = source.readRecords { maker.take($0, emit: emit) }
            maker.finish(after: failure)
        }
    }
}

/// A source read on a thread of its own: its records are copied into batches
/// there and taken here in order, so that making rows of them (checking,
/// interning) runs on another core. Splitting records and checking their
/// UTF-8 is about 40% of reading.
///
/// It costs about 5% more CPU (the records are copied once more) and pays
/// only where a core would otherwise wait: when reading takes much longer
/// than parsing the write-ups beside it (`AddUp.splittingAbove`).
struct RecordsOnAThread<Upstream: RecordSource>: RecordSource {
    private let upstream: Upstream

    init(_ upstream: Upstream) {
        self.upstream = upstream
    }

    mutating func readRecords(_ take: (RawRecord) -> Bool) -> Diagnostic? {
        let batches = Batches<RecordBatch>()
        let reading = ReadingThread { [upstream] () -> Diagnostic? in
            var upstream = upstream, batch = RecordBatch()
            let failure = upstream.readRecords { raw in
                batch.append(raw)
                guard batch.isFull else { return true }
                defer { batch = RecordBatch() }
                return batches.put(batch)
            }
            if !batch.isEmpty { batches.put(batch) }
            batches.close()
            return failure
        }
        while let batch = batches.take() {
            // A broken header stops the reading: the other thread stops at its next batch.
            if !batch.forEach(take) {
                batches.abandon()
                break
            }
        }
        // The upstream is not read after this returns (its file is closed then).
        return reading.wait()
    }
}

/// Rows gathered into batches for the thread that adds them up.
struct RowBatcher {
    static let rowsPerBatch = 16_384
    private let out: Batches<[DonationRow]>
    private var batch: [DonationRow] = []

    init(into out: Batches<[DonationRow]>) {
        self.out = out
        batch.reserveCapacity(Self.rowsPerBatch)
    }

    mutating func add(_ row: DonationRow) {
        batch.append(row)
        guard batch.count == Self.rowsPerBatch else { return }
        out.put(batch)
        batch = []
        batch.reserveCapacity(Self.rowsPerBatch)
    }

    /// Sends the last rows; no more will come.
    mutating func close() {
        if !batch.isEmpty { out.put(batch) }
        batch = []
        out.close()
    }
}

/// One step of the reading on a thread of its own; `wait` gives its result.
final class ReadingThread<Result>: @unchecked Sendable {
    private var work: (() -> Result)?
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> Result) {
        self.work = work
        let thread = Thread { [self] in
            result = self.work?()
            self.work = nil
            done.signal()
        }
        // 8 MiB, as the main thread has: a new thread's default stack is much smaller.
        thread.stackSize = 1 << 23
        thread.start()
    }

    func wait() -> Result {
        done.wait()
        return result!
    }
}
