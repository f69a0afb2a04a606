import Foundation
import Testing

/// The Spark example (examples/spark): `gloss cites --stdin` inside `RDD.pipe`, in local mode, over
/// a sharded corpus made of the seed articles, counting citations per cited work.
@Suite("Spark example")
struct SparkExampleTests {
    static let example = Seeds.repository.appendingPathComponent("examples/spark")

    /// A Python that imports pyspark: `$GLOSS_SPARK_PYTHON` (what `.ci/run` installs), the
    /// repository's `.build/spark-venv`, or `python3` on the PATH; nil when none does or Java is absent.
    static let python: String? = {
        guard GlossProcess.tool("java") != nil else { return nil }
        let candidates: [String?] = [ProcessInfo.processInfo.environment["GLOSS_SPARK_PYTHON"],
                                     Seeds.repository.appendingPathComponent(".build/spark-venv/bin/python").path,
                                     GlossProcess.tool("python3")]
        return candidates.compactMap { $0 }.first { (python: String) -> Bool in
            guard FileManager.default.isExecutableFile(atPath: python) else { return false }
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["-c", "import pyspark"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return false }
            probe.waitUntilExit()
            return probe.terminationStatus == 0
        }
    }()

    /// One row of the job's output.
    struct Work: Hashable, Comparable, CustomStringConvertible {
        var author: String
        var year: String
        var citations: Int
        var texts: Int

        /// The job's order: most cited first, then by author and year (code points, as Python compares).
        static func < (a: Work, b: Work) -> Bool {
            if a.citations != b.citations { return a.citations > b.citations }
            let (x, y) = (Array(a.author.unicodeScalars.map(\.value)), Array(b.author.unicodeScalars.map(\.value)))
            if x != y { return x.lexicographicallyPrecedes(y) }
            return Array(a.year.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.year.unicodeScalars.map(\.value))
        }

        var description: String { "\(author) \(year): \(citations) in \(texts)" }
    }

    @Test(.enabled(if: python != nil, "pyspark (pip install pyspark) or Java is absent"), .timeLimit(.minutes(10)))
    func countsCitedWorksAcrossAShardedCorpus() throws {
        let python = try #require(Self.python)
        let folder = try TemporaryFolder()
        // The corpus: every seed three times over, under three ids, dealt over four shards.
        let copies = 3
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Seeds.folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 1...copies {
            for seed in seeds {
                let text = try Data(contentsOf: Seeds.folder.appendingPathComponent(seed))
                try folder.write("texts/copy\(copy)-\(seed)", [UInt8](text))
            }
        }
        try Self.run(python, [Self.example.appendingPathComponent("texts_to_jsonl.py").path, "texts", "corpus", "--shards", "4"], in: folder.url)
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("corpus").path)
        #expect(shards.count == 4)

        try Self.run(python, [Self.example.appendingPathComponent("count_cited_works.py").path, "--gloss", GlossProcess.binary.path,
                              "--master", "local[2]", "corpus", "counts"], in: folder.url)
        let output = folder.url.appendingPathComponent("counts")
        let parts = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("part-") }.sorted()
        var found: [Work] = []
        for part in parts {
            for line in try String(contentsOf: output.appendingPathComponent(part), encoding: .utf8).split(separator: "\n") {
                let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                found.append(Work(author: try #require(row["author"] as? String), year: try #require(row["year"] as? String),
                                  citations: try #require(row["citations"] as? Int), texts: try #require(row["texts"] as? Int)))
            }
        }

        // What the job must say, counted here from the workspace listing of the seeds.
        let listing = try GlossProcess.run(["cites", "--format", "jsonl", "--workspace", Seeds.repository.path], in: folder.url)
        #expect(listing.status == 0)
        var citations: [[String]: Int] = [:], texts: [[String]: Set<String>] = [:]
        for line in listing.stdout.split(separator: "\n") {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for item in try #require(row["items"] as? [[String: Any]]) {
                guard let author = item["author"] as? String, let year = item["year"] as? String, !author.isEmpty, !year.isEmpty else { continue }
                let key = [author.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "), year]
                citations[key, default: 0] += copies
                texts[key, default: []].insert(try #require(row["source"] as? String))
            }
        }
        let expected = citations.map { key, count in Work(author: key[0], year: key[1], citations: count, texts: copies * texts[key]!.count) }.sorted()
        #expect(expected.count > 40)
        #expect(expected.contains { $0.author == "zeytinci" && $0.year == "2025" })
        #expect(found == expected)
    }

    /// Runs `python arguments…` in `folder`; its output is shown only when it fails.
    static func run(_ python: String, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let log = folder.appendingPathComponent("python.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self).suffix(3000)
        try #require(process.terminationStatus == 0, "\(python) \(arguments.joined(separator: " ")): \(output)")
    }
}
