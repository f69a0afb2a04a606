import Foundation
import Testing

/// `gloss cites --stdin`: JSON lines of texts in, JSON lines of citations out, no workspace.
@Suite("gloss cites --stdin")
struct CitesStdinEndToEndTests {
    /// One input line `{"id", "text"}`.
    static func inputLine(id: String, text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text], options: [.sortedKeys]), as: UTF8.self) + "\n"
    }

    /// The seed articles, each fed as one line with its source id, come back as exactly the lines
    /// `gloss cites --format jsonl` writes for the repository's workspace.
    @Test func seedsGiveTheWorkspaceListing() throws {
        let folder = try TemporaryFolder()
        var input = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: Seeds.folder.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: Seeds.folder.appendingPathComponent(name), encoding: .utf8)
            input += try Self.inputLine(id: String(name.dropLast(4)), text: text)
        }
        let streamed = try Self.runPiped(input, in: folder.url)
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(streamed.stderr.isEmpty)
        let listed = try GlossProcess.run(["cites", "--format", "jsonl", "--workspace", Seeds.repository.path], in: folder.url)
        #expect(listed.status == 0)
        #expect(listed.stdout.split(separator: "\n").count > 100)
        #expect(streamed.stdout == listed.stdout)
        // No workspace was made or needed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    /// Lines are answered on all cores a batch at a time (batches of 4 MB of input: here three),
    /// and the answers come out in input order: each line's are those it gets alone.
    @Test func manyLinesComeBackInInputOrder() throws {
        let folder = try TemporaryFolder()
        var seeds: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Seeds.folder.path).sorted() where name.hasSuffix(".txt") {
            seeds.append(try String(contentsOf: Seeds.folder.appendingPathComponent(name), encoding: .utf8))
        }
        // Each seed alone, under the id `sK`.
        var alone: [[Substring]] = []
        for (k, text) in seeds.enumerated() {
            let run = try Self.runPiped(try Self.inputLine(id: "s\(k)", text: text), in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            alone.append(run.stdout.split(separator: "\n"))
        }
        let count = 200
        var input = ""
        var expected = ""
        for index in 0..<count {
            let k = index % seeds.count
            input += try Self.inputLine(id: "t\(index)", text: seeds[k])
            for line in alone[k] {
                expected += line.replacingOccurrences(of: "\"s\(k)\"", with: "\"t\(index)\"")
                    .replacingOccurrences(of: "\"s\(k):", with: "\"t\(index):") + "\n"
            }
        }
        #expect(input.utf8.count > 8_000_000)
        let run = try Self.runPiped(input, in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == expected.split(separator: "\n").count)
        #expect(run.stdout == expected)
    }

    /// Any string is an id; offsets count code points of the normalised text (CRLF → LF, NFC).
    @Test func idsAreFreeAndOffsetsAreCodePointsOfTheNormalisedText() throws {
        let folder = try TemporaryFolder()
        // s + combining cedilla composes to ş; ı + combining acute has no composed form and stays two.
        let text = "Bas\u{0327}ka\r\nbir g\u{0131}\u{0301}r (Yılmaz, 2020: 15) öyle.\r\n"
        let input = try Self.inputLine(id: "PMC 12/3:\"x\"", text: text) + "   \n" + (try Self.inputLine(id: "empty", text: ""))
        let run = try Self.runPiped(input, in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(rows.count == 1)
        #expect(rows[0]["source"] as? String == "PMC 12/3:\"x\"")
        #expect(rows[0]["id"] as? String == "PMC 12/3:\"x\":15-33")
        #expect(rows[0]["start"] as? Int == 15 && rows[0]["end"] as? Int == 33)
        #expect(rows[0]["text"] as? String == "(Yılmaz, 2020: 15)")
    }

    /// A bad line stops the run with one line naming it on stderr and exit 65; the lines before it
    /// have been answered.
    @Test(arguments: [
        (#"{"id": "x"}"#, #"line 2: no "text""#),
        (#"{"id": 7, "text": "a"}"#, #"line 2: "id" is not a string"#),
        (#"["x", "y"]"#, "line 2: not a JSON object"),
        (#"{"id": "x", "text": "(Smith, 2020"#, "line 2: not valid JSON"),
    ])
    func badLineIsNamed(bad: String, message: String) throws {
        let folder = try TemporaryFolder()
        let input = try Self.inputLine(id: "ok", text: "As shown (Smith, 2020: 4).") + bad + "\n" + (try Self.inputLine(id: "after", text: "(Oran, 1998)"))
        let run = try Self.runPiped(input, in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("standard input, \(message)"), "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 1 && run.stdout.contains(#""id":"ok:9-25""#))
    }

    @Test func sourceIdsOrAnotherFormatAreUsageErrors() throws {
        let folder = try TemporaryFolder()
        #expect(try Self.runPiped("", in: folder.url, arguments: ["x"]).status == 64)
        #expect(try Self.runPiped("", in: folder.url, arguments: ["--format", "json"]).status == 64)
        let empty = try Self.runPiped("", in: folder.url, arguments: ["--format", "jsonl"])
        #expect(empty.status == 0 && empty.stdout.isEmpty)
    }

    /// Each line is answered before the next is read: a caller that waits for the answer before it
    /// sends more input (a coprocess) is not left waiting.
    @Test func answersEachLineBeforeTheNextArrives() throws {
        let folder = try TemporaryFolder()
        let (process, out, err, input) = try Self.startPiped(in: folder.url)
        for (index, year) in [2001, 2002, 2003].enumerated() {
            try input.write(contentsOf: Data(try Self.inputLine(id: "t\(index)", text: "See (Smith, \(year)).").utf8))
            var answer = Data()
            while !answer.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                try #require(!chunk.isEmpty, "gloss ended early")
                answer.append(chunk)
            }
            let line = String(decoding: answer, as: UTF8.self)
            #expect(line.contains(#""source":"t\#(index)""#) && line.contains(#""year":"\#(year)""#))
        }
        try input.close()
        let rest = GlossProcess.finish(process, out, err)
        #expect(rest.status == 0 && rest.stdout.isEmpty, "\(rest.stderr)")
    }

    /// `gloss cites --stdin` with a pipe on its standard input; the pipe's writing end is returned.
    static func startPiped(in folder: URL, arguments: [String] = []) throws -> (Process, Pipe, Pipe, FileHandle) {
        let process = Process()
        process.executableURL = GlossProcess.binary
        process.arguments = ["cites", "--stdin"] + arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GLOSS_WORKSPACE")
        process.environment = env
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err, input.fileHandleForWriting)
    }

    /// Runs `gloss cites --stdin` with `input` written from another thread (it may be larger than a
    /// pipe holds) while the output is read.
    static func runPiped(_ input: String, in folder: URL, arguments: [String] = []) throws -> GlossProcess.Result {
        let (process, out, err, writer) = try startPiped(in: folder, arguments: arguments)
        let bytes = Data(input.utf8)
        let thread = Thread {
            try? writer.write(contentsOf: bytes)
            try? writer.close()
        }
        thread.start()
        return GlossProcess.finish(process, out, err)
    }
}
