/// A 64-bit hash of bytes that is the same on every machine and in every run
/// (Swift's `Hasher` is seeded per process): the names of published photos
/// and the keys of the image cache are made from it. Not cryptographic; two
/// lanes of multiply-rotate over 8-byte words, then a final mix, so a 12 MB
/// photo hashes in a few milliseconds.
struct ContentHash: Hashable, Sendable {
    let value: UInt64

    init(_ bytes: UnsafeRawBufferPointer) {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var a: UInt64 = 0x2545_F491_4F6C_DD1D ^ UInt64(bytes.count), b: UInt64 = 0x6A09_E667_F3BC_C908
        var i = 0
        while i + 16 <= bytes.count {
            a = Self.rotate(
                (a ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* p1, 31)
            b = Self.rotate(
                (b ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))) &* p2, 29)
            i += 16
        }
        while i < bytes.count {
            a = Self.rotate((a ^ UInt64(bytes[i])) &* p1, 23)
            i += 1
        }
        value = Self.mix(a ^ Self.rotate(b, 17) &* p2)
    }

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ContentHash($0) }
    }

    init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// This hash and `other` together, order mattering.
    func combined(with other: ContentHash) -> ContentHash {
        ContentHash(value: Self.mix(value &* 0x9E37_79B1_85EB_CA87 ^ Self.rotate(other.value, 27)))
    }

    private init(value: UInt64) {
        self.value = value
    }

    /// Sixteen lower-case hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func rotate(_ x: UInt64, _ n: UInt64) -> UInt64 { (x << n) | (x >> (64 - n)) }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    private static func mix(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 33)
    }
}
