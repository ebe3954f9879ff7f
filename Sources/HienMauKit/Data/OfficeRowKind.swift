/// What a row around the table is, in the layouts office staff keep: the
/// column-number row under the header ("(1) (2) (3)…"), the totals row
/// ("Tổng cộng"), the signature block ("Người lập biểu", "Ngày … tháng …
/// năm …"). Decided from the cells' texts, the same for a workbook and a CSV.
enum OfficeRowKind: Equatable {
    case empty, columnNumbers, totals, signature, other

    init(_ cells: [String]) {
        let texts = cells.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        if texts.isEmpty {
            self = .empty
            return
        }
        let slugs = texts.map(Slug.make)
        if texts.count >= 3, texts.allSatisfy(Self.isColumnNumber) {
            self = .columnNumbers
            return
        }
        if slugs.contains(where: Self.isSignature) {
            self = .signature
            return
        }
        // The label sits in one of the first cells, after an STT number if any.
        if let label = slugs.first(where: { !$0.isEmpty && Int($0) == nil }), Self.totalLabels.contains(label) {
            self = .totals
            return
        }
        self = .other
    }

    static let totalLabels: Set<String> = [
        "tong-cong", "cong", "tong-so", "tong", "total", "totals", "tong-cong-chung",
    ]

    /// `(1)`, `1`, `(A)`, `A`: a heading's number, not a value.
    private static func isColumnNumber(_ text: String) -> Bool {
        var core = Substring(text)
        if core.hasPrefix("("), core.hasSuffix(")") { core = core.dropFirst().dropLast() }
        guard !core.isEmpty, core.count <= 3 else { return false }
        return core.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    /// "Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "Ngày … tháng … năm …".
    private static func isSignature(_ slug: String) -> Bool {
        // A byte search: `String.contains` is Foundation's here, and the
        // generic searches of the standard library cost more than the rest of a
        // careful row; this runs for every cell of one.
        var slug = slug
        return slug.withUTF8 { bytes in
            func holds(_ mark: [UInt8]) -> Bool {
                let n = bytes.count, m = mark.count
                guard m > 0, m <= n else { return false }
                for i in 0...(n - m) where bytes[i] == mark[0] {
                    var j = 1
                    while j < m && bytes[i + j] == mark[j] { j += 1 }
                    if j == m { return true }
                }
                return false
            }
            if signatureMarks.contains(where: holds) { return true }
            guard holds(dayMark) else { return false }
            let words = bytes.split(separator: UInt8(ascii: "-"))
            guard let day = words.firstIndex(where: { $0.elementsEqual("ngay".utf8) }),
                let month = words[day...].firstIndex(where: { $0.elementsEqual("thang".utf8) })
            else { return false }
            return words[month...].contains { $0.elementsEqual("nam".utf8) }
        }
    }

    private static let dayMark = Array("ngay".utf8)
    private static let signatureMarks: [[UInt8]] = [
        "nguoi-lap-bieu", "nguoi-lap-bang", "nguoi-lap-danh-sach", "thu-truong-don-vi", "ky-ghi-ro-ho-ten",
        "ky-ten", "xac-nhan-cua",
    ].map { Array($0.utf8) }
}

extension String {
    /// Without white space at either end, and every inner run of it (a
    /// header wrapped with Alt+Enter, a name typed with two spaces) one space.
    var collapsingWhitespace: String {
        if isCollapsed { return self }
        return split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// No white space at either end nor two in a row, seen on the bytes: a
    /// byte that may start white space other than a single space (below
    /// 0x20; 0xC2 for U+0085 and U+00A0; 0xE1 0x9A, 0xE2, 0xE3 for the
    /// others) leaves it to `split`.
    private var isCollapsed: Bool {
        var afterSpace = true, previous: UInt8 = 0
        for b in utf8 {
            if b == 0x20 {
                if afterSpace { return false }
                afterSpace = true
            } else if b < 0x20 || b == 0xC2 || b == 0xE2 || b == 0xE3 || (previous == 0xE1 && b == 0x9A) {
                return false
            } else {
                afterSpace = false
            }
            previous = b
        }
        return !afterSpace || isEmpty
    }

    fileprivate var trimmingWhitespace: String { collapsingWhitespace }
}
