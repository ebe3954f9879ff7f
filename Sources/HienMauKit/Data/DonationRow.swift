/// One checked row as integers, ready to be added up. Texts are entries of a
/// `RowVocabulary`; a row is 40 bytes and holds no reference.
struct DonationRow: Equatable {
    /// Entry of `RowVocabulary.campaigns`.
    var campaign: Int32
    /// `Day.ordinal`.
    var day: Int32
    var site: Int32
    /// The name in NFC.
    var donor: Int32
    /// -1 when the cell is empty.
    var donorID: Int32
    /// -1 when the cell is empty.
    var unit: Int32
    /// 0 when deferred (registered, not collected).
    var volumeML: Int32
    /// -1 when the cell is empty.
    var prior: Int32
    var line: Int32
    /// Index in `BloodGroup.all`; -1 when the cell is empty.
    var bloodGroup: Int8
    /// 1 yes, 0 no, -1 empty (`consent_default` decides).
    var consent: Int8

    var isDonation: Bool { volumeML > 0 }
}

/// Every text the rows hold, each kept once (see `ByteInterner`).
struct RowVocabulary {
    var campaigns = ByteInterner()
    var sites = ByteInterner()
    var names = ByteInterner()
    var units = ByteInterner()
    var donorIDs = ByteInterner()

}
