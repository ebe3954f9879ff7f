import Foundation

/// Everything the build reads from disk, read in one place. Paths in messages
/// are relative to the folder that holds `content/`, so they read
/// `content/data/donations.csv` on every machine.
public struct SiteFiles: Sendable {
    public var config: SourceFile?
    public var campaigns: [SourceFile]
    public var pages: [SourceFile]
    public var templates: [SourceFile]
    /// Relative output path → source file, copied as they are (images, stylesheet).
    public var assets: [(path: String, url: URL)]
    public var donationsURL: URL
    public var donationsPath: String
    public var honours: (path: String, bytes: [UInt8])?
    public var contentName: String
    public var templatesName: String
    /// Images and static files that are links or special files refused by
    /// `RegularFile` (already reported), by output path: a `cover:` naming one is an error at its line.
    var refusedAssets: [String: Message] = [:]
    /// donations.csv is a link out of its folder or a special file (already reported): it is not read.
    var donationsRefused = false
    /// Where `honours` was read from: a workbook (`honours.xlsx`, `.ods`) is read from its file.
    var honoursURL: URL?

    /// Reads `content/` and `templates/`; unreadable files become diagnostics.
    /// A missing `templates/` is an error only when `requiringTemplates`
    /// (named with `--templates`); otherwise the built-in theme serves alone.
    public static func load(
        content: URL, templates: URL, requiringTemplates: Bool = false,
        diagnostics: inout Diagnostics
    ) -> SiteFiles {
        let cache = TextCache()
        return load(
            content: content, templates: templates, requiringTemplates: requiringTemplates, cache: cache,
            diagnostics: &diagnostics)
    }

    /// With a cache kept between builds (serve), files whose modification time
    /// and size did not change are not read again.
    static func load(
        content: URL, templates: URL, requiringTemplates: Bool = false, cache: TextCache,
        diagnostics: inout Diagnostics
    ) -> SiteFiles {
        var loader = SiteLoader(content: content, templates: templates, cache: cache)
        let config = loader.config()
        let templateFiles = loader.templateFiles(required: requiringTemplates)
        let (assets, refusedAssets) = loader.assets()
        let campaigns = loader.markdownFiles("campaigns"), pages = loader.markdownFiles("pages")
        let data = content.appendingPathComponent("data"), dataName = "\(loader.contentName)/data"
        let honoursName = honoursFile(data: data, dataName: dataName, diagnostics: &loader.diagnostics)
        let honoursURL = loader.checked(data, dataName, honoursName)
        let honours = honoursURL.flatMap { FileManager.default.contents(atPath: $0.path) }
            .map { ("\(dataName)/\(honoursName)", [UInt8]($0)) }
        let problemsBefore = loader.diagnostics.errorCount
        let records = donationsFile(content: content, contentName: loader.contentName, diagnostics: &loader.diagnostics)
        let name = String(records.dropFirst("data/".count))
        let donations = loader.checked(data, dataName, name)
        var files = SiteFiles(
            config: config, campaigns: campaigns, pages: pages,
            templates: templateFiles, assets: assets, donationsURL: donations ?? data.appendingPathComponent(name),
            donationsPath: "\(dataName)/\(name)", honours: honours,
            contentName: loader.contentName, templatesName: loader.templatesName)
        files.refusedAssets = refusedAssets
        files.honoursURL = honoursURL
        files.donationsRefused = loader.diagnostics.errorCount > problemsBefore
        diagnostics.append(contentsOf: loader.diagnostics)
        return files
    }

    /// `data/donations.xlsx` or `data/donations.ods` when the site keeps its
    /// records in a workbook, `data/donations.csv` otherwise; two at once is
    /// an error, since either could be the one the figures should come from.
    static func donationsFile(content: URL, contentName: String, diagnostics: inout Diagnostics) -> String {
        let csv = "data/donations.csv"
        let present = [csv, "data/donations.xlsx", "data/donations.ods"].filter {
            FileManager.default.fileExists(atPath: content.appendingPathComponent($0).path)
        }
        if present.count > 1 {
            diagnostics.append(twoSources(present.map { "\(contentName)/\($0)" }, awards: false))
        }
        return present.last { $0 != csv } ?? csv
    }

    /// `honours.csv`, `honours.xlsx` or `honours.ods` (the name looked for
    /// when none is there); two at once is an error, as for the records.
    static func honoursFile(data: URL, dataName: String, diagnostics: inout Diagnostics) -> String {
        let present = ["honours.csv", "honours.xlsx", "honours.ods"].filter {
            FileManager.default.fileExists(atPath: data.appendingPathComponent($0).path)
        }
        if present.count > 1 {
            diagnostics.append(twoSources(present.map { "\(dataName)/\($0)" }, awards: true))
        }
        return present.last ?? "honours.csv"
    }

    /// Both (or all three) of the files that could hold the same records, or awards: an error at the last.
    static func twoSources(_ paths: [String], awards: Bool) -> Diagnostic {
        let vi = paths.dropLast().joined(separator: ", ") + " và " + paths.last!
        let en = paths.dropLast().joined(separator: ", ") + " and " + paths.last!
        return Diagnostic(
            .error, at: SourceLocation(file: paths.last!),
            Message(
                vi: "có cả \(vi): không biết \(awards ? "danh sách khen thưởng" : "số liệu") lấy từ tệp nào",
                en:
                    "\(paths.count == 2 ? "both" : "all of") \(en) are there: which one holds the \(awards ? "awards" : "records")?"
            ),
            hint: paths.count == 2
                ? Message(
                    vi: "giữ lại một tệp và xoá (hoặc đổi tên) tệp kia", en: "keep one and delete (or rename) the other"
                )
                : Message(
                    vi: "giữ lại một tệp và xoá (hoặc đổi tên) các tệp kia",
                    en: "keep one and delete (or rename) the others"))
    }

    /// A text file, or a diagnostic when its bytes are not UTF-8.
    static func readText(_ url: URL, _ path: String, diagnostics: inout Diagnostics) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            // Say why: a write-up that cannot be read must not just be missing from the site.
            let fd = open(url.path, O_RDONLY | O_CLOEXEC)
            let cause = Errno.text(fd < 0 ? errno : EIO)
            if fd >= 0 { close(fd) }
            diagnostics.error(
                SourceLocation(file: path),
                Message(vi: "không đọc được tệp: \(cause.vi)", en: "the file cannot be read: \(cause.en)"))
            return nil
        }
        guard let string = String(validating: data, as: UTF8.self) else {
            diagnostics.error(
                SourceLocation(file: path, line: 1, column: 1),
                Message(vi: "tệp không phải UTF-8", en: "the file is not UTF-8"),
                hint: Message(vi: "lưu lại tệp với bảng mã UTF-8", en: "save the file again as UTF-8"))
            return nil
        }
        return SourceFile(path: path, text: string)
    }

    /// File names in a folder, sorted so that file-system order never matters.
    static func list(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every regular file under `folder`, as sorted relative paths.
    static func walk(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }
}

/// Text files already read, by path, with the modification time and size they had.
final class TextCache: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: (modified: Double, size: Int, file: SourceFile)] = [:]

    func read(_ url: URL, _ path: String, diagnostics: inout Diagnostics) -> SourceFile? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        let size = Int(status.st_size)
        if let known = lock.withLock({ files[url.path] }), known.modified == modified, known.size == size {
            return known.file
        }
        guard let file = SiteFiles.readText(url, path, diagnostics: &diagnostics) else { return nil }
        lock.withLock { files[url.path] = (modified, size, file) }
        return file
    }
}
