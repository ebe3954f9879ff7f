import Foundation
import Testing

@testable import HienMauKit

/// Some of the fixture workbooks saved again by LibreOffice as OpenDocument
/// (`NAME.ods` beside `NAME.xlsx`, by `scripts/fixtures/make_workbooks.py`,
/// which checked, reading content.xml on its own, that each holds the cells
/// of its `.xlsx`): read as `content/data/donations.ods`, each gives every
/// cell, and the figures, honour roll or refusal of its `NAME.expected.json`.
@Suite struct OpenDocumentFixtureTests {
    static let folder = Fixtures.folder.appendingPathComponent("workbooks")
    static let names: [String] = ((try? Fixtures.names(in: folder) { $0.hasSuffix(".ods") }) ?? []).map {
        String($0.dropLast(".ods".count))
    }

    @Test func theSetIsThere() {
        #expect(
            Self.names.sorted() == [
                "office", "outside-period", "per-campaign", "sessions", "split-names-ho-dem", "totals-disagree",
            ])
    }

    @Test(arguments: names) func readsEveryCellTheWorkbookHolds(_ name: String) throws {
        let expected = try WorkbookReaderTests.expectedSheets(name)
        let workbook = try OpenDocumentWorkbook(url: Self.folder.appendingPathComponent("\(name).ods"))
        #expect(workbook.sheets == expected.map(\.name))
        var got: [[WorkbookReaderTests.Cell]] = expected.map { _ in [] }
        let problem = try workbook.readRows { sheet, row in
            got[sheet] += row.cells.map { WorkbookReaderTests.Cell(row: row.row, column: $0.column, value: $0.value) }
            return true
        }
        #expect(problem == nil, "\(name)")
        for (sheet, wanted) in zip(got, expected) {
            #expect(sheet == wanted.cells, "\(name) sheet \(wanted.name)")
        }
    }

    @Test(arguments: names) func theSitePublishesWhatTheWorkbookGives(_ name: String) throws {
        let fixtures = RecordFixtureTests()
        let expected = try RecordFixtureTests.Expected(name)
        let built = fixtures.build(Self.folder.appendingPathComponent("\(name).ods"), as: "donations.ods", yaml: nil)
        switch expected.outcome {
        case .figures(let campaigns, let named):
            #expect(built.diagnostics.filter(\.isError).isEmpty, "\(built.report)")
            try fixtures.checkFigures(built.files, campaigns: campaigns, named: named, name: name)
        case .refused(let reason, let place, let sheet):
            try fixtures.checkRefusal(built.diagnostics, reason: reason, at: place, sheet: sheet)
        }
        // Messages name the .ods, at the sheet's row and column.
        for diagnostic in built.diagnostics where diagnostic.location.line > 0 {
            #expect(diagnostic.location.file == "content/data/donations.ods", "\(name)")
        }
    }

    @Test func theSheetsPerSessionAreReadAsTheWorkbooksAre() throws {
        // A cover sheet, skipped as in the .xlsx; the date shown with a time of day is its day.
        let built = RecordFixtureTests().build(
            Self.folder.appendingPathComponent("sessions.ods"), as: "donations.ods", yaml: nil)
        let notes = built.diagnostics.filter { $0.severity == .note }.map(\.message)
        #expect(
            notes == [
                Message(
                    vi: "bỏ qua 1 trang không có bảng số liệu: \"Bìa\"",
                    en: "skipped 1 sheet without a table of records: \"Bìa\"")
            ])
    }
}
