import Foundation

/// An award from `content/data/honours.csv`: `recipient,kind,award,issuer,year`.
public struct Honour: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case individual, collective
    }

    public var recipient: String
    public var kind: Kind
    public var award: String
    public var issuer: String
    public var year: Int
}

public enum HonoursTable {
    static let columns = ["recipient", "kind", "award", "issuer", "year"]

    /// Header slugs of each column, the Vietnamese ones an awards list is kept with included.
    static let aliases: [String: [String]] = [
        "recipient": [
            "recipient", "nguoi-tap-the-duoc-khen", "nguoi-duoc-khen", "tap-the-duoc-khen", "nguoi-nhan",
            "doi-tuong-duoc-khen", "ca-nhan-tap-the-duoc-khen",
        ],
        "kind": ["kind", "loai", "ca-nhan-tap-the", "ca-nhan-hay-tap-the", "doi-tuong"],
        "award": ["award", "hinh-thuc-khen-thuong", "danh-hieu", "khen-thuong", "giai-thuong"],
        "issuer": ["issuer", "cap-khen", "cap-khen-thuong", "don-vi-khen-thuong", "co-quan-khen-thuong"],
        "year": ["year", "nam", "nam-khen-thuong"],
    ]

    /// `kind` as written in English or in Vietnamese ("cá nhân", "tập thể").
    static func kind(_ text: String) -> Honour.Kind? {
        switch Slug.make(text) {
        case "individual", "ca-nhan": return .individual
        case "collective", "tap-the": return .collective
        default: return nil
        }
    }

    /// Parses the whole file; the honours list is small. A missing file means no awards.
    public static func parse(_ bytes: [UInt8], file: String, diagnostics: inout Diagnostics) -> [Honour] {
        guard let records = records(in: bytes, file: file, diagnostics: &diagnostics),
            let header = records.first,
            let index = columnIndex(of: header, file: file, diagnostics: &diagnostics)
        else { return [] }
        var honours: [Honour] = []
        for record in records.dropFirst() {
            let row = Row(record: record, index: index, file: file)
            guard record.fields.count == header.fields.count else {
                diagnostics.error(
                    SourceLocation(file: file, line: record.line, column: 1),
                    Message(
                        vi: "dòng có \(record.fields.count) ô nhưng tiêu đề có \(header.fields.count) cột",
                        en: "the row has \(record.fields.count) fields but the header has \(header.fields.count)"),
                    line: row.lineText)
                continue
            }
            if let honour = row.honour(diagnostics: &diagnostics) { honours.append(honour) }
        }
        // Newest first, then by recipient: a stable order whatever the row order.
        // Each recipient's collation key is made once, not at every comparison.
        let keyed = honours.map { (honour: $0, key: VietnameseCollation.key($0.recipient)) }
        return keyed.sorted { ($0.honour.year, $1.key) > ($1.honour.year, $0.key) }.map(\.honour)
    }

    /// The file's records, header first; nil after a reported problem.
    private static func records(in bytes: [UInt8], file: String, diagnostics: inout Diagnostics) -> [CSVReader.Record]?
    {
        if TextEncoding.looksUTF16(bytes) {
            diagnostics.append(TextEncoding.utf16Diagnostic(file: file))
            return nil
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            return try CSVReader.records(in: body, delimiter: DonationHeader.detectDelimiter(body))
        } catch let problem as CSVReader.Problem {
            diagnostics.append(problem.diagnostic(file: file))
            return nil
        } catch {
            diagnostics.error(
                SourceLocation(file: file, line: 1, column: 1),
                Message(vi: "không đọc được tệp CSV", en: "the CSV file cannot be read"))
            return nil
        }
    }

    /// Column name → field index; nil, reported, when a column is missing.
    private static func columnIndex(
        of header: CSVReader.Record, file: String,
        diagnostics: inout Diagnostics
    ) -> [String: Int]? {
        var index: [String: Int] = [:]
        for (i, field) in header.fields.enumerated() {
            let slug = Slug.make(field)
            if let column = columns.first(where: { aliases[$0]!.contains(slug) }), index[column] == nil {
                index[column] = i
            }
        }
        let missing = columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            diagnostics.error(
                SourceLocation(file: file, line: 1, column: 1),
                Message(
                    vi: "thiếu cột \(missing.joined(separator: ", ")); cần recipient,kind,award,issuer,year",
                    en: "missing column \(missing.joined(separator: ", ")); expected recipient,kind,award,issuer,year"),
                line: String(decoding: header.raw, as: UTF8.self))
            return nil
        }
        return index
    }

    /// One record with as many fields as the header.
    private struct Row {
        let record: CSVReader.Record
        let index: [String: Int]
        let file: String

        var lineText: String { String(decoding: record.raw, as: UTF8.self) }

        func value(_ name: String) -> String { record.fields[index[name]!].trimmed }

        func at(_ name: String) -> SourceLocation {
            SourceLocation(file: file, line: record.line, column: DonationHeader.column(of: index[name]!, in: record))
        }

        /// The award, or nil when a cell is wrong (each wrong cell is reported).
        func honour(diagnostics: inout Diagnostics) -> Honour? {
            let lineText = self.lineText
            let kind = HonoursTable.kind(value("kind"))
            if kind == nil {
                diagnostics.error(
                    at("kind"),
                    Message(
                        vi: "kind \"\(value("kind"))\" phải là individual (cá nhân) hoặc collective (tập thể)",
                        en: "kind \"\(value("kind"))\" must be individual (cá nhân) or collective (tập thể)"),
                    line: lineText)
            }
            let year = Int(value("year"))
            if year == nil || !(1900...2100).contains(year!) {
                diagnostics.error(
                    at("year"),
                    Message(
                        vi: "year \"\(value("year"))\" không phải một năm",
                        en: "year \"\(value("year"))\" is not a year"),
                    line: lineText)
            }
            if value("recipient").isEmpty {
                diagnostics.error(
                    at("recipient"), Message(vi: "thiếu người nhận", en: "recipient is empty"), line: lineText)
            }
            guard let kind, let year, (1900...2100).contains(year), !value("recipient").isEmpty else { return nil }
            return Honour(
                recipient: value("recipient").precomposedStringWithCanonicalMapping, kind: kind,
                award: value("award"), issuer: value("issuer"), year: year)
        }
    }
}
