/// An RFC 4180 reader over bytes that streams: input arrives in chunks of any
/// size and records leave one at a time, so memory does not grow with the file.
///
/// Written here rather than taken from a CSV package because the errors must
/// point at a line and column (an unterminated quote names the line where it
/// opened), the dialect is detected from the header, and the bytes are checked
/// for UTF-8 before any of them becomes text.
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

    /// What stops the reading. Each carries its line, the column in characters
    /// and the line's text (bad bytes shown as U+FFFD), ready for a message.
    /// Where a field starts. A struct, not a tuple: an array of tuples looks up
    /// its type at run time on every record, which showed in the profile.
    public struct FieldStart: Sendable {
        public var line: Int
        public var byteColumn: Int
    }

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

    public init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Adds `bytes` and calls `emit` for every record they complete.
    public mutating func feed(_ bytes: some Collection<UInt8>, emit: (Record) throws -> Void) throws {
        buffer.append(contentsOf: bytes)
        if atFileStart {
            guard buffer.count >= 3 || bytes.isEmpty else { return }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            atFileStart = false
        }
        try drain(final: false, emit: emit)
    }

    /// Ends the input: the last record may have no line end.
    public mutating func finish(emit: (Record) throws -> Void) throws {
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

    private mutating func drain(final: Bool, emit: (Record) throws -> Void) throws {
        var start = 0
        var line = bufferLine
        let count = buffer.count
        try buffer.withUnsafeBufferPointer { bytes in
            while start < count {
                guard let (record, next, nextLine) = try parseRecord(bytes, from: start, line: line, final: final)
                else { break }
                start = next
                line = nextLine
                // Lines with nothing on them (trailing empty lines) are not records.
                if !(record.fields.count == 1 && record.fields[0].isEmpty) {
                    try emit(record)
                }
            }
        }
        if start > 0 {
            buffer.removeFirst(start)
            bufferLine = line
        }
    }

    /// Parses the record at `from`; nil when it is not complete yet.
    private func parseRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, line firstLine: Int, final: Bool
    ) throws -> (Record, Int, Int)? {
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        // Sized for a header's worth of fields at once, instead of growing 1, 2, 4, 8, 16 on every record.
        var fields: [String] = []
        fields.reserveCapacity(16)
        var starts: [FieldStart] = []
        starts.reserveCapacity(16)
        var field: [UInt8] = []
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

        func finishField() throws {
            guard let text = String(validating: field, as: UTF8.self) else {
                // Find the first bad byte of the record, and its line, for the message.
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
                throw Problem.notUTF8(line: scanLine, column: column, text: lineText)
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }

        while true {
            // Start of a field.
            starts.append(FieldStart(line: line, byteColumn: i - lineStart + 1))
            if i < end && bytes[i] == quote {
                let openLine = line, openLineStart = lineStart, openAt = i
                i += 1
                while true {
                    guard i < end else {
                        if final {
                            let (column, text) = locate(openAt, lineStart: openLineStart)
                            throw Problem.unterminatedQuote(line: openLine, column: column, text: text)
                        }
                        return nil
                    }
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < end && bytes[i + 1] == quote {
                            field.append(quote)
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
                    field.append(b)
                    i += 1
                }
                // After the closing quote: a delimiter, a line end or the end.
                if i < end && bytes[i] != delimiter && bytes[i] != cr && bytes[i] != lf {
                    let (column, text) = locate(i, lineStart: lineStart)
                    throw Problem.strayQuote(line: line, column: column, text: text)
                }
            } else {
                while i < end {
                    let b = bytes[i]
                    if b == delimiter || b == lf || b == cr { break }
                    // A quote inside an unquoted field is kept as it is (`37°36'37.8"N`).
                    field.append(b)
                    i += 1
                }
            }
            // The record may go on in the next chunk, which may also hold the rest
            // of a character cut by the chunk boundary: wait before decoding.
            if i >= end && !final { return nil }
            try finishField()
            guard i < end else {
                let record = Record(fields: fields, line: firstLine, fieldStarts: starts, raw: bytes[from..<i].asArraySlice)
                return (record, i, line)
            }
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
            let record = Record(fields: fields, line: firstLine, fieldStarts: starts, raw: bytes[from..<recordEnd].asArraySlice)
            return (record, i, line + 1)
        }
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

extension Slice where Base == UnsafeBufferPointer<UInt8> {
    var asArraySlice: ArraySlice<UInt8> { ArraySlice(self) }
}
