import Foundation

/// What a build reads and how.
public struct BuildOptions: Sendable {
    public var content: URL
    /// The site's own templates, overriding the built-in theme file by file.
    public var templates: URL
    /// The folder was named (`--templates`): its absence is an error, not the built-in theme alone.
    public var requiresTemplates: Bool
    public var drafts: Bool
    /// Threads for parsing and rendering; 1 runs everything in the calling thread.
    public var threads: Int
    /// Where processed photos are kept between builds: `.hienmau-cache/`
    /// beside the content folder unless given.
    public var cache: URL

    public init(
        content: URL, templates: URL, requiresTemplates: Bool = false, drafts: Bool = false,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, cache: URL? = nil
    ) {
        self.content = content
        self.templates = templates
        self.requiresTemplates = requiresTemplates
        self.drafts = drafts
        self.threads = threads
        self.cache =
            cache ?? content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".hienmau-cache")
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
    /// How many images this build decoded and encoded; the others came from the cache.
    public var imagesProcessed = 0

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Runs the stages once: load → parse → aggregate → render, the files kept
/// in memory. Writing is left to `OutputWriter`, so `check` runs exactly the
/// same stages.
public enum Site {
    public static func generate(_ options: BuildOptions) -> BuildResult {
        let session = SiteSession(options)
        session.remembers = false
        return session.build()
    }
}

extension Duration {
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
