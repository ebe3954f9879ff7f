import Foundation
import Testing

@testable import HienMauKit

/// The sample site's records kept as a workbook (`Fixtures/sample/donations.xlsx`,
/// made from `content/data/donations.csv` by `scripts/fixtures/make_workbooks.py`
/// and saved by LibreOffice) give the same site as the CSV, file for file and byte for byte.
@Suite struct SampleWorkbookTests {
    @Test(arguments: ["donations.xlsx", "donations.ods"]) func theWorkbookGivesTheSameSiteAsTheCSV(_ file: String)
        throws
    {
        let fromCSV = Site.generate(BuildOptions(content: Repo.content, templates: Repo.templates))
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        try FileManager.default.removeItem(at: content.appendingPathComponent("data/donations.csv"))
        try FileManager.default.copyItem(
            at: Fixtures.folder.appendingPathComponent("sample/\(file)"),
            to: content.appendingPathComponent("data/\(file)"))
        let fromWorkbook = Site.generate(BuildOptions(content: content, templates: templates))
        #expect(
            fromWorkbook.diagnostics.items.isEmpty,
            "\(DiagnosticPrinter(language: .vi).format(fromWorkbook.diagnostics))")
        #expect(fromCSV.rows == 3_258)
        #expect(fromWorkbook.rows == fromCSV.rows)
        #expect(fromWorkbook.files.map(\.path) == fromCSV.files.map(\.path))
        for (a, b) in zip(fromCSV.files, fromWorkbook.files) {
            #expect(a.bytes == b.bytes, "\(a.path) differs")
        }
    }

    @Test(arguments: ["xlsx", "ods"])
    func bothACSVAndAWorkbookIsAnError(_ kind: String) throws {
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        try FileManager.default.copyItem(
            at: Fixtures.folder.appendingPathComponent("sample/donations.\(kind)"),
            to: content.appendingPathComponent("data/donations.\(kind)"))
        let result = Site.generate(BuildOptions(content: content, templates: templates))
        #expect(!result.succeeded)
        #expect(
            result.diagnostics.errors.map(\.message) == [
                Message(
                    vi:
                        "có cả content/data/donations.csv và content/data/donations.\(kind): không biết số liệu lấy từ tệp nào",
                    en:
                        "both content/data/donations.csv and content/data/donations.\(kind) are there: which one holds the records?"
                )
            ])
    }

    @Test func theThreeAtOnceAreNamedTogether() throws {
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        for file in ["donations.xlsx", "donations.ods"] {
            try FileManager.default.copyItem(
                at: Fixtures.folder.appendingPathComponent("sample/\(file)"),
                to: content.appendingPathComponent("data/\(file)"))
        }
        let result = Site.generate(BuildOptions(content: content, templates: templates))
        #expect(
            result.diagnostics.errors.map(\.message) == [
                Message(
                    vi:
                        "có cả content/data/donations.csv, content/data/donations.xlsx và content/data/donations.ods: không biết số liệu lấy từ tệp nào",
                    en:
                        "all of content/data/donations.csv, content/data/donations.xlsx and content/data/donations.ods are there: which one holds the records?"
                )
            ])
    }
}
