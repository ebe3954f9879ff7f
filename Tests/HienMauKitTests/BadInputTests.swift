import Foundation
import Testing

@testable import HienMauKit

/// Each kind of bad input gives its exact located message, with the source
/// line, the caret and the hint, in the site's language.
@Suite struct BadInputTests {
    static let h = MiniSite.header
    static let row = "hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes\n"

    func report(_ change: (MiniSite) -> Void, language: String = "vi") -> String {
        let site = MiniSite(language: language)
        change(site)
        return site.report()
    }

    func csv(_ text: String, language: String = "vi") -> String {
        report({ $0.write("content/data/donations.csv", text) }, language: language)
    }

    func campaign(_ text: String, language: String = "vi") -> String {
        report({ $0.write("content/campaigns/hn.md", text) }, language: language)
    }

    @Test func theMiniSiteIsClean() {
        let result = MiniSite().generate()
        #expect(result.diagnostics.items.isEmpty)
        #expect(result.succeeded)
    }

    // MARK: CSV

    @Test func volume() {
        #expect(
            csv(Self.h + "hn-2023,2023-08-04,Trụ sở,An,A1,P1,300,O+,,yes\n") == """
                content/data/donations.csv:2:36: lỗi: volume_ml "300" không phải 0, 250, 350 hay 450
                hn-2023,2023-08-04,Trụ sở,An,A1,P1,300,O+,,yes
                                                   ^
                gợi ý: để 0 hoặc trống cho người đăng ký nhưng chưa hiến được

                """)
    }

    @Test func unknownCampaignOncePerIDWithItsRowCount() {
        #expect(
            csv(
                Self.h + String(repeating: Self.row.replacing("hn-2023", with: "hn-2032"), count: 3)
                    + Self.row.replacing("hn-2023", with: "x-1")) == """
                    content/data/donations.csv:2:1: lỗi: mã chiến dịch "hn-2032" không có bài viết nào trong content/campaigns/ (dòng này và 2 dòng khác)
                    hn-2032,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes
                    ^
                    gợi ý: có phải ý bạn là "hn-2023"?
                    content/data/donations.csv:5:1: lỗi: mã chiến dịch "x-1" không có bài viết nào trong content/campaigns/
                    x-1,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes
                    ^

                    """)
    }

    @Test func impossibleDate() {
        #expect(
            csv(Self.h + Self.row.replacing("2023-08-04", with: "2023-02-30")) == """
                content/data/donations.csv:2:9: lỗi: ngày "2023-02-30" không tồn tại
                hn-2023,2023-02-30,Trụ sở,An,A1,P1,350,O+,,yes
                        ^

                """)
    }

    @Test func unreadableDate() {
        #expect(
            csv(Self.h + Self.row.replacing("2023-08-04", with: "4 tháng 8")) == """
                content/data/donations.csv:2:9: lỗi: ngày "4 tháng 8" không đọc được
                hn-2023,4 tháng 8,Trụ sở,An,A1,P1,350,O+,,yes
                        ^
                gợi ý: viết ngày dạng YYYY-MM-DD hoặc D/M/YYYY

                """)
    }

    /// `Int("+8")` is 8, so these cells were once read as 4 August 2023,
    /// 1 January 2023, 350 ml and 3 donations.
    @Test func signedDatePartsAndNumbers() {
        let rows =
            Self.row.replacing("2023-08-04", with: "2023-+8-04") + Self.row.replacing("2023-08-04", with: "1/+1/2023")
            + Self.row.replacing(",350,", with: ",+350,") + Self.row.replacing(",,yes", with: ",+3,yes")
        #expect(
            csv(Self.h + rows) == """
                content/data/donations.csv:2:9: lỗi: ngày "2023-+8-04" không đọc được
                hn-2023,2023-+8-04,Trụ sở,An,A1,P1,350,O+,,yes
                        ^
                gợi ý: viết ngày dạng YYYY-MM-DD hoặc D/M/YYYY
                content/data/donations.csv:3:9: lỗi: ngày "1/+1/2023" không đọc được
                hn-2023,1/+1/2023,Trụ sở,An,A1,P1,350,O+,,yes
                        ^
                gợi ý: viết ngày dạng YYYY-MM-DD hoặc D/M/YYYY
                content/data/donations.csv:4:36: lỗi: volume_ml "+350" không phải 0, 250, 350 hay 450
                hn-2023,2023-08-04,Trụ sở,An,A1,P1,+350,O+,,yes
                                                   ^
                gợi ý: để 0 hoặc trống cho người đăng ký nhưng chưa hiến được
                content/data/donations.csv:5:43: lỗi: prior_donations "+3" phải là số nguyên không âm
                hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,+3,yes
                                                          ^

                """)
        #expect(
            csv(Self.h + rows, language: "en") == """
                content/data/donations.csv:2:9: error: date "2023-+8-04" cannot be read
                hn-2023,2023-+8-04,Trụ sở,An,A1,P1,350,O+,,yes
                        ^
                hint: write dates as YYYY-MM-DD or D/M/YYYY
                content/data/donations.csv:3:9: error: date "1/+1/2023" cannot be read
                hn-2023,1/+1/2023,Trụ sở,An,A1,P1,350,O+,,yes
                        ^
                hint: write dates as YYYY-MM-DD or D/M/YYYY
                content/data/donations.csv:4:36: error: volume_ml "+350" is not 0, 250, 350 or 450
                hn-2023,2023-08-04,Trụ sở,An,A1,P1,+350,O+,,yes
                                                   ^
                hint: use 0 or leave it empty for a registration that was deferred
                content/data/donations.csv:5:43: error: prior_donations "+3" must be a whole number, 0 or more
                hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,+3,yes
                                                          ^

                """)
    }

    @Test func missingRequiredColumnNamesItAndListsTheHeaders() {
        #expect(
            csv("campaign,date,site,donor\nhn-2023,2023-08-04,Trụ sở,An\n") == """
                content/data/donations.csv:1:1: lỗi: thiếu cột bắt buộc volume_ml; các tiêu đề tìm thấy: "campaign", "date", "site", "donor"
                campaign,date,site,donor
                ^
                gợi ý: đổi tên tiêu đề thành "volume_ml" hoặc ánh xạ nó trong site.yml: columns: {"Tiêu đề của bạn": volume_ml}

                """)
    }

    @Test func wrongNumberOfFieldsOnEveryRow() {
        #expect(
            csv(Self.h + "hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes,extra\nhn-2023,2023-08-04,Trụ sở\n") == """
                content/data/donations.csv:2:1: lỗi: dòng có 11 ô nhưng tiêu đề có 10 cột
                hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes,extra
                ^
                gợi ý: ô chứa dấu phân cách phải nằm trong ngoặc kép
                content/data/donations.csv:3:1: lỗi: dòng có 3 ô nhưng tiêu đề có 10 cột
                hn-2023,2023-08-04,Trụ sở
                ^
                gợi ý: ô chứa dấu phân cách phải nằm trong ngoặc kép

                """)
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        #expect(
            csv(Self.h + "hn-2023,2023-08-04,\"Trụ sở,An,A1,P1,350,O+,,yes\n" + Self.row + Self.row) == """
                content/data/donations.csv:2:20: lỗi: dấu ngoặc kép mở ở dòng 2 không bao giờ được đóng
                hn-2023,2023-08-04,"Trụ sở,An,A1,P1,350,O+,,yes
                                   ^
                gợi ý: thêm dấu " đóng ô, hoặc viết "" cho một dấu ngoặc kép trong ô

                """)
    }

    @Test func textAfterAClosingQuote() {
        #expect(
            csv(Self.h + "hn-2023,2023-08-04,\"Trụ\" sở,An,A1,P1,350,O+,,yes\n") == """
                content/data/donations.csv:2:25: lỗi: có chữ ngay sau dấu ngoặc kép đóng ô
                hn-2023,2023-08-04,"Trụ" sở,An,A1,P1,350,O+,,yes
                                        ^
                gợi ý: đặt cả ô trong ngoặc kép và viết "" cho một dấu ngoặc kép trong ô

                """)
    }

    @Test func utf16FromExcelUnicodeTextIsRead() {
        // Excel's "Unicode Text": UTF-16 little-endian with a byte-order mark, tab-separated.
        let text = (Self.h + Self.row).replacing(",", with: "\t")
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let site = MiniSite()
        site.write("content/data/donations.csv", bytes: bytes)
        let result = site.generate()
        #expect(site.report() == "")
        #expect(result.rows == 1)
    }

    @Test func utf16WithoutAByteOrderMarkIsRefused() {
        let text = Self.h + Self.row
        let bytes: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(
            report({ $0.write("content/data/donations.csv", bytes: bytes) }) == """
                content/data/donations.csv:1:1: lỗi: tệp có vẻ được lưu dạng UTF-16 ("Unicode Text" của Excel), không phải UTF-8
                gợi ý: trong Excel chọn Tệp › Lưu thành › "CSV UTF-8 (Comma delimited) (*.csv)" rồi lưu lại

                """)
    }

    @Test func windows1258FromAnOldExcel() {
        // "Hà,Lê Văn Tâm" in Windows-1258: à = E0, ê = EA, ă = E3, â = E2.
        let bytes =
            Array((Self.h + "hn-2023,2023-08-04,H").utf8) + [0xE0] + Array(",L".utf8) + [0xEA]
            + Array(" V".utf8) + [0xE3] + Array("n T".utf8) + [0xE2] + Array("m,A1,P1,350,O+,,yes\n".utf8)
        #expect(
            report({ $0.write("content/data/donations.csv", bytes: bytes) }) == """
                content/data/donations.csv:2:21: lỗi: tệp có byte không phải UTF-8; có vẻ là Windows-1258 hoặc Latin-1 của Excel cũ
                hn-2023,2023-08-04,H\u{FFFD},L\u{FFFD} V\u{FFFD}n T\u{FFFD}m,A1,P1,350,O+,,yes
                                    ^
                gợi ý: lưu lại tệp dạng "CSV UTF-8" (Tệp › Lưu thành), hoặc nếu tệp được lưu dạng "CSV" trên Windows tiếng Việt, thêm data_encoding: windows-1258 vào site.yml; khi đó dòng này sẽ đọc là: hn-2023,2023-08-04,Hà,Lê Văn Tâm,A1,P1,350,O+,,yes

                """)
    }

    @Test func windows1258DeclaredInSiteYmlIsRead() {
        let bytes =
            Array((Self.h + "hn-2023,2023-08-04,H").utf8) + [0xE0] + Array(",L".utf8) + [0xEA]
            + Array(" V".utf8) + [0xE3] + Array("n T".utf8) + [0xE2] + Array("m,A1,P1,350,O+,,yes\n".utf8)
        let site = MiniSite()
        site.write(
            "content/site.yml", "title: \"Hiến máu\"\nbase_url: \"https://example.org/\"\ndata_encoding: windows-1258\n"
        )
        site.write("content/data/donations.csv", bytes: bytes)
        let result = site.generate()
        #expect(site.report() == "")
        let bySite = try? #require(result.files.first { $0.path == "data/by-site.csv" }).contents
        #expect(bySite?.contains("\nhn-2023,Hà,1,1,350\n") == true, "\(bySite ?? "")")
        let json = result.files.first { $0.path == "data/campaigns.json" }?.contents ?? ""
        #expect(json.contains("\"site\": \"Hà\""), "\(json.prefix(600))")
    }

    @Test func missingDonationsFile() {
        #expect(
            report({ $0.remove("content/data/donations.csv") }) == """
                content/data/donations.csv: lỗi: không tìm thấy tệp số liệu hiến máu
                gợi ý: tạo content/data/donations.csv với dòng tiêu đề campaign,date,site,donor,volume_ml

                """)
    }

    // MARK: Front matter

    @Test func invalidYAMLPointsAtTheUnclosedQuote() {
        // The error is on the file's line 2, not YAML's line 1; the CSV rows of
        // this broken write-up are not reported as belonging to no campaign.
        #expect(
            campaign("---\ntitle: \"Giọt máu\ncampaign: hn-2023\ndate: 2023-08-05\n---\nx\n") == """
                content/campaigns/hn.md:2:8: lỗi: YAML không hợp lệ: dấu ngoặc kép mở ở đây không bao giờ được đóng
                title: "Giọt máu
                       ^
                gợi ý: đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép, và thụt lề bằng dấu cách, không dùng tab

                """)
    }

    @Test func invalidYAMLColonInAValue() {
        #expect(
            campaign("---\ntitle: Giọt máu: nghĩa tình\ncampaign: hn-2023\ndate: 2023-08-05\n---\nx\n") == """
                content/campaigns/hn.md:2:16: lỗi: YAML không hợp lệ: không được có dấu ':' ở đây (mapping values are not allowed in this context)
                title: Giọt máu: nghĩa tình
                               ^
                gợi ý: đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép, và thụt lề bằng dấu cách, không dùng tab

                """)
    }

    @Test func missingRequiredKeys() {
        #expect(
            report({
                $0.write("content/campaigns/hn.md", "---\nsummary: x\n---\nx\n")
                $0.write("content/data/donations.csv", MiniSite.header)
            }) == """
                content/campaigns/hn.md:1:1: lỗi: thiếu khoá bắt buộc 'title'
                ---
                ^
                gợi ý: thêm dòng 'title: …' vào phần đầu
                content/campaigns/hn.md:1:1: lỗi: thiếu khoá bắt buộc 'campaign'
                ---
                ^
                gợi ý: thêm dòng 'campaign: …' vào phần đầu
                content/campaigns/hn.md:1:1: lỗi: thiếu khoá bắt buộc 'date'
                ---
                ^
                gợi ý: thêm dòng 'date: …' vào phần đầu

                """)
    }

    @Test func wrongType() {
        #expect(
            campaign("---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\ntarget_units: \"nhiều\"\n---\nx\n") == """
                content/campaigns/hn.md:5:15: lỗi: 'target_units' phải là số nguyên, không phải "nhiều"
                target_units: "nhiều"
                              ^

                """)
    }

    @Test func unknownKeyIsAWarningWithDidYouMean() {
        let site = MiniSite()
        site.write(
            "content/campaigns/hn.md",
            "---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\ntarget_unit: 10\n---\nx\n")
        let result = site.generate()
        #expect(result.succeeded)
        #expect(
            DiagnosticPrinter(language: .vi).format(result.diagnostics) == """
                content/campaigns/hn.md:5:1: cảnh báo: khoá 'target_unit' không được dùng và sẽ bị bỏ qua
                target_unit: 10
                ^
                gợi ý: có phải ý bạn là 'target_units'?

                """)
    }

    // MARK: Site

    @Test func twoPagesWithOneSlug() {
        #expect(
            report({
                $0.write("content/pages/gioi-thieu-2.md", "---\ntitle: \"Giới thiệu 2\"\nslug: gioi-thieu\n---\nx\n")
            }) == """
                content/pages/gioi-thieu.md:2:8: lỗi: slug 'gioi-thieu' đã được content/pages/gioi-thieu-2.md dùng; hai trang không thể cùng một địa chỉ
                title: "Giới thiệu"
                       ^
                gợi ý: đặt 'slug: …' khác cho một trong hai trang

                """)
    }

    @Test(arguments: [
        ("\"../x\"", "slug \"../x\" không được chứa '/', '\\' hay '..'"),
        ("\"a/b\"", "slug \"a/b\" không được chứa '/', '\\' hay '..'"),
        ("\"a\\\\b\"", "slug \"a\\b\" không được chứa '/', '\\' hay '..'"),
        ("\"\"", "slug rỗng"),
    ])
    func badSlug(_ written: String, _ message: String) {
        #expect(
            report({ $0.write("content/pages/gioi-thieu.md", "---\ntitle: \"G\"\nslug: \(written)\n---\nx\n") }) == """
                content/pages/gioi-thieu.md:3:7: lỗi: \(message)
                slug: \(written)
                      ^

                """)
    }

    @Test func slugTakenByTheSiteItself() {
        #expect(
            report({ $0.write("content/pages/gioi-thieu.md", "---\ntitle: \"Thống kê\"\nslug: thong-ke\n---\nx\n") })
                == """
                content/pages/gioi-thieu.md:3:7: lỗi: slug 'thong-ke' trùng với một mục của trang web
                slug: thong-ke
                      ^
                gợi ý: đặt 'slug: …' khác

                """)
    }

    @Test func coverThatDoesNotExist() {
        #expect(
            campaign("---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\ncover: khong-co.jpg\n---\nx\n") == """
                content/campaigns/hn.md:5:8: lỗi: ảnh bìa 'khong-co.jpg' không có trong content/images/
                cover: khong-co.jpg
                       ^
                gợi ý: đặt ảnh vào content/images/ và ghi tên tệp, ví dụ 'cover: anh-bia.jpg'

                """)
    }

    @Test func statsBlockWithAnUnknownOption() {
        #expect(
            campaign(
                "---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\n---\n\n```stats\nby: site\ncolor: red\n```\n")
                    == """
                    content/campaigns/hn.md:9:1: lỗi: khối stats không có tuỳ chọn 'color'; chỉ có 'by'
                    color: red
                    ^

                    """)
    }

    @Test func templateThatDoesNotParse() {
        #expect(
            report({ $0.write("templates/page.mustache", "{{<layout}}{{$main}}{{#x}}{{/y}}{{/main}}{{/layout}}\n") })
                == """
                templates/page.mustache:1:27: lỗi: mẫu trang không hợp lệ: thẻ đóng không khớp với thẻ mở
                {{<layout}}{{$main}}{{#x}}{{/y}}{{/main}}{{/layout}}
                                          ^

                """)
        // A section never closed is reported at its opening tag, in characters.
        #expect(
            report({ $0.write("templates/page.mustache", "{{<layout}}{{$main}}{{/main}}{{/layout}}\n<p>Đăng {{#x}}\n") }
            ) == """
                templates/page.mustache:2:9: lỗi: mẫu trang không hợp lệ: thiếu thẻ đóng {{/…}}
                <p>Đăng {{#x}}
                        ^

                """)
    }

    /// Mustache would render a missing partial as nothing: each one is an
    /// error at its tag, also under changed delimiters.
    @Test func partialThatDoesNotExist() {
        #expect(
            report({
                $0.write(
                    "templates/page.mustache",
                    "{{<layout}}{{$main}}\n<p>Đăng {{> thieu}}</p>\n{{=<% %>=}}<%> mat %><%/main%><%/layout%>\n")
            }) == """
                templates/page.mustache:2:9: lỗi: mẫu 'page' gọi mẫu con 'thieu' không tồn tại
                <p>Đăng {{> thieu}}</p>
                        ^
                gợi ý: tạo templates/thieu.mustache
                templates/page.mustache:3:12: lỗi: mẫu 'page' gọi mẫu con 'mat' không tồn tại
                {{=<% %>=}}<%> mat %><%/main%><%/layout%>
                           ^
                gợi ý: tạo templates/mat.mustache

                """)
    }

    // A template missing from the site's folder comes from the built-in theme (ThemeTests).

    // MARK: Warnings

    @Test func dateOutsideTheCampaignPeriod() {
        #expect(
            csv(Self.h + Self.row.replacing("2023-08-04", with: "2023-09-04")) == """
                content/data/donations.csv:2:9: cảnh báo: ngày 4/9/2023 nằm ngoài thời gian chiến dịch hn-2023 (4/8/2023 – 20/8/2023)
                hn-2023,2023-09-04,Trụ sở,An,A1,P1,350,O+,,yes
                        ^

                """)
    }

    @Test func wholeBloodAgainWithinTwelveWeeks() {
        #expect(
            csv(Self.h + Self.row + Self.row.replacing("2023-08-04", with: "2023-08-18")) == """
                content/data/donations.csv:3:1: cảnh báo: An (A1) đã hiến máu toàn phần ngày 4/8/2023 (dòng 2), chưa đủ 12 tuần trước lần này

                """)
    }

    /// Found by the fuzzer: a date cell of many digits overflowed the quick
    /// path's arithmetic and crashed the build.
    @Test func aDateOfManyDigitsIsAnErrorNotACrash() {
        let digits = String(repeating: "1", count: 40)
        #expect(
            csv(Self.h + Self.row.replacing("2023-08-04", with: digits)).hasPrefix(
                "content/data/donations.csv:2:9: lỗi: ngày \"\(digits)\" không tồn tại\n"))
    }

    @Test func warningsOfOneKindStopAtAHundredAndSayHowManyMore() {
        // 103 rows outside the period: 100 warnings, then one that counts the other 3.
        let outside = (0..<103).map { "hn-2023,2023-09-04,Trụ sở,An \($0),A\($0),P1,350,O+,,yes\n" }.joined()
        let periodLines = csv(Self.h + outside).split(separator: "\n").filter { $0.contains("cảnh báo:") }
        #expect(periodLines.count == 101)
        #expect(periodLines.filter { $0.contains("nằm ngoài thời gian chiến dịch hn-2023") }.count == 100)
        #expect(
            periodLines.last
                == "content/data/donations.csv:102:1: cảnh báo: còn 3 cảnh báo khác cùng loại: ngày nằm ngoài thời gian chiến dịch (chỉ hiện 100 cảnh báo đầu)"
        )

        // 103 donors who each gave twice a week apart: the first 100 gaps by line, then the count.
        let first = (0..<103).map { "hn-2023,2023-08-04,Trụ sở,An \($0),A\($0),P1,350,O+,,yes\n" }.joined()
        let again = (0..<103).map { "hn-2023,2023-08-11,Trụ sở,An \($0),A\($0),P1,350,O+,,yes\n" }.joined()
        let gapLines = csv(Self.h + first + again).split(separator: "\n").filter { $0.contains("cảnh báo:") }
        #expect(gapLines.count == 101)
        #expect(
            gapLines.first
                == "content/data/donations.csv:105:1: cảnh báo: An 0 (A0) đã hiến máu toàn phần ngày 4/8/2023 (dòng 2), chưa đủ 12 tuần trước lần này"
        )
        #expect(
            gapLines.last
                == "content/data/donations.csv:205:1: cảnh báo: còn 3 cảnh báo khác cùng loại: hiến máu toàn phần lại chưa đủ 12 tuần (chỉ hiện 100 cảnh báo đầu)"
        )
    }

    @Test func oneNameInTwoUnitsWithoutDonorID() {
        #expect(
            csv(
                Self.h
                    + "hn-2023,2023-08-04,Trụ sở,Nguyễn An,,P1,350,O+,,yes\nhn-2023,2023-08-05,Trụ sở,Nguyễn An,,P2,350,O+,,yes\n"
            ) == """
                content/data/donations.csv:3:1: cảnh báo: tên "Nguyễn An" có ở hai đơn vị (P1 và P2) mà không có donor_id; được tính là hai người
                gợi ý: nếu là một người, thêm cùng một donor_id cho các dòng của người đó

                """)
    }

    // MARK: English

    @Test func englishMessages() {
        let text = csv(
            Self.h + "hn-2032,2023-08-04,Trụ sở,An,A1,P1,300,O+,,yes\n"
                + Self.row.replacing("2023-08-04", with: "2023-09-04"),
            language: "en")
        #expect(
            text == """
                content/data/donations.csv:2:1: error: campaign "hn-2032" has no write-up in content/campaigns/
                hn-2032,2023-08-04,Trụ sở,An,A1,P1,300,O+,,yes
                ^
                hint: did you mean "hn-2023"?
                content/data/donations.csv:2:36: error: volume_ml "300" is not 0, 250, 350 or 450
                hn-2032,2023-08-04,Trụ sở,An,A1,P1,300,O+,,yes
                                                   ^
                hint: use 0 or leave it empty for a registration that was deferred
                content/data/donations.csv:3:9: warning: date 2023-09-04 is outside campaign hn-2023's period (2023-08-04 to 2023-08-20)
                hn-2023,2023-09-04,Trụ sở,An,A1,P1,350,O+,,yes
                        ^

                """)
        #expect(
            campaign("---\ntitle: Giọt máu: nghĩa tình\ncampaign: hn-2023\ndate: 2023-08-05\n---\nx\n", language: "en")
                == """
                content/campaigns/hn.md:2:16: error: invalid YAML: mapping values are not allowed in this context
                title: Giọt máu: nghĩa tình
                               ^
                hint: quote values that contain ':' or '#', and indent with spaces, not tabs

                """)
        #expect(
            campaign("---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\ntarget_unit: 1\n---\nx\n", language: "en")
                == """
                content/campaigns/hn.md:5:1: warning: unknown key 'target_unit' is ignored
                target_unit: 1
                ^
                hint: did you mean 'target_units'?

                """)
        #expect(
            report({ $0.write("content/data/donations.csv", bytes: [0x61, 0x00, 0x62, 0x00]) }, language: "en") == """
                content/data/donations.csv:1:1: error: the file looks like UTF-16 (Excel's "Unicode Text"), not UTF-8
                hint: in Excel choose File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)" and save again

                """)
    }
}
