/// The markup of the images of a page. A photo is a `<picture>`: WebP
/// widths, then the JPEG ones for browsers without WebP, each with `sizes`
/// saying how wide the column is, so that a phone takes the small file and
/// a wide screen the large one; `width` and `height` keep its place while it
/// loads. Every image but the first of a page loads when it comes near the
/// screen (`loading="lazy"`) and is decoded off the main thread.
struct PictureHTML {
    var paths: SitePaths
    var images: [String: PublishedImage]

    /// The text column's width (`.prose`, 46rem, within 1rem of margin on each side).
    static let sizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"

    /// The pictures of `document`'s images, marker by marker; the first is
    /// loaded at once when `eagerFirst` (a page without a cover).
    func parts(_ document: MarkdownDocument, eagerFirst: Bool) -> [[UInt8]] {
        document.images.enumerated().map { index, use in
            let eager = eagerFirst && index == 0
            let image = ImagePath.resolve(use.url).flatMap { images[$0] }
            let markup =
                image.map { picture($0, alt: use.alt, title: use.isFigure ? nil : use.title, eager: eager) }
                ?? plain(use, eager: eager)
            guard use.isFigure else { return Array(markup.utf8) }
            let caption = use.captionHTML.map { "<figcaption>\($0)</figcaption>" } ?? ""
            return Array("<figure class=\"photo\">\(markup)\(caption)</figure>".utf8)
        }
    }

    /// A published image, with `className` on its `<img>`.
    func picture(_ image: PublishedImage, alt: String, title: String? = nil, eager: Bool, className: String? = nil)
        -> String
    {
        var attributes = " width=\"\(image.width)\" height=\"\(image.height)\" alt=\"\(Escape.html(alt))\""
        if let title { attributes += " title=\"\(Escape.html(title))\"" }
        if let className { attributes += " class=\"\(className)\"" }
        if !eager { attributes += " loading=\"lazy\" decoding=\"async\"" }
        if let drawing = image.drawing {
            return "<img src=\"\(Escape.html(url(drawing)))\"\(attributes)>"
        }
        let webp = image.sizes.map { "\(url($0.webp)) \($0.width)w" }.joined(separator: ", ")
        let jpeg = image.sizes.map { "\(url($0.jpeg)) \($0.width)w" }.joined(separator: ", ")
        let fallback = image.sizes.first { $0.width >= 960 } ?? image.sizes.last
        return "<picture><source type=\"image/webp\" srcset=\"\(webp)\" sizes=\"\(Self.sizes)\">"
            + "<img src=\"\(fallback.map { url($0.jpeg) } ?? "")\" srcset=\"\(jpeg)\" sizes=\"\(Self.sizes)\"\(attributes)></picture>"
    }

    /// An image from elsewhere (a URL with its host), shown as it is.
    private func plain(_ use: ImageUse, eager: Bool) -> String {
        var attributes = " alt=\"\(Escape.html(use.alt))\""
        if let title = use.title, !use.isFigure { attributes += " title=\"\(Escape.html(title))\"" }
        if !eager { attributes += " loading=\"lazy\" decoding=\"async\"" }
        return "<img src=\"\(Escape.html(use.url))\"\(attributes)>"
    }

    /// The link of a published file: under the base path, every byte but
    /// letters, digits, `-._~/` percent-encoded (a drawing keeps its own name).
    func url(_ path: String) -> String {
        var out = paths.base
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
