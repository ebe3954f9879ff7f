import Testing

@testable import HienMauKit

/// How Markdown images become figures: an image alone in its paragraph is a
/// figure, captioned by its title and by a short credit line ("Ảnh…") right
/// after it, which leaves the text; any other image stays in its line.
@Suite struct FigureCaptionTests {
    func render(_ text: String) -> MarkdownDocument {
        Markdown.render(text, unsafeHTML: false, basePath: "/", firstLine: 5)
    }

    @Test func anImageAloneWithACreditLineIsAFigure() {
        let document = render("Trước.\n\n![Hàng ghế *xanh*](a.jpg)\n\n*Ảnh: V.N*\n\nSau.\n")
        #expect(document.html == "<p>Trước.</p>\n<!--hienmau-image:0-->\n<p>Sau.</p>\n")
        #expect(
            document.images == [
                ImageUse(
                    url: "a.jpg", alt: "Hàng ghế xanh", title: nil, line: 7, column: 1, isFigure: true,
                    captionHTML: "<span class=\"credit\"><em>Ảnh: V.N</em></span>")
            ])
    }

    @Test func theTitleComesFirstInTheCaption() {
        let document = render("![a](a.jpg \"Cán bộ <xếp> hàng\")\nẢnh V.N\n")
        // The credit is in the same paragraph: the image is not alone, nothing is taken.
        #expect(!document.images[0].isFigure)
        let figure = render("![a](a.jpg \"Cán bộ <xếp> hàng\")\n\nẢnh V.N\n")
        #expect(figure.html == "<!--hienmau-image:0-->\n")
        #expect(figure.images[0].captionHTML == "Cán bộ &lt;xếp&gt; hàng <span class=\"credit\">Ảnh V.N</span>")
    }

    @Test func onlyAShortCreditLineIsTaken() {
        let long = "Ảnh " + String(repeating: "dài ", count: 60)
        for text in ["Ảnh hưởng của đợt dịch rất lớn.", "Ảnhh", long, "Theo ảnh: V.N", "Ảnh ![b](b.jpg)"] {
            let document = render("![a](a.jpg)\n\n\(text)\n")
            #expect(document.images[0].captionHTML == nil, "\(text)")
            #expect(document.html.hasPrefix("<!--hienmau-image:0-->\n<p>"), "\(text)")
        }
        #expect(
            render("![a](a.jpg)\n\nPhoto: V.N\n").images[0].captionHTML == "<span class=\"credit\">Photo: V.N</span>")
        #expect(render("![a](a.jpg)\n\nẢNH: V.N\n").images[0].captionHTML == "<span class=\"credit\">ẢNH: V.N</span>")
    }

    @Test func anImageInALineStaysThereAtItsColumn() {
        let document = render("Dòng một\nvà ảnh ![nhỏ](b.png) ở đây, [liên kết](/gioi-thieu/).\n")
        #expect(
            document.html
                == "<p>Dòng một\nvà ảnh <!--hienmau-image:0--> ở đây, <a href=\"/gioi-thieu/\">liên kết</a>.</p>\n")
        #expect(document.images.map { [$0.line, $0.column] } == [[6, 8]])
        #expect(document.images[0].isFigure == false)
        #expect(document.links == [LinkUse(url: "/gioi-thieu/", line: 6, column: 29)])
    }

    @Test func anImageInALinkIsNotAFigure() {
        let document = render("[![a](a.jpg)](/chien-dich/)\n")
        #expect(document.images.count == 1 && !document.images[0].isFigure)
        #expect(document.html == "<p><a href=\"/chien-dich/\"><!--hienmau-image:0--></a></p>\n")
    }
}
