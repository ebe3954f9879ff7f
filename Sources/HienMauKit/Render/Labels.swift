/// The words on pages, in the site's language.
public struct Labels: Sendable {
    public var language: Language

    public init(_ language: Language) {
        self.language = language
    }

    func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    var registrations: String { t("Đăng ký", "Registrations") }
    var donations: String { t("Hiến được (đơn vị)", "Donations (units)") }
    var deferred: String { t("Hoãn hiến", "Deferred") }
    var volume: String { t("Lượng máu (ml)", "Volume (ml)") }
    var unknown: String { t("Không rõ", "Unknown") }
    var anonymous: String { t("Người hiến máu ẩn danh", "Anonymous donor") }
    var site: String { t("Điểm hiến", "Site") }
    var date: String { t("Ngày", "Date") }
    var unit: String { t("Đơn vị", "Unit") }
    var bloodGroup: String { t("Nhóm máu", "Blood group") }
    var target: String { t("Chỉ tiêu", "Target") }
    var progress: String { t("Đạt", "Progress") }
    var campaign: String { t("Chiến dịch", "Campaign") }
    var name: String { t("Họ và tên", "Name") }
    var count: String { t("Số lần hiến", "Donations") }
    var units: String { t("đơn vị máu", "units") }
    var dataTable: String { t("Bảng số liệu", "Data table") }

    var previousPage: String { t("Trang trước", "Previous page") }
    var nextPage: String { t("Trang sau", "Next page") }
    var rollPages: String { t("Các trang của bảng vinh danh", "Pages of the honour roll") }
    func pageOf(_ page: Int, _ count: Int) -> String {
        t("Trang \(integer(page)) / \(integer(count))", "Page \(integer(page)) of \(integer(count))")
    }

    func milestoneHeading(_ milestone: Int) -> String {
        t("Từ \(milestone) lần hiến máu trở lên", "\(milestone) donations or more")
    }

    func integer(_ value: Int) -> String {
        language == .vi ? VietnameseFormat.integer(value) : EnglishFormat.integer(value)
    }

    func percent(_ ratio: Double) -> String {
        language == .vi ? VietnameseFormat.percent(ratio) : EnglishFormat.percent(ratio)
    }

    func date(_ day: Day) -> String {
        language == .vi ? VietnameseFormat.date(day) : EnglishFormat.date(day)
    }

    func breakdownTitle(_ by: Breakdown) -> String {
        switch by {
        case .site: return t("theo điểm hiến", "by site")
        case .date: return t("theo ngày", "by date")
        case .unit: return t("theo đơn vị", "by unit")
        case .bloodGroup: return t("theo nhóm máu", "by blood group")
        }
    }
}
