/// Adds up donation rows one at a time, then produces every figure of the
/// site. Rows of campaigns not in the build (drafts) are skipped.
public struct FigureBuilder: DonationRowSink {
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
    /// The texts the rows refer to; `DonationTable` hands it over once every row is added.
    var vocabulary = RowVocabulary()
    var tallies: [CampaignTally]
    var ledger = DonorLedger()
    public private(set) var rowsRead = 0
    /// Unit (-1 none) of each name first seen without donor_id, and the names already warned about.
    private var unitOfName: [Int32: Int32] = [:]
    private var warnedNames: Set<Int32> = []
    /// One name in two units: (line, name, first unit, this unit), worded once the texts are here.
    private var twoUnits: [(line: Int32, name: Int32, first: Int32, second: Int32)] = []
    let file: String

    public init(campaigns: [CampaignInfo], milestones: [Int], consentDefault: Bool, file: String = "") {
        self.file = file
        self.campaigns = campaigns
        self.indexByID = Dictionary(campaigns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.milestones = milestones
        self.consentDefault = consentDefault
        self.tallies = Array(repeating: CampaignTally(), count: campaigns.count)
    }

    /// Room for about `rows` rows (from the file's size; rows are 100–150 bytes).
    mutating func reserve(rows: Int) {
        ledger.reserve(rows: rows)
    }

    /// Adds one row; its `campaign` is an index in `campaigns`, or -1 for a
    /// campaign outside the build. Uses no text, so it can run while another
    /// thread is still reading rows into the vocabulary.
    mutating func add(_ row: DonationRow) {
        rowsRead += 1
        guard row.campaign >= 0 else { return }
        if row.donorID < 0 { checkNameInOneUnit(row) }
        tallies[Int(row.campaign)].add(row)
        ledger.add(row, campaignIndex: row.campaign)
    }

    /// `threads`: campaigns' figures are made in parallel, each on its own.
    public mutating func finish(threads: Int = 1) -> SiteFigures {
        let sites = RankedTexts(&vocabulary.sites), units = RankedTexts(&vocabulary.units)
        let perCampaign = Parallel.map(Array(campaigns.indices), threads: threads) { [tallies, campaigns] index in
            tallies[index].figures(for: campaigns[index], sites: sites, units: units)
        }
        var overall = Tally()
        for figures in perCampaign { overall = overall + figures.totals }

        // Each range of donors on its own core; the lines are joined in donor order, as one pass makes them.
        let (ledger, milestones, consentDefault) = (self.ledger, self.milestones, self.consentDefault)
        let parts = Parallel.map(DonorLedger.ranges(of: ledger.donors.count, threads: threads), threads: threads, chunk: 1) {
            range -> (site: [HonourRoll.Line], campaigns: [(index: Int, line: HonourRoll.Line)]) in
            var site: [HonourRoll.Line] = [], campaigns: [(index: Int, line: HonourRoll.Line)] = []
            for donor in ledger.donors[range] {
                let named = !donor.refusedConsent && (!donor.emptyConsent || consentDefault)
                func line(_ count: Int) -> HonourRoll.Line? {
                    guard let milestone = HonourRoll.milestone(for: count, milestones: milestones) else { return nil }
                    return HonourRoll.Line(donations: Int32(count), milestone: Int32(milestone),
                                           name: named ? donor.name : -1, unit: named ? donor.unit : -1)
                }
                var running = Int(donor.prior)
                ledger.forEachCampaign(of: donor) { index, count in
                    running += count
                    if let line = line(running) { campaigns.append((index, line)) }
                }
                if let line = line(running) { site.append(line) }
            }
            return (site, campaigns)
        }
        var siteRoll: [HonourRoll.Line] = []
        var campaignRolls = Array(repeating: [HonourRoll.Line](), count: campaigns.count)
        for part in parts {
            siteRoll += part.site
            for (index, line) in part.campaigns { campaignRolls[index].append(line) }
        }
        let sorter = HonourRoll.Sorter(lines: siteRoll + campaignRolls.joined(), vocabulary: &vocabulary, threads: threads)
        var rolls: [String: [HonouredDonor]] = [:]
        for (index, info) in campaigns.enumerated() {
            rolls[info.id] = sorter.sorted(campaignRolls[index], vocabulary: &vocabulary)
        }
        return SiteFigures(
            totals: overall, campaigns: perCampaign, honourRoll: sorter.sorted(siteRoll, vocabulary: &vocabulary),
            campaignRolls: rolls, milestones: milestones, rowsRead: rowsRead)
    }

    /// Without donor_id, one name in two units is two people: worth a look.
    private mutating func checkNameInOneUnit(_ row: DonationRow) {
        guard let known = unitOfName[row.donor] else {
            unitOfName[row.donor] = row.unit
            return
        }
        guard known != row.unit, !warnedNames.contains(row.donor) else { return }
        warnedNames.insert(row.donor)
        twoUnits.append((row.line, row.donor, known, row.unit))
    }

    /// The one-name-in-two-units warnings, once the vocabulary is here.
    public mutating func nameWarnings() -> Diagnostics {
        var warnings = Diagnostics()
        for entry in twoUnits {
            let name = vocabulary.names.text(entry.name)
            let first = entry.first >= 0 ? vocabulary.units.text(entry.first) : nil
            let second = entry.second >= 0 ? vocabulary.units.text(entry.second) : nil
            warnings.warning(
                SourceLocation(file: file, line: Int(entry.line), column: 1),
                Message(vi: "tên \"\(name)\" có ở hai đơn vị (\(first ?? "trống") và \(second ?? "trống")) mà không có donor_id; được tính là hai người",
                        en: "the name \"\(name)\" appears in two units (\(first ?? "empty") and \(second ?? "empty")) without donor_id; counted as two people"),
                hint: Message(vi: "nếu là một người, thêm cùng một donor_id cho các dòng của người đó",
                              en: "if this is one person, give their rows the same donor_id"))
        }
        return warnings
    }

    /// Warnings that need every row first: whole blood again within 12 weeks.
    /// All gaps are found, in line order; the first `WarningLimit.limit`
    /// become warnings and one more says how many were left out.
    public mutating func donorWarnings(file: String, threads: Int = 1) -> Diagnostics {
        struct Gap { var line: Int32; var earlierDay: Int32; var earlierLine: Int32; var donor: Int32 }
        // Ranges of donors on every core, joined in donor order before sorting by line.
        let ledger = self.ledger
        let parts = Parallel.map(DonorLedger.ranges(of: ledger.donors.count, threads: threads), threads: threads, chunk: 1) { range in
            var gaps: [Gap] = []
            for index in range where ledger.donors[index].gaveMoreThanOnce {
                let days = ledger.donationDays(of: ledger.donors[index])
                for (earlier, later) in zip(days, days.dropFirst()) where later.day - earlier.day < 84 {
                    gaps.append(Gap(line: later.line, earlierDay: earlier.day, earlierLine: earlier.line, donor: Int32(index)))
                }
            }
            return gaps
        }
        var gaps = Array(parts.joined())
        gaps.sort { $0.line < $1.line }
        var limit = WarningLimit()
        var diagnostics = Diagnostics()
        for gap in gaps {
            guard limit.admit(line: Int(gap.line)) else { continue }
            let donor = ledger.donors[Int(gap.donor)]
            let name = vocabulary.names.text(donor.name)
            let extra = donor.id >= 0 ? vocabulary.donorIDs.text(donor.id) : donor.unit >= 0 ? vocabulary.units.text(donor.unit) : nil
            let label = extra.map { "\(name) (\($0))" } ?? name
            let earlier = Day(ordinal: Int(gap.earlierDay))
            diagnostics.warning(
                SourceLocation(file: file, line: Int(gap.line), column: 1),
                Message(vi: "\(label) đã hiến máu toàn phần ngày \(VietnameseFormat.date(earlier)) (dòng \(gap.earlierLine)), chưa đủ 12 tuần trước lần này",
                        en: "\(label) gave whole blood on \(earlier.iso) (line \(gap.earlierLine)), less than 12 weeks before this"),
                hint: donor.hasID ? nil : Message(
                    vi: "nếu đây là hai người trùng tên và đơn vị, hãy thêm donor_id",
                    en: "if these are two people with one name and unit, add donor_id"))
        }
        if let summary = limit.summary(file: file, what: Message(vi: "hiến máu toàn phần lại chưa đủ 12 tuần",
                                                                    en: "whole blood again within 12 weeks")) {
            diagnostics.append(summary)
        }
        return diagnostics
    }
}

/// Tallies by a small integer key (a site, day or unit of one campaign): a
/// campaign has a handful of each, so a short list searched from the last hit
/// beats hashing; past 16 keys a dictionary takes over.
struct TallyMap {
    private(set) var keys: [Int32] = []
    private(set) var tallies: [Tally] = []
    private var index: [Int32: Int] = [:]
    private var last = 0

