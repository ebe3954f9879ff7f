/// Each campaign's period as day ordinals, by `RowVocabulary.campaigns`
/// entry: an array, as it is looked at for every row.
struct CampaignPeriods {
    let byEntry: [ClosedRange<Int32>?]

    /// The period of the row's campaign when the row's day is outside it.
    func outside(_ row: DonationRow) -> ClosedRange<Int32>? {
        guard Int(row.campaign) < byEntry.count, let period = byEntry[Int(row.campaign)],
            !period.contains(row.day)
        else { return nil }
        return period
    }
}
