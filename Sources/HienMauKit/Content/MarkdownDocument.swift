/// A write-up's body as HTML, with each figure block (```` ```stats ````,
/// ```` ```chart ````, ```` ```honour-roll ````) and each image replaced by a
/// marker that the page renderer fills in. The Markdown does not depend on the
/// data or on the photos, so it can be rendered before, or beside, the CSV
/// aggregation and the image stage.
public struct MarkdownDocument: Sendable {
    public var html: String
    public var figures: [FigureBlock]
    /// Every image, in document order: marker n is `images[n]`.
    public var images: [ImageUse] = []
    /// Every link, for the check of links to the site's own pages and files.
    public var links: [LinkUse] = []

    public init(html: String, figures: [FigureBlock], images: [ImageUse] = [], links: [LinkUse] = []) {
        self.html = html
        self.figures = figures
        self.images = images
        self.links = links
    }
}

/// An image written in Markdown (`![alt](url "title")`), where it is in the file.
public struct ImageUse: Sendable, Hashable {
    public var url: String
    public var alt: String
    public var title: String?
    public var line: Int
    /// In characters, 1-based.
    public var column: Int
    /// Alone in its paragraph: shown as a `<figure>`.
    public var isFigure: Bool
    /// The figure's caption as HTML: its title, then the credit line that followed it.
    public var captionHTML: String?

    /// The marker left in the HTML where the picture goes.
    public static func marker(_ index: Int) -> String { "<!--hienmau-image:\(index)-->" }
}

/// A link written in Markdown, where it is in the file.
public struct LinkUse: Sendable, Hashable {
    public var url: String
    public var line: Int
    public var column: Int
}

/// A fenced figure block as written: its kind, its YAML options and its line in the file.
public struct FigureBlock: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case stats, chart
        case honourRoll = "honour-roll"
    }

    public var kind: Kind
    public var options: String
    public var line: Int

    /// The marker left in the HTML where the figure goes.
    public static func marker(_ index: Int) -> String { "<!--hienmau-figure:\(index)-->" }

    /// Puts `figures[n]` where marker n is, in one pass over the bytes.
    static func fill(_ html: String, with figures: [[UInt8]]) -> [UInt8] {
        Markers.fill(Array(html.utf8), prefix: "<!--hienmau-figure:", with: figures)
    }
}

/// The markers the Markdown leaves for what is made later (figures, pictures).
enum Markers {
    /// Puts `parts[n]` where marker `prefix` n `-->` is, in one pass over the bytes.
    static func fill(_ bytes: [UInt8], prefix: String, with parts: [[UInt8]]) -> [UInt8] {
        guard !parts.isEmpty else { return bytes }
        let prefix = Array(prefix.utf8), suffix = Array("-->".utf8)
        var out = TextBuffer(capacity: bytes.count + parts.reduce(0) { $0 + $1.count })
        // Text is copied in runs up to each marker.
        var copied = 0, i = 0
        while let open = bytes[i...].firstIndex(of: prefix[0]) {
            i = open + 1
            guard bytes[open...].starts(with: prefix) else { continue }
            var j = open + prefix.count, number = 0
            while j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 && number < 1_000_000 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            guard j > open + prefix.count, bytes[j...].starts(with: suffix), number < parts.count else { continue }
            out.append(bytes: bytes[copied..<open])
            out.append(parts[number])
            copied = j + suffix.count
            i = copied
        }
        out.append(bytes: bytes[copied...])
        return out.bytes
    }
}
