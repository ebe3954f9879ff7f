import Foundation
import Testing

@testable import HienMauKit

/// The campaign list and the statistics page past one page of campaigns:
/// a list per year, each in pages of at most `campaignsPerPage`, every
/// campaign listed once; the feed keeps the newest.
@Suite struct CampaignListTests {
    /// `count` campaigns, one row each, dated in 2022 and 2023 in turn.
    static func site(campaigns count: Int) -> MiniSite {
        let site = MiniSite()
        site.remove("content/campaigns/hn.md")
        var csv = MiniSite.header
        for n in 0..<count {
            let year = n % 2 == 0 ? 2023 : 2022
            let day = String(format: "%02d", n % 28 + 1)
            site.write(
                "content/campaigns/c\(n).md",
                """
                ---
                title: "Chiến dịch số \(n)"
                campaign: c-\(n)
                date: \(year)-03-\(day)
                summary: "Một câu tóm tắt chiến dịch số \(n), đủ dài để thẻ có hai dòng như một bài viết thật thường có."
                ---

                Bài viết.

                """)
            csv += "c-\(n),\(year)-03-\(day),Điểm \(n % 3),Người \(n),N\(n),Đơn vị \(n % 4),350,O+,,yes\n"
        }
        site.write("content/data/donations.csv", csv)
        return site
    }

    static func text(_ result: BuildResult, _ path: String) -> String? {
        result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func aShortListIsOnePageWithNoYears() {
        let result = Self.site(campaigns: SiteRenderer.campaignsPerPage).generate()
        #expect(result.succeeded)
        #expect(!result.files.contains { $0.path.hasPrefix("chien-dich/nam-") })
        let list = Self.text(result, "chien-dich/index.html") ?? ""
        #expect(!list.contains("class=\"years\""))
        #expect(list.components(separatedBy: "<li class=\"card\">").count - 1 == SiteRenderer.campaignsPerPage)
    }

    @Test func aLongListGoesByYearInPagesAndListsEveryCampaignOnce() throws {
        let count = 230
        let result = Self.site(campaigns: count).generate()
        #expect(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        let index = try #require(Self.text(result, "chien-dich/index.html"))
        #expect(
            index.contains(
                "<li><a href=\"/chien-dich/nam-2023/\">2023</a> <span class=\"count\">115 chiến dịch</span></li>"))
        #expect(
            index.contains(
                "<li><a href=\"/chien-dich/nam-2022/\">2022</a> <span class=\"count\">115 chiến dịch</span></li>"))
        #expect(index.contains("<h2>Chiến dịch mới nhất</h2>"))
        // 115 campaigns a year: three pages of 50, 50 and 15.
        let pages = result.files.map(\.path).filter { $0.hasPrefix("chien-dich/nam-") }.sorted()
        #expect(
            pages == [
                "chien-dich/nam-2022/index.html", "chien-dich/nam-2022/trang-2/index.html",
                "chien-dich/nam-2022/trang-3/index.html", "chien-dich/nam-2023/index.html",
                "chien-dich/nam-2023/trang-2/index.html", "chien-dich/nam-2023/trang-3/index.html",
            ])
        var listed: [String] = []
        for page in pages {
            let html = try #require(Self.text(result, page))
            #expect(html.utf8.count < 60_000, "\(page): \(html.utf8.count) bytes")
            let links = html.components(separatedBy: "<h3><a href=\"").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
            #expect(links.count <= SiteRenderer.campaignsPerPage)
            listed += links
        }
        #expect(listed.count == count)
        #expect(Set(listed).count == count)
        let second = try #require(Self.text(result, "chien-dich/nam-2023/trang-2/index.html"))
        #expect(second.contains("<title>Chiến dịch năm 2023 · Trang 2 / 3 – Hiến máu</title>"))
        #expect(second.contains("<a href=\"/chien-dich/nam-2023/trang-3/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"/chien-dich/nam-2023/\" aria-current=\"page\">2023</a>"))
        // The statistics page: one row per year, linking to its list.
        let stats = try #require(Self.text(result, "thong-ke/index.html"))
        #expect(stats.contains("<caption>Kết quả theo năm</caption>"))
        #expect(stats.contains("<th scope=\"row\"><a href=\"/chien-dich/nam-2022/\">2022</a></th>"))
        #expect(!stats.contains("Chiến dịch số 7<"))
        let feed = try #require(Self.text(result, "feed.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == SiteRenderer.feedLength)
        let sitemap = try #require(Self.text(result, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/chien-dich/nam-2022/trang-3/</loc>"))
    }

    @Test func aCampaignMayNotTakeTheAddressOfAYear() {
        let site = MiniSite()
        site.write("content/campaigns/hn.md", MiniSite.campaign.replacing("title:", with: "slug: nam-2023\ntitle:"))
        #expect(
            site.report() == """
                content/campaigns/hn.md:2:7: lỗi: slug 'nam-2023' là địa chỉ danh sách chiến dịch của một năm
                slug: nam-2023
                      ^
                gợi ý: đặt 'slug: …' khác

                """)
    }
}
