/// The texts of `xl/sharedStrings.xml` in one buffer: cells of type `s`
/// refer to them by index, and each such cell copies its bytes, so no
/// `String` is made per cell.
struct SharedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each text ends in `bytes`; text i starts where text i - 1 ends.
    private var ends: [Int] = []

    init() {}

    init(_ strings: [String]) {
        for string in strings { append(string.utf8) }
    }

    var count: Int { ends.count }

    mutating func append(_ text: some Collection<UInt8>) {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
    }

    /// `body` with the bytes of text `index`; nil past the end.
    func withText<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}
