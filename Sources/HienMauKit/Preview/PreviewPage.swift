/// What only the preview server adds to pages: the script that reloads them
/// after a rebuild, and the page that shows a failed build's errors. Neither
/// is ever part of `build` output.
public enum PreviewPage {
    public static let reloadPath = "/__hienmau/reload"

    /// Reloads the page when the server says the site was rebuilt.
    public static let reloadScript = """
        <script>(function () {
          var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(reloadPath)");
          socket.onmessage = function (event) { if (event.data === "reload") { location.reload(); } };
        })();</script>
        """

    /// `html` with the reload script before `</body>` (or at the end).
    public static func injectingReload(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + reloadScript }
        var out = html
        out.insert(contentsOf: reloadScript + "\n", at: end.lowerBound)
        return out
    }

    /// The located errors of a failed build, as a page in the site's language.
    public static func errors(_ diagnostics: Diagnostics, language: Language) -> String {
        let printer = DiagnosticPrinter(language: language)
        let items = diagnostics.sorted.filter(\.isError).map { "<pre>\(Escape.html(printer.format($0)))</pre>" }
        let title = language == .vi ? "Trang chưa dựng được" : "The site could not be built"
        let lead =
            language == .vi
            ? "Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại."
            : "Fix the errors below and save the file; the page reloads by itself."
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}
            h1{color:#a3001b}pre{background:#fff4f4;border-left:4px solid #a3001b;padding:1rem;overflow-x:auto;white-space:pre-wrap}</style>
            </head>
            <body>
            <main>
            <h1>\(title)</h1>
            <p>\(lead)</p>
            \(items.joined(separator: "\n"))
            </main>
            \(reloadScript)
            </body>
            </html>

            """
    }
}
