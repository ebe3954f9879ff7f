import Foundation
import Testing

@testable import HienMauKit

/// `hienmau serve` after an edit of each front-matter key of a write-up and
/// of a page (and of the body, and of site.yml): the output folder must then
/// equal a fresh `hienmau build` of the edited site, file for file. Each edit
/// also names pages that show the key, which must have changed, so that an
/// edit that changes nothing cannot pass. Every edit is undone afterwards,
/// and serve must come back to the first site.
@Suite(.serialized) struct ServeFieldTests {
    struct Edit: Sendable {
        var key: String
        /// The files changed, each saved on its own, in this order.
        var changes: [(file: String, change: @Sendable (String) -> String)]
        /// Pages that show the key: a fresh build after the edit differs in each.
        var shownOn: [String]

        init(
            key: String, file: String, change: @escaping @Sendable (String) -> String, shownOn: [String],
            first other: (file: String, change: @Sendable (String) -> String)? = nil
        ) {
            self.key = key
            changes = (other.map { [$0] } ?? []) + [(file, change)]
            self.shownOn = shownOn
        }
    }

    static let caMau = "chien-dich/cong-an-ca-mau-hien-667-don-vi-mau-giua-mua-dich-covid-19/index.html"
    static let haNoi = "chien-dich/hanh-trinh-giot-mau-nghia-tinh-2023/index.html"
    static let lists = ["index.html", "chien-dich/index.html", "tim-kiem/index.html"]
    static let campaign = "content/campaigns/ca-mau-2020.md"
    static let page = "content/pages/gioi-thieu.md"

    static func replacing(_ old: String, _ new: String) -> @Sendable (String) -> String {
        { $0.replacing(old, with: new) }
    }

    /// Adds a line to the front matter, after its first line (`---`).
    static func adding(_ line: String) -> @Sendable (String) -> String {
        { "---\n" + line + "\n" + $0.dropFirst(4) }
    }

