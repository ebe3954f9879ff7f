import Foundation

/// A build that remembers: each write-up's parse, the figures from the CSV and
/// each render job's output, so that `serve` redoes only what an edit touched.
/// A one-off build is a session used once.
///
/// `build` runs the stages in order — load, parse, aggregate, render and
/// write — with a `StageRunner` that says what each does and times it; the
/// stages are plain functions of what the ones before made, and what is kept
/// between builds is kept here, by the session, not by the stages.
public final class SiteSession {
    public let options: BuildOptions
    /// How many times the donation records were read (tests check serve does not re-read them).
    public private(set) var recordReads = 0
    /// Told what the build is doing, with counts, for a progress line.
    public var progress: (@Sendable (Message) -> Void)?
    /// For a build that ends the process right after: its parsed write-ups,
    /// figures and renderer are kept here instead of being freed object by
    /// object, which took a tenth of a second at 10,000 campaigns. The
    /// process's exit gives the memory back at once (compilers do the same).
    public var keepsMemoryUntilExit = false
    /// False for a session built once (`Site.generate`): its jobs are not fingerprinted.
    var remembers = true

    private var writeUps: [String: ContentSet.ParsedWriteUp] = [:]
    private let texts = TextCache()
    private var figures: (input: AggregateInput, addedUp: AddedUp)?
    var renders = RenderMemo()
    private var kept: [Any] = []

    public init(_ options: BuildOptions) {
        self.options = options
    }

    /// Runs the stages. With `openSite`, called once there is something to
    /// write, each file goes into the staged site as soon as it is rendered
    /// and is not kept: the result then holds paths, not files. When it
    /// returns nil the files are kept as without it.
    public func build(into openSite: (() -> StagedSite?)? = nil) -> BuildResult {
        var runner = StageRunner(progress: progress)
        var diagnostics = Diagnostics()
        let files = runner.run("load", says: Message(vi: "Đọc nội dung…", en: "Reading content…")) {
            SiteFiles.load(
                content: options.content, templates: options.templates, requiringTemplates: options.requiresTemplates,
                cache: texts, diagnostics: &diagnostics)
        }
        let count = files.campaigns.count
        var parsed = runner.run(
            "parse",
            says: Message(
                vi: "Phân tích \(VietnameseFormat.integer(count)) bài viết…",
                en: "Parsing \(count) write-ups…")
        ) {
            parseFrontMatter(files, diagnostics: &diagnostics)
        }
        // The figures need only the front matter: the CSV is read while the bodies are parsed.
        let aggregate = startAggregate(files, parsed, runner: runner)
        // Meanwhile the campaign pages' folders are made, unless the build is already failing.
        let early = parsed.failing ? nil : openSite?()
        early?.prepare(parsed.content.published.map { parsed.paths.file(for: parsed.paths.campaign($0.slug)) })
        runner.run("parse") { parseBodies(files, &parsed, diagnostics: &diagnostics) }
        let images = runner.run("images", says: Message(vi: "Xử lý ảnh…", en: "Processing images…")) {
            publishImages(files, parsed, diagnostics: &diagnostics)
        }
        let (addedUp, aggregateSeconds) = finishAggregate(aggregate, runner: &runner)
        diagnostics.append(contentsOf: addedUp.diagnostics)

        var result = BuildResult(
            files: [], staged: early, assets: [], diagnostics: diagnostics.cappingWarnings(),
            language: parsed.settings.language, rows: addedUp.rows, timings: [],
            aggregateSeconds: aggregateSeconds)
        result.imagesProcessed = images.processed
        if !diagnostics.hasErrors, let config = parsed.config, let templates = parsed.templates {
            let jobs = runner.run("render") {
                renderJobs(&parsed, files, config: config, templates: templates, addedUp: addedUp, images: images)
            }
            result.diagnostics.append(
                contentsOf: checkLinks(parsed, jobs: jobs, assets: publishedAssets(files, images)))
            let site = early ?? openSite?()
            let output: SiteOutput = site.map { .staged($0) } ?? (remembers ? .remembered : .kept)
            let written = write(jobs, to: output, context: contextKey(files, aggregate.input, images), runner: &runner)
            if keepsMemoryUntilExit { kept = [files, parsed, addedUp, jobs] }
            (result.files, result.paths, result.rendered) = (written.files, written.paths, written.rendered)
            (result.staged, result.assets, result.basePath) = (site, publishedAssets(files, images), config.basePath)
        }
        result.timings = runner.timings
        return result
    }

