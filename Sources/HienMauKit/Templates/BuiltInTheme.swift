/// The default templates and static files, compiled into the binary from
/// `theme/` (`BuiltInTheme+Files.swift`), so that a site needs no
/// `templates/` folder. A site's own folder overrides them file by file, as
/// Hugo's lookup order does: its `page.mustache` replaces the built-in one,
/// its `static/style.css` the built-in stylesheet, and every file it does not
/// have comes from here.
public enum BuiltInTheme {
    /// How the built-in files are named in messages: never a folder on disk.
    public static let label = "(built-in theme)"

    /// Every file of the theme, `static/…` included, with paths relative to `theme/`.
    public static var all: [EmbeddedFile] { files }

    /// The page templates and partials (`layout.mustache`, …).
    static var templates: [EmbeddedFile] {
        files.filter { !$0.path.contains("/") && $0.path.hasSuffix(".mustache") }
    }

    /// The files of `static/`, with paths as they go into the site (`style.css`).
    static var staticFiles: [EmbeddedFile] {
        files.compactMap { file in
            file.path.hasPrefix("static/")
                ? EmbeddedFile(String(file.path.dropFirst("static/".count)), bytes: file.bytes) : nil
        }
    }

    /// The site's templates, then each built-in template the site has none of.
    public static func templates(overriddenBy site: [SourceFile]) -> [SourceFile] {
        let names = Set(site.map { fileName($0.path) })
        return site
            + templates.filter { !names.contains($0.path) }.map {
                SourceFile(path: "\(label)/\($0.path)", text: $0.text)
            }
    }

    /// The built-in static files whose path is not among `assets` (the site's own copies).
    public static func staticFiles(notIn assets: Set<String>) -> [EmbeddedFile] {
        staticFiles.filter { !assets.contains($0.path) }
    }

    /// The last part of a path: the template's file name.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