    static let campaignEdits: [Edit] = [
        Edit(
            key: "title", file: campaign,
            change: replacing(
                "title: \"Công an Cà Mau hiến 667 đơn vị máu giữa mùa dịch COVID-19\"",
                "title: \"Công an Cà Mau hiến 667 đơn vị máu\""),
            shownOn: lists + [
                "chien-dich/cong-an-ca-mau-hien-667-don-vi-mau/index.html", caMau, "thong-ke/index.html",
                "feed.xml", "sitemap.xml", "data/campaigns.json", "data/campaigns.csv",
            ]),
        Edit(
            key: "summary", file: campaign,
            change: replacing("summary: \"Ngày 19/4/2020,", "summary: \"Sáng 19/4/2020,"),
            shownOn: lists + [caMau, "feed.xml"]),
        Edit(
            key: "date", file: campaign, change: replacing("date: 2020-04-20", "date: 2020-04-21"),
            shownOn: lists + [caMau, "feed.xml", "sitemap.xml", "data/campaigns.json"]),
        Edit(
            key: "start", file: campaign, change: replacing("start: 2020-04-19", "start: 2020-04-18"),
            shownOn: [caMau, "data/campaigns.json", "data/campaigns.csv"]),
        Edit(
            key: "end", file: campaign, change: replacing("end: 2020-04-19", "end: 2020-04-20"),
            shownOn: [caMau, "data/campaigns.json", "data/campaigns.csv"]),
        Edit(
            key: "organizer", file: campaign,
            change: replacing("organizer: \"Công an tỉnh Cà Mau phối hợp", "organizer: \"Công an tỉnh Cà Mau cùng"),
            shownOn: [caMau, "tim-kiem/index.html"]),
        Edit(
            key: "location", file: campaign,
            change: replacing("location: \"Thành phố Cà Mau\"", "location: \"Tỉnh Cà Mau\""),
            shownOn: lists + [caMau]),
        Edit(
            key: "target_units", file: campaign, change: replacing("target_units: 500", "target_units: 600"),
            shownOn: [
                "index.html", "chien-dich/index.html", caMau, "thong-ke/index.html", "data/campaigns.json",
                "data/campaigns.csv",
            ]),
        Edit(
            key: "hospitals", file: campaign,
            change: replacing(
                "  - \"Bệnh viện Đa khoa tỉnh Cà Mau\"",
                "  - \"Bệnh viện Đa khoa tỉnh Cà Mau\"\n  - \"Bệnh viện Sản Nhi Cà Mau\""),
            shownOn: [caMau]),
        Edit(
            key: "cover", file: campaign,
            change: replacing("cover: ca-mau-2020-leu.jpg", "cover: ca-mau-2020-khai-bao.jpg"),
            shownOn: [caMau]),
        Edit(
            key: "cover_alt", file: campaign,
            change: replacing("cover_alt: \"Ba lều trắng", "cover_alt: \"Ba chiếc lều trắng"),
            shownOn: [caMau]),
        Edit(
            key: "cover_caption", file: campaign,
            change: replacing("cover_caption: \"Khu vực chờ", "cover_caption: \"Nơi chờ"),
            shownOn: [caMau]),
        Edit(
            key: "body image", file: campaign,
            change: replacing("(images/ca-mau-2020-khai-bao.jpg)", "(ca-mau-2020-leu.jpg)"),
            shownOn: [caMau]),
        Edit(
            key: "cover (removed)", file: "content/campaigns/ha-noi-2023.md",
            change: replacing("cover: ha-noi-2023.png\n", ""), shownOn: [haNoi]),
        Edit(
            key: "slug", file: campaign, change: adding("slug: ca-mau-2020"),
            shownOn: lists + ["chien-dich/ca-mau-2020/index.html", "feed.xml", "sitemap.xml", "data/campaigns.json"]),
        Edit(
            key: "draft", file: campaign, change: adding("draft: true"),
            shownOn: lists + [
                "thong-ke/index.html", "feed.xml", "sitemap.xml", "data/campaigns.json",
                "data/campaigns.csv", "data/by-site.csv",
            ]),
        // The id names the write-up's rows in the CSV: alone, its change is an error.
        Edit(
            key: "campaign", file: campaign, change: replacing("campaign: ca-mau-2020", "campaign: ca-mau-20-4-2020"),
            shownOn: ["data/campaigns.json", "data/campaigns.csv", "data/by-site.csv", "data/by-date.csv"],
            first: ("content/data/donations.csv", replacing("\nca-mau-2020,", "\nca-mau-20-4-2020,"))),
        Edit(key: "body", file: campaign, change: { $0 + "\nMột đoạn mới.\n" }, shownOn: [caMau]),
    ]

    static let otherEdits: [Edit] = [
        Edit(
            key: "page title", file: page, change: replacing("title: \"Giới thiệu\"", "title: \"Về chúng tôi\""),
            shownOn: lists + [
                caMau, "gioi-thieu/index.html", "thong-ke/index.html", "vinh-danh/index.html", "404.html",
            ]),
        Edit(
            key: "page slug", file: page, change: replacing("slug: gioi-thieu", "slug: ve-chung-toi"),
            shownOn: lists + [caMau, "ve-chung-toi/index.html", "sitemap.xml", "404.html"]),
        Edit(
            key: "page summary", file: page,
            change: replacing("summary: \"Trang web này là gì", "summary: \"Trang này là gì"),
            shownOn: ["gioi-thieu/index.html", "tim-kiem/index.html"]),
        Edit(key: "page date", file: page, change: adding("date: 2024-01-02"), shownOn: ["sitemap.xml"]),
        Edit(
            key: "page draft", file: page, change: adding("draft: true"),
            shownOn: lists + [caMau, "sitemap.xml", "vinh-danh/index.html"]),
        Edit(key: "page body", file: page, change: { $0 + "\nMột đoạn mới.\n" }, shownOn: ["gioi-thieu/index.html"]),
        Edit(
            key: "site.yml title", file: "content/site.yml",
            change: replacing(
                "title: \"Hiến máu tình nguyện – Giọt máu nghĩa tình\"", "title: \"Hiến máu tình nguyện\""),
            shownOn: lists + [caMau, haNoi, "feed.xml", "404.html"]),
    ]

