/// One line of an honour roll. `name` and `unit` are nil for a donor without
/// consent: a unit and a count can identify a person.
public struct HonouredDonor: Equatable, Sendable {
    public var name: String?
    public var unit: String?
    public var donations: Int
    public var milestone: Int

    public var isAnonymous: Bool { name == nil }
}

enum HonourRoll {
    /// The highest milestone `count` reaches, or nil.
    static func milestone(for count: Int, milestones: [Int]) -> Int? {
        milestones.last(where: { count >= $0 })
    }

    /// Count descending, then named before anonymous, then Vietnamese order of the
    /// given name, then the full name, then the unit.
    /// `keys` keeps the collation key of each name and unit across calls: the
    /// same donors appear in the site's roll and in each campaign's.
    static func sorted(_ donors: [HonouredDonor], keys: inout [TextKey: VietnameseCollation.Key]) -> [HonouredDonor] {
        func key(_ text: String) -> VietnameseCollation.Key {
            let k = TextKey(text)
            if let known = keys[k] { return known }
            let made = VietnameseCollation.key(text)
            keys[k] = made
            return made
        }
        let keyed = donors.map { donor in
            (donor, key(VietnameseCollation.givenName(donor.name ?? "")), key(donor.name ?? ""), key(donor.unit ?? ""))
        }
        return keyed.sorted { a, b in
            if a.0.donations != b.0.donations { return a.0.donations > b.0.donations }
            if a.0.isAnonymous != b.0.isAnonymous { return !a.0.isAnonymous }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            if a.3 != b.3 { return a.3 < b.3 }
            return (a.0.name ?? "", a.0.unit ?? "") < (b.0.name ?? "", b.0.unit ?? "")
        }.map(\.0)
    }
}
