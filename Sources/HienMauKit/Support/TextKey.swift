import Foundation

/// A dictionary key that hashes and compares a string's UTF-8 bytes.
///
/// Swift's own String hashing normalizes non-ASCII text on every call, which
/// made Vietnamese names the most expensive part of adding up rows. The
/// CSV reader has already put every name in NFC, so bytes are enough.
struct TextKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: TextKey, b: TextKey) -> Bool {
        sameBytes(a.text, b.text)
    }
}

/// Whether two strings have the same UTF-8 bytes (one memcmp; String's own
/// == compares canonical equivalence, and `elementsEqual` goes byte by byte).
func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
        }
    }
}
