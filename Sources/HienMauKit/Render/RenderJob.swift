/// One unit of rendering: the files it makes and the one value, its input,
/// that it makes them from together with the `RenderContext`.
///
/// A job's fingerprint is the hash of its input: derived, never listed by
/// hand. The render functions are the context's methods (templates, figure
/// pages, data exports), which see the content only through the input, so
/// whatever reaches a file is in the input, and hashed. The context
/// (site.yml, templates, figures) is fingerprinted once for all jobs by the
/// session. Each input is the cheapest value that stands for its files (the
/// types are in Views.swift and RenderInputs.swift):
/// - a page that lists campaigns, a page of `content/pages/`, 404: its view
///   model, all that its template sees;
/// - a campaign page: its site view and its write-up, hashed as the text the
///   write-up is parsed from. Its view model holds the rendered figures:
///   making it for every campaign only to hash it would cost most of a render;
/// - an honour-roll page: its site view and number (the roll is context);
/// - the feed and the sitemap: their entries, exactly what they print;
/// - the other data files: the campaigns without their bodies (`Listing`),
///   hashed as their front matter, or nothing but the context for the
///   honour roll's. Rendering them to hash their bytes was measured first:
///   80 ms of CPU or more at M (1,000 campaigns) on every rebuild, where
///   the whole rebuild after an edit of one write-up's text now takes 40–50 ms.
/// `serve` makes and hashes every input on each rebuild, then renders the
/// jobs whose hash changed; a one-off build calls `run`, which hashes nothing.
struct RenderJob {
    let id: String
    /// The files, made without a fingerprint.
    let run: () -> [OutputFile]
    /// Makes the input once: its hash, and the files made from it.
    let prepare: () -> (fingerprint: Int, run: () -> [OutputFile])

    init<Input: Hashable>(id: String, input: @escaping () -> Input, render: @escaping (Input) -> [OutputFile]) {
        self.id = id
        run = { render(input()) }
        prepare = {
            let value = input()
            return (value.hashValue, { render(value) })
        }
    }
}
