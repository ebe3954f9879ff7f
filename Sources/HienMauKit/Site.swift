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
    /// Empty when the build wrote its files as it made them (`build(into:)`).
    public var files: [OutputFile]
    /// Every file's path, sorted.
    public var paths: [String] = []
    /// Where the files were written when the build streamed them: to be committed or abandoned.
    public var staged: StagedSite?
    public var assets: [(path: String, url: URL)]
    public var diagnostics: Diagnostics
    public var language: Language
    public var rows: Int
    public var timings: [(stage: String, seconds: Double)]
    /// Paths of the files rendered by this build (the others were reused).
    public var rendered: [String] = []
    /// The path part of `base_url` (`/` or `/sub/path/`): links start with it.
    public var basePath = "/"
    /// How long adding up the CSV took in all, when it ran alongside parsing
    /// (`timings` then shows only the wait after parsing ended).
    public var aggregateSeconds: Double?

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Runs the pipeline in order: load → parse → aggregate → render. Writing is
/// left to `OutputWriter`, so `check` runs exactly the same stages.
public enum Site {
    public static func generate(_ options: BuildOptions) -> BuildResult {
        SiteSession(options).build()
    }
}

/// A build that remembers: each write-up's parse, the figures from the CSV and
/// each render job's output, so that `serve` redoes only what an edit touched.
/// A one-off build is a session used once.
public final class SiteSession {
    public let options: BuildOptions
    /// How many times the donation records were read (tests check serve does not re-read them).
    public private(set) var recordReads = 0
    /// Told what the build is doing, with counts, for a progress line.
    public var progress: (@Sendable (Message) -> Void)?

    private var writeUps: [String: ContentSet.ParsedWriteUp] = [:]
    private let texts = TextCache()
    private var figures: (key: Int, version: Int, addedUp: AddedUp)?
    private var renders: [String: (fingerprint: Int, files: [OutputFile])] = [:]
    /// For a build that ends the process right after: its parsed write-ups,
    /// figures and renderer are kept here instead of being freed object by
    /// object, which took a tenth of a second at 10,000 campaigns. The
    /// process's exit gives the memory back at once (compilers do the same).
    public var keepsMemoryUntilExit = false
    private var kept: [Any] = []

    public init(_ options: BuildOptions) {
        self.options = options
    }

    /// Runs the stages. With `openSite`, called once there is something to
    /// write, each file goes into the staged site as soon as it is rendered
    /// and is not kept: the result then holds paths, not files. When it
    /// returns nil the files are kept as without it.
    public func build(into openSite: (() -> StagedSite?)? = nil) -> BuildResult {
        var diagnostics = Diagnostics()
        var timings: [(String, Double)] = []
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            timings.append((stage, (now - clock).seconds))
            clock = now
        }

        progress?(Message(vi: "Đọc nội dung…", en: "Reading content…"))
        let files = SiteFiles.load(content: options.content, templates: options.templates, cache: texts,
                                   diagnostics: &diagnostics)
        lap("load")
        let writeUps = files.campaigns.count
        progress?(Message(vi: "Phân tích \(VietnameseFormat.integer(writeUps)) bài viết…", en: "Parsing \(writeUps) write-ups…"))

        let config = files.config.flatMap { SiteConfig.parse($0, diagnostics: &diagnostics) }
        // Without a usable site.yml the other inputs are still checked, with defaults.
        let settings = config ?? SiteConfig(title: "", baseURL: "https://example.invalid/")
        var content = ContentSet.parseFrontMatter(files, config: settings, drafts: options.drafts,
                                                  threads: options.threads, cache: &self.writeUps)
        // The figures need only the front matter: the CSV is read while the bodies are parsed.
        let pending = startAggregate(files, settings: settings, content: content)
        // Meanwhile the campaign pages' folders are made, unless the build is already failing.
        let frontMatterFailed = content.checks.hasErrors || files.campaigns.contains { self.writeUps[$0.path]?.campaign == nil }
        let early = config == nil || frontMatterFailed ? nil : openSite?()
        if let early {
            let paths = SitePaths(base: settings.basePath)
            early.prepare(content.published.map { paths.file(for: paths.campaign($0.slug)) })
        }
        // Reading the CSV is the longer of the two: the bodies leave it a core to itself.
        content.parseBodies(files, config: settings, threads: max(1, options.threads - 1), cache: &self.writeUps,
                            diagnostics: &diagnostics)
        let templates = TemplateSet.parse(files.templates, directory: files.templatesName, diagnostics: &diagnostics)
        lap("parse")

