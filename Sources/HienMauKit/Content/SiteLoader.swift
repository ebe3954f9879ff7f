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

    /// Reads `content/` and `templates/`; unreadable files become diagnostics.
    /// A missing `templates/` is an error only when `requiringTemplates`
    /// (named with `--templates`); otherwise the built-in theme serves alone.
    public static func load(content: URL, templates: URL, requiringTemplates: Bool = false,
                            diagnostics: inout Diagnostics) -> SiteFiles {
        let cache = TextCache()
        return load(content: content, templates: templates, requiringTemplates: requiringTemplates, cache: cache,
                    diagnostics: &diagnostics)
    }

    /// With a cache kept between builds (serve), files whose modification time
    /// and size did not change are not read again.
    static func load(content: URL, templates: URL, requiringTemplates: Bool = false, cache: TextCache,
                     diagnostics: inout Diagnostics) -> SiteFiles {
        let contentName = content.standardizedFileURL.lastPathComponent
        let templatesName = templates.standardizedFileURL.lastPathComponent
        func text(_ url: URL, _ path: String) -> SourceFile? {
            cache.read(url, path, diagnostics: &diagnostics)
        }
        func markdownFiles(_ folder: String) -> [SourceFile] {
            // Read on every core: thousands of write-ups, each decoded and normalized on its own.
            let names = list(content.appendingPathComponent(folder)).filter { $0.hasSuffix(".md") }
            let read = Parallel.map(names, threads: ProcessInfo.processInfo.activeProcessorCount) { name in
                var local = Diagnostics()
                let file = cache.read(content.appendingPathComponent(folder).appendingPathComponent(name),
                                    "\(contentName)/\(folder)/\(name)", diagnostics: &local)
                return (file, local)
            }
            for (_, local) in read { diagnostics.append(contentsOf: local) }
            return read.compactMap(\.0)
        }
        let configURL = content.appendingPathComponent("site.yml")
        let config = text(configURL, "\(contentName)/site.yml")
        if config == nil && !FileManager.default.fileExists(atPath: configURL.path) {
            diagnostics.error(SourceLocation(file: "\(contentName)/site.yml"),
                              Message(vi: "không tìm thấy site.yml", en: "site.yml is missing"),
                              hint: Message(vi: "tạo \(contentName)/site.yml với ít nhất title và base_url",
                                            en: "create \(contentName)/site.yml with at least title and base_url"))
        }
        var templateFiles: [SourceFile] = []
        var assets: [(String, URL)] = []
        for name in list(templates) where name.hasSuffix(".mustache") {
            if let file = text(templates.appendingPathComponent(name), "\(templatesName)/\(name)") { templateFiles.append(file) }
        }
        if requiringTemplates && !FileManager.default.fileExists(atPath: templates.path) {
            diagnostics.error(SourceLocation(file: templatesName),
                              Message(vi: "không tìm thấy thư mục mẫu trang \(templatesName)",
                                      en: "the templates folder \(templatesName) is missing"),
                              hint: Message(vi: "bỏ --templates để dùng giao diện có sẵn, hoặc chạy `hienmau theme export \(templatesName)` để chép nó ra",
                                            en: "leave out --templates to use the built-in theme, or run `hienmau theme export \(templatesName)` to write it out"))
        }
        for path in walk(templates.appendingPathComponent("static")) {
            assets.append((path, templates.appendingPathComponent("static").appendingPathComponent(path)))
        }
        for path in walk(content.appendingPathComponent("images")) {
            assets.append(("images/" + path, content.appendingPathComponent("images").appendingPathComponent(path)))
        }
        let honoursURL = content.appendingPathComponent("data/honours.csv")
        let honours = FileManager.default.contents(atPath: honoursURL.path).map {
            ("\(contentName)/data/honours.csv", [UInt8]($0))
        }
        let donations = donationsFile(content: content, contentName: contentName, diagnostics: &diagnostics)
        return SiteFiles(
            config: config, campaigns: markdownFiles("campaigns"), pages: markdownFiles("pages"),
            templates: templateFiles, assets: assets, donationsURL: content.appendingPathComponent(donations),
            donationsPath: "\(contentName)/\(donations)", honours: honours,
            contentName: contentName, templatesName: templatesName)
    }

    /// `data/donations.xlsx` when the site keeps its records in a workbook,
    /// `data/donations.csv` otherwise; both at once is an error, since either
    /// could be the one the figures should come from.
    static func donationsFile(content: URL, contentName: String, diagnostics: inout Diagnostics) -> String {
        let csv = "data/donations.csv", workbook = "data/donations.xlsx"
        let hasCSV = FileManager.default.fileExists(atPath: content.appendingPathComponent(csv).path)
        guard FileManager.default.fileExists(atPath: content.appendingPathComponent(workbook).path) else { return csv }
        if hasCSV {
            diagnostics.error(
                SourceLocation(file: "\(contentName)/\(workbook)"),
                Message(vi: "có cả \(contentName)/\(csv) và \(contentName)/\(workbook): không biết số liệu lấy từ tệp nào",
                        en: "both \(contentName)/\(csv) and \(contentName)/\(workbook) are there: which one holds the records?"),
                hint: Message(vi: "giữ lại một tệp và xoá (hoặc đổi tên) tệp kia", en: "keep one and delete (or rename) the other"))
        }
        return workbook
    }

    /// A text file, or a diagnostic when its bytes are not UTF-8.
    static func readText(_ url: URL, _ path: String, diagnostics: inout Diagnostics) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let string = String(validating: data, as: UTF8.self) else {
            diagnostics.error(SourceLocation(file: path, line: 1, column: 1),
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
