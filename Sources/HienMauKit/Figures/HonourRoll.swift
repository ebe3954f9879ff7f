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

    /// A roll line while the rolls are made: vocabulary entries, -1 for none.
    struct Line {
        var donations: Int32
        var milestone: Int32
        /// -1 for an anonymous donor.
        var name: Int32
        var unit: Int32
    }

    /// Sorts roll lines: count descending, then named before anonymous, then
    /// Vietnamese order of the given name, then the full name, then the unit,
    /// then the texts themselves.
    ///
    /// Collation keys are worked out once per distinct name and unit and turned
    /// into ranks, so a roll of a million lines sorts by comparing integers.
    struct Sorter {
        private var nameRank: [Int32: Int32] = [:]
        private var unitRank: [Int32: Int32] = [:]

        /// The collation keys of tens of thousands of names are worked out on `threads` cores.
        init(lines: [Line], vocabulary: inout RowVocabulary, threads: Int = 1) {
            let names = Set(lines.lazy.filter { $0.name >= 0 }.map(\.name)).sorted()
            let units = Set(lines.lazy.filter { $0.name >= 0 }.map(\.unit)).sorted()
            let texts = vocabulary
            var nameKeys: [(id: Int32, given: VietnameseCollation.Key, full: VietnameseCollation.Key)] =
                Parallel.map(names, threads: threads) { id in
                    let text = texts.names.peekText(id)
                    return (
                        id, VietnameseCollation.key(VietnameseCollation.givenName(text)), VietnameseCollation.key(text)
                    )
                }
            nameKeys.sort { ($0.given, $0.full) < ($1.given, $1.full) }
            var rank: Int32 = -1
            for (i, entry) in nameKeys.enumerated() {
                if i == 0 || entry.given != nameKeys[i - 1].given || entry.full != nameKeys[i - 1].full { rank += 1 }
                nameRank[entry.id] = rank
            }
            var unitKeys: [(id: Int32, key: VietnameseCollation.Key)] = units.map { id in
                (id, VietnameseCollation.key(id >= 0 ? vocabulary.units.text(id) : ""))
            }
            unitKeys.sort { $0.key < $1.key }
            rank = -1
            for (i, entry) in unitKeys.enumerated() {
                if i == 0 || entry.key != unitKeys[i - 1].key { rank += 1 }
                unitRank[entry.id] = rank
            }
        }

        func sorted(_ lines: [Line], vocabulary: inout RowVocabulary) -> [HonouredDonor] {
            struct Keyed {
                var line: Line
                var name: Int32
                var unit: Int32
            }
            let keyed = lines.map { line in
                line.name < 0
                    ? Keyed(line: line, name: -1, unit: -1)
                    : Keyed(line: line, name: nameRank[line.name]!, unit: unitRank[line.unit]!)
            }
            let texts = vocabulary
            let order = keyed.sorted { a, b in
                if a.line.donations != b.line.donations { return a.line.donations > b.line.donations }
                let anonymousA = a.line.name < 0, anonymousB = b.line.name < 0
                if anonymousA != anonymousB { return anonymousB }
                if a.name != b.name { return a.name < b.name }
                if a.unit != b.unit { return a.unit < b.unit }
                guard !anonymousA, a.line.name != b.line.name || a.line.unit != b.line.unit else { return false }
                // Different texts with equal collation keys: compare the texts.
                let first = (
                    texts.names.peekText(a.line.name), a.line.unit >= 0 ? texts.units.peekText(a.line.unit) : ""
                )
                let second = (
                    texts.names.peekText(b.line.name), b.line.unit >= 0 ? texts.units.peekText(b.line.unit) : ""
                )
                return first < second
            }
            return order.map { entry in
                let line = entry.line
                let named = line.name >= 0
                return HonouredDonor(
                    name: named ? vocabulary.names.text(line.name) : nil,
                    unit: named && line.unit >= 0 ? vocabulary.units.text(line.unit) : nil,
                    donations: Int(line.donations), milestone: Int(line.milestone))
            }
        }
    }
}
