/// Reads typed values out of YAML values and reports each wrong one at its own
/// line and column. Shared by `site.yml` and the front matter of write-ups.
struct FieldReader {
    var entries: [YAMLPair]
    var file: SourceFile
    /// Added to Yams' line numbers: the YAML may start below the file's first line.
    var lineOffset: Int

    init(matter: FrontMatter, file: SourceFile) {
        self.entries = matter.entries
        self.file = file
        self.lineOffset = matter.yamlFirstLine - 1
    }

    init(pairs: [YAMLPair], file: SourceFile) {
        self.entries = pairs
        self.file = file
        self.lineOffset = 0
    }

    func node(_ key: String) -> YAMLValue? {
        entries.first(where: { $0.key == key })?.value
    }

    func location(_ mark: YAMLMark?) -> SourceLocation {
        let line = (mark?.line ?? 1) + lineOffset
        return file.location(line: line, column: mark?.column ?? 1)
    }

    func error(_ node: YAMLValue?, _ message: Message, hint: Message? = nil, into diagnostics: inout Diagnostics) {
        let location = location(node?.mark)
        diagnostics.error(location, message, hint: hint, line: file.line(location.line))
    }

    /// Reports a missing required key at the top of the YAML.
    func missing(_ key: String, into diagnostics: inout Diagnostics) {
        let line = lineOffset + 1
        diagnostics.error(
            file.location(line: max(line - 1, 1), column: 1),
            Message(vi: "thiếu khoá bắt buộc '\(key)'", en: "missing required key '\(key)'"),
            hint: Message(vi: "thêm dòng '\(key): …' vào phần đầu", en: "add a '\(key): …' line to the front matter"),
            line: file.line(max(line - 1, 1)))
    }

    func string(_ key: String, required: Bool = false, into diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key), !node.isNull else {
            if required { missing(key, into: &diagnostics) }
            return nil
        }
        guard let text = node.string else {
            error(
                node, Message(vi: "'\(key)' phải là một chuỗi văn bản", en: "'\(key)' must be a text value"),
                into: &diagnostics)
            return nil
        }
        if required && text.trimmed.isEmpty {
            error(
                node, Message(vi: "'\(key)' không được để trống", en: "'\(key)' must not be empty"),
                into: &diagnostics)
            return nil
        }
        return text
    }

    func day(_ key: String, required: Bool = false, into diagnostics: inout Diagnostics) -> Day? {
        guard let text = string(key, required: required, into: &diagnostics) else { return nil }
        guard let day = Day(parsing: text.trimmed) else {
            error(
                node(key),
                Message(
                    vi: "'\(key)' \"\(text)\" không phải ngày hợp lệ dạng YYYY-MM-DD",
                    en: "'\(key)' \"\(text)\" is not a valid YYYY-MM-DD date"), into: &diagnostics)
            return nil
        }
        return day
    }

    func int(_ key: String, into diagnostics: inout Diagnostics) -> Int? {
        guard let node = node(key), !node.isNull else { return nil }
        if let value = node.int {
            return value
        }
        error(
            node,
            Message(
                vi: "'\(key)' phải là số nguyên, không phải \(node.shortDescription)",
                en: "'\(key)' must be a whole number, not \(node.shortDescription)"), into: &diagnostics)
        return nil
    }

    func bool(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        guard let node = node(key), !node.isNull else { return nil }
        if case .scalar(let text, true, _) = node, let value = Self.boolValue(text) {
            return value
        }
        error(
            node,
            Message(
                vi: "'\(key)' phải là true hoặc false, không phải \(node.shortDescription)",
                en: "'\(key)' must be true or false, not \(node.shortDescription)"), into: &diagnostics)
        return nil
    }

    static func boolValue(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "yes", "on", "có", "co": return true
        case "false", "no", "off", "không", "khong": return false
        default: return nil
        }
    }

    func strings(_ key: String, into diagnostics: inout Diagnostics) -> [String] {
        guard let node = node(key), !node.isNull else { return [] }
        switch node {
        case .scalar(let text, _, _):
            return [text]
        case .list(let items, _):
            var out: [String] = []
            for item in items {
                if let text = item.string {
                    out.append(text)
                } else {
                    error(
                        item,
                        Message(
                            vi: "mỗi mục của '\(key)' phải là một chuỗi",
                            en: "each item of '\(key)' must be a text value"), into: &diagnostics)
                }
            }
            return out
        default:
            error(
                node, Message(vi: "'\(key)' phải là một danh sách", en: "'\(key)' must be a list"),
                into: &diagnostics)
            return []
        }
    }

    /// Unknown keys are warnings with a did-you-mean, as DESIGN asks.
    func warnUnknownKeys(known: [String], into diagnostics: inout Diagnostics) {
        for entry in entries where !known.contains(entry.key) {
            let suggestion = Suggest.closest(to: entry.key, among: known)
            let location = location(entry.keyMark)
            diagnostics.warning(
                location,
                Message(
                    vi: "khoá '\(entry.key)' không được dùng và sẽ bị bỏ qua",
                    en: "unknown key '\(entry.key)' is ignored"),
                hint: suggestion.map { Message(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") },
                line: file.line(location.line), kind: Message(vi: "khoá không được dùng", en: "unknown keys"))
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space. Most CSV cells have none, so
    /// the ends are checked first and the text is returned as it is.
    var trimmed: String {
        let text = String(self)
        // ASCII letters and digits at both ends (the usual cell) need no Character work.
        guard let firstByte = text.utf8.first, let lastByte = text.utf8.last else { return "" }
        func plain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x80 }
        if plain(firstByte) && plain(lastByte) { return text }
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        var start = text.startIndex, end = text.endIndex
        while start < end && text[start].isWhitespace { start = text.index(after: start) }
        while end > start && text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return String(text[start..<end])
    }
}
