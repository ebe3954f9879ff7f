/// Sites or units as text with their order for tables: Vietnamese collation,
/// ties by text. Made once, so each campaign sorts by integers.
struct RankedTexts: Sendable {
    let texts: [String]
    /// By interned id: the position in that order.
    let ranks: [Int32]

    init(_ interner: inout ByteInterner) {
        let texts = (0..<interner.count).map { interner.text(Int32($0)) }
        let keys = texts.map(VietnameseCollation.key)
        let order = texts.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : texts[a] < texts[b]
        }
        var ranks = Array(repeating: Int32(0), count: texts.count)
        for (rank, id) in order.enumerated() { ranks[id] = Int32(rank) }
        self.texts = texts
        self.ranks = ranks
    }
}
