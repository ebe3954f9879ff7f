import Foundation
import Testing

@testable import HienMauKit

/// The same records written the ways Excel and people write them give the
/// same site, byte for byte (the approach of swift-nio's decoder verifier:
/// one expected result, many encodings of the input).
@Suite struct DialectTests {
    /// Records with what forces quoting: commas, quotes and a line break in a
    /// cell. Nguyễn Văn An has no donor_id; with 8 prior donations his two rows
    /// put him on the roll at 10 only if both rows are seen as one person.
    static let rows: [[String]] = [
        [
            "hn-2023", "2023-08-04", "Trụ sở, Hoàn Kiếm", "Nguyễn Văn An", "", "Phòng \"Tham mưu\"", "350", "O+", "8",
            "yes",
        ],
        ["hn-2023", "2023-08-04", "Trụ sở, Hoàn Kiếm", "Trần Thị Bình", "B1", "Phòng 2", "250", "A+", "", "no"],
        ["hn-2023", "2023-08-05", "Nhà văn hoá\nquận Ba Đình", "Lê Văn Cường", "C1", "Phòng 2", "0", "", "", ""],
        [
            "hn-2023", "2023-08-05", "Nhà văn hoá\nquận Ba Đình", "Nguyễn Văn An", "", "Phòng \"Tham mưu\"", "450",
            "O+", "", "yes",
        ],
        ["hn-2023", "2023-08-06", "Trụ sở, Hoàn Kiếm", "Phạm Thị Dung", "D1", "Phòng 3", "350", "B+", "12", "yes"],
    ]
    static let english = [
        "campaign", "date", "site", "donor", "donor_id", "unit", "volume_ml", "blood_group",
        "prior_donations", "consent",
    ]
    static let vietnamese = [
        "Chiến dịch", "Ngày", "Điểm hiến", "Họ và tên", "Mã người hiến", "Đơn vị",
        "Lượng máu (ml)", "Nhóm máu", "Số lần hiến trước", "Đồng ý công khai",
    ]
    static let custom = [
        "Đợt", "Ngày hiến", "Nơi", "Cán bộ", "Mã CB", "Phòng", "Thể tích máu", "Nhóm",
        "Lần trước", "Công khai",
    ]

    struct Dialect: Sendable, CustomStringConvertible {
        var description: String
        var delimiter = ","
        var lineEnd = "\n"
        var bom = false
        var header = DialectTests.english
        var quoteAll = false
        var slashDates = false
        var nfdHeader = false
        var nfdFirstAn = false
        var trailingEmptyLines = false
        var mapping = false
    }

    static let dialects: [Dialect] = [
        Dialect(description: "BOM and CRLF", lineEnd: "\r\n", bom: true),
        Dialect(description: "semicolon", delimiter: ";"),
        Dialect(description: "tab", delimiter: "\t"),
        Dialect(description: "every cell quoted", quoteAll: true),
        Dialect(description: "trailing empty lines", trailingEmptyLines: true),
        Dialect(description: "Vietnamese headers in NFC", header: vietnamese),
        Dialect(
            description: "Vietnamese headers in NFD, upper case", header: vietnamese.map { $0.uppercased() },
            nfdHeader: true),
        Dialect(description: "headers mapped in site.yml", header: custom, mapping: true),
        Dialect(description: "D/M/YYYY dates", slashDates: true),
        Dialect(description: "one name in NFD, then in NFC", nfdFirstAn: true),
        Dialect(
            description: "Excel in Vietnam: BOM, CRLF, semicolon, D/M/YYYY, Vietnamese headers",
            delimiter: ";", lineEnd: "\r\n", bom: true, header: vietnamese, slashDates: true),
    ]

    static func write(_ d: Dialect) -> [UInt8] {
        func cell(_ text: String) -> String {
            let needs = d.quoteAll || text.contains(d.delimiter) || text.contains("\"") || text.contains("\n")
            return needs ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        var header = d.header
        if d.nfdHeader { header = header.map(\.decomposedStringWithCanonicalMapping) }
        var lines = [header.map(cell).joined(separator: d.delimiter)]
        var ansSeen = 0
        for row in rows {
            var row = row
            if d.slashDates {
                let parts = row[1].split(separator: "-").compactMap { Int($0) }
                row[1] = "\(parts[2])/\(parts[1])/\(parts[0])"
            }
            if row[3] == "Nguyễn Văn An" {
                ansSeen += 1
                if d.nfdFirstAn && ansSeen == 1 { row[3] = row[3].decomposedStringWithCanonicalMapping }
            }
            lines.append(row.map(cell).joined(separator: d.delimiter))
        }
        var text = lines.joined(separator: d.lineEnd) + d.lineEnd
        if d.trailingEmptyLines { text += d.lineEnd + d.lineEnd }
        return (d.bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    static func build(_ d: Dialect?) -> BuildResult {
        let site = MiniSite()
        site.write("content/data/donations.csv", bytes: write(d ?? Dialect(description: "plain")))
        if d?.mapping == true {
            let pairs = zip(custom, english).map { "  \"\($0)\": \($1)" }.joined(separator: "\n")
            site.write(
                "content/site.yml", "title: \"Hiến máu\"\nbase_url: \"https://example.org/\"\ncolumns:\n\(pairs)\n")
        }
        return site.generate()
    }

    static let plain = build(nil)

    @Test func thePlainFileIsReadAsIntended() throws {
        let result = Self.plain
        #expect(result.succeeded)
        #expect(result.rows == 5)
        // The two rows of Nguyễn Văn An are one person: 8 prior + 2 = 10, on the roll.
        let roll = try #require(result.files.first { $0.path == "data/honour-roll.json" }).contents
        #expect(roll.contains("\"Nguyễn Văn An\""))
        #expect(roll.contains("\"donations\":10") || roll.contains("\"donations\": 10"), "\(roll)")
        let site = try #require(result.files.first { $0.path == "data/by-site.csv" }).contents
        // A line break inside the cell (Alt+Enter in Excel) is one space, as in a name typed with two.
        #expect(site.contains("\nhn-2023,Nhà văn hoá quận Ba Đình,2,1,450\n"), "\(site)")
    }

    @Test(arguments: dialects) func sameSiteAsThePlainFile(_ dialect: Dialect) {
        let result = Self.build(dialect)
        #expect(result.succeeded, "\(DiagnosticPrinter(language: .vi).format(result.diagnostics))")
        #expect(result.diagnostics.items.map(\.message) == Self.plain.diagnostics.items.map(\.message))
        #expect(result.files.map(\.path) == Self.plain.files.map(\.path))
        // Bytes, not String ==, which treats NFC and NFD as equal.
        for (file, expected) in zip(result.files, Self.plain.files)
        where !file.contents.utf8.elementsEqual(expected.contents.utf8) {
            Issue.record("\(file.path) differs from the plain file's")
        }
    }
}
