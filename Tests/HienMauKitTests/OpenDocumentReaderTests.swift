import Foundation
import Testing
import ZIPFoundation

@testable import HienMauKit

/// The OpenDocument reader against content.xml written by hand: each part
/// of the format a spreadsheet program writes, read as the sheet shows it.
@Suite struct OpenDocumentReaderTests {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
        """

    /// content.xml with these sheets (`table:table` elements) in its spreadsheet.
    static func content(_ tables: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \(namespaces)><office:body>"
            + "<office:spreadsheet>\(tables)</office:spreadsheet></office:body></office:document-content>"
    }

    static func table(_ name: String, _ rows: String) -> String {
        "<table:table table:name=\"\(name)\"><table:table-column table:number-columns-repeated=\"16384\"/>"
            + "\(rows)</table:table>"
    }

    static func string(_ text: String, _ attributes: String = "") -> String {
        "<table:table-cell office:value-type=\"string\" \(attributes)><text:p>\(text)</text:p></table:table-cell>"
    }

    static func float(_ value: String, _ attributes: String = "") -> String {
        "<table:table-cell office:value-type=\"float\" office:value=\"\(value)\" \(attributes)><text:p>\(value)</text:p></table:table-cell>"
    }

    /// An .ods of these parts (the mimetype first, stored, as the format has it), in a temporary file.
    static func workbook(_ parts: [String: String], in temp: TempFolder, name: String = "donations.ods") throws -> URL {
        let url = temp.url.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        var ordered = parts.sorted { $0.key < $1.key }
        if let mime = ordered.firstIndex(where: { $0.key == "mimetype" }) {
            ordered.insert(ordered.remove(at: mime), at: 0)
        }
        for (path, text) in ordered {
            let bytes = Array(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: path == "mimetype" ? .none : .deflate
            ) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return url
    }

    static func workbook(content: String, in temp: TempFolder) throws -> URL {
        try workbook(["mimetype": OpenDocumentWorkbook.mimeType, "content.xml": content], in: temp)
    }

    /// Every row of every sheet: (sheet index, row), or the error that stopped it.
    static func rows(
        _ url: URL, limits: OpenDocumentWorkbook.Limits = OpenDocumentWorkbook.Limits()
    ) throws -> (rows: [(Int, WorkbookRow)], problem: OpenDocumentSheetHandler.Problem?) {
        let workbook = try OpenDocumentWorkbook(url: url, limits: limits)
        var rows: [(Int, WorkbookRow)] = []
        let problem = try workbook.readRows { sheet, row in
            rows.append((sheet, row))
            return true
        }
        return (rows, problem)
    }

    func cells(_ row: WorkbookRow) -> [String: CellValue] {
        Dictionary(
            uniqueKeysWithValues: row.cells.map { ("\(CellReference(row: row.row, column: $0.column))", $0.value) })
    }

    @Test func everyValueTypeReadsAsTheSheetShowsIt() throws {
        let temp = TempFolder()
        let row =
            Self.float("350")
            + "<table:table-cell office:value-type=\"percentage\" office:value=\"0.5\"><text:p>50%</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"currency\" office:currency=\"VND\" office:value=\"50000\"><text:p>50.000 ₫</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-08-04\"><text:p>04/08/2023</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-08-05T10:30:00\"><text:p>05/08/2023 10:30</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"time\" office:time-value=\"PT10H30M00S\"><text:p>10:30</text:p></table:table-cell>"
            + "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
            + Self.string("Trần &amp; <text:s text:c=\"2\"/>Bình<text:tab/>x<text:line-break/>y")
        let url = try Self.workbook(
            content: Self.content(Self.table("Số liệu", "<table:table-row>\(row)</table:table-row>")), in: temp)
        let (rows, problem) = try Self.rows(url)
        #expect(problem == nil)
        #expect(rows.count == 1)
        #expect(
            cells(rows[0].1) == [
                "A1": .number(350), "B1": .number(0.5), "C1": .number(50000),
                "D1": .date(Day(year: 2023, month: 8, day: 4)!), "E1": .date(Day(year: 2023, month: 8, day: 5)!),
                "F1": .bool(true), "G1": .text("10:30"), "H1": .error("#DIV/0!"), "I1": .text("Trần &   Bình\tx\ny"),
            ])
    }

    @Test func paragraphsAreLinesAndCommentsAreNotText() throws {
        let temp = TempFolder()
        let cell =
            "<table:table-cell office:value-type=\"string\"><office:annotation><text:p>ghi chú</text:p></office:annotation>"
            + "<text:p>Họ và</text:p><text:p>  <text:span>tên</text:span>\n   đệm</text:p></table:table-cell>"
        let url = try Self.workbook(
            content: Self.content(Self.table("A", "<table:table-row>\(cell)</table:table-row>")), in: temp)
        let (rows, _) = try Self.rows(url)
        #expect(rows.map { cells($0.1) } == [["A1": .text("Họ và\ntên đệm")]])
    }

    @Test func repeatedRowsAndCellsAreCountedAndCopiedOnlyWhenTheyHoldSomething() throws {
        let temp = TempFolder()
        let rows =
            "<table:table-row>\(Self.string("campaign"))<table:table-cell table:number-columns-repeated=\"2\"/>"
            + "\(Self.float("7", "table:number-columns-repeated=\"3\""))<table:table-cell table:number-columns-repeated=\"16378\"/></table:table-row>"
            + "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
            + "<table:table-row table:number-rows-repeated=\"2\">\(Self.string("hn-2023"))</table:table-row>"
            // The empty rows to the sheet's end, as LibreOffice writes them.
            + "<table:table-row table:number-rows-repeated=\"1048569\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
        let url = try Self.workbook(content: Self.content(Self.table("A", rows)), in: temp)
        let started = Date()
        let (read, problem) = try Self.rows(url)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(problem == nil)
        #expect(
            read.map { cells($0.1) } == [
                ["A1": .text("campaign"), "D1": .number(7), "E1": .number(7), "F1": .number(7)],
                ["A5": .text("hn-2023")], ["A6": .text("hn-2023")],
            ])
    }

    @Test func aMergedRangeFillsEveryCellItCovers() throws {
        let temp = TempFolder()
        // A2:A4 merged down (the rows below it repeated, holding only covered cells), B1:C1 across.
        let rows =
            "<table:table-row>\(Self.string("Chiến dịch"))\(Self.string("Ngày", "table:number-columns-spanned=\"2\""))<table:covered-table-cell/></table:table-row>"
            + "<table:table-row>\(Self.string("hn-2023", "table:number-rows-spanned=\"3\""))\(Self.float("1"))</table:table-row>"
            + "<table:table-row table:number-rows-repeated=\"2\"><table:covered-table-cell/><table:table-cell/></table:table-row>"
            + "<table:table-row><table:table-cell/>\(Self.float("2"))</table:table-row>"
        let url = try Self.workbook(content: Self.content(Self.table("A", rows)), in: temp)
        let (read, _) = try Self.rows(url)
        #expect(
            read.map { cells($0.1) } == [
                ["A1": .text("Chiến dịch"), "B1": .text("Ngày"), "C1": .text("Ngày")],
                ["A2": .text("hn-2023"), "B2": .number(1)], ["A3": .text("hn-2023")], ["A4": .text("hn-2023")],
                ["B5": .number(2)],
            ])
    }

    @Test func wrappersAndSheetsAreReadThrough() throws {
        let temp = TempFolder()
        let first = Self.table(
            "Bìa &amp; &quot;ghi chú&quot;",
            "<table:table-header-rows><table:table-row>\(Self.string("tiêu đề"))</table:table-row></table:table-header-rows>"
                + "<table:table-row-group><table:table-rows><table:table-row table:visibility=\"collapse\">\(Self.string("ẩn"))</table:table-row></table:table-rows></table:table-row-group>"
        )
        let second = Self.table("04-08", "<table:table-row>\(Self.float("1"))</table:table-row>")
        let url = try Self.workbook(content: Self.content(first + second), in: temp)
        #expect(try OpenDocumentWorkbook(url: url).sheets == ["Bìa & \"ghi chú\"", "04-08"])
        let (read, _) = try Self.rows(url)
        #expect(read.map(\.0) == [0, 0, 1])
        #expect(read.map { cells($0.1) } == [["A1": .text("tiêu đề")], ["A2": .text("ẩn")], ["A1": .number(1)]])
    }

    @Test func aCellThatCannotBeReadIsLocatedAfterItsSheet() throws {
        let temp = TempFolder()
        let rows =
            "<table:table-row>\(Self.string("a"))</table:table-row><table:table-row table:number-rows-repeated=\"40\"/>"
            + "<table:table-row><table:table-cell table:number-columns-repeated=\"3\"/>"
            + "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-13-01\"/>\(Self.string("b"))</table:table-row>"
        let url = try Self.workbook(
            content: Self.content(
                Self.table("04-08", rows) + Self.table("sau", "<table:table-row>\(Self.string("c"))</table:table-row>")),
            in: temp)
        let (read, problem) = try Self.rows(url)
        #expect(read.count == 2)
        #expect(
            problem
                == OpenDocumentSheetHandler.Problem(
                    sheet: 0, cell: CellReference(row: 42, column: 4),
                    message: Message(vi: "ngày \"2023-13-01\" không đọc được", en: "date \"2023-13-01\" cannot be read")
                ))
    }
}
