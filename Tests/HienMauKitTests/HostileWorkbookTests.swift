import Foundation
import Testing
import ZIPFoundation

@testable import HienMauKit

/// Workbooks made to hurt: each is one located error, never a crash, a hang
/// or memory that grows with what the file claims.
@Suite struct HostileWorkbookTests {
    static let workbookXML = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let relationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """

    static func sheet(_ rows: String, dimension: String = "A1:B2", merges: String = "") -> String {
        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<dimension ref=\"\(dimension)\"/><sheetData>\(rows)</sheetData>\(merges)</worksheet>"
    }

    /// A workbook of these parts, deflated, in a temporary file.
    func workbook(_ parts: [String: [UInt8]], in temp: TempFolder) throws -> URL {
        let url = temp.url.appendingPathComponent("donations.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: .deflate
            ) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return url
    }

    func parts(sheet: String, strings: String? = nil) -> [String: [UInt8]] {
        var parts = [
            "xl/workbook.xml": Array(Self.workbookXML.utf8),
            "xl/_rels/workbook.xml.rels": Array(Self.relationships.utf8),
            "xl/worksheets/sheet1.xml": Array(sheet.utf8),
        ]
        if let strings { parts["xl/sharedStrings.xml"] = Array(strings.utf8) }
        return parts
    }

    /// Every row of the workbook's one sheet, or the error that stopped it.
    func read(_ url: URL, limits: Workbook.Limits = Workbook.Limits()) -> Result<Int, WorkbookError> {
        do {
            let workbook = try Workbook(url: url, limits: limits)
            var rows = 0
            let problems = try workbook.rows(of: workbook.sheets[0]) { _ in rows += 1 }
            if let first = problems.first {
                return .failure(WorkbookError(first.message, sheet: "Số liệu", cell: first.cell))
            }
            return .success(rows)
        } catch let error as WorkbookError {
            return .failure(error)
        } catch {
            Issue.record("not a WorkbookError: \(error)")
            return .failure(WorkbookError(Message(vi: "", en: "")))
        }
    }

    @Test func aZipBombIsRefusedOnceItInflatesPastItsBound() throws {
        let temp = TempFolder()
        // 64 MiB of one repeated row deflates to well under a megabyte.
        let row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let body = String(repeating: row, count: (64 << 20) / row.utf8.count)
        let url = try workbook(parts(sheet: Self.sheet(body)), in: temp)
        var limits = Workbook.Limits()
        limits.sheetBytes = 8 << 20
        guard case .failure(let error) = read(url, limits: limits) else {
            Issue.record("read")
            return
        }
        #expect(error.message.en.hasPrefix("the workbook's part xl/worksheets/sheet1.xml inflates to more than"))
    }

    @Test func aBillionCellDimensionIsNotBelieved() throws {
        let temp = TempFolder()
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>campaign</t></is></c></row>"
        let url = try workbook(parts(sheet: Self.sheet(rows, dimension: "A1:XFD1048576")), in: temp)
        guard case .success(let rows) = read(url) else {
            Issue.record("read")
            return
        }
        #expect(rows == 1)
    }

    @Test func aMergedRangeNoTableHasIsRefused() throws {
        let temp = TempFolder()
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let merges = "<mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>"
        let url = try workbook(parts(sheet: Self.sheet(rows, merges: merges)), in: temp)
        guard case .failure(let error) = read(url) else {
            Issue.record("read")
            return
        }
        #expect(
            error.message.en == "the merged range A1:XFD1048576 covers 17179869184 cells: no table of records has one")
        #expect(error.cell == CellReference(row: 1, column: 1))
    }

    @Test func aSharedStringPastTheListIsLocated() throws {
        let temp = TempFolder()
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si></sst>"
        let rows = "<row r=\"3\"><c r=\"D3\" t=\"s\"><v>7</v></c></row>"
        let url = try workbook(parts(sheet: Self.sheet(rows), strings: strings), in: temp)
        guard case .failure(let error) = read(url) else {
            Issue.record("read")
            return
        }
        #expect(error.message.en == "the cell refers to shared string 7, which the file does not have")
        #expect(error.cell == CellReference(row: 3, column: 4))
    }

    @Test func truncatedXMLIsADamagedPart() throws {
        let temp = TempFolder()
        let sheet = Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let url = try workbook(parts(sheet: String(sheet.prefix(sheet.count - 30))), in: temp)
        guard case .failure(let error) = read(url) else {
            Issue.record("read")
            return
        }
        #expect(error.message.en.hasPrefix("the workbook's part xl/worksheets/sheet1.xml is damaged (XML line 1:"))
        #expect(error.sheet == "Số liệu")
    }

    @Test func aDTDIsRefused() throws {
        let temp = TempFolder()
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
            + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
        let url = try workbook(parts(sheet: laughs), in: temp)
        guard case .failure(let error) = read(url) else {
            Issue.record("read")
            return
        }
        #expect(error.message.en.hasPrefix("the workbook's part xl/worksheets/sheet1.xml is damaged"))
    }

    /// Found by the fuzz target: an archive whose entry claims a stored size
    /// near 2^64 made the bound on its inflating overflow, a trap.
    @Test func aStoredSizeNear2To64IsNotBelieved() {
        let url = Fixtures.fuzz.appendingPathComponent("workbook-claimed-size-near-2-64.xlsx")
        var diagnostics = Diagnostics()
        var builder = FigureBuilder(
            campaigns: [FigureBuilder.CampaignInfo(id: "hn-2023", targetUnits: nil)], milestones: [5],
            consentDefault: false)
        DonationTable.readWorkbook(
            url: url, context: DonationTable.Context(file: "d.xlsx", campaignIDs: ["hn-2023"]),
            diagnostics: &diagnostics, into: &builder)
        #expect(diagnostics.errorCount == 1)
    }

    @Test func aFileThatIsNoZipNamesTheFix() throws {
        let temp = TempFolder()
        temp.write("donations.xlsx", "PK\u{3}\u{4} not really")
        guard case .failure(let error) = read(temp.url.appendingPathComponent("donations.xlsx")) else {
            Issue.record("read")
            return
        }
        #expect(
            error.message.vi
                == "tệp không phải bảng tính Excel (.xlsx) đọc được: không phải tệp nén zip / not a zip archive")
        #expect(error.hint?.en == "open it in Excel or LibreOffice and save it again as \"Excel Workbook (.xlsx)\"")
    }
}
