import Testing

@testable import HienMauKit

/// The Mustache renderer on its own: the spec's rules that the site's
/// templates, and a designer's, depend on.
@Suite struct TemplateTests {
    struct View: TemplateObject {
        var fields: [String: TemplateValue]
        func value(named name: String) -> TemplateValue? { fields[name] }
    }

    func render(_ templates: [String: String], _ name: String = "page", _ fields: [String: TemplateValue] = [:]) throws
        -> String
    {
        let parsed = try templates.mapValues { try TemplateParser.parse($0) }
        return TemplateRenderer(templates: parsed).render(name, with: View(fields: fields))
    }

    func render(_ template: String, _ fields: [String: TemplateValue] = [:]) throws -> String {
        try render(["page": template], "page", fields)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let fields: [String: TemplateValue] = ["x": .text("<b>\"Hà\" & 'Nội'</b>")]
        #expect(try render("{{x}}", fields) == "&lt;b&gt;&quot;Hà&quot; &amp; &#39;Nội&#39;&lt;/b&gt;")
        #expect(try render("{{{x}}}|{{& x}}", fields) == "<b>\"Hà\" & 'Nội'</b>|<b>\"Hà\" & 'Nội'</b>")
        #expect(try render("[{{missing}}]", fields) == "[]")
        #expect(try render("{{ x }}", ["x": .text("a")]) == "a")
        #expect(try render("{{flag}}", ["flag": .flag(true)]) == "true")
    }

    /// HTML handed over as bytes goes in as it is where a tag does not
    /// escape, is escaped like text where one does, and counts as present
    /// even when empty, as text does.
    @Test func htmlBytesAreRawInTripleTagsAndEscapedOtherwise() throws {
        let fields: [String: TemplateValue] = [
            "h": .html(Array("<p>Hà & Nội</p>".utf8)), "e": .html([]), "t": .text(""),
        ]
        #expect(try render("{{{h}}}|{{& h}}", fields) == "<p>Hà & Nội</p>|<p>Hà & Nội</p>")
        #expect(try render("{{h}}", fields) == "&lt;p&gt;Hà &amp; Nội&lt;/p&gt;")
        #expect(try render("{{#e}}e{{/e}}{{#t}}t{{/t}}{{^e}}not e{{/e}}", fields) == "et")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let site = View(fields: ["title": .text("Site"), "l": .object(["menu": "Danh mục"])])
        let item = View(fields: ["name": .text("A")])
        let fields: [String: TemplateValue] = [
            "site": .object(site), "items": .list([.object(item), .object(item)]),
            "title": .text("Page"),
        ]
        #expect(try render("{{site.title}} {{site.l.menu}} {{site.missing.x}}", fields) == "Site Danh mục ")
        // Inside a list item, names the item lacks are found further out.
        #expect(try render("{{#items}}{{name}}/{{title}};{{/items}}", fields) == "A/Page;A/Page;")
        #expect(try render("{{#list}}<{{.}}>{{/list}}", ["list": .list([.text("a"), .text("b&c")])]) == "<a><b&amp;c>")
    }

    @Test func sectionsAndInvertedSections() throws {
        let fields: [String: TemplateValue] = [
            "yes": .flag(true), "no": .flag(false), "empty": .list([]),
            "text": .text("T"), "blank": .text(""),
        ]
        #expect(try render("{{#yes}}1{{/yes}}{{#no}}2{{/no}}{{#empty}}3{{/empty}}{{#none}}4{{/none}}", fields) == "1")
        #expect(try render("{{^yes}}1{{/yes}}{{^no}}2{{/no}}{{^empty}}3{{/empty}}{{^none}}4{{/none}}", fields) == "234")
        // A text value, even empty, is present: its section shows, with the value as `.`.
        #expect(
            try render("{{#text}}[{{.}}]{{/text}}{{#blank}}[{{.}}]{{/blank}}{{^text}}no{{/text}}", fields) == "[T][]")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        let fields: [String: TemplateValue] = ["items": .list([.text("a"), .text("b")])]
        #expect(
            try render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", fields)
                == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a\n{{! a comment }}\r\nb", fields) == "a\nb")
        // Two tags on a line, or text beside one, keep the line.
        #expect(try render("x\n{{#items}}{{/items}}\ny", fields) == "x\n\ny")
        #expect(try render("x {{#items}}\n{{/items}}", fields) == "x \n\n")
        // Interpolation is never standalone.
        #expect(try render("  {{v}}\n", ["v": .text("z")]) == "  z\n")
    }

    @Test func partialsAndTheirIndentation() throws {
        let templates = ["page": "<div>\n  {{>item}}\n</div>\n{{>item}}", "item": "<p>{{v}}</p>\n<p>2</p>\n"]
        #expect(
            try render(templates, "page", ["v": .text("1")])
                == "<div>\n  <p>1</p>\n  <p>2</p>\n</div>\n<p>1</p>\n<p>2</p>\n")
        #expect(try render(["page": "[{{>nothing}}]"], "page") == "[]")
    }

    @Test func inheritanceReplacesBlocksAndKeepsDefaults() throws {
        let templates = [
            "layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "page": "{{<layout}}\nignored text\n{{$main}}\n<p>{{v}}</p>\n{{/main}}\n{{/layout}}\n",
            "titled": "{{<layout}}{{$title}}Mine{{/title}}{{/layout}}",
        ]
        #expect(
            try render(templates, "page", ["v": .text("x")]) == "<title>Default</title>\n<main>\n<p>x</p>\n\n</main>\n")
        #expect(try render(templates, "titled") == "<title>Mine</title>\n<main>\n\n</main>\n")
    }

    @Test func setDelimitersChangeTheTagMarks() throws {
        #expect(try render("{{=<% %>=}}\n<% v %> {{v}} <%={{ }}=%>{{v}}", ["v": .text("1")]) == "1 {{v}} 1")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let out = try render(["page": "a{{>page}}"], "page")
        #expect(out.hasPrefix("aaaa") && out.count < 100)
    }

    @Test func malformedTemplatesAreLocated() {
        func error(_ text: String) -> TemplateParseError? {
            do {
                _ = try TemplateParser.parse(text)
                return nil
            } catch { return error }
        }
        #expect(error("ab{{x") == TemplateParseError(kind: .unclosedTag, offset: 2))
        #expect(error("{{#a}}{{/b}}") == TemplateParseError(kind: .closeDoesNotMatch, offset: 6))
        #expect(error("{{/a}}") == TemplateParseError(kind: .closeDoesNotMatch, offset: 0))
        #expect(error("x{{#a}}{{#b}}{{/b}}") == TemplateParseError(kind: .unclosedSection, offset: 1))
        #expect(error("{{= a =}}") == TemplateParseError(kind: .badDelimiters, offset: 0))
        #expect(error("{{ }}") == TemplateParseError(kind: .emptyName, offset: 0))
        #expect(TemplateSet.position(of: 10, in: "ab\nĐăng {{#x}}") == (line: 2, column: 6))
    }
}
