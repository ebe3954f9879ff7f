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

/// One record as byte ranges, valid only while the source's `take` runs.
/// Every cell has been checked to be UTF-8.
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

    var fieldCount: Int { spans.count }

    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        let base = span.inScratch ? scratch : bytes
        return UnsafeBufferPointer(rebasing: base[span.start..<span.start + span.count])
    }

    /// The same record with a `String` per field, for the header, the careful path and messages.
    func record() -> CSVReader.Record {
        CSVReader.Record(
            fields: (0..<fieldCount).map { String(decoding: field($0), as: UTF8.self) },
            line: line, fieldStarts: Array(starts), raw: ArraySlice(bytes[range]), sheet: sheet)
    }
}

/// Where one field's bytes are: in the source's bytes, or (a quoted CSV field
/// that held `""`) in its scratch space, unescaped.
struct FieldSpan {
    var start: Int
    var count: Int
    var inScratch: Bool
}
