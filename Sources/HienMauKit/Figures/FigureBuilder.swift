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
    var unitOfName: [Int32: Int32] = [:]
    var warnedNames: Set<Int32> = []
    /// One name in two units: (line, name, first unit, this unit), worded once the texts are here.
    var twoUnits: [(line: Int32, name: Int32, first: Int32, second: Int32)] = []
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

        let (siteRoll, campaignRolls) = honourRollLines(threads: threads)
        let sorter = HonourRoll.Sorter(
            lines: siteRoll + campaignRolls.joined(), vocabulary: &vocabulary, threads: threads)
        var rolls: [String: [HonouredDonor]] = [:]
        for (index, info) in campaigns.enumerated() {
            rolls[info.id] = sorter.sorted(campaignRolls[index], vocabulary: &vocabulary)
        }
        return SiteFigures(
            totals: overall, campaigns: perCampaign, honourRoll: sorter.sorted(siteRoll, vocabulary: &vocabulary),
            campaignRolls: rolls, milestones: milestones, rowsRead: rowsRead)
    }
}
