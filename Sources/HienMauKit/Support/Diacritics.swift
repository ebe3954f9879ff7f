import Foundation

/// Vietnamese letters taken apart, for slugs and collation: the canonical
/// decomposition (NFD) turns "ệ" into "e" followed by the circumflex and the
/// dot below. `đ` has no decomposition; where a fold needs a plain `d`,
/// `withoutStroke` gives it.
enum Diacritics {
    /// The scalars of `text`'s canonical decomposition: each base followed by its marks.
    static func decomposed(_ text: String) -> String.UnicodeScalarView {
        text.decomposedStringWithCanonicalMapping.unicodeScalars
    }

    /// A combining mark that takes no room of its own (general category Mn):
    /// every diacritic of Vietnamese, and those of other scripts.
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
    }

    /// `d` for `đ` and `Đ`; any other scalar as it is.
    static func withoutStroke(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar == "đ" || scalar == "Đ" ? "d" : scalar
    }

    /// What a mark does to a Vietnamese letter.
    enum Mark: Equatable {
        /// Breve, circumflex or horn: a letter of its own (ă â ê ô ơ ư).
        case letter
        /// One of the five tones, numbered in dictionary order:
        /// huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5 (no mark is 0).
        case tone(UInt8)
    }

    /// The Vietnamese meaning of a combining mark; nil for any other scalar.
    static func vietnameseMark(_ scalar: Unicode.Scalar) -> Mark? {
        switch scalar.value {
        case 0x0306, 0x0302, 0x031B: return .letter  // breve, circumflex, horn
        case 0x0300: return .tone(1)  // huyền
        case 0x0309: return .tone(2)  // hỏi
        case 0x0303: return .tone(3)  // ngã
        case 0x0301: return .tone(4)  // sắc
        case 0x0323: return .tone(5)  // nặng
        default: return nil
        }
    }
}
