import Foundation
import Testing

@testable import HienMauKit

/// The built-in theme: compiled from `theme/`, used where a site has no
/// template of its own, overridden file by file, written out by `theme export`.
@Suite struct ThemeTests {
    /// Every regular file under `folder`, hidden ones included, with its bytes.
    static func tree(_ folder: URL) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                out[path] = FileManager.default.contents(atPath: full).map { [UInt8]($0) }
            }
        }
        return out
    }

    /// The generated sources hold the bytes of `theme/` and `starter/`: an
    /// edit there without `python3 scripts/embed_files.py` fails here.
    @Test(arguments: [("theme", BuiltInTheme.files), ("starter", StarterSite.files)])
    func embeddedFilesAreTheFolder(_ folder: String, _ embedded: [EmbeddedFile]) {
        let onDisk = Self.tree(Repo.root.appendingPathComponent(folder))
        #expect(onDisk.count > 5)
        let compiled = Dictionary(uniqueKeysWithValues: embedded.map { ($0.path, $0.bytes) })
        #expect(
            compiled.keys.sorted() == onDisk.keys.sorted(),
            "\(folder)/ changed: run python3 scripts/embed_files.py")
        for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) where compiled[path] != bytes {
            Issue.record("\(folder)/\(path) differs from the compiled copy: run python3 scripts/embed_files.py")
        }
    }

    /// A site without templates/ gets, byte for byte, what a copy of the
    /// theme as its templates/ gives; the static files become files of the build.
    @Test func aSiteWithoutTemplatesUsesTheBuiltInTheme() {
        let withCopy = MiniSite()
        let copied = withCopy.generate()
        let site = MiniSite()
        site.remove("templates")
        let result = site.generate()
        #expect(result.succeeded, "\(site.report())")
        #expect(result.assets.allSatisfy { $0.path.hasPrefix("images/") })
        var expected = Dictionary(uniqueKeysWithValues: copied.files.map { ($0.path, $0.bytes) })
        for asset in copied.assets {
            expected[asset.path] = FileManager.default.contents(atPath: asset.url.path).map { [UInt8]($0) }
        }
        let built = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
        #expect(built.keys.sorted() == expected.keys.sorted())
        #expect(built == expected)
        #expect(built["style.css"] != nil && built["search.js"] != nil)
    }

    /// templates/ with one file: that page changes, every other file is the built-in theme's.
    @Test func aSiteTemplateOverridesJustThatFile() throws {
        let plain = MiniSite()
        plain.remove("templates")
        let before = Dictionary(uniqueKeysWithValues: plain.generate().files.map { ($0.path, $0.bytes) })
        let site = MiniSite()
        site.remove("templates")
        site.write(
            "templates/page.mustache", "{{<layout}}{{$main}}<h1>Trang riêng: {{title}}</h1>{{/main}}{{/layout}}\n")
        site.write("templates/static/style.css", "body { color: #222; }\n")
        let result = site.generate()
        #expect(result.succeeded, "\(site.report())")
        let after = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
        let page = String(decoding: try #require(after["gioi-thieu/index.html"]), as: UTF8.self)
        #expect(page.contains("<h1>Trang riêng: Giới thiệu</h1>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/style.css\">"), "the built-in layout")
        // The site's stylesheet is copied; the built-in one is not written over it.
        #expect(after["style.css"] == nil)
        #expect(result.assets.map(\.path).contains("style.css"))
        for (path, bytes) in before where path != "gioi-thieu/index.html" && path != "style.css" {
            #expect(after[path] == bytes, "\(path) changed")
        }
    }

    /// A folder named with --templates that is not there: one error, not one per template.
    @Test func aTemplatesFolderNamedButMissingIsOneError() {
        let site = MiniSite()
        site.remove("templates")
        let result = Site.generate(
            BuildOptions(content: site.content, templates: site.templates, requiresTemplates: true))
        #expect(
            DiagnosticPrinter(language: .vi).format(result.diagnostics) == """
                templates: lỗi: không tìm thấy thư mục mẫu trang templates
                gợi ý: bỏ --templates để dùng giao diện có sẵn, hoặc chạy `hienmau theme export templates` để chép nó ra

                """)
    }

    /// A site's folder that lacks a page template takes the built-in one.
    @Test func aTemplateRemovedFromTheSiteComesFromTheTheme() {
        let site = MiniSite()
        site.remove("templates/honours.mustache")
        let result = site.generate()
        #expect(result.succeeded, "\(site.report())")
        #expect(result.files.contains { $0.path == "vinh-danh/index.html" })
    }

    /// `theme export` writes every file of the theme as `theme/` has it, and never over a file.
    @Test func exportWritesTheThemeAndNeverOverwrites() throws {
        let temp = TempFolder()
        let folder = temp.url.appendingPathComponent("templates")
        let written = try BuiltInTheme.export(to: folder, named: "templates", only: [])
        #expect(written.contains("layout.mustache") && written.contains("static/style.css"))
        #expect(Self.tree(folder) == Self.tree(Repo.templates))
        #expect(throws: BuiltInTheme.ExportFailure.self) {
            try BuiltInTheme.export(to: folder, named: "templates", only: ["page.mustache"])
        }
        do {
            _ = try BuiltInTheme.export(to: temp.url.appendingPathComponent("other"), named: "other", only: ["x.css"])
            Issue.record("an unknown file was exported")
        } catch {
            #expect(error.message.en.hasPrefix("the built-in theme has no x.css; its files: 404.mustache, "))
        }
        let one = try BuiltInTheme.export(
            to: temp.url.appendingPathComponent("one"), named: "one", only: ["page.mustache"])
        #expect(one == ["page.mustache"])
        #expect(Self.tree(temp.url.appendingPathComponent("one")).keys.sorted() == ["page.mustache"])
    }
}
