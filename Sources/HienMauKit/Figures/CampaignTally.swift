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
        if row.unit >= 0 {
            byUnit.add(row.unit, volumeML: row.volumeML)
        } else {
            unknownUnit.add(volumeML: row.volumeML)
        }
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
