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
            let making = ThreadedStep { () -> RowMaker in
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
