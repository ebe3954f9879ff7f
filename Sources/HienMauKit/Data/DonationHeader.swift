/// Which CSV field holds which column, decided from the header row.
struct DonationHeader {
    var index: [DonationColumn: Int] = [:]
    var fieldCount: Int
    /// The family-name field when the name is split over two columns ("Họ" or
    /// "Họ và tên đệm", then "Tên"): the donor is both, joined by a space.
    var familyName: Int?

    /// Header slugs of the first half of a split name.
    static let familyNameAliases: Set<String> = ["ho", "ho-dem", "ho-va-dem", "ho-va-ten-dem", "ho-lot", "family-name"]

    /// The required columns a record names, said nothing about: for finding
    /// the header below title rows.
    static func requiredNamed(by record: CSVReader.Record, mapping: [String: String]) -> [DonationColumn] {
        let named = Set(record.fields.compactMap { DonationColumn.matching(header: $0.trimmed, mapping: mapping) })
        return DonationColumn.allCases.filter { $0.isRequired && named.contains($0) }
    }

    /// The delimiter of a CSV whose first bytes are `bytes`: the candidate
    /// seen most often on the first line outside quotes; a comma when none is.
    static func detectDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle() }
            if !inQuotes && (b == 0x0A || b == 0x0D) { break }
            if !inQuotes, counts[b] != nil { counts[b]! += 1 }
        }
        let best = counts.max { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value }!
        return best.value == 0 ? 0x2C : best.key
    }

    /// Maps the header; reports duplicates and every missing required column.
    /// `sheet`: the workbook sheet's name, named in each message instead of the line shown under it.
    static func read(
        _ record: CSVReader.Record, file: String, mapping: [String: String], sheet: String? = nil,
        diagnostics: inout Diagnostics
    ) -> DonationHeader? {
        var header = DonationHeader(fieldCount: record.fields.count)
        let lineText = sheet == nil ? String(decoding: record.raw, as: UTF8.self) : nil
        func place(_ message: Message, field: Int) -> Message {
            message.placed(sheet: sheet, cell: CellReference(row: record.line, column: field + 1))
        }
        let before = diagnostics.errorCount
        for (i, name) in record.fields.enumerated() {
            if header.familyName == nil, familyNameAliases.contains(Slug.make(name)) {
                header.familyName = i
                continue
            }
            guard let column = DonationColumn.matching(header: name.trimmed, mapping: mapping) else { continue }
            if let first = header.index[column] {
                diagnostics.error(
                    SourceLocation(
                        file: file, line: record.line,
                        column: sheet == nil ? DonationHeader.column(of: i, in: record) : i + 1),
                    place(
                        Message(
                            vi: "cột \(column.rawValue) xuất hiện hai lần (\"\(record.fields[first])\" và \"\(name)\")",
                            en: "column \(column.rawValue) appears twice (\"\(record.fields[first])\" and \"\(name)\")"),
                        field: i),
                    line: lineText)
                continue
            }
            header.index[column] = i
        }
        // A sheet's row is padded with empty cells: only the ones that hold a header are listed.
        let found = record.fields.filter { sheet == nil || !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")
        for column in DonationColumn.allCases where column.isRequired && header.index[column] == nil {
            diagnostics.error(
                SourceLocation(file: file, line: record.line, column: 1),
                place(
                    Message(
                        vi: "thiếu cột bắt buộc \(column.rawValue); các tiêu đề tìm thấy: \(found)",
                        en: "missing required column \(column.rawValue); headers found: \(found)"), field: 0),
                hint: Message(
                    vi:
                        "đổi tên tiêu đề thành \"\(column.rawValue)\" hoặc ánh xạ nó trong site.yml: columns: {\"Tiêu đề của bạn\": \(column.rawValue)}",
                    en:
                        "rename the header to \"\(column.rawValue)\" or map it in site.yml: columns: {\"Your header\": \(column.rawValue)}"
                ),
                line: lineText)
        }
        return diagnostics.errorCount == before ? header : nil
    }

    /// The character column where field `field` starts on its line, so that
    /// a caret lands under the field (`fieldStarts` are byte offsets).
    static func column(of field: Int, in record: CSVReader.Record) -> Int {
        let start = record.fieldStarts[field]
        let lineBytes = record.raw.split(separator: 0x0A, omittingEmptySubsequences: false)
        let index = start.line - record.line
        guard index < lineBytes.count else { return start.byteColumn }
        let prefix = lineBytes[lineBytes.startIndex + index].prefix(start.byteColumn - 1)
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}