    /// The fingerprint of the render stage's context: site.yml, the templates
    /// and what the figures are made from (`RenderContext`'s sources).
    private func contextKey(_ files: SiteFiles, _ figures: AggregateInput, _ images: ImageCatalog) -> Int {
        var hasher = Hasher()
        hasher.combine(files.config.map { TextKey($0.text) })
        for template in files.templates {
            hasher.combine(template.path)
            hasher.combine(TextKey(template.text))
        }
        hasher.combine(figures)
        hasher.combine(images.images)
        return hasher.finalize()
    }
}

/// What the parse stage makes: site.yml's settings, the write-ups and pages, the templates.
struct ParsedSite {
    /// Nil when site.yml is missing or has errors.
    var config: SiteConfig?
    /// `config`, or defaults with which the other inputs are still checked.
    var settings: SiteConfig
    var content: ContentSet
    var templates: TemplateSet?
    /// The front matter already has errors: nothing will be written.
    var failing: Bool

    var paths: SitePaths { SitePaths(base: settings.basePath) }
}

extension SiteSession {
    /// The parse stage's first part: site.yml and the front matter, all that the aggregate stage needs.
    func parseFrontMatter(_ files: SiteFiles, diagnostics: inout Diagnostics) -> ParsedSite {
        let config = files.config.flatMap { SiteConfig.parse($0, diagnostics: &diagnostics) }
        let settings = config ?? SiteConfig(title: "", baseURL: "https://example.invalid/")
        let content = ContentSet.parseFrontMatter(
            files, config: settings, drafts: options.drafts,
            threads: options.threads, cache: &writeUps)
        let failing =
            config == nil || content.checks.hasErrors
            || files.campaigns.contains { writeUps[$0.path]?.campaign == nil }
        return ParsedSite(config: config, settings: settings, content: content, templates: nil, failing: failing)
    }

    /// The parse stage's second part: the write-ups' bodies and the templates.
    func parseBodies(_ files: SiteFiles, _ parsed: inout ParsedSite, diagnostics: inout Diagnostics) {
        // Reading the CSV is the longer of the two: the bodies leave it a core to itself.
        parsed.content.parseBodies(
            files, config: parsed.settings, threads: max(1, options.threads - 1),
            cache: &writeUps, diagnostics: &diagnostics)
        parsed.templates = TemplateSet.parse(
            BuiltInTheme.templates(overriddenBy: files.templates),
            directory: files.templatesName, diagnostics: &diagnostics)
        parsed.content.renderMarkdown(config: parsed.settings, threads: options.threads)
    }

    /// The image stage: every image of the published pages, from the cache or made now.
    func publishImages(_ files: SiteFiles, _ parsed: ParsedSite, diagnostics: inout Diagnostics) -> ImageCatalog {
        let available = Dictionary(
            files.assets.filter { $0.path.hasPrefix("images/") }.map { ($0.path, $0.url) },
            uniquingKeysWith: { a, _ in a })
        let requests = ImageRequest.collect(
            parsed.content, available: Set(available.keys), contentName: files.contentName,
            diagnostics: &diagnostics)
        let stage = ImageStage(
            available: available, cache: ImageCache(root: options.cache), threads: options.threads,
            contentName: files.contentName)
        return stage.run(requests, diagnostics: &diagnostics)
    }

