/// One row's cells by column, as bytes: as they are in the file (the quick
/// path) or trimmed and normalised (the careful path). A column the file
/// does not have is an empty cell.
struct RowCells {
    typealias Cell = UnsafeBufferPointer<UInt8>
    var campaign, date, site, donor, donorID, unit, volume, bloodGroup, prior, consent: Cell

    /// The cells of a record, by the fields the header gave each column.
    @inline(__always)
    init(_ raw: RawRecord, fields: ColumnFields) {
        let empty = Cell(start: nil, count: 0)
        func cell(_ index: Int) -> Cell { index < 0 ? empty : raw.field(index) }
        campaign = cell(fields.campaign)
        date = cell(fields.date)
        site = cell(fields.site)
        donor = cell(fields.donor)
        donorID = cell(fields.donorID)
        unit = cell(fields.unit)
        volume = cell(fields.volume)
        bloodGroup = cell(fields.bloodGroup)
        prior = cell(fields.prior)
        consent = cell(fields.consent)
    }

    init(_ cell: (DonationColumn) -> Cell) {
        campaign = cell(.campaign)
        date = cell(.date)
        site = cell(.site)
        donor = cell(.donor)
        donorID = cell(.donorID)
        unit = cell(.unit)
        volume = cell(.volumeML)
        bloodGroup = cell(.bloodGroup)
        prior = cell(.priorDonations)
        consent = cell(.consent)
    }

    /// A cell holds a control character (`CellControls`).
    var holdControls: Bool {
        CellControls.any(in: campaign) || CellControls.any(in: date) || CellControls.any(in: site)
            || CellControls.any(in: donor) || CellControls.any(in: donorID) || CellControls.any(in: unit)
            || CellControls.any(in: volume) || CellControls.any(in: bloodGroup) || CellControls.any(in: prior)
            || CellControls.any(in: consent)
    }

    /// Cells holding `texts`, valid while `body` runs.
    static func holding<R>(_ texts: [DonationColumn: String], _ body: (RowCells) -> R) -> R {
        var bytes: [UInt8] = []
        var ranges: [DonationColumn: Range<Int>] = [:]
        for column in DonationColumn.allCases {
            let start = bytes.count
            bytes.append(contentsOf: (texts[column] ?? "").utf8)
            ranges[column] = start..<bytes.count
        }
        return bytes.withUnsafeBufferPointer { base in
            body(RowCells { UnsafeBufferPointer(rebasing: base[ranges[$0]!]) })
        }
    }

    /// Every column's parser on its cell, in column order; `failed` hears each
    /// cell that fails. The row, its texts entered in `vocabulary`, when none does.
    @inline(__always)
    func parse(line: Int, vocabulary: inout RowVocabulary, failed: (DonationColumn, CellProblem) -> Void)
        -> DonationRow?
    {
        var anyFailed = false
        func value<Value>(_ column: DonationColumn, _ result: Result<Value, CellProblem>) -> Value? {
            switch result {
            case .success(let value): return value
            case .failure(let problem):
                anyFailed = true
                failed(column, problem)
                return nil
            }
        }
        let campaign = value(.campaign, ColumnParsers.campaign(campaign, known: &vocabulary.campaigns))
        let day = value(.date, ColumnParsers.date(date))
        let site = value(.site, ColumnParsers.text(site, required: true))
        let donor = value(.donor, ColumnParsers.text(donor, required: true))
        let unit = value(.unit, ColumnParsers.text(unit, required: false))
        let volume = value(.volumeML, ColumnParsers.volume(volume))
        let bloodGroup = value(.bloodGroup, ColumnParsers.bloodGroup(bloodGroup))
        let prior = value(.priorDonations, ColumnParsers.priorDonations(prior))
        let consent = value(.consent, ColumnParsers.consent(consent))
        guard !anyFailed, let campaign, let day, let site, let donor, let unit, let volume, let bloodGroup, let prior,
            let consent
        else { return nil }
        // donor_id takes any text; an empty id or unit is none.
        return DonationRow(
            campaign: campaign, day: day, site: vocabulary.sites.intern(site), donor: vocabulary.names.intern(donor),
            donorID: donorID.isEmpty ? -1 : vocabulary.donorIDs.intern(donorID),
            unit: unit.isEmpty ? -1 : vocabulary.units.intern(unit),
            volumeML: volume, prior: prior, line: Int32(clamping: line), bloodGroup: bloodGroup, consent: consent)
    }
}

/// Where each column's cell is in a record: its field index, -1 when the file
/// has no such column. Stored, not looked up: it is used for every row.
struct ColumnFields {
    let campaign, date, site, donor, donorID, unit, volume, bloodGroup, prior, consent: Int

    init(_ header: DonationHeader) {
        func at(_ column: DonationColumn) -> Int { header.index[column] ?? -1 }
        campaign = at(.campaign)
        date = at(.date)
        site = at(.site)
        donor = at(.donor)
        donorID = at(.donorID)
        unit = at(.unit)
        volume = at(.volumeML)
        bloodGroup = at(.bloodGroup)
        prior = at(.priorDonations)
        consent = at(.consent)
    }

    /// No header yet: no column anywhere.
    init() {
        campaign = -1
        date = -1
        site = -1
        donor = -1
        donorID = -1
        unit = -1
        volume = -1
        bloodGroup = -1
        prior = -1
        consent = -1
    }
}