    mutating func add(_ key: Int32, volumeML: Int32) {
        if last < keys.count && keys[last] == key {
            tallies[last].add(volumeML: volumeML)
            return
        }
        if keys.count <= 16 {
            if let found = keys.firstIndex(of: key) {
                last = found
                tallies[found].add(volumeML: volumeML)
                return
            }
        } else if let found = index[key] {
            last = found
            tallies[found].add(volumeML: volumeML)
            return
        }
        keys.append(key)
        tallies.append(Tally())
        last = keys.count - 1
        tallies[last].add(volumeML: volumeML)
        if keys.count == 17 {
            for (i, k) in keys.enumerated() { index[k] = i }
        } else if keys.count > 17 {
            index[key] = last
        }
    }
}

/// The running counts of one campaign.
struct CampaignTally {
    var totals = Tally()
    var bySite = TallyMap()
    var byDay = TallyMap()
    var byUnit = TallyMap()
    var unknownUnit = Tally()
    /// By index in `BloodGroup.all`, then the empty cells.
    var byBloodGroup = Array(repeating: Tally(), count: BloodGroup.all.count + 1)

    mutating func add(_ row: DonationRow) {
        totals.add(volumeML: row.volumeML)
        bySite.add(row.site, volumeML: row.volumeML)
        byDay.add(row.day, volumeML: row.volumeML)
        if row.unit >= 0 { byUnit.add(row.unit, volumeML: row.volumeML) } else { unknownUnit.add(volumeML: row.volumeML) }
        byBloodGroup[row.bloodGroup >= 0 ? Int(row.bloodGroup) : BloodGroup.all.count].add(volumeML: row.volumeML)
    }

