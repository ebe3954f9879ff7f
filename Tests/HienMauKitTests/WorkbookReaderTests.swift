import Foundation
import Testing

@testable import HienMauKit

/// The workbook reader against workbooks saved by LibreOffice, each cell
/// compared with what openpyxl read from the same file
/// (`scripts/fixtures/make_workbooks.py` wrote both).
@Suite struct WorkbookReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbooks")
    static let names = ["clean", "office", "sessions", "sessions-1904"]

    @Test func everyFixtureIsThere() throws {
        for name in Self.names {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("\(name).xlsx").path))
        }
    }

    @Test(arguments: names) func readsEveryCellAsOpenpyxlDoes(_ name: String) throws {
        let expected = try Self.expectedSheets(name)
        let workbook = try Workbook(url: Self.folder.appendingPathComponent("\(name).xlsx"))
        #expect(workbook.sheets.map(\.name) == expected.map(\.name))
        for (sheet, wanted) in zip(workbook.sheets, expected) {
            var rows: [WorkbookRow] = []
            let problems = try workbook.rows(of: sheet) { rows.append($0) }
            #expect(problems.isEmpty, "\(name) \(sheet.name)")
            let got = rows.flatMap { row in row.cells.map { Cell(row: row.row, column: $0.column, value: $0.value) } }
            #expect(got == wanted.cells, "\(name) sheet \(sheet.name)")
        }
    }

    @Test func datesAreDaysInBothDateSystems() throws {
        for name in ["sessions", "sessions-1904"] {
            let workbook = try Workbook(url: Self.folder.appendingPathComponent("\(name).xlsx"))
            #expect(workbook.date1904 == (name == "sessions-1904"))
            var rows: [WorkbookRow] = []
            _ = try workbook.rows(of: workbook.sheets[1]) { rows.append($0) }
            // Shown as 04/08/2023 08:30: the time of day is dropped.
            #expect(rows[1].value(at: 2) == .date(Day(year: 2023, month: 8, day: 4)!))
            // Merged down the column: the second row shows the first one's date.
            #expect(rows[2].value(at: 2) == .date(Day(year: 2023, month: 8, day: 4)!))
        }
    }

    @Test func aFileThatIsNoZipIsRefusedWithTheWayOut() throws {
        let temp = TempFolder()
        temp.write("donations.xlsx", "campaign,date\n")
        #expect(throws: WorkbookError.self) { try Workbook(url: temp.url.appendingPathComponent("donations.xlsx")) }
    }

    @Test func excelSerialsBecomeDays() {
        #expect(ExcelDate.day(serial: 45142, date1904: false) == Day(year: 2023, month: 8, day: 4))
        #expect(ExcelDate.day(serial: 45142.75, date1904: false) == Day(year: 2023, month: 8, day: 4))
        #expect(ExcelDate.day(serial: 43680, date1904: true) == Day(year: 2023, month: 8, day: 4))
        #expect(ExcelDate.day(serial: 1, date1904: false) == Day(year: 1900, month: 1, day: 1))
        #expect(ExcelDate.day(serial: 59, date1904: false) == Day(year: 1900, month: 2, day: 28))
        #expect(ExcelDate.day(serial: 60, date1904: false) == nil)
        #expect(ExcelDate.day(serial: 61, date1904: false) == Day(year: 1900, month: 3, day: 1))
        #expect(ExcelDate.isDateFormat(id: 164, code: "DD/MM/YYYY"))
        #expect(ExcelDate.isDateFormat(id: 165, code: "[$-42A]d mmmm yyyy"))
        #expect(!ExcelDate.isDateFormat(id: 166, code: "#,##0\" ml\""))
        #expect(!ExcelDate.isDateFormat(id: 167, code: "h:mm"))
        #expect(ExcelDate.isDateFormat(id: 14, code: nil))
    }

    @Test func cellReferencesRoundTrip() {
        for (text, row, column) in [("A1", 1, 1), ("D42", 42, 4), ("AA10", 10, 27), ("XFD1048576", 1_048_576, 16_384)] {
            let reference = CellReference(text)
            #expect(reference == CellReference(row: row, column: column))
            #expect(reference?.description == text)
        }
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("A1048577") == nil)
        #expect(CellReference("A0") == nil)
        #expect(CellReference("1A") == nil)
    }

    struct Cell: Equatable, CustomStringConvertible {
        var row: Int
        var column: Int
        var value: CellValue
        var description: String { "\(CellReference(row: row, column: column))=\(value)" }
    }

    struct Sheet {
        var name: String
        var cells: [Cell]
    }

    /// openpyxl's cells, with each merged range filled from its top-left cell as a sheet shows it.
    static func expectedSheets(_ name: String) throws -> [Sheet] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).cells.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        return try sheets.map { sheet in
            var cells: [CellReference: CellValue] = [:]
            for entry in try #require(sheet["rows"] as? [[Any]]) {
                let reference = CellReference(row: entry[0] as! Int, column: entry[1] as! Int)
                switch entry[2] as! String {
                case "date": cells[reference] = .date(Day(parsing: entry[3] as! String)!)
                case "number": cells[reference] = .number((entry[3] as! NSNumber).doubleValue)
                case "bool": cells[reference] = .bool(entry[3] as! Bool)
                default: cells[reference] = .text(entry[3] as! String)
                }
            }
            for text in sheet["merged"] as? [String] ?? [] {
                var text = text
                let range = try #require(text.withUTF8 { CellRange($0) })
                guard let value = cells[range.first] else { continue }
                for row in range.first.row...range.last.row {
                    for column in range.first.column...range.last.column {
                        cells[CellReference(row: row, column: column)] = value
                    }
                }
            }
            let sorted = cells.keys.sorted().map { Cell(row: $0.row, column: $0.column, value: cells[$0]!) }
            return Sheet(name: sheet["name"] as! String, cells: sorted)
        }
    }
}

/// Other encodings than UTF-8, through iconv.
@Suite struct TranscoderTests {
    @Test func windows1258BecomesComposedUTF8() throws {
        // "Nguyễn Hoàng": Windows-1258 writes ễ as ê + a combining tilde, à as a + a combining grave.
        let bytes: [UInt8] = [0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0x48, 0x6F, 0x61, 0xCC, 0x6E, 0x67]
        let transcoder = try #require(Transcoder(from: "WINDOWS-1258"))
        let utf8 = try bytes.withUnsafeBufferPointer { try transcoder.convert($0, last: true) }
        #expect(String(decoding: utf8, as: UTF8.self).precomposedStringWithCanonicalMapping == "Nguyễn Hoàng")
    }

    @Test func utf16SplitInsideACharacterWaitsForTheRest() throws {
        let text = "Trần Thị Bình 🩸"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let transcoder = try #require(Transcoder(from: "UTF-16"))
        var out: [UInt8] = []
        var from = 0
        for cut in [3, 9, 10, 27, bytes.count] {
            out += try bytes[from..<cut].withUnsafeBufferPointer {
                try transcoder.convert($0, last: cut == bytes.count)
            }
            from = cut
        }
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test func aCutCharacterAtTheEndIsAnError() throws {
        let transcoder = try #require(Transcoder(from: "UTF-16LE"))
        #expect(throws: Transcoder.Invalid.self) {
            try ([0x41, 0x00, 0x42] as [UInt8]).withUnsafeBufferPointer { try transcoder.convert($0, last: true) }
        }
    }
}
