import Foundation
import Testing

@testable import HienMauKit

/// The tables of a campaign page: one per breakdown, charts pointing to it,
/// and the marks the stylesheet needs to show a wide table on a phone.
@Suite struct PageTablesTests {
    /// The campaign page of a MiniSite whose write-up has `body` after its front matter.
    func campaignPage(_ body: String, rows: String? = nil) -> String {
        let site = MiniSite()
        let frontMatter = MiniSite.campaign.components(separatedBy: "Bài viết.")[0]
        site.write("content/campaigns/hn.md", frontMatter + "Bài viết.\n\n" + body)
        if let rows { site.write("content/data/donations.csv", MiniSite.header + rows) }
        let result = site.generate()
        #expect(result.succeeded, "\(site.report())")
        return result.files.first { $0.path.hasPrefix("chien-dich/") && $0.path != "chien-dich/index.html" }?.contents
            ?? ""
    }

    func captions(_ html: String) -> [String] {
        html.components(separatedBy: "<caption>").dropFirst().map { $0.components(separatedBy: "</caption>")[0] }
    }

    func count(_ html: String, _ text: String) -> Int { html.components(separatedBy: text).count - 1 }

    @Test func aBreakdownTheWriteUpShowsIsNotRepeated() {
        let page = campaignPage(
            """
            ```chart
            by: site
            ```

            ```stats
            by: site
            ```

            ```chart
            by: blood_group
            ```

            ```stats
            ```

            ```chart
            by: progress
            ```

            """)
        // Site: the stats block (fig-2) has the table, the chart before it links there.
        // Blood group: the chart carries its table. Totals: the stats block (fig-4); the progress chart links to it.
        #expect(
            captions(page).sorted()
                == [
                    "Kết quả chung", "Kết quả theo nhóm máu", "Kết quả theo điểm hiến",
                    "Kết quả theo đơn vị", "Kết quả theo ngày",
                ].sorted())
        #expect(!page.contains("id=\"fig-1-table\""))
        #expect(count(page, "<a href=\"#fig-2-table\">Bảng số liệu</a>") == 1)
        #expect(page.contains("<table id=\"fig-3-table\""))
        #expect(count(page, "<a href=\"#fig-4-table\">Bảng số liệu</a>") == 1)
        // The details add the breakdowns not shown: by date (a chart of two days) and by unit.
        #expect(page.contains("id=\"std-1-table\"") && page.contains("id=\"std-3-table\""))
        #expect(!page.contains("std-2") && !page.contains("std-4"))
    }

    @Test func aSecondStatsBlockLinksToTheFirst() {
        let page = campaignPage("```stats\nby: unit\n```\n\nLại:\n\n```stats\nby: unit\n```\n")
        #expect(count(page, "<caption>Kết quả theo đơn vị</caption>") == 1)
        #expect(
            page.contains(
                "<p class=\"table-ref\">Số liệu này có trong bảng <a href=\"#fig-1-table\">Kết quả theo đơn vị</a>.</p>"
            ))
    }

    @Test func whenTheWriteUpShowsEveryBreakdownTheDetailsLinkToIt() {
        let page = campaignPage(
            ["date", "site", "unit", "blood_group"].map { "```stats\nby: \($0)\n```\n" }.joined(separator: "\n"))
        #expect(Set(captions(page)).count == captions(page).count)
        #expect(
            page.contains(
                "<p class=\"table-ref\">Các bảng số liệu có trong bài: <a href=\"#fig-1-table\">Kết quả theo ngày</a>, "
                    + "<a href=\"#fig-2-table\">Kết quả theo điểm hiến</a>, <a href=\"#fig-3-table\">Kết quả theo đơn vị</a> và "
                    + "<a href=\"#fig-4-table\">Kết quả theo nhóm máu</a>.</p>"))
    }

    @Test func aCampaignOfOneDayHasNoCumulativeChart() {
        let page = campaignPage("", rows: "hn-2023,2023-08-04,Trụ sở,Nguyễn Văn An,A1,Phòng 1,350,O+,,yes\n")
        #expect(page.contains("<caption>Kết quả theo ngày</caption>"))
        #expect(!page.contains("cộng dồn"))
    }

    @Test func wideTablesAreMarkedToStackOnAPhone() {
        let long = TableHTML.render(
            id: "t", caption: "C", columns: ["Điểm hiến", "Đăng ký", "Hiến được (đơn vị)"],
            rows: [.init(header: "Trụ sở Công an Thành phố", cells: ["1.234", "1.100"])])
        #expect(
            String(decoding: long, as: UTF8.self).contains(
                "<table id=\"t\" class=\"stack\"><caption>C</caption>"))
        #expect(
            String(decoding: long, as: UTF8.self).contains(
                "<th scope=\"row\">Trụ sở Công an Thành phố</th><td class=\"num\" data-label=\"Đăng ký\">1.234</td>"
                    + "<td class=\"num\" data-label=\"Hiến được (đơn vị)\">1.100</td>"))
        // Dates beside three figures fit a phone as a table; so do two columns of any names.
        let dates = TableHTML.render(
            id: nil, caption: "C", columns: ["Ngày", "A", "B", "C"],
            rows: [.init(header: "22/12/2023", cells: ["1", "2", "3"])])
        let two = TableHTML.render(
            id: nil, caption: "C", columns: ["Điểm hiến", "A"],
            rows: [.init(header: "Trụ sở Công an Thành phố Hà Nội", cells: ["1"])])
        for table in [dates, two] {
            #expect(!String(decoding: table, as: UTF8.self).contains("stack"))
            #expect(!String(decoding: table, as: UTF8.self).contains("data-label"))
        }
        // Many columns stack whatever the names.
        #expect(TableHTML.stacks(columns: 5, rows: [.init(header: "2023", cells: [])]))
    }

    @Test func chartsScaleNoTextAndKeepLabelsWhole() {
        let charts = Charts(labels: Labels(.vi))
        let name = "Điểm hiến máu lưu động, Nhà Văn hoá tỉnh"
        let svg = charts.bars(id: "b", title: "T", description: "D", items: [(name, 1_234), ("Trụ sở", 56)])
        #expect(!svg.contains("viewBox"))
        #expect(svg.contains("<svg class=\"chart\" role=\"img\" width=\"100%\""))
        // A 40-character name shows whole, over as many lines as it needs.
        let shown = svg.components(separatedBy: "class=\"label\">").dropFirst().map {
            $0.components(separatedBy: "</text>")[0]
        }
        #expect(shown.prefix(shown.count - 1).joined(separator: " ") == name)
        #expect(shown.allSatisfy { Charts.width(of: $0) <= Charts.narrowest })
        let long = String(repeating: "Trung tâm Văn hoá ", count: 8)
        let cut = charts.bars(id: "b", title: "T", description: "D", items: [(long, 1)])
        #expect(cut.components(separatedBy: "class=\"label\"").count - 1 == 3 && cut.contains("…</text>"))
    }
}
