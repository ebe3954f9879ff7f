import Foundation
import Testing

@testable import HienMauKit

/// A right-to-left override in a name would show it reversed on a page
/// (or make one name read as another): bidi embeddings, overrides and
/// isolates never reach a page or a CSV download as they are.
@Suite struct BidiTests {
    static let controls: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ]

    @Test func escapingForPagesDropsThem() {
        #expect(Escape.html("Nguy\u{202E}ễn An\u{202C}") == "Nguyễn An")
        #expect(Escape.html("\u{2067}A & B\u{2069}") == "A &amp; B")
        // Other characters of the same first byte stay: dashes, quotes, the ellipsis.
        #expect(Escape.html("“Giọt máu” – 2023…") == "“Giọt máu” – 2023…")
        #expect(Escape.csvCell("\u{202E}An") == "An")
    }

    @Test func noPageNorDownloadHoldsOne() throws {
        let site = MiniSite()
        site.write(
            "content/campaigns/hn.md",
            MiniSite.campaign
                .replacing(
                    "title: \"Giọt máu nghĩa tình\"",
                    with: "title: \"Giọt máu \u{202E}hnìt aĩhgn\u{202C}\"\norganizer: \"\u{2067}Công an\u{2069}\""))
        site.write(
            "content/data/donations.csv",
            MiniSite.header
                + "hn-2023,2023-08-04,Trụ sở \u{202E}A,Nguyễn Văn An,A1,Phòng \u{202D}1,350,O+,4,yes\n")
        let result = site.generate()
        #expect(result.succeeded, "\(result.diagnostics.items)")
        #expect(result.files.count > 10)
        for file in result.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains(where: { Self.controls.contains($0) }), "\(file.path)")
        }
        let page = try #require(
            result.files.first { $0.path.hasPrefix("chien-dich/") && $0.path != "chien-dich/index.html" })
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("Giọt máu hnìt aĩhgn"))
        let json = try #require(result.files.first { $0.path == "data/campaigns.json" })
        #expect(String(decoding: json.bytes, as: UTF8.self).contains("Giọt máu \\u202ehnìt aĩhgn\\u202c"))
    }
}
