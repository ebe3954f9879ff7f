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
        let reading = ThreadedStep { [upstream] () -> Diagnostic? in
            var upstream = upstream, batch = RecordBatch()
            let failure = upstream.readRecords { raw in
                batch.append(raw)
                guard batch.isFull else { return true }
                let full = batch
                batch = batches.spare() ?? RecordBatch()
                batch.removeAll()
                return batches.put(full)
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
            batches.giveBack(batch)
        }
        // The upstream is not read after this returns (its file is closed then).
        return reading.wait()
    }
}
