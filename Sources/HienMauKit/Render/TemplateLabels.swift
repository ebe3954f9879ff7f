/// The words the templates use, as `{{site.l.key}}`, in the site's language.
enum TemplateLabels {
    /// Made once per language: every page's view holds the same dictionary.
    static func all(_ language: Language) -> [String: String] {
        language == .vi ? vi : en
    }

    private static let vi = make(.vi)
    private static let en = make(.en)

    private static func make(_ language: Language) -> [String: String] {
        let pairs: [(String, String, String)] = [
            ("home", "Trang chủ", "Home"),
            ("campaigns", "Chiến dịch", "Campaigns"),
            ("stats", "Thống kê", "Statistics"),
            ("honours", "Vinh danh", "Honour roll"),
            ("latest", "Chiến dịch mới nhất", "Latest campaigns"),
            ("allCampaigns", "Tất cả chiến dịch", "All campaigns"),
            ("byYear", "Theo năm", "By year"),
            ("totals", "Tổng kết các chiến dịch", "All campaigns in figures"),
            ("trend", "Xu hướng qua các năm", "Trend over the years"),
            ("organizer", "Đơn vị tổ chức", "Organiser"),
            ("location", "Địa bàn", "Location"),
            ("period", "Thời gian", "Period"),
            ("hospitals", "Nơi tiếp nhận máu", "Receiving hospitals"),
            ("published", "Đăng ngày", "Published"),
            ("results", "Kết quả", "Results"),
            ("details", "Số liệu chi tiết", "Detailed figures"),
            ("campaignRoll", "Vinh danh người hiến máu nhiều lần", "Donors honoured in this campaign"),
            ("awards", "Khen thưởng", "Awards"),
            ("recipient", "Người / tập thể được khen", "Recipient"),
            ("award", "Hình thức", "Award"),
            ("issuer", "Cấp khen", "Issued by"),
            ("year", "Năm", "Year"),
            ("downloads", "Dữ liệu mở", "Open data"),
            ("downloadRoll", "Tải danh sách vinh danh (JSON)", "Download the honour roll (JSON)"),
            ("feed", "Bản tin Atom", "Atom feed"),
            ("skip", "Bỏ qua, đến nội dung chính", "Skip to main content"),
            ("menu", "Danh mục chính", "Main menu"),
            ("draft", "Bản nháp", "Draft"),
            ("notFoundTitle", "Không tìm thấy trang", "Page not found"),
            (
                "notFoundText", "Trang bạn tìm không có hoặc đã được chuyển đi.",
                "The page you are looking for does not exist or has moved."
            ),
            ("backHome", "Về trang chủ", "Back to the home page"),
            ("donationsUnit", "đơn vị máu", "units"),
            ("readMore", "Đọc tiếp", "Read more"),
            (
                "footer",
                "Số liệu do ban tổ chức các chương trình cung cấp. Tên người hiến máu chỉ được công bố khi có sự đồng ý.",
                "Figures are supplied by each campaign's organisers. Donors are named only with their consent."
            ),
            ("search", "Tìm kiếm", "Search"),
            ("searchLabel", "Tìm bài viết, chiến dịch", "Search articles and campaigns"),
            ("searchButton", "Tìm", "Search"),
            (
                "searchIntro",
                "Gõ tên chiến dịch, địa phương hay đơn vị, có dấu hoặc không dấu (\"giot mau\" tìm được \"Giọt máu\").",
                "Type a campaign, place or unit, with or without diacritics (\"giot mau\" finds \"Giọt máu\")."
            ),
            ("searchAll", "Tất cả bài viết và trang", "All articles and pages"),
            ("searchNone", "Không có kết quả.", "No results."),
            (
                "milestonesIntro", "Người hiến máu được vinh danh khi tổng số lần hiến đạt các mốc",
                "Donors are honoured when their lifetime donations reach"
            ),
        ]
        var out: [String: String] = [:]
        for (key, vi, en) in pairs { out[key] = language == .vi ? vi : en }
        return out
    }
}
