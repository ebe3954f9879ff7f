/// The language of page labels and messages (`site.yml` `language`).
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// A text given in both languages of the site. Messages are written where the
/// problem is found; the language is chosen when they are printed, because the
/// first problems can be found before `site.yml` is read.
public struct Message: Hashable, Sendable, Error {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .vi ? vi : en
    }
}
