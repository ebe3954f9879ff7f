import Foundation

/// Maps a request path of the preview server to a file of the output folder.
/// Anything that would reach outside the folder, in any spelling, maps to
/// nothing and is answered with 404.
public enum PreviewPath {
    /// `rawPath` is the path as sent, still percent-encoded.
    public static func resolve(_ rawPath: String, root: URL) -> URL? {
        guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/"),
            !decoded.contains("\0"), !decoded.contains("\\"), !decoded.contains("%")
        else { return nil }
        let segments = decoded.split(separator: "/")
        // `..` and `.` never; hidden files (the marker, staging folders) are not part of the site.
        if segments.contains(where: { $0 == ".." || $0.hasPrefix(".") }) { return nil }
        var candidate = root.standardizedFileURL
        for segment in segments { candidate.appendPathComponent(String(segment)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            candidate.appendPathComponent("index.html")
        }
        // Symbolic links are followed, and must still end inside the folder.
        let real = candidate.resolvingSymlinksInPath().path
        let top = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard real.hasPrefix(top + "/") else { return nil }
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return URL(fileURLWithPath: real)
    }

    public static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        default: return "application/octet-stream"
        }
    }
}
