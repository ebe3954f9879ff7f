/// `xl/workbook.xml`: the sheets in their order, with the relationship id
/// that names each one's part, and the date system.
final class WorkbookIndexHandler: XMLEventHandler {
    struct Sheet {
        var name: String
        var relationship: String
        var hidden: Bool
    }

    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        if name.equals("sheet"), let sheetName = attributes.value("name"), let id = attributes.value("id") {
            let state = attributes.value("state")?.string ?? "visible"
            sheets.append(
                Sheet(name: Self.unescaped(sheetName.string), relationship: id.string, hidden: state != "visible"))
        } else if name.equals("workbookPr"), let value = attributes.value("date1904") {
            date1904 = value.equals("1") || value.equals("true")
        }
    }

    func end(_ name: XMLBytes) {}
    func text(_ bytes: XMLBytes) {}

    /// libxml2's SAX2 hands attribute values over with `&amp;` turned into
    /// `&#38;` and other references as written: they are decoded here.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += rest[amp...]
                return out
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            if let decoded = Self.reference(name) {
                out.unicodeScalars.append(decoded)
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path inside the archive.
final class RelationshipsHandler: XMLEventHandler {
    private(set) var targets: [String: String] = [:]

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        guard name.equals("Relationship"), let id = attributes.value("Id"), let target = attributes.value("Target")
        else { return }
        let path = target.string
        // Targets are relative to xl/, or absolute from the archive's root.
        targets[id.string] = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
    }

    func end(_ name: XMLBytes) {}
    func text(_ bytes: XMLBytes) {}
}

/// `xl/sharedStrings.xml`: the texts that cells of type `s` refer to by index.
/// Rich-text runs are joined; phonetic runs (`rPh`) are not part of the text.
final class SharedStringsHandler: XMLEventHandler {
    private(set) var strings = SharedStrings()
    private var current: [UInt8] = []
    private var inText = false, inPhonetic = false
    /// Bytes of text kept so far, against `limit`.
    private var total = 0
    private let limit: Int
    private(set) var overLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        if name.equals("si") {
            current.removeAll(keepingCapacity: true)
        } else if name.equals("t") {
            inText = !inPhonetic
        } else if name.equals("rPh") {
            inPhonetic = true
        }
    }

    func end(_ name: XMLBytes) {
        if name.equals("si") {
            total += current.count
            if total > limit {
                overLimit = true
                return
            }
            strings.append(current)
        } else if name.equals("t") {
            inText = false
        } else if name.equals("rPh") {
            inPhonetic = false
        }
    }

    func text(_ bytes: XMLBytes) {
        if inText { current.append(contentsOf: bytes) }
    }
}

/// `xl/styles.xml`: for each cell style (`s` index into `cellXfs`), whether
/// its number format shows a date.
final class StylesHandler: XMLEventHandler {
    private var codes: [Int: String] = [:]
    private var formats: [Int] = []
    private var inCellFormats = false

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        if name.equals("numFmt"), let id = attributes.value("numFmtId")?.integer,
            let code = attributes.value("formatCode")
        {
            codes[id] = WorkbookIndexHandler.unescaped(code.string)
        } else if name.equals("cellXfs") {
            inCellFormats = true
        } else if inCellFormats, name.equals("xf") {
            formats.append(attributes.value("numFmtId")?.integer ?? 0)
        }
    }

    func end(_ name: XMLBytes) {
        if name.equals("cellXfs") { inCellFormats = false }
    }

    func text(_ bytes: XMLBytes) {}

    /// `isDate[s]` for every style index `s`.
    var isDate: [Bool] {
        formats.map { ExcelDate.isDateFormat(id: $0, code: codes[$0]) }
    }
}
