/// What the records say about each donor, kept per person rather than per row,
/// so memory grows with distinct donors.
struct DonorLedger {
    struct Donor {
        var name: String
        var unit: String?
        var prior = 0
        /// Campaign index → donations in that campaign.
        var donations: [Int: Int] = [:]
        var refusedConsent = false
        var emptyConsent = false
        /// Whole-blood donations as (day, CSV line), for the 12-week check.
        var donationDays: [(day: Day, line: Int)] = []
        var hasID: Bool
    }

    private(set) var donors: [String: Donor] = [:]

    /// Same person: same `donor_id`, or, without one, same NFC name and unit.
    static func identity(of record: DonationRecord) -> String {
        if let id = record.donorID { return "id\u{1F}" + id }
        return "nu\u{1F}" + record.donor + "\u{1F}" + (record.unit ?? "")
    }

    mutating func add(_ record: DonationRecord, campaignIndex: Int) {
        let key = Self.identity(of: record)
        var donor = donors[key] ?? Donor(name: record.donor, unit: record.unit, hasID: record.donorID != nil)
        if let prior = record.priorDonations { donor.prior = max(donor.prior, prior) }
        if record.isDonation {
            donor.donations[campaignIndex, default: 0] += 1
            donor.donationDays.append((record.date, record.line))
        }
        switch record.consent {
        case .some(false): donor.refusedConsent = true
        case .none: donor.emptyConsent = true
        case .some(true): break
        }
        donors[key] = donor
    }
}
