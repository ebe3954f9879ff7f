/// Where an image written in a write-up, a page or `cover:` is: a file under
/// `content/images/`. `a.jpg`, `images/a.jpg`, `/images/a.jpg` and
/// `../images/a.jpg` (the path from `content/campaigns/`, which editors and
/// Markdown previewers follow) all mean `content/images/a.jpg`.
public enum ImagePath {
    /// The path under `content/images/`, or nil for an image elsewhere (a
    /// URL with a scheme, `//host/…`, `data:`) or a path that leaves the folder.
    public static func resolve(_ written: String) -> String? {
        var path = Substring(written.trimmed)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if path.hasPrefix("//") || path.contains(":") || path.isEmpty { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map { percentDecoded(String($0)) }
        while parts.first == "." || parts.first == ".." { parts.removeFirst() }
        if parts.first == "images" { parts.removeFirst() }
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else {
            return nil
        }
        return parts.joined(separator: "/")
    }

    /// What kind of file a path under `content/images/` is, from its extension.
    public enum Kind: Sendable {
        /// Decoded and published as resized WebP and JPEG files.
        case photo
        /// Copied as it is.
        case drawing
        /// Neither: not shown as an image.
        case other
    }

    public static let photoExtensions: Set<String> = [
        "jpg", "jpeg", "png", "webp", "heic", "heif", "avif", "tif", "tiff", "gif",
    ]

    public static func kind(of path: String) -> Kind {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard path.contains(".") else { return .other }
        if photoExtensions.contains(ext) { return .photo }
        return ext == "svg" ? .drawing : .other
    }

    /// `%20` and the like turned back into the characters they stand for.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
                let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
