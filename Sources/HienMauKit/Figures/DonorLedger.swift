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
        var id: String?

        var hasID: Bool { id != nil }

        /// How a message names the donor: name and id, or name and unit.
        var label: String {
            if let extra = id ?? unit { return "\(name) (\(extra))" }
            return name
        }

        mutating func add(_ record: DonationRecord, campaignIndex: Int) {
            if let prior = record.priorDonations { self.prior = max(self.prior, prior) }
            if record.isDonation {
                donations[campaignIndex, default: 0] += 1
                donationDays.append((record.date, record.line))
            }
            switch record.consent {
            case .some(false): refusedConsent = true
            case .none: emptyConsent = true
            case .some(true): break
            }
        }
    }

    private(set) var donors: [TextKey: Donor] = [:]

    /// Same person: same `donor_id`, or, without one, same NFC name and unit.
    static func identity(of record: DonationRecord) -> TextKey {
        if let id = record.donorID { return TextKey("id\u{1F}" + id) }
        return TextKey("nu\u{1F}" + record.donor + "\u{1F}" + (record.unit ?? ""))
    }

    mutating func add(_ record: DonationRecord, campaignIndex: Int) {
        // Changed in place: a copy out and back would copy the donor's arrays on every row.
        donors[Self.identity(of: record), default: Donor(name: record.donor, unit: record.unit, id: record.donorID)]
            .add(record, campaignIndex: campaignIndex)
    }
}
