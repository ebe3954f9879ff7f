import Foundation
import Testing

@testable import HienMauKit

/// What `serve` re-renders after an edit: only the jobs whose inputs changed,
/// and the CSV only when it (or what its figures depend on) changed. After
/// every edit the result equals a full build from scratch.
@Suite struct IncrementalTests {
    let folder = TempFolder()
    let options: BuildOptions
    let session: SiteSession
    let all: [String]

    init() throws {
        let (content, templates) = folder.copySampleSite()
        options = BuildOptions(content: content, templates: templates)
        session = SiteSession(options)
        let first = session.build()
        all = first.files.map(\.path)
        #expect(first.succeeded)
        #expect(first.rendered == all)
        #expect(session.recordReads == 1)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = options.content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text)
        try Data(changed.utf8).write(to: url)
    }

    func expectSameAsFullBuild(_ result: BuildResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = Site.generate(options)
        #expect(result.files == full.files, sourceLocation: sourceLocation)
    }

    static let page = "chien-dich/cong-an-ca-mau-hien-667-don-vi-mau-giua-mua-dich-covid-19/index.html"
    /// The data files made from every campaign's front matter (`Listing`):
    /// an edit of any front matter renders them again.
    static let listed = [
        "data/by-blood-group.csv", "data/by-date.csv", "data/by-site.csv", "data/by-unit.csv",
        "data/campaigns.csv", "data/campaigns.json",
    ]

    @Test func nothingChangedRendersNothing() {
        let again = session.build()
        #expect(again.rendered.isEmpty)
        #expect(session.recordReads == 1)
        #expect(again.files.count == all.count)
    }

    @Test func aWriteUpsTextRerendersOnlyItsPage() throws {
        try edit("campaigns/ca-mau-2020.md") { $0 + "\nMột đoạn mới.\n" }
        let result = session.build()
        #expect(result.rendered == [Self.page])
        #expect(session.recordReads == 1)
        expectSameAsFullBuild(result)
    }

    /// The pages that show the title and the listed data files; not the
    /// sitemap (the slug is written, so it stays) nor the honour roll's files.
    @Test func aTitleRerendersThePageAndTheListsThatShowIt() throws {
        try edit("campaigns/ca-mau-2020.md") {
            $0.replacing(
                "title: \"Công an Cà Mau hiến 667 đơn vị máu giữa mùa dịch COVID-19\"",
                with:
                    "title: \"Công an Cà Mau hiến 667 đơn vị máu\"\nslug: cong-an-ca-mau-hien-667-don-vi-mau-giua-mua-dich-covid-19"
            )
        }
        let result = session.build()
        #expect(
            result.rendered
                == (Self.listed + [
                    Self.page, "chien-dich/index.html", "feed.xml", "index.html",
                    "thong-ke/index.html", "tim-kiem/index.html",
                ]).sorted())
        #expect(session.recordReads == 1)
        expectSameAsFullBuild(result)
    }

    /// The organiser is on the campaign's page and in the search page's index;
    /// the listed data files are made again (and come out the same).
    @Test func anOrganizerRerendersThePageAndTheSearchPage() throws {
        try edit("campaigns/ca-mau-2020.md") {
            $0.replacing("organizer: \"Công an tỉnh", with: "organizer: \"Ban chỉ huy Công an tỉnh")
        }
        let result = session.build()
        #expect(result.rendered == (Self.listed + [Self.page, "tim-kiem/index.html"]).sorted())
        expectSameAsFullBuild(result)
    }

    @Test func theRecordsReadAgainOnlyWhenTheyChange() throws {
        try edit("data/donations.csv") {
            $0 + "ca-mau-2020,2020-04-19,Hội trường Công an tỉnh,Người Mới,,Phòng Tham mưu,350,O+,,yes\n"
        }
        let result = session.build()
        #expect(session.recordReads == 2)
        #expect(result.rendered == all)
        expectSameAsFullBuild(result)
    }

    @Test func aTemplateRerendersEveryPageWithoutReadingTheRecords() throws {
        let url = options.templates.appendingPathComponent("page.mustache")
        try Data((try String(contentsOf: url, encoding: .utf8) + "\n").utf8).write(to: url)
        let result = session.build()
        #expect(result.rendered == all)
        #expect(session.recordReads == 1)
        expectSameAsFullBuild(result)
    }

    @Test func aBrokenWriteUpFailsAndItsFixComesBack() throws {
        let url = options.content.appendingPathComponent("campaigns/ca-mau-2020.md")
        let good = try String(contentsOf: url, encoding: .utf8)
        try Data(good.replacing("campaign: ca-mau-2020", with: "campaign: [").utf8).write(to: url)
        let broken = session.build()
        #expect(!broken.succeeded)
        #expect(broken.files.isEmpty)
        try Data(good.utf8).write(to: url)
        let fixed = session.build()
        #expect(fixed.succeeded)
        #expect(fixed.files.map(\.path) == all)
        expectSameAsFullBuild(fixed)
    }
}
