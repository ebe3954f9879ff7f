/// Finds the end of one CSV record and its fields; stateless between records.
///
/// An unquoted empty field is counted, not stored: a file saved from a sheet
/// 16,384 columns wide holds thousands of them on every row. `spans` holds
/// the other fields in order, each with its index, and `starts` where each
/// of them starts, then one more: where a field after the last would start
/// (`RawRecord.start(of:)` finds an empty field's start from them).
struct CSVRecordParser {
    let delimiter: UInt8
    /// The input has ended: a record may end without a line end, and an open quote is an error.
    let final: Bool

    /// Parses the record at `from` into `spans`; nil when it is not complete yet.
    /// Returns the end of its bytes, where the next record starts, that
    /// record's line, and the number of fields (stored or not).
    func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, line: Int,
        spans: inout [FieldSpan], starts: inout [CSVReader.FieldStart], scratch: inout [UInt8]
    ) throws -> (end: Int, next: Int, nextLine: Int, fields: Int)? {
        spans.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        var scan = RecordScan(bytes: bytes, delimiter: delimiter, final: final, recordStart: from, firstLine: line)
        var fields = 0
        while true {
            let start = CSVReader.FieldStart(line: scan.line, byteColumn: scan.i - scan.lineStart + 1)
            if fields == CSVLimits.fields { throw scan.tooManyFields(at: start) }
            let fieldStart = scan.i
            guard let (span, quoted) = try scan.field(scratch: &scratch, start: start) else { return nil }
            try scan.checkLength(span, scratch: scratch, at: fieldStart, start: start)
            try scan.checkUTF8(span, scratch: scratch)
            if span.count > 0 || quoted {
                spans.append(FieldSpan(start: span.start, count: span.count, inScratch: span.inScratch, index: fields))
                starts.append(start)
            }
            fields += 1
            switch scan.endOfField() {
            case .incomplete: return nil
            case .nextField: continue
            case .endOfRecord(let end, let next, let nextLine):
                starts.append(CSVReader.FieldStart(line: scan.line, byteColumn: end - scan.lineStart + 2))
                return (end, next, nextLine, fields)
            }
        }
    }
}

