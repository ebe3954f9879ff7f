/// How wide a CSV row and how long a cell may be: Excel's own limits, 16,384
/// columns (A to XFD) and 32,767 characters in a cell. A file past them was
/// not saved from a spreadsheet, or lost its quotes (one stray `"` makes a
/// cell of the rest of the file); it is refused where it goes past, before
/// the reading holds more of it. With them, one record is at most 16,384
/// fields, and a record whose cells are all empty takes no memory per field.
enum CSVLimits {
    static let fields = 16_384
    static let cellCharacters = 32_767

    /// The most bytes a cell of `cellCharacters` can take as written: four
    /// per character, and its two quotes.
    static let cellBytes = 4 * cellCharacters + 2

    static func tooManyFields(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, at: location,
            Message(
                vi:
                    "dòng có hơn \(VietnameseFormat.integer(fields)) ô, quá số cột tối đa của Excel: đây không còn là một bảng",
                en:
                    "the row has more than \(EnglishFormat.integer(fields)) fields, past Excel's maximum of columns: this is no table"
            ),
            hint: Message(
                vi:
                    "chỉ giữ các cột của bảng: xoá các cột thừa ở bên phải rồi lưu lại dạng CSV UTF-8; nếu cả dòng là một cột, kiểm tra dấu phân cách",
                en:
                    "keep only the table's columns: delete the extra ones to its right and save it again as CSV UTF-8; if the whole line is one column, check the delimiter"
            ))
    }

    static func cellTooLong(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, at: location,
            Message(
                vi:
                    "ô dài hơn \(VietnameseFormat.integer(cellCharacters)) ký tự, giới hạn một ô của Excel",
                en:
                    "the cell is longer than \(EnglishFormat.integer(cellCharacters)) characters, Excel's limit for a cell"
            ),
            hint: Message(
                vi:
                    "một ô giữ một giá trị: nếu ô này nuốt cả các dòng sau, tìm dấu \" mở ô mà không đóng, hoặc viết \"\" cho một dấu ngoặc kép trong ô",
                en:
                    "a cell holds one value: if this one swallowed the rows after it, look for a \" that opens a cell and never closes, or write \"\" for a quote inside a cell"
            ))
    }
}

extension RecordScan {
    /// The field starting at `start` would be one past `CSVLimits.fields`.
    func tooManyFields(at start: CSVReader.FieldStart) -> CSVReader.Problem {
        .tooManyFields(line: start.line, column: characterColumn(of: i, byteColumn: start.byteColumn))
    }

    /// Throws when the field is longer than `CSVLimits.cellCharacters` characters.
    @inline(__always)
    func checkLength(_ span: FieldSpan, scratch: [UInt8], at fieldStart: Int, start: CSVReader.FieldStart) throws {
        guard span.count > CSVLimits.cellCharacters else { return }
        var characters = 0
        func count(_ cell: UnsafeBufferPointer<UInt8>) {
            for b in cell where b & 0xC0 != 0x80 { characters += 1 }
        }
        if span.inScratch {
            scratch.withUnsafeBufferPointer {
                count(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count]))
            }
        } else {
            count(UnsafeBufferPointer(rebasing: bytes[span.start..<span.start + span.count]))
        }
        if characters > CSVLimits.cellCharacters { throw cellTooLong(at: fieldStart, start: start) }
    }

    /// A field whose end is not in the bytes yet, from `fieldStart` to `i`:
    /// refused once it cannot be short enough, without waiting for its end.
    func checkUnfinished(from fieldStart: Int, start: CSVReader.FieldStart) throws {
        if i - fieldStart > CSVLimits.cellBytes { throw cellTooLong(at: fieldStart, start: start) }
    }

    /// `fieldStart`: where the field's bytes start (its quote, if quoted), on the line of `start`.
    private func cellTooLong(at fieldStart: Int, start: CSVReader.FieldStart) -> CSVReader.Problem {
        .cellTooLong(line: start.line, column: characterColumn(of: fieldStart, byteColumn: start.byteColumn))
    }

    /// The character column of `position`, whose byte column is `byteColumn`.
    private func characterColumn(of position: Int, byteColumn: Int) -> Int {
        let lineStart = position - (byteColumn - 1)
        var characters = 0
        for b in UnsafeBufferPointer(rebasing: bytes[lineStart..<position]) where b & 0xC0 != 0x80 { characters += 1 }
        return characters + 1
    }
}