    func figures(for info: FigureBuilder.CampaignInfo, sites: RankedTexts, units: RankedTexts) -> CampaignFigures {
        func ranked(_ groups: TallyMap, texts: RankedTexts, unknown: Tally) -> [Group<String>] {
            var rows = zip(groups.keys, groups.tallies).sorted { a, b in
                if a.1.donations != b.1.donations { return a.1.donations > b.1.donations }
                if a.1.registrations != b.1.registrations { return a.1.registrations > b.1.registrations }
                return texts.ranks[Int(a.0)] < texts.ranks[Int(b.0)]
            }
            .map { Group<String>(key: texts.texts[Int($0.0)], tally: $0.1) }
            if unknown.registrations > 0 { rows.append(Group(key: nil, tally: unknown)) }
            return rows
        }
        var bloodGroups: [Group<String>] = []
        for (index, group) in BloodGroup.all.enumerated() where byBloodGroup[index].registrations > 0 {
            bloodGroups.append(Group(key: group, tally: byBloodGroup[index]))
        }
        if byBloodGroup[BloodGroup.all.count].registrations > 0 {
            bloodGroups.append(Group(key: nil, tally: byBloodGroup[BloodGroup.all.count]))
        }
        return CampaignFigures(
            id: info.id, totals: totals, targetUnits: info.targetUnits,
            bySite: ranked(bySite, texts: sites, unknown: Tally()),
            byDate: zip(byDay.keys, byDay.tallies).map { Group(key: Day(ordinal: Int($0)), tally: $1) }
                .sorted { $0.key! < $1.key! },
            byUnit: ranked(byUnit, texts: units, unknown: unknownUnit),
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

/// Sites or units as text with their order for tables: Vietnamese collation,
/// ties by text. Made once, so each campaign sorts by integers.
struct RankedTexts: Sendable {
    let texts: [String]
    /// By interned id: the position in that order.
    let ranks: [Int32]

    init(_ interner: inout ByteInterner) {
        let texts = (0..<interner.count).map { interner.text(Int32($0)) }
        let keys = texts.map(VietnameseCollation.key)
        let order = texts.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : texts[a] < texts[b]
        }
        var ranks = Array(repeating: Int32(0), count: texts.count)
        for (rank, id) in order.enumerated() { ranks[id] = Int32(rank) }
        self.texts = texts
        self.ranks = ranks
    }
}
