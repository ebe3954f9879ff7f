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

    init(
        totals: Tally, campaigns: [CampaignFigures], honourRoll: [HonouredDonor],
        campaignRolls: [String: [HonouredDonor]], milestones: [Int], rowsRead: Int
    ) {
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
