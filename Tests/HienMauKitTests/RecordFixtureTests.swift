import Foundation
import Testing

@testable import HienMauKit

/// The records as users keep them — workbooks laid out as office documents,
/// and every CSV form a spreadsheet program saves — each put in the sample
/// site as its records. Each fixture's `NAME.expected.json` was worked out by
/// `scripts/fixtures/make_workbooks.py` from the rows it wrote, not by
/// hienmau: the site publishes exactly those figures and names, or refuses
/// (or warns, where a user could mean it) with the message that names the fix.
@Suite struct RecordFixtureTests {
    static let folders = ["workbooks", "records"].map { Fixtures.folder.appendingPathComponent($0) }
    static let names: [String] = folders.flatMap { folder in
        (try? Fixtures.names(in: folder) { $0.hasSuffix(".expected.json") }) ?? []
    }.map { String($0.dropLast(".expected.json".count)) }

    @Test func everyLayoutAndEncodingIsThere() throws {
        // A loop over no fixtures would pass: each folder must hold its set.
        for folder in Self.folders { _ = try Fixtures.names(in: folder) { $0.hasSuffix(".expected.json") } }
        #expect(Self.names.count == 17)
    }

    @Test(arguments: names) func theSitePublishesTheFileOrSaysWhy(_ name: String) throws {
        let expected = try Expected(name)
        let built = build(expected.file, as: expected.target, yaml: expected.declaredEncoding)
        switch expected.outcome {
        case .figures(let campaigns, let named):
            let errors = built.diagnostics.filter(\.isError)
            #expect(errors.isEmpty, "\(built.report)")
            try checkFigures(built.files, campaigns: campaigns, named: named, name: name)
            if let undeclared = expected.undeclared {
                // Without `data_encoding` the same file is refused, naming both ways out.
                let plain = build(expected.file, as: expected.target, yaml: nil)
                try checkRefusal(plain.diagnostics, reason: undeclared, at: expected.whereUndeclared, sheet: nil)
            }
        case .refused(let reason, let place, let sheet):
            try checkRefusal(built.diagnostics, reason: reason, at: place, sheet: sheet)
        }
    }

    struct Built {
        var diagnostics: [Diagnostic]
        var files: [OutputFile]
        var report: String
    }

    func build(_ fixture: URL, as target: String, yaml: String?) -> Built {
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        try? FileManager.default.removeItem(at: content.appendingPathComponent("data/donations.csv"))
        try! FileManager.default.copyItem(at: fixture, to: content.appendingPathComponent("data/\(target)"))
        if let yaml {
            let site = content.appendingPathComponent("site.yml")
            try! (String(contentsOf: site, encoding: .utf8) + "\(yaml)\n").write(
                to: site, atomically: true, encoding: .utf8)
        }
        let result = Site.generate(BuildOptions(content: content, templates: templates))
        return Built(
            diagnostics: result.diagnostics.items, files: result.files,
            report: DiagnosticPrinter(language: .vi).format(result.diagnostics))
    }
}
