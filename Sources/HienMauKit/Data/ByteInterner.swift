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
    /// The low half of an entry's hash (compared before the bytes, and enough
    /// to place it) above its index + 1; 0 is an empty slot. A power of two,
    /// at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    /// Entries asked for as a `String`, made once.
    private var texts: [Int32: String] = [:]

    var count: Int { ends.count }

    /// The entry last interned or found: campaigns, sites and dates come in
    /// runs of rows, and comparing with it is cheaper than hashing.
    private var recent: Int32 = -1

    /// The entry for `bytes`, added when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if recent >= 0, matches(Int(recent), bytes) { return recent }
        let (hash, slot, found) = probe(bytes)
        let id = found ?? add(bytes, hash: hash, slot: slot)
        recent = id
        return id
    }

    mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0) }
    }

    /// The entry for `bytes`, or nil when they were never interned.
    mutating func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if recent >= 0, matches(Int(recent), bytes) { return recent }
        guard let id = probe(bytes).found else { return nil }
        recent = id
        return id
    }

    /// The slot holding `bytes`' entry, or the empty slot where it would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt32, slot: Int, found: Int32?) {
        let hash = UInt32(truncatingIfNeeded: Self.hash(bytes))
        var slot = Int(hash) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { return (hash, slot, nil) }
            if UInt32(entry >> 32) == hash, matches(Int(UInt32(truncatingIfNeeded: entry)) - 1, bytes) {
                return (hash, slot, Int32(UInt32(truncatingIfNeeded: entry)) - 1)
            }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int) -> Int32 {
        let id = Int32(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(UInt32(arena.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        if ends.count * 2 > slots.count { grow() }
        return id
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
        return arena.withUnsafeBufferPointer {
            Self.same(UnsafeRawPointer($0.baseAddress! + start), UnsafeRawPointer(base), bytes.count)
        }
    }

    /// Byte equality eight at a time, inline: the texts are short, and a call
    /// to `memcmp` for each cost a tenth of reading a row.
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in slots where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry
        }
        slots = bigger
    }

    /// Eight bytes at a time, each word mixed in with a multiply; the last
    /// partial word is read byte by byte so that nothing past the end is touched.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bytes.count) &* k
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* k
        return h ^ (h >> 29)
    }
}
