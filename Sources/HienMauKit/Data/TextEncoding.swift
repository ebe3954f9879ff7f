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

    /// A file of NULs on every byte, on both sides of each pair: no text in any encoding.
    static let binaryMessage = Message(
        vi: "tệp toàn byte NUL: không phải văn bản lưu từ bảng tính",
        en: "the file is NUL bytes through and through: it is not text saved from a spreadsheet")
    static let binaryHint = Message(
        vi: "nếu đó là bảng tính, đặt tên donations.xlsx (hoặc .ods); nếu không, lưu trang số liệu dạng CSV UTF-8",
        en: "if it is a workbook, name it donations.xlsx (or .ods); otherwise save the sheet as CSV UTF-8")

    /// The error for a file whose first bytes hold many NULs: UTF-16 without
    /// a BOM when they fall on one side of each pair of bytes (the high byte
    /// of Latin letters), a binary when they fall on both; nil for text.
    static func nulDiagnostic(_ bytes: some Collection<UInt8>, file: String) -> Diagnostic? {
        let sample = Array(bytes.prefix(4096))
        let location = SourceLocation(file: file, line: 1, column: 1)
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            return Diagnostic(.error, at: location, utf16Message, hint: saveHint)
        }
        var nuls = (even: 0, odd: 0)
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { nuls.even += 1 } else { nuls.odd += 1 }
        }
        guard sample.count > 1, (nuls.even + nuls.odd) * 4 > sample.count else { return nil }
        let half = sample.count / 2
        if nuls.even * 10 > half * 9 && nuls.odd * 10 > half * 9 {
            return Diagnostic(.error, at: location, binaryMessage, hint: binaryHint)
        }
        return Diagnostic(.error, at: location, utf16Message, hint: saveHint)
    }
}
