/// What the records say about each donor, kept per person rather than per row,
/// so memory grows with distinct donors.
///
/// A national archive has millions of donors, most of them with one donation,
/// so an entry is 36 bytes of integers: the first donation inline, and any
/// further ones in one shared linked list (`more`) rather than an array per
/// donor. Adding a row is constant time.
struct DonorLedger {
    struct Donor {
        /// Entries of `RowVocabulary.names`, `.units` (-1 none), `.donorIDs` (-1 none).
        var name: Int32
        var unit: Int32
        var id: Int32
        var prior: Int32 = 0
        var refusedConsent = false
        var emptyConsent = false
        /// The first donation: campaign index (-1: none yet), day ordinal and CSV line.
        var firstCampaign: Int32 = -1
        var firstDay: Int32 = 0
        var firstLine: Int32 = 0
        /// Head of this donor's further donations in `more`, -1 when none.
        var more: Int32 = -1

        var hasID: Bool { id >= 0 }
        /// Only donors who gave twice can give again too soon.
        var gaveMoreThanOnce: Bool { more >= 0 }
    }

    /// A donation after a donor's first, linked to the one before it.
    struct Donation {
        var campaign: Int32
        var day: Int32
        var line: Int32
        var next: Int32
    }

    private(set) var donors: [Donor] = []
    private(set) var more: [Donation] = []
    /// Donor of each `RowVocabulary.donorIDs` entry (-1 until seen).
    private var donorOfID: [Int32] = []
    /// Donor of each (name, unit) without an id.
    private var donorOfNameUnit: [Int64: Int32] = [:]

    /// Room for `rows` rows' worth of donors, asked for once instead of
    /// doubling (and copying) a national archive's arrays twenty times.
    mutating func reserve(rows: Int) {
        donors.reserveCapacity(rows)
        donorOfID.reserveCapacity(rows)
    }

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
            if donors[index].firstCampaign < 0 {
                donors[index].firstCampaign = campaignIndex
                donors[index].firstDay = row.day
                donors[index].firstLine = row.line
            } else {
                more.append(Donation(campaign: campaignIndex, day: row.day, line: row.line, next: donors[index].more))
                donors[index].more = Int32(more.count - 1)
            }
        }
        switch row.consent {
        case 0: donors[index].refusedConsent = true
        case -1: donors[index].emptyConsent = true
        default: break
        }
    }

    /// (campaign index, donations in it) in campaign order; no allocation for
    /// the usual donor who gave once.
    func forEachCampaign(of donor: Donor, _ body: (Int, Int) -> Void) {
        guard donor.firstCampaign >= 0 else { return }
        guard donor.more >= 0 else {
            body(Int(donor.firstCampaign), 1)
            return
        }
        var campaigns = [donor.firstCampaign]
        var link = donor.more
        while link >= 0 {
            campaigns.append(more[Int(link)].campaign)
            link = more[Int(link)].next
        }
        campaigns.sort()
        var start = 0
        while start < campaigns.count {
            var end = start + 1
            while end < campaigns.count && campaigns[end] == campaigns[start] { end += 1 }
            body(Int(campaigns[start]), end - start)
            start = end
        }
    }

    /// The donors cut into ranges for `threads` cores, a few per core so that
    /// none waits long for the last; one range on one thread (the reference
    /// the two-thread test compares with).
    static func ranges(of count: Int, threads: Int) -> [Range<Int>] {
        let size = threads <= 1 ? max(1, count) : max(4_096, count / (threads * 4))
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// Donations as (day ordinal, CSV line), in day then line order.
    func donationDays(of donor: Donor) -> [(day: Int32, line: Int32)] {
        guard donor.firstCampaign >= 0 else { return [] }
        var days: [(day: Int32, line: Int32)] = [(donor.firstDay, donor.firstLine)]
        var link = donor.more
        while link >= 0 {
            days.append((more[Int(link)].day, more[Int(link)].line))
            link = more[Int(link)].next
        }
        return days.sorted { ($0.day, $0.line) < ($1.day, $1.line) }
    }
}
