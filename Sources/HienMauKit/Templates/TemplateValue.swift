/// What a template tag finds when it looks a name up.
enum TemplateValue {
    case text(String)
    /// HTML made by the renderer as UTF-8 (tables, rolls, filled bodies): a
    /// `String` of it would have Swift check every byte once more.
    case html([UInt8])
    case flag(Bool)
    case list([TemplateValue])
    case object(any TemplateObject)

    static func optional(_ text: String?) -> TemplateValue? { text.map(TemplateValue.text) }

    static func objects<T: TemplateObject>(_ items: [T]) -> TemplateValue { .list(items.map { .object($0) }) }
}

/// A view whose fields the templates read by name (`{{title}}`, `{{site.l.menu}}`).
protocol TemplateObject {
    /// nil when there is no such field or it is an absent optional: the
    /// lookup then goes on down the context stack, as a missing name does.
    func value(named name: String) -> TemplateValue?
}

/// The labels, `{{site.l.key}}`.
extension Dictionary: TemplateObject where Key == String, Value == String {
    func value(named name: String) -> TemplateValue? { self[name].map(TemplateValue.text) }
}
