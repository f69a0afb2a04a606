import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `gloss serve` running on a free port over a copy of the seed workspace.
final class ServedWorkspace {
    let folder: TemporaryFolder
    let process: Process
    /// The address it printed, token included.
    let address: String
    let origin: String
    let token: String

    init(_ folder: TemporaryFolder) throws {
        self.folder = folder
        let (process, out, _) = try GlossProcess.start(["serve", "--port", "0"], in: folder.url)
        self.process = process
        var printed = ""
        // The address is the line that ends with the token.
        while !(printed.range(of: "?token=").map { printed[$0.upperBound...].contains("\n") } ?? false) {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        guard let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("http://127.0.0.1:") }),
              let tokenStart = line.range(of: "/?token=") else {
            process.terminate()
            throw WebDriverError.failed("gloss serve printed no address: \(printed)")
        }
        address = String(line)
        origin = String(line[..<tokenStart.lowerBound])
        token = String(line[tokenStart.upperBound...])
    }

    /// Stops the server as Ctrl-C would; if it has not stopped within ten seconds, kills it.
    func stop() {
        process.interrupt()
        for _ in 0..<100 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func annotations(_ id: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.url.appendingPathComponent("annotations/\(id).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func annotationBytes(_ id: String) -> Data? {
        try? Data(contentsOf: folder.url.appendingPathComponent("annotations/\(id).json"))
    }
}

@Suite("gloss serve (end to end)", .serialized)
struct ServeEndToEndTests {
    static let source = "000_f9abcd99e54dd106"

    static let bib = """
    @book{oran1998,
      author = {Oran, Baskın},
      title = {Türk Dış Politikası},
      year = {1998},
      publisher = {İletişim},
    }

    """

    @Test(.enabled(if: Browser.chromium != nil && Browser.driver != nil,
                   "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"),
          .timeLimit(.minutes(10)))
    func readSelectClaimRejectLinkAndFollow() async throws {
        let folder = try SeedWorkspace.copy()
        let bibFile = try folder.write("in/library.bib", Self.bib)
        #expect(try GlossProcess.run(["bib", "import", bibFile], in: folder.url).status == 0)
        let served = try ServedWorkspace(folder)
        defer { served.stop() }
        let browser = try await WebDriver()
        do {
            try await run(served, browser)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// Whether `condition` holds within 20 seconds: a form's POST may still be on its way when
    /// the click that sent it returns.
    private func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        return false
    }

    private func run(_ served: ServedWorkspace, _ browser: WebDriver) async throws {
        let folder = served.folder
        // The sources page, then the reading view of one source.
        try await browser.open(served.address)
        try await browser.click("a.source-link[href=\"/source/\(Self.source)\"]")
        #expect(try await browser.currentURL.hasSuffix("/source/\(Self.source)"))

        // As many highlighted citations as gloss cites lists.
        let cites = try GlossProcess.run(["cites", Self.source, "--format", "jsonl"], in: folder.url)
        let lines = cites.stdout.split(separator: "\n")
        let marks = try await browser.execute("return document.querySelectorAll('mark.cite').length") as? Int
        #expect(marks == lines.count)
        #expect(lines.count > 10)

        // Select a passage: the form offers to make it a claim.
        let selected = try #require(try await browser.execute("""
            var paras = document.querySelectorAll('p.para');
            for (var i = 2; i < paras.length; i++) {
              var walker = document.createTreeWalker(paras[i], NodeFilter.SHOW_TEXT), node;
              while ((node = walker.nextNode())) {
                if (node.data.length >= 60 && node.parentNode === paras[i]) {
                  var range = document.createRange(); range.setStart(node, 5); range.setEnd(node, 55);
                  var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
                  paras[i].dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
                  return [range.toString(), document.querySelector('#claim-form input[name=start]').value,
                          document.querySelector('#claim-form input[name=end]').value];
                }
              }
            }
            return null;
            """) as? [String])
        try await browser.type("webtest, ilk okuma", into: "#claim-form input[name=tags]")
        try await browser.type("from the browser", into: "#claim-form input[name=note]")
        try await browser.execute("document.querySelector('#claim-form select[name=cite]').value = ''")
        try await browser.click("#claim-form button[type=submit]")
        #expect(try await browser.currentURL.contains("/source/\(Self.source)"))

        // The CLI reads it back: same span, the stored words, the tags and note.
        #expect(try await eventually { try GlossProcess.run(["claim", "list", "--tag", "webtest"], in: folder.url).stdout.contains("webtest") })
        let listed = try GlossProcess.run(["claim", "list", "--format", "json"], in: folder.url)
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let claim = try #require(claims.first { ($0["body"] as? [[String: Any]])?.contains { $0["value"] as? String == "webtest" } == true })
        let selectors = try #require((claim["target"] as? [String: Any])?["selector"] as? [[String: Any]])
        let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
        #expect(String(position["start"] as? Int ?? -1) == selected[1])
        #expect(String(position["end"] as? Int ?? -1) == selected[2])
        #expect(selectors.first { $0["type"] as? String == "TextQuoteSelector" }?["exact"] as? String == selected[0])
        let values = (claim["body"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(Set(values) == ["webtest", "ilk okuma", "from the browser"])
        let shown = try GlossProcess.run(["show", Self.source, "--span", "\(selected[1])..\(selected[2])"], in: folder.url)
        // gloss show ends its output with a line feed the text may not have.
        #expect(shown.stdout == selected[0] || shown.stdout == selected[0] + "\n")
        let claimID = try #require(claim["id"] as? String)
        #expect(try await browser.execute("return document.querySelectorAll('span.claim[data-claims~=\"\(claimID)\"]').length") as? Int ?? 0 > 0)
        try Browser.keep(try await browser.screenshot(), named: "serve-reading-view.png")

        // Edit the claim's tags in its panel, then remove it.
        try await browser.click(".claim-note[data-claim=\"\(claimID)\"]")
        try await browser.execute("document.querySelector('#panel input[name=tags]').value = ''")
        try await browser.type("revised", into: "#panel input[name=tags]")
        try await browser.click("#panel form[action=\"/claims/edit\"] button")
        #expect(try await eventually { try GlossProcess.run(["claim", "show", claimID], in: folder.url).stdout.contains("revised") })
        let edited = try GlossProcess.run(["claim", "show", claimID], in: folder.url)
        #expect(edited.stdout.contains("revised") && !edited.stdout.contains("webtest"), "\(edited.stdout)")

        // Reject a citation.
        let rejected = try #require(try await browser.execute(
            "return document.querySelector('mark.cite:not(.st-rejected)').getAttribute('data-cite')") as? String)
        try await browser.click("mark.cite[data-cite=\"\(rejected)\"]")
        try await browser.click("#panel form[action=\"/cite/reject\"] button")
        #expect(try await eventually { (try served.annotations(Self.source)["rejectedCitations"] as? [String])?.contains(rejected) == true })
        #expect(try await eventually {
            try await browser.execute("var m = document.querySelector('mark.cite[data-cite=\"\(rejected)\"]'); return m !== null && m.classList.contains('st-rejected')") as? Bool == true
        })
        // …and accept it again.
        try await browser.click("mark.cite[data-cite=\"\(rejected)\"]")
        try await browser.click("#panel form[action=\"/cite/restore\"] button")
        #expect(try await eventually { (try served.annotations(Self.source)["rejectedCitations"] as? [String] ?? []).contains(rejected) == false })

        // Link a citation to the library record.
        let linkedByHand = try #require(try await browser.execute(
            "return document.querySelectorAll('mark.cite')[1].getAttribute('data-cite')") as? String)
        try await browser.click("mark.cite[data-cite=\"\(linkedByHand)\"]")
        try await browser.execute("document.querySelector('#panel select[name=record]').value = 'oran1998'")
        try await browser.click("#panel form[action=\"/link\"] button")
        #expect(try await eventually {
            (try served.annotations(Self.source)["links"] as? [[String: String]] ?? []).contains { $0["citation"] == linkedByHand && $0["record"] == "oran1998" }
        })

        // Follow a linked citation to its record.
        try await browser.click("mark.cite.st-linked")
        try await browser.click("#panel a.record-link")
        #expect(try await browser.currentURL.contains("#r-"))
        #expect(try await browser.execute("var t = document.querySelector(':target'); return t !== null && t.closest('section.records') !== null") as? Bool == true)
        try Browser.keep(try await browser.screenshot(), named: "serve-record.png")
    }

    @Test(.timeLimit(.minutes(5)))
    func requestsWithoutTheTokenOrFromAnotherSiteAreRefused() async throws {
        let folder = try SeedWorkspace.copy()
        let served = try ServedWorkspace(folder)
        defer { served.stop() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        let session = URLSession(configuration: configuration)
        func send(_ path: String, method: String = "GET", body: String? = nil, headers: [String: String] = [:]) async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: served.origin + path)!)
            request.httpMethod = method
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            }
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let (data, response) = try await session.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        let (noToken, noTokenPage) = try await send("/source/\(Self.source)")
        #expect(noToken == 401)
        #expect(!noTokenPage.contains("mark class=\"cite"))
        #expect(try await send("/?token=0123").0 == 401)
        let (ok, page) = try await send("/source/\(Self.source)?token=\(served.token)")
        #expect(ok == 200)
        let csrf = try #require(page.range(of: "\"csrf\":\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) })

        let line = try #require(try GlossProcess.run(["cites", Self.source, "--format", "jsonl"], in: folder.url).stdout.split(separator: "\n").first)
        let cite = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let citation = "\(Self.source):\(cite["start"] as? Int ?? 0)-\(cite["end"] as? Int ?? 0)"
        let form = "citation=\(citation.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        let before = served.annotationBytes(Self.source)

        // Each refused, and nothing written.
        let refused: [(String, String, [String: String], Int)] = [
            ("no token", "/cite/reject", [:], 401),
            ("no CSRF value", "/cite/reject?token=\(served.token)", [:], 403),
            ("a wrong CSRF value", "/cite/reject?token=\(served.token)&csrf=x", [:], 403),
            ("another origin", "/cite/reject?token=\(served.token)", ["Origin": "http://evil.example"], 403),
            ("a cross-site fetch", "/cite/reject?token=\(served.token)", ["Sec-Fetch-Site": "cross-site"], 403),
        ]
        for (what, path, headers, status) in refused {
            let withCSRF = what == "no CSRF value" || what == "a wrong CSRF value" ? form + (what == "a wrong CSRF value" ? "&csrf=0" : "")
                : form + "&csrf=\(csrf)"
            #expect(try await send(path, method: "POST", body: withCSRF, headers: headers).0 == status, "\(what)")
            #expect(served.annotationBytes(Self.source) == before, "\(what)")
        }
        #expect(try await send("/cite/reject?token=\(served.token)", method: "PUT", body: form + "&csrf=\(csrf)").0 == 403)
        #expect(served.annotationBytes(Self.source) == before)

        // The same request from the server's own page is done.
        _ = try await send("/cite/reject?token=\(served.token)", method: "POST", body: form + "&csrf=\(csrf)",
                           headers: ["Origin": served.origin, "Sec-Fetch-Site": "same-origin"])
        #expect((try served.annotations(Self.source)["rejectedCitations"] as? [String])?.contains(citation) == true)
    }
}
