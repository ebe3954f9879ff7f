import Foundation
import Testing

@testable import HienMauKit

/// Awards kept in a workbook: `honours.xlsx` or `honours.ods`, or a sheet
/// named for them ("Khen thưởng") in the records' workbook. The fixtures in
/// `Fixtures/awards` were made by `scripts/fixtures/make_workbooks.py`, and
/// each `NAME.expected.json` holds the awards it wrote.
@Suite struct AwardsWorkbookTests {
    static let folder = Fixtures.folder.appendingPathComponent("awards")

    /// The sample site with these fixture files put in `content/data` under
    /// the given names, and honours.csv (or donations.csv) taken out when `replacing`.
    func build(_ files: [(fixture: String, as: String)], replacing: [String] = ["honours.csv"]) throws -> BuildResult {
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        let data = content.appendingPathComponent("data")
        for name in replacing { try FileManager.default.removeItem(at: data.appendingPathComponent(name)) }
        for (fixture, target) in files {
            try FileManager.default.copyItem(
                at: Self.folder.appendingPathComponent(fixture), to: data.appendingPathComponent(target))
        }
        return Site.generate(BuildOptions(content: content, templates: templates))
    }

    func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// honour-roll.json's awards against the fixture's: the same set, newest first.
    func checkAwards(_ result: BuildResult, _ wanted: [[Any]], name: String) throws {
        let text = try #require(result.files.first { $0.path == "data/honour-roll.json" }, "\(name)").contents
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let awards = try #require(json["awards"] as? [[String: Any]])
        let got = awards.map {
            "\($0["recipient"]!)|\($0["kind"]!)|\($0["award"]!)|\($0["issuer"]!)|\($0["year"]!)"
        }
        let want = wanted.map { $0.map { "\($0)" }.joined(separator: "|") }
        #expect(Set(got) == Set(want), "\(name)")
        #expect(got.count == want.count, "\(name)")
        let years = awards.compactMap { $0["year"] as? Int }
        #expect(years == years.sorted(by: >), "\(name)")
    }

