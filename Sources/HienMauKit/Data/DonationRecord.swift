/// One validated row of `donations.csv`: one registration at a session.
public struct DonationRecord: Sendable {
    public var campaign: String
    public var date: Day
    public var site: String
    /// In NFC, so that the same name typed either way is one donor.
    public var donor: String
    public var donorID: String?
    public var unit: String?
    /// 0 when deferred (registered, not collected).
    public var volumeML: Int
    public var bloodGroup: String?
    public var priorDonations: Int?
    /// nil when the cell is empty: `consent_default` decides.
    public var consent: Bool?
    public var line: Int
}

enum BloodGroup {
    static let all = ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"]

    /// "o+", "AB Rh-", "B −" → canonical form; nil when not a blood group.
    static func normalize(_ text: String) -> String? {
        if let exact = all.first(where: { $0 == text }) { return exact }  // the usual case, checked first
        var s = text.uppercased().replacing("RH", with: "").replacing("−", with: "-")
            .replacing("DƯƠNG", with: "+").replacing("ÂM", with: "-")
        s.removeAll(where: { $0 == " " })
        return all.contains(s) ? s : nil
    }

    static func order(_ group: String?) -> Int {
        group.flatMap { all.firstIndex(of: $0) } ?? all.count
    }
}

enum Consent {
    static func parse(_ text: String) -> Bool?? {
        if text.isEmpty { return .some(nil) }
        switch text.trimmed.lowercased() {
        case "": return .some(nil)
        case "yes", "y", "true", "1", "có", "co", "x": return .some(true)
        case "no", "n", "false", "0", "không", "khong": return .some(false)
        default: return nil
        }
    }
}
