/// Why a cell cannot be read. A column parser says which (`ColumnParsers`);
/// the careful path words it with the cell's text and points at the cell.
enum CellProblem: Error, Equatable {
    /// A required cell is empty.
    case empty
    /// A campaign id with no write-up: said once per id, with its number of rows.
    case unknownCampaign
    /// Not a value of the column.
    case invalid
    /// `?` in place of letters: the mark of a save in a code page without Vietnamese.
    case lostLetters

    /// The message and hint for this problem in `column`, whose cell (trimmed) is `text`.
    func wording(column: DonationColumn, text: String) -> (message: Message, hint: Message?) {
        switch (column, self) {
        case (_, .lostLetters):
            return (
                Message(
                    vi:
                        "\(column.rawValue) \"\(text)\" có dấu ? thay cho chữ cái: tệp đã được lưu bằng một bảng mã không có chữ tiếng Việt",
                    en:
                        "\(column.rawValue) \"\(text)\" has ? in place of letters: the file was saved in a code page without Vietnamese letters"
                ),
                Message(
                    vi:
                        "lưu lại từ bảng tính gốc dạng \"CSV UTF-8\", hoặc dùng thẳng tệp .xlsx; chữ đã thành ? không lấy lại được từ tệp này",
                    en:
                        "save it again from the original workbook as \"CSV UTF-8\", or use the .xlsx itself; letters that became ? cannot be recovered from this file"
                )
            )
        case (.campaign, .empty): return (Message(vi: "thiếu mã chiến dịch", en: "campaign is empty"), nil)
        case (.campaign, _):
            return (
                Message(
                    vi: "mã chiến dịch \"\(text)\" không có bài viết nào trong content/campaigns/",
                    en: "campaign \"\(text)\" has no write-up in content/campaigns/"), nil
            )
        case (.date, _): return dateWording(text)
        case (.site, .empty): return (Message(vi: "thiếu điểm hiến", en: "site is empty"), nil)
        case (.donor, .empty): return (Message(vi: "thiếu họ tên người hiến", en: "donor is empty"), nil)
        case (.volumeML, _):
            return (
                Message(
                    vi: "volume_ml \"\(text)\" không phải 0, 250, 350 hay 450",
                    en: "volume_ml \"\(text)\" is not 0, 250, 350 or 450"),
                Message(
                    vi: "để 0 hoặc trống cho người đăng ký nhưng chưa hiến được",
                    en: "use 0 or leave it empty for a registration that was deferred")
            )
        case (.bloodGroup, _):
            let groups = BloodGroup.all.joined(separator: ", ")
            return (
                Message(vi: "nhóm máu \"\(text)\" không hợp lệ", en: "blood group \"\(text)\" is not valid"),
                Message(vi: "dùng một trong \(groups) hoặc để trống", en: "use one of \(groups) or leave it empty")
            )
        case (.priorDonations, _):
            return (
                Message(
                    vi: "prior_donations \"\(text)\" phải là số nguyên không âm",
                    en: "prior_donations \"\(text)\" must be a whole number, 0 or more"), nil
            )
        case (.consent, _):
            return (
                Message(
                    vi: "consent \"\(text)\" phải là yes, no hoặc để trống",
                    en: "consent \"\(text)\" must be yes, no or empty"), nil
            )
        default:
            // The other columns take any text: no parser fails on them.
            return (
                Message(
                    vi: "\(column.rawValue) \"\(text)\" không hợp lệ", en: "\(column.rawValue) \"\(text)\" is not valid"
                ),
                nil
            )
        }
    }

    /// A date cell's problem: the most likely misreading named first (a two-digit year, a month-first date).
    private func dateWording(_ text: String) -> (message: Message, hint: Message?) {
        switch self {
        case .empty: return (Message(vi: "thiếu ngày", en: "date is empty"), nil)
        case _ where DateReadings.hasTwoDigitYear(text):
            let (what, hint) = DateReadings.twoDigitYear
            return (Message(vi: "ngày \"\(text)\": " + what.vi, en: "date \"\(text)\": " + what.en), hint)
        case _ where DateReadings.monthFirst(text) != nil:
            let day = DateReadings.monthFirst(text)!
            return (
                Message(
                    vi:
                        "ngày \"\(text)\" không tồn tại nếu đọc ngày trước tháng; đọc tháng trước ngày thì là \(DateReadings.spelled(day))",
                    en: "date \"\(text)\" does not exist read day first; read month first it is \(day.iso)"),
                DateReadings.usSettingsHint
            )
        case _ where Day.looksLikeDate(text):
            return (Message(vi: "ngày \"\(text)\" không tồn tại", en: "date \"\(text)\" does not exist"), nil)
        default:
            return (
                Message(vi: "ngày \"\(text)\" không đọc được", en: "date \"\(text)\" cannot be read"),
                Message(vi: "viết ngày dạng YYYY-MM-DD hoặc D/M/YYYY", en: "write dates as YYYY-MM-DD or D/M/YYYY")
            )
        }
    }
}
