/// Checks across rows that no single row shows: one `donor_id` carrying two
/// names (two people's donations counted as one's, on an honour roll), and
/// a published campaign with no rows at all. Uses the rows' entries only,
/// so it costs an array lookup a row.
struct RecordChecks {
    /// By `RowVocabulary.donorIDs` entry: the name entry first seen with it, and its line; -1 before.
    private var nameOfID: [Int32] = []
    private var lineOfID: [Int32] = []
    /// Rows read, by `RowVocabulary.campaigns` entry.
    private var rowsOfCampaign: [Int]

    init(campaigns: Int) {
        rowsOfCampaign = Array(repeating: 0, count: campaigns)
    }

    /// Counts the row; false when its donor_id was first seen with another name.
    mutating func admit(_ row: DonationRow) -> (firstName: Int32, firstLine: Int32)? {
        if Int(row.campaign) < rowsOfCampaign.count { rowsOfCampaign[Int(row.campaign)] += 1 }
        guard row.donorID >= 0 else { return nil }
        let id = Int(row.donorID)
        if id >= nameOfID.count {
            nameOfID.append(contentsOf: repeatElement(-1, count: id - nameOfID.count + 1))
            lineOfID.append(contentsOf: repeatElement(-1, count: id - lineOfID.count + 1))
        }
        if nameOfID[id] < 0 {
            nameOfID[id] = row.donor
            lineOfID[id] = row.line
            return nil
        }
        return nameOfID[id] == row.donor ? nil : (nameOfID[id], lineOfID[id])
    }

    /// The campaign entries that got no row.
    func campaignsWithoutRows() -> [Int] {
        rowsOfCampaign.indices.filter { rowsOfCampaign[$0] == 0 }
    }
}
