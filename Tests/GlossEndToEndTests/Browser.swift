import Foundation
import Testing

/// Debian's headless chromium (and its WebDriver, chromium-driver), for the tests of the reading
/// view; `.ci/run` installs them.
enum Browser {
    static let chromium = GlossProcess.tool("chromium")
    static let driver = GlossProcess.tool("chromedriver")

    /// Renders `url` in headless chromium to a PNG of `width`×`height`; returns its bytes.
    static func screenshot(_ url: String, width: Int = 1280, height: Int = 1400, in folder: URL) throws -> Data {
        let png = folder.appendingPathComponent("screenshot-\(UUID().uuidString).png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(folder.appendingPathComponent("chromium-profile-\(UUID().uuidString)").path)",
                             "--window-size=\(width),\(height)", "--screenshot=\(png.path)", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: png)
    }

    /// Keeps a screenshot in the test output: as an attachment, and as a file under
    /// `$GLOSS_SCREENSHOTS` (default: the temporary folder's `gloss-screenshots/`), whose path it prints.
    static func keep(_ png: Data, named name: String) throws {
        Attachment.record(png, named: name)
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GLOSS_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("gloss-screenshots").path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try png.write(to: file)
        print("screenshot: \(file.path)")
    }

    /// True when `data` starts with the PNG signature.
    static func isPNG(_ data: Data) -> Bool {
        data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}

/// A copy of the repository's own workspace (the five seed articles and their annotations) in a
/// temporary folder, so tests can change it.
enum SeedWorkspace {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func copy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in ["sources", "annotations"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        return folder
    }

    /// The source ids of the seeds.
    static let ids = ["000_f9abcd99e54dd106", "001_cc601ad832c95fda", "002_ccf2ee7b6882ff5b", "003_aa1cca43322b1ae7", "004_7b87abbc1d0be081"]
}
