/// An RFC 4180 reader over bytes that streams: input arrives in chunks of any
/// size and records leave one at a time, so memory does not grow with the file.
///
/// Written here rather than taken from a CSV package because the errors must
/// point at a line and column (an unterminated quote names the line where it
/// opened), the dialect is detected from the header, the bytes are checked
/// for UTF-8 before any of them becomes text, and a record can be read as
/// byte ranges without making a `String` per cell (see `RawRecord`).
public struct CSVReader {
    /// One record: its fields as text and where each starts in the file.
    public struct Record {
        public var fields: [String]
        /// 1-based line of the record's first byte.
        public var line: Int
        /// For each field, its line and 1-based byte offset in that line.
        public var fieldStarts: [FieldStart]
        /// The record's raw bytes, for showing the source line in a message.
        public var raw: ArraySlice<UInt8>
        /// The workbook sheet it is on; -1 for a CSV (see `RawRecord.sheet`).
        var sheet: Int32 = -1
    }

    /// Where a field starts. A struct, not a tuple: an array of tuples looks up
    /// its type at run time on every record, which showed in the profile.
    public struct FieldStart: Sendable {
        public var line: Int
        public var byteColumn: Int
    }

    /// What stops the reading. Each carries its line, the column in characters
    /// and the line's text (bad bytes shown as U+FFFD), ready for a message.
    public enum Problem: Error, Equatable {
        /// A quoted field opened on `line` is never closed.
        case unterminatedQuote(line: Int, column: Int, text: String)
        /// A record holds bytes that are not UTF-8; the column is the first bad byte.
        case notUTF8(line: Int, column: Int, text: String)
        /// Text after the closing quote of a quoted field.
        case strayQuote(line: Int, column: Int, text: String)
        /// A record with more fields than `CSVLimits.fields`; the column is the first field past it.
        case tooManyFields(line: Int, column: Int)
        /// A field longer than `CSVLimits.cellCharacters`; the column is where it starts.
        case cellTooLong(line: Int, column: Int)
    }

    public let delimiter: UInt8
    private var buffer: [UInt8] = []
    /// Line number of `buffer[0]`.
    private var bufferLine = 1
    private var atFileStart = true
    /// Reused from record to record: where each field's bytes are, and the
    /// unescaped text of quoted fields that held `""`.
    private var spans: [FieldSpan] = []
    private var starts: [FieldStart] = []
    private var scratch: [UInt8] = []
    /// The buffer's size at which to parse again: twice an unfinished long record.
    private var retryAt = 0
    static let longRecord = 1 << 20

    public init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Adds `bytes` and calls `emit` for every record they complete.
    public mutating func feed(_ bytes: some Collection<UInt8>, emit: (Record) throws -> Void) throws {
        try feedRaw(bytes) { try emit($0.record()) }
    }

    /// Ends the input: the last record may have no line end.
    public mutating func finish(emit: (Record) throws -> Void) throws {
        try finishRaw { try emit($0.record()) }
    }

    /// As `feed`, with each record as byte ranges valid only during `emit`.
    mutating func feedRaw(_ bytes: some Collection<UInt8>, emit: (RawRecord) throws -> Void) throws {
        buffer.append(contentsOf: bytes)
        if atFileStart {
            guard buffer.count >= 3 || bytes.isEmpty else { return }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            atFileStart = false
        }
        try drain(final: false, emit: emit)
    }

    mutating func finishRaw(emit: (RawRecord) throws -> Void) throws {
        if atFileStart {
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            atFileStart = false
        }
        try drain(final: true, emit: emit)
    }

    /// Reads a whole file's bytes at once (tests and small files).
    public static func records(in bytes: [UInt8], delimiter: UInt8) throws -> [Record] {
        var reader = CSVReader(delimiter: delimiter)
        var out: [Record] = []
        try reader.feed(bytes) { out.append($0) }
        try reader.finish { out.append($0) }
        return out
    }

    private mutating func drain(final: Bool, emit: (RawRecord) throws -> Void) throws {
        // A record longer than a chunk is parsed again from its start with each
        // chunk: wait until it has doubled, so that a long one costs twice its bytes, not their square.
        guard final || buffer.count >= retryAt else { return }
        var start = 0
        var line = bufferLine
        let parser = CSVRecordParser(delimiter: delimiter, final: final)
        try buffer.withUnsafeBufferPointer { bytes in
            while start < bytes.count {
                guard
                    let (end, next, nextLine, fields) = try parser.parse(
                        bytes, from: start, line: line, spans: &spans, starts: &starts, scratch: &scratch)
                else { break }
                // Lines with nothing on them (trailing empty lines) are not records.
                if !(fields == 1 && (spans.isEmpty || spans[0].count == 0)) {
                    try spans.withUnsafeBufferPointer { spans in
                        try starts.withUnsafeBufferPointer { starts in
                            try scratch.withUnsafeBufferPointer { scratch in
                                try emit(
                                    RawRecord(
                                        bytes: bytes, scratch: scratch, spans: spans, starts: starts,
                                        line: line, range: start..<end, fieldCount: fields))
                            }
                        }
                    }
                }
                start = next
                line = nextLine
            }
        }
        if start > 0 {
            buffer.removeFirst(start)
            bufferLine = line
        }
        retryAt = buffer.count > Self.longRecord ? 2 * buffer.count : 0
    }
}

extension CSVReader.Record {
    /// The text of the record's first line, shown under a message about the record.
    var firstLineText: String {
        let firstLine = raw.split(separator: 0x0A, omittingEmptySubsequences: false).first ?? []
        var text = String(decoding: firstLine, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}

extension CSVReader.Problem {
    /// The located message for this problem in `file`.
    public func diagnostic(file: String) -> Diagnostic {
        switch self {
        case .unterminatedQuote(let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                Message(
                    vi: "dấu ngoặc kép mở ở dòng \(line) không bao giờ được đóng",
                    en: "the quote opened on line \(line) is never closed"),
                hint: Message(
                    vi: "thêm dấu \" đóng ô, hoặc viết \"\" cho một dấu ngoặc kép trong ô",
                    en: "close the cell with \", or write \"\" for a quote inside a cell"),
                sourceLine: text)
        case .strayQuote(let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                Message(vi: "có chữ ngay sau dấu ngoặc kép đóng ô", en: "text follows the closing quote of a cell"),
                hint: Message(
                    vi: "đặt cả ô trong ngoặc kép và viết \"\" cho một dấu ngoặc kép trong ô",
                    en: "put the whole cell in quotes and write \"\" for a quote inside it"),
                sourceLine: text)
        case .notUTF8(let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                TextEncoding.legacyEncodingMessage, hint: TextEncoding.saveHint, sourceLine: text)
        case .tooManyFields(let line, let column):
            return CSVLimits.tooManyFields(at: SourceLocation(file: file, line: line, column: column))
        case .cellTooLong(let line, let column):
            return CSVLimits.cellTooLong(at: SourceLocation(file: file, line: line, column: column))
        }
    }
}
