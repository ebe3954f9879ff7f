/// Why a workbook, or a part of it, cannot be read: located at the sheet and
/// cell (or the XML line) where that is known.
struct WorkbookError: Error, Equatable {
    var message: Message
    var hint: Message?
    /// The sheet's name as the user sees it on its tab.
    var sheet: String?
    var cell: CellReference?

    init(_ message: Message, hint: Message? = nil, sheet: String? = nil, cell: CellReference? = nil) {
        self.message = message
        self.hint = hint
        self.sheet = sheet
        self.cell = cell
    }

    static let resaveHint = Message(
        vi: "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại", en: "open it in Excel or LibreOffice and save it again")

    static func notAWorkbook(_ why: String) -> WorkbookError {
        WorkbookError(
            Message(
                vi: "tệp không phải bảng tính Excel (.xlsx) đọc được: \(why)",
                en: "the file is not a readable Excel workbook (.xlsx): \(why)"),
            hint: Message(
                vi: "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng \"Excel Workbook (.xlsx)\"",
                en: "open it in Excel or LibreOffice and save it again as \"Excel Workbook (.xlsx)\""))
    }

    static func tooLarge(part: String, limit: Int) -> WorkbookError {
        WorkbookError(
            Message(
                vi:
                    "phần \(part) của bảng tính bung ra hơn \(limit / (1 << 20)) MiB: tệp hỏng hoặc không phải bảng tính thật",
                en:
                    "the workbook's part \(part) inflates to more than \(limit / (1 << 20)) MiB: the file is damaged or not a real workbook"
            ),
            hint: Message(
                vi: "lưu lại bảng tính từ Excel hoặc LibreOffice; một bảng tính có tối đa 1.048.576 dòng mỗi trang",
                en: "save the workbook again from Excel or LibreOffice; a sheet has at most 1,048,576 rows"))
    }
}

extension WorkbookError {
    /// A merged range larger than any table of records: filling it would copy its value that many times.
    static func mergedRangeTooLarge(_ first: CellReference, _ last: CellReference, cells: Int) -> WorkbookError {
        WorkbookError(
            Message(
                vi: "vùng gộp ô \(first):\(last) phủ \(cells) ô: không bảng số liệu nào như vậy",
                en: "the merged range \(first):\(last) covers \(cells) cells: no table of records has one"),
            hint: WorkbookError.resaveHint, cell: first)
    }

    /// A part whose XML libxml2 cannot read.
    static func damagedPart(_ path: String, _ failure: XMLPushParser.Failure, sheet: String?) -> WorkbookError {
        WorkbookError(
            Message(
                vi: "phần \(path) của bảng tính hỏng (dòng XML \(failure.line): \(failure.message))",
                en: "the workbook's part \(path) is damaged (XML line \(failure.line): \(failure.message))"),
            hint: WorkbookError.resaveHint, sheet: sheet)
    }
}
