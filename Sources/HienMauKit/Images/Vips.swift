internal import CVips
import Foundation

/// The one file that talks to libvips (through the calls of CVips' shim.h).
/// Nothing of libvips' types leaves it; every image is released with `defer`.
enum Vips {
    /// One width of a photo, encoded twice, with no metadata at all.
    struct Encoded: Sendable {
        var width: Int
        var height: Int
        var webp: [UInt8]
        var jpeg: [UInt8]
    }

    /// A photo's widths, and its social card when one was asked for.
    struct Photo: Sendable {
        var sizes: [Encoded]
        var card: [UInt8]?
    }

    /// libvips' version, e.g. `8.14.1`: the headers', so that a build
    /// whose photos all come from the cache never starts libvips.
    static let version = "\(VIPS_MAJOR_VERSION).\(VIPS_MINOR_VERSION).\(VIPS_MICRO_VERSION)"

    /// Decodes `bytes` once, at the largest width wanted (JPEG, WebP and HEIC
    /// shrink while they decode), turned upright and in sRGB, then makes each
    /// width from that and encodes it as WebP and JPEG. Nil when libvips
    /// cannot read the file or it is cut short.
    static func photo(_ bytes: [UInt8], options: ImageOptions, card: Bool) -> Photo? {
        started
        return bytes.withUnsafeBytes { raw -> Photo? in
            guard let decoded = hienmau_thumbnail(raw.baseAddress, raw.count, Int32(options.widths.last ?? 1600)) else {
                return failed()
            }
            defer { unref(decoded) }
            // Held in memory, without the file's metadata: each width, and the card, is made from these pixels.
            guard let largest = hienmau_pixels(decoded) else { return failed() }
            defer { unref(largest) }
            var sizes: [Encoded] = []
            for width in options.widths(upTo: Int(vips_image_get_width(largest))) {
                guard let size = encoded(largest, width: width, options: options) else { return failed() }
                sizes.append(size)
            }
            guard card else { return Photo(sizes: sizes, card: nil) }
            guard let cardImage = hienmau_resize(largest, Int32(options.card.width), Int32(options.card.height), 1)
            else {
                return failed()
            }
            defer { unref(cardImage) }
            return Photo(
                sizes: sizes,
                card: save(cardImage) { hienmau_jpeg($0, Int32(options.cardQuality), $1, $2) }
                    .flatMap(MetadataStrip.jpeg))
        }
    }

    /// A drawing's size in pixels (an SVG's own width and height), or nil
    /// when libvips cannot read it.
    static func size(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        started
        return bytes.withUnsafeBytes { raw -> (Int, Int)? in
            guard let image = hienmau_open(raw.baseAddress, raw.count) else { return failed() }
            defer { unref(image) }
            return (Int(vips_image_get_width(image)), Int(vips_image_get_height(image)))
        }
    }

    /// The social card of a drawing: rendered, then cropped to the card's shape.
    static func card(ofDrawing bytes: [UInt8], options: ImageOptions) -> [UInt8]? {
        started
        return bytes.withUnsafeBytes { raw -> [UInt8]? in
            guard let drawn = hienmau_thumbnail(raw.baseAddress, raw.count, Int32(options.card.width)) else {
                return failed()
            }
            defer { unref(drawn) }
            guard let image = hienmau_pixels(drawn) else { return failed() }
            defer { unref(image) }
            guard let card = hienmau_resize(image, Int32(options.card.width), Int32(options.card.height), 1) else {
                return failed()
            }
            defer { unref(card) }
            return save(card) { hienmau_jpeg($0, Int32(options.cardQuality), $1, $2) }.flatMap(MetadataStrip.jpeg)
        }
    }

    /// The pixel at `x`, `y` of an encoded image, one value per band: how
    /// tests read back what was published.
    static func pixel(_ bytes: [UInt8], x: Int, y: Int) -> [Double]? {
        started
        var values = [Double](repeating: 0, count: 4)
        let count = bytes.withUnsafeBytes { raw in
            values.withUnsafeMutableBufferPointer {
                hienmau_pixel(raw.baseAddress, raw.count, Int32(x), Int32(y), $0.baseAddress, 4)
            }
        }
        return count > 0 ? Array(values.prefix(Int(count))) : failed()
    }

    private static func encoded(_ largest: UnsafeMutablePointer<VipsImage>, width: Int, options: ImageOptions)
        -> Encoded?
    {
        let image: UnsafeMutablePointer<VipsImage>
        if width == Int(vips_image_get_width(largest)) {
            g_object_ref(largest)
            image = largest
        } else {
            guard let resized = hienmau_resize(largest, Int32(width), VIPS_MAX_COORD, 0) else { return nil }
            image = resized
        }
        defer { unref(image) }
        // Made once, then encoded twice.
        guard let pixels = hienmau_pixels(image) else { return nil }
        defer { unref(pixels) }
        guard
            let webp = save(pixels, { hienmau_webp($0, Int32(options.webpQuality), $1, $2) }).flatMap(
                MetadataStrip.webp),
            let jpeg = save(pixels, { hienmau_jpeg($0, Int32(options.jpegQuality), $1, $2) }).flatMap(
                MetadataStrip.jpeg)
        else { return nil }
        return Encoded(
            width: Int(vips_image_get_width(pixels)), height: Int(vips_image_get_height(pixels)),
            webp: webp, jpeg: jpeg)
    }

    private typealias Saver = (
        UnsafeMutablePointer<VipsImage>, UnsafeMutablePointer<UnsafeMutableRawPointer?>,
        UnsafeMutablePointer<Int>
    ) -> Int32

    private static func save(_ image: UnsafeMutablePointer<VipsImage>, _ saver: Saver) -> [UInt8]? {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard saver(image, &buffer, &length) == 0, let buffer else { return failed() }
        defer { g_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    private static func unref(_ image: UnsafeMutablePointer<VipsImage>) {
        g_object_unref(UnsafeMutableRawPointer(image))
    }

    /// libvips keeps its messages in one buffer for all threads: they are
    /// dropped, and the caller says in its own words which file failed.
    private static func failed<T>() -> T? {
        vips_error_clear()
        return nil
    }

    /// Starts libvips once. Photos are processed one per thread (see
    /// `ImageStage`), so libvips' own thread pool is kept to one thread, and
    /// its operation cache, which would only hold on to pixels, is off.
    /// Its warnings (on stderr, from any thread) are turned off: what a
    /// content author needs to know is said by the image stage's messages.
    private static let started: Void = {
        setenv("VIPS_WARNING", "0", 0)
        _ = vips_init("hienmau")
        vips_concurrency_set(1)
        vips_cache_set_max(0)
        vips_cache_set_max_mem(0)
    }()
}
