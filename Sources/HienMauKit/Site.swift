import Foundation

/// What a build reads and how.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var drafts: Bool
    /// Threads for parsing and rendering; 1 runs everything in the calling thread.
    public var threads: Int

    public init(content: URL, templates: URL, drafts: Bool = false,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.content = content
        self.templates = templates
        self.drafts = drafts
        self.threads = threads
    }
}

/// The outcome of running the stages: the files of the site (when there were
/// no errors), every diagnostic, and what it took.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var assets: [(path: String, url: URL)]
    public var diagnostics: Diagnostics
    public var language: Language
    public var rows: Int
    public var timings: [(stage: String, seconds: Double)]

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Runs the pipeline in order: load → parse → aggregate → render. Writing is
/// left to `OutputWriter`, so `check` runs exactly the same stages.
public enum Site {
    public static func generate(_ options: BuildOptions) -> BuildResult {
        var diagnostics = Diagnostics()
        var timings: [(String, Double)] = []
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            let d = now - clock
            timings.append((stage, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
            clock = now
        }

        let files = SiteFiles.load(content: options.content, templates: options.templates, diagnostics: &diagnostics)
        lap("load")

        let config = files.config.flatMap { SiteConfig.parse($0, diagnostics: &diagnostics) }
        // Without a usable site.yml the other inputs are still checked, with defaults.
        let settings = config ?? SiteConfig(title: "", baseURL: "https://example.invalid/")
        var content = ContentSet.parse(files, config: settings, drafts: options.drafts, threads: options.threads,
                                       diagnostics: &diagnostics)
        let templates = TemplateSet.parse(files.templates, directory: files.templatesName, diagnostics: &diagnostics)
        lap("parse")

        var builder = FigureBuilder(
            campaigns: content.published.sorted { $0.sortKey < $1.sortKey }
                .map { FigureBuilder.CampaignInfo(id: $0.id, targetUnits: $0.targetUnits) },
            milestones: settings.milestones, consentDefault: settings.consentDefault, file: files.donationsPath)
        let context = DonationTable.Context(
            file: files.donationsPath, columnMapping: settings.columns,
            campaignIDs: Set(content.all.map(\.id)).union(content.failedIDs), periods: content.periods)
        DonationTable.read(url: files.donationsURL, context: context, diagnostics: &diagnostics) { builder.add($0) }
        diagnostics.append(contentsOf: builder.warnings)
        diagnostics.append(contentsOf: builder.donorWarnings(file: files.donationsPath))
        let honours = files.honours.map { HonoursTable.parse($0.bytes, file: $0.path, diagnostics: &diagnostics) } ?? []
        let figures = builder.finish()
        lap("aggregate")

        guard !diagnostics.hasErrors, let config, let templates else {
            return BuildResult(files: [], assets: [], diagnostics: diagnostics, language: settings.language,
                               rows: builder.rowsRead, timings: timings)
        }
        content.renderMarkdown(config: config, threads: options.threads)
        let renderer = SiteRenderer(
            config: config, templates: templates,
            campaigns: content.published.sorted { ($0.date, $0.id) > ($1.date, $1.id) },
            pages: content.pages, figures: figures, honours: honours, specs: content.specs, markdown: content.markdown,
            threads: options.threads)
        let output = renderer.renderAll()
        lap("render")
        return BuildResult(files: output, assets: files.assets, diagnostics: diagnostics, language: config.language,
                           rows: builder.rowsRead, timings: timings)
    }
}
