import Foundation

/// An image of the site as pages show it: the files made of a photo, or a
/// drawing copied as it is. Paths are under the output folder (`images/…`).
public struct PublishedImage: Sendable, Hashable {
    /// One width of a photo, as WebP and as JPEG.
    public struct Size: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var webp: String
        public var jpeg: String
    }

    /// The file's path under `content/images/`.
    public var source: String
    /// Smallest first; empty for a drawing.
    public var sizes: [Size]
    /// A drawing (SVG): its path, copied as it is.
    public var drawing: String?
    /// The largest size's width and height (a drawing's own).
    public var width: Int
    public var height: Int
    /// The social card made of a cover: a JPEG of `ImageOptions.card`'s size.
    public var card: String?

    public var isDrawing: Bool { drawing != nil }
}

/// Where each image of a build is published, the files to copy for them,
/// and what the stage did.
public struct ImageCatalog: Sendable {
    /// By path under `content/images/`.
    public var images: [String: PublishedImage] = [:]
    /// Output path → file in the cache (or the drawing itself), copied by the write stage.
    public var assets: [(path: String, url: URL)] = []
    /// How many images were decoded and encoded (the others came from the cache).
    public var processed = 0
}