    @Test func everyFrontMatterKeyReachesEveryPageThatShowsIt() throws {
        let server = try Serving()
        defer { server.stop() }
        let first = try server.freshBuild()
        #expect(server.output() == first, "the first build of serve differs from hienmau build")
        for edit in Self.campaignEdits + Self.otherEdits {
            let urls = edit.changes.map { server.folder.url.appendingPathComponent($0.file) }
            let originals = try urls.map { try String(contentsOf: $0, encoding: .utf8) }
            let changed = zip(edit.changes, originals).map { $0.change($1) }
            #expect(changed != originals, "the edit of \(edit.key) changes nothing")

            try server.save(changed, to: urls)
            let fresh = try server.freshBuild()
            let differing = Set(first.keys).union(fresh.keys).filter { first[$0] != fresh[$0] }
            for path in edit.shownOn where !differing.contains(path) {
                Issue.record("\(edit.key): \(path) shows it but did not change in a fresh build")
            }
            expectSame(server.output(), fresh, after: edit.key)

            try server.save(originals, to: urls)
            expectSame(server.output(), first, after: "\(edit.key) undone")
        }
    }

    func expectSame(_ served: [String: Data], _ built: [String: Data], after edit: String) {
        let paths = Set(served.keys).union(built.keys).filter { served[$0] != built[$0] }.sorted()
        #expect(paths.isEmpty, "after the edit of \(edit), serve's output differs from a fresh build in \(paths)")
    }

    /// `hienmau serve` on a copy of the sample site, with its output lines read
    /// as they come: each rebuild says "Đã dựng lại …".
    final class Serving: @unchecked Sendable {
        let folder = TempFolder()
        let process = Process()
        private let lock = NSLock()
        private var printed = ""
        private var errors = ""

        init() throws {
            _ = folder.copySampleSite()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["serve", "--port", String(Int.random(in: 40_000..<50_000))]
            process.currentDirectoryURL = folder.url
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                self?.lock.withLock { self?.printed += text }
            }
            err.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                self?.lock.withLock { self?.errors += text }
            }
            try process.run()
            try waitFor { rebuilds == 1 }
        }

        var rebuilds: Int { lock.withLock { printed.components(separatedBy: "Đã dựng lại").count - 1 } }
        var failures: Int { lock.withLock { errors.components(separatedBy: "không ghi gì").count - 1 } }

        func waitFor(_ done: () -> Bool) throws {
            for _ in 0..<600 {
                if done() { return }
                Thread.sleep(forTimeInterval: 0.02)
            }
            let said = lock.withLock { printed + errors }
            Issue.record("serve did not rebuild; it said:\n\(said)")
            throw CancellationError()
        }

        /// Saves each file in one step, as editors do, and waits for the
        /// rebuild: one that fails after each file but the last (the edit is
        /// not whole yet), one that succeeds after the last.
        func save(_ texts: [String], to urls: [URL]) throws {
            for (index, (text, url)) in zip(texts, urls).enumerated() {
                let (built, failed) = (rebuilds, failures)
                try Data(text.utf8).write(to: url, options: .atomic)
                try waitFor { index == urls.count - 1 ? rebuilds > built : failures > failed }
            }
        }

        func output() -> [String: Data] {
            CLI.snapshot(folder.url.appendingPathComponent("public"))
        }

        /// The site as `hienmau build` makes it from the files as they are now.
        func freshBuild() throws -> [String: Data] {
            let output = folder.url.appendingPathComponent("fresh")
            try? FileManager.default.removeItem(at: output)
            let run = try CLI.run(["build", "--output", "fresh"], in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            return CLI.snapshot(output)
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
