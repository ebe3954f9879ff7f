/// What the records say about each donor, kept per person rather than per row,
/// so memory grows with distinct donors.
///
/// A national archive has millions of donors, most of them with one donation,
/// so an entry is small: the first campaign and the first donation day are
/// stored inline, and only donors who give again get the arrays; names and
/// units are shared between donors (one copy of "Phòng Tham mưu" for all).
struct DonorLedger {
    struct Donor {
        var name: String
        var unit: String?
        var id: String?
        var prior: Int32 = 0
        var refusedConsent = false
        var emptyConsent = false
        /// Donations in the first campaign this donor gave in, and in any other.
        private var firstCampaign: Int32 = -1
        private var firstCount: Int32 = 0
        private var otherCampaigns: [Int32: Int32]?
        /// Whole-blood donations as (day ordinal, CSV line), for the 12-week check.
        private var firstDay: (day: Int32, line: Int32)?
        private var otherDays: [(day: Int32, line: Int32)]?

        init(name: String, unit: String?, id: String?) {
            self.name = name
            self.unit = unit
            self.id = id
        }

        var hasID: Bool { id != nil }

        /// How a message names the donor: name and id, or name and unit.
        var label: String {
            if let extra = id ?? unit { return "\(name) (\(extra))" }
            return name
        }

        /// (campaign index, donations in it), in campaign order; no allocation
        /// for the usual donor who gave in one campaign.
        func forEachCampaign(_ body: (Int, Int) -> Void) {
            if otherCampaigns == nil {
                if firstCampaign >= 0 { body(Int(firstCampaign), Int(firstCount)) }
            } else {
                for (campaign, count) in donations.sorted(by: { $0.key < $1.key }) { body(campaign, count) }
            }
        }

        /// Campaign index → donations in that campaign.
        var donations: [Int: Int] {
            var out: [Int: Int] = [:]
            if firstCampaign >= 0 { out[Int(firstCampaign)] = Int(firstCount) }
            for (campaign, count) in otherCampaigns ?? [:] { out[Int(campaign), default: 0] += Int(count) }
            return out
        }

        /// Only donors who gave twice can give again too soon.
        var gaveMoreThanOnce: Bool { otherDays != nil }

        var donationDays: [(day: Day, line: Int)] {
            ([firstDay].compactMap { $0 } + (otherDays ?? [])).map { (Day(ordinal: Int($0.day)), Int($0.line)) }
        }

        mutating func add(_ record: DonationRecord, campaignIndex: Int) {
            if let prior = record.priorDonations { self.prior = max(self.prior, Int32(clamping: prior)) }
            if record.isDonation {
                let campaign = Int32(campaignIndex)
                if firstCampaign < 0 || firstCampaign == campaign {
                    firstCampaign = campaign
                    firstCount += 1
                } else {
                    otherCampaigns = otherCampaigns ?? [:]
                    otherCampaigns![campaign, default: 0] += 1
                }
                let day = (Int32(record.date.ordinal), Int32(clamping: record.line))
                if firstDay == nil {
                    firstDay = day
                } else {
                    otherDays = otherDays ?? []
                    otherDays!.append(day)
                }
            }
            switch record.consent {
            case .some(false): refusedConsent = true
            case .none: emptyConsent = true
            case .some(true): break
            }
        }
    }

    private(set) var donors: [TextKey: Donor] = [:]
    /// One shared copy of each name and unit (capped, so a file of all-different names cannot grow it without end).
    private var shared: [TextKey: String] = [:]

    /// Same person: same `donor_id`, or, without one, same NFC name and unit.
    static func identity(of record: DonationRecord) -> TextKey {
        if let id = record.donorID { return TextKey("id\u{1F}" + id) }
        return TextKey("nu\u{1F}" + record.donor + "\u{1F}" + (record.unit ?? ""))
    }

    private mutating func share(_ text: String) -> String {
        let key = TextKey(text)
        if let known = shared[key] { return known }
        if shared.count < 4_000_000 { shared[key] = key.text }
        return key.text
    }

    mutating func add(_ record: DonationRecord, campaignIndex: Int) {
        let key = Self.identity(of: record)
        // Changed in place through its index: one lookup, and no copy of the donor's arrays.
        if let index = donors.index(forKey: key) {
            donors.values[index].add(record, campaignIndex: campaignIndex)
            return
        }
        var donor = Donor(name: share(record.donor), unit: record.unit.map { share($0) }, id: record.donorID)
        donor.add(record, campaignIndex: campaignIndex)
        donors[key] = donor
    }
}
