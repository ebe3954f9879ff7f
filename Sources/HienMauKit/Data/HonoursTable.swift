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
        guard let records = records(in: bytes, file: file, diagnostics: &diagnostics) else { return [] }
        return sorted(honours(in: records.map(AwardLine.init(csv:)), file: file, diagnostics: &diagnostics))
    }

    /// The awards on sheets of a workbook (`honours.xlsx`, or the awards sheet of `donations.xlsx`).
    static func parse(_ sheets: [AwardsSheet], file: String, diagnostics: inout Diagnostics) -> [Honour] {
        sorted(
            sheets.flatMap { sheet in
                let lines = sheet.rows.map { AwardLine(fields: $0.fields, line: $0.line, sheet: sheet.name) }
                return honours(in: lines, file: file, diagnostics: &diagnostics)
            })
    }

    /// Newest first, then by recipient: a stable order whatever the row order.
    /// Each recipient's collation key is made once, not at every comparison.
    static func sorted(_ honours: [Honour]) -> [Honour] {
        let keyed = honours.map { (honour: $0, key: VietnameseCollation.key($0.recipient)) }
        return keyed.sorted { ($0.honour.year, $1.key) > ($1.honour.year, $0.key) }.map(\.honour)
    }

    /// The rows below the header (the first row that names every column;
    /// title rows above it are left out), each checked.
    private static func honours(in lines: [AwardLine], file: String, diagnostics: inout Diagnostics) -> [Honour] {
        guard let (at, index) = header(of: lines, file: file, diagnostics: &diagnostics) else { return [] }
        let header = lines[at]
        var honours: [Honour] = []
        for line in lines[(at + 1)...] {
            guard line.sheet == nil || index.values.contains(where: { !line.field($0).trimmed.isEmpty }) else {
                continue  // a sheet's row with nothing under the header
            }
            let row = Row(line: line, index: index, file: file)
            guard line.sheet != nil || line.fields.count == header.fields.count else {
                diagnostics.error(
                    SourceLocation(file: file, line: line.line, column: 1),
                    Message(
                        vi: "dòng có \(line.fields.count) ô nhưng tiêu đề có \(header.fields.count) cột",
                        en: "the row has \(line.fields.count) fields but the header has \(header.fields.count)"),
                    line: line.text)
                continue
            }
            if let honour = row.honour(diagnostics: &diagnostics) { honours.append(honour) }
        }
        return honours
    }

    /// The file's records, header first; nil after a reported problem.
    private static func records(in bytes: [UInt8], file: String, diagnostics: inout Diagnostics) -> [CSVReader.Record]?
    {
        if let nuls = TextEncoding.nulDiagnostic(bytes, file: file) {
            diagnostics.append(nuls)
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

    /// Column name → field index of a row's fields, for the columns it names.
    private static func columnIndex(of line: AwardLine) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, field) in line.fields.enumerated() {
            let slug = Slug.make(field)
            if let column = columns.first(where: { aliases[$0]!.contains(slug) }), index[column] == nil {
                index[column] = i
            }
        }
        return index
    }

    /// The header among the first rows (`TableLayout.headerSearchRows`) and
    /// its column index; nil, reported at the row that came closest, when no row names every column.
    private static func header(of lines: [AwardLine], file: String, diagnostics: inout Diagnostics) -> (
        Int, [String: Int]
    )? {
        var best: (at: Int, named: Int)?
        for (at, line) in lines.prefix(TableLayout.headerSearchRows).enumerated() {
            let index = columnIndex(of: line)
            if index.count == columns.count { return (at, index) }
            if index.count > (best?.named ?? 0) { best = (at, index.count) }
        }
        guard let first = lines.first else { return nil }
        let closest = best.map { lines[$0.at] } ?? first
        let missing = columns.filter { columnIndex(of: closest)[$0] == nil }
        diagnostics.error(
            SourceLocation(file: file, line: closest.line, column: 1),
            closest.placed(
                Message(
                    vi: "thiếu cột \(missing.joined(separator: ", ")); cần recipient,kind,award,issuer,year",
                    en: "missing column \(missing.joined(separator: ", ")); expected recipient,kind,award,issuer,year"),
                field: 0),
            line: closest.text)
        return nil
    }
}
