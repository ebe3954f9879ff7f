/// Adds up donation records one at a time, then produces every figure of the
/// site. Rows of campaigns not in the build (drafts) are skipped.
public struct FigureBuilder {
    public struct CampaignInfo: Sendable {
        public var id: String
        public var targetUnits: Int?

        public init(id: String, targetUnits: Int?) {
            self.id = id
            self.targetUnits = targetUnits
        }
    }

    /// Campaigns in chronological order: lifetime counts run in this order.
    let campaigns: [CampaignInfo]
    let indexByID: [String: Int]
    let milestones: [Int]
    let consentDefault: Bool
    var tallies: [CampaignTally]
    var ledger = DonorLedger()
    public private(set) var rowsRead = 0
    /// Warnings found while adding rows.
    public private(set) var warnings = Diagnostics()
    private var unitsByName: [TextKey: String?] = [:]
    private var warnedNames: Set<TextKey> = []
    let file: String

    public init(campaigns: [CampaignInfo], milestones: [Int], consentDefault: Bool, file: String = "") {
        self.file = file
        self.campaigns = campaigns
        self.indexByID = Dictionary(campaigns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.milestones = milestones
        self.consentDefault = consentDefault
        self.tallies = Array(repeating: CampaignTally(), count: campaigns.count)
    }

    public mutating func add(_ record: DonationRecord) {
        rowsRead += 1
        guard let index = indexByID[record.campaign] else { return }
        if record.donorID == nil { checkNameInOneUnit(record) }
        tallies[index].add(record)
        ledger.add(record, campaignIndex: index)
    }

    public func finish() -> SiteFigures {
        let perCampaign = campaigns.indices.map { tallies[$0].figures(for: campaigns[$0]) }
        var overall = Tally()
        for figures in perCampaign { overall = overall + figures.totals }

        var siteRoll: [HonouredDonor] = []
        var campaignRolls = Array(repeating: [HonouredDonor](), count: campaigns.count)
        for donor in ledger.donors.values {
            let named = !donor.refusedConsent && (!donor.emptyConsent || consentDefault)
            func entry(_ count: Int) -> HonouredDonor? {
                guard let milestone = HonourRoll.milestone(for: count, milestones: milestones) else { return nil }
                return HonouredDonor(name: named ? donor.name : nil, unit: named ? donor.unit : nil,
                                     donations: count, milestone: milestone)
            }
            var running = Int(donor.prior)
            donor.forEachCampaign { index, count in
                running += count
                if let line = entry(running) { campaignRolls[index].append(line) }
            }
            if let line = entry(running) { siteRoll.append(line) }
        }
        var rolls: [String: [HonouredDonor]] = [:]
        var keys: [TextKey: VietnameseCollation.Key] = [:]
        for (index, info) in campaigns.enumerated() {
            rolls[info.id] = HonourRoll.sorted(campaignRolls[index], keys: &keys)
        }
        return SiteFigures(
            totals: overall, campaigns: perCampaign, honourRoll: HonourRoll.sorted(siteRoll, keys: &keys),
            campaignRolls: rolls, milestones: milestones, rowsRead: rowsRead)
    }

    /// Without donor_id, one name in two units is two people: worth a look.
    private mutating func checkNameInOneUnit(_ record: DonationRecord) {
        let name = TextKey(record.donor)
        guard let known = unitsByName[name] else {
            unitsByName[name] = .some(record.unit)
            return
        }
        if known.map(TextKey.init) != record.unit.map(TextKey.init) && !warnedNames.contains(name) {
            warnedNames.insert(name)
            warnings.warning(
                SourceLocation(file: file, line: record.line, column: 1),
                Message(vi: "tên \"\(record.donor)\" có ở hai đơn vị (\(known ?? "trống") và \(record.unit ?? "trống")) mà không có donor_id; được tính là hai người",
                        en: "the name \"\(record.donor)\" appears in two units (\(known ?? "empty") and \(record.unit ?? "empty")) without donor_id; counted as two people"),
                hint: Message(vi: "nếu là một người, thêm cùng một donor_id cho các dòng của người đó",
                              en: "if this is one person, give their rows the same donor_id"))
        }
    }

    /// Warnings that need every row first: whole blood again within 12 weeks.
    public func donorWarnings(file: String) -> Diagnostics {
        var diagnostics = Diagnostics()
        for donor in ledger.donors.values where donor.gaveMoreThanOnce {
            let days = donor.donationDays.sorted { ($0.day, $0.line) < ($1.day, $1.line) }
            for (earlier, later) in zip(days, days.dropFirst()) where later.day.ordinal - earlier.day.ordinal < 84 {
                diagnostics.warning(
                    SourceLocation(file: file, line: later.line, column: 1),
                    Message(vi: "\(donor.label) đã hiến máu toàn phần ngày \(VietnameseFormat.date(earlier.day)) (dòng \(earlier.line)), chưa đủ 12 tuần trước lần này",
                            en: "\(donor.label) gave whole blood on \(earlier.day.iso) (line \(earlier.line)), less than 12 weeks before this"),
                    hint: donor.hasID ? nil : Message(
                        vi: "nếu đây là hai người trùng tên và đơn vị, hãy thêm donor_id",
                        en: "if these are two people with one name and unit, add donor_id"))
            }
        }
        return diagnostics
    }
}

/// The running counts of one campaign.
struct CampaignTally {
    var totals = Tally()
    var bySite: [TextKey: Tally] = [:]
    var byDate: [Day: Tally] = [:]
    var byUnit: [TextKey: Tally] = [:]
    var unknownUnit = Tally()
    var byBloodGroup: [String: Tally] = [:]
    var unknownBloodGroup = Tally()