        let (computed, version, aggregateSeconds) = finishAggregate(pending)
        diagnostics.append(contentsOf: computed.diagnostics)
        lap("aggregate")

        guard !diagnostics.hasErrors, let config, let templates else {
            return BuildResult(files: [], staged: early, assets: [], diagnostics: diagnostics, language: settings.language,
                               rows: computed.rows, timings: timings, aggregateSeconds: aggregateSeconds)
        }
        content.renderMarkdown(config: config, threads: options.threads)
        var renderer = SiteRenderer(
            config: config, templates: templates,
            campaigns: content.published.sorted { ($0.date, $0.id) > ($1.date, $1.id) },
            pages: content.pages, figures: computed.figures, honours: computed.honours, specs: content.specs,
            markdown: content.markdown, threads: options.threads)
        var inputs = Hasher()
        inputs.combine(TextKey(files.config?.text ?? ""))
        for template in files.templates { inputs.combine(template.path); inputs.combine(TextKey(template.text)) }
        inputs.combine(version)
        renderer.inputs = inputs.finalize()

        let site = early ?? openSite?()
        let jobs = renderer.jobs(fingerprinted: site == nil)
        if let site {
            site.beginWriting()
            progress?(Message(vi: "Dựng và ghi \(VietnameseFormat.integer(jobs.count)) trang và tệp dữ liệu…",
                              en: "Rendering and writing \(jobs.count) pages and data files…"))
            let paths = Parallel.map(jobs, threads: options.threads, chunk: 1) { job -> [String] in
                if site.isStopping { return [] }
                let files = job.run()
                site.write(files)
                return files.map(\.path)
            }
            renders = [:]
            lap("render")
            if keepsMemoryUntilExit { kept = [files, content, computed, renderer, jobs] }
            let written = paths.joined().sorted()
            return BuildResult(files: [], paths: written, staged: site, assets: files.assets, diagnostics: diagnostics,
                               language: config.language, rows: computed.rows, timings: timings,
                               rendered: written, basePath: config.basePath, aggregateSeconds: aggregateSeconds)
        }
        // Jobs whose fingerprint is unchanged keep their files from the last build.
        let stale = jobs.filter { renders[$0.id]?.fingerprint != $0.fingerprint }
        progress?(Message(vi: "Dựng \(VietnameseFormat.integer(stale.count)) trang và tệp dữ liệu…",
                          en: "Rendering \(stale.count) pages and data files…"))
        // One job per task: a few jobs (lists, data files) cost as much as hundreds of pages.
        let made = Parallel.map(stale, threads: options.threads, chunk: 1) { $0.run() }
        for (job, output) in zip(stale, made) { renders[job.id] = (job.fingerprint, output) }
        let ids = Set(jobs.map(\.id))
        renders = renders.filter { ids.contains($0.key) }
        let output = jobs.flatMap { renders[$0.id]?.files ?? [] }.sorted { $0.path < $1.path }
        lap("render")
        return BuildResult(files: output, paths: output.map(\.path), assets: files.assets, diagnostics: diagnostics,
                           language: config.language, rows: computed.rows, timings: timings,
                           rendered: made.flatMap { $0.map(\.path) }.sorted(), basePath: config.basePath,
                           aggregateSeconds: aggregateSeconds)
    }

    /// The figures from the CSV and the awards from honours.csv, on a thread
    /// of their own, unless nothing they depend on changed since the last
    /// build: the two files, and which campaigns exist with what target,
    /// period and order.
    private func startAggregate(_ files: SiteFiles, settings: SiteConfig, content: ContentSet) -> PendingFigures {
        let campaigns = content.published.sorted { $0.sortKey < $1.sortKey }
        var key = Hasher()
        key.combine(files.donationsPath)
        if let status = try? FileManager.default.attributesOfItem(atPath: files.donationsURL.path) {
            key.combine((status[.modificationDate] as? Date)?.timeIntervalSince1970)
            key.combine(status[.size] as? Int)
            key.combine(status[.systemFileNumber] as? Int)
        }
        key.combine(files.honours?.bytes)
        for campaign in campaigns { key.combine(campaign.id); key.combine(campaign.targetUnits) }
        for id in Set(content.all.map(\.id)).union(content.failedIDs).sorted() { key.combine(id) }
        for (id, period) in content.periods.sorted(by: { $0.key < $1.key }) { key.combine(id); key.combine(period) }
        key.combine(settings.milestones)
        key.combine(settings.consentDefault)
        key.combine(settings.columns.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" })
        let fingerprint = key.finalize()

        let pending = PendingFigures(key: fingerprint)
        if let known = figures, known.key == fingerprint {
            pending.result = known.addedUp
            pending.done.signal()
            return pending
        }
        progress?(Message(vi: "Cộng số liệu…", en: "Adding up the records…"))
        let job = AddUp(files: files, settings: settings, content: content, campaigns: campaigns,
                        threads: options.threads, progress: progress)
        let work: @Sendable () -> Void = {
            let started = ContinuousClock.now
            pending.result = job.run()
            pending.seconds = (ContinuousClock.now - started).seconds
            pending.done.signal()
        }
        if options.threads > 1 {
            let thread = Thread(block: work)
            thread.stackSize = 1 << 23
            thread.start()
        } else {
            work()
        }
        return pending
    }

    /// Waits for the figures and keeps them for the next build.
    /// `seconds` is nil when the figures were kept from the last build.
    private func finishAggregate(_ pending: PendingFigures) -> (AddedUp, version: Int, seconds: Double?) {
        pending.done.wait()
        let addedUp = pending.result!
        if let known = figures, known.key == pending.key {
            return (addedUp, known.version, nil)
        }
        recordReads += 1
        let version = (figures?.version ?? 0) + 1
        figures = (pending.key, version, addedUp)
        return (addedUp, version, pending.seconds)
    }
}

