/// What the records say about each donor, kept per person rather than per row,
/// so memory grows with distinct donors.
///
/// A national archive has millions of donors, most of them with one donation,
/// so an entry is 44 bytes of integers: the first campaign and the first
/// donation day inline, and the rare further ones in shared linked lists
/// (`moreCampaigns`, `moreDays`) rather than an array per donor.
struct DonorLedger {
    struct Donor {
        /// Entries of `RowVocabulary.names`, `.units` (-1 none), `.donorIDs` (-1 none).
        var name: Int32
        var unit: Int32
        var id: Int32
        var prior: Int32 = 0
        var refusedConsent = false
        var emptyConsent = false
        /// Donations in the first campaign this donor gave in (-1: none yet).
        var firstCampaign: Int32 = -1
        var firstCount: Int32 = 0
        /// The first whole-blood donation as (day ordinal, CSV line); day -1: none yet.
        var firstDay: Int32 = -1
        var firstLine: Int32 = 0
        /// Heads of this donor's lists in `moreCampaigns` and `moreDays`, -1 when empty.
        var moreCampaigns: Int32 = -1
        var moreDays: Int32 = -1

        var hasID: Bool { id >= 0 }
        /// Only donors who gave twice can give again too soon.
        var gaveMoreThanOnce: Bool { moreDays >= 0 }
    }

    /// A further campaign's count, or a further donation day, linked to the donor's previous one.
    struct Link {
        var value: Int32
        var extra: Int32
        var next: Int32
    }

    private(set) var donors: [Donor] = []
    private(set) var moreCampaigns: [Link] = []
    private(set) var moreDays: [Link] = []
    /// Donor of each `RowVocabulary.donorIDs` entry (-1 until seen).
    private var donorOfID: [Int32] = []
    /// Donor of each (name, unit) without an id.
    private var donorOfNameUnit: [Int64: Int32] = [:]

    /// Same person: same `donor_id`, or, without one, same NFC name and unit.
    private mutating func donorIndex(for row: DonationRow) -> Int {
        if row.donorID >= 0 {
            let id = Int(row.donorID)
            while donorOfID.count <= id { donorOfID.append(-1) }
            if donorOfID[id] >= 0 { return Int(donorOfID[id]) }
            donorOfID[id] = Int32(donors.count)
        } else {
            let key = Int64(row.donor) << 32 | Int64(UInt32(bitPattern: row.unit))
            if let known = donorOfNameUnit[key] { return Int(known) }
            donorOfNameUnit[key] = Int32(donors.count)
        }
        donors.append(Donor(name: row.donor, unit: row.unit, id: row.donorID))
        return donors.count - 1
    }

    mutating func add(_ row: DonationRow, campaignIndex: Int32) {
        let index = donorIndex(for: row)
        if row.prior >= 0 { donors[index].prior = max(donors[index].prior, row.prior) }
        if row.isDonation {
            if donors[index].firstCampaign < 0 || donors[index].firstCampaign == campaignIndex {
                donors[index].firstCampaign = campaignIndex
                donors[index].firstCount += 1
            } else {
                addToMoreCampaigns(donor: index, campaignIndex)
            }
            if donors[index].firstDay < 0 {
                donors[index].firstDay = row.day
                donors[index].firstLine = row.line
            } else {
                moreDays.append(Link(value: row.day, extra: row.line, next: donors[index].moreDays))
                donors[index].moreDays = Int32(moreDays.count - 1)
            }
        }
        switch row.consent {
        case 0: donors[index].refusedConsent = true
        case -1: donors[index].emptyConsent = true
        default: break
        }
    }

    private mutating func addToMoreCampaigns(donor: Int, _ campaign: Int32) {
        var link = donors[donor].moreCampaigns
        while link >= 0 {
            if moreCampaigns[Int(link)].value == campaign {
                moreCampaigns[Int(link)].extra += 1
                return
            }
            link = moreCampaigns[Int(link)].next
        }
        moreCampaigns.append(Link(value: campaign, extra: 1, next: donors[donor].moreCampaigns))
        donors[donor].moreCampaigns = Int32(moreCampaigns.count - 1)
    }

    /// (campaign index, donations in it) in campaign order; no allocation for
    /// the usual donor who gave in one campaign.
    func forEachCampaign(of donor: Donor, _ body: (Int, Int) -> Void) {
        guard donor.moreCampaigns >= 0 else {
            if donor.firstCampaign >= 0 { body(Int(donor.firstCampaign), Int(donor.firstCount)) }
            return
        }
        var counts = [(Int(donor.firstCampaign), Int(donor.firstCount))]
        var link = donor.moreCampaigns
        while link >= 0 {
            counts.append((Int(moreCampaigns[Int(link)].value), Int(moreCampaigns[Int(link)].extra)))
            link = moreCampaigns[Int(link)].next
        }
        for (campaign, count) in counts.sorted(by: { $0.0 < $1.0 }) { body(campaign, count) }
    }

    /// Whole-blood donations as (day, CSV line), in day then line order.
    func donationDays(of donor: Donor) -> [(day: Day, line: Int)] {
        var days: [(day: Int32, line: Int32)] = donor.firstDay >= 0 ? [(donor.firstDay, donor.firstLine)] : []
        var link = donor.moreDays
        while link >= 0 {
            days.append((moreDays[Int(link)].value, moreDays[Int(link)].extra))
            link = moreDays[Int(link)].next
        }
        return days.sorted { ($0.day, $0.line) < ($1.day, $1.line) }.map { (Day(ordinal: Int($0.day)), Int($0.line)) }
    }
}
