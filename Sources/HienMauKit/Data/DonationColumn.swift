/// The columns of `donations.csv` (DESIGN.md), with the Vietnamese headers
/// accepted for each. Headers are compared by their slug, so case, diacritics,
/// NFC/NFD and punctuation do not matter: "Họ và tên" = "HO VA TEN" = `ho-va-ten`.
public enum DonationColumn: String, CaseIterable, Sendable {
    case campaign, date, site, donor
    case donorID = "donor_id"
    case unit
    case volumeML = "volume_ml"
    case bloodGroup = "blood_group"
    case priorDonations = "prior_donations"
    case consent

    public var isRequired: Bool {
        switch self {
        case .campaign, .date, .site, .donor, .volumeML: return true
        default: return false
        }
    }

    /// Header slugs that name this column.
    var aliases: [String] {
        switch self {
        case .campaign: return ["campaign", "chien-dich", "ma-chien-dich", "dot-hien-mau"]
        case .date: return ["date", "ngay", "ngay-hien", "ngay-hien-mau", "ngay-dang-ky"]
        case .site: return ["site", "diem-hien", "diem-hien-mau", "dia-diem", "noi-hien"]
        case .donor: return ["donor", "ho-va-ten", "ho-ten", "ten", "nguoi-hien", "ten-nguoi-hien"]
        case .donorID:
            return [
                "donor-id", "ma-nguoi-hien", "ma-nguoi-hien-mau", "ma-so", "ma-cb", "ma-can-bo", "so-hieu", "ma-cbcs",
            ]
        case .unit: return ["unit", "don-vi", "don-vi-cong-tac", "co-quan"]
        case .volumeML: return ["volume-ml", "volume", "luong-mau-ml", "luong-mau", "the-tich-ml", "the-tich", "ml"]
        case .bloodGroup: return ["blood-group", "nhom-mau"]
        case .priorDonations: return ["prior-donations", "so-lan-hien-truoc", "da-hien-truoc", "so-lan-da-hien"]
        case .consent: return ["consent", "dong-y", "dong-y-cong-khai", "cong-khai", "cong-khai-ten"]
        }
    }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The column a header names, through `site.yml` `columns` first, then the aliases.
    static func matching(header: String, mapping: [String: String]) -> DonationColumn? {
        let key = Slug.make(header)
        for (written, column) in mapping where Slug.make(written) == key {
            return DonationColumn(rawValue: column)
        }
        return allCases.first { $0.aliases.contains(key) }
    }
}
