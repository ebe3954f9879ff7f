/// The words of the layout's messages (`RowMaker+Layout.swift`).
enum LayoutMessages {
    static func headerBelowTitle(_ record: CSVReader.Record, named: [DonationColumn], above firstLine: Int) -> Message {
        let has = named.map(\.rawValue).joined(separator: ", ")
        let lacks = DonationColumn.required.filter { !named.contains($0) }.map(\.rawValue).joined(separator: ", ")
        let line = record.line, rows = firstLine == line - 1 ? "\(firstLine)" : "\(firstLine)–\(line - 1)"
        return Message(
            vi:
                "không thấy dòng tiêu đề: dòng \(line) có vẻ là tiêu đề (có \(has)) nhưng thiếu \(lacks); dòng \(rows) phía trên là phần đầu văn bản",
            en:
                "no header row found: row \(line) seems to be the header (it names \(has)) but lacks \(lacks); row\(firstLine == line - 1 ? "" : "s") \(rows) above it \(firstLine == line - 1 ? "is" : "are") a title"
        )
    }

    static func headerBelowTitleHint(_ record: CSVReader.Record, named: [DonationColumn]) -> Message {
        let lacks = DonationColumn.required.filter { !named.contains($0) }.map(\.rawValue).joined(separator: ", ")
        return Message(
            vi:
                "đặt tên các cột còn thiếu (\(lacks)) ở dòng \(record.line), hoặc ánh xạ tiêu đề của bạn trong site.yml: columns: {\"Tiêu đề của bạn\": \(lacks.split(separator: ",").first ?? "")}; các dòng tiêu đề văn bản phía trên được bỏ qua",
            en:
                "name the missing columns (\(lacks)) in row \(record.line), or map your headers in site.yml: columns: {\"Your header\": \(lacks.split(separator: ",").first ?? "")}; title rows above it are left out"
        )
    }

    static func totalsDisagree(_ column: DonationColumn, written: Int, sum: Int) -> Message {
        if column == .volumeML {
            return Message(
                vi:
                    "dòng tổng cộng ghi \(VietnameseFormat.integer(written)) ml nhưng các dòng phía trên cộng lại được \(VietnameseFormat.integer(sum)) ml",
                en: "the totals row says \(written) ml but the rows above add up to \(sum) ml")
        }
        return Message(
            vi:
                "dòng tổng cộng ghi \(VietnameseFormat.integer(written)) người nhưng phía trên có \(VietnameseFormat.integer(sum)) dòng đăng ký",
            en: "the totals row says \(written) people but there are \(sum) registrations above it")
    }

    static let totalsHint = Message(
        vi:
            "dòng tổng cộng không được tính vào số liệu; kiểm tra công thức của nó, hoặc các dòng bị thiếu hay bị lỗi phía trên",
        en: "the totals row is left out of the figures; check its formula, or rows above that are missing or in error")

    static let belowTheEnd = Message(
        vi: "dòng này nằm dưới phần chữ ký, nơi bảng đã kết thúc, nhưng có vẻ là một lượt hiến máu",
        en: "this row is below the signature block, where the table has ended, but looks like a donation")

    static let belowTheEndHint = Message(
        vi: "chuyển dòng này lên trên phần chữ ký (\"Người lập biểu\", \"Ngày … tháng … năm\"), hoặc xoá nó",
        en: "move it above the signature block (\"Người lập biểu\", \"Ngày … tháng … năm\"), or delete it")

    static func noSheetHasAHeader(_ sheets: [String]) -> Message {
        let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
        return Message(
            vi: "không trang nào của bảng tính có dòng tiêu đề nhận ra được (các trang: \(names))",
            en: "no sheet of the workbook has a header row it can read (sheets: \(names))")
    }

    static func onlyAwards(_ sheets: [String]) -> Message {
        let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
        return Message(
            vi: "bảng tính số liệu hiến máu chỉ có trang khen thưởng (\(names)), không có trang số liệu nào",
            en: "the donations workbook holds only awards (\(names)), no sheet of donations")
    }

    static let onlyAwardsHint = Message(
        vi: "thêm trang số liệu hiến máu; nếu tệp chỉ để ghi khen thưởng, đặt tên nó là honours.xlsx (hoặc .ods)",
        en: "add the donations' sheet; if the file is only for the awards, name it honours.xlsx (or .ods)")

    static let noSheetHasAHeaderHint = Message(
        vi:
            "dòng tiêu đề cần các cột campaign, date, site, donor, volume_ml, hoặc tên tiếng Việt của chúng: Chiến dịch, Ngày, Điểm hiến, Họ và tên, Lượng máu (ml)",
        en:
            "the header row needs the columns campaign, date, site, donor, volume_ml, or their Vietnamese names: Chiến dịch, Ngày, Điểm hiến, Họ và tên, Lượng máu (ml)"
    )

    static func skippedSheets(_ sheets: [String]) -> Message {
        let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
        return Message(
            vi: "bỏ qua \(sheets.count) trang không có bảng số liệu: \(names)",
            en: "skipped \(sheets.count) sheet\(sheets.count == 1 ? "" : "s") without a table of records: \(names)")
    }
}
