/// The YAML between the opening and closing `---` lines of a write-up, parsed
/// (`YAMLValue.parse`) into values that still know their line.
public struct FrontMatter {
    /// Keys in the order written, each with its value node.
    public var entries: [YAMLPair]
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file's line number of the body's first line.
    public var bodyFirstLine: Int
    /// The file's line number of the first YAML line (Yams counts from 1 there).
    public var yamlFirstLine: Int

    /// Splits and parses `file`; problems go to `diagnostics` and give nil.
    public static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> FrontMatter? {
        let text = file.text
        let (lines, bodyStart) = fencedLines(of: text)
        guard let opening = lines.first, isFence(opening) else {
            diagnostics.error(
                file.location(line: 1, column: 1),
                Message(
                    vi: "thiếu phần đầu YAML: tệp phải bắt đầu bằng dòng '---'",
                    en: "missing front matter: the file must start with a '---' line"),
                hint: Message(
                    vi: "thêm '---', các khoá như 'title: …', rồi '---' trước nội dung",
                    en: "add '---', keys such as 'title: …', then '---' before the text"),
                line: file.line(1))
            return nil
        }
        guard let bodyStart else {
            diagnostics.error(
                file.location(line: 1, column: 1),
                Message(
                    vi: "phần đầu YAML mở ở đây nhưng không có dòng '---' đóng lại",
                    en: "front matter opened here is never closed by a '---' line"),
                line: file.line(1))
            return nil
        }
        let closing = lines.count - 1
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = String(text[bodyStart...])
        var matter = FrontMatter(entries: [], body: body, bodyFirstLine: closing + 2, yamlFirstLine: 2)
        if let control = ControlCharacter.first(in: yaml, firstLine: matter.yamlFirstLine) {
            diagnostics.append(control.diagnostic(in: file, where: Message(vi: "phần đầu", en: "front matter")))
            return nil
        }
        guard let entries = pairs(in: yaml, file: file, firstLine: matter.yamlFirstLine, diagnostics: &diagnostics)
        else { return nil }
        matter.entries = entries
        return matter
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingSuffixWhitespace == "---"
    }

    /// The lines up to and including the closing fence, and where the body
    /// after it starts (nil when the first line is no fence or none closes it).
    /// Lines are split only up to the closing fence; the body is the rest, as it is.
    private static func fencedLines(of text: String) -> (lines: [Substring], bodyStart: String.Index?) {
        var lines: [Substring] = []
        var position = text.startIndex
        while true {
            let end = text.utf8[position...].firstIndex(of: 0x0A) ?? text.endIndex
            let line = text[position..<end]
            lines.append(line)
            position = end < text.endIndex ? text.index(after: end) : text.endIndex
            if lines.count == 1 && !isFence(line) { return (lines, nil) }
            if lines.count > 1 && isFence(line) { return (lines, position) }
            if end == text.endIndex { return (lines, nil) }
        }
    }

    /// The YAML's `key: value` pairs (none for empty YAML); a YAML error or
    /// another shape is reported at its line in the file and gives nil.
    private static func pairs(
        in yaml: String, file: SourceFile, firstLine: Int,
        diagnostics: inout Diagnostics
    ) -> [YAMLPair]? {
        let node: YAMLValue?
        do {
            node = try YAMLValue.parse(yaml)
        } catch {
            let line = (error.mark?.line ?? 1) + firstLine - 1
            diagnostics.error(
                file.location(line: line, column: error.mark?.column ?? 1),
                error.message,
                hint: error.hint
                    ?? Message(
                        vi: "đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép, và thụt lề bằng dấu cách, không dùng tab",
                        en: "quote values that contain ':' or '#', and indent with spaces, not tabs"),
                line: file.line(line))
            return nil
        }
        guard let node else { return [] }
        guard case .pairs(let pairs, _) = node else {
            let line = node.mark.line + firstLine - 1
            diagnostics.error(
                file.location(line: line, column: node.mark.column),
                Message(
                    vi: "phần đầu YAML phải là các cặp 'khoá: giá trị'",
                    en: "front matter must be 'key: value' pairs"),
                line: file.line(line))
            return nil
        }
        return pairs
    }
}

extension Substring {
    var trimmingSuffixWhitespace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
