/// Records with their own copy of the bytes, from the thread that reads
/// them to the one that makes rows (`RecordsOnAThread`).
struct RecordBatch: Sendable {
    static let capacity = 4_096
    /// A batch is full at `capacity` records, or sooner at this many stored
    /// fields or bytes: so that wide records do not make a batch grow with their width.
    static let fieldCapacity = 1 << 16
    static let byteCapacity = 4 << 20

    private struct Entry {
        var firstField: Int
        /// Its stored fields' starts, then its end: one more than `fields`.
        var firstStart: Int
        var fields: Int
        var fieldCount: Int
        var line: Int
        var range: Range<Int>
        var sheet: Int32
    }

    private var bytes: [UInt8] = []
    private var scratch: [UInt8] = []
    private var spans: [FieldSpan] = []
    private var starts: [CSVReader.FieldStart] = []
    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    /// The fields held, all records together: empty ones are not.
    var storedFields: Int { spans.count }
    var isFull: Bool {
        entries.count >= Self.capacity || spans.count >= Self.fieldCapacity
            || bytes.count + scratch.count >= Self.byteCapacity
    }

    /// Empties the batch, keeping its memory for the next records.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Copies the record's bytes (without its line end) and unescaped fields.
    mutating func append(_ raw: RawRecord) {
        let base = bytes.count, scratchBase = scratch.count
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw.bytes[raw.range]))
        scratch.append(contentsOf: raw.scratch)
        entries.append(
            Entry(
                firstField: spans.count, firstStart: starts.count, fields: raw.spans.count, fieldCount: raw.fieldCount,
                line: raw.line,
                range: base..<base + raw.range.count, sheet: raw.sheet))
        for span in raw.spans {
            let start = span.inScratch ? scratchBase + span.start : base + span.start - raw.range.lowerBound
            spans.append(
                FieldSpan(start: start, count: span.count, inScratch: span.inScratch, index: Int(span.index)))
        }
        // Where each stored field starts, and the end.
        starts.append(contentsOf: raw.starts)
    }

    /// Each record as the source gave it, in order, until `take` returns false;
    /// false when it did.
    func forEach(_ take: (RawRecord) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            scratch.withUnsafeBufferPointer { scratch in
                spans.withUnsafeBufferPointer { spans in
                    starts.withUnsafeBufferPointer { starts in
                        for entry in entries {
                            let fields = entry.firstField..<entry.firstField + entry.fields
                            let record = RawRecord(
                                bytes: bytes, scratch: scratch, spans: UnsafeBufferPointer(rebasing: spans[fields]),
                                starts: UnsafeBufferPointer(
                                    rebasing: starts[entry.firstStart...entry.firstStart + entry.fields]),
                                line: entry.line, range: entry.range, sheet: entry.sheet, fieldCount: entry.fieldCount)
                            if !take(record) { return false }
                        }
                        return true
                    }
                }
            }
        }
    }
}
