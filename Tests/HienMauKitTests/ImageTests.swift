import Foundation
import Testing

@testable import HienMauKit

/// A small site with photos from `Fixtures/images/` (made by scripts/make_test_images.py).
final class PhotoSite {
    let site = MiniSite()
    static let fixtures = Fixtures.folder.appendingPathComponent("images")

    /// A site whose write-up shows `markdown` after its first paragraph, with `images` copied in.
    init(_ markdown: String, images: [String], cover: String? = nil) {
        let fm = FileManager.default
        try! fm.createDirectory(at: site.content.appendingPathComponent("images"), withIntermediateDirectories: true)
        for name in images { copy(name, as: name) }
        let campaign = MiniSite.campaign.replacing("Bài viết.\n", with: "Bài viết.\n\n" + markdown + "\n")
        site.write(
            "content/campaigns/hn.md",
            cover.map {
                campaign.replacing(
                    "target_units: 10\n", with: "target_units: 10\ncover: \($0)\ncover_alt: \"Ảnh bìa\"\n")
            } ?? campaign)
    }

    func copy(_ fixture: String, as name: String) {
        let target = site.content.appendingPathComponent("images/\(name)")
        try? FileManager.default.removeItem(at: target)
        try! FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: target)
    }

    func build() -> BuildResult { SiteSession(BuildOptions(content: site.content, templates: site.templates)).build() }

    var cache: URL { site.folder.url.appendingPathComponent(".hienmau-cache/images/v1") }

    static func page(_ result: BuildResult) -> String {
        result.files.first {
            $0.path.hasPrefix("chien-dich/") && $0.path.hasSuffix("/index.html") && $0.path != "chien-dich/index.html"
        }?
        .contents ?? ""
    }

    static func bytes(_ result: BuildResult, _ path: String) -> [UInt8] {
        result.assets.first { $0.path == path }.flatMap { FileManager.default.contents(atPath: $0.url.path) }.map {
            [UInt8]($0)
        } ?? []
    }
}

