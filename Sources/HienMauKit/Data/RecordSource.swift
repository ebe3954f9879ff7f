/// Where the donation records come from: the first step of reading.
///
///     record source → row maker (header, column parsers) → sink
///     (CSVRecordSource)  (RowMaker, RowCells)              (DonationRowSink)
///
/// A source gives raw records: each cell's bytes and where the cell starts,
/// so that a message can point at it. It knows nothing of the columns. The
/// CSV (`CSVRecordSource`) is the first source; a workbook reader is the next,
/// handing over its rows' cells the same way.
protocol RecordSource {
    /// Calls `take` with every record in order, until the records end or
    /// `take` returns false. Returns what stopped the reading when the source
    /// itself is broken (bad bytes, an unclosed quote), after every record
    /// before the break was taken; nil otherwise.
    mutating func readRecords(_ take: (RawRecord) -> Bool) -> Diagnostic?
}

/// A workbook as a record source: its sheets of awards are left out.
protocol SheetRecordSource: RecordSource {
    /// Sheets that are not donations (the awards, `AwardsSheet`), by index: not read.
    var skipped: Set<Int> { get set }
}

/// One record as byte ranges, valid only while the source's `take` runs.
/// Every cell has been checked to be UTF-8.
///
/// Empty fields are left out (a sheet saved 16,384 columns wide holds
/// thousands on every row): `spans` holds the others in field order, each
/// with its index, and `starts` where each starts, then where a field after
/// the last would start. `field(_:)` and `start(of:)` give any field.
struct RawRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<FieldSpan>
    let starts: UnsafeBufferPointer<CSVReader.FieldStart>
    /// 1-based line of the record's first byte.
    let line: Int
    /// The record's source text (in `bytes`), without its line end: for messages.
    let range: Range<Int>
    /// The workbook sheet the record is on (its index in `DonationTable.Context.sheetNames`);
    /// -1 for a CSV. A new sheet starts a new table, with a header of its own.
    var sheet: Int32 = -1
    /// The number of fields, the empty ones counted.
    let fieldCount: Int

    /// The slot in `spans` of the first stored field whose index is `index` or more.
    @inline(__always)
    func slot(from index: Int) -> Int {
        // A field is stored at its own index, or before it when fields before it are empty.
        if index < spans.count && spans[index].index == index { return index }
        var low = 0, high = min(index, spans.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(spans[middle].index) < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let slot = slot(from: index)
        guard slot < spans.count, spans[slot].index == index else { return UnsafeBufferPointer(start: nil, count: 0) }
        let span = spans[slot]
        let base = span.inScratch ? scratch : bytes
        return UnsafeBufferPointer(rebasing: base[span.start..<span.start + span.count])
    }

    /// Where field `index` starts. An empty field left out is just before the
    /// next stored one (or the end), one delimiter per field between them.
    func start(of index: Int) -> CSVReader.FieldStart {
        start(of: index, slot: slot(from: index))
    }

    private func start(of index: Int, slot: Int) -> CSVReader.FieldStart {
        let next = slot < spans.count ? Int(spans[slot].index) : fieldCount
        let at = starts[slot]
        return CSVReader.FieldStart(line: at.line, byteColumn: at.byteColumn - (next - index))
    }

    /// The same record with a `String` per field, for the header, the careful path and messages.
    func record() -> CSVReader.Record {
        var fields = [String](repeating: "", count: fieldCount)
        var fieldStarts: [CSVReader.FieldStart] = []
        fieldStarts.reserveCapacity(fieldCount)
        var slot = 0
        for index in 0..<fieldCount {
            if slot < spans.count && spans[slot].index < index { slot += 1 }
            fieldStarts.append(start(of: index, slot: slot))
            if slot < spans.count && spans[slot].index == index {
                let span = spans[slot]
                let base = span.inScratch ? scratch : bytes
                fields[index] = String(decoding: base[span.start..<span.start + span.count], as: UTF8.self)
            }
        }
        return CSVReader.Record(
            fields: fields, line: line, fieldStarts: fieldStarts, raw: ArraySlice(bytes[range]), sheet: sheet)
    }
}

/// Where one field's bytes are: in the source's bytes, or (a quoted CSV field
/// that held `""`) in its scratch space, unescaped; and which field it is.
struct FieldSpan {
    var start: Int
    var count: Int
    var index: Int32
    var inScratch: Bool

    init(start: Int, count: Int, inScratch: Bool, index: Int) {
        self.start = start
        self.count = count
        self.index = Int32(index)
        self.inScratch = inScratch
    }
}
