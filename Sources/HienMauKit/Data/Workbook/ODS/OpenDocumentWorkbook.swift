import Foundation
import ZIPFoundation

/// An OpenDocument spreadsheet (`.ods`, LibreOffice's own format) opened for
/// reading. Every sheet is in one part, `content.xml`, streamed through
/// libxml2 as the sheets of a `.xlsx` are: once for the sheets' names, then
/// for their rows (`readRows`).
struct OpenDocumentWorkbook {
    struct Limits {
        /// `sheetBytes` bounds `content.xml`; `ratio` and `otherPartBytes` as for a `.xlsx`.
        var archive = Workbook.Limits()
        /// Cells made by copying a repeated cell or row, or filling a merged
        /// range: a few bytes of XML can repeat a row a million times.
        var copiedCells = 1 << 24
        var mergedCells: Int { archive.mergedCells }
    }

    static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

    /// The sheets' names, in tab order.
    let sheets: [String]
    private let archive: Archive
    private let limits: Limits

    init(url: URL, limits: Limits = Limits()) throws {
        let archive = try ArchivePart.open(url, unreadable: WorkbookError.notAnOpenDocument)
        self.archive = archive
        self.limits = limits
        try Self.checkKind(archive, limits: limits)
        let names = OpenDocumentSheetNames()
        try Self.parse(
            archive, "content.xml", into: names, limit: limits.archive.sheetBytes, ratio: limits.archive.ratio,
            sheet: { names.names.last })
        sheets = names.names
    }

    /// The mimetype entry says what the file is; a password leaves `content.xml` unreadable.
    private static func checkKind(_ archive: Archive, limits: Limits) throws {
        if archive["xl/workbook.xml"] != nil {
            throw WorkbookError(
                Message(
                    vi: "tệp là bảng tính Excel (.xlsx) nhưng mang đuôi .ods",
                    en: "the file is an Excel workbook (.xlsx) with the extension .ods"),
                hint: Message(vi: "đổi tên tệp thành donations.xlsx", en: "rename it to donations.xlsx"))
        }
        var declared: [UInt8] = []
        if archive["mimetype"] != nil {
            try inflate(archive, "mimetype", limit: 1 << 10, ratio: limits.archive.ratio) {
                declared += $0
                return true
            }
        }
        let kind = String(decoding: declared, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !kind.isEmpty, !kind.hasPrefix(mimeType) {
            throw WorkbookError.notAnOpenDocument("mimetype \(kind)")
        }
        let manifest = OpenDocumentManifest()
        if archive["META-INF/manifest.xml"] != nil {
            try parse(
                archive, "META-INF/manifest.xml", into: manifest, limit: limits.archive.otherPartBytes,
                ratio: limits.archive.ratio)
        }
        if manifest.encrypted {
            throw WorkbookError(
                Message(
                    vi: "bảng tính được khoá bằng mật khẩu: hienmau không đọc được",
                    en: "the workbook is protected with a password: hienmau cannot read it"),
                hint: Message(
                    vi:
                        "mở tệp bằng LibreOffice rồi lưu lại không có mật khẩu (Tệp › Lưu thành, bỏ chọn \"Lưu với mật khẩu\")",
                    en:
                        "open it in LibreOffice and save it again without a password (File › Save As, untick \"Save with password\")"
                ))
        }
        guard archive["content.xml"] != nil else {
            throw WorkbookError.notAnOpenDocument("thiếu content.xml / content.xml is missing")
        }
    }

    /// Streams the rows of every sheet `wanted` says to read, with the
    /// sheet's index, to `emit` (false stops the reading); returns the first
    /// cell that could not be read, after the rest of its sheet.
    func readRows(
        wanted: @escaping (Int) -> Bool = { _ in true }, last: Int = .max,
        emit: @escaping OpenDocumentSheetHandler.Emit
    ) throws -> OpenDocumentSheetHandler.Problem? {
        let handler = OpenDocumentSheetHandler(limits: limits, wanted: wanted, last: last, emit: emit)
        try Self.parse(
            archive, "content.xml", into: handler, limit: limits.archive.sheetBytes, ratio: limits.archive.ratio,
            stopped: { handler.stopped }, sheet: { handler.sheetName })
        if let failure = handler.failure { throw failure }
        return handler.problems.first
    }

    /// Inflates one part through libxml2 into `handler`, until `stopped`.
    private static func parse(
        _ archive: Archive, _ path: String, into handler: XMLEventHandler, limit: Int, ratio: Int,
        stopped: () -> Bool = { false }, sheet: () -> String? = { nil }
    ) throws {
        let parser = XMLPushParser(handler: handler)
        do {
            let finished = try inflate(archive, path, limit: limit, ratio: ratio) {
                try parser.feed($0)
                return !stopped()
            }
            if finished { try parser.feed(UnsafeBufferPointer(start: nil, count: 0), last: true) }
        } catch let failure as XMLPushParser.Failure {
            throw WorkbookError.damagedPart(path, failure, sheet: sheet())
        }
    }

    /// Calls `body` with the part's bytes in chunks while it returns true;
    /// false when it stopped the reading before the end.
    @discardableResult
    private static func inflate(
        _ archive: Archive, _ path: String, limit: Int, ratio: Int, _ body: (XMLBytes) throws -> Bool
    ) throws -> Bool {
        let outcome = try ArchivePart.inflate(
            archive, path, limit: limit, ratio: ratio, unreadable: WorkbookError.notAnOpenDocument, body)
        if outcome == .absent { throw WorkbookError.notAnOpenDocument("thiếu \(path) / \(path) is missing") }
        return outcome == .finished
    }
}

extension WorkbookError {
    static func notAnOpenDocument(_ why: String) -> WorkbookError {
        WorkbookError(
            Message(
                vi: "tệp không phải bảng tính OpenDocument (.ods) đọc được: \(why)",
                en: "the file is not a readable OpenDocument spreadsheet (.ods): \(why)"),
            hint: Message(
                vi: "mở tệp bằng LibreOffice rồi lưu lại dạng \"Bảng tính ODF (.ods)\"",
                en: "open it in LibreOffice and save it again as \"ODF Spreadsheet (.ods)\""))
    }
}

/// `content.xml`'s sheets (`table:table`, not a table inside one): their names in order.
final class OpenDocumentSheetNames: XMLEventHandler {
    private(set) var names: [String] = []
    private var depth = 0, tableDepth: Int?

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        depth += 1
        guard tableDepth == nil, name.equals("table") else { return }
        tableDepth = depth
        let raw = attributes.value("name", namespace: OpenDocumentNamespace.table)
        names.append(raw.map { WorkbookIndexHandler.unescaped($0.string) } ?? "")
    }

    func end(_ name: XMLBytes) {
        if depth == tableDepth { tableDepth = nil }
        depth -= 1
    }

    func text(_ bytes: XMLBytes) {}
}

/// `META-INF/manifest.xml`: whether a part is encrypted (a password).
final class OpenDocumentManifest: XMLEventHandler {
    private(set) var encrypted = false

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) {
        if name.equals("encryption-data") { encrypted = true }
    }

    func end(_ name: XMLBytes) {}
    func text(_ bytes: XMLBytes) {}
}
