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
