import Foundation
import Testing

@testable import HienMauKit

/// The plain YAML reader must read whatever it accepts exactly as Yams does
/// (values, quoting, lines and columns), and decline everything else.
@Suite struct PlainYAMLTests {
    /// The YAML between the fences of a write-up.
    func frontMatter(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let closing = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })!
        return lines[1..<closing].joined(separator: "\n")
    }

    func agreesWithYams(_ yaml: String) throws -> Bool {
        guard let plain = PlainYAML.read(yaml) else { return false }
        #expect(plain == (try YAMLValue.withYams(yaml)), "\(yaml)")
        return true
    }

    @Test func theSampleSiteIsReadWithoutYamsAndAsYamsReadsIt() throws {
        var files: [URL] = []
        for folder in ["campaigns", "pages"] {
            let url = Repo.content.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "md" }
        }
        #expect(files.count >= 3)
        for file in files {
            let yaml = frontMatter(try String(contentsOf: file, encoding: .utf8))
            #expect(try agreesWithYams(yaml), "\(file.lastPathComponent) should take the plain path")
        }
        // site.yml writes its milestones as a flow list, [5, 10, …]: Yams reads it.
        #expect(
            PlainYAML.read(try String(contentsOf: Repo.content.appendingPathComponent("site.yml"), encoding: .utf8))
                == nil)
    }

    @Test func usualFormsAgree() throws {
        let accepted = [
            "title: \"Giọt máu nghĩa tình – Hà Nội 2023\"\ncampaign: hn-2023\ndate: 2023-08-05\ntarget_units: 1200",
            "hospitals:\n  - \"Viện Huyết học – Truyền máu Trung ương\"\n  - Bệnh viện 108\nsummary: Ngắn",
            "hospitals:\n- a\n- b\n",
            "draft: yes\nlocation: Cà Mau   \n\n# a comment line\norganizer:    Tỉnh đoàn",
            "empty:\nnext: 1",
            "empty:",
            "empty:   \nnext: 1",
            "empty:\n\nnext: 1",
            "list:\n  - a\n\n  - b\nnext: 1",
            "list:   \n    - a\n    - b",
            "tilde: ~\nnull_word: null\nquoted_number: \"10\"\nnegative_in_text: a-5",
            "url: https://example.org/a?b=c#frag\ntime: 10:30\nsharp: C#",
            "by: site",
            "min: 20",
        ]
        for yaml in accepted {
            #expect(try agreesWithYams(yaml), "should take the plain path:\n\(yaml)")
        }
    }

    @Test func otherFormsAreLeftToYams() {
        let declined = [
            "title: 'single quoted'",
            "title: \"with \\\"escape\\\"\"",
            "title: a: b",
            "title: a # comment",
            "title: \"quoted\" # comment",
            "title: |\n  block",
            "title: >\n  folded",
            "list: [a, b]",
            "map: {a: 1}",
            "nested:\n  key: value",
            "title: first\ntitle: again",
            "title:\tvalue",
            "title: value\r\ndate: 2023-01-01",
            "anchor: &a x\nref: *a",
            "title: multi\n  line",
            "- a\n- b",
            "\"quoted key\": x",
            "key:value",
            "tag: !custom x",
            "---\ntitle: x",
            "",
            // Control characters, NEL, LS, PS and a byte-order mark: YAML has rules for each
            // (the first was found by the fuzzer, with a NUL inside a quoted value).
            "organizer: \"Công an T\u{0}hành phố\"",
            "title: a\u{7F}b",
            "title: a\u{85}b",
            "title: a\u{2028}b",
            "title: a\u{FEFF}b",
            "title: a\u{9C}b",
            String(repeating: "k", count: 1_100) + ": v",
        ]
        for yaml in declined {
            #expect(PlainYAML.read(yaml) == nil, "should be left to Yams:\n\(yaml)")
        }
    }

    @Test func errorsStillComeFromYamsWithTheirPlace() throws {
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "content/campaigns/x.md", text: "---\ntitle: \"Hà Nội\ncampaign: x\n---\nBody\n")
        #expect(FrontMatter.parse(file, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.items.first?.location.line == 2)
    }
}
