/// Counts for a group of registrations.
public struct Tally: Equatable, Sendable {
    public var registrations = 0
    public var donations = 0
    public var volumeML = 0

    public init(registrations: Int = 0, donations: Int = 0, volumeML: Int = 0) {
        self.registrations = registrations
        self.donations = donations
        self.volumeML = volumeML
    }

    public var deferred: Int { registrations - donations }

    mutating func add(volumeML volume: Int32) {
        registrations += 1
        if volume > 0 {
            donations += 1
            volumeML += Int(volume)
        }
    }

    static func + (a: Tally, b: Tally) -> Tally {
        Tally(
            registrations: a.registrations + b.registrations, donations: a.donations + b.donations,
            volumeML: a.volumeML + b.volumeML)
    }
}

/// One row of a breakdown table; `key` nil is the "unknown" group (empty cells).
public struct Group<Key: Sendable>: Sendable {
    public var key: Key?
    public var tally: Tally
}

/// Every figure of one campaign (DESIGN.md "Figures").
public struct CampaignFigures: Sendable {
    public var id: String
    public var totals: Tally
    public var targetUnits: Int?
    public var bySite: [Group<String>]
    public var byDate: [Group<Day>]
    public var byUnit: [Group<String>]
    public var byBloodGroup: [Group<String>]

    /// donations / target_units; nil without a target.
    public var progress: Double? {
        guard let target = targetUnits, target > 0 else { return nil }
        return Double(totals.donations) / Double(target)
    }
}
