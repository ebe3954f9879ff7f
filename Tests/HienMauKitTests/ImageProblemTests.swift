import Foundation
import Testing

@testable import HienMauKit

/// Every image that cannot be shown is an error at the place that shows it,
/// in `check` and `build`, with the line, a caret under the image and a hint.
@Suite struct ImageProblemTests {
    static let markdown = """
        Ảnh thiếu ![Không có](khong-co.jpg) giữa câu.

        ![Hỏng](../images/broken.jpg)

        ![Chữ](images/not-an-image.jpg)

        ![Gần đúng](/images/wid.jpg)
        """

    @Test func missingAndUnreadableImagesAreLocatedErrors() {
        let photos = PhotoSite(Self.markdown, images: ["wide.jpg", "broken.jpg", "not-an-image.jpg"])
        photos.site.write("content/pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\n---\n\n![Trang](trang.png)\n")
        #expect(
            photos.site.report() == """
                content/campaigns/hn.md:12:11: lỗi: ảnh 'khong-co.jpg' không có trong content/images/
                Ảnh thiếu ![Không có](khong-co.jpg) giữa câu.
                          ^
                gợi ý: đặt ảnh vào content/images/ và ghi tên tệp, ví dụ '![Mô tả ảnh](anh-1.jpg)'
                content/campaigns/hn.md:14:1: lỗi: không đọc được ảnh '../images/broken.jpg' (content/images/broken.jpg)
                ![Hỏng](../images/broken.jpg)
                ^
                gợi ý: tệp bị hỏng hoặc không phải JPEG, PNG, WebP, HEIC hay SVG: mở ảnh và lưu lại
                content/campaigns/hn.md:16:1: lỗi: không đọc được ảnh 'images/not-an-image.jpg' (content/images/not-an-image.jpg)
                ![Chữ](images/not-an-image.jpg)
                ^
                gợi ý: tệp bị hỏng hoặc không phải JPEG, PNG, WebP, HEIC hay SVG: mở ảnh và lưu lại
                content/campaigns/hn.md:18:1: lỗi: ảnh '/images/wid.jpg' không có trong content/images/
                ![Gần đúng](/images/wid.jpg)
                ^
                gợi ý: có phải 'wide.jpg'?
                content/pages/gioi-thieu.md:5:1: lỗi: ảnh 'trang.png' không có trong content/images/
                ![Trang](trang.png)
                ^
                gợi ý: đặt ảnh vào content/images/ và ghi tên tệp, ví dụ '![Mô tả ảnh](anh-1.jpg)'

                """)
    }

    @Test func inEnglish() {
        let photos = PhotoSite("![x](khong-co.jpg) ![y](report.txt)", images: ["wide.jpg"])
        photos.site.write("content/images/report.txt", "x\n")
        photos.site.write("content/site.yml", "title: \"T\"\nbase_url: \"https://example.org/\"\nlanguage: en\n")
        #expect(
            photos.site.report() == """
                content/campaigns/hn.md:12:1: error: image 'khong-co.jpg' does not exist in content/images/
                ![x](khong-co.jpg) ![y](report.txt)
                ^
                hint: put the image in content/images/ and give its file name, e.g. '![What it shows](photo-1.jpg)'
                content/campaigns/hn.md:12:20: error: 'report.txt' is not an image
                ![x](khong-co.jpg) ![y](report.txt)
                                   ^
                hint: use a JPEG, PNG, WebP, HEIC or SVG image

                """)
    }

    /// A draft's images are checked too, as its cover is; a broken cover is an error at `cover:`.
    @Test func draftsAndCovers() {
        let photos = PhotoSite("![x](khong-co.jpg)", images: ["broken.jpg"], cover: "broken.jpg")
        photos.site.write(
            "content/campaigns/hn.md",
            (try! String(
                contentsOf: photos.site.content.appendingPathComponent("campaigns/hn.md"),
                encoding: .utf8)).replacing("target_units: 10\n", with: "target_units: 10\ndraft: true\n"))
        let report = photos.site.report()
        #expect(
            report.contains("content/campaigns/hn.md:15:1: lỗi: ảnh 'khong-co.jpg' không có trong content/images/"),
            "\(report)")
        // A draft is not published: its cover is not decoded, so a damaged one is found once it is.
        #expect(!report.contains("broken.jpg"))
        let published = PhotoSite("x", images: ["broken.jpg"], cover: "broken.jpg")
        #expect(
            published.site.report().hasPrefix(
                """
                content/campaigns/hn.md:8:8: lỗi: không đọc được ảnh 'broken.jpg' (content/images/broken.jpg)
                cover: broken.jpg
                       ^
                """))
    }

    /// `check` and `build` both fail on a missing image, and `build` leaves the output as it was.
    @Test func checkAndBuildFail() throws {
        let photos = PhotoSite("![x](khong-co.jpg)", images: [])
        let root = photos.site.folder.url
        let check = try CLI.run(["check"], in: root)
        #expect(check.status == 1)
        #expect(
            check.stderr.contains(
                "content/campaigns/hn.md:12:1: lỗi: ảnh 'khong-co.jpg' không có trong content/images/"))
        let build = try CLI.run(["build"], in: root)
        #expect(build.status == 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }
}
