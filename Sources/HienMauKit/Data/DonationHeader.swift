/// Which CSV field holds which column, decided from the header row.
struct DonationHeader {
    var index: [DonationColumn: Int] = [:]
    var fieldCount: Int

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
    static func read(
        _ record: CSVReader.Record, file: String, mapping: [String: String], diagnostics: inout Diagnostics
    ) -> DonationHeader? {
        var header = DonationHeader(fieldCount: record.fields.count)
        let lineText = String(decoding: record.raw, as: UTF8.self)
        let before = diagnostics.errorCount
        for (i, name) in record.fields.enumerated() {
            guard let column = DonationColumn.matching(header: name.trimmed, mapping: mapping) else { continue }
            if let first = header.index[column] {
                diagnostics.error(
                    SourceLocation(file: file, line: record.line, column: DonationHeader.column(of: i, in: record)),
                    Message(vi: "cột \(column.rawValue) xuất hiện hai lần (\"\(record.fields[first])\" và \"\(name)\")",
                            en: "column \(column.rawValue) appears twice (\"\(record.fields[first])\" and \"\(name)\")"),
                    line: lineText)
                continue
            }
            header.index[column] = i
        }
        let found = record.fields.map { "\"\($0)\"" }.joined(separator: ", ")
        for column in DonationColumn.allCases where column.isRequired && header.index[column] == nil {
            diagnostics.error(
                SourceLocation(file: file, line: record.line, column: 1),
                Message(vi: "thiếu cột bắt buộc \(column.rawValue); các tiêu đề tìm thấy: \(found)",
                        en: "missing required column \(column.rawValue); headers found: \(found)"),
                hint: Message(
                    vi: "đổi tên tiêu đề thành \"\(column.rawValue)\" hoặc ánh xạ nó trong site.yml: columns: {\"Tiêu đề của bạn\": \(column.rawValue)}",
                    en: "rename the header to \"\(column.rawValue)\" or map it in site.yml: columns: {\"Your header\": \(column.rawValue)}"),
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
