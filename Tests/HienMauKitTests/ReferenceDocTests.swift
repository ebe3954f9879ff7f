import Foundation
import Testing

@testable import HienMauKit

/// docs/reference.md says what the code accepts and writes. Each test takes a
/// list from the code (the keys a parser accepts, the columns and their
/// aliases, the files a build writes, the JSON it writes, the CLI's flags) and
/// checks that the reference has it where a reader looks for it: as a row of
/// the right table, or in the right section. Where the reference lists values
/// of its own (table rows, JSON examples), they are checked against the code
/// too, so that a key removed from the code leaves no row behind.
@Suite struct ReferenceDocTests {
    static let path = Repo.root.appendingPathComponent("docs/reference.md")

    static func reference() throws -> String {
        try String(contentsOf: path, encoding: .utf8)
    }

    /// The text under the heading that contains `title`, up to the next heading
    /// of the same or a higher level.
    static func section(_ title: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let lines = try reference().split(separator: "\n", omittingEmptySubsequences: false)
        var inFence = false
        var start: (index: Int, level: Int)?
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            let level = line.prefix { $0 == "#" }.count
            if let start, level <= start.level {
                return lines[start.index..<index].joined(separator: "\n")
            }
            if start == nil && line.contains(title) { start = (index, level) }
        }
        let found = try #require(
            start, "docs/reference.md has no heading with \(title)", sourceLocation: sourceLocation)
        return lines[found.index...].joined(separator: "\n")
    }

    /// The table row whose first cell is `` `name` ``, or nil.
    static func row(_ name: String, in section: String) -> String? {
        section.split(separator: "\n").first { $0.hasPrefix("| `\(name)` |") }.map(String.init)
    }

    /// The names in the first cells of a section's table rows (`` | `name` | … ``).
    static func rowNames(in section: String) -> [String] {
        section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
    }

    /// Every `` `code` `` span of a text, in order.
    static func codeSpans(_ text: some StringProtocol) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The cells of a table row, trimmed, without the outer bars.
    static func cells(_ row: String) -> [String] {
        row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmed }
    }

    /// Each key of `known` has its row in the table of `section`, and every row names a known key.
    func expectRows(
        for known: [String], inSection title: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let section = try Self.section(title, sourceLocation: sourceLocation)
        for key in known {
            #expect(
                Self.row(key, in: section) != nil, "no row for `\(key)` under \"\(title)\"",
                sourceLocation: sourceLocation)
        }
        for name in Self.rowNames(in: section) {
            #expect(
                known.contains(name), "\"\(title)\" has a row for `\(name)`, which the code does not accept",
                sourceLocation: sourceLocation)
        }
    }

    @Test func everySiteConfigKeyHasItsRow() throws {
        try expectRows(for: SiteConfig.knownKeys, inSection: "`content/site.yml`")
    }

    @Test func everyWriteUpKeyHasItsRow() throws {
        try expectRows(for: Campaign.knownKeys, inSection: "Campaign write-ups")
    }

    @Test func everyPageKeyHasItsRow() throws {
        try expectRows(for: Page.knownKeys, inSection: "Pages: `content/pages/*.md`")
    }

    @Test func everyHonoursColumnHasItsRow() throws {
        try expectRows(for: HonoursTable.columns, inSection: "`content/data/honours.csv`")
    }

    /// Each column's row says whether it is required and lists every header alias.
    @Test func everyDonationColumnHasItsRowWithEveryAlias() throws {
        let section = try Self.section("### Columns")
        try expectRows(for: DonationColumn.allCases.map(\.rawValue), inSection: "### Columns")
        for column in DonationColumn.allCases {
            guard let row = Self.row(column.rawValue, in: section) else { continue }
            let cells = Self.cells(row)
            #expect(cells.count == 4, "\(row)")
            #expect(cells.dropFirst().first == (column.isRequired ? "yes" : "no"), "`\(column.rawValue)` required?")
            let headers = Set(Self.codeSpans(cells.last ?? ""))
            for alias in column.aliases {
                #expect(headers.contains(alias), "the row of `\(column.rawValue)` does not list `\(alias)`")
            }
            // An accepted header written in the row is one the code accepts for this column.
            for header in headers {
                #expect(
                    DonationColumn.matching(header: header, mapping: [:]) == column,
                    "`\(header)` in the row of `\(column.rawValue)` is not one of its aliases")
            }
        }
    }

    /// Every kind of block has its row, and every `by:` value the row lists is one the parser takes.
    @Test func everyFigureBlockAndOptionIsThere() throws {
        let section = try Self.section("## Figure blocks")
        #expect(Set(Self.rowNames(in: section)) == Set(FigureBlock.Kind.allCases.map(\.rawValue)))
        for kind in FigureBlock.Kind.allCases {
            let row = try #require(Self.row(kind.rawValue, in: section), "no row for `\(kind.rawValue)`")
            let options = Self.codeSpans(Self.cells(row)[1])
            func parses(_ yaml: String) -> Bool {
                var diagnostics = Diagnostics()
                let block = FigureBlock(kind: kind, options: yaml, line: 1)
                let spec = FigureSpec.parse(
                    block, file: SourceFile(path: "x.md", text: "```\n" + yaml + "\n```\n"),
                    diagnostics: &diagnostics)
                return spec != nil && !diagnostics.hasErrors
            }
            switch kind {
            case .honourRoll:
                #expect(options.first == "min:")
                #expect(parses("min: 10"))
            case .stats, .chart:
                #expect(options.first == "by:", "\(row)")
                let values = options.dropFirst()
                for breakdown in Breakdown.allCases {
                    #expect(
                        values.contains(breakdown.rawValue), "`\(kind.rawValue)` does not list `\(breakdown.rawValue)`")
                }
                if kind == .chart { #expect(values.contains("progress")) }
                for value in values { #expect(parses("by: \(value)"), "`\(kind.rawValue)` with by: \(value)") }
            }
        }
    }

    /// The sample site's output, with its slugs written as the reference writes them.
    static func sampleSite() throws -> (result: BuildResult, files: [String: [UInt8]]) {
        let result = Site.generate(BuildOptions(content: Repo.content, templates: Repo.templates))
        try #require(result.succeeded, "\(DiagnosticPrinter(language: .en).format(result.diagnostics))")
        return (result, Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) }))
    }

    /// Every file the sample site's build writes, and the marker, is in the output table.
    @Test func everyOutputPathIsInTheOutputTable() throws {
        let (result, _) = try Self.sampleSite()
        let section = try Self.section("## Output: `public/`")
        let written = Set(
            section.split(separator: "\n").filter { $0.hasPrefix("| `") }
                .flatMap { Self.codeSpans(Self.cells(String($0)).first ?? "") })
        let sections = [SitePaths.campaignsDir, SitePaths.statsDir, SitePaths.honoursDir, SitePaths.searchDir]
        var paths = Set(result.paths + result.assets.map(\.path) + [OutputGuard.markerName])
        #expect(paths.contains { $0.hasPrefix("images/") })
        paths = Set(
            paths.map { path -> String in
                let parts = path.split(separator: "/").map(String.init)
                if parts.first == "images" { return "images/<path>" }
                if parts.count == 3, parts[0] == SitePaths.campaignsDir { return "\(parts[0])/<slug>/index.html" }
                if parts.count == 4, parts[0] == SitePaths.honoursDir { return "\(parts[0])/trang-<n>/index.html" }
                if parts.count == 2, parts[1] == "index.html", !sections.contains(parts[0]) {
                    return "<page-slug>/index.html"
                }
                return path
            })
        for path in paths.sorted() {
            #expect(written.contains(path), "`\(path)` is not in the output table")
        }
    }

    /// The paths of every key in a JSON value, at any depth: `campaigns[].by_date[].date`.
    static func keys(of json: Any, at path: String = "") -> Set<String> {
        if let object = json as? [String: Any] {
            return Set(
                object.flatMap { key, value in
                    let here = path.isEmpty ? key : path + "." + key
                    return [here] + keys(of: value, at: here)
                })
        }
        if let array = json as? [Any] { return Set(array.flatMap { keys(of: $0, at: path + "[]") }) }
        return []
    }

    /// The ```json blocks of a section, parsed.
    static func jsonBlocks(in section: String) throws -> [Any] {
        var blocks: [Any] = []
        var current: [Substring]?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil {
                if line == "```json" { current = [] }
            } else if line == "```" {
                blocks.append(try JSONSerialization.jsonObject(with: Data(current!.joined(separator: "\n").utf8)))
                current = nil
            } else {
                current!.append(line)
            }
        }
        return blocks
    }

    /// The reference's examples of the two JSON files have exactly the keys the build writes.
    @Test(arguments: ["data/campaigns.json", "data/honour-roll.json"])
    func theJSONExampleHasEveryKeyTheBuildWrites(_ file: String) throws {
        let (_, files) = try Self.sampleSite()
        let written = try JSONSerialization.jsonObject(with: Data(try #require(files[file])))
        let blocks = try Self.jsonBlocks(in: try Self.section("### `\(file)`"))
        #expect(blocks.count == 1)
        let documented = blocks.first.map { Self.keys(of: $0) } ?? []
        #expect(
            documented == Self.keys(of: written),
            "only written: \(Self.keys(of: written).subtracting(documented).sorted()), only documented: \(documented.subtracting(Self.keys(of: written)).sorted())"
        )
    }

    /// Each CSV download has its row, with its header's columns in order.
    @Test func everyCSVDownloadHasItsColumns() throws {
        let (_, files) = try Self.sampleSite()
        let section = try Self.section("### CSV downloads")
        #expect(Self.rowNames(in: section).count == DataExports.CSVFile.allCases.count)
        for file in DataExports.CSVFile.allCases {
            let path = "data/" + file.rawValue
            let bytes = try #require(files[path], "the build wrote no \(path)")
            let header = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self).split(separator: ",").map(
                String.init)
            let row = try #require(Self.row(path, in: section), "no row for `\(path)`")
            #expect(Self.codeSpans(Self.cells(row)[1]) == header, "\(path)")
        }
    }

    /// The subcommands a `--help` lists.
    static func subcommands(in help: String) -> [String] {
        help.split(separator: "\n").drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst()
            .prefix { !$0.trimmed.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }  // not a description's second line
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.allSatisfy { ("a"..."z").contains($0) } }
    }

    /// Every command of the CLI (`theme export` as well as `build`) and each
    /// of its flags has its row, and the row names the command; `hienmau`'s
    /// own flags (`--version`) name `hienmau`.
    @Test func everyCommandAndFlagHasItsRow() throws {
        let section = try Self.section("## Command line")
        let help = try CLI.run(["--help"], in: Repo.root)
        #expect(help.status == 0)
        var commands: [[String]] = [[]]
        for command in Self.subcommands(in: help.stdout) {
            commands.append([command])
            let usage = try CLI.run([command, "--help"], in: Repo.root)
            commands += Self.subcommands(in: usage.stdout).map { [command, $0] }
        }
        #expect(commands.count >= 8)
        var documentedFlags = Set(Self.rowNames(in: section).filter { $0.hasPrefix("--") })
        for words in commands {
            let command = words.isEmpty ? "hienmau" : words.joined(separator: " ")
            #expect(words.isEmpty || Self.row(command, in: section) != nil, "no row for the command `\(command)`")
            let usage = try CLI.run(words + ["--help"], in: Repo.root)
            #expect(usage.status == 0, "\(command) --help")
            let options = usage.stdout.split(separator: "\n").drop { !$0.hasPrefix("OPTIONS:") }.joined(separator: "\n")
            let flags = Set(
                options.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "[" || $0 == "]" || $0 == "," })
                    .filter { $0.hasPrefix("--") }.map(String.init))
            #expect(flags.contains("--help"))
            for flag in flags.sorted() {
                guard let row = Self.row(flag, in: section) else {
                    Issue.record("no row for `\(flag)` (\(command))")
                    continue
                }
                let commandsCell = Self.cells(row)[1]
                #expect(
                    commandsCell == "all" || commandsCell.split(separator: ",").map(\.trimmed).contains(command),
                    "the row of `\(flag)` does not name \(command)")
                documentedFlags.remove(flag)
            }
        }
        #expect(documentedFlags.isEmpty, "rows for flags no command has: \(documentedFlags.sorted())")
    }

    /// The example of `--format json` has the keys the printer writes.
    @Test func theDiagnosticJSONExampleHasEveryKey() throws {
        let diagnostic = Diagnostic(
            .error, at: HienMauKit.SourceLocation(file: "a.csv", line: 1, column: 1), Message(vi: "x", en: "x"),
            hint: Message(vi: "y", en: "y"))
        let printed = try JSONSerialization.jsonObject(
            with: Data(DiagnosticPrinter(language: .en).formatJSON([diagnostic]).utf8))
        let blocks = try Self.jsonBlocks(in: try Self.section("## Messages"))
        #expect(blocks.count == 1)
        #expect(blocks.first.map { Self.keys(of: $0) } == Self.keys(of: printed))
    }

    /// The page templates a build needs and the interface words they can use.
    @Test func everyTemplateAndInterfaceWordIsThere() throws {
        let section = try Self.section("## Templates")
        let spans = Set(Self.codeSpans(section))
        for name in TemplateSet.required {
            #expect(spans.contains("\(name).mustache"), "`\(name).mustache` is not under Templates")
        }
        for key in TemplateLabels.all(.vi).keys.sorted() {
            #expect(spans.contains(key), "the interface word `\(key)` is not under Templates")
        }
    }

    /// The repository stands alone: no test, script, build file or user document
    /// reads or points at the folder beside it. (docs/PERFORMANCE.md may name the
    /// maintainers' benchmark kit there, as a step outside the repository.)
    @Test func nothingLeansOnTheFolderBesideTheRepository() throws {
        let beside = ".." + "/shared"
        var files = ["Makefile", "Package.swift", "README.md", "docs/reference.md", "docs/huong-dan.md", "docs/ci.md"]
        for folder in ["Tests", "scripts", "Fuzz", ".ci"] {
            files += SiteFiles.walk(Repo.root.appendingPathComponent(folder)).map { "\(folder)/\($0)" }
                .filter {
                    !$0.hasPrefix("Tests/HienMauKitTests/Golden/") && !$0.hasPrefix("Tests/HienMauKitTests/Fixtures/")
                }
        }
        #expect(files.count > 20)
        for file in files {
            let text = String(decoding: try Data(contentsOf: Repo.root.appendingPathComponent(file)), as: UTF8.self)
            #expect(
                !text.contains(beside) && !text.contains("/work" + "/shared"), "\(file) points beside the repository")
        }
    }
}
