/// Reads a row straight from its bytes when every cell is in the usual form:
/// no white space to trim, names already in NFC, ISO or D/M/YYYY dates, a
/// known campaign, a date inside its period, the canonical volume, blood
/// group and consent spellings. Anything else returns nil and the row takes
/// the careful path (`RowChecker.check`), which accepts the other forms and
/// words the errors; both paths give the same row for the same cells.
///
/// This is the path a national archive's millions of rows take: no `String`
/// is made, and each text is looked up in a `ByteInterner`.
struct QuickRowReader {
    private let fieldCount: Int
    /// Field index of each column, -1 when the file has no such column.
    private let campaign, date, site, donor, donorID, unit, volume, bloodGroup, prior, consent: Int
    /// Campaign period as day ordinals, by `RowVocabulary.campaigns` entry
    /// (an array: it is looked at for every row).
    private let periods: [ClosedRange<Int32>?]

    /// A reader for no header: every row takes the careful path.
    static let none = QuickRowReader()

    private init() {
        fieldCount = -1
        campaign = -1; date = -1; site = -1; donor = -1; donorID = -1; unit = -1; volume = -1; bloodGroup = -1
        prior = -1; consent = -1
        periods = []
    }

    init(header: DonationHeader, periods: [Int32: ClosedRange<Int32>]) {
        func at(_ column: DonationColumn) -> Int { header.index[column] ?? -1 }
        fieldCount = header.fieldCount
        campaign = at(.campaign); date = at(.date); site = at(.site); donor = at(.donor)
        donorID = at(.donorID); unit = at(.unit); volume = at(.volumeML); bloodGroup = at(.bloodGroup)
        prior = at(.priorDonations); consent = at(.consent)
        var byEntry = [ClosedRange<Int32>?](repeating: nil, count: Int(periods.keys.max() ?? -1) + 1)
        for (entry, period) in periods { byEntry[Int(entry)] = period }
        self.periods = byEntry
    }

    func read(_ raw: RawRecord, vocabulary: inout RowVocabulary) -> DonationRow? {
        guard raw.fieldCount == fieldCount else { return nil }
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> { index < 0 ? empty : raw.field(index) }

        let campaignBytes = cell(campaign)
        guard Self.untrimmed(campaignBytes), let campaignID = vocabulary.campaigns.find(campaignBytes),
              let day = Self.day(cell(date))
        else { return nil }
        if Int(campaignID) < periods.count, let period = periods[Int(campaignID)], !period.contains(day) { return nil }

        let siteBytes = cell(site), donorBytes = cell(donor)
        guard Self.untrimmed(siteBytes), Self.surelyNFC(siteBytes),
              Self.untrimmed(donorBytes), Self.surelyNFC(donorBytes)
        else { return nil }

        var idEntry: Int32 = -1
        let idBytes = cell(donorID)
        if !idBytes.isEmpty {
            guard Self.untrimmed(idBytes) else { return nil }
            idEntry = vocabulary.donorIDs.intern(idBytes)
        }
        var unitEntry: Int32 = -1
        let unitBytes = cell(unit)
        if !unitBytes.isEmpty {
            guard Self.untrimmed(unitBytes), Self.surelyNFC(unitBytes) else { return nil }
            unitEntry = vocabulary.units.intern(unitBytes)
        }
        guard let volumeML = Self.volume(cell(volume)), let group = Self.bloodGroup(cell(bloodGroup)),
              let priorCount = Self.prior(cell(prior)), let consentValue = Self.consent(cell(consent))
        else { return nil }

        return DonationRow(
            campaign: campaignID, day: day, site: vocabulary.sites.intern(siteBytes),
            donor: vocabulary.names.intern(donorBytes), donorID: idEntry, unit: unitEntry,
            volumeML: volumeML, prior: priorCount, line: Int32(clamping: raw.line),
            bloodGroup: group, consent: consentValue)
    }

