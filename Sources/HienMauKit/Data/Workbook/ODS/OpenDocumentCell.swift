/// The namespaces of an OpenDocument spreadsheet's `content.xml` whose
/// attributes are read.
enum OpenDocumentNamespace {
    static let office: StaticString = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table: StaticString = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text: StaticString = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    /// LibreOffice's extension: `calcext:value-type="error"` beside `office:value-type="float"` on `#DIV/0!`.
    static let calcext: StaticString = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
}

/// One `table:table-cell` (or `table:covered-table-cell`) being read: its
/// value from the attributes (`office:value-type` and `office:value`,
/// `office:date-value`, `office:boolean-value`), or the text of its
/// paragraphs (`text:p`, one line each) for a string.
struct OpenDocumentCell {
    enum Kind {
        case empty, number, date, boolean, string, time, error
    }

    private(set) var kind = Kind.empty
    /// The value the attributes give (a number, a day, a boolean, `office:string-value`).
    private(set) var attributeValue: CellValue?
    /// `table:number-columns-repeated`, `table:number-columns-spanned`, `table:number-rows-spanned`.
    private(set) var repeated = 1, columnsSpanned = 1, rowsSpanned = 1
    private var text: [UInt8] = []
    private var paragraphs = 0
    private var afterSpace = true
    private(set) var tooLong = false

    /// Reads the cell's attributes; returns what is wrong with its value, if anything.
    mutating func start(_ attributes: XMLAttributes) -> Message? {
        typealias NS = OpenDocumentNamespace
        kind = .empty
        attributeValue = nil
        text.removeAll(keepingCapacity: true)
        paragraphs = 0
        tooLong = false
        repeated = Self.count(attributes.value("number-columns-repeated", namespace: NS.table))
        columnsSpanned = Self.count(attributes.value("number-columns-spanned", namespace: NS.table))
        rowsSpanned = Self.count(attributes.value("number-rows-spanned", namespace: NS.table))
        if let extended = attributes.value("value-type", namespace: NS.calcext), extended.equals("error") {
            kind = .error
            return nil
        }
        guard let type = attributes.value("value-type", namespace: NS.office) else { return nil }
        if type.equals("float") || type.equals("percentage") || type.equals("currency") {
            kind = .number
            let raw = attributes.value("value", namespace: NS.office)?.string ?? ""
            guard let number = Double(raw) else {
                return Message(vi: "ô số chứa \"\(raw)\"", en: "the number cell holds \"\(raw)\"")
            }
            attributeValue = .number(number)
        } else if type.equals("date") {
            kind = .date
            let raw = attributes.value("date-value", namespace: NS.office)?.string ?? ""
            // `2023-08-04` or `2023-08-04T10:30:00`: the time of day is dropped.
            let rest = raw.utf8.dropFirst(10).first
            guard raw.utf8.dropFirst(4).first == 0x2D, let day = Day(parsing: raw.prefix(10)),
                rest == nil || rest == UInt8(ascii: "T")
            else {
                return Message(vi: "ngày \"\(raw)\" không đọc được", en: "date \"\(raw)\" cannot be read")
            }
            attributeValue = .date(day)
        } else if type.equals("boolean") {
            kind = .boolean
            let raw = attributes.value("boolean-value", namespace: NS.office)
            attributeValue = .bool(raw.map { $0.equals("true") || $0.equals("1") } ?? false)
        } else if type.equals("time") {
            kind = .time
        } else {
            kind = .string
            if let raw = attributes.value("string-value", namespace: NS.office) {
                attributeValue = raw.isEmpty ? nil : .text(WorkbookIndexHandler.unescaped(raw.string))
            }
        }
        return nil
    }

    /// A count attribute: at least 1, and never more than a sheet has rows.
    private static func count(_ bytes: XMLBytes?) -> Int {
        min(max(bytes?.integer ?? 1, 1), CellReference.maxRow + 1)
    }

    /// Whether the paragraphs' text is the value: a string, a time as shown, an error's code.
    var wantsText: Bool { attributeValue == nil && kind != .number && kind != .date && kind != .boolean }

    /// A `text:p` of the cell begins: a new line after the first.
    mutating func startParagraph() {
        guard wantsText else { return }
        if paragraphs > 0 { add(0x0A) }
        paragraphs += 1
        afterSpace = true
    }

    /// Character data of a paragraph: white space (a line end inside the
    /// XML, a tab) reads as one space, and none at the paragraph's start.
    mutating func addText(_ bytes: XMLBytes) {
        guard wantsText, !tooLong else { return }
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !afterSpace { add(0x20) }
                afterSpace = true
            } else {
                add(byte)
                afterSpace = false
            }
        }
    }

    /// `text:s` (`text:c` spaces), `text:tab`, `text:line-break`: kept as they are.
    mutating func addKept(_ byte: UInt8, count: Int = 1) {
        guard wantsText else { return }
        for _ in 0..<min(count, SheetHandler.maxTextBytes + 1) where !tooLong { add(byte) }
        afterSpace = false
    }

    private mutating func add(_ byte: UInt8) {
        guard text.count < SheetHandler.maxTextBytes else {
            tooLong = true
            return
        }
        text.append(byte)
    }

    /// What the cell holds once its end is read; nil for an empty cell.
    var value: CellValue? {
        if let attributeValue { return attributeValue }
        guard !text.isEmpty, !tooLong else { return nil }
        let string = String(decoding: text, as: UTF8.self)
        return kind == .error ? .error(string) : .text(string)
    }
}
