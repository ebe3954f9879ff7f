/// Recognises the encodings Excel writes when it is not asked for "CSV UTF-8",
/// so that the message can say which one the file looks like.
enum TextEncoding {
    static let utf16Message = Message(
        vi: "tệp có vẻ được lưu dạng UTF-16 (\"Unicode Text\" của Excel), không phải UTF-8",
        en: "the file looks like UTF-16 (Excel's \"Unicode Text\"), not UTF-8")

    /// Vietnamese text from an older Excel is Windows-1258; Latin-1 is the other common guess.
    static let legacyEncodingMessage = Message(
        vi: "tệp có byte không phải UTF-8; có vẻ là Windows-1258 hoặc Latin-1 của Excel cũ",
        en: "the file has bytes that are not UTF-8; it looks like Windows-1258 or Latin-1 from an older Excel")

    static let saveHint = Message(
        vi: "trong Excel chọn Tệp › Lưu thành › \"CSV UTF-8 (Comma delimited) (*.csv)\" rồi lưu lại",
        en: "in Excel choose File › Save As › \"CSV UTF-8 (Comma delimited) (*.csv)\" and save again")

    /// True when the first bytes are UTF-16 (a BOM or many NULs).
    static func looksUTF16(_ bytes: some Collection<UInt8>) -> Bool {
        let sample = Array(bytes.prefix(4096))
        return sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF])
            || (sample.count > 1 && sample.filter({ $0 == 0 }).count * 4 > sample.count)
    }

    static func utf16Diagnostic(file: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), utf16Message, hint: saveHint)
    }
}
