import Foundation
import Mustache

/// The templates of `templates/`, parsed once per build. A template that does
/// not parse, a partial that does not exist, or a page template that is missing
/// is an error naming the template file, line and column.
public struct TemplateSet: Sendable {
    var library: MustacheLibrary

    /// The page templates the build renders; partials may add more.
    public static let required = ["layout", "home", "campaign", "campaigns", "stats", "honours", "page", "404", "search"]

    /// - Parameter files: every `*.mustache` file, with paths relative to the site root.
    public static func parse(_ files: [SourceFile], directory: String, diagnostics: inout Diagnostics) -> TemplateSet? {
        var library = MustacheLibrary()
        let before = diagnostics.errorCount
        var names: [String: SourceFile] = [:]
        for file in files {
            let name = String(file.path.dropFirst(directory.count + 1).dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: FastHTML.pragma + file.text), named: name)
                names[name] = file
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    file.location(line: error.context.lineNumber - 1, column: error.context.columnNumber),
                    Message(vi: "mẫu trang không hợp lệ: \(describe(error.error, vi: true))",
                            en: "template does not parse: \(describe(error.error, vi: false))"),
                    line: error.context.line)
            } catch {
                diagnostics.error(file.location(line: 1, column: 1),
                                  Message(vi: "mẫu trang không hợp lệ: \(error)", en: "template does not parse: \(error)"))
            }
        }
        for name in required where names[name] == nil && !diagnostics.items.contains(where: {
            $0.location.file == "\(directory)/\(name).mustache"
        }) {
            diagnostics.error(
                SourceLocation(file: "\(directory)/\(name).mustache"),
                Message(vi: "thiếu mẫu trang \(name).mustache", en: "template \(name).mustache is missing"),
                hint: Message(vi: "khôi phục tệp từ thư mục templates/ của hienmau",
                              en: "restore the file from hienmau's templates/ folder"))
        }
        // mustache renders a missing partial as nothing; we would rather say so.
        for (name, file) in names.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: file.text) where names[reference.name] == nil {
                diagnostics.error(
                    file.location(line: reference.line, column: reference.column),
                    Message(vi: "mẫu '\(name)' gọi mẫu con '\(reference.name)' không tồn tại",
                            en: "template '\(name)' uses partial '\(reference.name)', which does not exist"),
                    hint: Message(vi: "tạo \(directory)/\(reference.name).mustache", en: "create \(directory)/\(reference.name).mustache"),
                    line: file.line(reference.line))
            }
        }
        return diagnostics.errorCount == before ? TemplateSet(library: library) : nil
    }

    /// Renders `object` with template `name`.
    func render(_ object: Any, with name: String) -> String {
        library.render((object as? any MustacheParent).map(ViewBox.init) ?? object, withTemplate: name) ?? ""
    }

    static func describe(_ error: Error, vi: Bool) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return vi ? "thẻ đóng không khớp với thẻ mở" : "closing tag does not match the open section"
        case .unfinishedName?: return vi ? "thẻ chưa đóng bằng }}" : "tag is not closed with }}"
        case .expectedSectionEnd?: return vi ? "thiếu thẻ đóng {{/…}}" : "section is never closed with {{/…}}"
        case .invalidSetDelimiter?: return vi ? "thẻ đổi dấu phân cách sai" : "bad set-delimiter tag"
        default: return "\(error)"
        }
    }

    /// `{{> name}}` and `{{< name}}` tags with their line and column.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var out: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                let after = rest[open.upperBound...]
                guard let kind = after.first, kind == ">" || kind == "<",
                      let close = after.firstRange(of: "}}") else {
                    rest = after
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                out.append((name, lineIndex + 1, column))
                rest = after[close.upperBound...]
            }
        }
        return out
    }
}

/// HTML escaping for `{{value}}`: the same five characters as mustache's own,
/// but over bytes, and a value with none of them is returned as it is.
/// mustache's escapes character by character through a dictionary, which was
/// a fifth of the time of a campaign page. Every template starts with the
/// pragma that selects it, on a line of its own, which mustache drops (added
/// when the template is read, so messages take one from the line number).
struct FastHTML: MustacheContentType {
    static let name = "HIENMAU_HTML"
    static let pragma: String = {
        MustacheContentTypes.register(FastHTML(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String {
        Escape.html(text)
    }
}
