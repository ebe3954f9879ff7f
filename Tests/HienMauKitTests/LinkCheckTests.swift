import Testing

@testable import HienMauKit

/// Links to the site's own pages and files that lead nowhere are warnings at the link.
@Suite struct LinkCheckTests {
    @Test func whereALinkLeads() {
        let page = "chien-dich/giot-mau/"
        let cases: [(String, String?)] = [
            ("/gioi-thieu/", "gioi-thieu/"), ("../", "chien-dich/"), ("../../gioi-thieu/#muc", "gioi-thieu/"),
            ("/tim-kiem/?q=giot", "tim-kiem/"), ("/", "/"), ("anh.jpg", "chien-dich/giot-mau/anh.jpg"),
            ("/data/campaigns.json", "data/campaigns.json"), ("../../../x", "../"),
            ("https://example.org/", nil), ("mailto:a@example.org", nil), ("tel:1900", nil), ("#ket-qua", nil),
            ("//cdn.example.org/x", nil), ("/images/b%C3%A1o%20c%C3%A1o.pdf", "images/báo cáo.pdf"),
        ]
        for (url, target) in cases { #expect(LinkCheck.target(url, from: page) == target, "\(url)") }
    }

    @Test func brokenLinksAreLocatedWarnings() {
        let site = MiniSite()
        site.write("content/images/bao-cao.pdf", "%PDF\n")
        site.write("content/images/anh.jpg", "x")
        site.write(
            "content/campaigns/hn.md",
            MiniSite.campaign + """

                Xem [giới thiệu](/gioi-thieu/), [trang chủ](/), [số liệu](/data/campaigns.json), [báo cáo](/images/bao-cao.pdf),
                [tìm](/tim-kiem/?q=a), [mục](#ket-qua), [nơi khác](https://example.org/x), [thư](mailto:a@example.org).

                Nhưng [giới thiệu](/gioi-thieu) thì được, [giói thiệu](/gioi-thieuu/) thì không, [ảnh gốc](/images/anh.jpg) cũng không,
                và [tương đối](../gioi-thieu/) sai vì trang ở /chien-dich/giot-mau-nghia-tinh/.

                """)
        #expect(
            site.report() == """
                content/campaigns/hn.md:19:43: cảnh báo: liên kết '/gioi-thieuu/' không dẫn tới trang hay tệp nào của trang web
                Nhưng [giới thiệu](/gioi-thieu) thì được, [giói thiệu](/gioi-thieuu/) thì không, [ảnh gốc](/images/anh.jpg) cũng không,
                                                          ^
                gợi ý: có phải '/gioi-thieu/'?
                content/campaigns/hn.md:19:82: cảnh báo: liên kết '/images/anh.jpg' không dẫn tới trang hay tệp nào của trang web
                Nhưng [giới thiệu](/gioi-thieu) thì được, [giói thiệu](/gioi-thieuu/) thì không, [ảnh gốc](/images/anh.jpg) cũng không,
                                                                                                 ^
                gợi ý: ảnh gốc không được đăng lên trang web; để hiện ảnh, viết '![mô tả](/images/anh.jpg)'
                content/campaigns/hn.md:20:4: cảnh báo: liên kết '../gioi-thieu/' không dẫn tới trang hay tệp nào của trang web
                và [tương đối](../gioi-thieu/) sai vì trang ở /chien-dich/giot-mau-nghia-tinh/.
                   ^
                gợi ý: viết '/gioi-thieu/': một liên kết không bắt đầu bằng '/' được tính từ địa chỉ của trang này

                """)
    }

    @Test func checkPrintsThemAndStrictFails() throws {
        let site = MiniSite()
        site.write(
            "content/pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\n---\n\n[Chiến dịch](/chien-dich/khong-co/)\n")
        let check = try CLI.run(["check"], in: site.folder.url)
        #expect(check.status == 0)
        #expect(
            check.stderr.contains(
                "content/pages/gioi-thieu.md:5:1: cảnh báo: liên kết '/chien-dich/khong-co/' không dẫn tới"))
        #expect(try CLI.run(["check", "--strict"], in: site.folder.url).status == 1)
    }
}