/// The position while one record is parsed, and the steps that move it.
struct RecordScan {
    static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let final: Bool
    let recordStart: Int
    let firstLine: Int
    var i: Int
    var line: Int
    var lineStart: Int

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, final: Bool, recordStart: Int, firstLine: Int) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.final = final
        self.recordStart = recordStart
        self.firstLine = firstLine
        i = recordStart
        line = firstLine
        lineStart = recordStart
    }

    enum FieldEnd {
        case incomplete, nextField
        case endOfRecord(end: Int, next: Int, nextLine: Int)
    }

    /// The field at `i`, quoted or not, and whether it was quoted; nil when
    /// its end is not in the bytes yet (or, past the cell limit, thrown).
    @inline(__always)
    mutating func field(scratch: inout [UInt8], start: CSVReader.FieldStart) throws -> (FieldSpan, Bool)? {
        let span: FieldSpan
        let fieldStart = i
        let quoted = i < bytes.count && bytes[i] == Self.quote
        if quoted {
            guard let quotedSpan = try quotedField(scratch: &scratch) else {
                try checkUnfinished(from: fieldStart, start: start)
                return nil
            }
            span = quotedSpan
        } else {
            span = unquotedField()
        }
        // The record may go on in the next chunk, which may also hold the rest
        // of a character cut by the chunk boundary: wait before decoding.
        if i >= bytes.count && !final {
            try checkUnfinished(from: fieldStart, start: start)
            return nil
        }
        return (span, quoted)
    }

    @inline(__always)
    private mutating func unquotedField() -> FieldSpan {
        let fieldStart = i
        while i < bytes.count {
            let b = bytes[i]
            if b == delimiter || b == Self.lf || b == Self.cr { break }
            // A quote inside an unquoted field is kept as it is (`37°36'37.8"N`).
            i += 1
        }
        return FieldSpan(start: fieldStart, count: i - fieldStart, inScratch: false, index: 0)
    }

    @inline(__always)
    private mutating func quotedField(scratch: inout [UInt8]) throws -> FieldSpan? {
        let openLine = line, openLineStart = lineStart, openAt = i
        var escaped = false
        i += 1
        while true {
            guard i < bytes.count else {
                guard final else { return nil }
                let (column, text) = locate(openAt, lineStart: openLineStart)
                throw CSVReader.Problem.unterminatedQuote(line: openLine, column: column, text: text)
            }
            let b = bytes[i]
            if b == Self.quote {
                if i + 1 < bytes.count && bytes[i + 1] == Self.quote {
                    escaped = true
                    i += 2
                    continue
                }
                if i + 1 >= bytes.count && !final { return nil }
                i += 1
                break
            }
            if b == Self.lf {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        let span = FieldSpan(start: openAt + 1, count: i - 1 - (openAt + 1), inScratch: false, index: 0)
        // After the closing quote: a delimiter, a line end or the end.
        if i < bytes.count && bytes[i] != delimiter && bytes[i] != Self.cr && bytes[i] != Self.lf {
            let (column, text) = locate(i, lineStart: lineStart)
            throw CSVReader.Problem.strayQuote(line: line, column: column, text: text)
        }
        return escaped ? unescaped(span, into: &scratch) : span
    }

    /// `""` stands for one quote: the field copied to `scratch` without the doubles.
    private func unescaped(_ span: FieldSpan, into scratch: inout [UInt8]) -> FieldSpan {
        let first = scratch.count
        var j = span.start
        while j < span.start + span.count {
            scratch.append(bytes[j])
            j += bytes[j] == Self.quote ? 2 : 1
        }
        return FieldSpan(start: first, count: scratch.count - first, inScratch: true, index: 0)
    }

    /// After a field: the next field, or the end of the record and where the next one starts.
    @inline(__always)
    mutating func endOfField() -> FieldEnd {
        guard i < bytes.count else { return .endOfRecord(end: i, next: i, nextLine: line) }
        let b = bytes[i]
        if b == delimiter {
            i += 1
            return .nextField
        }
        // CR, LF or CRLF ends the record; a lone CR at the chunk's end waits for a possible LF.
        let recordEnd = i
        if b == Self.cr {
            if i + 1 >= bytes.count && !final { return .incomplete }
            i += (i + 1 < bytes.count && bytes[i + 1] == Self.lf) ? 2 : 1
        } else {
            i += 1
        }
        return .endOfRecord(end: recordEnd, next: i, nextLine: line + 1)
    }

    /// Throws at the first bad byte of the record when the field's bytes are not UTF-8.
    @inline(__always)
    func checkUTF8(_ span: FieldSpan, scratch: [UInt8]) throws {
        let valid =
            span.inScratch
            ? scratch.withUnsafeBufferPointer {
                UTF8Check.isValid(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count]))
            }
            : UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[span.start..<span.start + span.count]))
        if !valid { throw notUTF8() }
    }

    /// The record's first bad byte so far, with its line and column.
    private func notUTF8() -> CSVReader.Problem {
        var scanLine = firstLine, scanLineStart = recordStart, p = recordStart
        var iterator = UnsafeBufferPointer(rebasing: bytes[recordStart..<i]).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == Self.lf {
                    scanLine += 1
                    scanLineStart = p + 1
                }
                p += scalar.count
            case .error, .emptyInput:
                break parsing
            }
        }
        let (column, lineText) = locate(p, lineStart: scanLineStart)
        return .notUTF8(line: scanLine, column: column, text: lineText)
    }

    /// The column (in characters) of `position` and the text of its line.
    func locate(_ position: Int, lineStart: Int) -> (column: Int, text: String) {
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != Self.lf && bytes[lineEnd] != Self.cr { lineEnd += 1 }
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<position]), as: UTF8.self)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
        return (before.count + 1, text)
    }
}
