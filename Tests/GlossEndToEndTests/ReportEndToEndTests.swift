import Foundation
import Testing

@Suite("gloss report (end to end)")
struct ReportEndToEndTests {
    /// The number of citation highlights per source in a report.
    static func highlights(in html: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let articles = html.components(separatedBy: "<article class=\"source\"").dropFirst()
        for article in articles {
            guard let start = article.range(of: "data-source=\"")?.upperBound,
                  let end = article[start...].firstIndex(of: "\"") else { continue }
            counts[String(article[start..<end])] = article.components(separatedBy: "<mark class=\"cite ").count - 1
        }
        return counts
    }

    @Test func everySeedCitationIsHighlightedAndNothingIsExternal() throws {
        let folder = try SeedWorkspace.copy()
        let report = try GlossProcess.run(["report", "-o", "report.html"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: folder.url.appendingPathComponent("report.html"), encoding: .utf8)
        let counts = Self.highlights(in: html)
        #expect(counts.keys.sorted() == SeedWorkspace.ids)
        for id in SeedWorkspace.ids {
            let cites = try GlossProcess.run(["cites", id, "--format", "jsonl"], in: folder.url)
            let lines = cites.stdout.split(separator: "\n").count
            #expect(lines > 0)
            #expect(counts[id] == lines, "\(id)")
        }
        // Self-contained: nothing is loaded from elsewhere, and every link stays in the file.
        for external in ["<link ", " src=", "url(", "@import", "<iframe", "<img"] {
            #expect(!html.contains(external), "\(external)")
        }
        let targets = html.components(separatedBy: " href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!targets.isEmpty)
        #expect(targets.allSatisfy { $0.hasPrefix("#") })
        // The findings of gloss check are beside the text: the seeds' one error, the malformed Kuzio citation.
        #expect(html.contains("<code>malformed-citation</code>"))
        #expect(html.contains("“Geopolitical,104)"))
    }

    @Test func textFromTheSourceIsEscaped() throws {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init", "."], in: folder.url).status == 0)
        let file = try folder.write("in/x.txt", "A <script>alert(1)</script> & \"quoted\" claim (Smith, 2020: 4).\n\nMore text here.\n")
        #expect(try GlossProcess.run(["add", file, "--id", "x", "--title", "<b>Title</b>"], in: folder.url).status == 0)
        let claim = try GlossProcess.run(["claim", "add", "x", "--quote", "<script>alert(1)</script>", "--tag", "<i>tag</i>",
                                          "--note", "</script><script>alert(2)</script>"], in: folder.url)
        #expect(claim.status == 0, "\(claim.stderr)")
        let report = try GlossProcess.run(["report", "x", "-o", "x.html"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: folder.url.appendingPathComponent("x.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>Title") && !html.contains("<i>tag"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;Title&lt;/b&gt;"))
        #expect(Self.highlights(in: html) == ["x": 1])
    }

    @Test func aMissingSourceIsAnErrorAndNothingIsWritten() throws {
        let folder = try SeedWorkspace.copy()
        let report = try GlossProcess.run(["report", "nope", "-o", "report.html"], in: folder.url)
        #expect(report.status == 66 || report.status == 65 || report.status == 64, "\(report.status)")
        #expect(report.stderr.contains("nope"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("report.html").path))
    }

    @Test(.enabled(if: GlossProcess.tool("tidy") != nil, "tidy is not installed (apt-get install tidy)"))
    func reportIsValidHTML() throws {
        let folder = try SeedWorkspace.copy()
        #expect(try GlossProcess.run(["report", "-o", "report.html"], in: folder.url).status == 0)
        let tidy = Process()
        tidy.executableURL = URL(fileURLWithPath: GlossProcess.tool("tidy")!)
        tidy.arguments = ["-q", "-e", "--show-warnings", "yes", "report.html"]
        tidy.currentDirectoryURL = folder.url
        let err = Pipe()
        tidy.standardError = err
        tidy.standardOutput = Pipe()
        try tidy.run()
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tidy.waitUntilExit()
        // 0: no warnings or errors; 1: warnings; 2: errors.
        #expect(tidy.terminationStatus == 0, "\(messages)")
    }

    @Test(.enabled(if: Browser.chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func reportRendersInChromium() throws {
        let folder = try SeedWorkspace.copy()
        #expect(try GlossProcess.run(["report", "001_cc601ad832c95fda", "-o", "report.html"], in: folder.url).status == 0)
        let png = try Browser.screenshot(folder.url.appendingPathComponent("report.html").absoluteString, in: folder.url)
        #expect(Browser.isPNG(png))
        #expect(png.count > 20_000)
        try Browser.keep(png, named: "report-001.png")
    }
}
