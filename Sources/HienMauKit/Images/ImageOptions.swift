/// How photos are published: the widths made of each, the encoders'
/// quality, the social card's size. Part of every cache key and of every
/// published name, so that changing one makes new files.
struct ImageOptions: Sendable, Hashable {
    /// Widths in pixels made of every photo, smallest first; a photo
    /// narrower than one of them is not enlarged.
    var widths = [480, 960, 1600]
    var webpQuality = 72
    var jpegQuality = 78
    /// The social card (`og:image`) made from a write-up's cover.
    var card = (width: 1200, height: 630)
    var cardQuality = 82

    static func == (a: ImageOptions, b: ImageOptions) -> Bool { a.summary == b.summary }
    func hash(into hasher: inout Hasher) { hasher.combine(summary) }

    /// Everything that changes the bytes made, as text (the library's version included).
    var summary: String {
        "widths \(widths.map(String.init).joined(separator: ",")) webp \(webpQuality) jpeg \(jpegQuality) "
            + "card \(card.width)x\(card.height) \(cardQuality) libvips \(Vips.version)"
    }

    /// The widths made of a photo `width` pixels wide once upright: each of
    /// `widths` it is wider than, and its own width when it is narrower than
    /// the largest (a width within a tenth of it would only repeat it).
    func widths(upTo width: Int) -> [Int] {
        let largest = widths.last ?? width
        guard width < largest else { return widths }
        return widths.filter { $0 * 10 < width * 9 } + [width]
    }
}
