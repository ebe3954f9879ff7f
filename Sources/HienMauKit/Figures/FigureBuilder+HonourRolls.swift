extension FigureBuilder {
    /// The lines of the honour rolls, unsorted: each donor who reached a
    /// milestone by the end (the site's roll) and by each campaign, counting
    /// lifetime donations in campaign order. Each range of donors on its own
    /// core; the lines are joined in donor order, as one pass makes them.
    func honourRollLines(threads: Int) -> (site: [HonourRoll.Line], campaigns: [[HonourRoll.Line]]) {
        let (ledger, milestones, consentDefault) = (self.ledger, self.milestones, self.consentDefault)
        let parts = Parallel.map(
            DonorLedger.ranges(of: ledger.donors.count, threads: threads), threads: threads, chunk: 1
        ) {
            range -> (site: [HonourRoll.Line], campaigns: [(index: Int, line: HonourRoll.Line)]) in
            var site: [HonourRoll.Line] = [], campaigns: [(index: Int, line: HonourRoll.Line)] = []
            for donor in ledger.donors[range] {
                let named = !donor.refusedConsent && (!donor.emptyConsent || consentDefault)
                func line(_ count: Int) -> HonourRoll.Line? {
                    guard let milestone = HonourRoll.milestone(for: count, milestones: milestones) else { return nil }
                    return HonourRoll.Line(
                        donations: Int32(count), milestone: Int32(milestone),
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
        return (siteRoll, campaignRolls)
    }
}