    /// Non-empty, and neither end can be white space: the first and last
    /// characters are ASCII graphics or Latin and Vietnamese letters.
    static func untrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        let first = bytes[0], last = bytes[n - 1]
        let firstOK = (0x21...0x7E).contains(first) || (0xC3...0xCB).contains(first)
            || (first == 0xE1 && n > 1 && (0xB8...0xBB).contains(bytes[1]))
        let lastOK = (0x21...0x7E).contains(last)
            || (n >= 2 && (0xC3...0xCB).contains(bytes[n - 2]))
            || (n >= 3 && bytes[n - 3] == 0xE1 && (0xB8...0xBB).contains(bytes[n - 2]))
        return firstOK && lastOK
    }

    /// True when no scalar can change under NFC (as `RowChecker.isSurelyNFC`,
    /// on valid UTF-8): all below U+0300, in U+1E00–U+1EFF, or one of the
    /// dashes, quotes and ellipsis of `RowChecker.inertPunctuation`.
    static func surelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0xCC || (0x80...0xBF).contains(b) { i += 1; continue }
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, inertPunctuation.contains(bytes[i + 2]) {
                i += 3
                continue
            }
            guard b == 0xE1, i + 1 < n, (0xB8...0xBB).contains(bytes[i + 1]) else { return false }
            i += 3
        }
        return true
    }

    /// The last byte of U+2013, U+2014, U+2018, U+2019, U+201C, U+201D and U+2026 (E2 80 xx).
    private static let inertPunctuation: Set<UInt8> = Set(RowChecker.inertPunctuation.map {
        UInt8(0x80 | ($0 & 0x3F))
    })

    /// `YYYY-MM-DD` or `D/M/YYYY` as a day ordinal; nil for anything else.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var numbers = (0, 0, 0), digits = (0, 0, 0), part = 0
        var separator: UInt8 = 0
        // No part of a date has more than four digits: longer cells go to the careful path.
        guard bytes.count <= 10 else { return nil }
        for b in bytes {
            if b >= 0x30 && b <= 0x39 {
                let d = Int(b) - 0x30
                switch part {
                case 0: numbers.0 = numbers.0 * 10 + d; digits.0 += 1
                case 1: numbers.1 = numbers.1 * 10 + d; digits.1 += 1
                default: numbers.2 = numbers.2 * 10 + d; digits.2 += 1
                }
            } else if (b == 0x2D || b == 0x2F) && part < 2 && (separator == 0 || separator == b) {
                separator = b
                part += 1
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        let made: Day?
        if separator == 0x2D {
            guard digits == (4, 2, 2) else { return nil }
            made = Day(year: numbers.0, month: numbers.1, day: numbers.2)
        } else {
            guard (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return nil }
            made = Day(year: numbers.2, month: numbers.1, day: numbers.0)
        }
        return made.map { Int32($0.ordinal) }
    }

    static func volume(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        switch bytes.count {
        case 0: return 0
        case 1: return bytes[0] == 0x30 ? 0 : nil
        case 3 where bytes[1] == 0x35 && bytes[2] == 0x30:
            switch bytes[0] {
            case 0x32: return 250
            case 0x33: return 350
            case 0x34: return 450
            default: return nil
            }
        default: return nil
        }
    }

    /// Index in `BloodGroup.all`, -1 for an empty cell, nil for another spelling.
    static func bloodGroup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int8? {
        if bytes.isEmpty { return -1 }
        guard bytes.count <= 3 else { return nil }
        for (index, group) in BloodGroup.utf8.enumerated() where group.elementsEqual(bytes) { return Int8(index) }
        return nil
    }

    /// -1 for an empty cell; nil unless it is 1 to 9 ASCII digits.
    static func prior(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if bytes.isEmpty { return -1 }
        guard bytes.count <= 9 else { return nil }
        var value: Int32 = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int32(b - 0x30)
        }
        return value
    }

    /// 1, 0, or -1 for an empty cell; nil for anything but the plain English spellings.
    static func consent(_ bytes: UnsafeBufferPointer<UInt8>) -> Int8? {
        if bytes.isEmpty { return -1 }
        for word in Self.yes where word.elementsEqual(bytes) { return 1 }
        for word in Self.no where word.elementsEqual(bytes) { return 0 }
        return nil
    }

    private static let yes: [[UInt8]] = ["yes", "y", "true", "1", "x"].map { Array($0.utf8) }
    private static let no: [[UInt8]] = ["no", "n", "false", "0"].map { Array($0.utf8) }
}

extension BloodGroup {
    static let utf8: [[UInt8]] = all.map { Array($0.utf8) }
}
