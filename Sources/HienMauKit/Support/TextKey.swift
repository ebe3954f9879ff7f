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
        a.text.utf8.elementsEqual(b.text.utf8)
    }
}
