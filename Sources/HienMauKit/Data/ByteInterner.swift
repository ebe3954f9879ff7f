import Foundation

/// Gives each distinct byte string a small integer, in order of first sight.
///
/// Sites, units, names and donor ids repeat across millions of rows; keeping
/// each once, and the rows as integers, is what lets the figures be added up
/// without a `String` per cell (Swift hashes a `String` by normalizing it).
/// Open addressing over one byte arena: about 20 bytes per entry beside the
/// text itself, and no allocation per entry.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// Entry `i` is `arena[ends[i - 1] ..< ends[i]]` (`ends[-1]` being 0).
    private var ends: [UInt32] = []
    /// The low half of each entry's hash: compared before the bytes, and enough to place it.
    private var hashes: [UInt32] = []
    /// Entry index + 1, or 0 for an empty slot; a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 16)
    /// Entries asked for as a `String`, made once.
    private var texts: [Int32: String] = [:]

    var count: Int { ends.count }

    /// The entry for `bytes`, added when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = UInt32(truncatingIfNeeded: Self.hash(bytes))
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if hashes[Int(entry) - 1] == hash && matches(Int(entry) - 1, bytes) { return entry - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(UInt32(arena.count))
        hashes.append(hash)
        slots[slot] = id + 1
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0) }
    }

    /// The entry for `bytes`, or nil when they were never interned.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = UInt32(truncatingIfNeeded: Self.hash(bytes))
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if hashes[Int(entry) - 1] == hash && matches(Int(entry) - 1, bytes) { return entry - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    func find(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { find($0) }
    }

    /// The entry as text (the interned bytes are UTF-8).
    mutating func text(_ id: Int32) -> String {
        if let known = texts[id] { return known }
        let made = peekText(id)
        texts[id] = made
        return made
    }

    /// The entry as a new `String`, without remembering it.
    func peekText(_ id: Int32) -> String {
        let start = id == 0 ? 0 : Int(ends[Int(id) - 1])
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<Int(ends[Int(id)])]), as: UTF8.self)
        }
    }

    private func matches(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        guard Int(ends[index]) - start == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, bytes.count) == 0 }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(index + 1)
        }
        slots = bigger
    }

    /// FNV-1a, then a multiply so that the low bits (the slot) depend on every byte.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return (h ^ (h >> 29)) &* 0xbf58_476d_1ce4_e5b9 ^ (h >> 32)
    }
}
