import Foundation
import Testing

@testable import HienMauKit

/// `.ods` files made to hurt, or just not what they say: each is one located
/// error with the way out, never a crash, a hang or memory that grows with
/// what the file claims.
@Suite struct HostileOpenDocumentTests {
    typealias ODS = OpenDocumentReaderTests

    func failure(_ url: URL, limits: OpenDocumentWorkbook.Limits = OpenDocumentWorkbook.Limits()) -> WorkbookError? {
        do {
            let workbook = try OpenDocumentWorkbook(url: url, limits: limits)
            var cells = 0
            _ = try workbook.readRows { _, row in
                cells += row.cells.count
                return true
            }
            Issue.record("read \(cells) cells")
            return nil
        } catch let error as WorkbookError {
            return error
        } catch {
            Issue.record("not a WorkbookError: \(error)")
            return nil
        }
    }

    @Test func aPasswordIsNamedWithTheWayOut() throws {
        let temp = TempFolder()
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data \
            manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>
            """
        let url = try ODS.workbook(
            [
                "mimetype": OpenDocumentWorkbook.mimeType, "META-INF/manifest.xml": manifest,
                "content.xml": "\u{1}\u{2}",
            ],
            in: temp)
        let error = try #require(failure(url))
        #expect(
            error.message
                == Message(
                    vi: "bảng tính được khoá bằng mật khẩu: hienmau không đọc được",
                    en: "the workbook is protected with a password: hienmau cannot read it"))
        #expect(
            error.hint?.en
                == "open it in LibreOffice and save it again without a password (File › Save As, untick \"Save with password\")"
        )
    }

    @Test func aFileThatIsNoZipNamesTheFix() throws {
        let temp = TempFolder()
        temp.write("donations.ods", "PK\u{3}\u{4} not really")
        let error = try #require(failure(temp.url.appendingPathComponent("donations.ods")))
        #expect(
            error.message
                == Message(
                    vi:
                        "tệp không phải bảng tính OpenDocument (.ods) đọc được: không phải tệp nén zip / not a zip archive",
                    en:
                        "the file is not a readable OpenDocument spreadsheet (.ods): không phải tệp nén zip / not a zip archive"
                ))
        #expect(error.hint?.en == "open it in LibreOffice and save it again as \"ODF Spreadsheet (.ods)\"")
    }

    @Test func anExcelWorkbookNamedOdsIsToldToBeRenamed() throws {
        let temp = TempFolder()
        let url = try ODS.workbook(["xl/workbook.xml": HostileWorkbookTests.workbookXML], in: temp)
        let error = try #require(failure(url))
        #expect(
            error.message
                == Message(
                    vi: "tệp là bảng tính Excel (.xlsx) nhưng mang đuôi .ods",
                    en: "the file is an Excel workbook (.xlsx) with the extension .ods"))
        #expect(error.hint == Message(vi: "đổi tên tệp thành donations.xlsx", en: "rename it to donations.xlsx"))
    }

    @Test func aTextDocumentOrNoContentIsNoSpreadsheet() throws {
        let temp = TempFolder()
        let text = try ODS.workbook(
            ["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": ODS.content("")], in: temp)
        #expect(
            failure(text)?.message.en
                == "the file is not a readable OpenDocument spreadsheet (.ods): mimetype application/vnd.oasis.opendocument.text"
        )
        let other = TempFolder()
        let empty = try ODS.workbook(["mimetype": OpenDocumentWorkbook.mimeType], in: other)
        #expect(
            failure(empty)?.message.en
                == "the file is not a readable OpenDocument spreadsheet (.ods): thiếu content.xml / content.xml is missing"
        )
    }

    @Test func truncatedXMLIsADamagedPartOfItsSheet() throws {
        let temp = TempFolder()
        let content = ODS.content(ODS.table("Số liệu", "<table:table-row>\(ODS.string("campaign"))</table:table-row>"))
        // Cut inside the sheet: the names are read, the rows stop at the cut.
        let url = try ODS.workbook(content: String(content.prefix(content.count - 60)), in: temp)
        let error = try #require(failure(url))
        #expect(error.message.en.hasPrefix("the workbook's part content.xml is damaged (XML line 1:"))
        #expect(error.message.vi.hasPrefix("phần content.xml của bảng tính hỏng (dòng XML 1:"))
        #expect(error.hint == WorkbookError.resaveHint)
        #expect(error.sheet == "Số liệu")
    }

    @Test func aDTDIsRefused() throws {
        let temp = TempFolder()
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
            + ODS.content(ODS.table("A", "<table:table-row>\(ODS.string("&lol2;"))</table:table-row>"))
            .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        let url = try ODS.workbook(content: laughs, in: temp)
        #expect(failure(url)?.message.en == "the workbook's part content.xml is damaged (XML line 1: DTD)")
    }

    @Test func aRowRepeatedAMillionTimesAcrossEveryColumnIsRefused() throws {
        let temp = TempFolder()
        let row =
            "<table:table-row table:number-rows-repeated=\"1048576\">"
            + ODS.float("1", "table:number-columns-repeated=\"16384\"") + "</table:table-row>"
        let url = try ODS.workbook(content: ODS.content(ODS.table("Số liệu", row)), in: temp)
        let started = Date()
        let error = try #require(failure(url))
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(
            error.message
                == Message(
                    vi: "bảng tính lặp lại hoặc gộp hơn 16.777.216 ô: không bảng số liệu nào như vậy",
                    en: "the workbook repeats or merges more than 16777216 cells: no table of records is like that"))
        #expect(error.sheet == "Số liệu")
        #expect(error.cell == CellReference(row: 1, column: 1))
    }

    @Test func aMergedRangeNoTableHasIsRefused() throws {
        let temp = TempFolder()
        let cell = ODS.string(
            "x", "table:number-columns-spanned=\"16384\" table:number-rows-spanned=\"1048576\"")
        let url = try ODS.workbook(
            content: ODS.content(ODS.table("Số liệu", "<table:table-row>\(cell)</table:table-row>")), in: temp)
        let error = try #require(failure(url))
        #expect(
            error.message
                == Message(
                    vi: "vùng gộp ô A1:XFD1048576 phủ 17179869184 ô: không bảng số liệu nào như vậy",
                    en: "the merged range A1:XFD1048576 covers 17179869184 cells: no table of records has one"))
        #expect(error.sheet == "Số liệu")
    }

    @Test func theSiteLocatesABrokenOdsAtItsFileSheetAndCell() throws {
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        try FileManager.default.removeItem(at: content.appendingPathComponent("data/donations.csv"))
        let rows =
            "<table:table-row>\(ODS.string("campaign"))</table:table-row>"
            + "<table:table-row><table:table-cell/><table:table-cell office:value-type=\"float\" office:value=\"ba trăm\"/></table:table-row>"
        let made = try ODS.workbook(content: ODS.content(ODS.table("04-08", rows)), in: temp)
        try FileManager.default.moveItem(at: made, to: content.appendingPathComponent("data/donations.ods"))
        let result = Site.generate(BuildOptions(content: content, templates: templates))
        let error = try #require(result.diagnostics.errors.first)
        #expect(
            error.message
                == Message(
                    vi: "ô số chứa \"ba trăm\" (trang \"04-08\", ô B2)",
                    en: "the number cell holds \"ba trăm\" (sheet \"04-08\", cell B2)"))
        #expect(error.location == SourceLocation(file: "content/data/donations.ods", line: 2, column: 2))
    }
}
