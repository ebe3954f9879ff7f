/// The warnings that adding up finds: one name in two units without
/// donor_id, and whole blood given again within 12 weeks.
extension FigureBuilder {
    /// Without donor_id, one name in two units is two people: worth a look.
    mutating func checkNameInOneUnit(_ row: DonationRow) {
        guard let known = unitOfName[row.donor] else {
            unitOfName[row.donor] = row.unit
            return
        }
        guard known != row.unit, !warnedNames.contains(row.donor) else { return }
        warnedNames.insert(row.donor)
        twoUnits.append((row.line, row.donor, known, row.unit))
    }

    /// The one-name-in-two-units warnings, once the vocabulary is here.
    public mutating func nameWarnings() -> Diagnostics {
        var warnings = Diagnostics()
        for entry in twoUnits {
            let name = vocabulary.names.text(entry.name)
            let first = entry.first >= 0 ? vocabulary.units.text(entry.first) : nil
            let second = entry.second >= 0 ? vocabulary.units.text(entry.second) : nil
            warnings.warning(
                SourceLocation(file: file, line: Int(entry.line), column: 1),
                Message(
                    vi:
                        "tên \"\(name)\" có ở hai đơn vị (\(first ?? "trống") và \(second ?? "trống")) mà không có donor_id; được tính là hai người",
                    en:
                        "the name \"\(name)\" appears in two units (\(first ?? "empty") and \(second ?? "empty")) without donor_id; counted as two people"
                ),
                hint: Message(
                    vi: "nếu là một người, thêm cùng một donor_id cho các dòng của người đó",
                    en: "if this is one person, give their rows the same donor_id"))
        }
        return warnings
    }

    /// Warnings that need every row first: whole blood again within 12 weeks.
    /// All gaps are found, in line order; the first `WarningLimit.limit`
    /// become warnings and one more says how many were left out.
    public mutating func donorWarnings(file: String, threads: Int = 1) -> Diagnostics {
        struct Gap {
            var line: Int32
            var earlierDay: Int32
            var earlierLine: Int32
            var donor: Int32
        }
        // Ranges of donors on every core, joined in donor order before sorting by line.
        let ledger = self.ledger
        let parts = Parallel.map(
            DonorLedger.ranges(of: ledger.donors.count, threads: threads), threads: threads, chunk: 1
        ) { range in
            var gaps: [Gap] = []
            for index in range where ledger.donors[index].gaveMoreThanOnce {
                let days = ledger.donationDays(of: ledger.donors[index])
                for (earlier, later) in zip(days, days.dropFirst()) where later.day - earlier.day < 84 {
                    gaps.append(
                        Gap(line: later.line, earlierDay: earlier.day, earlierLine: earlier.line, donor: Int32(index)))
                }
            }
            return gaps
        }
        var gaps = Array(parts.joined())
        gaps.sort { $0.line < $1.line }
        var limit = WarningLimit()
        var diagnostics = Diagnostics()
        for gap in gaps {
            guard limit.admit(line: Int(gap.line)) else { continue }
            let donor = ledger.donors[Int(gap.donor)]
            let name = vocabulary.names.text(donor.name)
            let extra =
                donor.id >= 0
                ? vocabulary.donorIDs.text(donor.id) : donor.unit >= 0 ? vocabulary.units.text(donor.unit) : nil
            let label = extra.map { "\(name) (\($0))" } ?? name
            let earlier = Day(ordinal: Int(gap.earlierDay))
            diagnostics.warning(
                SourceLocation(file: file, line: Int(gap.line), column: 1),
                Message(
                    vi:
                        "\(label) đã hiến máu toàn phần ngày \(VietnameseFormat.date(earlier)) (dòng \(gap.earlierLine)), chưa đủ 12 tuần trước lần này",
                    en:
                        "\(label) gave whole blood on \(earlier.iso) (line \(gap.earlierLine)), less than 12 weeks before this"
                ),
                hint: donor.hasID
                    ? nil
                    : Message(
                        vi: "nếu đây là hai người trùng tên và đơn vị, hãy thêm donor_id",
                        en: "if these are two people with one name and unit, add donor_id"))
        }
        if let summary = limit.summary(
            file: file,
            what: Message(
                vi: "hiến máu toàn phần lại chưa đủ 12 tuần",
                en: "whole blood again within 12 weeks"))
        {
            diagnostics.append(summary)
        }
        return diagnostics
    }
}
