import Foundation
import Testing

@testable import HienMauKit

/// A roll longer than one page goes on over `vinh-danh/trang-N/`: every donor
/// once, in the roll's order, with links between the pages.
@Suite struct HonourRollPagesTests {
    @Test func aLongRollIsSplitIntoPagesInOrder() throws {
        let site = MiniSite()
        site.write("content/site.yml", "title: \"Hiến máu\"\nbase_url: \"https://example.org/\"\nmilestones: [1, 3]\n")
        // 500 donors reach 3 (2 earlier + 1), 2,000 reach 1: 2,500 lines, 3 pages.
        let rows = (0..<2_500).map { i in
            "hn-2023,2023-08-04,Trụ sở,Người \(i),N\(i),Phòng 1,350,O+,\(i < 500 ? "2" : ""),yes\n"
        }
        site.write("content/data/donations.csv", MiniSite.header + rows.joined())
        let result = site.generate()
        #expect(result.succeeded)
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
        let pages = ["vinh-danh/index.html", "vinh-danh/trang-2/index.html", "vinh-danh/trang-3/index.html"]
        for page in pages { #expect(files[page] != nil, "\(page) is missing") }
        #expect(files["vinh-danh/trang-4/index.html"] == nil)

        // The pages together list the roll of honour-roll.json, in its order.
        let json = try JSONSerialization.jsonObject(with: Data(files["data/honour-roll.json"]!.utf8)) as! [String: Any]
        let roll = (json["donors"] as! [[String: Any]]).map { $0["name"] as! String }
        let listed = pages.flatMap { names(in: files[$0]!) }
        #expect(roll.count == 2_500)
        #expect(listed == roll)
        #expect(names(in: files[pages[0]]!).count == 1_000)

        // Page 2: the milestone heading counts the whole group, and the list goes on from page 1.
        let second = files[pages[1]]!
        #expect(second.contains("Từ 1 lần hiến máu trở lên <span class=\"badge\">2.000</span>"))
        #expect(second.contains("<ol class=\"donors\" start=\"501\">"))
        #expect(second.contains("<title>Vinh danh · Trang 2 / 3"))
        #expect(second.contains("<a href=\"/vinh-danh/\" rel=\"prev\">"))
        #expect(second.contains("<a href=\"/vinh-danh/trang-3/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"/vinh-danh/trang-2/\" aria-current=\"page\">2</a>"))
        #expect(!files[pages[0]]!.contains("rel=\"prev\""))
        #expect(!files[pages[2]]!.contains("rel=\"next\""))
        #expect(files["sitemap.xml"]!.contains("https://example.org/vinh-danh/trang-3/"))
    }

    private func names(in page: String) -> [String] {
        page.matches(of: /<span class="name">([^<]*)<\/span>/).map { String($0.1) }
    }
}
