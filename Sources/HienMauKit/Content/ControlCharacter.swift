/// A control character in YAML that people write (front matter, site.yml):
/// NUL and the other C0 controls but tab and line feed, DEL and the C1
/// controls. They come from copying out of Word, Excel or a web page, are
/// invisible in an editor, and would reach pages and feeds; YAML itself
/// refuses most of them without saying where.
struct ControlCharacter {
    var scalar: Unicode.Scalar
    var line: Int
    var column: Int

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }

    /// The first one in `text`, whose first line is line `firstLine` of its file.
    static func first(in text: String, firstLine: Int) -> ControlCharacter? {
        // Most text has no byte below 0x20 but tabs and line ends, nor DEL, nor C1 (0xC2 0x80…0x9F).
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) else {
            return nil
        }
        var line = firstLine, column = 1
        for scalar in text.unicodeScalars {
            if isControl(scalar) { return ControlCharacter(scalar: scalar, line: line, column: column) }
            if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        return nil
    }

    /// `U+001B`.
    var name: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The error, with the line shown where each control character is its
    /// visible picture (␀, ␛, ␡…), one column wide so that the caret stays under it.
    func diagnostic(in file: SourceFile, where place: Message) -> Diagnostic {
        let shown = file.line(line).map { text in
            String(String.UnicodeScalarView(text.unicodeScalars.map(Self.picture)))
        }
        return Diagnostic(
            .error, at: file.location(line: line, column: column),
            Message(
                vi: "ký tự điều khiển \(name) không được có trong \(place.vi)",
                en: "control character \(name) is not allowed in \(place.en)"),
            hint: Message(
                vi: "xoá ký tự đó (thường lẫn vào khi chép từ Word, Excel hay một trang web)",
                en: "delete it (it usually comes in when copying from Word, Excel or a web page)"),
            sourceLine: shown)
    }

    static func picture(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard isControl(scalar) else { return scalar }
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
        return scalar.value == 0x7F ? "\u{2421}" : "\u{FFFD}"
    }
}
