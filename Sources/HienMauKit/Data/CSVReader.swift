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
        var start = 0
        var line = bufferLine
        let parser = RecordParser(delimiter: delimiter, final: final)
        try buffer.withUnsafeBufferPointer { bytes in
            while start < bytes.count {
                guard let (end, next, nextLine) = try parser.parse(
                    bytes, from: start, line: line, spans: &spans, starts: &starts, scratch: &scratch)
                else { break }
                // Lines with nothing on them (trailing empty lines) are not records.
                if !(spans.count == 1 && spans[0].count == 0) {
                    try spans.withUnsafeBufferPointer { spans in
                        try starts.withUnsafeBufferPointer { starts in
                            try scratch.withUnsafeBufferPointer { scratch in
                                try emit(RawRecord(bytes: bytes, scratch: scratch, spans: spans, starts: starts,
                                                   line: line, range: start..<end))
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
    }
}

/// Where one field's bytes are: in the read buffer, or (a quoted field that
/// held `""`) in the reader's scratch space, unescaped.
struct FieldSpan {
    var start: Int
    var count: Int
    var inScratch: Bool
}

/// A record as byte ranges, valid only while the reader's `emit` runs. Every
/// field has been checked to be UTF-8.
struct RawRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<FieldSpan>
    let starts: UnsafeBufferPointer<CSVReader.FieldStart>
    /// 1-based line of the record's first byte.
    let line: Int
    /// The record's bytes without its line end.
    let range: Range<Int>

    var fieldCount: Int { spans.count }

    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        let base = span.inScratch ? scratch : bytes
        return UnsafeBufferPointer(rebasing: base[span.start..<span.start + span.count])
    }

    /// The same record with a `String` per field, for the careful path and messages.
    func record() -> CSVReader.Record {
        CSVReader.Record(
            fields: (0..<fieldCount).map { String(decoding: field($0), as: UTF8.self) },
            line: line, fieldStarts: Array(starts), raw: ArraySlice(bytes[range]))
    }
}

/// Finds the end of one record and its fields; stateless between records.
private struct RecordParser {
    let delimiter: UInt8
    let final: Bool

    /// Parses the record at `from` into `spans`; nil when it is not complete yet.
    /// Returns the end of its bytes, where the next record starts, and that record's line.
    func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, line firstLine: Int,
        spans: inout [FieldSpan], starts: inout [CSVReader.FieldStart], scratch: inout [UInt8]
    ) throws -> (end: Int, next: Int, nextLine: Int)? {
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        spans.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        var i = from
        var line = firstLine
        var lineStart = from
        let end = bytes.count

        /// The column (in characters) of `position` and the text of its line.
        func locate(_ position: Int, lineStart: Int) -> (column: Int, text: String) {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != lf && bytes[lineEnd] != cr { lineEnd += 1 }
            let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<position]), as: UTF8.self)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
            return (before.count + 1, text)
        }

        /// Throws at the first bad byte of the record when the field's bytes are not UTF-8.
        func checkUTF8(_ field: UnsafeBufferPointer<UInt8>) throws {
            guard !UTF8Check.isValid(field) else { return }
            var scanLine = firstLine, scanLineStart = from, p = from
            var iterator = UnsafeBufferPointer(rebasing: bytes[from..<i]).makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            parsing: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar):
                    if scalar.count == 1 && scalar.first == lf { scanLine += 1; scanLineStart = p + 1 }
                    p += scalar.count
                case .error, .emptyInput:
                    break parsing
                }
            }
            let (column, lineText) = locate(p, lineStart: scanLineStart)
            throw CSVReader.Problem.notUTF8(line: scanLine, column: column, text: lineText)
        }

        while true {
            // Start of a field.
            starts.append(CSVReader.FieldStart(line: line, byteColumn: i - lineStart + 1))
            var span: FieldSpan
            if i < end && bytes[i] == quote {
                let openLine = line, openLineStart = lineStart, openAt = i
                var escaped = false
                i += 1
                while true {
                    guard i < end else {
                        if final {
                            let (column, text) = locate(openAt, lineStart: openLineStart)
                            throw CSVReader.Problem.unterminatedQuote(line: openLine, column: column, text: text)
                        }
                        return nil
                    }
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < end && bytes[i + 1] == quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        if i + 1 >= end && !final { return nil }
                        i += 1
                        break
                    }
                    if b == lf {
                        line += 1
                        lineStart = i + 1
                    }
                    i += 1
                }
                span = FieldSpan(start: openAt + 1, count: i - 1 - (openAt + 1), inScratch: false)
                if escaped {
                    // `""` stands for one quote: copy the field without the doubles.
                    let first = scratch.count
                    var j = span.start
                    while j < span.start + span.count {
                        scratch.append(bytes[j])
                        j += bytes[j] == quote ? 2 : 1
                    }
                    span = FieldSpan(start: first, count: scratch.count - first, inScratch: true)
                }
                // After the closing quote: a delimiter, a line end or the end.
                if i < end && bytes[i] != delimiter && bytes[i] != cr && bytes[i] != lf {
                    let (column, text) = locate(i, lineStart: lineStart)
                    throw CSVReader.Problem.strayQuote(line: line, column: column, text: text)
                }
            } else {
                let fieldStart = i
                while i < end {
                    let b = bytes[i]
                    if b == delimiter || b == lf || b == cr { break }
                    // A quote inside an unquoted field is kept as it is (`37°36'37.8"N`).
                    i += 1
                }
                span = FieldSpan(start: fieldStart, count: i - fieldStart, inScratch: false)
            }
            // The record may go on in the next chunk, which may also hold the rest
            // of a character cut by the chunk boundary: wait before decoding.
            if i >= end && !final { return nil }
            if span.inScratch {
                try scratch.withUnsafeBufferPointer { try checkUTF8(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count])) }
            } else {
                try checkUTF8(UnsafeBufferPointer(rebasing: bytes[span.start..<span.start + span.count]))
            }
            spans.append(span)
            guard i < end else { return (i, i, line) }
            let b = bytes[i]
            if b == delimiter {
                i += 1
                continue
            }
            // CR, LF or CRLF ends the record; a lone CR at the chunk's end waits for a possible LF.
            let recordEnd = i
            if b == cr {
                if i + 1 >= end && !final { return nil }
                i += (i + 1 < end && bytes[i + 1] == lf) ? 2 : 1
            } else {
                i += 1
            }
            return (recordEnd, i, line + 1)
        }
    }
}