@Suite struct ImageTests {
    @Test func widthsFormatsAndNamesOfAPhoto() throws {
        let photos = PhotoSite(
            "![Ảnh rộng](wide.jpg)\n\n![Ảnh nhỏ](images/small.png)\n", images: ["wide.jpg", "small.png"])
        let result = photos.build()
        try #require(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        let wide = try #require(
            result.assets.map(\.path).first { $0.hasPrefix("images/wide-") && $0.hasSuffix("-480.webp") })
        let name = String(wide.dropLast("-480.webp".count))
        #expect(name.count == "images/wide-".count + 10)
        let paths = Set(result.assets.map(\.path))
        for width in [480, 960, 1600] {
            #expect(paths.contains("\(name)-\(width).webp") && paths.contains("\(name)-\(width).jpg"))
            let webp = PhotoSite.bytes(result, "\(name)-\(width).webp"),
                jpeg = PhotoSite.bytes(result, "\(name)-\(width).jpg")
            #expect(webp.prefix(4).elementsEqual("RIFF".utf8) && webp[8..<12].elementsEqual("WEBP".utf8))
            #expect(jpeg.prefix(2).elementsEqual([0xFF, 0xD8]))
            #expect(Vips.pixel(webp, x: width - 1, y: width * 3 / 4 - 1) != nil)
            #expect(Vips.pixel(webp, x: width, y: 0) == nil, "\(width) px wide")
        }
        // Never enlarged: 300 px wide gives one width, 300.
        #expect(
            paths.filter { $0.hasPrefix("images/small-") }.map { $0.split(separator: "-").last! }.sorted() == [
                "300.jpg", "300.webp",
            ])
        // No original is published.
        #expect(!paths.contains("images/wide.jpg") && !paths.contains("images/small.png"))
    }

    @Test func thePageHasPictureSrcsetSizesWidthAndHeight() throws {
        let photos = PhotoSite(
            "![Ảnh rộng](wide.jpg)\n\nChữ và ![nhỏ](small.png \"Tiêu đề\") trong dòng.\n",
            images: ["wide.jpg", "small.png"])
        let result = photos.build()
        let page = PhotoSite.page(result)
        let name = try #require(result.assets.map(\.path).first { $0.hasPrefix("images/wide-") }).prefix(
            "images/wide-".count + 10)
        let small = try #require(result.assets.map(\.path).first { $0.hasPrefix("images/small-") }).prefix(
            "images/small-".count + 10)
        let sizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
        #expect(
            page.contains(
                """
                <figure class="photo"><picture><source type="image/webp" srcset="/\(name)-480.webp 480w, /\(name)-960.webp 960w, /\(name)-1600.webp 1600w" \
                sizes="\(sizes)"><img src="/\(name)-960.jpg" srcset="/\(name)-480.jpg 480w, /\(name)-960.jpg 960w, /\(name)-1600.jpg 1600w" \
                sizes="\(sizes)" width="1600" height="1200" alt="Ảnh rộng"></picture></figure>
                """), "the first image of a page loads at once")
        #expect(
            page.contains(
                """
                <p>Chữ và <picture><source type="image/webp" srcset="/\(small)-300.webp 300w" sizes="\(sizes)"><img src="/\(small)-300.jpg" \
                srcset="/\(small)-300.jpg 300w" sizes="\(sizes)" width="300" height="200" alt="nhỏ" title="Tiêu đề" \
                loading="lazy" decoding="async"></picture> trong dòng.</p>
                """))
    }

    @Test func aCoverIsTheFirstImageAndGivesTheSocialCard() throws {
        let photos = PhotoSite("![Ảnh rộng](wide.jpg)\n", images: ["wide.jpg", "rotated.jpg"], cover: "rotated.jpg")
        let result = photos.build()
        try #require(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        let page = PhotoSite.page(result)
        let card = try #require(result.assets.map(\.path).first { $0.hasSuffix("-card.jpg") })
        #expect(card.hasPrefix("images/rotated-"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/\(card)\">"))
        #expect(
            page.contains(
                "<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">"
            ))
        #expect(page.contains("<meta property=\"og:image:alt\" content=\"Ảnh bìa\">"))
        #expect(page.contains("width=\"400\" height=\"300\" alt=\"Ảnh bìa\" class=\"cover\"></picture></figure>"))
        #expect(page.contains("alt=\"Ảnh rộng\" loading=\"lazy\" decoding=\"async\">"), "the cover came first")
        let bytes = PhotoSite.bytes(result, card)
        #expect(
            Vips.pixel(bytes, x: 1199, y: 629) != nil && Vips.pixel(bytes, x: 1200, y: 0) == nil
                && Vips.pixel(bytes, x: 0, y: 630) == nil)
    }

    /// Stored 300 × 400 with Orientation 6, the photo is 400 × 300 and red at its top left.
    @Test func aRotatedPhotoComesOutUpright() throws {
        let photos = PhotoSite("![Xoay](rotated.jpg)\n", images: ["rotated.jpg"])
        let result = photos.build()
        let jpeg = try #require(result.assets.map(\.path).first { $0.hasSuffix("-400.jpg") })
        for path in [jpeg, jpeg.replacing(".jpg", with: ".webp")] {
            let bytes = PhotoSite.bytes(result, path)
            let topLeft = try #require(Vips.pixel(bytes, x: 40, y: 30)),
                bottomRight = try #require(Vips.pixel(bytes, x: 360, y: 270))
            #expect(topLeft[0] > 180 && topLeft[2] < 80, "\(path): \(topLeft)")
            #expect(bottomRight[2] > 180 && bottomRight[0] < 80, "\(path): \(bottomRight)")
            #expect(Vips.pixel(bytes, x: 399, y: 299) != nil && Vips.pixel(bytes, x: 0, y: 300) == nil)
        }
    }

    @Test func heicIsRead() throws {
        let photos = PhotoSite("![iPhone](photo.heic)\n", images: ["photo.heic"])
        let result = photos.build()
        try #require(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        let jpeg = try #require(
            result.assets.map(\.path).first { $0.hasPrefix("images/photo-") && $0.hasSuffix("-320.jpg") })
        let pixel = try #require(Vips.pixel(PhotoSite.bytes(result, jpeg), x: 20, y: 20))
        #expect(pixel[0] > 180 && pixel[2] < 80)
        #expect(PhotoSite.page(result).contains("width=\"320\" height=\"240\" alt=\"iPhone\""))
    }

    @Test func aDrawingIsCopiedAsItIs() throws {
        let photos = PhotoSite("![Hình vẽ](drawing.svg)\n", images: ["drawing.svg"])
        let result = photos.build()
        let asset = try #require(result.assets.first { $0.path == "images/drawing.svg" })
        #expect(
            FileManager.default.contents(atPath: asset.url.path)
                == FileManager.default.contents(
                    atPath: PhotoSite.fixtures.appendingPathComponent("drawing.svg").path))
        #expect(
            PhotoSite.page(result).contains(
                "<figure class=\"photo\"><img src=\"/images/drawing.svg\" width=\"120\" height=\"80\" alt=\"Hình vẽ\"></figure>"
            ))
    }

    /// A second build decodes nothing; a changed photo is made again under a new name, and the old entry goes.
    @Test func theCacheIsReusedAndInvalidated() throws {
        let photos = PhotoSite("![Ảnh](anh.jpg)\n", images: [])
        photos.copy("wide.jpg", as: "anh.jpg")
        let first = photos.build()
        #expect(first.imagesProcessed == 1)
        let second = photos.build()
        #expect(second.imagesProcessed == 0)
        #expect(PhotoSite.page(second) == PhotoSite.page(first))
        #expect(Set(second.assets.map(\.path)) == Set(first.assets.map(\.path)))
        let entries = {
            (try? FileManager.default.contentsOfDirectory(atPath: photos.cache.path))?.filter { $0 != "stamps" } ?? []
        }
        #expect(entries().count == 1)
        photos.copy("rotated.jpg", as: "anh.jpg")
        let third = photos.build()
        #expect(third.imagesProcessed == 1)
        let images = { (result: BuildResult) in Set(result.assets.map(\.path).filter { $0.hasPrefix("images/") }) }
        #expect(images(third).isDisjoint(with: images(first)))
        #expect(entries().count == 1, "the old entry is pruned")
        // An entry that lost a file is made again, and so is a removed cache.
        let entry = try #require(entries().first)
        try FileManager.default.removeItem(at: photos.cache.appendingPathComponent("\(entry)/400.webp"))
        #expect(photos.build().imagesProcessed == 1)
        #expect(photos.build().imagesProcessed == 0)
        try FileManager.default.removeItem(at: photos.cache)
        #expect(photos.build().imagesProcessed == 1)
    }

    /// The same photo gives the same bytes, with or without a cache.
    @Test func theOutputIsDeterministic() throws {
        let a = PhotoSite("![Ảnh](wide.jpg)\n", images: ["wide.jpg"], cover: "wide.jpg"),
            b = PhotoSite("![Ảnh](wide.jpg)\n", images: ["wide.jpg"], cover: "wide.jpg")
        let (x, y) = (a.build(), b.build())
        #expect(x.assets.map(\.path) == y.assets.map(\.path))
        for (path, _) in x.assets { #expect(PhotoSite.bytes(x, path) == PhotoSite.bytes(y, path), "\(path)") }
    }

    /// Every way of writing the path finds `content/images/`.
    @Test func everySpellingOfThePath() {
        for written in [
            "a.jpg", "images/a.jpg", "/images/a.jpg", "../images/a.jpg", "./a.jpg", "images/a.jpg?v=2", "a%20b.jpg",
        ] {
            #expect(ImagePath.resolve(written) == (written.contains("%20") ? "a b.jpg" : "a.jpg"), "\(written)")
        }
        #expect(ImagePath.resolve("images/2023/a.jpg") == "2023/a.jpg")
        for elsewhere in [
            "https://example.org/a.jpg", "//cdn.example.org/a.jpg", "data:image/png;base64,AA", "images/../../a.jpg",
            "",
        ] {
            #expect(ImagePath.resolve(elsewhere) == nil, "\(elsewhere)")
        }
        #expect(
            ImageStage.publishedName("Ảnh Đẹp/Hội trường 1.JPG", key: "0123456789abcdef")
                == "images/anh-dep/hoi-truong-1-0123456789")
    }
}
