import Foundation

/// Reads the files of `content/` and `templates/` for `SiteFiles.load`, each
/// checked by `RegularFile` first: what is not a regular file inside its
/// folder is reported at its path and not read.
struct SiteLoader {
    let content: URL
    let templates: URL
    let cache: TextCache
    let contentName: String
    let templatesName: String
    var diagnostics = Diagnostics()

    init(content: URL, templates: URL, cache: TextCache) {
        self.content = content
        self.templates = templates
        self.cache = cache
        contentName = content.standardizedFileURL.lastPathComponent
        templatesName = templates.standardizedFileURL.lastPathComponent
    }

    /// The file to read for `name` in `folder`: nil when there is none, or
    /// (reported) when it is not a regular file inside `folder`.
    mutating func checked(_ folder: URL, _ shown: String, _ name: String) -> URL? {
        var status = stat()
        let url = folder.appendingPathComponent(name)
        guard lstat(url.path, &status) == 0 else { return nil }
        switch RegularFile.resolve(url, in: folder, folderName: shown) {
        case .success(let file): return file
        case .failure(let refusal):
            diagnostics.append(refusal.diagnostic(shown + "/" + name))
            return nil
        }
    }

    mutating func config() -> SourceFile? {
        let before = diagnostics.errorCount
        let config = checked(content, contentName, "site.yml").flatMap {
            cache.read($0, "\(contentName)/site.yml", diagnostics: &diagnostics)
        }
        if config == nil && diagnostics.errorCount == before
            && !FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path)
        {
            diagnostics.error(
                SourceLocation(file: "\(contentName)/site.yml"),
                Message(vi: "không tìm thấy site.yml", en: "site.yml is missing"),
                hint: Message(
                    vi: "tạo \(contentName)/site.yml với ít nhất title và base_url",
                    en: "create \(contentName)/site.yml with at least title and base_url"))
        }
        return config
    }

    /// A missing templates folder is an error only when `required` (named
    /// with `--templates`); otherwise the built-in theme serves alone.
    mutating func templateFiles(required: Bool) -> [SourceFile] {
        var files: [SourceFile] = []
        for name in SiteFiles.list(templates) where name.hasSuffix(".mustache") {
            if let url = checked(templates, templatesName, name),
                let file = cache.read(url, "\(templatesName)/\(name)", diagnostics: &diagnostics)
            {
                files.append(file)
            }
        }
        if required && !FileManager.default.fileExists(atPath: templates.path) {
            diagnostics.error(
                SourceLocation(file: templatesName),
                Message(
                    vi: "không tìm thấy thư mục mẫu trang \(templatesName)",
                    en: "the templates folder \(templatesName) is missing"),
                hint: Message(
                    vi:
                        "bỏ --templates để dùng giao diện có sẵn, hoặc chạy `hienmau theme export \(templatesName)` để chép nó ra",
                    en:
                        "leave out --templates to use the built-in theme, or run `hienmau theme export \(templatesName)` to write it out"
                ))
        }
        return files
    }

    /// `templates/static/` at the root of the site and `content/images/`
    /// under `images/`, and the output paths of the entries refused.
    mutating func assets() -> ([(path: String, url: URL)], refused: [String: Message]) {
        var problems = Diagnostics()
        let assets =
            RegularFile.walk(
                templates.appendingPathComponent("static"), folderName: "\(templatesName)/static",
                diagnostics: &problems)
            + RegularFile.walk(
                content.appendingPathComponent("images"), folderName: "\(contentName)/images",
                diagnostics: &problems
            ).map { ("images/" + $0.path, $0.url) }
        let staticPrefix = "\(templatesName)/static/", imagesPrefix = "\(contentName)/"
        var refused: [String: Message] = [:]
        for item in problems.items {
            let file = item.location.file
            let path =
                file.hasPrefix(staticPrefix) ? file.dropFirst(staticPrefix.count) : file.dropFirst(imagesPrefix.count)
            refused[String(path)] = item.message
        }
        diagnostics.append(contentsOf: problems)
        return (assets, refused)
    }

    /// The `.md` files of `content/<folder>/`, in name order.
    mutating func markdownFiles(_ folder: String) -> [SourceFile] {
        let here = content.appendingPathComponent(folder), shown = "\(contentName)/\(folder)"
        let names = SiteFiles.list(here).filter { $0.hasSuffix(".md") }
        let urls = names.map { checked(here, shown, $0) }
        let cache = self.cache
        // Read on every core: thousands of write-ups, each decoded and normalized on its own.
        let read = Parallel.map(Array(zip(names, urls)), threads: ProcessInfo.processInfo.activeProcessorCount) {
            name, url in
            var local = Diagnostics()
            let file = url.flatMap { cache.read($0, "\(shown)/\(name)", diagnostics: &local) }
            return (file, local)
        }
        for (_, local) in read { diagnostics.append(contentsOf: local) }
        return read.compactMap(\.0)
    }
}
