/// The write stage: where the rendered files go.
enum SiteOutput {
    /// Into a staged site, each file as soon as its job made it, none kept
    /// in memory (`hienmau build`): the result holds paths, not files.
    case staged(StagedSite)
    /// Kept in memory (`check`, `Site.generate`).
    case kept
    /// Kept in memory with each job's fingerprint, so that the next build
    /// of the session renders only the jobs whose fingerprint changed (`serve`).
    case remembered
}

/// The files of a build, or their paths when they went to a staged site.
struct Written {
    var files: [OutputFile] = []
    var paths: [String]
    /// The files rendered by this build; the others were the last build's.
    var rendered: [String]
}

/// The files each job made in the last build, with its fingerprint.
struct RenderMemo {
    private var made: [String: (fingerprint: Int, files: [OutputFile])] = [:]

    /// A job made ready by `prepare`: its input is made and hashed.
    struct Prepared {
        var id: String
        var fingerprint: Int
        var run: () -> [OutputFile]
    }

    /// Makes every job's input and fingerprint (the context's with the
    /// input's), and returns the jobs whose fingerprint is new.
    func stale(_ jobs: [RenderJob], context: Int, threads: Int) -> [Prepared] {
        let prepared = Parallel.map(jobs, threads: threads, chunk: 1) { job -> Prepared in
            let (input, run) = job.prepare()
            var hasher = Hasher()
            hasher.combine(context)
            hasher.combine(input)
            return Prepared(id: job.id, fingerprint: hasher.finalize(), run: run)
        }
        return prepared.filter { made[$0.id]?.fingerprint != $0.fingerprint }
    }

    /// Keeps what `stale` jobs made; forgets jobs that are gone. Returns every file, sorted by path.
    mutating func keep(_ stale: [Prepared], made files: [[OutputFile]], jobs: [RenderJob]) -> [OutputFile] {
        for (job, output) in zip(stale, files) { made[job.id] = (job.fingerprint, output) }
        let ids = Set(jobs.map(\.id))
        made = made.filter { ids.contains($0.key) }
        return jobs.flatMap { made[$0.id]?.files ?? [] }.sorted { $0.path < $1.path }
    }

    mutating func forget() {
        made = [:]
    }
}

extension SiteSession {
    /// Runs the jobs into `output`, as the stage "render": the files are
    /// written (or kept) as they are made.
    func write(_ jobs: [RenderJob], to output: SiteOutput, context: Int, runner: inout StageRunner) -> Written {
        let threads = options.threads
        switch output {
        case .staged(let site):
            renders.forget()
            site.beginWriting()
            let count = jobs.count
            let paths = runner.run(
                "render",
                says: Message(
                    vi: "Dựng và ghi \(VietnameseFormat.integer(count)) trang và tệp dữ liệu…",
                    en: "Rendering and writing \(count) pages and data files…")
            ) {
                Parallel.map(jobs, threads: threads, chunk: 1) { job -> [String] in
                    if site.isStopping { return [] }
                    let files = job.run()
                    site.write(files)
                    return files.map(\.path)
                }.joined().sorted()
            }
            return Written(paths: paths, rendered: paths)
        case .kept:
            let files = runner.run("render", says: rendering(jobs.count)) {
                // One job per task: a few jobs (lists, data files) cost as much as hundreds of pages.
                Parallel.map(jobs, threads: threads, chunk: 1) { $0.run() }.joined().sorted { $0.path < $1.path }
            }
            return Written(files: files, paths: files.map(\.path), rendered: files.map(\.path))
        case .remembered:
            let stale = runner.run("render") { renders.stale(jobs, context: context, threads: threads) }
            return runner.run("render", says: rendering(stale.count)) {
                let made = Parallel.map(stale, threads: threads, chunk: 1) { $0.run() }
                let files = renders.keep(stale, made: made, jobs: jobs)
                return Written(files: files, paths: files.map(\.path), rendered: made.joined().map(\.path).sorted())
            }
        }
    }

    private func rendering(_ count: Int) -> Message {
        Message(
            vi: "Dựng \(VietnameseFormat.integer(count)) trang và tệp dữ liệu…",
            en: "Rendering \(count) pages and data files…")
    }
}
