import Foundation

/// The image stage: every image a build shows, published. A photo is
/// decoded once and written at each width as WebP and JPEG with no metadata,
/// under a name made from its content and the options
/// (`images/<name>-<key>-<width>.webp`), so that a changed photo is never
/// served from a stale copy; a cover also gets its social card. A drawing
/// (SVG) is copied as it is. What was made is kept in the cache and only
/// copied on the next build. Photos are processed one per thread.
struct ImageStage {
    /// Files under `content/images/`, by their path there.
    var available: [String: URL]
    var cache: ImageCache
    var options = ImageOptions()
    var threads: Int
    var contentName: String

    private enum Outcome {
        case published(PublishedImage, key: String, assets: [(path: String, url: URL)], processed: Bool)
        case unreadable
    }

    func run(_ requests: [ImageRequest], diagnostics: inout Diagnostics) -> ImageCatalog {
        let outcomes = Parallel.map(requests, threads: threads, chunk: 1) { publish($0) }
        var catalog = ImageCatalog()
        var keys = Set<String>()
        var failed = false
        for (request, outcome) in zip(requests, outcomes) {
            switch outcome {
            case .published(let image, let key, let assets, let processed):
                catalog.images[request.source] = image
                catalog.assets += assets
                catalog.processed += processed ? 1 : 0
                keys.insert(key)
            case .unreadable:
                failed = true
                for place in request.places {
                    diagnostics.error(
                        place.location,
                        Message(
                            vi: "không đọc được ảnh '\(place.written)' (\(contentName)/images/\(request.source))",
                            en: "cannot read the image '\(place.written)' (\(contentName)/images/\(request.source))"),
                        hint: Message(
                            vi: "tệp bị hỏng hoặc không phải JPEG, PNG, WebP, HEIC hay SVG: mở ảnh và lưu lại",
                            en: "the file is damaged or not a JPEG, PNG, WebP, HEIC or SVG: open it and save it again"),
                        line: place.line)
                }
            }
        }
        // An image left out by a mistake would be made again once it is fixed: prune only whole builds.
        if !failed { cache.prune(keeping: keys) }
        catalog.assets.sort { $0.path < $1.path }
        return catalog
    }

    private func publish(_ request: ImageRequest) -> Outcome {
        guard let url = available["images/" + request.source] else { return .unreadable }
        let read = { () -> [UInt8]? in (try? Data(contentsOf: url)).map { [UInt8]($0) } }
        guard let (hash, known) = cache.hash(of: request.source, at: url, read: read) else { return .unreadable }
        let drawing = ImagePath.kind(of: request.source) == .drawing
        let key = ContentHash("\(hash) \(options.summary)\(request.card ? " card" : "")\(drawing ? " svg" : "")").hex
        let name = Self.publishedName(request.source, key: key)
        let names = { (sizes: [(width: Int, height: Int)]) -> [String] in
            (drawing ? [] : sizes.flatMap { ["\($0.width).webp", "\($0.width).jpg"] })
                + (request.card ? ["card.jpg"] : [])
        }
        if let sizes = cache.sizes(key, files: names) {
            return outcome(request, drawing: drawing, key: key, name: name, sizes: sizes, processed: false)
        }
        guard let bytes = known ?? read() else { return .unreadable }
        var files: [(String, [UInt8])] = []
        var sizes: [(width: Int, height: Int)] = []
        if drawing {
            guard let size = Vips.size(bytes) else { return .unreadable }
            sizes = [size]
            if request.card {
                guard let card = Vips.card(ofDrawing: bytes, options: options) else { return .unreadable }
                files.append(("card.jpg", card))
            }
        } else {
            guard let photo = Vips.photo(bytes, options: options, card: request.card) else { return .unreadable }
            for size in photo.sizes {
                files += [("\(size.width).webp", size.webp), ("\(size.width).jpg", size.jpeg)]
                sizes.append((size.width, size.height))
            }
            if let card = photo.card { files.append(("card.jpg", card)) }
        }
        cache.store(key, sizes: sizes, files: files)
        return outcome(request, drawing: drawing, key: key, name: name, sizes: sizes, processed: true)
    }

    private func outcome(
        _ request: ImageRequest, drawing: Bool, key: String, name: String,
        sizes: [(width: Int, height: Int)], processed: Bool
    ) -> Outcome {
        let entry = cache.entry(key)
        var assets: [(path: String, url: URL)] = []
        var image = PublishedImage(
            source: request.source, sizes: [], drawing: nil,
            width: sizes.last?.width ?? 0, height: sizes.last?.height ?? 0, card: nil)
        if drawing {
            image.drawing = "images/" + request.source
        } else {
            for size in sizes {
                let webp = "\(name)-\(size.width).webp", jpeg = "\(name)-\(size.width).jpg"
                image.sizes.append(.init(width: size.width, height: size.height, webp: webp, jpeg: jpeg))
                assets += [
                    (webp, entry.appendingPathComponent("\(size.width).webp")),
                    (jpeg, entry.appendingPathComponent("\(size.width).jpg")),
                ]
            }
        }
        if request.card {
            image.card = "\(name)-card.jpg"
            assets.append((image.card!, entry.appendingPathComponent("card.jpg")))
        }
        return .published(image, key: key, assets: assets, processed: processed)
    }

    /// `images/<folders>/<name>-<key>`: each part of the path as a slug, so
    /// that links need no escaping, and the first ten digits of the key.
    static func publishedName(_ source: String, key: String) -> String {
        var parts = source.split(separator: "/").map(String.init)
        let file = parts.removeLast()
        let stem = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
        let folders = parts.map { Slug.make($0).isEmpty ? "anh" : Slug.make($0) }
        let slug = Slug.make(stem).isEmpty ? "anh" : Slug.make(stem)
        return (["images"] + folders + ["\(slug)-\(key.prefix(10))"]).joined(separator: "/")
    }
}
