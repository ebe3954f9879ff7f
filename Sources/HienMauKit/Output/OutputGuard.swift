import Foundation

/// Decides whether a folder may be replaced by a build: only one that is
/// missing, empty, or marked as written by hienmau, and never the project,
/// `content/` or `templates/`.
public enum OutputGuard {
    /// The file every output folder carries; its presence means "hienmau wrote this".
    public static let markerName = ".hienmau-output"

    public static func problem(output: URL, content: URL, templates: URL, workingDirectory: URL) -> Message? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [content, templates, workingDirectory].map {
            $0.standardizedFileURL.resolvingSymlinksInPath().path
        }
        for folder in protected {
            if out == folder || folder.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
                return Message(
                    vi: "thư mục đầu ra \(output.path) chứa hoặc trùng với \(folder); hienmau không ghi đè lên đó",
                    en: "output folder \(output.path) is or contains \(folder); hienmau will not replace it")
            }
        }
        if out == "/" || out == FileManager.default.homeDirectoryForCurrentUser.path {
            return Message(vi: "không thể dùng \(out) làm thư mục đầu ra", en: "\(out) cannot be the output folder")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return Message(
                vi: "\(output.path) là một tệp, không phải thư mục", en: "\(output.path) is a file, not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if entries.isEmpty || entries.contains(markerName) { return nil }
        return Message(
            vi: "thư mục \(output.path) có tệp không do hienmau tạo ra (không có \(markerName)); không ghi đè",
            en: "folder \(output.path) holds files hienmau did not write (no \(markerName)); refusing to replace it")
    }

    /// The folder to build into for `output`, shown as `shown`: `output`
    /// itself, or the folder a symbolic link `output` points to (the site is
    /// swapped in there, and the link stays a link). A link to nothing or
    /// to a file is refused.
    public static func resolve(_ output: URL, shown: String) -> Result<URL, Message> {
        var status = stat()
        guard lstat(output.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return .success(output) }
        let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)) ?? "?"
        var target = stat()
        guard let real = realpath(output.path, nil), stat(output.path, &target) == 0 else {
            return .failure(
                Message(
                    vi: "\(shown) là liên kết tượng trưng tới \(written), nơi không có thư mục nào",
                    en: "\(shown) is a symbolic link to \(written), where there is no folder"))
        }
        defer { free(real) }
        guard target.st_mode & S_IFMT == S_IFDIR else {
            return .failure(
                Message(
                    vi: "\(shown) là liên kết tượng trưng tới \(written), không phải một thư mục",
                    en: "\(shown) is a symbolic link to \(written), which is not a folder"))
        }
        return .success(URL(fileURLWithPath: String(cString: real)))
    }
}
