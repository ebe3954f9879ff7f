import Foundation

/// The CSV's bytes as UTF-8, whatever they were saved in: UTF-8 passes as
/// it is; a file with a UTF-16 byte-order mark (Excel's "Unicode Text") is
/// decoded; a file `site.yml` declares (`data_encoding: windows-1258`, from
/// Vietnamese Windows' plain "CSV") is decoded from that.
enum TextDecoding {
    static func utf8(
        of chunks: @escaping CSVRecordSource.Chunks, declared: String?, file: String,
        failed: @escaping (Diagnostic) -> Void
    ) -> CSVRecordSource.Chunks {
        { feed in
            var transcoder: Transcoder?, first = true, going = true
            func pass(_ transcoder: Transcoder, _ chunk: UnsafeBufferPointer<UInt8>, last: Bool) -> Bool {
                do {
                    return try transcoder.convert(chunk, last: last).withUnsafeBufferPointer { feed($0) }
                } catch {
                    failed(
                        invalid(
                            file: file, encoding: transcoder.encoding, at: (error as? Transcoder.Invalid)?.offset ?? 0))
                    going = false
                    return false
                }
            }
            chunks { chunk in
                if first {
                    first = false
                    transcoder =
                        declared.flatMap(Transcoder.init(from:))
                        ?? (hasUTF16Mark(chunk) ? Transcoder(from: "UTF-16") : nil)
                }
                guard let transcoder else { return feed(chunk) }
                return pass(transcoder, chunk, last: false)
            }
            if going, let transcoder { _ = pass(transcoder, UnsafeBufferPointer(start: nil, count: 0), last: true) }
        }
    }

    static func hasUTF16Mark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    static func invalid(file: String, encoding: String, at offset: Int) -> Diagnostic {
        Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 1),
            Message(
                vi: "tệp có byte không đọc được theo bảng mã \(encoding) (byte thứ \(offset + 1))",
                en: "the file has bytes that are not \(encoding) (byte \(offset + 1))"),
            hint: Message(
                vi: "kiểm tra data_encoding trong site.yml, hoặc lưu lại tệp dạng \"CSV UTF-8\" và bỏ data_encoding",
                en: "check data_encoding in site.yml, or save the file as \"CSV UTF-8\" and remove data_encoding"))
    }

    /// Line `number` of the file's first bytes (the whole line, if they hold it).
    static func line(_ number: Int, of head: [UInt8]) -> [UInt8] {
        let lines = head.split(separator: 0x0A, maxSplits: number, omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return [] }
        var line = Array(lines[number - 1].prefix(300))
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    /// The message for a file that is not UTF-8 and not declared: when its
    /// line read as Windows-1258 still has `?` in place of letters, the letters
    /// were lost in a code page without Vietnamese (English Windows' 1252),
    /// and no encoding brings them back; otherwise both ways out.
    static func explainUndeclared(_ diagnostic: inout Diagnostic, line: [UInt8]) {
        let read = asWindows1258(line)
        let lost = read.utf8.withContiguousStorageIfAvailable { ColumnParsers.text($0, required: false) }
        if case .failure(.lostLetters)? = lost {
            diagnostic.message = Message(
                vi:
                    "tệp không phải UTF-8, và có dấu ? thay cho chữ cái: tệp đã được lưu bằng một bảng mã không có chữ tiếng Việt (Windows-1252)",
                en:
                    "the file is not UTF-8, and ? stand in for letters: it was saved in a code page without Vietnamese letters (Windows-1252)"
            )
            diagnostic.hint = Message(
                vi:
                    "lưu lại từ bảng tính gốc dạng \"CSV UTF-8\", hoặc dùng thẳng tệp .xlsx; chữ đã thành ? không lấy lại được từ tệp này; dòng này đọc là: \(read)",
                en:
                    "save it again from the original workbook as \"CSV UTF-8\", or use the .xlsx itself; letters that became ? cannot be recovered from this file; the line reads: \(read)"
            )
            return
        }
        diagnostic.hint = undeclaredHint(line: line)
    }

    static func asWindows1258(_ line: [UInt8]) -> String {
        Transcoder(from: "WINDOWS-1258").flatMap { transcoder in
            try? line.withUnsafeBufferPointer { try transcoder.convert($0, last: true) }
        }.map { String(decoding: $0, as: UTF8.self).precomposedStringWithCanonicalMapping } ?? ""
    }

    /// Both ways out of an undeclared non-UTF-8 file, with its offending line
    /// as it would read in Windows-1258, so the user can see whether that is it.
    static func undeclaredHint(line: [UInt8]) -> Message {
        let asVietnamese = asWindows1258(line)
        return Message(
            vi:
                "lưu lại tệp dạng \"CSV UTF-8\" (Tệp › Lưu thành), hoặc nếu tệp được lưu dạng \"CSV\" trên Windows tiếng Việt, thêm data_encoding: windows-1258 vào site.yml; khi đó dòng này sẽ đọc là: \(asVietnamese)",
            en:
                "save the file as \"CSV UTF-8\" (File › Save As), or, if it was saved as plain \"CSV\" on Vietnamese Windows, add data_encoding: windows-1258 to site.yml; the line would then read: \(asVietnamese)"
        )
    }
}