    @Test(arguments: ["honours.xlsx", "honours.ods"]) func anAwardsWorkbookIsReadBelowItsTitle(_ file: String) throws {
        let result = try build([(file, file)])
        #expect(result.diagnostics.items.isEmpty, "\(DiagnosticPrinter(language: .vi).format(result.diagnostics))")
        try checkAwards(result, try #require(try expected("honours")["awards"] as? [[Any]]), name: file)
    }

    @Test(arguments: ["xlsx", "ods"]) func aYearThatIsNoYearIsLocatedAtItsCell(_ kind: String) throws {
        let result = try build([("honours-bad-year.\(kind)", "honours.\(kind)")])
        let wanted = try expected("honours-bad-year")
        let place = try #require(wanted["where"] as? [Int])
        #expect(
            result.diagnostics.errors.map(\.message) == [
                Message(
                    vi: "year \"năm 2020\" không phải một năm (trang \"Danh sách\", ô F9)",
                    en: "year \"năm 2020\" is not a year (sheet \"Danh sách\", cell F9)")
            ])
        #expect(
            result.diagnostics.errors.first?.location
                == SourceLocation(file: "content/data/honours.\(kind)", line: place[0], column: place[1]))
        #expect(result.diagnostics.errors.first?.sourceLine == nil)
    }

    @Test(arguments: ["xlsx", "ods"]) func anAwardsSheetInTheRecordsIsReadAndNotSkipped(_ kind: String) throws {
        let result = try build(
            [("donations-with-awards.\(kind)", "donations.\(kind)")], replacing: ["honours.csv", "donations.csv"])
        #expect(
            result.diagnostics.items.map(\.message) == [
                Message(
                    vi: "bỏ qua 1 trang không có bảng số liệu: \"Bìa\"",
                    en: "skipped 1 sheet without a table of records: \"Bìa\"")
            ])
        let wanted = try expected("donations-with-awards")
        try checkAwards(result, try #require(wanted["awards"] as? [[Any]]), name: kind)
        let campaigns = try #require(wanted["campaigns"] as? [String: [String: Any]])
        var named: [String: Int] = [:]
        for entry in try #require(wanted["honour_roll"] as? [[Any]]) { named[entry[0] as! String] = entry[1] as? Int }
        try RecordFixtureTests().checkFigures(result.files, campaigns: campaigns, named: named, name: kind)
    }

    /// A records' workbook whose one sheet holds awards is told so, not that its awards sheet has no header.
    @Test func aRecordsWorkbookOfAwardsOnlyIsToldSo() throws {
        let hostile = HostileWorkbookTests()
        let temp = TempFolder()
        let row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Người được khen</t></is></c></row>"
        var parts = hostile.parts(sheet: HostileWorkbookTests.sheet(row))
        parts["xl/workbook.xml"] = Array(
            HostileWorkbookTests.workbookXML.replacingOccurrences(of: "Số liệu", with: "Khen thưởng").utf8)
        let url = try hostile.workbook(parts, in: temp)
        var diagnostics = Diagnostics()
        var builder = FigureBuilder(
            campaigns: [.init(id: "hn-2023", targetUnits: nil)], milestones: [5], consentDefault: false)
        let awards = DonationTable.readWorkbook(
            url: url, context: .init(file: "d.xlsx", campaignIDs: ["hn-2023"]), diagnostics: &diagnostics,
            into: &builder)
        #expect(awards.count == 1)
        #expect(
            DiagnosticPrinter(language: .en).format(diagnostics)
                == "d.xlsx:1:1: error: the donations workbook holds only awards (\"Khen thưởng\"), no sheet of donations\nhint: add the donations' sheet; if the file is only for the awards, name it honours.xlsx (or .ods)\n"
        )
        #expect(
            DiagnosticPrinter(language: .vi).format(diagnostics)
                == "d.xlsx:1:1: lỗi: bảng tính số liệu hiến máu chỉ có trang khen thưởng (\"Khen thưởng\"), không có trang số liệu nào\ngợi ý: thêm trang số liệu hiến máu; nếu tệp chỉ để ghi khen thưởng, đặt tên nó là honours.xlsx (hoặc .ods)\n"
        )
    }

    @Test func honoursCSVAndHonoursXLSXIsAnError() throws {
        let result = try build([("honours.xlsx", "honours.xlsx")], replacing: [])
        #expect(
            result.diagnostics.errors.map(\.message) == [
                Message(
                    vi:
                        "có cả content/data/honours.csv và content/data/honours.xlsx: không biết danh sách khen thưởng lấy từ tệp nào",
                    en:
                        "both content/data/honours.csv and content/data/honours.xlsx are there: which one holds the awards?"
                )
            ])
        #expect(result.diagnostics.errors.first?.location.file == "content/data/honours.xlsx")
    }

    @Test func honoursCSVAndAnAwardsSheetIsAnError() throws {
        let result = try build([("donations-with-awards.xlsx", "donations.xlsx")], replacing: ["donations.csv"])
        #expect(
            result.diagnostics.errors.map(\.message) == [
                Message(
                    vi:
                        "có cả content/data/honours.csv và trang \"Khen thưởng\" của content/data/donations.xlsx: không biết danh sách khen thưởng lấy từ đâu",
                    en:
                        "both content/data/honours.csv and the sheet \"Khen thưởng\" of content/data/donations.xlsx are there: which one holds the awards?"
                )
            ])
    }

    @Test func aCSVWithATitleAboveItsHeaderIsReadToo() throws {
        var diagnostics = Diagnostics()
        let csv =
            "DANH SÁCH KHEN THƯỞNG,,,,\n,,,,\nNgười/Tập thể được khen,Loại,Danh hiệu,Cấp khen,Năm\n"
            + "Nguyễn Văn Hùng,cá nhân,Giấy khen,Công an Thành phố Hà Nội,2023\n"
        let honours = HonoursTable.parse(Array(csv.utf8), file: "honours.csv", diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        #expect(
            honours == [
                Honour(
                    recipient: "Nguyễn Văn Hùng", kind: .individual, award: "Giấy khen",
                    issuer: "Công an Thành phố Hà Nội", year: 2023)
            ])
    }

    @Test func aRowsCellsOutOfColumnOrderAreEachInTheirField() {
        // A .xlsx may list C1 before A1 (found by Fuzz/WorkbookFuzz.swift, seeds/WorkbookFuzz/awards-cells-out-of-order.xlsx).
        var sheet = AwardsSheet(name: "Khen thưởng")
        sheet.add(
            WorkbookRow(
                row: 1, cells: [WorkbookCell(column: 3, value: .number(2023)), .init(column: 1, value: .text("x"))]))
        #expect(sheet.rows == [AwardsSheet.Row(line: 1, fields: ["x", "", "2023"])])
    }

    @Test func sheetNamesThatHoldAwards() {
        for name in ["Khen thưởng", "KHEN THƯỞNG", "khen-thuong", "Honours", "Danh sách khen thưởng"] {
            #expect(AwardsSheet.holdsAwards(name), "\(name)")
        }
        for name in ["Bìa", "Hà Nội 2023", "Vinh danh", "Khen"] { #expect(!AwardsSheet.holdsAwards(name), "\(name)") }
    }
}
