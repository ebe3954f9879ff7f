import Foundation
import Testing

@testable import HienMauKit

/// Input made to hurt: YAML anchors that expand without end, thousands of
/// messages in one file, control characters and slugs that cannot be an
/// address. Each is refused at its line and column, in bounded time and memory.
@Suite struct BoundedInputTests {
    func report(_ change: (MiniSite) -> Void, language: String = "vi") -> String {
        let site = MiniSite(language: language)
        change(site)
        return site.report()
    }

    func campaign(_ matter: String) -> String {
        report {
            $0.write(
                "content/campaigns/hn.md",
                "---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\n" + matter + "---\nx\n")
        }
    }

    /// Nine levels of ten aliases each: a billion values once expanded. Only
    /// six levels here, so that the code before the fix ends (with a million).
    static func aliasBomb(levels: Int) -> String {
        var lines = ["a0: &a0 [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]"]
        for level in 1..<levels {
            let previous = "*a\(level - 1)"
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anchorsAndAliasesInFrontMatterAreALocatedError() {
        let started = ContinuousClock.now
        let text = campaign(Self.aliasBomb(levels: 6))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(
            text.hasPrefix(
                """
                content/campaigns/hn.md:5:5: lỗi: không dùng được neo '&a0' (và bí danh '*a0') của YAML ở đây
                a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
                    ^
                gợi ý: viết thẳng giá trị ở mỗi chỗ cần nó; phần đầu và site.yml không bao giờ cần '&' và '*'

                """), "\(text.prefix(600))")
    }

    @Test func theWholeNineLineBombIsRefusedAtOnce() {
        let started = ContinuousClock.now
        let text = campaign(Self.aliasBomb(levels: 9))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(text.contains("lỗi: không dùng được neo '&a0'"))
    }

    @Test func anchorsInSiteYmlAreALocatedErrorToo() {
        let text = report {
            $0.write("content/site.yml", "title: &t \"Hiến máu\"\nbase_url: \"https://example.org/\"\nauthor: *t\n")
        }
        #expect(
            text.hasPrefix("content/site.yml:1:8: lỗi: không dùng được neo '&t' (và bí danh '*t') của YAML ở đây\n"),
            "\(text)")
    }

    @Test func sixteenThousandUnknownKeysTakeLittleTimeAndPrintAHundredWarnings() {
        let keys = (0..<16_000).map { "khoa_\($0): \($0)\n" }.joined()
        let started = ContinuousClock.now
        let site = MiniSite()
        site.write(
            "content/campaigns/hn.md", "---\ntitle: \"T\"\ncampaign: hn-2023\ndate: 2023-08-05\n" + keys + "---\nx\n")
        let result = site.generate()
        let text = DiagnosticPrinter(language: .vi).format(result.diagnostics)
        #expect(ContinuousClock.now - started < .seconds(15))
        let warnings = text.split(separator: "\n").filter { $0.contains(": cảnh báo: ") }
        #expect(warnings.count == 101)
        #expect(
            warnings.last
                == "content/campaigns/hn.md:105:1: cảnh báo: còn 15.900 cảnh báo khác cùng loại: khoá không được dùng (chỉ hiện 100 cảnh báo đầu)"
        )
        #expect(result.succeeded)
    }

    @Test func locatingManyMessagesIsLinear() {
        // 200,000 lines; one line asked for at each end must not cost a read from the top each time.
        let file = SourceFile(path: "x.md", text: (0..<200_000).map { "line \($0)\n" }.joined())
        let started = ContinuousClock.now
        for i in stride(from: 1, through: 200_000, by: 100) { _ = file.line(i) }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(file.line(1) == "line 0")
        #expect(file.line(200_000) == "line 199999")
        #expect(file.line(200_001) == "")
        #expect(file.line(200_002) == nil)
    }

    // MARK: Control characters

    @Test(arguments: [("\u{0}", "U+0000"), ("\u{1B}", "U+001B"), ("\u{7F}", "U+007F")])
    func aControlCharacterInFrontMatterIsALocatedError(_ character: String, _ name: String) {
        let text = campaign("summary: \"Một câu\(character) thôi\"\n")
        let shown = String(
            Unicode.Scalar(0x2400 + (character == "\u{7F}" ? 0x21 : character.unicodeScalars.first!.value))!)
        #expect(
            text == """
                content/campaigns/hn.md:5:18: lỗi: ký tự điều khiển \(name) không được có trong phần đầu
                summary: "Một câu\(shown) thôi"
                \(String(repeating: " ", count: 17))^
                gợi ý: xoá ký tự đó (thường lẫn vào khi chép từ Word, Excel hay một trang web)

                """)
    }

    @Test func aControlCharacterInSiteYmlIsALocatedError() {
        let text = report {
            $0.write("content/site.yml", "title: \"Hiến\u{0}máu\"\nbase_url: \"https://example.org/\"\n")
        }
        #expect(
            text.hasPrefix(
                """
                content/site.yml:1:13: lỗi: ký tự điều khiển U+0000 không được có trong site.yml
                title: "Hiến\u{2400}máu"
                            ^

                """), "\(text)")
    }

    @Test func tabsStayAllowedWhereYAMLAllowsThem() {
        #expect(campaign("summary: \"Một\tcâu\"\n") == "")
    }

    // MARK: Slugs

    @Test(arguments: ["%2e%2e", "a#b", "a%20b", "Gioi-Thieu", "giới-thiệu", "a_b", "a?b"])
    func aSlugOfOtherCharactersIsALocatedError(_ slug: String) {
        let text = report { $0.write("content/pages/gioi-thieu.md", "---\ntitle: \"G\"\nslug: \"\(slug)\"\n---\nx\n") }
        let suggestion = Slug.make(slug)
        #expect(
            text == """
                content/pages/gioi-thieu.md:3:7: lỗi: slug "\(slug)" chỉ được có chữ thường không dấu (a–z), chữ số và '-'
                slug: "\(slug)"
                      ^
                gợi ý: viết 'slug: \(suggestion)'

                """)
    }

    @Test func theSampleSlugsAreStillFine() {
        #expect(Slug.problem(with: "huong-dan-hien-mau") == nil)
        #expect(Slug.problem(with: "gioi-thieu") == nil)
        #expect(Slug.problem(with: "ca-mau-2020") == nil)
    }
}
