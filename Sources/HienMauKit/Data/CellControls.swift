/// A control character in a cell that is read: NUL and the other C0
/// controls but tab, line feed and carriage return (a quoted cell may hold a
/// line break, and a tab reads as a space in a name), DEL, and the C1
/// controls U+0080–U+009F (most often a Windows-1252 quote or dash that went
/// through Latin-1 on its way to UTF-8). They are invisible in a spreadsheet
/// and would reach the pages and the published CSVs; each such cell is an
/// error at its line and column, the same on both paths (the quick path
/// declines a row that holds one, the careful path words it).
enum CellControls {
    /// True when `cell` (valid UTF-8) holds one.
    @inline(__always)
    static func any(in cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = cell.count
        while i < n {
            let b = cell[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return true }
            } else if b == 0x7F || (b == 0xC2 && i + 1 < n && cell[i + 1] < 0xA0) {
                return true
            }
            i += 1
        }
        return false
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    /// The first one in `text`, and its place among the text's characters (1-based).
    static func first(in text: String) -> (scalar: Unicode.Scalar, character: Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) {
            return (scalar, offset + 1)
        }
        return nil
    }

    /// `U+001B`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The line with each control character shown as its picture (␀, ␛, ␡; � for C1),
    /// one column wide so that the caret stays under the cell.
    static func shown(_ line: String) -> String {
        String(
            String.UnicodeScalarView(
                line.unicodeScalars.map { scalar in
                    guard isControl(scalar) else { return scalar }
                    if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
                    return scalar.value == 0x7F ? "\u{2421}" : "\u{FFFD}"
                }))
    }

    /// The error for `scalar`, the `character`th of a cell of `column`.
    static func message(_ scalar: Unicode.Scalar, character: Int, column: String) -> (Message, Message) {
        let name = name(scalar)
        let message = Message(
            vi: "ký tự điều khiển \(name) không được có trong ô \(column) (ký tự thứ \(character) của ô)",
            en: "control character \(name) is not allowed in the \(column) cell (character \(character) of the cell)")
        let hint =
            scalar.value >= 0x80
            ? Message(
                vi:
                    "xoá ký tự đó; U+0080–U+009F thường là một dấu ngoặc hay gạch ngang của Windows-1252 bị chuyển sai sang UTF-8",
                en:
                    "delete it; U+0080–U+009F is usually a Windows-1252 quote or dash converted to UTF-8 the wrong way")
            : Message(
                vi: "xoá ký tự đó (thường lẫn vào khi chép từ Word, Excel hay một trang web)",
                en: "delete it (it usually comes in when copying from Word, Excel or a web page)")
        return (message, hint)
    }
}
