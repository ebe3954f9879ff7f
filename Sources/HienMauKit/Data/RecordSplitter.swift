import Foundation

/// The first half of reading on more than one thread: the CSV reader turns
/// bytes into records, which go on in batches with their bytes copied, so
/// that checking and interning them (`RowProducer.take`) runs on another
/// core. Splitting records and checking their UTF-8 was about 40% of the
/// reading thread's time.
struct RecordSplitter {
    let file: String
    private var reader: CSVReader?
    /// What stopped the reading: given out after every record before it.
    private(set) var failure: Diagnostic?
    private var stopped = false
    private var batch = RecordBatch()

    init(file: String) {
        self.file = file
    }

    /// Returns false once reading cannot go on (bad encoding, broken CSV).
    /// The first chunk decides the encoding and the delimiter, as `RowProducer.feed` does.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, send: (RecordBatch) -> Void) -> Bool {
        guard !stopped else { return false }
        if reader == nil {
            reader = DonationHeader.reader(forFirstChunk: bytes)
            guard reader != nil else {
                failure = TextEncoding.utf16Diagnostic(file: file)
                stopped = true
                return false
            }
        }
        return run(send) { reader, each in try reader.feedRaw(bytes, emit: each) }
    }

    /// Ends the input and sends the last batch.
    mutating func finish(send: (RecordBatch) -> Void) {
        if !stopped {
            if reader == nil { reader = CSVReader(delimiter: 0x2C) }
            _ = run(send) { reader, each in try reader.finishRaw(emit: each) }
        }
        if !batch.isEmpty { send(batch) }
        batch = RecordBatch()
    }

    private mutating func run(
        _ send: (RecordBatch) -> Void, _ step: (inout CSVReader, (RawRecord) throws -> Void) throws -> Void
    ) -> Bool {
        guard var csv = reader else { return false }
        do {
            try withoutActuallyEscaping(send) { send in
                try step(&csv) { raw in
                    self.batch.append(raw)
                    if self.batch.isFull {
                        send(self.batch)
                        self.batch = RecordBatch()
                    }
                }
            }
        } catch let problem as CSVReader.Problem {
            failure = problem.diagnostic(file: file)
            stopped = true
        } catch {
            stopped = true
        }
        reader = csv
        return !stopped
    }
}

/// Records with their own copy of the bytes, from `RecordSplitter` to `RowProducer`.
struct RecordBatch: Sendable {
    static let capacity = 4_096

    private struct Entry {
        var firstField: Int
        var fields: Int
        var line: Int
        var range: Range<Int>
    }

    private var bytes: [UInt8] = []
    private var scratch: [UInt8] = []
    private var spans: [FieldSpan] = []
    private var starts: [CSVReader.FieldStart] = []
    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var isFull: Bool { entries.count >= Self.capacity }

    /// Copies the record's bytes (without its line end) and unescaped fields.
    mutating func append(_ raw: RawRecord) {
        let base = bytes.count, scratchBase = scratch.count
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw.bytes[raw.range]))
        scratch.append(contentsOf: raw.scratch)
        entries.append(Entry(firstField: spans.count, fields: raw.spans.count, line: raw.line,
                             range: base..<base + raw.range.count))
        for span in raw.spans {
            let start = span.inScratch ? scratchBase + span.start : base + span.start - raw.range.lowerBound
            spans.append(FieldSpan(start: start, count: span.count, inScratch: span.inScratch))
        }
        starts.append(contentsOf: raw.starts)
    }

    /// Each record as the CSV reader gave it, in order.
    func forEach(_ body: (RawRecord) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { bytes in
            try scratch.withUnsafeBufferPointer { scratch in
                try spans.withUnsafeBufferPointer { spans in
                    try starts.withUnsafeBufferPointer { starts in
                        for entry in entries {
                            let fields = entry.firstField..<entry.firstField + entry.fields
                            try body(RawRecord(bytes: bytes, scratch: scratch, spans: UnsafeBufferPointer(rebasing: spans[fields]),
                                               starts: UnsafeBufferPointer(rebasing: starts[fields]),
                                               line: entry.line, range: entry.range))
                        }
                    }
                }
            }
        }
    }
}

/// Batches from one thread to the next, in order; at most a few wait at a
/// time, so memory stays flat however long the file.
final class Batches<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var closed = false
    private var abandoned = false

    /// Waits while four batches wait; drops the batch once the taker gave up.
    func put(_ batch: Batch) {
        condition.lock()
        while waiting.count >= 4 && !abandoned { condition.wait() }
        if !abandoned { waiting.append(batch) }
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The taker stops: waiting batches are dropped and `put` no longer waits.
    func abandon() {
        condition.lock()
        abandoned = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    var isAbandoned: Bool {
        condition.lock()
        defer { condition.unlock() }
        return abandoned
    }

    /// The next batch in order, or nil once the putter is done.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }
}
