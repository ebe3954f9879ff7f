import Foundation
import Testing

@testable import HienMauKit

/// Builds the sample site and compares every output file with the reviewed
/// files in `Golden/`. A missing or unexpected file fails. `RECORD_GOLDEN=1`
/// rewrites them and fails the run, so a re-record is never silent.
@Suite struct GoldenSiteTests {
    @Test func sampleSiteMatchesGoldenFiles() throws {
        let result = Site.generate(BuildOptions(content: Repo.content, templates: Repo.templates))
        #expect(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        let produced = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        let fm = FileManager.default
        if record {
            try? fm.removeItem(at: Repo.golden)
            for (path, text) in produced {
                let url = Repo.golden.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            Issue.record("Golden files re-recorded in \(Repo.golden.path): review the diff, then run the tests again.")
            return
        }
        let goldenPaths = Set(SiteFiles.walk(Repo.golden))
        for path in goldenPaths.subtracting(produced.keys).sorted() {
            Issue.record("missing from the build: \(path)")
        }
        for path in Set(produced.keys).subtracting(goldenPaths).sorted() {
            Issue.record("not in Golden/ (unexpected output): \(path)")
        }
        for path in goldenPaths.intersection(produced.keys).sorted() {
            let expected = try String(contentsOf: Repo.golden.appendingPathComponent(path), encoding: .utf8)
            let actual = produced[path]!
            if !expected.utf8.elementsEqual(actual.utf8) {
                Issue.record("\(path) differs from Golden/:\n\(firstDifference(expected, actual))")
            }
        }
    }

    @Test func twoBuildsAreByteIdentical() {
        let a = Site.generate(BuildOptions(content: Repo.content, templates: Repo.templates))
        let b = Site.generate(BuildOptions(content: Repo.content, templates: Repo.templates))
        #expect(a.files == b.files)
    }

    /// Pages are parsed and rendered on every core; the result must not depend
    /// on it. 60 campaigns give the workers many chunks to finish in any order.
    @Test func parallelBuildIsByteIdenticalToOneThread() throws {
        let site = MiniSite()
        var csv = MiniSite.header
        for n in 0..<60 {
            site.write(
                "content/campaigns/c\(n).md",
                MiniSite.campaign
                    .replacing("campaign: hn-2023", with: "campaign: c-\(n)")
                    .replacing("Giọt máu nghĩa tình", with: "Chiến dịch số \(n)"))
            for r in 0..<(n % 7 + 1) {
                csv +=
                    "c-\(n),2023-08-0\(r % 5 + 4),Điểm \(r % 3),Người \(n)-\(r),,Đơn vị \(r % 4),350,O+,\(n % 12),yes\n"
            }
        }
        site.remove("content/campaigns/hn.md")
        site.write("content/data/donations.csv", csv)
        let serial = Site.generate(BuildOptions(content: site.content, templates: site.templates, threads: 1))
        let parallel = Site.generate(BuildOptions(content: site.content, templates: site.templates, threads: 4))
        #expect(serial.succeeded, "\(DiagnosticPrinter(language: .en).format(serial.diagnostics))")
        #expect(serial.files.count > 60)
        #expect(serial.files == parallel.files)
        #expect(serial.diagnostics.items == parallel.diagnostics.items)
    }

    func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "<end>", r = i < y.count ? String(y[i]) : "<end>"
            if l != r { return "line \(i + 1):\n- \(l.prefix(300))\n+ \(r.prefix(300))" }
        }
        return "(same lines)"
    }
}
