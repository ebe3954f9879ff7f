import Foundation

/// The templates of `templates/`, parsed once per build. A template that does
/// not parse, a partial that does not exist, or a page template that is missing
/// is an error naming the template file, line and column.
public struct TemplateSet: Sendable {
    var renderer: TemplateRenderer

    /// The page templates the build renders; partials may add more.
    public static let required = [
        "layout", "home", "campaign", "campaigns", "stats", "honours", "page", "404", "search",
    ]

    /// - Parameters:
    ///   - files: every `*.mustache` file, with paths relative to the site root
    ///     (the site's own and the built-in theme's, `BuiltInTheme.templates(overriddenBy:)`).
    ///   - directory: the site's templates folder, named in hints.
    public static func parse(_ files: [SourceFile], directory: String, diagnostics: inout Diagnostics) -> TemplateSet? {
        var templates: [String: [TemplateNode]] = [:]
        let before = diagnostics.errorCount
        var names: [String: SourceFile] = [:]
        for file in files {
            let name = String(BuiltInTheme.fileName(file.path).dropLast(".mustache".count))
            do {
                templates[name] = try TemplateParser.parse(file.text)
                names[name] = file
            } catch {
                let (line, column) = position(of: error.offset, in: file.text)
                diagnostics.error(
                    file.location(line: line, column: column),
                    Message(
                        vi: "mẫu trang không hợp lệ: \(describe(error.kind, vi: true))",
                        en: "template does not parse: \(describe(error.kind, vi: false))"),
                    line: file.line(line))
            }
        }
        for name in required
        where names[name] == nil
            && !diagnostics.items.contains(where: {
                $0.location.file == "\(directory)/\(name).mustache"
            })
        {
            diagnostics.error(
                SourceLocation(file: "\(directory)/\(name).mustache"),
                Message(vi: "thiếu mẫu trang \(name).mustache", en: "template \(name).mustache is missing"),
                hint: Message(
                    vi: "`hienmau theme export --only \(name).mustache` chép mẫu có sẵn ra",
                    en: "`hienmau theme export --only \(name).mustache` writes out the built-in one"))
        }
        // Mustache renders a missing partial as nothing; we would rather say so.
        for (name, file) in names.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateNode.references(in: templates[name]!) where names[reference.name] == nil {
                let (line, column) = position(of: reference.offset, in: file.text)
                diagnostics.error(
                    file.location(line: line, column: column),
                    Message(
                        vi: "mẫu '\(name)' gọi mẫu con '\(reference.name)' không tồn tại",
                        en: "template '\(name)' uses partial '\(reference.name)', which does not exist"),
                    hint: Message(
                        vi: "tạo \(directory)/\(reference.name).mustache",
                        en: "create \(directory)/\(reference.name).mustache"),
                    line: file.line(line))
            }
        }
        return diagnostics.errorCount == before ? TemplateSet(renderer: TemplateRenderer(templates: templates)) : nil
    }

    /// Renders `view` with template `name`.
    func render(_ view: any TemplateObject, with name: String) -> [UInt8] {
        renderer.renderBytes(name, with: view)
    }

    static func describe(_ kind: TemplateParseError.Kind, vi: Bool) -> String {
        switch kind {
        case .closeDoesNotMatch:
            return vi ? "thẻ đóng không khớp với thẻ mở" : "closing tag does not match the open section"
        case .unclosedTag: return vi ? "thẻ chưa đóng bằng }}" : "tag is not closed with }}"
        case .unclosedSection: return vi ? "thiếu thẻ đóng {{/…}}" : "section is never closed with {{/…}}"
        case .badDelimiters: return vi ? "thẻ đổi dấu phân cách sai" : "bad set-delimiter tag"
        case .emptyName: return vi ? "thẻ không có tên" : "tag has no name"
        }
    }

    /// Line and column (in characters), from 1, of a byte offset.
    static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.utf8.prefix(offset)
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { before.index(after: $0) } ?? before.startIndex
        return (line, String(decoding: before[lineStart...], as: UTF8.self).count + 1)
    }
}
