import Foundation
import Testing

@testable import HienMauKit

/// What the sample site must say, read from the built pages and data.
@Suite struct SampleSiteTests {
    let result = Site.generate(BuildOptions(content: Repo.content, templates: Repo.templates))

    func file(_ path: String) -> String { result.files.first { $0.path == path }?.contents ?? "" }

    @Test func everyOutputOfTheContractExists() {
        let paths = Set(result.files.map(\.path))
        for path in [
            "index.html", "chien-dich/hanh-trinh-giot-mau-nghia-tinh-2023/index.html",
            "thong-ke/index.html", "vinh-danh/index.html", "gioi-thieu/index.html",
            "huong-dan-hien-mau/index.html", "feed.xml", "sitemap.xml", "404.html",
            "data/campaigns.json", "data/honour-roll.json", "data/by-site.csv",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
    }

    @Test func caMauPageSays667Units() {
        let page = file("chien-dich/cong-an-ca-mau-hien-667-don-vi-mau-giua-mua-dich-covid-19/index.html")
        #expect(
            page.contains("<span class=\"kpi-label\">Hiến được (đơn vị)</span> <span class=\"kpi-value\">667</span>"))
        #expect(page.contains("133,4\u{00A0}%"))  // 667 / 500
    }

    @Test func campaignsJSONHasTheFigures() throws {
        let json = try JSONSerialization.jsonObject(with: Data(file("data/campaigns.json").utf8)) as? [String: Any]
        let campaigns = try #require(json?["campaigns"] as? [[String: Any]])
        let caMau = try #require(campaigns.first { $0["id"] as? String == "ca-mau-2020" })
        #expect(caMau["donations"] as? Int == 667)
        #expect(caMau["target_units"] as? Int == 500)
        #expect(caMau["progress"] as? Double == 1.334)
        let hn = try #require(campaigns.first { $0["id"] as? String == "hn-2023" })
        #expect((hn["by_site"] as? [Any])?.count == 12)
        #expect((hn["by_date"] as? [Any])?.count == 13)
    }

    @Test func honourRollListsHanoiOfficersByMilestone() throws {
        let json = try JSONSerialization.jsonObject(with: Data(file("data/honour-roll.json").utf8)) as? [String: Any]
        let donors = try #require(json?["donors"] as? [[String: Any]])
        let tenToThirtyFive = donors.filter { (10...35).contains($0["donations"] as? Int ?? 0) }
        #expect(tenToThirtyFive.count >= 8)
        let counts = donors.compactMap { $0["donations"] as? Int }
        #expect(counts == counts.sorted(by: >))
        #expect(donors.contains { $0["name"] is NSNull && $0["unit"] is NSNull })
        let page = file("vinh-danh/index.html")
        #expect(page.contains("Từ 30 lần hiến máu trở lên"))
        #expect(page.contains("Câu lạc bộ Phản ứng nhanh hiến máu tình nguyện của Tuổi trẻ Công an Thủ đô"))
    }

    @Test func noPrivateColumnReachesTheOutput() throws {
        let csv = try String(contentsOf: Repo.content.appendingPathComponent("data/donations.csv"), encoding: .utf8)
        let ids = csv.split(separator: "\n").dropFirst().compactMap { line -> String? in
            let id = line.split(separator: ",", omittingEmptySubsequences: false)[4]
            return id.isEmpty ? nil : String(id)
        }
        #expect(ids.count > 1000)
        let everything = result.files.map(\.contents).joined()
        for id in ids where everything.contains(id) {
            Issue.record("donor_id \(id) was published")
        }
    }
}