    /// The links of the published write-ups and pages to the site's own
    /// pages and files, against what this build makes: a warning each that leads nowhere.
    func checkLinks(_ parsed: ParsedSite, jobs: [RenderJob], assets: [(path: String, url: URL)]) -> Diagnostics {
        let check = LinkCheck(published: Set(jobs.map(\.id) + assets.map(\.path)))
        var warnings = Diagnostics()
        let content = parsed.content, paths = parsed.paths
        for campaign in content.published {
            let page = String(paths.campaign(campaign.slug).dropFirst(paths.base.count))
            check.warnings(
                content.markdown[campaign.source.path]?.links ?? [], in: campaign.source, page: page, into: &warnings)
        }
        for item in content.pages {
            let page = String(paths.page(item.slug).dropFirst(paths.base.count))
            check.warnings(
                content.markdown[item.source.path]?.links ?? [], in: item.source, page: page, into: &warnings)
        }
        return warnings
    }

    /// What the write stage copies: the static files, the images that are
    /// not photos as they are, and what the image stage made of the photos
    /// (never the photos themselves).
    func publishedAssets(_ files: SiteFiles, _ images: ImageCatalog) -> [(path: String, url: URL)] {
        files.assets.filter { !$0.path.hasPrefix("images/") || ImagePath.kind(of: $0.path) != .photo } + images.assets
    }

    /// The aggregate stage, started: on a thread of its own, unless the
    /// figures of the last build were made from the same input.
    func startAggregate(_ files: SiteFiles, _ parsed: ParsedSite, runner: StageRunner)
        -> (input: AggregateInput, adding: Alongside<AddedUp>?)
    {
        let input = AggregateInput(files, settings: parsed.settings, content: parsed.content)
        if let known = figures, known.input == input { return (input, nil) }
        let job = AddUp(input, files: files, threads: options.threads, progress: progress)
        return (
            input,
            runner.start(
                "aggregate", says: Message(vi: "Cộng số liệu…", en: "Adding up the records…"),
                threads: options.threads
            ) { job.run() }
        )
    }

    /// Waits for the figures and keeps them for the next build. The seconds
    /// are nil when the figures were kept from the last build.
    func finishAggregate(
        _ started: (input: AggregateInput, adding: Alongside<AddedUp>?),
        runner: inout StageRunner
    ) -> (AddedUp, seconds: Double?) {
        guard let adding = started.adding else {
            return (runner.run("aggregate") { figures!.addedUp }, nil)
        }
        let (addedUp, seconds) = runner.wait(for: adding)
        recordReads += 1
        figures = (started.input, addedUp)
        return (addedUp, seconds)
    }

    /// The render stage's first part: the pages' Markdown, the context and the jobs.
    func renderJobs(
        _ parsed: inout ParsedSite, _ files: SiteFiles, config: SiteConfig, templates: TemplateSet,
        addedUp: AddedUp, images: ImageCatalog
    ) -> [RenderJob] {
        let content = parsed.content
        let context = RenderContext(
            config: config, templates: templates, figures: addedUp.figures, honours: addedUp.honours,
            images: images.images)
        let renderer = SiteRenderer(
            context: context, campaigns: content.published.sorted { ($0.date, $0.id) > ($1.date, $1.id) },
            pages: content.pages, specs: content.specs, markdown: content.markdown)
        return renderer.jobs() + [themeStaticJob(files)]
    }

    /// The built-in theme's static files that the site has no copy of
    /// (`templates/static/`), written as files of the build.
    func themeStaticJob(_ files: SiteFiles) -> RenderJob {
        let own = Set(files.assets.map(\.path))
        let paths = { BuiltInTheme.staticFiles(notIn: own).map(\.path) }
        let render: ([String]) -> [OutputFile] = { _ in
            BuiltInTheme.staticFiles(notIn: own).map { OutputFile(path: $0.path, bytes: $0.bytes) }
        }
        return RenderJob(id: "theme-static", input: paths, render: render)
    }
}