    mutating func add(_ record: DonationRecord) {
        totals.add(record)
        bySite[TextKey(record.site), default: Tally()].add(record)
        byDate[record.date, default: Tally()].add(record)
        if let unit = record.unit { byUnit[TextKey(unit), default: Tally()].add(record) } else { unknownUnit.add(record) }
        if let group = record.bloodGroup {
            byBloodGroup[group, default: Tally()].add(record)
        } else {
            unknownBloodGroup.add(record)
        }
    }

    func figures(for info: FigureBuilder.CampaignInfo) -> CampaignFigures {
        func ranked(_ groups: [TextKey: Tally], unknown: Tally) -> [Group<String>] {
            var rows = groups.map { (key: $0.key.text, tally: $0.value, sortKey: VietnameseCollation.key($0.key.text)) }
                .sorted { a, b in
                    if a.tally.donations != b.tally.donations { return a.tally.donations > b.tally.donations }
                    if a.tally.registrations != b.tally.registrations { return a.tally.registrations > b.tally.registrations }
                    if a.sortKey != b.sortKey { return a.sortKey < b.sortKey }
                    return a.key < b.key
                }
                .map { Group<String>(key: $0.key, tally: $0.tally) }
            if unknown.registrations > 0 { rows.append(Group(key: nil, tally: unknown)) }
            return rows
        }
        var bloodGroups = byBloodGroup.map { Group<String>(key: $0.key, tally: $0.value) }
            .sorted { BloodGroup.order($0.key) < BloodGroup.order($1.key) }
        if unknownBloodGroup.registrations > 0 { bloodGroups.append(Group(key: nil, tally: unknownBloodGroup)) }
        return CampaignFigures(
            id: info.id, totals: totals, targetUnits: info.targetUnits,
            bySite: ranked(bySite, unknown: Tally()),
            byDate: byDate.map { Group(key: $0.key, tally: $0.value) }.sorted { $0.key! < $1.key! },
            byUnit: ranked(byUnit, unknown: unknownUnit),
            byBloodGroup: bloodGroups)
    }
}

/// Every figure of the site: totals, each campaign, and the honour rolls.
public struct SiteFigures: Sendable {
    public var totals: Tally
    public var campaigns: [CampaignFigures]
    public var honourRoll: [HonouredDonor]
    /// Campaign id → the campaign's donors whose lifetime count up to it reached a milestone.
    public var campaignRolls: [String: [HonouredDonor]]
    public var milestones: [Int]
    public var rowsRead: Int
    /// Campaign id → position in `campaigns`: pages look campaigns up by id many times.
    private let index: [String: Int]

    init(totals: Tally, campaigns: [CampaignFigures], honourRoll: [HonouredDonor],
         campaignRolls: [String: [HonouredDonor]], milestones: [Int], rowsRead: Int) {
        self.totals = totals
        self.campaigns = campaigns
        self.honourRoll = honourRoll
        self.campaignRolls = campaignRolls
        self.milestones = milestones
        self.rowsRead = rowsRead
        self.index = Dictionary(campaigns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func campaign(_ id: String) -> CampaignFigures? {
        index[id].map { campaigns[$0] }
    }
}