/// Adding up the CSV and reading honours.csv: what `startAggregate` runs on
/// its thread. Its inputs are copies that nothing changes while it runs.
private struct AddUp: @unchecked Sendable {
    var files: SiteFiles
    var settings: SiteConfig
    var content: ContentSet
    var campaigns: [Campaign]
    var threads: Int
    var progress: (@Sendable (Message) -> Void)?

    /// Splitting the reading over two threads (`DonationTable.ReadingThreads`)
    /// costs CPU and pays only where a core would otherwise wait: when the
    /// CSV is much larger than the write-ups parsed beside it. Measured at 1.5
    /// times (the L corpus: no gain) and 14 times (XL: 1.5 s faster).
    var splittingAbove: Int { 4 * files.campaigns.reduce(0) { $0 + $1.text.utf8.count } }

    func run() -> AddedUp {
        var records = Diagnostics()
        let honours = files.honours.map { HonoursTable.parse($0.bytes, file: $0.path, diagnostics: &records) } ?? []
        var builder = FigureBuilder(
            campaigns: campaigns.map { FigureBuilder.CampaignInfo(id: $0.id, targetUnits: $0.targetUnits) },
            milestones: settings.milestones, consentDefault: settings.consentDefault, file: files.donationsPath)
        let context = DonationTable.Context(
            file: files.donationsPath, columnMapping: settings.columns,
            campaignIDs: Set(content.all.map(\.id)).union(content.failedIDs), periods: content.periods)
        let progress = self.progress
        DonationTable.read(url: files.donationsURL, context: context, diagnostics: &records, into: &builder,
                           threads: threads, splittingAbove: splittingAbove) { n in
            progress?(Message(vi: "Cộng số liệu: \(VietnameseFormat.integer(n)) dòng…", en: "Adding up the records: \(n) rows…"))
        }
        records.append(contentsOf: builder.nameWarnings())
        records.append(contentsOf: builder.donorWarnings(file: files.donationsPath, threads: threads))
        let result = builder.finish(threads: threads)
        return AddedUp(figures: result, honours: honours, diagnostics: records, rows: builder.rowsRead)
    }
}

/// What adding up gives: the figures, the awards, their messages, the rows read.
private struct AddedUp {
    var figures: SiteFigures
    var honours: [Honour]
    var diagnostics: Diagnostics
    var rows: Int
}

/// Figures being added up on another thread; `done` is signalled when `result` is set.
private final class PendingFigures: @unchecked Sendable {
    let key: Int
    let done = DispatchSemaphore(value: 0)
    var result: AddedUp?
    var seconds: Double?

    init(key: Int) {
        self.key = key
    }
}

extension Duration {
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
