/// Prints diagnostics the way compilers do:
///
///     content/data/donations.csv:42:3: error: volume_ml "3500" is not 0, 250, 350 or 450
///     hn-2023,2023-08-04,Trụ sở CATP,Nguyễn Văn An,,3500
///                                                  ^
///     hint: …
public struct DiagnosticPrinter: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let label: String
        switch (diagnostic.severity, language) {
        case (.error, .vi): label = "lỗi"
        case (.error, .en): label = "error"
        case (.warning, .vi): label = "cảnh báo"
        case (.warning, .en): label = "warning"
        case (.note, .vi): label = "ghi chú"
        case (.note, .en): label = "note"
        }
        var out = "\(diagnostic.location): \(label): \(diagnostic.message.text(language))\n"
        if let line = diagnostic.sourceLine, diagnostic.location.line > 0 {
            out += line + "\n"
            let column = max(diagnostic.location.column, 1)
            // Tabs keep their width so the caret stays under the column.
            let pad = line.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            out += pad + "^\n"
        }
        if let hint = diagnostic.hint {
            out += (language == .vi ? "gợi ý: " : "hint: ") + hint.text(language) + "\n"
        }
        return out
    }

    public func format(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted.map(format).joined()
    }

    /// `::error file=…,line=…,col=…::message`, read by GitHub Actions.
    public func formatGitHub(_ diagnostic: Diagnostic) -> String {
        let kind = diagnostic.isError ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
        var text = diagnostic.message.text(language)
        if let hint = diagnostic.hint { text += " (" + hint.text(language) + ")" }
        let escaped = text.replacing("%", with: "%25").replacing("\r", with: "%0D")
            .replacing("\n", with: "%0A")
        let loc = diagnostic.location
        var props = "file=\(loc.file)"
        if loc.line > 0 { props += ",line=\(loc.line),col=\(max(loc.column, 1))" }
        return "::\(kind) \(props)::\(escaped)\n"
    }
}

extension DiagnosticPrinter {
    /// The diagnostics as a JSON array, for tools.
    public func formatJSON(_ diagnostics: [Diagnostic]) -> String {
        var json = JSONStream()
        json.beginArray()
        for d in diagnostics {
            json.beginObject()
            json.field("severity", d.severity.rawValue)
            json.field("file", d.location.file)
            json.field("line", d.location.line)
            json.field("column", d.location.column)
            json.field("message", d.message.text(language))
            json.field("hint", d.hint?.text(language))
            json.end()
        }
        json.end()
        return String(decoding: json.finish(), as: UTF8.self)
    }
}