/// UTF-8 validation over bytes: eight ASCII bytes at a time, then the
/// well-formed sequences of Unicode's table 3-7 (no overlongs, no surrogates).
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                i + k < n && base[i + k] >= low && base[i + k] <= high
            }
            switch b {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE, 0xEF:
                guard continuation(1), continuation(2) else { return false }
                i += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return false }
                i += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                i += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}

extension CSVReader.Problem {
    /// The located message for this problem in `file`.
    public func diagnostic(file: String) -> Diagnostic {
        switch self {
        case .unterminatedQuote(let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                Message(vi: "dấu ngoặc kép mở ở dòng \(line) không bao giờ được đóng",
                        en: "the quote opened on line \(line) is never closed"),
                hint: Message(vi: "thêm dấu \" đóng ô, hoặc viết \"\" cho một dấu ngoặc kép trong ô",
                              en: "close the cell with \", or write \"\" for a quote inside a cell"),
                sourceLine: text)
        case .strayQuote(let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                Message(vi: "có chữ ngay sau dấu ngoặc kép đóng ô", en: "text follows the closing quote of a cell"),
                hint: Message(vi: "đặt cả ô trong ngoặc kép và viết \"\" cho một dấu ngoặc kép trong ô",
                              en: "put the whole cell in quotes and write \"\" for a quote inside it"),
                sourceLine: text)
        case .notUTF8(let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                TextEncoding.legacyEncodingMessage, hint: TextEncoding.saveHint, sourceLine: text)
        }
    }
}
