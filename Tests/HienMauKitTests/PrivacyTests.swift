import Foundation
import Testing

@testable import HienMauKit

/// Only what docs/reference.md publishes reaches the output, and every string is escaped where it lands.
@Suite struct PrivacyTests {
    static let csv = """
        campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent,phone,cccd,address
        t-1,2023-01-02,<b>Site</b>,<script>alert(1)</script>,CANARY-ID-1,\"\"\" onmouseover=\"\"x\",350,AB-,12,yes,CANARY-PHONE-1,CANARY-CCCD-1,CANARY-ADDR-1
        t-1,2023-01-02,Điểm A,Canary Hidden Name,CANARY-ID-2,U,350,O-,12,no,CANARY-PHONE-2,CANARY-CCCD-2,CANARY-ADDR-2
        t-1,2023-01-02,Điểm A,Canary Empty Consent,CANARY-ID-3,U,350,B+,12,,CANARY-PHONE-3,CANARY-CCCD-3,CANARY-ADDR-3
        t-1,2023-01-02,Điểm A,=HYPERLINK("http://x"),,@SUM(A1),250,,12,yes,,,

        """

    func build() -> BuildResult {
        let temp = TempFolder()
        temp.write("content/site.yml", "title: T\nbase_url: https://example.org/sub/\nconsent_default: no\n")
        temp.write(
            "content/campaigns/t.md",
            """
            ---
            title: "Thử <i>nghiệm</i>"
            campaign: t-1
            date: 2023-01-03
            summary: "\\" onmouseover=\\"x"
            ---

            [liên kết](/gioi-thieu/) ![ảnh](/images/a.png) <script>alert(2)</script>

            ```honour-roll
            ```

            """)
        temp.write("content/data/donations.csv", Self.csv)
        try? FileManager.default.createDirectory(
            at: temp.url.appendingPathComponent("content/images"), withIntermediateDirectories: true)
        try? FileManager.default.copyItem(
            at: PhotoSite.fixtures.appendingPathComponent("small.png"),
            to: temp.url.appendingPathComponent("content/images/a.png"))
        return Site.generate(
            BuildOptions(content: temp.url.appendingPathComponent("content"), templates: Repo.templates))
    }

    @Test func noCanaryInAnyOutputFile() {
        let result = build()
        #expect(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        #expect(!result.files.isEmpty)
        for file in result.files {
            for canary in ["CANARY-ID", "CANARY-PHONE", "CANARY-CCCD", "CANARY-ADDR", "Canary Hidden", "Canary Empty"] {
                #expect(!file.contents.contains(canary), "\(canary) in \(file.path)")
            }
            // Blood groups only as aggregates: never beside a name in the roll.
            // A person's blood group is never published: the rolls (pages and data) carry none.
            if file.path.contains("honour-roll") || file.path == "vinh-danh/index.html" {
                for group in ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-", "O−", "A−", "B−", "AB−"] {
                    #expect(!file.contents.contains(group), "\(group) in \(file.path)")
                }
            }
        }
    }

    @Test func stringsAreEscapedWhereTheyLand() {
        let result = build()
        // CSV downloads hold the text as it is (that is CSV's escaping); markup files must not.
        let all = result.files.filter { !$0.path.hasSuffix(".csv") }.map(\.contents).joined(separator: "\n")
        #expect(!all.contains("<script>alert(1)"))
        #expect(!all.contains("<script>alert(2)"))
        #expect(!all.contains("\" onmouseover=\"x"))
        #expect(!all.contains("<b>Site</b>"))
        let page = result.files.first { $0.path == "chien-dich/thu-i-nghiem-i/index.html" }?.contents ?? ""
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Root-relative links in Markdown follow the base path.
        #expect(page.contains("href=\"/sub/gioi-thieu/\""))
        #expect(page.contains("src=\"/sub/images/a-"))
        let json = result.files.first { $0.path == "data/honour-roll.json" }?.contents ?? ""
        #expect(json.contains("\"name\": \"\\u003cscript>alert(1)\\u003c/script>\""))
        let csv = result.files.first { $0.path == "data/honour-roll.csv" }?.contents ?? ""
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),13,10"))
        let sitemap = result.files.first { $0.path == "sitemap.xml" }?.contents ?? ""
        #expect(sitemap.contains("<loc>https://example.org/sub/chien-dich/thu-i-nghiem-i/</loc>"))
    }
}
