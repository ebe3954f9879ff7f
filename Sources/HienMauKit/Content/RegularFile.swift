import Foundation

/// What the build may read or publish from `content/` and `templates/`:
/// regular files only. A symbolic link is followed only when its target is
/// a regular file inside the folder it was found in, and then the target is
/// what is read or copied, never the link: `public/` must not hold a link
/// that an upload step (which archives with `--dereference`) would replace
/// by `/etc/passwd` or the private `donations.csv`. FIFOs, sockets and
/// devices are refused: reading a FIFO would wait for ever.
enum RegularFile {
    /// Why an entry cannot be used, as a message about the file.
    struct Refusal: Error {
        var message: Message
        var hint: Message?

        func diagnostic(_ path: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: path), message, hint: hint)
        }
    }

    /// The file to read for `url`, found in `folder` (shown as `folderName`
    /// in messages): `url` itself, or the target of a link that stays inside.
    static func resolve(_ url: URL, in folder: URL, folderName: String) -> Result<URL, Refusal> {
        var status = stat()
        guard lstat(url.path, &status) == 0 else {
            return .failure(
                Refusal(
                    message: Message(
                        vi: "không đọc được tệp (\(Errno.text(errno).vi))",
                        en: "the file cannot be read (\(Errno.text(errno).en))")))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return .success(url)
        case S_IFLNK:
            return followLink(url, in: folder, folderName: folderName)
        default:
            return .failure(special(status.st_mode))
        }
    }

    private static func followLink(_ url: URL, in folder: URL, folderName: String) -> Result<URL, Refusal> {
        let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
        guard let target = realPath(url.path) else {
            return .failure(
                Refusal(
                    message: Message(
                        vi: "liên kết tượng trưng trỏ tới \(written), nơi không có tệp nào",
                        en: "symbolic link to \(written), where there is no file"),
                    hint: Message(
                        vi: "xoá liên kết, hoặc đặt chính tệp vào đây",
                        en: "remove the link, or put the file itself here")))
        }
        let top = realPath(folder.path) ?? folder.path
        guard target.hasPrefix(top + "/") else {
            return .failure(
                Refusal(
                    message: Message(
                        vi: "liên kết tượng trưng trỏ ra ngoài \(folderName) (tới \(written)); không xuất bản",
                        en: "symbolic link points out of \(folderName) (to \(written)); not published"),
                    hint: Message(
                        vi: "đặt chính tệp vào \(folderName) thay cho liên kết (cp --dereference), hoặc xoá liên kết",
                        en:
                            "put the file itself in \(folderName) instead of the link (cp --dereference), or remove the link"
                    )))
        }
        var status = stat()
        guard stat(target, &status) == 0 else {
            return .failure(Refusal(message: Message(vi: "không đọc được tệp", en: "the file cannot be read")))
        }
        if status.st_mode & S_IFMT == S_IFREG { return .success(URL(fileURLWithPath: target)) }
        if status.st_mode & S_IFMT == S_IFDIR {
            return .failure(
                Refusal(
                    message: Message(
                        vi: "liên kết tượng trưng tới một thư mục không được theo",
                        en: "a symbolic link to a folder is not followed"),
                    hint: Message(
                        vi: "đặt chính thư mục vào đây thay cho liên kết",
                        en: "put the folder itself here instead of the link")))
        }
        return .failure(special(status.st_mode))
    }

    private static func special(_ mode: mode_t) -> Refusal {
        let kind: Message
        switch mode & S_IFMT {
        case S_IFIFO: kind = Message(vi: "FIFO", en: "FIFO")
        case S_IFSOCK: kind = Message(vi: "socket", en: "socket")
        case S_IFCHR, S_IFBLK: kind = Message(vi: "thiết bị", en: "device")
        case S_IFDIR: kind = Message(vi: "thư mục", en: "folder")
        default: kind = Message(vi: "?", en: "?")
        }
        return Refusal(
            message: Message(
                vi: "không phải tệp thường (\(kind.vi)); chỉ tệp thường được xuất bản",
                en: "not a regular file (\(kind.en)); only regular files are published"))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every file under `folder`, as sorted relative paths with the file to
    /// copy for each; hidden names are skipped, links are not descended.
    /// Entries that cannot be published become errors at their path.
    static func walk(_ folder: URL, folderName: String, diagnostics: inout Diagnostics) -> [(path: String, url: URL)] {
        var out: [(String, URL)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let here = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: here.path)) ?? []
            where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let url = here.appendingPathComponent(name)
                var status = stat()
                if lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path)
                    continue
                }
                switch resolve(url, in: folder, folderName: folderName) {
                case .success(let file): out.append((path, file))
                case .failure(let refusal): diagnostics.append(refusal.diagnostic(folderName + "/" + path))
                }
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
